"""Identical and near-identical texts, found without comparing every pair of posts.

A text is normalised to its words: case folded, links (``http://``,
``https://``, ``www.``) removed, punctuation, symbols and emoji removed. Two
texts are *identical* when their words are the same in the same order, and
*near-identical* at ``similarity`` s when they share at least s of their
distinct words (Jaccard similarity: shared words / all words of both).

Identical texts are found by hashing. Near-identical ones through the keys of
``wordkeys`` that every near-identical pair shares: a text is filed under its
keys and compared only with the texts filed under the same keys within the time
window, so the work grows with the posts and their near-duplicates, never with
all pairs, and nothing similar is missed (no sampling, no chance).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from governance.rules.calendar.timeline import DAY_SECONDS, Lane
from governance.rules.calendar.wordkeys import SAMPLE_TEXTS, WordKeys

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


Groups = dict[int, dict[bytes, None]]
#: Texts a range key lists plainly; past that it files them by prefix word and group.
SPLIT = 32
#: Range keys held before the first sweep of what left the window.
SWEEP_FROM = 25_000


class _Crowd:
    """The texts of a crowded range key, by prefix word, then by group of repeats
    (its union-find root when filed); groups and texts oldest first."""

    __slots__ = ("by_word",)

    def __init__(self) -> None:
        self.by_word: dict[bytes, Groups] = {}


class _Finder:
    """Joins the posts that repeat one another, in time order.

    A range key lists its first texts plainly, oldest first. Once it holds more
    than ``SPLIT`` it becomes a ``_Crowd``: a new post then compares itself only
    with the texts sharing a prefix word, so a thousand fillings of one template
    are not compared pairwise, and with a group's texts only until one is
    similar, so a thousand near-copies of one text cost a comparison each.
    """

    def __init__(self, lane: Lane, threshold: Fraction, window: float) -> None:
        self.lane, self.threshold, self.window = lane, threshold, window
        # Union-find parents as machine integers: 8 bytes a post, not 36.
        self.parent = array("l", range(len(lane)))
        self.joined: set[int] = set()  # posts that repeat or are repeated
        self.texts: list[bytes] = [b""] * len(lane)  # normalised, words joined by spaces
        self.latest: dict[bytes, int] = {}  # normalised text -> its last post
        self.index: dict[int, bytes | dict[bytes, None] | _Crowd] = {}  # range key -> texts
        self.sets: dict[int, frozenset[bytes]] = {}  # word sets of the posts compared
        self.swept_at = SWEEP_FROM  # index size at which to forget what left the window
        self.forgotten = 0  # posts before this one keep their text only if they repeat
        self.keys: WordKeys | None = None
        if threshold < 1:
            step = max(1, len(lane) // SAMPLE_TEXTS)
            sample = [words(lane.posts[p].text) for p in range(0, len(lane), step)]
            self.keys = WordKeys(sample, threshold)

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
        if self.keys is not None:
            self._near(position, text, text_words, twin, self.keys)
            if len(self.index) > self.swept_at:
                self._sweep(instants[position] - self.window)

    def _sweep(self, since: float) -> None:
        """Forgets the texts last seen before ``since``: no later post can repeat them
        within the window, so memory follows the window, not the calendar."""
        instants, latest = self.lane.instants, self.latest
        fresh = {text for text, position in latest.items() if instants[position] >= since}
        for key, entry in list(self.index.items()):
            if isinstance(entry, bytes):
                kept = entry in fresh
            elif isinstance(entry, dict):
                for text in [t for t in entry if t not in fresh]:
                    del entry[text]
                kept = bool(entry)
            else:
                kept = _sweep_crowd(entry, fresh)
            if not kept:
                del self.index[key]
        self.latest = {text: latest[text] for text in latest if text in fresh}
        self.sets = {p: words_ for p, words_ in self.sets.items() if instants[p] >= since}
        # Posts before the window are compared no more; only a repeat's text is read again.
        position, texts, joined = self.forgotten, self.texts, self.joined
        while position < len(texts) and instants[position] < since:
            if position not in joined:
                texts[position] = b""
            position += 1
        self.forgotten = position
        self.swept_at = max(SWEEP_FROM, 2 * len(self.index))

    def _near(self, position: int, text: bytes, text_words: list[bytes], twin: bool,
              keys: WordKeys) -> None:
        distinct = set(text_words)
        prefix: list[bytes] = []
        index = self.index
        for key in keys.range_keys(sorted(distinct)):
            entry = index.get(key)
            if entry is None:
                index[key] = text
            elif isinstance(entry, bytes):
                if entry != text:
                    if not twin:
                        self._compare_plain(position, text, text_words, (entry,))
                    index[key] = {entry: None, text: None}
            elif isinstance(entry, dict):
                if not twin:
                    self._compare_plain(position, text, text_words, reversed(entry))
                entry.pop(text, None)
                entry[text] = None
                if len(entry) > SPLIT:
                    index[key] = self._crowd(entry, keys)
            else:
                prefix = prefix or keys.prefix(distinct)
                self._crowded(position, text, text_words, twin, entry, prefix)

    def _compare_plain(self, position: int, text: bytes, text_words: list[bytes],
                       others: Iterable[bytes]) -> None:
        """Joins ``position`` to the posts of ``others`` (newest first) within the window
        whose text is similar."""
        instants, latest, find = self.lane.instants, self.latest, self._find
        now = instants[position]
        for other in others:
            other_position = latest[other]
            if now - instants[other_position] > self.window:
                break  # every older entry is older still
            if other != text and find(other_position) != find(position) \
                    and self._similar(position, text_words, other_position):
                self._union(position, other_position)

    def _crowded(self, position: int, text: bytes, text_words: list[bytes], twin: bool,
                 crowd: _Crowd, prefix: list[bytes]) -> None:
        find = self._find
        for word in prefix:
            groups = crowd.by_word.get(word)
            if groups is None:
                crowd.by_word[word] = {find(position): {text: None}}
                continue
            if not twin:
                self._compare(position, text, text_words, groups)
            _newest(groups, find(position), text)

    def _crowd(self, plain: dict[bytes, None], keys: WordKeys) -> _Crowd:
        """A crowded key's texts filed by prefix word and group, order kept."""
        crowd = _Crowd()
        for text in plain:
            root = self._find(self.latest[text])
            for word in keys.prefix(set(text.split())):
                _newest(crowd.by_word.setdefault(word, {}), root, text)
        return crowd

    def _compare(self, position: int, text: bytes, text_words: list[bytes],
                 groups: Groups) -> None:
        """Joins ``position`` to each group that holds, within the window, a text
        similar to its own; newest groups and texts first."""
        instants, latest, find = self.lane.instants, self.latest, self._find
        now = instants[position]
        for root in reversed(groups):
            texts = groups[root]
            if now - instants[latest[next(reversed(texts))]] > self.window:
                break  # every older group is older still
            if find(root) == find(position):
                continue
            for other in reversed(texts):
                other_position = latest[other]
                if now - instants[other_position] > self.window:
                    break
                if other != text and self._similar(position, text_words, other_position):
                    self._union(position, other_position)
                    break

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


def _sweep_crowd(crowd: _Crowd, fresh: set[bytes]) -> bool:
    """Keeps the crowd's texts that are in ``fresh``; False when none is left."""
    for word in list(crowd.by_word):
        groups = crowd.by_word[word]
        for root in list(groups):
            texts = groups[root]
            for text in [t for t in texts if t not in fresh]:
                del texts[text]
            if not texts:
                del groups[root]
        if not groups:
            del crowd.by_word[word]
    return bool(crowd.by_word)


def _newest(groups: Groups, root: int, text: bytes) -> None:
    """Files ``text`` as the newest of its group's texts, its group as the newest."""
    texts = groups.pop(root, None)
    if texts is None:
        texts = {}
    texts.pop(text, None)
    texts[text] = None
    groups[root] = texts
