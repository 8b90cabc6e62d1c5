"""Micro-benchmark: the term matcher against the standard-library floor, same run.

    python benchmarks/text_micro.py CORPUS_DIR [--bench-dir /work/shared/bench] [--repeat 3]

CORPUS_DIR is what ``gen_corpus.py --out`` wrote (calendar.csv, lexicon.tsv).
Both sides see the same texts, already in memory, so only matching is timed:
the floor's ``lexicon_counter(trie=True)`` (one prefix-trie alternation per case
mode, case-insensitive terms on lower-cased text) and ``TermMatcher.find``.
Rounds alternate between the two and the best round counts (wall and CPU time
separately), because shared machines are noisy and ratios, not absolute times,
are what carry over.
Results go to stdout as one JSON object.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from governance.text import Term, TermMatcher


def load_floor(bench_dir: Path) -> Callable[[str, bool], Callable[[str], int]]:
    spec = importlib.util.spec_from_file_location("baseline_floor",
                                                  bench_dir / "baseline_floor.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no baseline_floor.py in {bench_dir}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    counter: Callable[[str, bool], Callable[[str], int]] = module.lexicon_counter
    return counter


def load_terms(path: Path) -> list[Term]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Term(row["term"], row["replacement"], row["case_sensitive"] == "true")
                for row in rows]


def best_of(rounds: int, runs: dict[str, Callable[[], int]]
            ) -> dict[str, tuple[float, float, int]]:
    """Best wall time, best CPU time and the hit count of each run."""
    best: dict[str, tuple[float, float, int]] = {}
    for _ in range(rounds):
        for name, run in runs.items():
            wall, cpu = time.perf_counter(), time.process_time()
            hits = run()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if name in best:
                wall, cpu = min(wall, best[name][0]), min(cpu, best[name][1])
            best[name] = (wall, cpu, hits)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--bench-dir", type=Path, default=Path("/work/shared/bench"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with (args.corpus / "calendar.csv").open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    floor = load_floor(args.bench_dir)(str(args.corpus / "lexicon.tsv"), True)
    started = time.perf_counter()
    matcher = TermMatcher(load_terms(args.corpus / "lexicon.tsv"))
    compile_ms = (time.perf_counter() - started) * 1000
    find = matcher.find
    best = best_of(args.repeat, {
        "floor_trie": lambda: sum(floor(text) for text in texts),
        "term_matcher": lambda: sum(len(find(text)) for text in texts),
    })
    report: dict[str, dict[str, float]] = {
        name: {"wall_ms": round(wall * 1000), "cpu_ms": round(cpu * 1000), "hits": hits}
        for name, (wall, cpu, hits) in best.items()}
    report["texts"] = {"count": len(texts)}
    report["term_matcher"]["compile_ms"] = round(compile_ms, 1)
    matcher, floor_run = best["term_matcher"], best["floor_trie"]
    report["ratio"] = {"wall": round(matcher[0] / floor_run[0], 3),
                       "cpu": round(matcher[1] / floor_run[1], 3)}
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
