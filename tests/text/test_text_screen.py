"""The shared screen: one UTF-8 split per post, and the stem matcher's ASCII shortcut.

The stem matcher skips a text whose ASCII words stem to none of its anchors,
when its stemmer only rewrites ASCII endings; these tests hold it to the full
scan, and hold the stemmer to that promise.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.text._literal import lower_ascii_words, screened
from governance.text._stemmed import StemGroup, stemmer_for
from governance.text.terms import Term, TermMatcher

OFFICIALESE = ["utilize", "leverage", "going forward", "at the end of the day", "synergy",
               "#ad", "world-class"]
PIECES = [" ", ".", ",", "-", "#", "\n", "é", "\u0301", "ſ", "\u212a", "🚀", "ß", "Ä",
          "utilize", "utilizes", "Utilizing", "leveraged", "LEVERAGE", "going", "forward",
          "at", "the", "end", "of", "day", "days", "synergies", "Synergy", "ad", "world",
          "class", "util", "ization", "кофе"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=120)


def full_scan(group: StemGroup, text: str) -> list[object]:
    screen = group._screen
    group._screen = False
    try:
        return list(group.scan(text))
    finally:
        group._screen = screen


@pytest.fixture(scope="module")
def english() -> StemGroup:
    return StemGroup([Term(term) for term in OFFICIALESE], "english")


def test_the_english_group_screens(english: StemGroup) -> None:
    assert english._screen
    assert not StemGroup([Term("кофе")], "russian")._screen
    assert not StemGroup([Term("haus")], "german")._screen


@pytest.mark.parametrize("text", [
    "We will utilize synergies going forward.", "Leveraged, at the end of the day!",
    "Utiliſing", "ſynergy", "\u212aey at the end of the day", "uti\u0301lize it",
    "no term here", "", "#ad world-class"])
def test_screened_scan_is_the_full_scan(english: StemGroup, text: str) -> None:
    assert english.scan(text) == full_scan(english, text)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_screened_scan_is_the_full_scan_on_any_text(english: StemGroup, text: str) -> None:
    assert english.scan(text) == full_scan(english, text)


@settings(max_examples=400, deadline=None)
@given(st.text(st.characters(categories=("L", "M", "N")), min_size=1, max_size=12))
def test_an_english_stem_in_ascii_comes_from_an_ascii_word(word: str) -> None:
    stem = stemmer_for("english").stemWord(word.casefold())
    if stem.isascii():
        assert word.casefold().isascii()


def test_screened_is_the_split_of_the_text_given() -> None:
    first, second = "Synergy now", "nothing"
    assert screened(first)[1] == lower_ascii_words(first.encode()) == [b"synergy", b"now"]
    assert screened(second)[1] == [b"nothing"]
    assert screened(first)[0] == first.encode()


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_matchers_sharing_the_screen_find_what_each_finds_alone(text: str) -> None:
    lexicon = TermMatcher([Term("synergy", "teamwork"), Term("world-class", case_sensitive=True)])
    officialese = TermMatcher([Term(t) for t in OFFICIALESE], stem_language="english")
    alone = (lexicon.find(text), officialese.find(text))
    screened("something else")
    assert (lexicon.find(text), officialese.find(text)) == alone


def test_the_package_names_stay_functions_once_every_module_is_imported() -> None:
    import importlib

    import governance.text as package

    for home in set(package._HOMES.values()) | {"words"}:
        importlib.import_module(f"governance.text.{home}")
    from governance.text import sentences, words

    assert words("a b")[1].text == "b"
    assert [s.text for s in sentences("One. Two.")] == ["One.", "Two."]
    assert all(callable(getattr(package, name)) or name == "COUNT_METHODS"
               or isinstance(getattr(package, name), type) for name in package.__all__)
