"""Stem-based matching: a term matches every inflected form of its words.

Term and text are cut into words (runs of word characters); every word is
case-folded and reduced to its Snowball stem. A term of n words matches n
consecutive text words with the same stems, where what separates the words also
agrees: whitespace in the term matches any whitespace, other separators ("-",
"/", "'") must be the same once whitespace is ignored. So "world-class" finds
"World-Class" but not "world class", and "best ever" never spans "best. Ever".
Characters before the first or after the last word of a term ("#ad", "100%")
must be present literally, with no word character beyond them. Overlapping
candidates are resolved by the caller, longest first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

from governance.text._literal import folds_into_ascii, screened
from governance.text._match import Term, TermMatch, fold
from governance.text.spans import WORD_CHARS, is_word_char, word_set

_WORD_RUN = re.compile(f"[{WORD_CHARS}]+")
_CACHE_LIMIT = 200_000
#: Snowball algorithms that never drop or rewrite a non-ASCII character, so a
#: word with an ASCII stem is an ASCII word (German, say, turns "ä" into "a").
_ASCII_ENDINGS_ONLY = frozenset({"english", "porter"})
# Words too common to anchor a phrase when it has another word.
_COMMON = word_set("""
a an and are as at be by do for from have i in is it my no not of on or our so the
this to up we with you your в и к на не о по с со за для от до из что как это мы вы
наш ваш και το τα η ο οι να με για σε από του της
""")


class Stemmer(Protocol):
    """What this module uses of a Snowball stemmer."""

    def stemWord(self, word: str) -> str: ...  # noqa: N802 (the library's name)


class _StemCache(dict[str, str]):
    """Word -> stem; a missing word is stemmed once, so lookups stay in C."""

    def __init__(self, stemmer: Stemmer) -> None:
        super().__init__()
        self._stemmer = stemmer

    def __missing__(self, word: str) -> str:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        stem = self[word] = self._stemmer.stemWord(word)
        return stem


class _AsciiStemCache(dict[bytes, str]):
    """ASCII word (as the screen splits it) -> stem, stemmed once like ``_StemCache``."""

    def __init__(self, stems: _StemCache) -> None:
        super().__init__()
        self._stems = stems

    def __missing__(self, word: bytes) -> str:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        stem = self[word] = self._stems[word.decode("ascii")]
        return stem


@dataclass(frozen=True)
class _Pattern:
    stems: tuple[str, ...]
    gaps: tuple[str, ...]
    lead: str
    trail: str
    term: Term
    anchor: int  # index of the stem the pattern is filed under


def stemmer_for(language: str) -> Stemmer:
    """The Snowball stemmer for ``language``; ``ValueError`` naming the choices if unknown."""
    import snowballstemmer  # only policies that ask for inflected forms pay for it

    try:
        stemmer: Stemmer = snowballstemmer.stemmer(language.lower())
    except KeyError:
        known = ", ".join(snowballstemmer.algorithms())
        raise ValueError(f"unknown stemming language {language!r} (known: {known})") from None
    return stemmer


def _gap_form(gap: str) -> str:
    return "".join(gap.split())


class StemGroup:
    """Case-insensitive terms matched by stems in one language."""

    def __init__(self, terms: Sequence[Term], language: str) -> None:
        self._stems = _StemCache(stemmer_for(language))
        # Each pattern is filed under its rarest-looking stem, so that a text full
        # of "the", "to" and "no" does not try every phrase that starts with one.
        self._by_anchor: dict[str, list[_Pattern]] = {}
        seen: set[tuple[tuple[str, ...], tuple[str, ...], str, str]] = set()
        for term in terms:
            pattern = self._compile(term)
            signature = (pattern.stems, pattern.gaps, pattern.lead, pattern.trail)
            if signature not in seen:  # the first spelling of a form wins
                seen.add(signature)
                self._by_anchor.setdefault(pattern.stems[pattern.anchor], []).append(pattern)
        self._anchors = frozenset(self._by_anchor)
        # A word of the text whose stem is ASCII is itself ASCII when the stemmer
        # only cuts and rewrites ASCII endings: then the screen's ASCII words,
        # shared by every rule of the post, tell whether an anchor can occur.
        self._screen = (language.lower() in _ASCII_ENDINGS_ONLY
                        and all(anchor.isascii() for anchor in self._anchors))
        self._ascii_stems = _AsciiStemCache(self._stems)
        # ASCII words seen to stem to no anchor: a text made of them alone is
        # rejected by one set test instead of a stem lookup per word.
        self._plain_words: set[bytes] = set()

    @staticmethod
    def accepts(term: Term) -> bool:
        """Stems apply to case-insensitive terms with at least one word."""
        return not term.case_sensitive and _WORD_RUN.search(term.term) is not None

    def _compile(self, term: Term) -> _Pattern:
        form = fold(term.term.strip())
        runs = list(_WORD_RUN.finditer(form))
        gaps = tuple(_gap_form(form[a.end():b.start()]) for a, b in pairwise(runs))
        stems = tuple(self._stems[r.group()] for r in runs)
        anchor = max(range(len(stems)),
                     key=lambda i: (runs[i].group() not in _COMMON, len(stems[i])))
        return _Pattern(stems, gaps, form[:runs[0].start()], form[runs[-1].end():], term,
                        anchor)

    def scan(self, text: str) -> list[TermMatch]:
        """Every candidate occurrence, overlapping ones included."""
        if self._screen and not folds_into_ascii(text) and self._ascii_screen_rejects(text):
            return []
        folded = fold(text)
        stems = list(map(self._stems.__getitem__, _WORD_RUN.findall(folded)))
        found: list[TermMatch] = []
        hits = self._anchors.intersection(stems)
        if not hits:
            return found  # no anchor stem: offsets are not even needed
        aligned = [(first, pattern) for index, stem in enumerate(stems) if stem in hits
                   for pattern in self._by_anchor[stem]
                   if (first := index - pattern.anchor) >= 0
                   and tuple(stems[first:first + len(pattern.stems)]) == pattern.stems]
        if not aligned:
            return found
        runs = list(_WORD_RUN.finditer(folded))
        for first, pattern in aligned:
            span = self._match_at(folded, runs, first, pattern)
            if span is not None:
                start, end = span
                found.append(TermMatch(start, end, text[start:end], pattern.term))
        return found

    def _ascii_screen_rejects(self, text: str) -> bool:
        """True if no ASCII word of ``text`` stems to an anchor (see ``_screen``)."""
        words = screened(text)[1]
        plain = self._plain_words
        if plain.issuperset(words):
            return True
        if not self._anchors.isdisjoint(map(self._ascii_stems.__getitem__, words)):
            return False
        if len(plain) >= _CACHE_LIMIT:
            plain.clear()
        plain.update(words)  # every one of them stems to no anchor
        return True

    @staticmethod
    def _match_at(folded: str, runs: list[re.Match[str]], index: int,
                  pattern: _Pattern) -> tuple[int, int] | None:
        """The span of ``pattern`` whose stems align at word ``index``, if the rest fits."""
        last = index + len(pattern.stems) - 1
        for offset, gap in enumerate(pattern.gaps):
            between = folded[runs[index + offset].end():runs[index + offset + 1].start()]
            if _gap_form(between) != gap:
                return None
        start = runs[index].start() - len(pattern.lead)
        end = runs[last].end() + len(pattern.trail)
        if start < 0 or folded[start:runs[index].start()] != pattern.lead:
            return None
        if folded[runs[last].end():end] != pattern.trail:
            return None
        if (start > 0 and is_word_char(folded[start - 1])) or (
                end < len(folded) and is_word_char(folded[end])):
            return None
        return start, end
