"""The examples of declared rules that judge the calendar: small calendars, run on load.

A ``schedule`` or ``pair`` rule is about several posts at once, so each of its
examples is a calendar in its mapping form, ``{posts: [post, ...]}``; each post is
read as a per-post example mapping is (``text``, ``kind``, ``action``,
``target``...), with ``publish_at`` in UTC when it has no offset. A post without
an ``id`` is ``p1``, ``p2``... by its place; one without a ``channel`` is on the
rule's first ``applies_to`` channel, if it names any. A ``fail`` calendar must
give the rule at least one finding, a ``pass`` calendar none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from governance.models.post import Post
from governance.models.rules import Example, RuleBase
from governance.rules.base import LintContext, Problem
from governance.rules.declared.examples import example_post
from governance.source import DataPath

CalendarCheck = Callable[[list[Post], LintContext], Iterator[Problem]]


def is_calendar(example: Example) -> bool:
    return isinstance(example, dict) and isinstance(example.get("posts"), list)


def calendar_example_failures(rule: RuleBase, check: CalendarCheck, ctx: LintContext
                              ) -> Iterator[tuple[DataPath, str]]:
    """``(path of the example, what went wrong)`` for each calendar example that misbehaves."""
    for key, examples in (("fail", rule.examples.fail), ("pass", rule.examples.pass_)):
        for index, example in enumerate(examples):
            if not isinstance(example, dict) or not is_calendar(example):
                continue
            posts = calendar_posts(example["posts"], rule)
            problems = list(check(posts, ctx))
            if key == "fail" and not problems:
                yield ("examples", key, index), \
                    "example calendar should fail but passes: the rule finds nothing in it"
            elif key == "pass" and problems:
                yield ("examples", key, index), \
                    f"example calendar should pass but fails: {problems[0].message}"


def calendar_posts(entries: list[Any], rule: RuleBase) -> list[Post]:
    channel = rule.applies_to.channels[0] if rule.applies_to.channels else ""
    posts = []
    for number, entry in enumerate(entries, start=1):
        fields = entry if isinstance(entry, dict) else {"text": str(entry)}
        post = example_post({"id": f"p{number}", "channel": channel, **fields}, rule.scope)
        posts.append(post)
    return posts
