"""Links are looked for only in the space-free runs that hold a dot and a letter.

``extract_urls`` runs X's link pattern on those short pieces, not the whole
text. These tests hold it to the obvious version: the pattern over the whole
text, every position tried.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.text import twitter_text
from governance.text.twitter_text import Entity, extract_urls

PIECES = [" ", "\u3000", "\u00a0", "\n", "\x1c", ".", ",", "(", ")", "/", "-", "_", "@", "#",
          "$", "?", "=", "&", ":", "https://", "http://", "HTTPS://", "www", "example",
          "com", "COM", "jp", "js", "md", "рф", "пример", "xn--p1ai", "t.co/abc", "a",
          "Node", "foo", "bar", "1", "42", "é", "\u202e", "\ufeff", "…", "K", "ſ",
          "nordwind.example/promo/1?utm_source=x", "e.g.", "co.uk", "a-b", "0.5"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=50).map("".join) | st.text(max_size=120)


def whole_text_urls(text: str) -> list[Entity]:
    """The pattern over the whole text, as the conformance suite was first passed."""
    found: list[Entity] = []
    for match in twitter_text._url_pattern().finditer(text):
        before, url, protocol, domain, path = match.group(1, 2, 3, 4, 6)
        start, end = match.span(2)
        if not twitter_text._valid_length(url, protocol or "https://", domain):
            continue
        if protocol:
            found.extend(twitter_text._with_protocol(url, start, end))
        elif not twitter_text._BAD_BEFORE_BARE_URL.search(before):
            found.extend(twitter_text._bare(url, domain, bool(path), start, end))
    return found


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_windows_find_what_the_whole_text_scan_finds(text: str) -> None:
    assert extract_urls(text) == whole_text_urls(text)


@pytest.mark.parametrize(("text", "links"), [
    ("Visit NORDWIND.COM today", ["NORDWIND.COM"]),
    ("Сайт: https://пример.рф/путь, заходите", ["https://пример.рф/путь"]),
    ("Read e.g. the docs at\u3000docs.example.org/a.b.", ["docs.example.org/a.b"]),
    ("Node.js and readme.md", ["readme.md"]),
    ("(https://t.co/abc123?x=1)", ["https://t.co/abc123?x=1"]),
    ("no link. Here, 0.5 percent", []),
    # The space before the piece is the character before the link, not the "é".
    (" énordwind.example/promo/1", ["énordwind.example/promo/1"]),
])
def test_links_in_pieces(text: str, links: list[str]) -> None:
    assert [url.value for url in extract_urls(text)] == links
    assert extract_urls(text) == whole_text_urls(text)


def test_a_character_python_calls_a_space_does_not_cut_a_piece() -> None:
    # U+001C is whitespace to Python, not to X: the piece runs on through it.
    text = "see \x1cnordwind.example/a and https://x.example"
    assert extract_urls(text) == whole_text_urls(text) == [
        Entity("nordwind.example/a", 5, 23), Entity("https://x.example", 28, 45)]


def test_the_callers_list_is_their_own() -> None:
    first = extract_urls("read https://nordwind.example today")
    first.clear()
    assert [url.value for url in extract_urls("read https://nordwind.example today")] == [
        "https://nordwind.example"]
