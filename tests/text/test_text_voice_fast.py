"""The third-person heuristic reads only the sentences that may start with a brand.

``brand_as_subject`` finds the brand names first and splits only the sentences
around them, a few words deep. These tests hold it to the obvious version:
every sentence split, every sentence split into all its words.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.text import voice
from governance.text.brand_names import brand_patterns
from governance.text.spans import Span
from governance.text.voice import brand_as_subject
from governance.text.words import sentence_at, sentences, words

BRANDS = ["Северный Ветер", "Nordwind", "Βόρειος Άνεμος", "Ветер Ветер"]
PIECES = [" ", ".", "!", "?", ",", "\n", "«", "»", "—", "-", "'", "…", ";", "\u037e", "\t",
          "Nordwind", "Northwind", "Северный", "Ветер", "Ветре", "Компания", "The", "team",
          "is", "launched", "открывает", "Мы", "Mr", "т", "е", "Сегодня", "This", "week",
          "В", "эту", "субботу", "Η", "Βόρειος", "Άνεμος", "είναι", "🚀", "\u0301", "4",
          "https://nordwind.example/x", "#Nordwind", "#tips"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(max_size=200)


def slow_brand_as_subject(text: str, brand_names: list[str]) -> list[voice.BrandSubject]:
    """Every sentence, every word of it: the heuristic as its docs tell it."""
    patterns = brand_patterns(tuple(name for name in brand_names if name.strip()))
    found = []
    for sentence in sentences(text) if patterns else []:
        hit = _slow_subject_in(sentence, patterns)
        if hit is not None:
            found.append(hit)
    return found


def _slow_subject_in(sentence: Span, patterns: tuple[tuple[str, re.Pattern[str]], ...],
                     ) -> voice.BrandSubject | None:
    tokens = words(sentence.text)
    for index, nominative_only in _slow_subject_positions(sentence.text, tokens):
        position = index
        while position < len(tokens) and tokens[position].text.lower() in voice._DESCRIPTORS:
            position += 1
        if position >= len(tokens):
            continue
        start = voice._quote_start(sentence.text, tokens[position].start)
        for name, pattern in patterns:
            match = pattern.match(sentence.text, start)
            if match is None:
                continue
            exact = " ".join(match.group(1).split()).casefold() == " ".join(name.split()).casefold()
            if nominative_only and position == index and not exact:
                continue
            if voice._predicate_follows(sentence.text, match.end()):
                brand = Span(sentence.start + match.start(1), sentence.start + match.end(1),
                             match.group(1))
                return voice.BrandSubject(sentence, brand, name)
    return None


def _slow_subject_positions(text: str, tokens: list[Span]) -> list[tuple[int, bool]]:
    positions = [(0, False)]
    for count in range(1, min(4, len(tokens) - 1) + 1):
        if "," in text[tokens[count - 1].end:tokens[count].start]:
            positions.append((count, True))
            break
    if tokens and tokens[0].text.lower() in voice._OPENERS:
        positions.append((1, True))
    if tokens and tokens[0].text.lower() in voice._PREPOSITIONS:
        positions.extend((count, True) for count in (2, 3) if count < len(tokens))
    return positions


@pytest.mark.parametrize("text", [
    "We shipped it. Nordwind Cloud now works with Google Sheets. #Nordwind #tips",
    "Read more at https://nordwind.example/news/1. Nordwind launched dark mode.",
    "One two three four five Nordwind launched it. Mr. Nordwind is here.",
    "Сегодня, в эту субботу, «Северный Ветер» открывает кофейню. Мы рады!",
    "The company team The company Nordwind is proud.",
    "a b c d e. f Nordwind is proud",
    "Go there. One two three four, Nordwind launched dark mode.",
    "One two three four, The company Nordwind launched dark mode.",
    "Ветер Ветер\nВетер Ветер открывает кофейню.",
    "Nordwind — лидер рынка. Nordwind team now opens. Nordwind's app. Nordwind\nopens.",
    "Nordwind stores are open. Nordwind opens are. Nordwind Cloud now works.",
    "x " * 100 + "The company " * 40 + "Nordwind is proud.",
])
def test_same_as_the_slow_version(text: str) -> None:
    assert brand_as_subject(text, BRANDS) == slow_brand_as_subject(text, BRANDS)


def test_a_subject_after_four_introductory_words_is_found() -> None:
    found = brand_as_subject("Go there. One two three four, Nordwind launched it.", BRANDS)
    assert [hit.sentence.text for hit in found] == ["One two three four, Nordwind launched it."]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_same_as_the_slow_version_on_any_text(text: str) -> None:
    assert brand_as_subject(text, BRANDS) == slow_brand_as_subject(text, BRANDS)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_sentence_at_is_the_sentence_holding_the_place(text: str, data: st.DataObject) -> None:
    place = data.draw(st.integers(0, max(len(text) - 1, 0)))
    # Where no sentence end can straddle: the start, or right after a word character.
    sinces = [0, *(m.end() for m in re.finditer(r"\w+", text[:place + 1]))]
    since = data.draw(st.sampled_from(sinces))
    holding = [s for s in sentences(text) if s.start <= place < s.end]
    expected = holding[0] if holding and holding[0].start >= since else None
    assert sentence_at(text, place, since) == expected


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_counting_words_without_offsets_counts_the_same(text: str) -> None:
    from governance.text.words import WORD

    assert len(WORD.findall(text)) == len(words(text))
