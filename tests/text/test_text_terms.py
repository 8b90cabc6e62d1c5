"""The lexicon matcher: whole words in any script, case, overlaps, stems, speed screen."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.text import Term, TermMatch, TermMatcher
from governance.text._literal import FOLDS_INTO_ASCII
from governance.text._match import canonical, fold, select_longest
from governance.text.spans import WORD_CHARS

LEXICON = [
    Term("best ever", "excellent"), Term("ever"), Term("world-class", "high-quality"),
    Term("#ad"), Term("100% natural"), Term("master/slave", "primary/replica"),
    Term("10x"), Term("can't lose"), Term("скидка"), Term("καλός"), Term("βέλτιστος"),
    Term("Iphone", "iPhone", case_sensitive=True), Term("NorthWind", case_sensitive=True),
    Term("Northwind cloud", "Northwind Cloud", case_sensitive=True),
    Term("лучший в мире"), Term("Северный Ветер"),
]
MATCHER = TermMatcher(LEXICON)


def spans(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    return [(m.matched, m.term.term) for m in matcher.find(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The best ever product", [("best ever", "best ever")]),
    ("The BEST  EVER product", [("BEST  EVER", "best ever")]),
    ("best\u00a0ever", [("best\u00a0ever", "best ever")]),
    ("best\never", [("best\never", "best ever")]),
    ("forever and ever", [("ever", "ever")]),
    ("A World-Class team", [("World-Class", "world-class")]),
    ("Sponsored #ad", [("#ad", "#ad")]),
    ("#AD at the start", [("#AD", "#ad")]),
    ("It is 100% Natural!", [("100% Natural", "100% natural")]),
    ("MASTER/SLAVE replication", [("MASTER/SLAVE", "master/slave")]),
    ("grow 10x, not 10X.", [("10x", "10x"), ("10X", "10x")]),
    ("You can't lose", [("can't lose", "can't lose")]),
    ("Скидка дня и СКИДКА недели", [("Скидка", "скидка"), ("СКИДКА", "скидка")]),
    ("«Скидка»", [("Скидка", "скидка")]),
    ("Ο ΚΑΛΌΣ φίλος", [("ΚΑΛΌΣ", "καλός")]),
    ("Ο καλόσ φίλος", [("καλόσ", "καλός")]),
    ("ο Βέλτιστος", [("Βέλτιστος", "βέλτιστος")]),
    ("Лучший в мире кофе", [("Лучший в мире", "лучший в мире")]),
    ("Works on Iphone", [("Iphone", "Iphone")]),
    ("Our NorthWind app", [("NorthWind", "NorthWind")]),
    ("Try Northwind cloud now", [("Northwind cloud", "Northwind cloud")]),
    ("«Северный Ветер» рядом", [("Северный Ветер", "северный ветер")]),
    ("🚀best ever🔥", [("best ever", "best ever")]),
])
def test_finds(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m, t.casefold()) for m, t in spans(MATCHER, text)] == [
        (m, t.casefold()) for m, t in expected]


@pytest.mark.parametrize("text", [
    "x#ad", "bad", "adverts", "the #adult", "whatever", "everest", "1100% natural",
    "100% naturally", "10xx", "a10x", "world-classy", "master/slaves", "скидками",
    "распродажаскидка", "καλόςς", "iPhone", "IPHONE", "Northwind", "Northwind Cloud",
    "_ever", "ever_", "ever2", "κever", "everы", "ever\u0301",
])
def test_leaves_alone(text: str) -> None:
    assert MATCHER.find(text) == []


def test_combining_mark_continues_a_word() -> None:
    matcher = TermMatcher([Term("cafe")])
    assert matcher.find("cafe\u0301 au lait") == []  # a decomposed "café"
    assert [m.matched for m in matcher.find("the cafe, then")] == ["cafe"]


def test_longest_term_wins_and_matches_do_not_overlap() -> None:
    matcher = TermMatcher([Term("free"), Term("free money"), Term("money back"),
                           Term("money")])
    found = matcher.find("Free money back guarantee")
    assert [(m.start, m.end, m.matched) for m in found] == [(0, 10, "Free money")]


def test_case_sensitive_and_insensitive_terms_share_a_position() -> None:
    matcher = TermMatcher([Term("pay pal"), Term("Pay", case_sensitive=True)])
    assert [m.matched for m in matcher.find("Pay Pal and Pay")] == ["Pay Pal", "Pay"]


def test_first_spelling_of_a_form_is_reported() -> None:
    first, second = Term("Guys", "everyone", key="g1"), Term("guys", "folks", key="g2")
    found = TermMatcher([first, second]).find("hey GUYS")
    assert [m.term.key for m in found] == ["g1"]


@pytest.mark.parametrize(("text", "matched"), [
    ("a \u212aIT here", "\u212aIT"),  # Kelvin sign folds to "k"
    ("\u017fale today", "\u017fale"),  # long s folds to "s"
])
def test_characters_folding_into_ascii_still_match(text: str, matched: str) -> None:
    matcher = TermMatcher([Term("kit"), Term("sale")])
    assert [m.matched for m in matcher.find(text)] == [matched]


def test_offsets_survive_characters_that_fold_longer() -> None:
    matcher = TermMatcher([Term("grüße"), Term("ok")])
    text = "ẞ STRAẞE ok grüße"
    assert [(m.start, m.end, m.matched) for m in matcher.find(text)] == [
        (9, 11, "ok"), (12, 17, "grüße")]


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_blank_term_is_refused(blank: str) -> None:
    with pytest.raises(ValueError, match="whitespace"):
        Term(blank)


def test_overlong_term_is_refused() -> None:
    with pytest.raises(ValueError, match="longer than"):
        Term("x" * 301)


def test_empty_lexicon_and_empty_text() -> None:
    assert TermMatcher([]).find("anything") == []
    assert MATCHER.find("") == []


# --- stemming ---------------------------------------------------------------

RU = TermMatcher([Term("скидка"), Term("лучшая цена"), Term("world-class"),
                  Term("#ad"), Term("Iphone", case_sensitive=True)], stem_language="russian")


@pytest.mark.parametrize(("text", "expected"), [
    ("Скидки и скидкой", ["Скидки", "скидкой"]),
    ("СКИДКАМИ", ["СКИДКАМИ"]),
    ("лучшие цены недели", ["лучшие цены"]),
    ("лучшей  ценой", ["лучшей  ценой"]),
    ("World-Class", ["World-Class"]),
    ("#AD", ["#AD"]),
    ("iPhone and Iphone", ["Iphone"]),
])
def test_stemming_finds_inflections(text: str, expected: list[str]) -> None:
    assert [m.matched for m in RU.find(text)] == expected


@pytest.mark.parametrize("text", [
    "лучшие. Цены", "world class", "x#ad", "скидочный", "iphones",
])
def test_stemming_leaves_alone(text: str) -> None:
    assert RU.find(text) == []


def test_english_and_greek_stemming() -> None:
    english = TermMatcher([Term("discount")], stem_language="english")
    assert [m.matched for m in english.find("Discounts, discounted!")] == [
        "Discounts", "discounted"]
    greek = TermMatcher([Term("έκπτωση")], stem_language="greek")
    assert [m.matched for m in greek.find("Μεγάλες εκπτώσεις")] == ["εκπτώσεις"]


@pytest.mark.parametrize(("text", "expected"), [
    ("To the moon!", ["To the moon"]),
    ("It hits the ground running", ["hits the ground running"]),
    ("the moon", []),
    ("moon", []),
    ("at the end of the days, at the end of the day", ["at the end of the days",
                                                       "at the end of the day"]),
])
def test_stemmed_phrases_anchor_on_any_word(text: str, expected: list[str]) -> None:
    matcher = TermMatcher([Term("to the moon"), Term("hit the ground running"),
                           Term("at the end of the day"), Term("end")], stem_language="english")
    assert [m.matched for m in matcher.find(text)] == expected


def test_unknown_stem_language() -> None:
    with pytest.raises(ValueError, match="klingon"):
        TermMatcher([Term("x")], stem_language="klingon")


# --- the screen never hides a match ------------------------------------------

def reference_find(terms: list[Term], text: str) -> list[TermMatch]:
    """One plain regex per term, no screen, no trie: the specification, slowly."""
    found: list[TermMatch] = []
    seen: set[tuple[str, bool]] = set()
    for term in terms:
        form = canonical(term.term, term.case_sensitive)
        if (form, term.case_sensitive) in seen:
            continue
        seen.add((form, term.case_sensitive))
        body = r"\s+".join(re.escape(part) for part in form.split(" "))
        subject = text if term.case_sensitive else fold(text)
        pattern = f"(?<![{WORD_CHARS}])(?=({body})(?![{WORD_CHARS}]))"
        for hit in re.finditer(pattern, subject):
            start, end = hit.start(1), hit.end(1)
            found.append(TermMatch(start, end, text[start:end], term))
    return select_longest(found)


FRAGMENTS = ["best", "ever", " ", "  ", "\u00a0", "-", "world", "class", "#", "ad", "100",
             "%", "natural", "master", "/", "slave", "10x", "can", "'", "t", "lose",
             "скидка", "Скидка", "καλός", "ΚΑΛΌΣ", "Iphone", "iphone", "North", "Wind",
             "NorthWind", "Northwind", " cloud", "Cloud", "\u017f", "\u212a", "ß", "ẞ",
             "\u0301", "🚀", ".", ",", "\n", "_", "x", "S", "it", "ale", "tra"]
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)
ALL_TERMS = [*LEXICON, Term("kit"), Term("\u017fale"), Term("straße"), Term("ss")]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_matches_equal_the_plain_reference(text: str) -> None:
    # The reference knows words, not links ("ever.best" is one): compare on words.
    matcher = TermMatcher(ALL_TERMS, inside_links=True)
    assert matcher.find(text) == reference_find(ALL_TERMS, text)
    outside = TermMatcher(ALL_TERMS).find(text)
    assert set(outside) <= set(matcher.find(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_spans_slice_the_text_and_nothing_raises(text: str) -> None:
    for matcher in (MATCHER, RU):
        found = matcher.find(text)
        for match in found:
            assert text[match.start:match.end] == match.matched
        assert all(a.end <= b.start for a, b in pairwise(found))


def test_only_long_s_and_kelvin_fold_into_ascii() -> None:
    # The screen lowers ASCII bytes only; characters that fold into ASCII must be
    # exactly the ones it checks for.
    folding = {chr(code) for code in range(0x80, sys.maxunicode + 1)
               if not 0xD800 <= code <= 0xDFFF and fold(chr(code)).isascii()}
    assert folding == set(FOLDS_INTO_ASCII)


# --- agreement with the benchmark floor -------------------------------------

#: The shared benchmark inputs where ``benchmarks/run.py`` finds them, beside the
#: repository, unless GOVERNANCE_BENCH_SHARED names another directory.
REPO = Path(__file__).resolve().parents[2]
BENCH = Path(os.environ.get("GOVERNANCE_BENCH_SHARED") or REPO.parent / "shared" / "bench")


def test_hit_count_equals_the_floor(tmp_path: Path) -> None:
    if not (BENCH / "gen_corpus.py").exists():
        where = f"the shared benchmark inputs are not in {BENCH}"
        if os.environ.get("CI"):  # CI has them: their absence is a broken set-up, not a skip
            pytest.fail(f"{where}; set GOVERNANCE_BENCH_SHARED to their directory")
        pytest.skip(f"{where} (set GOVERNANCE_BENCH_SHARED to run this test)")
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(BENCH / "gen_corpus.py"), "--posts", "2000",
                    "--out", str(corpus)], check=True, capture_output=True)
    floor = subprocess.run([sys.executable, str(BENCH / "baseline_floor.py"), "--trie",
                            str(corpus)], check=True, capture_output=True, text=True)
    expected = int(re.search(r"lexicon=(\d+)", floor.stderr).group(1))  # type: ignore[union-attr]
    with (corpus / "lexicon.tsv").open(encoding="utf-8", newline="") as handle:
        terms = [Term(row["term"], row["replacement"], row["case_sensitive"] == "true")
                 for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    with (corpus / "calendar.csv").open(encoding="utf-8", newline="") as handle:
        posts = [row["text"] for row in csv.DictReader(handle)]
    matcher = TermMatcher(terms)
    assert expected > 0
    assert sum(len(matcher.find(text)) for text in posts) == expected


def test_terms_skip_links_addresses_and_handles_unless_asked() -> None:
    text = "k8s.dev, https://example.com/k8s, ops@k8s.io, @k8s and k8s itself"
    assert [m.start for m in TermMatcher([Term("k8s")]).find(text)] == [text.rindex("k8s i")]
    assert len(TermMatcher([Term("k8s")], inside_links=True).find(text)) == 5
