"""Promotional posts stay within the policy's share of each channel's posts.

An account that only sells is unfollowed: promotional posts should be at most
20-30 % of all posts («Советы по ведению корпоративных аккаунтов» §5). The policy sets the limit
under ``content.promo_share`` (``max_percent``, ``window_days``, ``min_posts``); a
post is promotional when its kind is marked ``promotional: true`` under
``content.kinds`` (kind ``promo`` when the policy declares no kinds). Each
channel is judged over every rolling window of ``window_days`` local days that
lies within the calendar (a shorter calendar is one window); windows with fewer
than ``min_posts`` posts are not judged, and consecutive windows over the
limit are reported once, with their promotional posts.

Fails::

    content:
      promo_share: {max_percent: 25, window_days: 7, min_posts: 4}
    # calendar
    - {id: p1, publish_at: 2026-03-02T10:00, kind: promo}
    - {id: p2, publish_at: 2026-03-03T10:00, kind: promo}
    - {id: p3, publish_at: 2026-03-04T10:00, kind: news}
    - {id: p4, publish_at: 2026-03-05T10:00, kind: engagement}

Passes::

    content:
      promo_share: {max_percent: 25, window_days: 7, min_posts: 4}
    # calendar
    - {id: p1, publish_at: 2026-03-02T10:00, kind: promo}
    - {id: p2, publish_at: 2026-03-03T10:00, kind: news}
    - {id: p3, publish_at: 2026-03-04T10:00, kind: news}
    - {id: p4, publish_at: 2026-03-05T10:00, kind: engagement}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from governance.findings import Severity
from governance.models.policy import Policy
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.calendar.timeline import timeline
from governance.rules.calendar.windows import ShareLimit, overshares, share_problem

ID = "content.promo-share"
SUMMARY = "Promotional posts stay within the policy's share of each channel's posts."
SEVERITY = Severity.WARNING
SOURCE = ("«Советы по ведению корпоративных аккаунтов» §5 (promotional posts at most 20-30 % of "
          "all posts)")
TARGET = "calendar"
#: The post fields it reads besides its id, time, channel and row.
FIELDS = ("kind",)


def promotional_kinds(policy: Policy) -> frozenset[str]:
    kinds = policy.content.kinds
    if not kinds:
        return frozenset({"promo"})
    return frozenset(kind.id for kind in kinds if kind.promotional)


def prepare(ctx: LintContext) -> bool:
    return ctx.policy.content.promo_share is not None and bool(promotional_kinds(ctx.policy))


def check(posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
    setting = ctx.policy.content.promo_share
    if setting is None:
        return
    kinds = promotional_kinds(ctx.policy)
    limit = ShareLimit(setting.max_percent, setting.window_days, setting.min_posts)
    calendar = timeline(posts, ctx)
    for channel, lane in calendar.channels.items():
        promotional = [post.kind in kinds for post in lane.posts]
        for run in overshares(lane, promotional, limit, calendar):
            yield share_problem(run, "promotional posts", channel, limit)
