"""No text goes out again, identically or nearly, within the policy's window.

The same announcement over and over turns the account into an RSS feed of the
website («Советы по ведению корпоративных аккаунтов» §23). The policy sets ``content.duplicates``:
``window_days`` (how close two posts must be to count as a repeat) and ``similarity`` (1.0:
only texts identical after normalising; 0.9: texts sharing at least 90 % of
their distinct words). Texts are compared case-insensitively, without links,
punctuation, emoji or spacing, so a copy with another tracking link or another
emoji is still a copy. Posts are compared on the same channel and across
channels; ``rules: {content.duplicates: {options: {across_channels: false}}}``
compares each channel with itself only. Posts that repeat one another form one
finding, listing them all.

Fails::

    content:
      duplicates: {window_days: 30, similarity: 0.9}
    # calendar
    - {id: p1, publish_at: 2026-03-02T10:00, text: "Our spring blend is here! https://example.com/a"}
    - {id: p2, publish_at: 2026-03-16T10:00, text: "our spring blend is here 🌱 https://example.com/b"}

Passes::

    content:
      duplicates: {window_days: 30, similarity: 0.9}
    # calendar
    - {id: p1, publish_at: 2026-03-02T10:00, text: "Our spring blend is here! https://example.com/a"}
    - {id: p2, publish_at: 2026-04-16T10:00, text: "Our spring blend is here! https://example.com/a"}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from governance.findings import Severity
from governance.models.content import DuplicateSettings
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.calendar.similarity import Repeat, repeats
from governance.rules.calendar.timeline import (
    Lane,
    Timeline,
    days_text,
    ids_text,
    percent,
    window,
)
from governance.rules.calendar.timeline import timeline as calendar_timeline

ID = "content.duplicates"
SUMMARY = "No text is posted again, identically or nearly, within the policy's window."
SEVERITY = Severity.WARNING
SOURCE = ("«Советы по ведению корпоративных аккаунтов» §23 (not an RSS feed of the website; do not "
          "duplicate the site)")
TARGET = "calendar"
#: The post fields it reads besides its id, time, channel and row.
FIELDS = ("text",)
#: Typical microseconds a post (benchmarks/rule_costs.py).
COST = 31
#: Characters of the repeated text quoted in the message.
QUOTED = 40


def prepare(ctx: LintContext) -> bool:
    return ctx.policy.content.duplicates is not None


def check(posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
    settings = ctx.policy.content.duplicates
    if settings is None:
        return
    calendar = calendar_timeline(posts, ctx)
    across = ctx.policy.rule_options(ID).get("across_channels", True) is not False
    lanes = [calendar.everything] if across else list(calendar.channels.values())
    for lane in lanes:
        for repeat in repeats(lane, settings.similarity, settings.window_days):
            yield _problem(lane, repeat, settings, calendar)


def _problem(lane: Lane, repeat: Repeat, settings: DuplicateSettings, calendar: Timeline
             ) -> Problem:
    posts = tuple(lane.posts[p] for p in repeat.positions)
    channels = sorted({post.channel for post in posts})
    where = (f"channel {channels[0]!r}" if len(channels) == 1 else
             "channels " + ", ".join(repr(c) for c in channels))
    same = "the same text" if repeat.identical else \
        f"nearly the same text ({percent(100 * settings.similarity)} of the words or more)"
    span = days_text(lane.days[repeat.positions[0]], lane.days[repeat.positions[-1]])
    detail = (f"{where}: {len(posts)} posts repeat {same} within {settings.window_days} days, "
              f"{span}: {_quote(posts[0].text)}")
    return Problem(f"{detail}: {ids_text(posts)}", posts=posts, channel=posts[0].channel,
                   data={"identical": repeat.identical, "window_days": settings.window_days,
                         "similarity": settings.similarity, "channels": channels,
                         "window": window(lane.days[repeat.positions[0]],
                                          lane.days[repeat.positions[-1]])})


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) <= QUOTED:
        return f"«{flat}»"
    cut = flat[:QUOTED]
    return f"«{cut.rsplit(' ', 1)[0] if ' ' in cut else cut}…»"
