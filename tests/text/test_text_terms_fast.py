"""The term matcher's shortcuts against its plain path, on many texts in a row.

Three shortcuts are held here: the stem matcher's memory of ASCII words that
stem to no anchor (it fills as texts go by, so the texts come in sequences),
the phrase screen of case-sensitive terms (their words in a row in the UTF-8
bytes), and the matcher that skips the literal screen when it has only stems.
The plain path scans every group on every text, with no screen and no memory.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from governance.text._literal import LiteralGroup, screened
from governance.text._match import TermMatch, select_longest
from governance.text._stemmed import StemGroup
from governance.text.links import inside, link_spans
from governance.text.terms import Term, TermMatcher

#: ASCII anchors and an English stemmer: the stem matcher screens on ASCII words.
OFFICIALESE = ["utilize", "leverage", "going forward", "at the end of the day", "synergy",
               "world-class", "#ad"]
#: Non-ASCII anchors: the stem matcher scans every text.
MIXED = [*OFFICIALESE, "скидка", "в настоящее время", "καλός"]
BRANDS = [Term("Northwind cloud", "Northwind Cloud", case_sensitive=True),
          Term("NorthWind", case_sensitive=True), Term("Pay Pal", case_sensitive=True),
          Term("E-mail", case_sensitive=True), Term("Wi-fi", case_sensitive=True),
          Term("Café Nord", case_sensitive=True), Term("Мой Northwind", case_sensitive=True),
          Term("NW_Cloud app", case_sensitive=True), Term("best ever"), Term("synergy")]
PIECES = [" ", "  ", ".", ",", "-", "/", "#", "'", "\n", "\u00a0", "_", "🚀", "é", "\u0301",
          "ſ", "\u212a", "ß",
          # English words that stem to an anchor, and words that do not
          "utilize", "Utilizes", "UTILIZING", "leveraged", "going", "Forward", "at", "the",
          "end", "ending", "of", "day", "Days", "synergies", "Synergy", "world", "Class",
          "ad", "util", "ization", "lever", "age", "coffee", "now", "team",
          # Cyrillic and Greek, inflected and not
          "скидка", "Скидки", "СКИДКОЙ", "в", "настоящее", "Настоящее", "время", "кофе",
          "καλός", "ΚΑΛΌΣ", "καλόσ", "φίλος",
          # the brands, rightly and wrongly spelled
          "Northwind", "NorthWind", "NORTHWIND", "cloud", "Cloud", "Pay", "Pal", "E", "e",
          "mail", "Wi", "fi", "Café", "Cafe", "Nord", "Мой", "NW", "app", "best", "ever",
          "k8s.dev", "https://x.io/synergy", "@synergy", "a@synergy.io"]
#: Brand words and what may separate them, so that phrases form often.
BRAND_PIECES = [" ", "  ", "\u00a0", "\n", "-", "_", ".", "#", "é", "\u0301", "Northwind",
                "NorthWind", "cloud", "Cloud", "Pay", "Pal", "pal", "E", "e", "mail", "Wi",
                "fi", "Café", "Nord", "Мой", "NW", "app", "best", "ever", "synergies"]
SEPARATORS = [" ", "  ", "\u00a0", "\n", "-", "/", ".", "_", "é", ""]


@st.composite
def near_phrases(draw: st.DrawFn) -> str:
    """A brand term's words, rightly or wrongly cased, apart as written or otherwise."""
    words = draw(st.sampled_from(BRANDS)).term.replace("-", " ").split()
    words = [draw(st.sampled_from([word, word.lower(), word.upper()])) for word in words]
    gaps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words) - 1,
                         max_size=len(words) - 1))
    around = st.lists(st.sampled_from(BRAND_PIECES), max_size=4).map("".join)
    body = words[0] + "".join(gap + word for gap, word in zip(gaps, words[1:], strict=True))
    return draw(around) + draw(st.sampled_from(SEPARATORS)) + body + draw(around)


TEXT = (st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
        | st.lists(st.sampled_from(BRAND_PIECES), max_size=12).map("".join)
        | near_phrases() | st.text(max_size=80))
TEXTS = st.lists(TEXT, min_size=1, max_size=12)


def plain_find(matcher: TermMatcher, text: str) -> list[TermMatch]:
    """What ``TermMatcher.find`` promises, every group scanned, no screen consulted."""
    found: list[TermMatch] = []
    for group in (matcher._folded, matcher._exact):
        if group is not None:
            found += group.scan(text)
    if matcher._stems is not None:
        found += plain_stem_scan(matcher._stems, text)
    if found and not matcher.inside_links:
        links = link_spans(text)
        found = [m for m in found if not inside(links, m.start, m.end)]
    return select_longest(found)


def plain_stem_scan(group: StemGroup, text: str) -> list[TermMatch]:
    screen, group._screen = group._screen, False
    try:
        return group.scan(text)
    finally:
        group._screen = screen


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_stem_scan_with_its_memory_of_plain_words_is_the_full_scan(texts: list[str]) -> None:
    group = StemGroup([Term(term) for term in OFFICIALESE], "english")
    assert group._screen
    for text in texts * 2:  # the second time round, the memory knows every word
        assert group.scan(text) == plain_stem_scan(group, text)


def test_plain_words_are_remembered_and_a_text_of_them_is_rejected() -> None:
    group = StemGroup([Term("synergy")], "english")
    assert group.scan("Coffee now, team") == []
    assert {b"coffee", b"now", b"team"} <= group._plain_words
    assert [m.matched for m in group.scan("Team synergies now")] == ["synergies"]
    assert b"synergies" not in group._plain_words


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_stems_only_matcher_is_its_plain_path(texts: list[str]) -> None:
    matchers = [TermMatcher([Term(term) for term in terms], stem_language=language)
                for terms in (OFFICIALESE, MIXED) for language in ("english", "russian")]
    assert not any(matcher._literal for matcher in matchers)
    for text in texts * 2:
        for matcher in matchers:
            assert matcher.find(text) == plain_find(matcher, text)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_brand_phrase_screen_hides_no_match(texts: list[str]) -> None:
    matchers = [TermMatcher(BRANDS), TermMatcher(BRANDS, inside_links=True),
                TermMatcher(BRANDS, stem_language="english")]
    for text in texts:
        for matcher in matchers:
            assert matcher.find(text) == plain_find(matcher, text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_exact_group_passes_every_text_it_finds_something_in(text: str) -> None:
    group = LiteralGroup([t for t in BRANDS if t.case_sensitive], True)
    encoded, words = screened(text)
    hits = group.keys.intersection(words)
    if group.scan(text):
        assert group.may_match(text, encoded, words, hits)


def test_phrase_screen_wants_the_words_in_a_row() -> None:
    group = LiteralGroup([Term("Northwind cloud", case_sensitive=True)], True)

    def passes(text: str) -> bool:
        encoded, words = screened(text)
        return group.may_match(text, encoded, words, group.keys.intersection(words))

    assert passes("Try Northwind\u00a0 cloud")
    assert not passes("Northwind Cloud, now with #cloud")
