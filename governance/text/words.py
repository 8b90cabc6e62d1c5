"""Words and sentences with their offsets, for Russian, English, Greek and the like.

A word is a run of word characters (:mod:`governance.text.spans`), with inner
hyphens and apostrophes kept: "кто-то", "world-class", "don't", "l'été" are one
word each. Numbers are words too ("2026", "4.2" is two words).

Sentences end at ``.``, ``!``, ``?``, ``…`` or the Greek question mark (U+037E,
or ``;`` right after a Greek letter, which is what NFC makes of it), possibly
followed by closing quotes or brackets, when whitespace and a character that is
not a lower-case letter follow; and at every line break, since posts use line
breaks where prose would use full stops (lists, hashtag lines).
A full stop after an initial ("А. С. Пушкин") or a known abbreviation ("Mr.",
"Dr.", "г.", "ул.", "т. е.") does not end a sentence.
"""

from __future__ import annotations

import re

from governance.text.spans import WORD_CHARS, Span, word_set

__all__ = ["sentence_at", "sentences", "words"]

#: One word (see the module docstring).
WORD = re.compile(f"[{WORD_CHARS}]+(?:['’\\-‐][{WORD_CHARS}]+)*")
_BREAK = re.compile(
    # Only from the start of a run of punctuation: retrying inside a long run
    # ("......") would make splitting quadratic.
    "(?<![.!?…;\u037e])([.!?…;\u037e]+[\"'»”’)\\]]*)([ \t\u00a0\u2009\u202f]+)"
    "|(?<![ \t])[ \t]*(?:\r\n|[\n\r\u2028\u2029])\\s*")     # or a line break
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_LAST_TOKEN = re.compile(r"([\w.]+)$")
_ABBREVIATIONS = word_set("""
mr mrs ms dr prof st jr sr vs etc e.g i.e inc ltd co no fig approx
г гг ул пр просп д кв им т т.е т.д т.п др см стр руб коп тыс млн млрд ооо
κ κα οδ τηλ
""")


def words(text: str) -> list[Span]:
    """Every word of ``text`` with its offsets."""
    return [Span(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def sentences(text: str) -> list[Span]:
    """The sentences of ``text``, stripped of surrounding whitespace, with offsets."""
    found: list[Span] = []
    start = 0
    for match in _BREAK.finditer(text):
        if match.group(1) is not None and not _ends_sentence(text, match):
            continue
        _append_stripped(found, text, start, _content_end(match))
        start = match.end()
    _append_stripped(found, text, start, len(text))
    return found


def sentence_at(text: str, place: int, since: int = 0) -> Span | None:
    """The sentence of ``text`` that holds offset ``place`` and starts at or after ``since``.

    The same span as ``sentences(text)`` holds there, found by judging only the
    sentence ends from ``since`` on: a rule that cares about a few places (where
    a brand name stands) skips judging every full stop of a long post. ``since``
    is 0 or an offset right after a word character, where no sentence end can
    straddle. None when the sentence starts before ``since`` or ``place`` lies
    between two sentences.
    """
    start = since
    found_start = since == 0
    for match in _BREAK.finditer(text, since):
        if match.group(1) is not None and not _ends_sentence(text, match):
            continue
        if match.end() <= place:
            start, found_start = match.end(), True
            continue
        return _stripped(text, start, _content_end(match), place) if found_start else None
    return _stripped(text, start, len(text), place) if found_start else None


def _stripped(text: str, start: int, end: int, place: int) -> Span | None:
    pieces: list[Span] = []
    _append_stripped(pieces, text, start, end)
    return pieces[0] if pieces and pieces[0].start <= place < pieces[0].end else None


def _content_end(match: re.Match[str]) -> int:
    return match.end(1) if match.group(1) is not None else match.start()


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    following = text[match.end():match.end() + 1]
    if following and following.islower():
        return False
    if match.group(1).startswith(";"):
        # A question mark in Greek (U+037E normalises to ";"), a pause elsewhere.
        return match.start() > 0 and _GREEK.match(text, match.start() - 1) is not None
    if match.group(1) != ".":
        return True
    word = _LAST_TOKEN.search(text[max(0, match.start() - 24):match.start()])
    if word is None:
        return True
    token = word.group(1).lower()
    if len(token) == 1 and token.isalpha() and word.group(1).isupper():
        return False  # an initial
    return token.rstrip(".") not in _ABBREVIATIONS


def _append_stripped(found: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + len(piece) - len(piece.lstrip())
        found.append(Span(offset, offset + len(stripped), stripped))
