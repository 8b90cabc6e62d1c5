"""Brand names in a text: their patterns, and where they stand, found cheaply.

A brand name matches case-insensitively at word boundaries, within quotes or
not; each Cyrillic word of a name also matches its inflected forms (a stem plus
a common case ending, with a fleeting vowel dropped: "Ветер" -> "Ветра",
"Ветре"). Every match of a name starts with the same few letters (for a Cyrillic
word, what its stems share), so a case-folded text is searched for those with
``str.find`` and the pattern is tried only where they stand.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from governance.text._match import fold
from governance.text.spans import FOLD_TWINS, WORD_CHARS

OPEN_QUOTES = "«\"“„'‘"
CLOSE_QUOTES = "»\"”“'’"
_CYRILLIC_WORD = re.compile(r"[а-яё]+", re.IGNORECASE)
_ENDINGS = ("а|я|о|е|ы|и|у|ю|ь|ом|ем|ём|ой|ей|ою|ею|ам|ям|ами|ями|ах|ях|ов|ев|ый|ий|ой|ая"
            "|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю")
_STRIP = tuple(sorted(_ENDINGS.split("|"), key=len, reverse=True))
_FLEETING = re.compile(r"([^аеёиоуыэюя])[её]([^аеёиоуыэюяй])$")


def brand_patterns(names: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each name with its case-insensitive pattern, quotes around it allowed."""
    compiled = []
    for name in names:
        parts = [_word_pattern(word) for word in name.split()]
        body = r"\s+".join(parts)
        compiled.append((name, re.compile(
            f"[{OPEN_QUOTES}]?({body})(?![{WORD_CHARS}])[{CLOSE_QUOTES}]?", re.IGNORECASE)))
    return tuple(compiled)


def _word_pattern(word: str) -> str:
    if not _CYRILLIC_WORD.fullmatch(word):
        return re.escape(word)
    stems = _stems(word)
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return f"(?:{alternatives})(?:{_ENDINGS})?"


def _stems(word: str) -> set[str]:
    """The stems of a Cyrillic ``word``: with and without a fleeting vowel."""
    lowered = word.lower()
    stem = next((lowered[:-len(e)] for e in _STRIP
                 if lowered.endswith(e) and len(lowered) - len(e) >= 3), lowered)
    return {stem, _FLEETING.sub(r"\1\2", stem)}


def _folded_start(name: str) -> str | None:
    """What every match of ``name`` starts with, case-folded, if it can be searched
    for in a folded text (see ``folded_for_search``)."""
    start = name.split()[0]
    if _CYRILLIC_WORD.fullmatch(start):
        start = os.path.commonprefix(list(_stems(start)))  # noqa: RUF071 (strings, not paths)
    return fold(start) if start and not any(char in FOLD_TWINS for char in start) else None


@dataclass(frozen=True)
class Brands:
    """The brand names' patterns, and each with its ``_folded_start`` to find it cheaply."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    searches: tuple[tuple[re.Pattern[str], str | None], ...]


@lru_cache(maxsize=64)
def brands(names: tuple[str, ...]) -> Brands:
    """The patterns of the non-blank ``names``, each with what its matches start with."""
    patterns = brand_patterns(tuple(name for name in names if name.strip()))
    return Brands(patterns, tuple((pattern, _folded_start(name)) for name, pattern in patterns))


def every_match(text: str, pattern: re.Pattern[str], folded: str | None, start: str | None,
                 ) -> list[re.Match[str]]:
    """The match of ``pattern`` at each offset where it matches: only where ``start``
    stands in ``folded``, or one opening quote before, if both are known. A
    case-insensitive pattern goes through Unicode case tables at every offset,
    ``str.find`` is a fast substring search."""
    found = []
    if folded is None or start is None:
        match = pattern.search(text)
        while match is not None:
            found.append(match)
            match = pattern.search(text, match.start() + 1)
        return found
    at = folded.find(start)
    while at >= 0:
        if at > 0 and text[at - 1] in OPEN_QUOTES:
            quoted = pattern.match(text, at - 1)
            if quoted is not None:
                found.append(quoted)
        match = pattern.match(text, at)
        if match is not None:
            found.append(match)
        at = folded.find(start, at + 1)
    return found
