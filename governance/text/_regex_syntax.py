"""Rewrite a policy's regular expression so that the engine reads it as Python would.

The engine is Rust's ``regex`` (linear time, RE2 syntax). Its ``\\b`` is already a
Unicode word boundary, anywhere in the pattern; its ``\\w``, ``\\d`` and ``\\s``
are Unicode too but not quite Python's sets, so the Perl classes are replaced by
the Unicode property classes Python means, inside character classes as well
(``[\\s\\S]`` becomes a class of two nested classes), ``\\Z`` by ``\\z`` and
``\\Q...\\E`` by the escaped literal. Possessive quantifiers, which Python
(3.11) reads but the engine would silently read otherwise, are refused. Anything
else that cannot be expressed is reported, never silently changed.
"""

from __future__ import annotations

import re

_WORD = r"\p{L}\p{N}_"
_SPACE = r"\t\n\v\f\r\x{1c}-\x{20}\x{85}\p{Z}"
_OUTSIDE = {"w": f"[{_WORD}]", "W": f"[^{_WORD}]", "d": r"\p{Nd}", "D": r"\P{Nd}",
            "s": f"[{_SPACE}]", "S": f"[^{_SPACE}]", "Z": r"\z"}
_INSIDE = {"w": _WORD, "W": f"[^{_WORD}]", "d": r"\p{Nd}", "D": r"\P{Nd}", "s": _SPACE,
           "S": f"[^{_SPACE}]"}
#: Characters the engine reads as syntax, escaped in a ``\Q...\E`` literal.
_META = re.compile(r"([\\.+*?()|\[\]{}^$#&\-~])")
_FLAG_CHARS = frozenset("imsU-")


class UnsupportedSyntaxError(ValueError):
    """The pattern uses something this translation does not support."""


def translate(pattern: str) -> str:
    """Translate ``pattern``; ``UnsupportedSyntaxError`` with a one-line reason if unsupported."""
    units = _units(pattern)
    for previous, unit in zip(["", *units], units, strict=False):
        if unit == "+" and previous in ("+", "*", "?", "}"):
            raise UnsupportedSyntaxError("possessive quantifiers (++, *+, ?+) are not supported")
    return "".join(units)


def _units(pattern: str) -> list[str]:
    """Cut the pattern into escapes, classes, group openers and single characters."""
    units: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            unit, index = _escape(pattern, index, _OUTSIDE)
        elif char == "[":
            unit, index = _char_class(pattern, index)
        elif char == "(" and pattern.startswith("(?", index):
            unit, index = _group_opener(pattern, index)
        else:
            unit, index = char, index + 1
        units.append(unit)
    return units


def _group_opener(pattern: str, index: int) -> tuple[str, int]:
    end = index + 2
    while end < len(pattern) and pattern[end] in _FLAG_CHARS:
        end += 1
    if end < len(pattern) and pattern[end] in "):":
        return pattern[index:end + 1], end + 1
    # "(?P<name>", "(?=" and the like: the engine accepts or rejects them itself.
    return "(?", index + 2


def _escape(pattern: str, index: int, table: dict[str, str]) -> tuple[str, int]:
    if index + 1 >= len(pattern):
        raise UnsupportedSyntaxError("the pattern ends with a lone backslash")
    letter = pattern[index + 1]
    if letter == "C":
        raise UnsupportedSyntaxError(r"\C (any byte) is not supported")
    if letter == "Q":
        close = pattern.find(r"\E", index + 2)
        end = len(pattern) if close < 0 else close + 2
        literal = pattern[index + 2:close if close >= 0 else len(pattern)]
        return _META.sub(r"\\\1", literal), end
    if letter in "pPx" and pattern.startswith("{", index + 2):
        close = pattern.find("}", index + 3)
        if close < 0:
            raise UnsupportedSyntaxError(f"unclosed {{ after \\{letter}")
        return pattern[index:close + 1], close + 1
    return table.get(letter, pattern[index:index + 2]), index + 2


def _char_class(pattern: str, index: int) -> tuple[str, int]:
    out = ["["]
    cursor = index + 1
    if pattern.startswith("^", cursor):
        out.append("^")
        cursor += 1
    first = True
    while cursor < len(pattern):
        char = pattern[cursor]
        if char == "]" and not first:
            out.append("]")
            return "".join(out), cursor + 1
        first = False
        if char == "\\":
            unit, cursor = _escape(pattern, cursor, _INSIDE)
        elif pattern.startswith("[:", cursor):
            close = pattern.find(":]", cursor + 2)
            end = len(pattern) if close < 0 else close + 2
            unit, cursor = pattern[cursor:end], end
        else:
            unit, cursor = char, cursor + 1
        out.append(unit)
    raise UnsupportedSyntaxError("missing ] at the end of a character class")
