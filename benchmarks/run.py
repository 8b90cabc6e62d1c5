#!/usr/bin/env python3
"""``governance lint`` against the pure-Python floor, on one generated corpus, in one run.

    python benchmarks/run.py --posts 100000

Generates the corpus with ``gen_corpus.py`` of the shared benchmark inputs
(``--shared``, default ``../shared/bench`` beside the repository) unless it is
already in ``benchmarks/.corpus/``, then measures, in the same run and with
this interpreter:

1. ``baseline_floor.py --trie``: lexicon, length and ``#ad`` checks, stdlib only;
2. ``governance lint`` with ``benchmarks/policy/floor``: the same three checks,
   declared as a company would, and no other rule (a fair comparison);
3. the floor again, then ``governance lint`` with ``benchmarks/policy/all``:
   every rule the corpus has data for (skip with ``--floor-only``);
4. for each ``--policy DIR``, the floor again, then ``governance lint`` with it;
5. ``governance lint`` with ``policy/all`` once per report format (text, json,
   sarif, junit, github), for its peak memory (skip with ``--no-formats``).

Wall time, CPU time and peak RSS are those of each command's process
(``os.wait4`` in a small launcher, so this script's own memory never counts);
the peak RSS includes the second process lint may start. The
planted counts of ``manifest.json`` must be found exactly, by the floor and by
each governance run (lexicon hits, over-length posts, sponsored posts without
``#ad``); a difference is printed and the exit code is 1.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLICIES = REPO / "benchmarks" / "policy"
CORPORA = REPO / "benchmarks" / ".corpus"
#: governance rule id -> the floor's name for the check.
CHECKS = {"bench.lexicon": "lexicon", "post.length": "length", "bench.disclosure": "disclosure"}
#: Report formats measured one by one with the all-rules policy.
FORMATS = ("text", "json", "sarif", "junit", "github")
#: manifest.json's name for each check's planted count.
PLANTED = {"lexicon": "banned_planted", "length": "over_length", "disclosure": "missing_ad"}


@dataclass
class Measure:
    seconds: float
    cpu_seconds: float  # user + system: what the machine's other load changes least
    peak_mb: float  # the largest peak RSS of the process and those it waited for (wait4)
    exit_code: int
    stdout: str
    stderr: str
    #: The most memory the process and the processes it started held at once:
    #: their proportional set sizes (shared pages split between them) added up,
    #: sampled every 100 ms. lint shares its rules with a second process on a
    #: machine with two cores; this counts both, and their shared pages once.
    all_peaks_mb: float = 0.0


def measure(command: list[str], repeat: int) -> Measure:
    """The median wall time of ``repeat`` runs of ``command``, with the largest peak RSS.

    A median rather than the best: on a shared machine the best run is luck,
    and the floor and governance should be judged alike.
    """
    runs = sorted((_run_once(command) for _ in range(max(repeat, 1))),
                  key=lambda run: run.seconds)
    middle = runs[len(runs) // 2]
    middle.seconds = statistics.median(run.seconds for run in runs)
    middle.cpu_seconds = statistics.median(run.cpu_seconds for run in runs)
    middle.peak_mb = max(run.peak_mb for run in runs)
    middle.all_peaks_mb = max(run.all_peaks_mb for run in runs)
    return middle


#: Starts the measured command from a small process of its own. Linux keeps a
#: process's peak RSS across ``exec``: a command started straight from this
#: script would report this script's own peak (hundreds of MB once it has read a
#: large report) whenever that is the larger. Forked from a fresh interpreter of
#: a few MB, the command's peak is its own. Prints seconds, CPU seconds, peak KB
#: and exit code to the file named first.
LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execv(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    out.write(f"{seconds} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss} "
              f"{os.waitstatus_to_exitcode(status)}")
"""


def _run_once(command: list[str]) -> Measure:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".measure") as measured:
        launcher = subprocess.Popen([sys.executable, "-S", "-c", LAUNCHER, measured.name,
                                     *command],
                                    stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        descendants = _DescendantPeaks(launcher.pid)
        descendants.start()
        launcher.wait()
        descendants.done.set()
        descendants.join()
        seconds, cpu, peak_kb, exit_code = measured.read().split()
        out.seek(0)
        err.seek(0)
        own = int(peak_kb) / 1024
        return Measure(float(seconds), float(cpu), own, int(exit_code),
                       out.read().decode("utf-8", "replace"),
                       err.read().decode("utf-8", "replace"),
                       max(own, descendants.peak_kb / 1024))


class _DescendantPeaks(threading.Thread):
    """The largest sum of the proportional set sizes (``Pss``, kB) of a launcher's
    descendants (the command and the processes it starts), read from ``/proc``
    every 100 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.done, self.peak_kb = pid, threading.Event(), 0

    def run(self) -> None:
        while not self.done.wait(0.1):
            total = sum(_pss_kb(pid) for pid in _descendants(self.pid))
            self.peak_kb = max(self.peak_kb, total)


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        found.extend(int(c) for c in children)
        todo.extend(int(c) for c in children)
    return found


def _pss_kb(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:  # gone, or no such file on this system
        return 0
    for line in rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def ensure_corpus(shared: Path, posts: int, seed: int) -> Path:
    corpus = CORPORA / f"posts-{posts}-seed-{seed}"
    if (corpus / "manifest.json").exists():
        return corpus
    generator = shared / "gen_corpus.py"
    if not generator.exists():
        sys.exit(f"run.py: {generator} not found (give the shared benchmark inputs with --shared)")
    print(f"generating {posts:,} posts into {corpus.relative_to(REPO)} ...", file=sys.stderr)
    subprocess.run([sys.executable, str(generator), "--posts", str(posts), "--seed", str(seed),
                    "--out", str(corpus)], check=True, stdout=subprocess.DEVNULL)
    return corpus


def place_policies(corpus: Path, extra: Sequence[Path] = ()) -> dict[str, Path]:
    """Copies the policies beside the corpus, where ``../lexicon.tsv`` is its lexicon
    and ``../policy-floor`` the floor's policy (``policy/all`` extends it)."""
    sources = {"floor": POLICIES / "floor", "all": POLICIES / "all"}
    for path in extra:
        if not path.is_dir():
            sys.exit(f"run.py: --policy {path} is not a policy directory")
        sources.setdefault(path.resolve().name, path)
    placed = {}
    for name, source in sources.items():
        target = corpus / f"policy-{name}"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)
        placed[name] = target
    return placed


def floor_counts(run: Measure) -> dict[str, int]:
    """``lexicon=3246 length=5243 disclosure=2243`` on the floor's stderr."""
    pairs = (part.partition("=") for part in run.stderr.split())
    return {name: int(value) for name, _, value in pairs if name in PLANTED}


def governance_counts(report: Path) -> tuple[dict[str, int], int, int]:
    """Findings per floor check, all findings, and the rules that ran."""
    data = json.loads(report.read_text(encoding="utf-8"))
    by_rule = Counter(f["rule"] for f in data["findings"])
    counts = {check: by_rule.get(rule, 0) for rule, check in CHECKS.items()}
    return counts, len(data["findings"]), data["summary"]["checked"].get("rules", 0)


def compared(who: str, found: dict[str, int], expected: dict[str, int]) -> list[str]:
    return [f"{who}: {check} {found.get(check)} found, {count} planted"
            for check, count in expected.items() if found.get(check) != count]


def lint(corpus: Path, policy: Path, repeat: int, fmt: str = "json",
         jobs: int | None = None) -> tuple[Measure, Path]:
    report = corpus / f"report-{policy.name}.{fmt}"
    command = [sys.executable, "-m", "governance", "lint", str(corpus / "calendar.csv"),
               "--policy", str(policy), "--format", fmt, "--output", str(report),
               "--today", "2026-01-01", "--allow-path", str(corpus),
               *(["--jobs", str(jobs)] if jobs else [])]
    run = measure(command, repeat)
    if run.exit_code not in (0, 1):  # 1: findings at error, as planted
        sys.exit(f"governance lint failed ({run.exit_code}):\n{run.stderr}")
    return run, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "bench",
                        help="the shared benchmark inputs (gen_corpus.py, baseline_floor.py)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each; the median time counts")
    parser.add_argument("--floor-only", action="store_true",
                        help="skip the all-rules row and the format rows")
    parser.add_argument("--policy", dest="policies", action="append", type=Path, default=[],
                        metavar="DIR", help="another policy to measure, in a row of its own "
                        "(repeatable; copied beside the corpus like the others)")
    parser.add_argument("--no-formats", action="store_true",
                        help="skip the rows of each report format with policy/all")
    parser.add_argument("--jobs", type=int, default=None,
                        help="governance lint --jobs N (default: lint decides)")
    args = parser.parse_args(argv)

    corpus = ensure_corpus(args.shared, args.posts, args.seed)
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    expected = {check: manifest["expected"][key] for check, key in PLANTED.items()}
    policies = place_policies(corpus, args.policies)
    floor_command = [sys.executable, str(args.shared / "baseline_floor.py"), "--trie", str(corpus)]
    rows, problems = [], []
    for name in ["floor"] if args.floor_only else list(policies):
        floor = measure(floor_command, args.repeat)
        if floor.exit_code != 0:
            sys.exit(f"baseline_floor.py failed ({floor.exit_code}):\n{floor.stderr}")
        problems += compared("baseline_floor.py", floor_counts(floor), expected)
        run, report = lint(corpus, policies[name], args.repeat, jobs=args.jobs)
        counts, total, rules = governance_counts(report)
        if name in ("floor", "all"):  # another policy need not run the floor's checks
            problems += compared(f"governance ({name} policy)", counts, expected)
        if name == "floor" and rules != len(CHECKS):
            problems.append(f"governance (floor policy) ran {rules} rules, not {len(CHECKS)}")
        rows.append((name, floor, run, total, rules))
    print_table(manifest["posts"], expected, rows)
    if not args.floor_only and not args.no_formats:
        print_formats(manifest["posts"],
                      [(fmt, lint(corpus, policies["all"], args.repeat, fmt, args.jobs)[0])
                       for fmt in FORMATS])
    for problem in problems:
        print(f"MISMATCH {problem}", file=sys.stderr)
    return 1 if problems else 0


def print_table(posts: int, expected: dict[str, int],
                rows: list[tuple[str, Measure, Measure, int, int]]) -> None:
    planted = ", ".join(f"{check} {count:,}" for check, count in expected.items())
    print(f"{posts:,} posts; planted and found by every run: {planted}")
    header = ("policy", "posts", "rules", "floor s", "governance s", "ratio", "CPU ratio",
              "floor MB", "governance MB", "all MB", "posts/s", "findings")
    print("{:<8} {:>8} {:>6} {:>8} {:>13} {:>6} {:>9} {:>9} {:>14} {:>7} {:>8} {:>9}".format(
        *header))
    for name, floor, run, total, rules in rows:
        print(f"{name:<8} {posts:>8} {rules:>6} {floor.seconds:>8.2f} {run.seconds:>13.2f} "
              f"{run.seconds / floor.seconds:>6.2f} "
              f"{run.cpu_seconds / max(floor.cpu_seconds, 1e-9):>9.2f} {floor.peak_mb:>9.0f} "
              f"{run.peak_mb:>14.0f} {run.all_peaks_mb:>7.0f} {posts / run.seconds:>8,.0f} "
              f"{total:>9,}")


def print_formats(posts: int, runs: list[tuple[str, Measure]]) -> None:
    """One row per report format of ``policy/all``: its time and peak memory."""
    print(f"policy/all by report format, {posts:,} posts:")
    print("{:<8} {:>13} {:>7} {:>14} {:>7} {:>8}".format("format", "governance s", "CPU s",
                                                          "governance MB", "all MB", "posts/s"))
    for fmt, run in runs:
        print(f"{fmt:<8} {run.seconds:>13.2f} {run.cpu_seconds:>7.2f} {run.peak_mb:>14.0f} "
              f"{run.all_peaks_mb:>7.0f} {posts / run.seconds:>8,.0f}")


if __name__ == "__main__":
    sys.exit(main())
