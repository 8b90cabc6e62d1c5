"""``share`` and ``cadence`` rules declared in the policy's YAML, as calendar rules.

The same windowing and cadence code as the shipped rules, given the rule's own
data: a ``share`` rule counts the posts its ``match`` condition selects among
those its ``applies_to`` accepts, per channel or over the whole calendar
(``per``); a ``cadence`` rule applies its limits to each channel's posts that
``applies_to`` accepts (so ``applies_to: {kinds: [recruiting]}`` with
``max_per_day: 1`` allows one vacancy a day per channel). A channel none of
whose posts the rule applies to is not judged; ``include_partial: true`` judges
``min_per_week`` in the part-weeks at the calendar's first and last days too.

The rule's ``message`` leads each finding, with ``{count}`` (the worst count)
and ``{limit}`` filled in; the details follow in parentheses. ``severity: off``
builds nothing. A ``match`` pattern that is not valid RE2 makes the rule report
that, once, instead of judging posts.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from governance.models.policy import Policy
from governance.models.post import Post
from governance.models.rules import CadenceRule, RuleBase, ShareRule
from governance.rules.base import LintContext, Problem
from governance.rules.calendar import rates
from governance.rules.calendar.timeline import Lane, Timeline, timeline
from governance.rules.calendar.windows import ShareLimit, overshares, share_problem
from governance.rules.declared.filters import PostFilter, compile_filter
from governance.rules.declared.messages import fill
from governance.rules.declared.types import CompileError, DeclaredType, compile_condition

CalendarCheck = Callable[[Sequence[Post], LintContext], Iterator[Problem]]
#: The cadence limits of a rule, with the function that judges each.
_CADENCE = (("max_per_hour", rates.too_many_per_hour), ("max_per_day", rates.too_many_per_day),
            ("min_per_week", rates.too_few_per_week),
            ("max_silence_days", rates.too_long_silences))


def _share(rule: ShareRule, policy: Policy) -> CalendarCheck:
    try:
        matches = compile_condition(rule.match, ("match",))
    except CompileError as exc:
        return _broken(rule, exc.message)
    accepts = compile_filter(rule.applies_to, policy, _when(rule))
    limit = ShareLimit(rule.max_percent, rule.window_days, rule.min_posts)

    def headline(count: Any, allowed: Any) -> str:
        return fill(rule.message, count=count, limit=f"{rule.max_percent:g}")

    def check(posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
        calendar = timeline(posts, ctx)
        for channel, lane in _lanes(calendar, accepts, rule.per == "calendar"):
            flags = [matches(post) for post in lane.posts]
            for run in overshares(lane, flags, limit, calendar):
                yield share_problem(run, "matching posts", channel, limit, headline)

    return check


def _when(rule: ShareRule | CadenceRule) -> Callable[[Post], bool] | None:
    """The rule's ``when``: it narrows the posts judged (for a share, those counted)."""
    return compile_condition(rule.when, ("when",)) if rule.when is not None else None


def _cadence(rule: CadenceRule, policy: Policy) -> CalendarCheck:
    accepts = compile_filter(rule.applies_to, policy, _when(rule))
    limits = [(getattr(rule, name), judge) for name, judge in _CADENCE
              if getattr(rule, name) is not None]
    if rule.include_partial:
        limits = [(limit, functools.partial(judge, include_partial=True)
                   if judge is rates.too_few_per_week else judge) for limit, judge in limits]

    def headline(count: Any, limit: Any) -> str:
        return fill(rule.message, count=count, limit=limit)

    def check(posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
        calendar = timeline(posts, ctx)
        for channel, lane in _lanes(calendar, accepts, whole=False):
            for limit, judge in limits:
                yield from judge(lane, channel, limit, calendar, headline)

    return check


def _lanes(calendar: Timeline, accepts: PostFilter, whole: bool) -> Iterator[tuple[str, Lane]]:
    """The lanes a rule judges: the calendar's or each channel's, keeping the posts
    it applies to; lanes left empty are skipped."""
    lanes = {"": calendar.everything} if whole else calendar.channels
    for channel, lane in lanes.items():
        if not accepts.everything:
            lane = lane.where([accepts.accepts(post) for post in lane.posts])
        if lane:
            yield channel, lane


def _broken(rule: ShareRule, why: str) -> CalendarCheck:
    def check(posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
        yield Problem(f"rule {rule.id!r} cannot judge the calendar: {why}",
                      data={"rule": rule.id})

    return check


#: The calendar-level declared types, by model.
CHECKERS: dict[type[RuleBase], DeclaredType] = {
    ShareRule: DeclaredType("calendar", lambda rule, policy, terms: _share(rule, policy)),
    CadenceRule: DeclaredType("calendar", lambda rule, policy, terms: _cadence(rule, policy)),
}
