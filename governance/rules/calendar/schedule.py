"""``schedule`` rules: posts owed on given weekdays, or in the days before an event.

A window is a day (``on: [wednesday]``: every Wednesday) or the ``days`` before
an event's start (``before: {event, days}``); it needs ``at_least`` posts that
the rule's ``applies_to`` accepts and its ``when`` condition selects.

Windows are judged inside the calendar's *span*: its first post's day to its
last post's day, counted over every post of the calendar, or of each channel
where ``applies_to`` names channels (each such channel then owes its own posts).
A window wholly inside the span is judged; one that crosses the span's first or
last day only with ``include_partial: true``; one wholly outside never, since
the plan does not reach it. A channel with no post in the calendar is not
judged: a calendar may plan other channels only.

The finding names the day or the event that lacks its posts, and points at the
posts the window has, else at the posts around it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from governance.models.content import Event
from governance.models.policy import Policy
from governance.models.post import Post
from governance.models.rules import RuleBase, ScheduleRule
from governance.rules.base import LintContext, Problem
from governance.rules.calendar.timeline import Lane, Timeline, day_text, days_text, timeline
from governance.rules.declared.filters import PostFilter, compile_filter
from governance.rules.declared.messages import fill
from governance.rules.declared.types import DeclaredType, compile_condition

CalendarCheck = Callable[[Sequence[Post], LintContext], Iterator[Problem]]
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Window:
    """Days ``first``..``last`` (ordinals) that owe posts, and how a finding names them."""

    first: int
    last: int
    name: str


@dataclass(frozen=True)
class Span:
    """The days a plan covers, and the posts that count in them, for one lane."""

    channel: str
    first: int
    last: int
    counted: Lane
    around: Lane


def compile_schedule(rule: ScheduleRule, policy: Policy) -> CalendarCheck:
    """The check of a schedule rule; a bad ``when`` pattern raises ``CompileError``."""
    counts = compile_condition(rule.when, ("when",)) if rule.when is not None else None
    accepts = compile_filter(rule.applies_to, policy, counts)
    event = _event(rule, policy)

    def check(posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
        calendar = timeline(posts, ctx)
        for span in spans(calendar, accepts):
            for window in windows(rule, event, span.first, span.last):
                if judged(window, span.first, span.last, rule.include_partial):
                    problem = _judge(rule, window, span)
                    if problem is not None:
                        yield problem

    return check


def spans(calendar: Timeline, accepts: PostFilter) -> Iterator[Span]:
    """One span for the calendar, or one per channel when the rule names channels;
    the posts that count are those ``accepts`` (``applies_to`` and ``when``) keeps."""
    if accepts.channels is None:
        lanes = [("", calendar.everything)]
    else:
        lanes = [(c, calendar.channels[c]) for c in sorted(accepts.channels)
                 if c in calendar.channels]
    for channel, lane in lanes:
        if not lane:
            continue
        keep = [accepts.accepts(p) for p in lane.posts]
        yield Span(channel, lane.days[0], lane.days[-1], lane.where(keep), lane)


def windows(rule: ScheduleRule, event: Event | None, first: int, last: int) -> list[Window]:
    """The windows of a rule for a span of days ``first``..``last``, in time order."""
    if event is not None and rule.before is not None:
        start = event.start.toordinal()
        what = event.description.strip() or event.id
        name = (f"the {rule.before.days} day{'' if rule.before.days == 1 else 's'} before "
                f"{what} ({event.id}, from {event.start.isoformat()})")
        return [Window(start - rule.before.days, start - 1, name)]
    wanted = {WEEKDAYS.index(day) for day in rule.on}
    return [Window(day, day, f"{WEEKDAYS[(day - 1) % 7].capitalize()} {day_text(day)}")
            for day in range(first, last + 1) if (day - 1) % 7 in wanted]


def judged(window: Window, first: int, last: int, include_partial: bool) -> bool:
    """Whether a window is judged in the span ``first``..``last``: inside it, or
    crossing its edge when partial windows are included."""
    if window.last < first or window.first > last:
        return False
    return include_partial or (first <= window.first and window.last <= last)


def _judge(rule: ScheduleRule, window: Window, span: Span) -> Problem | None:
    days = span.counted.days
    low = bisect.bisect_left(days, window.first)
    high = bisect.bisect_right(days, window.last)
    count = high - low
    if count >= rule.at_least:
        return None
    posts = tuple(span.counted.posts[low:high]) or _around(span.around, window)
    where = f"channel {span.channel!r}: " if span.channel else ""
    held = f"{count} matching post{'' if count == 1 else 's'}"
    period = "" if window.first == window.last else f", {days_text(window.first, window.last)}"
    detail = f"{where}{window.name}{period}: {held}, fewer than {rule.at_least}"
    message = f"{fill(rule.message, count=count, limit=rule.at_least)} ({detail})"
    return Problem(message, posts=posts, channel=span.channel,
                   data={"count": count, "limit": rule.at_least, "window": window.name,
                         "first_day": day_text(window.first), "last_day": day_text(window.last)})


def _around(lane: Lane, window: Window) -> tuple[Post, ...]:
    """The window's other posts, else those just before and after it: where its
    posts belong."""
    low = bisect.bisect_left(lane.days, window.first)
    high = bisect.bisect_right(lane.days, window.last)
    if high > low:
        return tuple(lane.posts[low:high])
    return tuple(lane.posts[i] for i in (low - 1, high) if 0 <= i < len(lane))


def _event(rule: ScheduleRule, policy: Policy) -> Event | None:
    if rule.before is None:
        return None
    # An unknown event id is a reference error of the policy, reported on load.
    return next((e for e in policy.content.events if e.id == rule.before.event), None)


CHECKERS: dict[type[RuleBase], DeclaredType] = {
    ScheduleRule: DeclaredType("calendar",
                               lambda rule, policy, terms: compile_schedule(rule, policy)),
}

