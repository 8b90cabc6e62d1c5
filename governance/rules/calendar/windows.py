"""Shares over rolling windows: "at most 25 % of a channel's posts in any 30 days".

Windows are whole local days. Only windows that lie within the calendar's
period (its first to its last post, all channels together) are judged, so the
plan's first and last days are never judged on a fraction of a window; a
calendar shorter than the window is judged as one window over its whole
period. A window holding fewer than ``min_posts`` posts is not judged: three
posts, one of them promotional, say nothing about a month.

Consecutive windows over the limit form one run, reported once: its days, the
worst window in it and the matching posts it holds. Counting is done on
per-day totals with prefix sums, so the cost is the number of posts plus the
number of days, whatever the window.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import accumulate, compress, islice
from typing import Any

from governance.models.post import Post
from governance.rules.base import Problem
from governance.rules.calendar.timeline import (
    Headline,
    Lane,
    Timeline,
    days_text,
    ids_text,
    percent,
    window,
)


@dataclass(frozen=True)
class ShareLimit:
    max_percent: float
    window_days: int
    min_posts: int


@dataclass(frozen=True)
class Overshare:
    """A run of consecutive windows over the limit (local day ordinals)."""

    first_day: int  # the run's first day (start of its first window)
    last_day: int  # the run's last day (end of its last window)
    windows: int  # how many windows the run spans
    worst_day: int  # first day of the worst window
    worst_days: int  # length of a window, in days
    matching: int  # matching posts in the worst window
    total: int  # posts in the worst window
    posts: Sequence[Post]  # the matching posts of the whole run


def overshares(lane: Lane, matches: Sequence[bool], limit: ShareLimit, calendar: Timeline
               ) -> list[Overshare]:
    """Every run of windows in which the matching posts of ``lane`` exceed the limit."""
    first, span = calendar.first_day, calendar.last_day - calendar.first_day + 1
    if not lane or not any(matches):
        return []
    width = min(limit.window_days, span)
    totals, hits = [0] * span, [0] * span
    for day, matched in zip(lane.days, matches, strict=True):
        totals[day - first] += 1
        hits[day - first] += matched
    total_sum, hit_sum = [0, *accumulate(totals)], [0, *accumulate(hits)]
    ratio = Fraction(repr(limit.max_percent)) / 100
    over = []
    for start in range(span - width + 1):
        total = total_sum[start + width] - total_sum[start]
        matching = hit_sum[start + width] - hit_sum[start]
        over.append(total >= limit.min_posts and matching * ratio.denominator
                    > ratio.numerator * total)
    runs = []
    start = 0
    while start < len(over):
        if not over[start]:
            start += 1
            continue
        end = start
        while end + 1 < len(over) and over[end + 1]:
            end += 1
        runs.append(_run(lane, matches, first, width, start, end, total_sum, hit_sum))
        start = end + 1
    return runs


def _run(lane: Lane, matches: Sequence[bool], first: int, width: int, start: int, end: int,
         total_sum: list[int], hit_sum: list[int]) -> Overshare:
    worst, worst_hits, worst_total = start, -1, 1
    for offset in range(start, end + 1):
        total = total_sum[offset + width] - total_sum[offset]
        matching = hit_sum[offset + width] - hit_sum[offset]
        if matching * worst_total > worst_hits * total:
            worst, worst_hits, worst_total = offset, matching, total
    first_day, last_day = first + start, first + end + width - 1
    low = bisect.bisect_left(lane.days, first_day)
    high = bisect.bisect_right(lane.days, last_day)
    posts = lane.at(compress(range(low, high), islice(matches, low, high)))
    return Overshare(first_day, last_day, end - start + 1, first + worst, width, worst_hits,
                     worst_total, posts)


def share_problem(run: Overshare, what: str, channel: str, limit: ShareLimit,
                  headline: Headline = None) -> Problem:
    """The finding of one run: where, which days, the share against the limit, the posts.

    ``what`` names the matching posts ("promotional posts"); ``headline``, when
    given (a declared rule's message), goes first, filled with the worst window's
    count and the limit.
    """
    where = f"channel {channel!r}" if channel else "the calendar"
    share = percent(100 * run.matching / run.total)
    allowed = percent(limit.max_percent)
    worst = days_text(run.worst_day, run.worst_day + run.worst_days - 1)
    if run.windows == 1:
        detail = (f"{where}, {worst}: {what} are {run.matching} of {run.total} posts "
                  f"({share}), more than {allowed} in {run.worst_days} days")
    else:
        last_start = run.last_day - run.worst_days + 1
        detail = (f"{where}, {days_text(run.first_day, run.last_day)}: {what} are over "
                  f"{allowed} in every {run.worst_days}-day window starting "
                  f"{days_text(run.first_day, last_start).replace('..', ' to ')}, "
                  f"at most {run.matching} of {run.total} posts ({share}) in {worst}")
    message = f"{headline(run.matching, allowed)} ({detail})" if headline else detail
    data: dict[str, Any] = {
        "first_day": days_text(run.first_day, run.first_day),
        "last_day": days_text(run.last_day, run.last_day),
        "window_days": run.worst_days, "matching": run.matching, "total": run.total,
        "share": round(100 * run.matching / run.total, 1), "limit": limit.max_percent,
        "window": window(run.first_day, run.last_day),
    }
    return Problem(f"{message}: {ids_text(run.posts)}", posts=run.posts, channel=channel,
                   data=data)
