"""Policy regular expressions on RE2: Python's meaning, linear time, clear refusals."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.text import PatternError, Span, compile_pattern


@pytest.mark.parametrize(("pattern", "text", "expected"), [
    (r"\w+", "🚀 скидка_1 ok", ["скидка_1", "ok"]),
    (r"\w+", "Καλημέρα!", ["Καλημέρα"]),
    (r"\W+", "a — b", [" — "]),
    (r"\d+", "цена ٣٤ и 12", ["٣٤", "12"]),
    (r"\D+", "12ab34", ["ab"]),
    (r"\s+", "a\u00a0b\u2009c", ["\u00a0", "\u2009"]),
    (r"\S+", "ab\u00a0cd", ["ab", "cd"]),
    (r"[\w-]+", "кто-то", ["кто-то"]),
    (r"[а-яё]+", "Ёж и ёлка", ["ж", "и", "ёлка"]),
    (r"(?i)[а-яё]+", "Ёж", ["Ёж"]),
    (r"\p{Cyrillic}+", "abc где", ["где"]),
    (r"\p{Greek}+", "abc γεια", ["γεια"]),
    (r"(?i)скидк\w*", "СКИДКИ и скидкой", ["СКИДКИ", "скидкой"]),
    (r"(?i)σ", "ΣΑΣ ς", ["Σ", "Σ", "ς"]),
    (r"\bтут\b", "тутово тут", ["тут"]),
    (r"\bad\b", "#ad bad ad", ["ad", "ad"]),
    (r"(?i)\b(?:erid|ерид)\b", "ERID: x, ерид y, eridx", ["ERID", "ерид"]),
    (r"\bfoo\b|\bbar\b", "foobar bar foo", ["bar", "foo"]),
    (r"(?i)\bfree\b", "Free! carefree", ["Free"]),
    (r"\bfoo\b", "foo foo,foo", ["foo", "foo", "foo"]),
    (r"\b(?:ab|abc)\b", "abc ab", ["abc", "ab"]),
    (r"\b\w+!", "hi!hi! x!", ["hi!", "hi!", "x!"]),
    (r"\d+\b", "12ab 34", ["34"]),
    (r"(?i)\bСКИДК\w*\b", "скидки, Скидкой!", ["скидки", "Скидкой"]),
    (r"^a", "ba\na", []),
    (r"(?m)^a", "ba\na", ["a"]),
    (r"end\Z", "the end", ["end"]),
    (r"\Qa.b\E", "axb a.b", ["a.b"]),
    (r"[[:digit:]]+", "a12", ["12"]),
    (r"a*", "baab", ["", "aa", "", ""]),
    (r"цена\s*\bот\b", "цена отличная, цена от 100", ["цена от"]),
    (r"(?i)\bfree\b(?:\s+\bshipping\b)?", "Free shipping, freeshipping", ["Free shipping"]),
    (r"\bfoo\b|bar", "foobar bar foo", ["bar", "bar", "foo"]),
    (r"\Bот", "от вот", ["от"]),
    (r"<[\s\S]*?>", "<a\nb> <c>", ["<a\nb>", "<c>"]),
    (r"[\W\d]+", "ab, 12cd", [", 12"]),
    (r"(?x) a b  # spaces and comments are ignored", "ab", ["ab"]),
    (r"\b#ad\b", "#ad x#ad", ["#ad"]),
])
def test_matches_as_python_would(pattern: str, text: str, expected: list[str]) -> None:
    assert [span.text for span in compile_pattern(pattern).finditer(text)] == expected


def test_ignore_case_option() -> None:
    assert compile_pattern("СКИДКА", ignore_case=True).search("скидка") == Span(0, 6, "скидка")
    assert compile_pattern("СКИДКА").search("скидка") is None


def test_offsets_are_characters_not_bytes() -> None:
    text = "🚀🚀 Ωμέγα — скидка"
    span = compile_pattern("скидка").search(text)
    assert span == Span(11, 17, "скидка")  # 24 bytes into the UTF-8 text
    assert len(text[:11].encode()) == 24


@pytest.mark.parametrize(("pattern", "reason"), [
    (r"(a)\1", "backreferences"),
    (r"(?=a)", "look-ahead"),
    (r"a(?!b)", "look-ahead"),
    (r"(?<=a)b", "look-behind"),
    (r"(?<!a)b", "look-behind"),
    (r"a++", "possessive"),
    (r"\w*+", "possessive"),
    (r"(?:a{1000}){1000}", "too large"),
    ("[", "missing ]"),
    ("(", "unclosed group"),
    ("a\\", "lone backslash"),
    (r"price(?! on request)", "{all: [{pattern: 'X'}, {not: {pattern: 'XY'}}]}"),
    ("a" * 4001, "longer than"),
])
def test_refusals_say_why(pattern: str, reason: str) -> None:
    with pytest.raises(PatternError) as caught:
        compile_pattern(pattern)
    message = str(caught.value)
    assert reason in message
    assert "\n" not in message
    assert isinstance(caught.value, ValueError)


def test_catastrophic_pattern_finishes() -> None:
    started = time.perf_counter()
    assert compile_pattern(r"(a+)+$").search("a" * 50000 + "b") is None
    assert compile_pattern(r"(x+x+)+y").search("x" * 20000) is None
    assert time.perf_counter() - started < 30  # a backtracking engine would not finish


@pytest.mark.parametrize(("pattern", "text"), [
    (r"\bx", "x" * 200_000),
    (r"x+\b", "x" * 200_000 + "y"),
    (r"\b\w+\b", "é" * 200_000),
    (r"é", "é" * 200_000),
])
def test_many_candidates_stay_linear(pattern: str, text: str) -> None:
    started = time.perf_counter()
    list(compile_pattern(pattern).finditer(text))
    assert time.perf_counter() - started < 30


def test_lone_surrogates_keep_offsets() -> None:
    text = "a\ud800скидка"
    assert compile_pattern("скидка").search(text) == Span(2, 8, "скидка")


def test_compiled_once() -> None:
    assert compile_pattern(r"\d+") is compile_pattern(r"\d+")
    assert compile_pattern(r"\d+") is not compile_pattern(r"\d+", ignore_case=True)
    assert compile_pattern(r"\d+").pattern == r"\d+"


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([r"\w+", r"\bad\b", r"(?i)скидк\w*", r"\d{2,}", r"a*", r"\s"]),
       st.text(max_size=120))
def test_spans_slice_the_text(pattern: str, text: str) -> None:
    previous_end = 0
    for span in compile_pattern(pattern).finditer(text):
        assert text[span.start:span.end] == span.text
        assert span.start >= previous_end
        previous_end = span.end
