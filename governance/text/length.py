"""Post length as each network counts it, and the links, hashtags and mentions in a post.

Counting methods (:func:`count`):

``chars``
    Unicode code points of the text as written (what ``len`` says; VK, Telegram,
    Facebook and LinkedIn limits are in these units).
``utf16``
    UTF-16 code units: an emoji outside the Basic Multilingual Plane counts 2.
    Some APIs (JavaScript clients, Instagram's) measure this way.
``graphemes``
    User-perceived characters (extended grapheme clusters): a family emoji, a
    flag or a letter with its accents is one. Bluesky counts so.
``mastodon``
    Mastodon's count: graphemes, with every ``https://`` link as 23 and a
    remote mention ``@user@server`` as ``@user``.
``x``
    X (Twitter) weighted length, exactly as twitter-text counts it (see
    :mod:`governance.text.twitter_text`, proved by twitter-text's conformance
    suite): every link counts 23, every emoji sequence 2, CJK and most symbols
    2, Latin, Cyrillic, Greek and general punctuation 1. The limit is 280.

Links (:func:`extract_urls`) are X's links (:func:`twitter_text.extract_urls`),
the one definition of a link for counting and for every rule that looks for one.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from governance.text import twitter_text
from governance.text.spans import WORD_CHARS, Span

if TYPE_CHECKING:
    import regex

__all__ = ["COUNT_METHODS", "count", "extract_urls", "hashtags", "mentions", "x_weighted_length"]

COUNT_METHODS = ("chars", "x", "utf16", "graphemes", "mastodon")

URL_WEIGHT = twitter_text.URL_LENGTH

_TAG_BODY = re.compile(f"[{WORD_CHARS}]+")
_HASHTAG = re.compile(f"(?<![{WORD_CHARS}&])[#＃][{WORD_CHARS}]+")
_MENTION = re.compile(f"(?<![{WORD_CHARS}!@#$%&*＠])[@＠][A-Za-z0-9_][A-Za-z0-9_.]*")
_REMOTE_MENTION = re.compile(r"(^|[^/\w])@(([a-z0-9_]+)@[a-z0-9.\-]+[a-z0-9]+)", re.IGNORECASE)
MAX_HANDLE = 32  # Telegram allows 32; X 15, Instagram 30


def count(text: str, method: str = "chars") -> int:
    """Length of ``text`` as a network counts it; ``ValueError`` for an unknown method."""
    if method == "chars":
        return len(text)
    if method == "x":
        return x_weighted_length(text)
    if method == "utf16":
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    if method == "graphemes":
        return grapheme_length(text)
    if method == "mastodon":
        return mastodon_length(text)
    raise ValueError(f"unknown length method {method!r} (expected one of: "
                     f"{', '.join(COUNT_METHODS)})")


def grapheme_length(text: str) -> int:
    """User-perceived characters (Unicode extended grapheme clusters, the ``regex``
    package's ``\\X``): a family emoji or a flag is one, as Bluesky counts."""
    if text.isascii() and "\r\n" not in text:
        return len(text)
    return len(_grapheme().findall(text))


@cache
def _grapheme() -> regex.Pattern[str]:
    # ``regex`` is imported on first use: ``governance check`` and most counts do without it.
    import regex

    return regex.compile(r"\X")


def mastodon_length(text: str) -> int:
    """Mastodon's count (``StatusLengthValidator``): every link with ``http(s)://``
    counts 23, ``@user@server.example`` counts as ``@user``, the rest in graphemes."""
    parts: list[str] = []
    position = 0
    for url in twitter_text.extract_urls(text):
        if url.value.lower().startswith(("http://", "https://")):
            parts += [text[position:url.start], "x" * URL_WEIGHT]
            position = url.end
    parts.append(text[position:])
    return grapheme_length(_REMOTE_MENTION.sub(r"\1@\3", "".join(parts)))


def x_weighted_length(text: str) -> int:
    """X's weighted length of ``text`` (twitter-text configuration v3)."""
    return twitter_text.weighted_length(text)


def extract_urls(text: str) -> list[Span]:
    """Links in ``text`` as X recognises them."""
    return [Span(url.start, url.end, url.value) for url in twitter_text.extract_urls(text)]


def _inside(spans: list[Span], start: int) -> bool:
    return any(span.start <= start < span.end for span in spans)


def hashtags(text: str) -> list[Span]:
    """Hashtags: ``#`` and word characters (any script), with at least one letter.

    Not a hashtag: one glued to a preceding word character or ``&`` (``a#b``,
    ``&#123;``), one followed by another ``#`` or by ``://``, one inside a URL, an
    all-digit one (``#1``). Spans include the ``#``.
    """
    if "#" not in text and "＃" not in text:
        return []
    urls = extract_urls(text)
    found: list[Span] = []
    for match in _HASHTAG.finditer(text):
        start, end = match.span()
        if text.startswith(("#", "＃", "://"), end) or _inside(urls, start):
            continue
        if any(char.isalpha() for char in text[start + 1:end]):
            found.append(Span(start, end, text[start:end]))
    return found


def mentions(text: str) -> list[Span]:
    """``@handles`` (ASCII letters, digits, ``_`` and inner dots; at most 32 characters).

    Not a mention: an e-mail address (``@`` glued to a preceding word character),
    one followed by ``@`` or ``://``, one inside a URL, one longer than any network
    allows. A trailing dot ends the sentence, not the handle. Spans include the ``@``.
    """
    if "@" not in text and "＠" not in text:
        return []
    urls = extract_urls(text)
    found: list[Span] = []
    for match in _MENTION.finditer(text):
        start, end = match.span()
        while text[end - 1] == ".":
            end -= 1
        if end - start - 1 > MAX_HANDLE or _inside(urls, start):
            continue
        following = text[end:]
        if following.startswith(("@", "＠", "://")) or _TAG_BODY.match(following):
            continue
        found.append(Span(start, end, text[start:end]))
    return found
