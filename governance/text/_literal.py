"""Literal, whole-word matching of many terms: a cheap byte-level test, then one regex.

Most posts contain none of the lexicon, so the cost that matters is the cost of
saying "no". A regular expression has to visit every character through the
Unicode tables; here the text is first encoded to UTF-8, every byte that is not
an ASCII letter, digit or ``_`` becomes a space (one ``bytes.translate``), and
``bytes.split`` yields the ASCII words. A term can only occur where each of its
pure-ASCII words occurs as such a word: its words are delimited by non-word
characters, and every non-word character (ASCII or not) became a space. So a
text none of whose words is a term's *key* word is rejected in a few C calls.

Only texts that pass run the exact pattern (a prefix trie of the terms with
lookaround word boundaries), which alone decides what matches. Terms with no
pure-ASCII word (Cyrillic or Greek ones, or symbols only) cannot be screened this
way; while a group holds any, its pattern runs on every text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from governance.text._match import Term, TermMatch, canonical, fold
from governance.text._trie import trie_pattern
from governance.text.spans import WORD_CHARS

_WORD_RUN = re.compile(f"[{WORD_CHARS}]+")

# Bytes that can be part of an ASCII word keep their value; all others become spaces.
_KEEP = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_EXACT_TABLE = bytes(b if b in _KEEP else 0x20 for b in range(256))
_LOWER_TABLE = _EXACT_TABLE.lower()

#: The only characters whose one-character case folding is ASCII while they are
#: not (long s and the Kelvin sign). A text holding one is screened on its folded
#: form, since lowering its ASCII bytes would miss them (a test keeps this true).
FOLDS_INTO_ASCII = frozenset("\u017f\u212a")

# Frequent words make poor keys: a term keyed on one sends most texts to the
# exact pattern. Any other word of the term is preferred to these.
_COMMON = frozenset(b"""
a about after all also an and any are as at back be been before best but by can
come day do does down first for free from get go good great has have here how i if
in into is it its just know last like make many me more most much my need new next
no not now of off on one online only or our out over see share so take team than
that the their them then there they this time to today too top up us use very want
was way we web well what when which who why will with work year you your
""".split())
class LiteralGroup:
    """All terms of one case mode (case-sensitive or not) of one matcher."""

    def __init__(self, terms: Iterable[Term], case_sensitive: bool) -> None:
        self.case_sensitive = case_sensitive
        self._by_form: dict[str, Term] = {}
        for term in terms:
            # The first spelling of a form wins: later duplicates add nothing.
            self._by_form.setdefault(canonical(term.term, case_sensitive), term)
        self._table = _EXACT_TABLE if case_sensitive else _LOWER_TABLE
        self._screen_all = False
        # Key word -> None when the key alone may mean a match, else the words of
        # which one must also be present (the second key of each term).
        self._keys: dict[bytes, frozenset[bytes] | None] = {}
        for form, term in self._by_form.items():
            self._add_key(form, term)
        self._key_set = frozenset(self._keys)
        boundary = f"[^{WORD_CHARS}]"
        body = trie_pattern(self._by_form)
        # Matching consumes only the boundary character, so a term that starts
        # inside an earlier candidate is still reported; overlaps are resolved later.
        self._pattern = re.compile(f"{boundary}(?=({body})(?![{WORD_CHARS}]))")

    def __bool__(self) -> bool:
        return bool(self._by_form)

    def _add_key(self, form: str, term: Term) -> None:
        words = {w.encode() for w in _WORD_RUN.findall(form) if w.isascii()}
        if not words:
            self._screen_all = True
            return
        replacement = canonical(term.replacement, self.case_sensitive)
        avoid = {w.encode() for w in _WORD_RUN.findall(replacement)}
        # Rarest-looking first: common words last, then words the replacement
        # shares (the company writes those all the time), then short words.
        ranked = sorted(words, key=lambda w: (w.lower() not in _COMMON, w not in avoid,
                                              len(w), w), reverse=True)
        key = ranked[0]
        if len(ranked) == 1 or (key in self._keys and self._keys[key] is None):
            self._keys[key] = None
            return
        # Two words screen far better than one, and the test stays in C.
        self._keys[key] = (self._keys.get(key) or frozenset()) | {ranked[1]}

    def may_match(self, text: str, encoded: bytes) -> bool:
        """False only if no term of the group can occur in ``text`` (UTF-8 in ``encoded``)."""
        if self._screen_all:
            return True
        if not self.case_sensitive and not text.isascii() and (
                "\u017f" in text or "\u212a" in text):
            encoded = fold(text).encode("utf-8", "surrogatepass")
        words = encoded.translate(self._table).split()
        hits = self._key_set.intersection(words)
        if not hits:
            return False
        keys = self._keys
        for key in hits:
            seconds = keys[key]
            if seconds is None or not seconds.isdisjoint(words):
                return True
        return False

    def scan(self, text: str) -> list[TermMatch]:
        """Every candidate occurrence (overlapping ones included), in order."""
        subject = " " + (text if self.case_sensitive else fold(text))
        found: list[TermMatch] = []
        for hit in self._pattern.finditer(subject):
            start, end = hit.start(1) - 1, hit.end(1) - 1
            form = hit.group(1)
            term = self._by_form.get(form) or self._by_form[" ".join(form.split())]
            found.append(TermMatch(start, end, text[start:end], term))
        return found


def split_by_case(terms: Sequence[Term]) -> tuple[list[Term], list[Term]]:
    """Case-insensitive terms first, then case-sensitive ones."""
    return ([t for t in terms if not t.case_sensitive], [t for t in terms if t.case_sensitive])
