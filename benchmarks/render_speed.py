#!/usr/bin/env python3
"""How long every output of ``governance render`` takes on the example policy.

    python benchmarks/render_speed.py [--policy policies/example] [--repeat 5]

Prints the one-off cost (imports, catalogues, template compilation) and then,
per format and in total, the best of ``--repeat`` warm runs. The budget the
project keeps is one second for all formats together, warm, PDF apart: laying
out pages (WeasyPrint) takes seconds for a twenty-page policy, and is reported
on its own line.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def best_of(repeat: int, job: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", default=str(REPO / "policies" / "example"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    start = time.perf_counter()
    from governance.loader import load_policy
    from governance.render import (
        POLICY_FORMATS,
        RACI_FORMATS,
        RenderOptions,
        render_policy,
        render_raci,
    )

    loaded = load_policy(args.policy).policy
    if loaded is None:
        raise SystemExit(f"{args.policy}: the policy has errors; run governance check")
    jobs: list[tuple[str, Callable[[], object]]] = []
    for fmt in POLICY_FORMATS:
        jobs.append((f"policy.{fmt}", lambda f=fmt: render_policy(loaded, f, RenderOptions())))
    for fmt in RACI_FORMATS:
        jobs.append((f"raci.{fmt}", lambda f=fmt: render_raci(loaded, f, RenderOptions())))
    for _, job in jobs:
        job()
    print(f"imports, load and first render of every format: {time.perf_counter() - start:.3f} s")
    total = paged = 0.0
    for name, job in jobs:
        seconds = best_of(args.repeat, job)
        if name.endswith(".pdf"):
            paged += seconds
        else:
            total += seconds
        print(f"{name:<12} {seconds * 1000:8.1f} ms")
    print(f"{'all but PDF':<12} {total * 1000:8.1f} ms (budget 1000 ms)")
    print(f"{'PDF':<12} {paged * 1000:8.1f} ms (page layout, outside the budget)")


if __name__ == "__main__":
    main()
