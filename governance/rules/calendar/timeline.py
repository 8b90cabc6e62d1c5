"""The calendar in time order, per channel, as every calendar rule reads it.

Shares, cadence and duplicates all need the posts sorted by time, their
instants (to measure hours and gaps, daylight saving included) and their local
days in the policy's timezone (to count days and weeks as the team plans them).
That is computed once per run and shared through ``ctx.cache``: 100,000 posts
cost one conversion and one sort, not one per rule.

A post without a UTC offset is read as local time in the policy's timezone,
as the calendar readers do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from governance.models.post import Post
from governance.rules.base import LintContext

CACHE_KEY = "calendar.timeline"
DAY_SECONDS = 86400
#: A declared rule's message, filled in to lead a finding: (count, limit) -> text.
Headline = Callable[[Any, Any], str] | None


@dataclass
class Lane:
    """Posts in time order with their instants (POSIX seconds) and local day ordinals."""

    posts: list[Post] = field(default_factory=list)
    instants: list[float] = field(default_factory=list)
    days: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.posts)

    def where(self, keep: Sequence[bool]) -> Lane:
        """The posts ``keep`` marks, still in time order."""
        chosen = [i for i, kept in enumerate(keep) if kept]
        return Lane([self.posts[i] for i in chosen], [self.instants[i] for i in chosen],
                    [self.days[i] for i in chosen])


@dataclass
class Timeline:
    """The whole calendar (``everything``) and each channel's share of it.

    ``first_day``/``last_day`` (local day ordinals) and ``start``/``end``
    (instants) bound the calendar as a whole: the period the plan covers.
    """

    everything: Lane
    channels: dict[str, Lane]
    first_day: int
    last_day: int
    start: float
    end: float
    zone: dt.tzinfo

    def local(self, post: Post) -> dt.datetime:
        """The post's time on the policy's clock."""
        moment = post.publish_at
        return moment.astimezone(self.zone) if moment.tzinfo else moment


def timeline(posts: Sequence[Post], ctx: LintContext) -> Timeline:
    """The timeline of ``posts``, built once per run and shared by the calendar rules."""
    cached = ctx.cache.get(CACHE_KEY)
    if cached is not None and cached[0] is posts:
        built: Timeline = cached[1]
        return built
    built = build(posts, ctx.timezone)
    ctx.cache[CACHE_KEY] = (posts, built)
    return built


def build(posts: Sequence[Post], zone: dt.tzinfo) -> Timeline:
    keyed = []
    for index, post in enumerate(posts):
        moment = post.publish_at
        if moment.tzinfo is None:
            instant = moment.replace(tzinfo=zone).timestamp()
            day = moment.toordinal()
        else:
            instant = moment.timestamp()
            day = moment.astimezone(zone).toordinal()
        keyed.append((instant, index, day, post))
    keyed.sort(key=lambda item: (item[0], item[1]))
    everything = Lane([k[3] for k in keyed], [k[0] for k in keyed], [k[2] for k in keyed])
    channels: dict[str, Lane] = {}
    for instant, _, day, post in keyed:
        lane = channels.get(post.channel)
        if lane is None:
            lane = channels[post.channel] = Lane()
        lane.posts.append(post)
        lane.instants.append(instant)
        lane.days.append(day)
    days = everything.days
    return Timeline(
        everything=everything,
        channels=dict(sorted(channels.items())),
        first_day=min(days) if days else 0,
        last_day=max(days) if days else 0,
        start=everything.instants[0] if keyed else 0.0,
        end=everything.instants[-1] if keyed else 0.0,
        zone=zone,
    )


def day_text(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def days_text(first: int, last: int) -> str:
    """``2026-03-02..2026-03-31``, or one date for a single day."""
    if first == last:
        return day_text(first)
    return f"{day_text(first)}..{day_text(last)}"


def ids_text(posts: Sequence[Post], shown: int = 5) -> str:
    """``p1, p2, p3 and 4 more``: the posts a finding is about, briefly."""
    ids = [p.id for p in posts[:shown]]
    rest = len(posts) - len(ids)
    return ", ".join(ids) + (f" and {rest} more" if rest > 0 else "")


def percent(value: float) -> str:
    """``25%``, ``33.3%``: whole numbers without a decimal point."""
    rounded = round(value, 1)
    return f"{rounded:g}%"
