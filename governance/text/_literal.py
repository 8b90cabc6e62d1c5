"""Literal, whole-word matching of many terms: a cheap byte-level test, then one regex.

Most posts contain none of the lexicon, so the cost that matters is the cost of
saying "no". A regular expression has to visit every character through the
Unicode tables; here the text is first encoded to UTF-8, every byte that is not
an ASCII letter, digit or ``_`` becomes a space (one ``bytes.translate``), and
``bytes.split`` yields the ASCII words. A term can only occur where each of its
pure-ASCII words occurs as such a word: its words are delimited by non-word
characters, and every non-word character (ASCII or not) became a space. Each
term gets a key word (the rarest-looking of its ASCII words) and, if it has
more, a second one; a text that holds no term's key, or holds keys only without
their second words, is rejected in a few set operations that stay in C. A
case-sensitive term must also be spelled as written in the raw bytes and, if its
words are several and all ASCII, hold them in a row there: the right spelling of
a brand in one sentence and a lower-case hashtag of its second word in another
is no candidate.

Only texts that pass run the exact pattern (a prefix trie of the terms with
lookaround word boundaries), which alone decides what matches. Terms with no
pure-ASCII word (Cyrillic or Greek ones, or symbols only) cannot be screened this
way; while a group holds any, its pattern runs on every text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set

from governance.text._match import Term, TermMatch, canonical, fold
from governance.text._trie import trie_pattern
from governance.text.spans import WORD_CHARS

_WORD_RUN = re.compile(f"[{WORD_CHARS}]+")

# Bytes that can be part of an ASCII word keep their value; all others become spaces.
_KEEP = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_LOWER_TABLE = bytes(b if b in _KEEP else 0x20 for b in range(256)).lower()

#: A term's key word, its second word if it has more, and for a case-sensitive
#: term of ASCII words the pattern its words in a row match (see ``_phrase_screen``).
_Key = tuple[bytes, bytes | None, re.Pattern[bytes] | None]

#: The only characters whose one-character case folding is ASCII while they are
#: not (long s and the Kelvin sign). A text holding one is screened on its folded
#: form, since lowering its ASCII bytes would miss them (a test keeps this true).
_LONG_S, _KELVIN = "\u017f", "\u212a"
FOLDS_INTO_ASCII = frozenset((_LONG_S, _KELVIN))

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
        self._screen_all = False
        # Lower-cased key word -> (key word, second word or None, phrase screen or
        # None) of each term.
        self._keys: dict[bytes, list[_Key]] = {}
        for form, term in self._by_form.items():
            self._add_key(form, term)
        self._key_set = frozenset(self._keys)
        # For case-insensitive terms the words already are what the screen sees.
        self._single = frozenset(key for key, entries in self._keys.items()
                                 if any(second is None for _, second, _ in entries))
        self._seconds = {key: frozenset(second for _, second, _ in entries if second is not None)
                         for key, entries in self._keys.items()}
        boundary = f"[^{WORD_CHARS}]"
        body = trie_pattern(self._by_form)
        # Matching consumes only the boundary character, so a term that starts
        # inside an earlier candidate is still reported; overlaps are resolved later.
        self._pattern = re.compile(f"{boundary}(?=({body})(?![{WORD_CHARS}]))")

    def __bool__(self) -> bool:
        return bool(self._by_form)

    def _add_key(self, form: str, term: Term) -> None:
        runs = _WORD_RUN.findall(form)
        words = {w.encode() for w in runs if w.isascii()}
        if not words:
            self._screen_all = True
            return
        replacement = canonical(term.replacement, self.case_sensitive)
        avoid = {w.encode() for w in _WORD_RUN.findall(replacement)}
        # Rarest-looking first: common words last, then words the replacement
        # shares (the company writes those all the time), then short words.
        ranked = sorted(words, key=lambda w: (w.lower() not in _COMMON, w not in avoid,
                                              len(w), w), reverse=True)
        # Two words screen far better than one.
        second = ranked[1] if len(ranked) > 1 else None
        phrase = _phrase_screen(runs) if second is not None and self.case_sensitive else None
        self._keys.setdefault(ranked[0].lower(), []).append((ranked[0], second, phrase))

    @property
    def keys(self) -> frozenset[bytes]:
        """The lower-cased key words; a text holding none of them cannot match."""
        return self._key_set

    @property
    def screens(self) -> bool:
        """False when some term has no ASCII word, so every text must be scanned."""
        return not self._screen_all

    def may_match(self, text: str, encoded: bytes, words: list[bytes],
                  hits: Set[bytes]) -> bool:
        """False only if no term of the group can occur in ``text``.

        ``encoded`` is the UTF-8 text, ``words`` its lower-cased ASCII words (see
        the module docstring) and ``hits`` the key words among them, of this group
        or more: a matcher splits the text and intersects once for all groups.
        """
        if self._screen_all:
            return True
        if self.case_sensitive:
            return self.spelled_in(encoded, hits)
        if folds_into_ascii(text):
            words = lower_ascii_words(fold(text).encode("utf-8", "surrogatepass"))
            hits = self._key_set.intersection(words)
        return self.words_in(words, hits)

    def words_in(self, words: list[bytes], hits: Set[bytes]) -> bool:
        """``may_match`` of a case-insensitive group that screens, for a text of
        which ``folds_into_ascii`` is false (its words are then what the screen needs)."""
        mine = self._key_set.intersection(hits)
        if not mine or not self._single.isdisjoint(mine):
            return bool(mine)
        seconds = self._seconds
        return any(not seconds[key].isdisjoint(words) for key in mine)

    def spelled_in(self, encoded: bytes, hits: Set[bytes]) -> bool:
        """``may_match`` of a case-sensitive group that screens."""
        # The lower-cased words find the candidates; the exact spelling of a
        # case-sensitive term must then occur in the raw bytes (a substring test
        # in C, looser than a word test and so still safe). A brand's right
        # spelling in one place and a lower-case hashtag in another pass those
        # tests; the phrase screen then asks for the words in a row.
        keys = self._keys
        for key in self._key_set.intersection(hits):
            for exact, second, phrase in keys[key]:
                if exact in encoded and (second is None or (second in encoded and (
                        phrase is None or phrase.search(encoded) is not None))):
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



def _phrase_screen(runs: list[str]) -> re.Pattern[bytes] | None:
    """A test of UTF-8 bytes that every occurrence of a term made of ``runs`` passes.

    The term's words, all ASCII, in order with only non-word characters between
    them (whatever those are, their bytes are not ASCII word bytes). ``None`` when
    a word is not ASCII: the screen then relies on the key words alone.
    """
    if not all(run.isascii() for run in runs):
        return None
    return re.compile(b"[^A-Za-z0-9_]+".join(re.escape(run.encode()) for run in runs))


def lower_ascii_words(encoded: bytes) -> list[bytes]:
    """The ASCII words of UTF-8 ``encoded``, lower-cased: what the screen compares."""
    return encoded.translate(_LOWER_TABLE).split()


#: The text screened last, its UTF-8 form and its ASCII words. Every rule of a
#: post screens the same text, one after the other: the lexicon, officialese and
#: any declared substitution rule share one encoding and one split.
_LAST: list[tuple[str | None, bytes, list[bytes]]] = [(None, b"", [])]


def screened(text: str) -> tuple[bytes, list[bytes]]:
    """``text`` as UTF-8 and its lower-cased ASCII words (see ``lower_ascii_words``)."""
    last = _LAST[0]
    if last[0] is not text:
        encoded = text.encode("utf-8", "surrogatepass")
        last = (text, encoded, lower_ascii_words(encoded))
        _LAST[0] = last  # one tuple: a text is never paired with another's words
    return last[1], last[2]


def folds_into_ascii(text: str) -> bool:
    """True if ``text`` holds a character that only its folded form turns into ASCII."""
    return not text.isascii() and (_LONG_S in text or _KELVIN in text)
