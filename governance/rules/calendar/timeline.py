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
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from governance.models.post import Post
from governance.rules.base import LintContext

CACHE_KEY = "calendar.timeline"
DAY_SECONDS = 86400
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
#: A declared rule's message, filled in to lead a finding: (count, limit) -> text.
Headline = Callable[[Any, Any], str] | None


@dataclass
class Lane:
    """Posts in time order with their instants (POSIX seconds) and local day ordinals.

    Instants and days are arrays of machine numbers: 12 bytes a post rather than
    about 70 as lists of Python numbers (a lane of each channel repeats them).
    """

    posts: list[Post] = field(default_factory=list)
    instants: Sequence[float] = field(default_factory=lambda: array("d"))
    days: Sequence[int] = field(default_factory=lambda: array("l"))

    def __len__(self) -> int:
        return len(self.posts)

    def where(self, keep: Sequence[bool]) -> Lane:
        """The posts ``keep`` marks, still in time order."""
        chosen = [i for i, kept in enumerate(keep) if kept]
        return _pick(self.posts, self.instants, self.days, chosen)


def _pick(posts: Sequence[Post], instants: Sequence[float], days: Sequence[int],
          chosen: Sequence[int]) -> Lane:
    """The lane of the posts at the positions ``chosen``, in their order."""
    return Lane([posts[i] for i in chosen], array("d", [instants[i] for i in chosen]),
                array("l", [days[i] for i in chosen]))


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
    instants, days = _moments(posts, zone)
    order = sorted(range(len(posts)), key=instants.__getitem__)  # stable: ties keep file order
    everything = _pick(posts, instants, days, order)
    del instants, days, order
    positions: dict[str, list[int]] = {}
    for position, post in enumerate(everything.posts):
        found = positions.get(post.channel)
        if found is None:
            positions[post.channel] = [position]
        else:
            found.append(position)
    channels = {channel: _pick(everything.posts, everything.instants, everything.days, chosen)
                for channel, chosen in sorted(positions.items())}
    return Timeline(
        everything=everything,
        channels=channels,
        first_day=min(everything.days) if everything.days else 0,
        last_day=max(everything.days) if everything.days else 0,
        start=everything.instants[0] if everything.posts else 0.0,
        end=everything.instants[-1] if everything.posts else 0.0,
        zone=zone,
    )


def _moments(posts: Sequence[Post], zone: dt.tzinfo) -> tuple[array[float], array[int]]:
    """Each post's instant and local day ordinal.

    The zone's offset is looked up once per UTC day of the calendar, not once per
    post; a day on which the offset changes (daylight saving) converts each post.
    """
    instants, days = array("d"), array("l")
    offsets: dict[int, float | None] = {}
    for post in posts:
        moment = post.publish_at
        if moment.tzinfo is None:
            instants.append(moment.replace(tzinfo=zone).timestamp())
            days.append(moment.toordinal())
            continue
        instant = moment.timestamp()
        utc_day = int(instant // DAY_SECONDS)
        if utc_day in offsets:
            offset = offsets[utc_day]
        else:
            offset = offsets[utc_day] = _steady_offset(utc_day, zone)
        instants.append(instant)
        if offset is None:
            days.append(moment.astimezone(zone).toordinal())
        else:
            days.append(int((instant + offset) // DAY_SECONDS) + _EPOCH_ORDINAL)
    return instants, days


def _steady_offset(utc_day: int, zone: dt.tzinfo) -> float | None:
    """The zone's offset throughout a UTC day, or None when it changes that day."""
    first, last = (dt.datetime.fromtimestamp(utc_day * DAY_SECONDS + s, zone).utcoffset()
                   for s in (0, DAY_SECONDS - 1))
    return first.total_seconds() if first is not None and first == last else None


def day_text(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def window(first: int, last: int) -> dict[str, str]:
    """A finding's window as data: ``{"start": "2026-03-02", "end": "2026-03-08"}``."""
    return {"start": day_text(first), "end": day_text(last)}


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
