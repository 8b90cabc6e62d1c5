#!/usr/bin/env python3
"""What each rule of a policy costs, timed in process on the benchmark corpus.

    python benchmarks/rule_costs.py --posts 100000 [--policy all]

Reads the corpus's ``calendar.csv`` as ``governance lint`` does, resolves each
post's channel, then runs every active post rule of the policy over all posts,
one rule at a time, and every calendar rule over the slim copies the engine
keeps; prints CPU seconds of this process (steadier than wall time on a busy
machine), microseconds a post and findings per rule, and what the calendar
rules share: keeping the posts (the store) and putting them in time order (the
timeline). Each rule is timed alone, so work that rules share in a lint run (the
UTF-8 split of a text) is counted for each. Run ``benchmarks/run.py`` first: it
places the corpus and policies.
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
from governance.lint.channels import ChannelResolver  # noqa: E402
from governance.lint.context import ActiveRule, activate, build_context, fields_read  # noqa: E402
from governance.lint.hooks import DeclaredRulesHook  # noqa: E402
from governance.lint.store import PostStore  # noqa: E402
from governance.loader import load_policy  # noqa: E402
from governance.models.post import Post  # noqa: E402
from governance.rules.base import LintContext  # noqa: E402
from governance.rules.calendar.timeline import timeline  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--policy", default="all", help="a policy placed by run.py (all, floor...)")
    args = parser.parse_args(argv)
    corpus = REPO / "benchmarks" / ".corpus" / f"posts-{args.posts}-seed-{args.seed}"
    policy_dir = corpus / f"policy-{args.policy}"
    if not policy_dir.exists():
        sys.exit(f"rule_costs.py: no {policy_dir}; run benchmarks/run.py first")
    hook = DeclaredRulesHook()
    loaded = load_policy(policy_dir, hooks=(hook,))
    assert loaded.policy is not None, [str(f) for f in loaded.findings]
    policy = loaded.policy.policy
    ctx = build_context(policy, dt.date(2026, 1, 1), None)
    posts = read_posts(corpus / "calendar.csv", ChannelResolver(policy.channels))
    gc.collect()
    print(f"{len(posts):,} posts; CPU seconds, microseconds a post, findings")
    catalogue = hook.catalogue
    total = time_post_rules(activate(catalogue.rules("post"), catalogue, ctx), posts, ctx)
    calendar_rules = activate(catalogue.rules("calendar"), catalogue, ctx)
    store = PostStore(fields_read(calendar_rules))
    start = time.process_time()
    for post in posts:
        store.add(post)
    seconds = time.process_time() - start
    per_post = 1e6 * seconds / len(posts)
    print(f"{'store (kept posts, shared)':<28} {seconds:>7.2f} s {per_post:>7.1f} µs")
    total += seconds + time_calendar_rules(calendar_rules, store.posts, ctx)
    print(f"{'all rules':<28} {total:>7.2f} s {1e6 * total / len(posts):>7.1f} µs")
    return 0


def read_posts(calendar: Path, resolver: ChannelResolver) -> list[Post]:
    posts = []
    for item in iter_posts(str(calendar), ReadOptions(timezone="UTC")):
        if isinstance(item, Post):
            channel, _ = resolver.resolve(item.channel)
            if channel is not None:
                item.channel = channel
                posts.append(item)
    return posts


def time_post_rules(rules: list[ActiveRule], posts: list[Post], ctx: LintContext) -> float:
    total = 0.0
    for active in rules:
        check = active.check
        start = time.process_time()
        found = sum(1 for post in posts for _ in check(post, ctx))
        seconds = time.process_time() - start
        total += seconds
        print(f"{active.rule.id:<28} {seconds:>7.2f} s {1e6 * seconds / len(posts):>7.1f} µs "
              f"{found:>8,}")
    return total


def time_calendar_rules(rules: list[ActiveRule], posts: list[Post], ctx: LintContext) -> float:
    start = time.process_time()
    timeline(posts, ctx)
    total = time.process_time() - start
    print(f"{'timeline (calendar, shared)':<28} {total:>7.2f} s")
    for active in rules:
        start = time.process_time()
        found = sum(1 for _ in active.check(posts, ctx))
        seconds = time.process_time() - start
        total += seconds
        print(f"{active.rule.id:<28} {seconds:>7.2f} s {1e6 * seconds / len(posts):>7.1f} µs "
              f"{found:>8,}")
    return total


if __name__ == "__main__":
    sys.exit(main())
