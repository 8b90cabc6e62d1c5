"""Identical and near-identical texts, found without comparing every pair of posts.

A text is normalised to its words: case folded, links (``http://``,
``https://``, ``www.``) removed, punctuation, symbols and emoji removed. Two
texts are *identical* when their words are the same in the same order, and
*near-identical* at ``similarity`` s when they share at least s of their
distinct words (Jaccard similarity: shared words / all words of both).

Identical texts are found by hashing. Near-identical ones by a pigeonhole
filter that is exact, not probabilistic: split the word universe into B ranges
(the same for every text); two word sets that differ in fewer than B words have
at least one range in which they hold exactly the same words. At similarity s
two sets of which the smaller has n words differ in at most n(1-s)/s words, so
with B = that + 1 ranges every such pair shares a range key. Each text is
indexed under its range keys, only texts sharing a key are compared, and only
those within the time window: the work grows with the posts and their real
near-duplicates, never with all pairs. The ranges are quantiles of the
calendar's own words, so Latin and Cyrillic texts spread evenly.
"""

from __future__ import annotations

import bisect
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from governance.rules.calendar.timeline import DAY_SECONDS, Lane

_URL = re.compile(r"https?://\S*")
_WWW = re.compile(r"www\.\S*")
_URL_BYTES = re.compile(rb"https?://\S*")
_WWW_BYTES = re.compile(rb"www\.\S*")
# Non-ASCII punctuation, symbols and emoji as UTF-8: U+00A1-U+00BF («, », ¿, ©),
# U+2000-U+2BFF (dashes, quotes, ellipsis, arrows, dingbats, ✅), U+3000-U+303F,
# variation selectors U+FE00-U+FE0F and pictographs U+1F000-U+1FAFF.
_SYMBOLS = re.compile(
    rb"\xc2[\xa1-\xbf]|\xe2[\x80-\xaf][\x80-\xbf]|\xe3\x80[\x80-\xbf]|\xef\xb8[\x80-\x8f]"
    rb"|\xf0\x9f[\x80-\xab][\x80-\xbf]"
)
# ASCII punctuation and control characters become spaces; letters and digits stay.
_ASCII_WORDS = bytes(b if chr(b).isalnum() or b >= 0x80 else 0x20 for b in range(256))
_NO_MARKS: dict[bytes, None] = {}
#: Texts whose words set the range boundaries, at most.
_SAMPLE_POSTS = 2000


def words(text: str) -> list[bytes]:
    """The normalised words of ``text``, in order, as UTF-8."""
    if text.isascii():  # the common case, done on bytes without Unicode tables
        raw = text.encode("ascii").lower()
        if b"://" in raw:
            raw = _URL_BYTES.sub(b" ", raw)
        if b"www." in raw:
            raw = _WWW_BYTES.sub(b" ", raw)
        return raw.translate(_ASCII_WORDS).split()
    folded = text.casefold()
    if "://" in folded:
        folded = _URL.sub(" ", folded)
    if "www." in folded:
        folded = _WWW.sub(" ", folded)
    return _SYMBOLS.sub(b" ", folded.encode()).translate(_ASCII_WORDS).split()


@dataclass(frozen=True)
class Repeat:
    """Posts (positions in the lane, in time order) that repeat one another's text."""

    positions: tuple[int, ...]
    identical: bool


def repeats(lane: Lane, similarity: float, window_days: int) -> list[Repeat]:
    """Groups of posts each of which repeats another within ``window_days``."""
    finder = _Finder(lane, Fraction(repr(similarity)), window_days * DAY_SECONDS)
    for position in range(len(lane)):
        finder.add(position)
    return finder.groups()


class _Finder:
    """Joins the posts that repeat one another, in time order.

    Its tables hold bytes and numbers only, not containers, where it can: a
    container per post would make every garbage collection walk 100,000 of them.
    """

    def __init__(self, lane: Lane, threshold: Fraction, window: float) -> None:
        self.lane, self.threshold, self.window = lane, threshold, window
        self.parent = list(range(len(lane)))
        self.joined: set[int] = set()  # posts that repeat or are repeated
        self.texts: list[bytes] = [b""] * len(lane)  # normalised, words joined by spaces
        self.latest: dict[bytes, int] = {}  # normalised text -> its last post
        # Range key -> the text indexed under it or, once there are several, the
        # texts, oldest first (a dict used as an ordered set).
        self.index: dict[int, bytes | dict[bytes, None]] = {}
        self.sets: dict[int, frozenset[bytes]] = {}  # word sets of the posts compared
        self.ranges = _Ranges(lane, threshold) if threshold < 1 else None

    def add(self, position: int) -> None:
        text_words = words(self.lane.posts[position].text)
        if not text_words:
            return
        instants = self.lane.instants
        text = self.texts[position] = b" ".join(text_words)
        last = self.latest.get(text)
        self.latest[text] = position
        # A post repeating an earlier text within the window needs no comparing of its
        # own: whatever it resembles within its window, that earlier post met first.
        twin = last is not None and instants[position] - instants[last] <= self.window
        if last is not None and twin:
            self._union(position, last)
        if self.ranges is None:
            return
        index = self.index
        for key in self.ranges.keys(sorted(set(text_words))):
            entry = index.get(key)
            if entry is None:
                index[key] = text
            elif isinstance(entry, bytes):
                if entry != text:
                    if not twin:
                        self._compare(position, text_words, (entry,))
                    index[key] = {entry: None, text: None}
            else:
                if not twin:
                    self._compare(position, text_words, reversed(entry))
                entry.pop(text, None)
                entry[text] = None

    def _compare(self, position: int, text_words: list[bytes], others: Iterable[bytes]) -> None:
        """Joins ``position`` to the latest posts of ``others`` (newest first) that are
        within the window and similar."""
        instants, latest, find = self.lane.instants, self.latest, self._find
        for other in others:
            other_position = latest[other]
            if instants[position] - instants[other_position] > self.window:
                break  # every older entry is older still
            if other_position != position and find(other_position) != find(position) \
                    and self._similar(position, text_words, other_position):
                self._union(position, other_position)

    def _similar(self, position: int, text_words: list[bytes], other: int) -> bool:
        mine = self.sets.get(position)
        if mine is None:
            mine = self.sets[position] = frozenset(text_words)
        theirs = self.sets.get(other)
        if theirs is None:
            theirs = self.sets[other] = frozenset(self.texts[other].split())
        shared = len(mine & theirs)
        union = len(mine) + len(theirs) - shared
        return shared * self.threshold.denominator >= self.threshold.numerator * union

    def _find(self, position: int) -> int:
        parent = self.parent
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    def _union(self, one: int, other: int) -> None:
        low, high = sorted((self._find(one), self._find(other)))
        self.parent[high] = low
        self.joined.update((one, other))

    def groups(self) -> list[Repeat]:
        members: dict[int, list[int]] = {}
        for position in sorted(self.joined):
            members.setdefault(self._find(position), []).append(position)
        found = [Repeat(tuple(group), len({self.texts[p] for p in group}) == 1)
                 for group in members.values()]
        return sorted(found, key=lambda r: r.positions)


class _Ranges:
    """Range keys of word sets: B ranges of the word universe for sets of each size."""

    def __init__(self, lane: Lane, threshold: Fraction) -> None:
        self.threshold = threshold
        step = max(1, len(lane) // _SAMPLE_POSTS)
        sample: list[bytes] = []
        for position in range(0, len(lane), step):
            sample.extend(set(words(lane.posts[position].text)))
        self.sample = sorted(sample)
        self.plans: dict[int, list[tuple[list[bytes], list[int]]]] = {}

    def count(self, size: int) -> int:
        """Ranges that leave a shared one to any similar pair whose smaller set has ``size``."""
        t = self.threshold
        return size * (t.denominator - t.numerator) // t.numerator + 1

    def keys(self, distinct: list[bytes]) -> list[int]:
        """The keys of a sorted word set: for every range count a similar set may use,
        one key per range (a hash of the words in it, salted by count and range)."""
        plan = self.plans.get(len(distinct))
        if plan is None:
            plan = self.plans[len(distinct)] = self._plan(len(distinct))
        keys = []
        for bounds, salts in plan:
            start = 0
            for bound, salt in zip(bounds, salts, strict=False):  # salts: one more
                end = bisect.bisect_left(distinct, bound, start)
                keys.append(hash(tuple(distinct[start:end])) ^ salt)
                start = end
            keys.append(hash(tuple(distinct[start:])) ^ salts[-1])
        return keys

    def _plan(self, size: int) -> list[tuple[list[bytes], list[int]]]:
        """For each range count a set of ``size`` words may share with a similar one:
        where the ranges split the words (quantiles of the sample), and their salts."""
        t, sample = self.threshold, self.sample
        smallest = -(-size * t.numerator // t.denominator)  # ceil(size * t)
        plan = []
        for ranges in range(self.count(smallest), self.count(size) + 1):
            bounds = [sample[len(sample) * k // ranges] if sample else b""
                      for k in range(1, ranges)]
            salts = [zlib.crc32(f"{ranges}/{k}".encode()) << 32 for k in range(ranges)]
            plan.append((bounds, salts))
        return plan
