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

#: The body of a regular-expression character class: ``[WORD_CHARS]`` is a word
#: character, ``[^WORD_CHARS]`` is not. Combining blocks: diacritical marks, their
#: extension and supplement, marks for symbols, and half marks.
WORD_CHARS = r"\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"

_WORD_CHAR = re.compile(f"[{WORD_CHARS}]")


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
