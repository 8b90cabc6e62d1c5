"""A declared rule's own examples, run when the policy loads.

Each ``fail`` example must give at least one problem and each ``pass`` example
none; an example that does not behave means the rule does not do what its
author thinks, which is an error in the policy, not a surprise in the calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from governance.models.post import Post
from governance.models.rules import Example, RuleBase
from governance.rules.base import LintContext
from governance.rules.declared.filters import PostFilter
from governance.rules.declared.types import Checker
from governance.source import DataPath

_LIST_FIELDS = frozenset({"approved_by", "tags", "media"})
_PLAIN_FIELDS = frozenset({"id", "channel", "author", "text", "link", "kind", "topic",
                           "alt_text", "action", "target"})
_EXAMPLE_TIME = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.timezone.utc)


def example_failures(rule: RuleBase, check: Checker, post_filter: PostFilter,
                     ctx: LintContext) -> Iterator[tuple[DataPath, str]]:
    """``(path of the example, what went wrong)`` for each example that misbehaves."""
    for expect_fail, name in ((True, "fail"), (False, "pass_")):
        examples: list[Example] = getattr(rule.examples, name)
        key = "fail" if expect_fail else "pass"
        for index, example in enumerate(examples):
            post = example_post(example, rule.scope)
            in_scope = isinstance(example, str) or post_filter.in_scope(post)
            meets = post_filter.condition is None or post_filter.condition(post)
            problems = list(check(post, ctx)) if in_scope and meets else []
            if expect_fail and not problems:
                why = "the rule finds nothing in it" if in_scope and meets else \
                    "the rule's applies_to does not select this post" if not in_scope else \
                    "the post does not meet the rule's 'when'"
                yield ("examples", key, index), f"example should fail but passes: {why}"
            elif not expect_fail and problems:
                yield ("examples", key, index), \
                    f"example should pass but fails: {problems[0].message}"


def example_post(example: Example, scope: str) -> Post:
    """The post an example stands for: a string is the ``scope`` field's value."""
    fields: Mapping[str, Any] = {scope: example} if isinstance(example, str) else example
    post = Post(id=str(fields.get("id", "example")), publish_at=_moment(fields.get("publish_at")),
                channel="")
    for name, value in fields.items():
        if name in _PLAIN_FIELDS:
            setattr(post, name, "" if value is None else str(value))
        elif name in _LIST_FIELDS:
            items = value if isinstance(value, list) else [value] if value else []
            setattr(post, name, tuple(str(v) for v in items))
        elif name == "sponsored":
            post.sponsored = value is True or str(value).strip().lower() in {"true", "yes", "1"}
        elif name not in {"publish_at", "waive"}:
            post.extra[name] = "" if value is None else str(value)
    return post


def _moment(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if isinstance(value, str):
        try:
            return _moment(dt.datetime.fromisoformat(value))
        except ValueError:
            pass
    return _EXAMPLE_TIME
