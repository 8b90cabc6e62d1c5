"""Posts kept for the calendar rules, in columns rather than objects.

Per-post rules see each post once, as it streams in; calendar rules (shares,
cadence, duplicates) need every post at once. A post as read takes about 1.5 KB
(a Location object, one string per cell, a text with one emoji stored four bytes
a character); even a slim copy of it (a ``Post`` of 19 fields, its time, its
row number, a key to its text) took about 420 bytes. The store keeps each field
in a column instead: texts and links in a ``TextSpill``, ids as UTF-8 one after
another, times as machine integers, each other field as a 4-byte index into that
field's distinct values (a field no post sets, or every post sets alike, costs
nothing), rows as line numbers, and only the fields the active calendar rules
read: about 50 bytes a post. ``posts`` reads as a list of posts, each made when
it is read (a ``StoredPost`` of 40 bytes, gone once the rule lets it go).
"""

from __future__ import annotations

import datetime as dt
import math
from array import array
from collections.abc import Callable, Hashable, Sequence
from operator import attrgetter
from typing import Any, cast

from governance.findings import Location
from governance.models.post import Post, PostRows
from governance.spill import SPILL_AT, PackedTexts, TextSpill

#: Fields a calendar rule may read; a rule module's ``FIELDS`` names the ones it does.
STORABLE = frozenset({"author", "text", "link", "sponsored", "kind", "approved_by", "topic",
                      "tags", "media", "alt_text", "waive", "extra", "action", "target"})
#: What every stored post keeps: enough to name it, place it in time and find its row.
ALWAYS_KEPT = frozenset({"id", "publish_at", "channel", "location"})
#: The fields kept as indexes into their distinct values, with the value of a post
#: that does not set them.
_INTERNED: dict[str, Hashable] = {
    "author": "", "sponsored": False, "kind": "", "approved_by": (), "topic": "", "tags": (),
    "media": (), "alt_text": "", "waive": (), "action": "post", "target": "",
}
_NO_FIELDS: dict[str, Location] = {}
_NO_EXTRA: dict[str, str] = {}
_DAY_MICROSECONDS = 86_400_000_000
_EPOCH_MICROSECONDS = dt.datetime(1970, 1, 1).toordinal() * _DAY_MICROSECONDS
_LONGEST_LINE = (1 << 32) - 1


class _Interned:
    """One field of every row: each distinct value once, a 4-byte index a row; no
    array at all while every row has the first row's value."""

    __slots__ = ("_index", "rows", "size", "values")

    def __init__(self, default: Hashable) -> None:
        self.values: list[Any] = [default]  # what an empty column reads as, until a row
        self._index: dict[Hashable, int] = {default: 0}
        self.rows: array[int] | None = None
        self.size = 0

    def append(self, value: Hashable) -> None:
        if not self.size:  # the first row's value is index 0: a uniform column costs nothing
            self.values[0] = value
            self._index.clear()
            self._index[value] = 0
        index = self._index.get(value)
        if index is None:
            index = self._index[value] = len(self.values)
            self.values.append(value)
        rows = self.rows
        if rows is None:
            if not index:
                self.size += 1
                return
            rows = self.rows = array("I", bytes(4 * self.size))
        rows.append(index)
        self.size += 1

    def reader(self) -> Callable[[StoredPost], Any]:
        values = self.values

        def read(post: StoredPost) -> Any:
            rows = self.rows
            return values[0] if rows is None else values[rows[post._row]]

        return read


class StoredPost:
    """A kept post: its row in its store's columns, each field read from them on
    access. It reads as a ``Post`` (the same fields, ``get`` and ``location_of``)
    and is not written to: calendar rules only read. Each store makes a subclass
    whose properties read that store's columns. Two reads of one row are equal."""

    __slots__ = ("_row",)
    field_locations = _NO_FIELDS

    def __init__(self, row: int) -> None:
        self._row = row

    location_of = Post.location_of
    get = Post.get

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._row == self._row

    def __hash__(self) -> int:
        return hash((type(self), self._row))

    def __repr__(self) -> str:
        return f"StoredPost({self.id!r}, row {self._row})"  # type: ignore[attr-defined]


class StoredPosts(PostRows):
    """A store's posts in the order they were kept, each made when it is read."""

    __slots__ = ("_store",)

    def __init__(self, store: PostStore, make: Callable[[int], Post]) -> None:
        self._store = store
        self.make = make

    @property
    def rows(self) -> range:  # type: ignore[override]
        return range(len(self._store._moments))

    def instants(self) -> array[float]:
        """Each post's POSIX time where its zone is a fixed offset (as a datetime's
        ``timestamp()`` gives it), NaN where it is local or in a zone with rules."""
        store = self._store
        zones, rows = store._zones.values, store._zones.rows
        # An aware time's instant is its wall clock less its offset; a fixed offset
        # is the same for every time, so one subtraction a post does it.
        offsets = [_fixed_offset(tzinfo) for tzinfo, _ in zones]
        if rows is None:
            offset = offsets[0]
            if offset is None:
                return array("d", [math.nan]) * len(store._moments)
            return array("d", [(moment - offset) / 1_000_000 for moment in store._moments])
        return array("d", [math.nan if offsets[zone] is None
                           else (moment - cast(int, offsets[zone])) / 1_000_000
                           for moment, zone in zip(store._moments, rows, strict=True)])


class PostStore:
    """Slim copies of the posts calendar rules will judge, in calendar order.

    ``fields`` are the fields besides ``id``, ``publish_at``, ``channel`` and the
    row that the active calendar rules read (``STORABLE`` when any rule does not
    say); the others read as empty, so a calendar judged only on kinds and times
    does not keep 100,000 texts.
    """

    def __init__(self, fields: frozenset[str] = STORABLE, spill_at: int = SPILL_AT) -> None:
        self.fields = fields
        self._spill = TextSpill(spill_at)
        self._texts = "text" in fields or "link" in fields
        self._ids = PackedTexts()
        self._moments = array("q")  # wall-clock microseconds since day 0 of ordinal 1
        self._zones = _Interned((None, 0))  # (tzinfo, fold) of each time
        self._channels = _Interned("")
        self._files = _Interned("")
        self._lines = array("I")
        self._locations: dict[int, Location] = {}  # rows whose place is not a line
        self._extra: dict[int, dict[str, str]] = {}
        self._interned = {name: _Interned(default) for name, default in _INTERNED.items()
                          if name in fields}
        self._reads = tuple((column.append, attrgetter(name))
                            for name, column in self._interned.items())
        made = type("StoredPost", (StoredPost,), {"__slots__": (), **self._properties()})
        #: The kept posts as calendar rules read them (``StoredPost``s, read as posts).
        self.posts: Sequence[Post] = StoredPosts(self, cast(Callable[[int], Post], made))

    def add(self, post: Post) -> None:
        row = len(self._moments)
        self._ids.append(post.id)
        moment = post.publish_at
        self._moments.append((moment.toordinal() * 86400 + moment.hour * 3600
                               + moment.minute * 60 + moment.second) * 1_000_000
                              + moment.microsecond)
        self._zones.append((moment.tzinfo, moment.fold))
        self._channels.append(post.channel)
        where = post.location
        self._files.append(where.file)
        if where.column != 1 or where.anchor or not 0 <= where.line <= _LONGEST_LINE:
            self._locations[row] = where
            self._lines.append(0)
        else:
            self._lines.append(where.line)
        if self._texts:
            self._spill.append(post.text if "text" in self.fields else "",
                               post.link if "link" in self.fields else "")
        for append, read in self._reads:
            append(read(post))
        if post.extra and "extra" in self.fields:
            self._extra[row] = post.extra

    def close(self) -> None:
        """Lets the texts go: the kept posts' texts and links cannot be read after."""
        self._spill.close()

    def _properties(self) -> dict[str, property]:
        spill, ids, moments, lines, extra = (self._spill, self._ids, self._moments,
                                             self._lines, self._extra)
        zone, file = self._zones.reader(), self._files.reader()
        texts = self._texts

        def publish_at(post: StoredPost) -> dt.datetime:
            days, micro = divmod(moments[post._row], _DAY_MICROSECONDS)
            tzinfo, fold = zone(post)
            moment = dt.datetime.fromordinal(days) + dt.timedelta(microseconds=micro)
            return moment.replace(tzinfo=tzinfo, fold=fold)

        def location(post: StoredPost) -> Location:
            row = post._row
            return self._locations.get(row) or Location(file(post), lines[row], 1)

        readers: dict[str, Callable[[StoredPost], Any]] = {
            "id": lambda post: ids[post._row],
            "publish_at": publish_at,
            "channel": self._channels.reader(),
            "location": location,
            "text": lambda post: spill.get(post._row) if texts else "",
            "link": lambda post: spill.get(post._row, second=True) if texts else "",
            "extra": lambda post: extra.get(post._row, _NO_EXTRA),
        }
        for name, default in _INTERNED.items():
            column = self._interned.get(name)
            readers[name] = column.reader() if column else _constant(default)
        return {name: property(read) for name, read in readers.items()}


def _fixed_offset(tzinfo: dt.tzinfo | None) -> int | None:
    """Microseconds to subtract from a wall clock (as the store keeps it) for the
    POSIX instant, in microseconds, when ``tzinfo`` is a fixed offset."""
    if type(tzinfo) is not dt.timezone:
        return None
    offset = tzinfo.utcoffset(None)
    return _EPOCH_MICROSECONDS + (offset.days * 86400 + offset.seconds) * 1_000_000 \
        + offset.microseconds


def _constant(value: Any) -> Callable[[StoredPost], Any]:
    return lambda post: value
