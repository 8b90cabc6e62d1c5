"""Every channel posts at least as often in a week as its cadence requires.

An account that posts rarely looks abandoned; post daily («Советы по ведению корпоративных
аккаунтов» §10). A channel sets ``cadence.min_per_week``; weeks run Monday to Sunday in the
policy's timezone. Only weeks that lie wholly within the calendar (its first
to its last post, all channels together) are judged: a plan that starts on a
Thursday or ends on a Tuesday is not blamed for the part-weeks at its edges,
unless the channel's cadence says ``include_partial: true``.
Consecutive thin weeks are one finding. A channel with no post at all in the
calendar is not judged, since a calendar may plan other channels only.

Fails::

    channels:
      - {id: x-brand, network: x, handle: example, purpose: brand, owner: smm-lead,
         cadence: {min_per_week: 3}}
    # calendar
    - {id: p1, publish_at: 2026-03-02T10:00}
    - {id: p2, publish_at: 2026-03-05T10:00}
    - {id: p3, publish_at: 2026-03-08T10:00}
    - {id: p4, publish_at: 2026-03-09T10:00}
    - {id: p5, publish_at: 2026-03-15T10:00}

Passes::

    channels:
      - {id: x-brand, network: x, handle: example, purpose: brand, owner: smm-lead,
         cadence: {min_per_week: 3}}
    # calendar
    - {id: p1, publish_at: 2026-03-02T10:00}
    - {id: p2, publish_at: 2026-03-05T10:00}
    - {id: p3, publish_at: 2026-03-08T10:00}
    - {id: p4, publish_at: 2026-03-09T10:00}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.calendar.rates import cadence_limits, too_few_per_week
from governance.rules.calendar.timeline import timeline

ID = "cadence.min-per-week"
SUMMARY = "Every channel posts at least as often in a week as its cadence requires."
SEVERITY = Severity.WARNING
SOURCE = "«Советы по ведению корпоративных аккаунтов» §10 (not too rarely: post daily)"
TARGET = "calendar"
#: The post fields it reads besides its id, time, channel and row.
FIELDS = ()


def prepare(ctx: LintContext) -> bool:
    return bool(cadence_limits(ctx, "min_per_week"))


def check(posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
    minimums = cadence_limits(ctx, "min_per_week")
    partial = {c.id for c in ctx.policy.channels if c.cadence and c.cadence.include_partial}
    calendar = timeline(posts, ctx)
    for channel, lane in calendar.channels.items():
        if channel in minimums:
            yield from too_few_per_week(lane, channel, minimums[channel], calendar,
                                        include_partial=channel in partial)
