#!/usr/bin/env python3
"""The calendar rules alone, timed in process on the benchmark corpus.

    python benchmarks/calendar_rules.py --posts 100000

Reads the corpus's ``calendar.csv`` as ``governance lint`` does (the same
reader, the same slim copies the engine keeps for calendar rules), then times
building the shared timeline and each calendar rule of ``benchmarks/policy/all``
on its own, in CPU seconds of this process (steadier than wall time on a busy
machine): the cost ``lint`` adds once the per-post rules are done. Run
``benchmarks/run.py`` first, or give the same ``--posts``/``--seed``: the corpus
and its policies are placed by it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from governance.calendars import ReadOptions, iter_posts  # noqa: E402
from governance.lint.context import build_context  # noqa: E402
from governance.lint.hooks import DeclaredRulesHook  # noqa: E402
from governance.lint.store import PostStore  # noqa: E402
from governance.loader import load_policy  # noqa: E402
from governance.models.post import Post  # noqa: E402
from governance.rules.calendar.timeline import timeline  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    corpus = REPO / "benchmarks" / ".corpus" / f"posts-{args.posts}-seed-{args.seed}"
    if not (corpus / "policy-all").exists():
        sys.exit(f"calendar_rules.py: no corpus at {corpus}; run benchmarks/run.py first")
    hook = DeclaredRulesHook()
    loaded = load_policy(corpus / "policy-all", hooks=(hook,))
    assert loaded.policy is not None, [str(f) for f in loaded.findings]
    policy = loaded.policy.policy
    ctx = build_context(policy, dt.date(2026, 1, 1), None)
    store = PostStore()
    for item in iter_posts(str(corpus / "calendar.csv"), ReadOptions(timezone="UTC")):
        if isinstance(item, Post):
            store.add(item)
    posts = store.posts
    gc.collect()
    print(f"{len(posts):,} posts")
    start = time.process_time()
    timeline(posts, ctx)
    total = time.process_time() - start
    print(f"{'timeline (shared)':<24} {total:>7.3f} s")
    for rule in hook.catalogue.rules("calendar"):
        start = time.process_time()
        found = sum(1 for _ in rule.check(posts, ctx))
        seconds = time.process_time() - start
        total += seconds
        print(f"{rule.id:<24} {seconds:>7.3f} s {found:>7,} findings")
    print(f"{'all calendar rules':<24} {total:>7.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
