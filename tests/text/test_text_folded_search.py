"""Searching a case-folded text instead of searching case-insensitively.

``folded_for_search`` promises that a folded needle stands in the folded text
exactly where a case-insensitive pattern of the needle matches the original,
and that word boundaries do not move. The third-person heuristic finds brand
names that way and the we-voice rule its first-person words; these tests hold
the promise against every character, and the fast paths against the plain
case-insensitive searches.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.rules.post.we_voice import _speaks_as_we, _voice
from governance.text import brand_names, voice
from governance.text._match import fold
from governance.text.spans import FOLD_TWINS, WORD_CHARS, folded_for_search


def _every_character() -> map[str]:
    return map(chr, range(sys.maxunicode + 1))


#: Every character that case matters for: the others match only themselves.
_CASED = [char for char in _every_character()
          if char.lower() != char or char.upper() != char or char.casefold() != char]
_CASED_TEXT = "".join(_CASED)

PIECES = [" ", ".", ",", "'", "’", "«", "»", "\"", "-", "—", "\n", "#", "/", "é", "\u0301", "🚀",
          "ß", "ẞ", "Σ", "ς", "σ", "ᲀ", "ſ", "\u212a", *FOLD_TWINS, "Northwind", "NORTHWIND",
          "northwinds", "Nort", "hwind", "is", "launched", "opens", "team", "now", "The company",
          "We", "our", "US", "Us", "uſ", "ours", "us-based", "we'll", "Ok", "\u212ao", "ok", "İt",
          "it", "I", "i", "Северный Ветер", "СЕВЕРНОГО ВЕТРА", "северном", "ветре", "открывает",
          "Мы", "НАШ", "ᲀетер", "Βόρειος Άνεμος", "ΜΑΣ", "μας", "είναι"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=120)


def _case_insensitive_matches(char: str) -> set[str]:
    return set(re.findall(re.escape(char), _CASED_TEXT, re.IGNORECASE))


def test_folding_and_ignorecase_disagree_only_on_the_twins() -> None:
    by_fold = defaultdict(set)
    for char in _CASED:
        by_fold[fold(char)].add(char)
    disagree = {(char, other) for char in _CASED
                for other in _case_insensitive_matches(char) ^ by_fold[fold(char)]}
    assert all(char in FOLD_TWINS or other in FOLD_TWINS for char, other in disagree)
    assert {char for pair in disagree for char in pair if not char.isascii()} == set(FOLD_TWINS)


def test_folding_keeps_word_characters_word_characters() -> None:
    word_char = re.compile(f"[{WORD_CHARS}]")
    word_char_any_case = re.compile(f"[{WORD_CHARS}]", re.IGNORECASE)
    assert [char for char in _every_character()
            if bool(word_char.match(char)) != bool(word_char.match(fold(char)))] == []
    assert [char for char in _CASED
            if bool(word_char.match(char)) != bool(word_char_any_case.match(char))] == []


NEEDLES = ["northwind", "is", "k", "s", "i", "us", "we", "o'k", "-", "северн", "ветр", "βόρειος",
           "μας", "straße", "σ", "ΐ", "st"]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(NEEDLES))
def test_a_folded_find_is_a_case_insensitive_search(text: str, needle: str) -> None:
    _assert_folded_find_is_case_insensitive_search(text, needle)


@pytest.mark.parametrize("text", ["LİRA İS HERE", "lıra", "\u1fd3 \u0390", "\ufb05\ufb06 st"])
@pytest.mark.parametrize("needle", NEEDLES)
def test_a_folded_find_with_twins_in_the_text(text: str, needle: str) -> None:
    _assert_folded_find_is_case_insensitive_search(text, needle)


def _assert_folded_find_is_case_insensitive_search(text: str, needle: str) -> None:
    folded = folded_for_search(text)
    if folded is None:
        assert any(twin in text for twin in FOLD_TWINS)
        return
    assert len(folded) == len(text)
    expected = [m.start() for m in re.finditer(f"(?={re.escape(needle)})", text, re.IGNORECASE)]
    found = [m.start() for m in re.finditer(f"(?={re.escape(fold(needle))})", folded)]
    assert found == expected


BRANDS = ("Northwind", "Северный Ветер", "Βόρειος Άνεμος", "The Company", "O'Neil", "k",
          "Ветер Ветер", "Ай", "Lıra", "Lira")


def _plain(brands: brand_names.Brands) -> brand_names.Brands:
    return brand_names.Brands(brands.patterns,
                              tuple((pattern, None) for pattern, _ in brands.searches))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_brand_places_found_by_their_start_are_the_places_of_every_match(text: str) -> None:
    brands = brand_names.brands(BRANDS)
    assert voice._brand_places(text, brands) == voice._brand_places(text, _plain(brands))


@pytest.mark.parametrize("text", [
    "Northwind is proud. «Northwind» launched it. \"NORTHWIND\" opens.",
    "ſee Northwind: it opens", "\u212a is here. K launched it.", "İ Northwind is here",
    "The company The Company is proud", "O'Neil opens. o'neil's shop",
    "СЕВЕРНЫЙ ВЕТЕР открывает. «Северного Ветра» нет. Северный ветер — лидер",
    "ᲀетер Ветер Ветер открыл", "ΒΌΡΕΙΟΣ ΆΝΕΜΟΣ είναι εδώ", "LIRA opens. lıra opens", "LİRA opens"])
def test_brand_places_on_tricky_texts(text: str) -> None:
    brands = brand_names.brands(BRANDS)
    assert voice._brand_places(text, brands) == voice._brand_places(text, _plain(brands))


def test_a_name_starting_with_a_twin_is_searched_with_its_pattern() -> None:
    assert [start for _, start in brand_names.brands(("İris", "Iris")).searches] == [None, "iris"]


FIRST_PERSON = [["we", "our", "us"], ["We", "OUR team", "u.s", "i"], ["k", "ok"],
                ["мы", "нас", "наш", "we"], ["μας", "εμείς"], ["ı"], ["straße"]]


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.sampled_from(FIRST_PERSON))
def test_we_voice_folded_search_is_the_case_insensitive_search(text: str,
                                                               words: list[str]) -> None:
    speaking = _voice(words)
    assert _speaks_as_we(text, speaking) == (speaking.pattern.search(text) is not None)


def test_every_twin_but_the_dotless_i_folds_to_more_than_one_character() -> None:
    # folded_for_search looks for the dotless i alone in a text that folds char for char.
    assert [twin for twin in FOLD_TWINS if len(twin.casefold()) == 1] == ["\u0131"]
