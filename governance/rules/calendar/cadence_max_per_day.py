"""No channel posts more often in a day than its cadence allows.

Too many posts a day tire the audience: Facebook takes two to four («Советы по ведению
корпоративных аккаунтов» §10). A channel sets ``cadence.max_per_day``; days are local calendar days
in the policy's timezone, and each crowded day is one finding with its posts.

Fails::

    channels:
      - {id: x-brand, network: facebook, handle: example, purpose: brand, owner: smm-lead,
         cadence: {max_per_day: 2}}
    # calendar
    - {id: p1, publish_at: 2026-03-02T09:00}
    - {id: p2, publish_at: 2026-03-02T13:00}
    - {id: p3, publish_at: 2026-03-02T18:00}

Passes::

    channels:
      - {id: x-brand, network: facebook, handle: example, purpose: brand, owner: smm-lead,
         cadence: {max_per_day: 2}}
    # calendar
    - {id: p1, publish_at: 2026-03-02T09:00}
    - {id: p2, publish_at: 2026-03-02T13:00}
    - {id: p3, publish_at: 2026-03-03T09:00}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.calendar.rates import cadence_limits, too_many_per_day
from governance.rules.calendar.timeline import timeline

ID = "cadence.max-per-day"
SUMMARY = "No channel posts more often in a day than its cadence allows."
SEVERITY = Severity.WARNING
SOURCE = "«Советы по ведению корпоративных аккаунтов» §10 (not too often: Facebook 2-4 posts a day)"
TARGET = "calendar"
#: The post fields it reads besides its id, time, channel and row.
FIELDS = ()


def prepare(ctx: LintContext) -> bool:
    return bool(cadence_limits(ctx, "max_per_day"))


def check(posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
    limits = cadence_limits(ctx, "max_per_day")
    calendar = timeline(posts, ctx)
    for channel, lane in calendar.channels.items():
        if channel in limits:
            yield from too_many_per_day(lane, channel, limits[channel], calendar)
