"""Spans and the one definition of a word character that every text module shares.

A *word character* is what Python's Unicode ``\\w`` matches (letters and digits
of any script, and ``_``) plus the combining diacritical marks. The marks count
as part of a word so that a decomposed letter (``е`` + U+0306 for ``й``, ``e`` +
U+0301 for ``é``) never looks like the end of a word: otherwise the term
"cafe" would match the first four characters of a decomposed "café".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from governance.text._match import fold

#: The body of a regular-expression character class: ``[WORD_CHARS]`` is a word
#: character, ``[^WORD_CHARS]`` is not. Combining blocks: diacritical marks, their
#: extension and supplement, marks for symbols, and half marks.
WORD_CHARS = r"\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"

_WORD_CHAR = re.compile(f"[{WORD_CHARS}]")

#: The characters on which ``re.IGNORECASE`` and case folding disagree: dotted
#: and dotless I (the former also folds to two characters), Greek iota and upsilon
#: with dialytika and tonos in both their encodings, and the ligatures ſt and st.
#: A test keeps the list complete.
FOLD_TWINS = "\u0130\u0131\u0390\u03b0\u1fd3\u1fe3\ufb05\ufb06"
_FOLD_TWIN = re.compile(f"[{FOLD_TWINS}]")


class Span(NamedTuple):
    """A piece of a text: ``text`` is always ``source[start:end]``."""

    start: int
    end: int
    text: str


def word_set(listing: str) -> frozenset[str]:
    """The whitespace-separated words of ``listing``: keeps long word lists readable."""
    return frozenset(listing.split())


def is_word_char(char: str) -> bool:
    """True if ``char`` (one character) is a word character as defined above."""
    return _WORD_CHAR.match(char) is not None


def is_boundary(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` is not glued to a word character on either side."""
    if start > 0 and is_word_char(text[start - 1]):
        return False
    return not (end < len(text) and is_word_char(text[end]))


def folded_for_search(text: str) -> str | None:
    """``text`` case-folded, offsets kept, when a folded needle free of
    ``FOLD_TWINS`` stands in it exactly where a case-insensitive pattern of the
    needle matches ``text``; None when ``text`` holds a character that breaks this.

    A case-insensitive pattern goes through Unicode case tables at every offset;
    a folded text can be searched with ``str.find``, or with a pattern whose
    literal start the regular expression engine skips ahead to. Folding keeps
    word characters word characters (a test checks every character), so word
    boundaries stay where they were.
    """
    if text.isascii():
        return text.lower()  # what folding makes of ASCII, by a faster road
    folded = text.casefold()
    if len(folded) == len(text):
        # What ``fold`` returns; of the twins only the dotless i folds to one character.
        return None if "\u0131" in text else folded
    return None if _FOLD_TWIN.search(text) is not None else fold(text)
