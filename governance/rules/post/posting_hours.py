"""A post goes out within its channel's posting hours, on an allowed weekday.

Publishing times are part of the workflow ("who publishes content and when",
«Политика в отношении социальных сетей: то, что растет, должно расти выше» §3). A channel's
``posting_hours`` (or ``content.posting_hours`` for every channel) gives the local window, in the
policy's timezone, and the ISO weekdays (1 = Monday). The end of the window is the last allowed
minute.

Fails::

    policy:
      content:
        posting_hours: {start: "09:00", end: "21:00", weekdays: [1, 2, 3, 4, 5]}
    posts:
      - {id: p1, publish_at: "2026-03-07T23:30:00+00:00"}   # a Saturday, late at night

Passes::

    policy:
      content:
        posting_hours: {start: "09:00", end: "21:00", weekdays: [1, 2, 3, 4, 5]}
    posts:
      - {id: p1, publish_at: "2026-03-05T10:00:00+00:00"}   # a Thursday morning
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from governance.findings import Severity
from governance.models.channels import PostingHours
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached

ID = "post.posting-hours"
SUMMARY = "Posts are scheduled within the posting hours and weekdays."
SEVERITY = Severity.WARNING
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» §3 (who "
          "publishes content and when); «Советы по ведению корпоративных аккаунтов» §10")
TARGET = "post"
#: Typical microseconds a post (benchmarks/rule_costs.py).
COST = 4.0

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class _Window:
    hours: PostingHours
    weekdays: frozenset[int]
    owner: str  # where the window is declared, for the message

    def describe(self) -> str:
        days = "every day" if len(self.weekdays) == 7 else \
            ", ".join(_DAYS[d - 1] for d in sorted(self.weekdays))
        return (f"{self.hours.start.strftime('%H:%M')}–{self.hours.end.strftime('%H:%M')}, "
                f"{days}")


def _build(ctx: LintContext) -> dict[str, _Window]:
    default = ctx.policy.content.posting_hours
    windows = {}
    for cid, channel in ctx.channels.items():
        hours = channel.posting_hours or default
        if hours is not None:
            owner = f"channel {cid!r}" if channel.posting_hours else "the policy"
            windows[cid] = _Window(hours, frozenset(hours.weekdays), owner)
    return windows


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, _build))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    window = cached(ctx, ID, _build).get(post.channel)
    if window is None:
        return
    moment = post.publish_at
    local = moment.astimezone(ctx.timezone) if moment.tzinfo else moment
    clock = local.time().replace(second=0, microsecond=0)
    on_day = local.isoweekday() in window.weekdays
    in_hours = window.hours.start <= clock <= window.hours.end
    if on_day and in_hours:
        return
    when = f"{_DAYS[local.isoweekday() - 1]} {local.strftime('%Y-%m-%d %H:%M')}"
    yield Problem(
        f"scheduled for {when} ({ctx.timezone}), outside the posting hours of "
        f"{window.owner}: {window.describe()}",
        post=post, field="publish_at")
