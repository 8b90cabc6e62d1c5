"""Where each post id was first seen, in about 40 bytes an id.

Looking for duplicate ids means remembering every id of the calendar. A ``dict``
of ``str`` to line number takes about 120 bytes an id (the string, the line as
a Python integer, the table's share); a million-post calendar would hold 120 MB
for it. Here the ids lie one after another as UTF-8, each with its ``hash`` and
its line, in arrays of machine numbers, and an open-addressing table of
4-byte entries finds them: about 40 bytes an id, and no Python object. The
first ``SMALL`` ids go in a ``dict`` all the same, three times as fast: most
calendars never need more.
"""

from __future__ import annotations

from array import array

from governance.findings import Location
from governance.spill import PackedTexts

#: Ids kept in a ``dict`` (15 MB at most) before they move to the arrays.
SMALL = 1 << 17
_LONGEST_LINE = (1 << 32) - 1


class FirstSeen:
    """Post ids with the place each was first seen: a line, or a ``Location`` where
    the place is not a line (a sheet cell, an event)."""

    __slots__ = ("_elsewhere", "_hashes", "_ids", "_lines", "_mask", "_slots", "_small",
                 "small")

    def __init__(self, small: int = SMALL) -> None:
        self.small = small
        self._small: dict[str, int | Location] | None = {}
        self._ids = PackedTexts()
        self._hashes = array("q")
        self._lines = array("I")  # each id's first line, unless _elsewhere has its place
        self._elsewhere: dict[int, int | Location] = {}  # a cell, an event, a huge line
        self._slots = array("i", [-1]) * 8  # entry numbers; -1: empty
        self._mask = 7

    def __len__(self) -> int:
        return len(self._hashes) if self._small is None else len(self._small)

    def first(self, post_id: str, place: int | Location) -> int | Location | None:
        """Where ``post_id`` was first seen; None, and ``place`` is kept as its
        first place, when it is new."""
        small = self._small
        if small is not None:
            first = small.get(post_id)
            if first is None:
                small[post_id] = place
                if len(small) >= self.small:
                    self._move(small)
            return first
        return self._find_or_add(post_id, place)

    def _move(self, small: dict[str, int | Location]) -> None:
        """Moves the ids from the dict to the arrays, in the order they came."""
        self._small = None
        size = 8
        while size < 4 * len(small):  # a power of two, a quarter full
            size *= 2
        self._slots, self._mask = array("i", [-1]) * size, size - 1
        for post_id, place in small.items():
            self._find_or_add(post_id, place)

    def _find_or_add(self, post_id: str, place: int | Location) -> int | Location | None:
        hashed = hash(post_id)
        slots, hashes, mask = self._slots, self._hashes, self._mask
        slot = hashed & mask
        entry = slots[slot]
        while entry >= 0:
            if hashes[entry] == hashed and self._ids[entry] == post_id:
                return self._place(entry)
            slot = (slot + 1) & mask
            entry = slots[slot]
        entry = len(hashes)
        slots[slot] = entry
        hashes.append(hashed)
        self._ids.append(post_id)
        if isinstance(place, Location) or not 0 <= place <= _LONGEST_LINE:
            self._elsewhere[entry] = place
            self._lines.append(0)
        else:
            self._lines.append(place)
        if 2 * (entry + 1) > len(slots):
            self._grow()
        return None

    def _place(self, entry: int) -> int | Location:
        place = self._elsewhere.get(entry)
        return self._lines[entry] if place is None else place

    def _grow(self) -> None:
        size = 2 * len(self._slots)
        slots, mask = array("i", [-1]) * size, size - 1
        for entry, hashed in enumerate(self._hashes):
            slot = hashed & mask
            while slots[slot] >= 0:
                slot = (slot + 1) & mask
            slots[slot] = entry
        self._slots, self._mask = slots, mask
