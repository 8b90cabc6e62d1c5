"""Cadence: not too often, not too rarely («Советы по ведению корпоративных аккаунтов» §10),
counted per channel.

Each function judges one channel's posts (a ``Lane``, in time order) against one
limit and yields one problem per offending stretch, naming the channel, the
stretch and its posts:

* ``too_many_per_hour``: more posts than allowed within any 60 minutes; posts
  whose hours overlap form one burst, reported once.
* ``too_many_per_day``: more posts than allowed on one local calendar day.
* ``too_few_per_week``: fewer posts than required in a Monday-to-Sunday week.
  Only weeks that lie wholly within the calendar's period are judged, so a plan
  that starts on a Thursday is not blamed for a thin first "week" (unless
  ``include_partial``: then the part-weeks at either end are judged too, as
  schedule rules judge windows); consecutive thin weeks are reported as one
  stretch.
* ``too_long_silences``: a gap between two posts longer than allowed. The
  calendar's start and end (its first and last post on any channel) bound the
  first and last gap: a channel that falls silent while the others go on is
  silent in the plan.

A channel with no post in the calendar is not judged: the calendar may plan
other channels only. Hours and gaps are measured in real time (daylight saving
included); days and weeks are local days in the policy's timezone.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from typing import Any

from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.calendar.timeline import (
    DAY_SECONDS,
    Headline,
    Lane,
    Timeline,
    day_text,
    days_text,
    ids_text,
    window,
)

HOUR_SECONDS = 3600
#: Thin weeks in a row whose counts a message lists one by one.
_WEEKS_LISTED = 8


def cadence_limits(ctx: LintContext, name: str) -> dict[str, int]:
    """Channel id -> its ``cadence.<name>``, for the channels that set it."""
    limits = {}
    for channel in ctx.policy.channels:
        value = getattr(channel.cadence, name, None) if channel.cadence else None
        if value:
            limits[channel.id] = value
    return limits


def too_many_per_hour(lane: Lane, channel: str, limit: int, calendar: Timeline,
                      headline: Headline = None) -> Iterator[Problem]:
    instants = lane.instants
    burst_start, burst_end = -1, -1
    for first in range(len(instants) - limit):
        if instants[first + limit] - instants[first] >= HOUR_SECONDS:
            continue
        if first <= burst_end:  # overlaps the burst so far: extend it
            burst_end = first + limit
            continue
        if burst_end >= 0:
            yield _burst(lane, channel, limit, calendar, burst_start, burst_end, headline)
        burst_start, burst_end = first, first + limit
    if burst_end >= 0:
        yield _burst(lane, channel, limit, calendar, burst_start, burst_end, headline)


def _burst(lane: Lane, channel: str, limit: int, calendar: Timeline, first: int, last: int,
           headline: Headline) -> Problem:
    posts = tuple(lane.posts[first:last + 1])
    instants = lane.instants[first:last + 1]
    peak, low = 0, 0
    for high, instant in enumerate(instants):
        while instant - instants[low] >= HOUR_SECONDS:
            low += 1
        peak = max(peak, high - low + 1)
    start, end = calendar.local(posts[0]), calendar.local(posts[-1])
    minutes = round((instants[-1] - instants[0]) / 60)
    when = f"{_clock(start)}–{_clock(end, start)} ({minutes} min)"
    busiest = "" if peak == len(posts) else f", up to {peak} within an hour"
    detail = (f"channel {channel!r}: {len(posts)} posts {when}{busiest}, "
              f"more than {limit} an hour")
    return _problem(detail, headline, posts, channel,
                    {"count": peak, "limit": limit, "first": _clock(start), "last": _clock(end),
                     "window": window(start.toordinal(), end.toordinal())})


def too_many_per_day(lane: Lane, channel: str, limit: int, calendar: Timeline,
                     headline: Headline = None) -> Iterator[Problem]:
    days = lane.days
    first = 0
    while first < len(days):
        last = bisect.bisect_right(days, days[first], lo=first)
        if last - first > limit:
            posts = tuple(lane.posts[first:last])
            detail = (f"channel {channel!r}: {len(posts)} posts on {day_text(days[first])}, "
                      f"more than {limit} a day")
            yield _problem(detail, headline, posts, channel,
                           {"count": len(posts), "limit": limit, "day": day_text(days[first]),
                            "window": window(days[first], days[first])})
        first = last


def too_few_per_week(lane: Lane, channel: str, minimum: int, calendar: Timeline,
                     headline: Headline = None, include_partial: bool = False
                     ) -> Iterator[Problem]:
    if not lane or minimum <= 0:
        return
    days = lane.days
    # Ordinal 1 (0001-01-01) is a Monday: the first Monday on or after the first day,
    # or on or before it when the part-week at the start is judged too.
    if include_partial:
        first_monday = calendar.first_day - (calendar.first_day - 1) % 7
        last_monday = calendar.last_day
    else:
        first_monday = calendar.first_day + (1 - calendar.first_day) % 7
        last_monday = calendar.last_day - 6
    thin: list[tuple[int, int, int]] = []  # (Monday, first post, end of posts) per thin week
    for monday in range(first_monday, last_monday + 1, 7):
        low, high = bisect.bisect_left(days, monday), bisect.bisect_left(days, monday + 7)
        if high - low < minimum:
            thin.append((monday, low, high))
    for stretch in _consecutive(thin):
        yield _thin(lane, channel, minimum, stretch, headline)


def _consecutive(weeks: list[tuple[int, int, int]]) -> Iterator[list[tuple[int, int, int]]]:
    stretch: list[tuple[int, int, int]] = []
    for week in weeks:
        if stretch and week[0] != stretch[-1][0] + 7:
            yield stretch
            stretch = []
        stretch.append(week)
    if stretch:
        yield stretch


def _thin(lane: Lane, channel: str, minimum: int, stretch: list[tuple[int, int, int]],
          headline: Headline) -> Problem:
    first_monday, low, high = stretch[0][0], stretch[0][1], stretch[-1][2]
    days = days_text(first_monday, stretch[-1][0] + 6)
    counts = [week_high - week_low for _, week_low, week_high in stretch]
    if len(stretch) == 1:
        held = f"{counts[0]} post{'' if counts[0] == 1 else 's'} in the week {days}"
    else:
        each = ", ".join(str(c) for c in counts) if len(counts) <= _WEEKS_LISTED else \
            f"at most {max(counts)}"
        held = f"{sum(counts)} posts in the {len(stretch)} weeks {days} ({each} a week)"
    posts = tuple(lane.posts[low:high])
    if not posts:  # nothing in the stretch: point at the posts around it
        posts = tuple(lane.posts[i] for i in (low - 1, high) if 0 <= i < len(lane))
    detail = f"channel {channel!r}: {held}, fewer than {minimum} a week"
    return _problem(detail, headline, posts, channel,
                    {"count": min(counts), "limit": minimum, "first_day": day_text(first_monday),
                     "last_day": day_text(stretch[-1][0] + 6),
                     "window": window(first_monday, stretch[-1][0] + 6)})


def too_long_silences(lane: Lane, channel: str, max_days: int, calendar: Timeline,
                      headline: Headline = None) -> Iterator[Problem]:
    if not lane:
        return
    allowed = max_days * DAY_SECONDS
    instants = lane.instants
    if instants[0] - calendar.start > allowed:
        yield _silence(calendar, channel, max_days, None, lane.posts[0],
                       instants[0] - calendar.start, headline)
    for index in range(1, len(instants)):
        gap = instants[index] - instants[index - 1]
        if gap > allowed:
            yield _silence(calendar, channel, max_days, lane.posts[index - 1], lane.posts[index],
                           gap, headline)
    if calendar.end - instants[-1] > allowed:
        yield _silence(calendar, channel, max_days, lane.posts[-1], None,
                       calendar.end - instants[-1], headline)


def _silence(calendar: Timeline, channel: str, max_days: int, before: Post | None,
             after: Post | None, gap: float, headline: Headline) -> Problem:
    since = (f"{before.id} on {_clock(calendar.local(before))}" if before else
             "the calendar's first post")
    until = (f"{after.id} on {_clock(calendar.local(after))}" if after else
             "the calendar's last post")
    detail = (f"channel {channel!r}: no post for {_duration(gap)}, from {since} to {until}, "
              f"longer than {max_days} day{'' if max_days == 1 else 's'}")
    posts = tuple(p for p in (before, after) if p is not None)
    first = calendar.local(before).toordinal() if before else calendar.first_day
    last = calendar.local(after).toordinal() if after else calendar.last_day
    return _problem(detail, headline, posts, channel,
                    {"count": round(gap / DAY_SECONDS, 1), "limit": max_days,
                     "window": window(first, last)})


def _problem(detail: str, headline: Headline, posts: tuple[Post, ...], channel: str,
             data: dict[str, Any]) -> Problem:
    message = f"{headline(data['count'], data['limit'])} ({detail})" if headline else detail
    if posts:
        message += f": {ids_text(posts)}"
    return Problem(message, posts=posts, channel=channel, data=data)


def _clock(moment: dt.datetime, same_day: dt.datetime | None = None) -> str:
    if same_day is not None and same_day.date() == moment.date():
        return moment.strftime("%H:%M")
    return moment.strftime("%Y-%m-%d %H:%M")


def _duration(seconds: float) -> str:
    hours = int(seconds // HOUR_SECONDS)
    days, hours = divmod(hours, 24)
    parts = [f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in ((days, "day"), (hours, "hour"))
             if n]
    return " ".join(parts) or "under an hour"
