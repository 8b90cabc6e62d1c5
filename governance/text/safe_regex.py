"""Regular expressions from policy files, compiled so that no pattern can hang a lint run.

Patterns run on Rust's ``regex`` crate (through the ``rure`` package): matching
takes time linear in the text, whatever the pattern, so ``(a+)+$`` against a
long run of "a" returns at once instead of backtracking for hours. The syntax is
RE2's: no backreferences (``\\1``), no lookahead or lookbehind (``(?=``, ``(?<!``),
no possessive quantifiers. Such patterns are refused with a :class:`PatternError`
saying why (for lookaround, how to say it with conditions instead), when the
policy is loaded, not when a post is checked.

Meaning follows Python's ``re``: ``\\w``, ``\\d`` and ``\\s`` are Unicode-aware,
``\\b`` is a Unicode word boundary anywhere in the pattern, ``[\\s\\S]`` is any
character; see :mod:`governance.text._regex_syntax`. Inline flags ``(?i)``,
``(?m)``, ``(?s)``, ``(?x)`` work.

Offsets are character offsets into the Python string (the wrapper converts from
UTF-8 byte offsets; a test keeps that true for Cyrillic, Greek and emoji).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from rure import exceptions as rure_errors
from rure.lib import DEFAULT_FLAGS, Rure

from governance.text._regex_syntax import UnsupportedSyntaxError, translate
from governance.text.spans import Span

__all__ = ["PatternError", "SafePattern", "compile_pattern"]

#: Longest pattern accepted; the engine also caps the size of a compiled pattern.
MAX_PATTERN_LENGTH = 4000
#: Bytes a compiled pattern may take (the engine's default is 10 MB).
_SIZE_LIMIT = 2 * 1024 * 1024
_CASE_INSENSITIVE = 1  # rure's CASEI flag

_LOOKAROUND = (
    "say it with conditions instead: 'X(?!Y)' is {all: [{pattern: 'X'}, "
    "{not: {pattern: 'XY'}}]}, '(?<!Y)X' is {all: [{pattern: 'X'}, {not: {pattern: 'YX'}}]}"
)
# The engine's messages name the construct; these say what to do about it.
_HINTS = (
    ("look-around", _LOOKAROUND),
    ("backreferences are not supported", ""),
    ("exceeds size limit", "the pattern is too large"),
)


class PatternError(ValueError):
    """A pattern that is invalid or uses syntax the safe engine does not support."""


class SafePattern:
    """A compiled pattern. ``pattern`` is the text as written in the policy."""

    def __init__(self, pattern: str, ignore_case: bool, regex: Any) -> None:
        self.pattern = pattern
        self.ignore_case = ignore_case
        self._regex = regex

    def __repr__(self) -> str:
        return f"SafePattern({self.pattern!r}, ignore_case={self.ignore_case})"

    def search(self, text: str) -> Span | None:
        """The first match in ``text``, or None."""
        return next(self.finditer(text), None)

    def finditer(self, text: str) -> Iterator[Span]:
        """Every non-overlapping match, left to right, as ``Span(start, end, matched)``.

        The search runs on the UTF-8 bytes, encoded once; each search starts where
        the last match ended and still sees the characters before it, so ``\\b``
        and ``^`` mean the same at every position. A lone surrogate becomes "?",
        one character for one, so offsets stay those of ``text``.
        """
        data = text.encode("utf-8", "replace")
        offsets = _CharOffsets(data)
        find = self._regex.find
        position = 0
        while position <= len(data):
            match = find(data, position)
            if match is None:
                return
            begin, finish = match.start, match.end
            start, end = offsets.chars(begin), offsets.chars(finish)
            yield Span(start, end, text[start:end])
            # After an empty match, step over one character, as Python does.
            position = finish + _char_length(data, finish) if finish == begin else finish


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
    flags = DEFAULT_FLAGS | (_CASE_INSENSITIVE if ignore_case else 0)
    try:
        regex = Rure(translated.encode("utf-8"), flags=flags, size_limit=_SIZE_LIMIT)
    except rure_errors.RegexError as error:
        raise PatternError(f"invalid pattern {pattern!r}: {_reason(error)}") from None
    return SafePattern(pattern, ignore_case, regex)


def _reason(error: Exception) -> str:
    """The engine's multi-line message as one line, with what to do about it."""
    raw = str(error.args[0] if error.args else error)
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    message = next((line[len("error: "):] for line in reversed(lines)
                    if line.startswith("error: ")), lines[-1] if lines else raw)
    for marker, hint in _HINTS:
        if marker in message:
            return f"{message} ({hint})" if hint else message
    return message
