"""A set of literal strings as one regular expression factored by common prefixes.

``re`` tries the alternatives of ``a|b|c`` one after the other; sharing prefixes
means a failed first character rejects a whole family of terms at once, and the
greedy optional tails make the longest term win at each position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A trie node: child character -> node; the key "" marks the end of a term.
_Node = dict[str, "_Node"]


def trie_pattern(strings: Iterable[str]) -> str:
    """Return a pattern matching exactly the given literals, longest first.

    A single space in a literal matches any run of whitespace, so a term written
    "best ever" also finds "best  ever" and "best\\u00a0ever" (a no-break space,
    common in Russian typography).
    """
    root: _Node = {}
    for string in strings:
        node = root
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(root)


def _emit(node: _Node) -> str:
    branches = [_atom(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _atom(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)
