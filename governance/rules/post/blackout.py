"""No post goes out during a blackout: a quiet period or a day of mourning.

Quiet periods (before results, during a crisis) and blackout dates are declared
under ``content.blackouts`` with their dates (inclusive, in the policy's
timezone), the channels they cover (all when empty) and the kinds still allowed,
such as support answers (quiet periods and blackout dates).

Fails::

    policy:
      content:
        blackouts:
          - {id: results, start: 2026-04-20, end: 2026-04-24, reason: Quiet period,
             allow_kinds: [support]}
    posts:
      - {id: p1, publish_at: "2026-04-22T10:00:00+00:00", kind: promo}

Passes::

    policy:
      content:
        blackouts:
          - {id: results, start: 2026-04-20, end: 2026-04-24, reason: Quiet period,
             allow_kinds: [support]}
    posts:
      - {id: p1, publish_at: "2026-04-22T10:00:00+00:00", kind: support}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from governance.findings import Severity
from governance.models.content import Blackout
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached

ID = "post.blackout"
SUMMARY = "Nothing is published during a blackout, except the kinds it allows."
SEVERITY = Severity.ERROR
SOURCE = "quiet periods before results, launches and events"
TARGET = "post"


def _build(ctx: LintContext) -> list[tuple[Blackout, frozenset[str], frozenset[str]]]:
    return [(b, frozenset(b.channels), frozenset(b.allow_kinds))
            for b in ctx.policy.content.blackouts]


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, _build))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    blackouts = cached(ctx, ID, _build)
    if not blackouts:
        return
    day = _local_date(post.publish_at, ctx.timezone)
    for blackout, channels, allowed in blackouts:
        if not blackout.start <= day <= blackout.end:
            continue
        if (channels and post.channel not in channels) or (post.kind and post.kind in allowed):
            continue
        span = blackout.start.isoformat() if blackout.start == blackout.end else \
            f"{blackout.start.isoformat()}..{blackout.end.isoformat()}"
        kinds = f"; only {', '.join(sorted(allowed))} allowed" if allowed else ""
        yield Problem(
            f"scheduled on {day.isoformat()}, in blackout {blackout.id!r} ({span}{kinds}): "
            f"{' '.join(blackout.reason.split())}",
            post=post, field="publish_at", data={"blackout": blackout.id})


def _local_date(moment: dt.datetime, zone: dt.tzinfo) -> dt.date:
    return (moment.astimezone(zone) if moment.tzinfo else moment).date()
