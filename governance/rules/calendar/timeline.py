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
import math
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, islice
from operator import attrgetter, gt
from typing import Any

from governance.models.post import Post, PostRows
from governance.rules.base import LintContext

CACHE_KEY = "calendar.timeline"
DAY_SECONDS = 86400
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
#: A declared rule's message, filled in to lead a finding: (count, limit) -> text.
Headline = Callable[[Any, Any], str] | None


class Picked(PostRows):
    """The posts of ``source`` at the positions ``rows``, in that order, each read
    when asked for: a lane of a million stored posts is 4 bytes a post, not a list
    of a million objects."""

    __slots__ = ("rows",)

    def __init__(self, source: Sequence[Post], rows: Sequence[int]) -> None:
        if isinstance(source, Picked):  # positions in a pick are rows of its source
            rows = array("I", [source.rows[row] for row in rows])
        # A store's posts are made from their row; a list's are looked up.
        self.make = source.make if isinstance(source, PostRows) else source.__getitem__
        self.rows = rows


class Lane:
    """Posts in time order with their instants (POSIX seconds) and local day ordinals.

    The posts are positions (``rows``) in the calendar's posts (``source``);
    instants and days are arrays of machine numbers: 16 bytes a post rather than
    about 70 as lists of Python numbers (a lane of each channel repeats them).
    """

    __slots__ = ("days", "instants", "posts", "rows", "source")

    def __init__(self, source: Sequence[Post] = (), rows: Sequence[int] = range(0),
                 instants: Sequence[float] | None = None,
                 days: Sequence[int] | None = None) -> None:
        self.source, self.rows = source, rows
        self.instants: Sequence[float] = array("d") if instants is None else instants
        self.days: Sequence[int] = array("i") if days is None else days
        whole = isinstance(rows, range) and rows == range(len(source))
        self.posts: Sequence[Post] = source if whole else Picked(source, rows)

    def __len__(self) -> int:
        return len(self.rows)

    def where(self, keep: Sequence[bool]) -> Lane:
        """The posts ``keep`` marks, still in time order."""
        return self.pick(array("I", compress(range(len(keep)), keep)))

    def at(self, positions: Iterable[int]) -> Sequence[Post]:
        """The posts at ``positions``, read when asked for (4 bytes a post)."""
        return Picked(self.posts, array("I", positions))

    def pick(self, chosen: Sequence[int]) -> Lane:
        """The lane of the posts at the positions ``chosen``, in their order."""
        rows, instants, days = self.rows, self.instants, self.days
        if isinstance(chosen, range) and chosen == range(len(rows)):
            return self
        return Lane(self.source, array("I", [rows[i] for i in chosen]),
                    array("d", [instants[i] for i in chosen]),
                    array("i", [days[i] for i in chosen]))


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
    everything = Lane(posts, range(len(posts)), instants, days)
    if any(map(gt, instants, islice(instants, 1, None))):  # a calendar is mostly in order
        everything = everything.pick(sorted(range(len(posts)), key=instants.__getitem__))
    del instants, days
    positions: dict[str, array[int]] = {}
    for position, channel in enumerate(map(attrgetter("channel"), everything.posts)):
        found = positions.get(channel)
        if found is None:
            positions[channel] = array("I", [position])
        else:
            found.append(position)
    channels = {channel: everything.pick(chosen) for channel, chosen in sorted(positions.items())}
    return Timeline(
        everything=everything,
        channels=channels,
        first_day=min(everything.days) if everything.days else 0,
        last_day=max(everything.days) if everything.days else 0,
        start=everything.instants[0] if len(everything) else 0.0,
        end=everything.instants[-1] if len(everything) else 0.0,
        zone=zone,
    )


def _moments(posts: Sequence[Post], zone: dt.tzinfo) -> tuple[array[float], array[int]]:
    """Each post's instant and local day ordinal.

    Posts whose instant their sequence knows (a store's ``instants()``) are not
    made; the zone's offset is looked up once per UTC day of the calendar, not
    once per post; a day on which the offset changes (daylight saving) converts
    each post.
    """
    instants, days = array("d"), array("i")
    known_instants = getattr(posts, "instants", None)  # a store's posts know them
    known = known_instants() if known_instants is not None else None
    offsets: dict[int, float | None] = {}
    for row in range(len(posts)):
        instant = known[row] if known is not None else math.nan
        moment = None
        if instant != instant:  # NaN: the post's own time says
            moment = posts[row].publish_at
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
            moment = moment or posts[row].publish_at
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
    ids = [p.id for p in islice(posts, shown)]
    rest = len(posts) - len(ids)
    return ", ".join(ids) + (f" and {rest} more" if rest > 0 else "")


def percent(value: float) -> str:
    """``25%``, ``33.3%``: whole numbers without a decimal point."""
    rounded = round(value, 1)
    return f"{rounded:g}%"
