"""The values the term matcher works with, case folding, and overlap resolution."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

#: Longest term accepted: the pattern builder recurses once per character.
MAX_TERM_LENGTH = 300


@dataclass(frozen=True)
class Term:
    """One lexicon entry: a banned or discouraged term and what to write instead.

    ``key`` is an optional stable id a rule can report (for waivers and docs);
    matching never looks at it.
    """

    term: str
    replacement: str = ""
    case_sensitive: bool = False
    key: str | None = None

    def __post_init__(self) -> None:
        if not self.term.strip():
            raise ValueError("a term must contain something other than whitespace")
        if len(self.term) > MAX_TERM_LENGTH:
            raise ValueError(f"term is longer than {MAX_TERM_LENGTH} characters: "
                             f"{self.term[:40]!r}...")


@dataclass(frozen=True, slots=True)
class TermMatch:
    """One occurrence of a term: ``matched`` is ``text[start:end]`` of the searched text."""

    start: int
    end: int
    matched: str
    term: Term


def fold(text: str) -> str:
    """Case-fold ``text`` without changing its length, so offsets stay valid.

    ``str.casefold`` also unifies Greek final and medial sigma, which ``lower``
    does not. A few characters fold into two (``ß`` -> ``ss``); only when the text
    holds one is it folded character by character, such characters kept in their
    lower-case (or original) form.
    """
    folded = text.casefold()
    if len(folded) == len(text):
        # Folding never drops a character, so equal lengths mean one-to-one.
        return folded
    return "".join(_fold_char(char) for char in text)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = char.casefold()
    if len(folded) == 1:
        return folded
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def canonical(term: str, case_sensitive: bool) -> str:
    """The form two spellings of one term share: folded, whitespace runs as one space."""
    return " ".join((term if case_sensitive else fold(term)).split())


def select_longest(matches: Iterable[TermMatch]) -> list[TermMatch]:
    """Leftmost-longest, non-overlapping selection, sorted by position."""
    chosen: list[TermMatch] = []
    last_end = -1
    for match in sorted(matches, key=lambda m: (m.start, -m.end)):
        if match.start >= last_end:
            chosen.append(match)
            last_end = match.end
    return chosen
