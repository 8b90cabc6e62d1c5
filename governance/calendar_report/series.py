"""The numbers behind the report's charts, per channel and local day.

* ``daily_counts``: posts per channel and day, for the heat map.
* ``rolling_shares``: for each day of the plan, the share of a channel's posts
  that match (promotional, or with a link) over the window of ``window_days``
  days ending that day, as ``content.promo-share`` and ``content.link-share``
  count it. The plan's first days have a shorter window; a window with fewer
  than ``min_posts`` posts has no share, as the rules do not judge it.
* ``kind_mix``: posts per channel and kind.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from governance.calendar_report.plan import PlannedPost
from governance.models.content import ShareLimit


@dataclass(frozen=True)
class SharePoint:
    day: dt.date
    percent: float | None  # None: too few posts in the window to judge
    matching: int
    total: int


def plan_days(posts: Sequence[PlannedPost]) -> list[dt.date]:
    """Every local day from the plan's first post to its last."""
    if not posts:
        return []
    first = min(p.local.date() for p in posts)
    last = max(p.local.date() for p in posts)
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def daily_counts(posts: Sequence[PlannedPost]) -> Counter[tuple[str, dt.date]]:
    return Counter((p.channel, p.local.date()) for p in posts)


def rolling_shares(posts: Sequence[PlannedPost], days: Sequence[dt.date],
                   matches: Callable[[PlannedPost], bool], limit: ShareLimit
                   ) -> list[SharePoint]:
    """One channel's share of matching posts over the window ending on each day."""
    if not days:
        return []
    first = days[0]
    totals = [0] * len(days)
    hits = [0] * len(days)
    for post in posts:
        index = (post.local.date() - first).days
        totals[index] += 1
        hits[index] += matches(post)
    total_sums = [0, *accumulate(totals)]
    hit_sums = [0, *accumulate(hits)]
    points = []
    for index, day in enumerate(days):
        start = max(0, index + 1 - limit.window_days)
        total = total_sums[index + 1] - total_sums[start]
        matching = hit_sums[index + 1] - hit_sums[start]
        percent = 100 * matching / total if total and total >= limit.min_posts else None
        points.append(SharePoint(day, percent, matching, total))
    return points


def kind_mix(posts: Sequence[PlannedPost]) -> Counter[tuple[str, str]]:
    """Posts per (channel, kind); a post without a kind counts under ''."""
    return Counter((p.channel, p.kind) for p in posts)
