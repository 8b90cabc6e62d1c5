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

Offsets are character offsets into the Python string (the wrapper converts from
UTF-8 byte offsets; a test keeps that true for Cyrillic, Greek and emoji).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import re2

from governance.text._re2_syntax import UnsupportedSyntaxError, translate
from governance.text.spans import Span

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
                 context_before: bool) -> None:
        self.pattern = pattern
        self.ignore_case = ignore_case
        self._regex = regex
        self._context_before = context_before

    def __repr__(self) -> str:
        return f"SafePattern({self.pattern!r}, ignore_case={self.ignore_case})"

    def search(self, text: str) -> Span | None:
        """The first match in ``text``, or None."""
        return next(self.finditer(text), None)

    def finditer(self, text: str) -> Iterator[Span]:
        """Every non-overlapping match, left to right, as ``Span(start, end, matched)``.

        The search runs on the UTF-8 bytes, encoded once (the wrapper would encode
        the whole text again for every search from a position); a lone surrogate
        becomes "?", one character for one, so offsets stay those of ``text``.
        """
        data = text.encode("utf-8", "replace")
        offsets = _CharOffsets(data)
        position = 0
        while position <= len(data):
            match = self._regex.search(data, position)
            if match is None:
                return
            begin, finish = match.span(1)
            start, end = offsets.chars(begin), offsets.chars(finish)
            yield Span(start, end, text[start:end])
            if finish == begin:  # an empty match: step over one character
                position = finish + _char_length(data, finish)
            elif self._context_before and finish - _previous_length(data, finish) > begin:
                # The next match may need the last character of this one as context.
                position = finish - _previous_length(data, finish)
            else:
                position = finish


class _CharOffsets:
    """Byte offset -> character offset in UTF-8 ``data``, for increasing offsets."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._ascii = data.isascii()
        self._byte = 0
        self._char = 0

    def chars(self, byte: int) -> int:
        if self._ascii:
            return byte
        if byte < self._byte:  # matches never overlap, so this is only a safety net
            self._byte, self._char = 0, 0
        self._char += len(self._data[self._byte:byte].decode("utf-8"))
        self._byte = byte
        return self._char


def _char_length(data: bytes, index: int) -> int:
    if index >= len(data):
        return 1
    lead = data[index]
    return 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


def _previous_length(data: bytes, index: int) -> int:
    length = 1
    while index - length > 0 and 0x80 <= data[index - length] < 0xC0:
        length += 1
    return length


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
        # A bytes pattern makes the wrapper search bytes as given: the text is
        # encoded once per call of finditer, not once per match.
        regex = re2.compile(translated.pattern.encode("utf-8"), options)
    except re2.error as error:
        raise PatternError(f"invalid pattern {pattern!r}: {_reason(error)}") from None
    return SafePattern(pattern, ignore_case, regex, translated.context_before)


def _reason(error: Exception) -> str:
    raw = error.args[0] if error.args else str(error)
    message = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    for marker, hint in _HINTS:
        if marker in message:
            return f"{message} ({hint})"
    return message
