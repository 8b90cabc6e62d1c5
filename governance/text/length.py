"""Post length as each network counts it, and the links, hashtags and mentions in a post.

Counting methods (:func:`count`):

``chars``
    Unicode code points of the text as written (what ``len`` says; VK, Telegram,
    Facebook and LinkedIn limits are in these units).
``utf16``
    UTF-16 code units: an emoji outside the Basic Multilingual Plane counts 2.
    Some APIs (JavaScript clients, Instagram's) measure this way.
``x``
    X (Twitter) weighted length, twitter-text configuration v3
    (github.com/twitter/twitter-text, ``config/v3.json`` and ``parseTweet`` in
    ``js/src/parseTweet.js``): the text is NFC-normalised first; every URL counts
    23 (``transformedURLLength``) whatever its length; every emoji sequence
    (skin tones, ZWJ families, flags, keycaps) counts 2 (``defaultWeight`` with
    ``emojiParsingEnabled``); any other code point weighs 1 if it lies in
    0-4351, 8192-8205, 8208-8223 or 8242-8247 (Latin, Cyrillic, Greek, general
    punctuation...) and 2 otherwise (CJK, most symbols). The limit is 280.
    Test cases come from twitter-text's ``conformance/validate.yml``.

Links (:func:`extract_urls`) follow X's rules closely enough for counting:
``http``/``https`` URLs; bare ASCII domains with a known generic TLD
(``example.com``) or a two-letter country TLD when a subdomain or a path is
present (``www.example.ru``, ``example.ru/page``; a bare ``readme.md`` is not a
link, as on X); no link glued to a preceding letter, ``@`` (e-mail), ``#``, ``$``,
``.``, ``-``, ``_`` or ``/``; trailing sentence punctuation is not part of a link.
X's full TLD list, punycode and IP-address checks are not reproduced.
"""

from __future__ import annotations

import re
import unicodedata

from governance.text._tlds import GENERIC_TLDS
from governance.text.spans import WORD_CHARS, Span

__all__ = ["COUNT_METHODS", "count", "extract_urls", "hashtags", "mentions", "x_weighted_length"]

COUNT_METHODS = ("chars", "x", "utf16")

URL_WEIGHT = 23
EMOJI_WEIGHT = 2

# Code points X weighs 1; every other code point weighs 2.
_HEAVY = re.compile("[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")

_PICTOGRAPHS = ("\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf"
                "\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe"
                "\u2600-\u27bf\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030"
                "\u303d\u3297\u3299\U0001f000-\U0001faff")
# (c) and (R) are text by default; only with the emoji variation selector are they emoji.
_BASE = f"(?:[\u00a9\u00ae]\ufe0f|[{_PICTOGRAPHS}])"
_MODIFIER = "(?:[\U0001f3fb-\U0001f3ff]|\ufe0f)?"
_EMOJI = re.compile(
    "[#*0-9]\ufe0f?\u20e3"                                  # keycap 1️⃣
    "|[\U0001f1e6-\U0001f1ff]{2}"                           # flag from two regional letters
    "|\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f"         # tag flag (England, Scotland)
    f"|{_BASE}{_MODIFIER}(?:\u200d{_BASE}{_MODIFIER})*"     # emoji, skin tone, ZWJ sequence
)

_URL_STOP = "\\s<>\"«»“”‘’\u200e\u200f\u202a-\u202e\u2066-\u2069"
_NOT_BEFORE = f"(?<![{WORD_CHARS}@$#＠＃./\\-_])"
_SCHEME_URL = re.compile(f"{_NOT_BEFORE}https?://[^{_URL_STOP}]+", re.IGNORECASE)
_BARE_URL = re.compile(
    f"{_NOT_BEFORE}"
    r"((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+)"  # labels, each with its dot
    f"([a-z]{{2,63}})(?![{WORD_CHARS}-])"              # top-level domain
    r"(?::[0-9]{1,5})?"                               # port
    f"([/?#][^{_URL_STOP}]*)?",                       # path, query, fragment
    re.IGNORECASE)
_TRAILING = ".,;:!?'*…)]}"

_TAG_BODY = re.compile(f"[{WORD_CHARS}]+")
_HASHTAG = re.compile(f"(?<![{WORD_CHARS}&])[#＃][{WORD_CHARS}]+")
_MENTION = re.compile(f"(?<![{WORD_CHARS}!@#$%&*＠])[@＠][A-Za-z0-9_][A-Za-z0-9_.]*")
MAX_HANDLE = 32  # Telegram allows 32; X 15, Instagram 30


def count(text: str, method: str = "chars") -> int:
    """Length of ``text`` as a network counts it; ``ValueError`` for an unknown method."""
    if method == "chars":
        return len(text)
    if method == "x":
        return x_weighted_length(text)
    if method == "utf16":
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    raise ValueError(f"unknown length method {method!r} (expected one of: "
                     f"{', '.join(COUNT_METHODS)})")


def x_weighted_length(text: str) -> int:
    """X's weighted length of ``text`` (twitter-text v3 rules, see the module docstring)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    total = 0
    position = 0
    for url in extract_urls(text):
        total += _plain_weight(text[position:url.start]) + URL_WEIGHT
        position = url.end
    return total + _plain_weight(text[position:])


def _plain_weight(segment: str) -> int:
    if segment.isascii():
        return len(segment)
    weight = len(segment) + len(_HEAVY.findall(segment))
    for emoji in _EMOJI.finditer(segment):
        raw = len(emoji.group()) + len(_HEAVY.findall(emoji.group()))
        weight += EMOJI_WEIGHT - raw
    return weight


def extract_urls(text: str) -> list[Span]:
    """Links in ``text`` as X recognises them (an approximation, see the module docstring)."""
    if "." not in text:
        return []
    found = [_trim(text, match.start(), match.end()) for match in _SCHEME_URL.finditer(text)]
    taken = [(span.start, span.end) for span in found]
    for match in _BARE_URL.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        labels, tld, path = match.group(1), match.group(2).lower(), match.group(3)
        is_country = len(tld) == 2
        if tld not in GENERIC_TLDS and not is_country:
            continue
        # X skips a country domain with no subdomain and no path (but not t.co).
        if is_country and not path and labels.count(".") == 1 and \
                (labels + tld).lower() != "t.co":
            continue
        found.append(_trim(text, match.start(), match.end()))
    return sorted(span for span in found if span.end > span.start)


def _trim(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1] in _TRAILING:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break  # a balanced parenthesis belongs to the URL (Wikipedia links)
        end -= 1
    return Span(start, end, text[start:end])


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
