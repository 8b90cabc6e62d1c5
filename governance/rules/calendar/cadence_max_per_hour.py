"""No channel posts more often in an hour than its cadence allows.

Posts fired in a volley crowd each other out of the feed: X/Twitter takes one
or two posts an hour («Советы по ведению корпоративных аккаунтов» §10). A channel sets
``cadence.max_per_hour``; more posts than that within any 60 minutes is a burst, and posts whose
hours overlap form one burst, reported once with all its posts. Hours are real time,
so a daylight-saving change neither hides nor invents a burst.

Fails::

    channels:
      - {id: x-brand, network: x, handle: example, purpose: brand, owner: smm-lead,
         cadence: {max_per_hour: 2}}
    # calendar
    - {id: p1, publish_at: 2026-03-02T10:00}
    - {id: p2, publish_at: 2026-03-02T10:20}
    - {id: p3, publish_at: 2026-03-02T10:40}

Passes::

    channels:
      - {id: x-brand, network: x, handle: example, purpose: brand, owner: smm-lead,
         cadence: {max_per_hour: 2}}
    # calendar
    - {id: p1, publish_at: 2026-03-02T10:00}
    - {id: p2, publish_at: 2026-03-02T10:20}
    - {id: p3, publish_at: 2026-03-02T11:00}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.calendar.rates import cadence_limits, too_many_per_hour
from governance.rules.calendar.timeline import timeline

ID = "cadence.max-per-hour"
SUMMARY = "No channel posts more often in an hour than its cadence allows."
SEVERITY = Severity.WARNING
SOURCE = ("«Советы по ведению корпоративных аккаунтов» §10 (not too often: X/Twitter 1-2 posts an "
          "hour)")
TARGET = "calendar"
#: The post fields it reads besides its id, time, channel and row.
FIELDS = ()


def prepare(ctx: LintContext) -> bool:
    return bool(cadence_limits(ctx, "max_per_hour"))


def check(posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
    limits = cadence_limits(ctx, "max_per_hour")
    calendar = timeline(posts, ctx)
    for channel, lane in calendar.channels.items():
        if channel in limits:
            yield from too_many_per_hour(lane, channel, limits[channel], calendar)
