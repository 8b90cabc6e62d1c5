"""No channel falls silent for longer than its cadence allows.

Over a week of silence and an account looks abandoned («Советы по ведению корпоративных аккаунтов»
§10). A channel sets ``cadence.max_silence_days``: the longest gap allowed between two
of its posts, in days of real time. The calendar's first and last posts (on any
channel) bound the first and last gap, so a channel that stops while the
others go on is silent in the plan. A channel with no post at all in the
calendar is not judged.

Fails::

    channels:
      - {id: x-brand, network: x, handle: example, purpose: brand, owner: smm-lead,
         cadence: {max_silence_days: 7}}
    # calendar
    - {id: p1, publish_at: 2026-03-02T10:00}
    - {id: p2, publish_at: 2026-03-12T10:00}

Passes::

    channels:
      - {id: x-brand, network: x, handle: example, purpose: brand, owner: smm-lead,
         cadence: {max_silence_days: 7}}
    # calendar
    - {id: p1, publish_at: 2026-03-02T10:00}
    - {id: p2, publish_at: 2026-03-09T10:00}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.calendar.rates import cadence_limits, too_long_silences
from governance.rules.calendar.timeline import timeline

ID = "cadence.silence"
SUMMARY = "No channel falls silent for longer than its cadence allows."
SEVERITY = Severity.WARNING
SOURCE = "«Советы по ведению корпоративных аккаунтов» §10 (over a week of silence looks abandoned)"
TARGET = "calendar"
#: The post fields it reads besides its id, time, channel and row.
FIELDS = ()


def prepare(ctx: LintContext) -> bool:
    return bool(cadence_limits(ctx, "max_silence_days"))


def check(posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
    limits = cadence_limits(ctx, "max_silence_days")
    calendar = timeline(posts, ctx)
    for channel, lane in calendar.channels.items():
        if channel in limits:
            yield from too_long_silences(lane, channel, limits[channel], calendar)
