"""Posts with a link stay within the policy's share of each channel's posts.

A feed of links is an RSS feed of the website, not a conversation: posts with
links should be at most 30 % («Советы по ведению корпоративных аккаунтов» §22-23). The policy sets
the limit under ``content.link_share`` (``max_percent``, ``window_days``, ``min_posts``). A post
has a link when its ``link`` field is filled or its text holds an address
(``http://``, ``https://`` or ``www.``). Windows are judged as for
``content.promo-share``: rolling windows of local days within the calendar,
not below ``min_posts`` posts, consecutive windows over the limit reported once.

Fails::

    content:
      link_share: {max_percent: 30, window_days: 7, min_posts: 3}
    # calendar
    - {id: p1, publish_at: 2026-03-02T10:00, link: "https://example.com/a"}
    - {id: p2, publish_at: 2026-03-03T10:00, text: "Read more at https://example.com/b"}
    - {id: p3, publish_at: 2026-03-04T10:00, text: "What do you drink in the morning?"}

Passes::

    content:
      link_share: {max_percent: 40, window_days: 7, min_posts: 3}
    # calendar
    - {id: p1, publish_at: 2026-03-02T10:00, link: "https://example.com/a"}
    - {id: p2, publish_at: 2026-03-03T10:00, text: Our new roast is out.}
    - {id: p3, publish_at: 2026-03-04T10:00, text: "What do you drink in the morning?"}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.calendar.timeline import timeline
from governance.rules.calendar.windows import ShareLimit, overshares, share_problem

ID = "content.link-share"
SUMMARY = "Posts with a link stay within the policy's share of each channel's posts."
SEVERITY = Severity.WARNING
SOURCE = ("«Советы по ведению корпоративных аккаунтов» §22-23 (links at most 30 %; not an RSS feed "
          "of the website)")
TARGET = "calendar"
#: The post fields it reads besides its id, time, channel and row.
FIELDS = ("link", "text")
#: Typical microseconds a post (benchmarks/rule_costs.py).
COST = 2.5


def has_link(post: Post) -> bool:
    if post.link.strip():
        return True
    text = post.text
    return "://" in text or "www." in text.casefold()


def prepare(ctx: LintContext) -> bool:
    return ctx.policy.content.link_share is not None


def check(posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
    setting = ctx.policy.content.link_share
    if setting is None:
        return
    limit = ShareLimit(setting.max_percent, setting.window_days, setting.min_posts)
    calendar = timeline(posts, ctx)
    for channel, lane in calendar.channels.items():
        linked = [has_link(post) for post in lane.posts]
        for run in overshares(lane, linked, limit, calendar):
            yield share_problem(run, "posts with a link", channel, limit)
