"""Stem-based matching: a term matches every inflected form of its words.

Term and text are cut into words (runs of word characters); every word is
case-folded and reduced to its Snowball stem. A term of n words matches n
consecutive text words with the same stems, where what separates the words also
agrees: whitespace in the term matches any whitespace, other separators ("-",
"/", "'") must be the same once whitespace is ignored. So "world-class" finds
"World-Class" but not "world class", and "best ever" never spans "best. Ever".
Characters before the first or after the last word of a term ("#ad", "100%")
must be present literally, with no word character beyond them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

import snowballstemmer

from governance.text._match import Term, TermMatch, fold
from governance.text.spans import WORD_CHARS, is_word_char

_WORD_RUN = re.compile(f"[{WORD_CHARS}]+")
_CACHE_LIMIT = 200_000


class Stemmer(Protocol):
    """What this module uses of a Snowball stemmer."""

    def stemWord(self, word: str) -> str: ...  # noqa: N802 (the library's name)


@dataclass(frozen=True)
class _Pattern:
    stems: tuple[str, ...]
    gaps: tuple[str, ...]
    lead: str
    trail: str
    term: Term


def stemmer_for(language: str) -> Stemmer:
    """The Snowball stemmer for ``language``; ``ValueError`` naming the choices if unknown."""
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
        self._stemmer = stemmer_for(language)
        self._cache: dict[str, str] = {}
        self._by_first: dict[str, list[_Pattern]] = {}
        seen: set[tuple[tuple[str, ...], tuple[str, ...], str, str]] = set()
        for term in terms:
            pattern = self._compile(term)
            signature = (pattern.stems, pattern.gaps, pattern.lead, pattern.trail)
            if signature not in seen:  # the first spelling of a form wins
                seen.add(signature)
                self._by_first.setdefault(pattern.stems[0], []).append(pattern)
        for patterns in self._by_first.values():
            patterns.sort(key=lambda p: len(p.stems), reverse=True)

    @staticmethod
    def accepts(term: Term) -> bool:
        """Stems apply to case-insensitive terms with at least one word."""
        return not term.case_sensitive and _WORD_RUN.search(term.term) is not None

    def _stem(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            stem = self._cache[word] = self._stemmer.stemWord(word)
        return stem

    def _compile(self, term: Term) -> _Pattern:
        form = fold(term.term.strip())
        runs = list(_WORD_RUN.finditer(form))
        gaps = tuple(_gap_form(form[a.end():b.start()]) for a, b in pairwise(runs))
        return _Pattern(tuple(self._stem(r.group()) for r in runs), gaps,
                        form[:runs[0].start()], form[runs[-1].end():], term)

    def scan(self, text: str) -> list[TermMatch]:
        """Every candidate occurrence, overlapping ones included."""
        folded = fold(text)
        runs = list(_WORD_RUN.finditer(folded))
        stems = [self._stem(r.group()) for r in runs]
        found: list[TermMatch] = []
        for index, stem in enumerate(stems):
            for pattern in self._by_first.get(stem, ()):
                span = self._match_at(folded, runs, stems, index, pattern)
                if span is not None:
                    start, end = span
                    found.append(TermMatch(start, end, text[start:end], pattern.term))
                    break  # patterns are longest first
        return found

    @staticmethod
    def _match_at(folded: str, runs: list[re.Match[str]], stems: list[str], index: int,
                  pattern: _Pattern) -> tuple[int, int] | None:
        last = index + len(pattern.stems) - 1
        if last >= len(runs) or tuple(stems[index:last + 1]) != pattern.stems:
            return None
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
