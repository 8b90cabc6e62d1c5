"""Rewrite a policy's regular expression so that RE2 reads it as Python would.

RE2's ``\\w``, ``\\d``, ``\\s`` and ``\\b`` are ASCII-only: ``\\w+`` would not match
"скидка". Policy authors write patterns with Python's (Unicode) meaning in mind,
so the Perl classes are replaced by Unicode property classes and ``\\Z`` by RE2's
``\\z``. RE2 has no Unicode word boundary and no lookaround, so a ``\\b`` at the
very start or end of the pattern (or of every top-level alternative) becomes a
consumed context: "start of text or a non-word character" before the pattern,
"a non-word character or end of text" after it, with the pattern itself in
group 1. That is Python's ``\\b`` whenever the pattern starts (ends) with a word
character, the way ``\\b`` is written in practice; before a non-word character it
means "not glued to a word" (the lexicon's rule) rather than Python's opposite.
Anything else that cannot be expressed is reported, never silently changed.
"""

from __future__ import annotations

from dataclasses import dataclass

_WORD = r"\p{L}\p{N}_"
_SPACE = r"\t\n\v\f\r\x{1c}-\x{20}\x{85}\p{Z}"
_OUTSIDE = {"w": f"[{_WORD}]", "W": f"[^{_WORD}]", "d": r"\p{Nd}", "D": r"\P{Nd}",
            "s": f"[{_SPACE}]", "S": f"[^{_SPACE}]", "Z": r"\z"}
_INSIDE = {"w": _WORD, "d": r"\p{Nd}", "D": r"\P{Nd}", "s": _SPACE}
_FLAG_CHARS = frozenset("imsU-")
_NOT_WORD = r"[^\p{L}\p{N}_\p{M}]"


class UnsupportedSyntaxError(ValueError):
    """The pattern uses something this translation does not support."""


@dataclass(frozen=True)
class Translated:
    """An RE2 pattern whose group 1 is the match, and whether it consumes a character
    of context before group 1 (so the search after a match must start one character
    earlier)."""

    pattern: str
    context_before: bool


def translate(pattern: str) -> Translated:
    """Translate ``pattern``; ``UnsupportedSyntaxError`` with a one-line reason if unsupported."""
    alternatives = _split_top_level(_units(pattern))
    leads: set[bool] = set()
    trails: set[bool] = set()
    for alt in alternatives:  # each call removes the boundary it reports
        leads.add(_strip_boundary(alt, at_start=True))
        trails.add(_strip_boundary(alt, at_start=False))
    if len(leads) > 1 or len(trails) > 1:
        raise UnsupportedSyntaxError(
            r"\b must start (or end) every top-level alternative or none")
    for alt in alternatives:
        if any(unit in (r"\b", r"\B") for unit in alt):
            raise UnsupportedSyntaxError(r"\b is supported only at the start or end of the "
                                         r"pattern, and \B not at all")
    body = "|".join("".join(alt) for alt in alternatives)
    before = leads.pop()
    lead = f"(?:^|{_NOT_WORD})" if before else ""
    trail = f"(?:{_NOT_WORD}|\\z)" if trails.pop() else ""
    return Translated(f"{lead}({body}){trail}", before)


def _strip_boundary(alt: list[str], at_start: bool) -> bool:
    if at_start:
        index = 0
        while index < len(alt) and _is_flag_group(alt[index]):
            index += 1
    else:
        index = len(alt) - 1
    if 0 <= index < len(alt) and alt[index] == r"\b":
        del alt[index]
        return True
    return False


def _is_flag_group(unit: str) -> bool:
    return unit.startswith("(?") and unit.endswith(")") and len(unit) > 3 and all(
        char in _FLAG_CHARS for char in unit[2:-1])


def _split_top_level(units: list[str]) -> list[list[str]]:
    alternatives: list[list[str]] = [[]]
    depth = 0
    for unit in units:
        if unit == "|" and depth == 0:
            alternatives.append([])
            continue
        if unit.startswith("(") and not _is_flag_group(unit):
            depth += 1
        elif unit == ")":
            depth -= 1
        alternatives[-1].append(unit)
    return alternatives


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
    # "(?P<name>", "(?=" and the like: RE2 accepts or rejects them itself.
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
        return pattern[index:end], end
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
            letter = pattern[cursor + 1:cursor + 2]
            if letter in ("W", "S"):
                raise UnsupportedSyntaxError(f"\\{letter} inside [...] is not supported; "
                                             f"write a negated class [^...] instead")
            unit, cursor = _escape(pattern, cursor, _INSIDE)
        elif pattern.startswith("[:", cursor):
            close = pattern.find(":]", cursor + 2)
            end = len(pattern) if close < 0 else close + 2
            unit, cursor = pattern[cursor:end], end
        else:
            unit, cursor = char, cursor + 1
        out.append(unit)
    raise UnsupportedSyntaxError("missing ] at the end of a character class")
