"""``pair`` rules: a post of one sort is followed by a post of another, within a window.

Every post that meets ``first`` needs a later post that meets ``second``, from
``within.min_minutes`` to ``within.max_minutes`` after it, with the same value
in each field ``same`` names (``same: [target]``: a quote post of the very post
reposted). A post with an empty ``same`` field cannot be followed up and is a
finding too. ``applies_to`` and ``when`` narrow the posts looked at, first and
second alike; a post never pairs with itself.

The window of a first post near the end of the plan may run past its last day,
where the calendar has not planned yet: such a post is judged only with
``include_partial: true``. The span ends with the last post's day of the
calendar, or of the first post's channel where ``applies_to`` names channels.
The finding is on the first post.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from governance.models.policy import Policy
from governance.models.post import Post
from governance.models.rules import PairRule, RuleBase
from governance.rules.base import LintContext, Problem
from governance.rules.calendar.timeline import Lane, Timeline, timeline
from governance.rules.declared.filters import PostFilter, compile_filter, field_getter
from governance.rules.declared.messages import fill
from governance.rules.declared.types import DeclaredType, compile_condition

CalendarCheck = Callable[[Sequence[Post], LintContext], Iterator[Problem]]
Key = tuple[str, ...]


def compile_pair(rule: PairRule, policy: Policy) -> CalendarCheck:
    """The check of a pair rule; a bad pattern raises ``CompileError``."""
    is_first = compile_condition(rule.first, ("first",))
    is_second = compile_condition(rule.second, ("second",))
    looked_at = compile_condition(rule.when, ("when",)) if rule.when is not None else None
    accepts = compile_filter(rule.applies_to, policy, looked_at)
    readers = [field_getter(name) for name in rule.same]
    low, high = rule.within.min_minutes * 60, rule.within.max_minutes * 60

    def key(post: Post) -> Key:
        return tuple(read(post).strip() for read in readers)

    def check(posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
        calendar = timeline(posts, ctx)
        lane = calendar.everything
        if not accepts.everything:
            lane = lane.where([accepts.accepts(p) for p in lane.posts])
        seconds: dict[Key, _Seconds] = {}
        for position, post in enumerate(lane.posts):
            if is_second(post):
                found = seconds.setdefault(key(post), _Seconds([], []))
                found.positions.append(position)
                found.instants.append(lane.instants[position])
        ends = _span_ends(calendar, accepts)
        for position, post in enumerate(lane.posts):
            if not is_first(post):
                continue
            instant = lane.instants[position]
            if not rule.include_partial and \
                    instant + high > ends.get(post.channel, ends[""]):
                continue
            post_key = key(post)
            candidates = seconds.get(post_key, _NONE)
            if all(post_key) and candidates.follower(position, instant, low, high) is not None:
                continue
            yield _problem(rule, lane, position, post_key, candidates)

    return check


@dataclass(frozen=True)
class _Seconds:
    """The posts that meet ``second`` and share one key: positions and instants, in order."""

    positions: list[int]
    instants: list[float]

    def follower(self, position: int, instant: float, low: float, high: float) -> int | None:
        """The first of these ``low``..``high`` seconds after ``instant``, other than itself."""
        start = bisect.bisect_left(self.instants, instant + low)
        for index in range(start, len(self.positions)):
            if self.instants[index] > instant + high:
                break
            if self.positions[index] != position:
                return self.positions[index]
        return None


_NONE = _Seconds([], [])


def _span_ends(calendar: Timeline, accepts: PostFilter) -> dict[str, float]:
    """The instant each span ends (the midnight after its last day): the calendar's
    under ``""``, and each named channel's."""
    def midnight_after(day: int) -> float:
        following = dt.date.fromordinal(day + 1)
        return dt.datetime(following.year, following.month, following.day,
                           tzinfo=calendar.zone).timestamp()

    ends = {"": midnight_after(calendar.last_day) if calendar.everything else 0.0}
    for channel in accepts.channels or ():
        lane = calendar.channels.get(channel)
        if lane:
            ends[channel] = midnight_after(lane.days[-1])
    return ends


def _problem(rule: PairRule, lane: Lane, position: int, post_key: Key,
             candidates: _Seconds) -> Problem:
    post = lane.posts[position]
    within = rule.within
    same = f" with the same {', '.join(rule.same)}" if rule.same else ""
    if not all(post_key):
        missing = [name for name, value in zip(rule.same, post_key, strict=True) if not value]
        detail = f"{post.id} has no {', '.join(missing)} for a second post to share"
    else:
        detail = (f"no second post{same} {within.min_minutes}–{within.max_minutes} minutes "
                  f"after {post.id}{_nearest(lane, candidates, position)}")
    message = f"{fill(rule.message)} ({detail})"
    return Problem(message, posts=(post,), channel=post.channel,
                   data={"min_minutes": within.min_minutes, "max_minutes": within.max_minutes})


def _nearest(lane: Lane, candidates: _Seconds, position: int) -> str:
    """Where the closest would-be second post is, when there is one."""
    others = [c for c in candidates.positions if c != position]
    if not others:
        return ""
    instant = lane.instants[position]
    nearest = min(others, key=lambda c: abs(lane.instants[c] - instant))
    minutes = round((lane.instants[nearest] - instant) / 60)
    when = f"{minutes} minutes after it" if minutes >= 0 else f"{-minutes} minutes before it"
    return f"; {lane.posts[nearest].id} comes {when}"


CHECKERS: dict[type[RuleBase], DeclaredType] = {
    PairRule: DeclaredType("calendar", lambda rule, policy, terms: compile_pair(rule, policy)),
}
