"""The closing hashtags of a post are found from its end, as reading all of it finds them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.rules.post import sponsorship

PIECES = [" ", "\n", "#ad", "#tips", "@northwind", "https://x.example/a", "word", "Sale!",
          "x" * 120, "#" + "y" * 200, "🚀"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(max_size=400)


def slow_closing_tags(text: str) -> int:
    """Every token of the text, read from the end."""
    start, tags = len(text), 0
    for token in reversed(list(re.finditer(r"\S+", text))):
        word = token.group(0)
        if word[0] in "#@":
            tags += 1
        elif not word.startswith(("http://", "https://")):
            break
        start = token.start()
    return start if tags > 1 else len(text)


@pytest.mark.parametrize("text", [
    "", "#a #b", "Sale! #ad #tips", "word " * 100 + "#a #b", "#t " * 200,
    "Sale " + "#" + "y" * 400 + " #b", "x" * 299 + " #a #b",
])
def test_same_as_reading_the_whole_text(text: str) -> None:
    assert sponsorship._closing_tags(text) == slow_closing_tags(text)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_same_as_reading_the_whole_text_on_any_text(text: str) -> None:
    assert sponsorship._closing_tags(text) == slow_closing_tags(text)
