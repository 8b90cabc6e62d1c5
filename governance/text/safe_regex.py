"""Regular expressions from policy files, compiled so that no pattern can hang a lint run.

Patterns run on RE2 (the ``google-re2`` package): matching takes time linear in
the text, whatever the pattern, so ``(a+)+$`` against a long run of "a" returns
at once instead of backtracking for hours. The price is RE2's syntax: no
backreferences (``\\1``), no lookahead or lookbehind (``(?=``, ``(?<!``), no
possessive quantifiers, repetition counts up to 1000. Such patterns are refused
with a :class:`PatternError` saying why, when the policy is loaded, not when a
post is checked.

Meaning follows Python's ``re`` for the common escapes: ``\\w``, ``\\d`` and ``\\s``
are Unicode-aware (RE2 alone would make them ASCII-only) and ``\\b`` at the start
or end of the pattern is a Unicode word boundary; see
:mod:`governance.text._re2_syntax`. Inline flags ``(?i)``, ``(?m)``, ``(?s)`` work.
An end ``\\b`` is checked on the match RE2 found; with alternatives that are
prefixes of each other (``\\b(?:ab|abc)\\b``) list the longer one first.

Offsets are character offsets into the Python string (the wrapper converts from
UTF-8 byte offsets; a test keeps that true for Cyrillic, Greek and emoji).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import re2

from governance.text._re2_syntax import UnsupportedSyntaxError, translate
from governance.text.spans import Span, is_word_char

__all__ = ["PatternError", "SafePattern", "compile_pattern"]

#: Longest pattern accepted; RE2 also caps the memory of a compiled pattern.
MAX_PATTERN_LENGTH = 4000

# RE2's messages name the construct; these say what to do about it.
_HINTS = (
    *((f"invalid escape sequence: \\{digit}", "backreferences are not supported")
      for digit in "123456789"),
    ("invalid perl operator: (?=", "lookahead assertions are not supported"),
    ("invalid perl operator: (?!", "lookahead assertions are not supported"),
    ("invalid perl operator: (?<", "lookbehind assertions are not supported"),
    ("bad repetition operator", "possessive quantifiers (++, *+) are not supported"),
    ("invalid repetition size", "repetition counts above 1000 are not supported"),
    ("pattern too large", "the pattern is too large"),
)


class PatternError(ValueError):
    """A pattern that is invalid or uses syntax the safe engine does not support."""


class SafePattern:
    """A compiled pattern. ``pattern`` is the text as written in the policy."""

    def __init__(self, pattern: str, ignore_case: bool, regex: Any,
                 boundary_at_start: bool, boundary_at_end: bool) -> None:
        self.pattern = pattern
        self.ignore_case = ignore_case
        self._regex = regex
        self._start = boundary_at_start
        self._end = boundary_at_end

    def __repr__(self) -> str:
        return f"SafePattern({self.pattern!r}, ignore_case={self.ignore_case})"

    def search(self, text: str) -> Span | None:
        """The first match in ``text``, or None."""
        return next(self.finditer(text), None)

    def finditer(self, text: str) -> Iterator[Span]:
        """Every non-overlapping match, left to right, as ``Span(start, end, matched)``."""
        position = 0
        while position <= len(text):
            match = self._regex.search(text, position)
            if match is None:
                return
            start, end = match.span()
            if self._boundaries_hold(text, start, end):
                yield Span(start, end, text[start:end])
                position = end if end > start else end + 1
            else:
                position = start + 1

    def _boundaries_hold(self, text: str, start: int, end: int) -> bool:
        return (not self._start or _at_boundary(text, start)) and (
            not self._end or _at_boundary(text, end))


def _at_boundary(text: str, index: int) -> bool:
    before = index > 0 and is_word_char(text[index - 1])
    after = index < len(text) and is_word_char(text[index])
    return before != after


def compile_pattern(pattern: str, ignore_case: bool = False) -> SafePattern:
    """Compile a policy pattern; ``PatternError`` with a one-line reason if refused."""
    return _compile(pattern, ignore_case)


@lru_cache(maxsize=512)
def _compile(pattern: str, ignore_case: bool) -> SafePattern:
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PatternError(f"pattern is longer than {MAX_PATTERN_LENGTH} characters")
    try:
        translated = translate(pattern)
    except UnsupportedSyntaxError as problem:
        raise PatternError(f"unsupported pattern {pattern!r}: {problem}") from None
    options = re2.Options()
    options.log_errors = False  # errors are raised, not written to stderr
    options.case_sensitive = not ignore_case
    try:
        regex = re2.compile(translated.pattern, options)
    except re2.error as error:
        raise PatternError(f"invalid pattern {pattern!r}: {_reason(error)}") from None
    return SafePattern(pattern, ignore_case, regex, translated.boundary_at_start,
                       translated.boundary_at_end)


def _reason(error: Exception) -> str:
    raw = error.args[0] if error.args else str(error)
    message = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    for marker, hint in _HINTS:
        if marker in message:
            return f"{message} ({hint})"
    return message
