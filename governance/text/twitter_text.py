"""Links, mentions and hashtags, and the weighted length, exactly as X finds and counts them.

A port of twitter-text (github.com/twitter/twitter-text, ``js/src/regexp`` and
``parseTweet``), proved by its conformance suite (``tests/text/twitter_text``).
Offsets are code points of the text as given (twitter-text converts its UTF-16
offsets the same way).

- :func:`extract_urls`: ``https://`` links and bare domains; a host must be
  valid (no label starting with ``-``, punycode-encodable, 63 bytes a label) and
  end in a real top-level domain (``_twitter_tlds``, generated from
  twitter-text's list). Written without a protocol, only ASCII domains are
  links, country domains included: ``foo.jp`` and ``readme.md`` are links, as
  on X, while ``Node.js`` is not (``js`` is no top-level domain).
- :func:`extract_mentions`: ``@name`` of up to 20 letters, digits and ``_``;
  not one glued to a word, nor an e-mail address, nor a list (``@name/list``).
- :func:`extract_hashtags`: ``#`` and letters, marks, digits of any script with
  at least one letter; not one inside a link.
- :func:`weighted_length`: the v3 configuration (the one X uses): the text is
  NFC-normalised, a link counts 23, an emoji sequence 2, a code point in
  0-4351, 8192-8205, 8208-8223 or 8242-8247 counts 1 and any other 2; the
  limit is 280.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

__all__ = ["MAX_WEIGHTED_LENGTH", "URL_LENGTH", "Entity", "extract_hashtags",
           "extract_mentions", "extract_urls", "weighted_length"]

MAX_WEIGHTED_LENGTH = 280
URL_LENGTH = 23
_MAX_URL_LENGTH = 4096
_MAX_LABEL_LENGTH = 63
_MAX_TCO_SLUG = 40


@dataclass(frozen=True)
class Entity:
    """A link, mention or hashtag: ``value`` without its ``@``/``#``, code-point offsets
    of the whole entity (``@``/``#`` included) in the text."""

    value: str
    start: int
    end: int


_SPACES = r"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
_INVALID = r"\uFFFE\uFEFF\uFFFF"
_DIRECTIONAL = r"\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069"
_PUNCT = r"!'#%&'()*+,\\\-./:;<=>?@\[\]^_{|}~$"
_LATIN_ACCENTS = (r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259"
                  r"\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF")
_CYRILLIC = r"\u0400-\u04FF"

_DOMAIN_CHAR = f"[^{_PUNCT}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
_SUBDOMAIN = f"(?:(?:{_DOMAIN_CHAR}(?:[_-]|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}\\.)"
_DOMAIN_NAME = f"(?:(?:{_DOMAIN_CHAR}(?:-|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}\\.)"
_END_OF_TLD = r"(?=[^a-zA-Z0-9@+-]|\Z)"
_PUNYCODE = r"(?:xn--[\-0-9a-z]+)"

_PATH_CHAR = f"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~@|&{_LATIN_ACCENTS}]"
_BALANCED_PARENS = (f"\\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\\({_PATH_CHAR}+\\){_PATH_CHAR}*))\\)")
_PATH_END = f"(?:[+\\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]|(?:{_BALANCED_PARENS}))"
_PATH = (f"(?:(?:{_PATH_CHAR}*(?:{_BALANCED_PARENS}{_PATH_CHAR}*)*{_PATH_END})"
         f"|(?:@{_PATH_CHAR}+/))")
_QUERY_CHAR = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_END = r"[a-z0-9\-_&=#/]"
_PRECEDING = f"(?:[^A-Za-z0-9@＠$#＃{_INVALID}]|[{_DIRECTIONAL}]|^)"

_TAG_SPECIAL = ("_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb"
                "\u3003\u0f0b\u0f0c\u00b7")
_TAG_ALNUM = f"[\\p{{L}}\\p{{M}}\\p{{Nd}}{_TAG_SPECIAL}]"
_PICTOGRAPHS = ("\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf"
                "\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe"
                "\u2600-\u27bf\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030"
                "\u303d\u3297\u3299\U0001f000-\U0001faff")
# (c) and (R) are text by default; only with the emoji variation selector are they emoji.
_EMOJI_BASE = f"(?:[\u00a9\u00ae]\ufe0f|[{_PICTOGRAPHS}])"
_EMOJI_MODIFIER = "(?:[\U0001f3fb-\U0001f3ff]|\ufe0f)?"
_EMOJI = ("[#*0-9]\ufe0f?\u20e3"                          # keycap 1️⃣
          "|[\U0001f1e6-\U0001f1ff]{2}"                   # flag from two regional letters
          "|\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f"  # tag flag (England, Scotland)
          f"|{_EMOJI_BASE}{_EMOJI_MODIFIER}(?:\u200d{_EMOJI_BASE}{_EMOJI_MODIFIER})*")

#: A dot and a letter, where a piece that may hold a link is (see ``_link_windows``).
#: Every top-level domain starts with a letter that ``re`` knows as one, so ``re``
#: finds every such piece, and a text without one never imports ``regex``.
_DOT_LETTER = re.compile(r"\.[^\W\d_]")
_BAD_BEFORE_BARE_URL = re.compile(r"[-_./]\Z")


@dataclass(frozen=True)
class _Patterns:
    """The ``regex`` patterns of mentions, hashtags and weights, and of the spaces
    around a link; the link's own are ``_url_pattern`` and ``_ascii_domain_pattern``."""

    space: regex.Pattern[str]
    last_space: regex.Pattern[str]
    tco: regex.Pattern[str]
    mention: regex.Pattern[str]
    mention_end: regex.Pattern[str]
    hashtag: regex.Pattern[str]
    hashtag_end: regex.Pattern[str]
    heavy: regex.Pattern[str]  # code points X weighs 2 rather than 1
    emoji: regex.Pattern[str]


@cache
def _patterns() -> _Patterns:
    # Compiled on first use: importing ``regex`` and compiling these takes some 15 ms,
    # which ``governance check`` need not pay (it reads links only in rule examples).
    import regex

    return _Patterns(
        space=regex.compile(f"[{_SPACES}]"),
        last_space=regex.compile(f"[{_SPACES}]", regex.REVERSE),
        tco=regex.compile(f"https?://t\\.co/([a-z0-9]+)(?:\\?{_QUERY_CHAR}*{_QUERY_END})?",
                          regex.IGNORECASE),
        mention=regex.compile(
            r"((?:^|[^a-zA-Z0-9_!#$%&*@＠]|(?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?))"
            r"([@＠])([a-zA-Z0-9_]{1,20})(/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?"),
        mention_end=regex.compile(f"[@＠{_LATIN_ACCENTS}]|://"),
        hashtag=regex.compile(
            f"(?:(?<=^|[\ufe0e\ufe0f])|(?<!{_TAG_ALNUM}|&))"
            f"[#＃](?![\ufe0f\u20e3])({_TAG_ALNUM}*[\\p{{L}}\\p{{M}}]{_TAG_ALNUM}*)"),
        hashtag_end=regex.compile("[#＃]|://"),
        heavy=regex.compile("[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]"),
        emoji=regex.compile(_EMOJI),
    )


@cache
def _top_level_domains() -> str:
    """Every top-level domain, generic then country, then punycode, as alternatives."""
    import regex

    from governance.text._twitter_tlds import COUNTRY_TLDS, GENERIC_TLDS

    generic = f"(?:(?:{'|'.join(map(regex.escape, GENERIC_TLDS))}){_END_OF_TLD})"
    country = f"(?:(?:{'|'.join(map(regex.escape, COUNTRY_TLDS))}){_END_OF_TLD})"
    return f"{generic}|{country}|{_PUNYCODE}"


@cache
def _url_pattern() -> regex.Pattern[str]:
    # Compiled on first use: with every top-level domain in it, compiling takes
    # longer than a whole ``governance check`` should.
    import regex

    domain = f"(?:{_SUBDOMAIN}*{_DOMAIN_NAME}(?:{_top_level_domains()}))"
    return regex.compile(
        f"({_PRECEDING})"                           # 1: the character before
        "("                                         # 2: the link
        r"(https?://)?"                             # 3: protocol
        f"({domain})"                               # 4: domain
        r"(?::([0-9]+))?"                           # 5: port
        f"(/{_PATH}*)?"                             # 6: path
        f"(\\?{_QUERY_CHAR}*{_QUERY_END})?"         # 7: query
        ")", regex.IGNORECASE | regex.VERSION0)


@cache
def _ascii_domain_pattern() -> regex.Pattern[str]:
    import regex

    return regex.compile(
        f"(?:(?:[\\-a-z0-9{_LATIN_ACCENTS}]+)\\.)+(?:{_top_level_domains()})",
        regex.IGNORECASE)


def extract_urls(text: str) -> list[Entity]:
    """Links in ``text``, with or without ``https://``, in order."""
    return list(_urls(text))


@lru_cache(maxsize=16)
def _urls(text: str) -> tuple[Entity, ...]:
    # Several rules ask for the links of the same post in turn; the last few are kept.
    if "." not in text:
        return ()
    found: list[Entity] = []
    for offset, piece in _link_windows(text):
        for match in _url_pattern().finditer(piece):
            before, url, protocol, domain, path = match.group(1, 2, 3, 4, 6)
            start, end = match.span(2)
            if not _valid_length(url, protocol or "https://", domain):
                continue
            if protocol:
                found.extend(_with_protocol(url, start + offset, end + offset))
            elif not _BAD_BEFORE_BARE_URL.search(before):
                found.extend(_bare(url, domain, bool(path), start + offset, end + offset))
    return tuple(found)


def _link_windows(text: str) -> Iterator[tuple[int, str]]:
    """The runs of ``text`` between spaces that may hold a link, each with the space before it.

    No part of a link (protocol, domain, port, path, query) holds a space, and
    its domain holds a dot followed by a letter (every top-level domain starts
    with one), so the pattern, slow where it must try every position, runs on
    these few short pieces instead of the whole text. The space kept in front
    is what the pattern reads as the character before the link (without it, an
    accented first letter would be taken for that character); the end of a
    piece reads as the space after it. Offsets are the piece's start in ``text``.
    """
    end = 0
    for dot in _DOT_LETTER.finditer(text):
        if dot.start() < end:
            continue  # in the piece just given
        patterns = _patterns()
        space_before = patterns.last_space.search(text, 0, dot.start())
        space_after = patterns.space.search(text, dot.end())
        start = space_before.start() if space_before else 0
        end = space_after.start() if space_after else len(text)
        yield start, text[start:end]


def _with_protocol(url: str, start: int, end: int) -> list[Entity]:
    tco = _patterns().tco.match(url)
    if tco is not None:
        if len(tco.group(1)) > _MAX_TCO_SLUG:
            return []
        # A t.co link ends with its slug and query: X appends nothing after it.
        url = tco.group()
        end = start + len(url)
    return [Entity(url, start, end)]


def _bare(url: str, domain: str, has_path: bool, start: int, end: int) -> list[Entity]:
    """Links written without a protocol: only the ASCII domains within ``domain``."""
    found = [Entity(ascii_match.group(), start + ascii_match.start(), start + ascii_match.end())
             for ascii_match in _ascii_domain_pattern().finditer(domain)]
    if found and has_path:
        last = found[-1]
        found[-1] = Entity(url.replace(domain, last.value, 1), last.start, end)
    return found


def _valid_length(url: str, protocol: str, domain: str) -> bool:
    encoded = _to_ascii(domain)
    if encoded is None:
        return False
    return len(protocol) + len(url) + len(encoded) - len(domain) <= _MAX_URL_LENGTH


def _to_ascii(domain: str) -> str | None:
    labels = []
    for label in domain.split("."):
        if not label.isascii():
            if label.lower().startswith("xn--"):
                return None  # already punycode, so it cannot hold other characters
            try:
                label = "xn--" + label.encode("punycode").decode("ascii")
            except UnicodeError:
                return None
        if not 1 <= len(label) <= _MAX_LABEL_LENGTH:
            return None
        labels.append(label)
    return ".".join(labels)


def extract_mentions(text: str) -> list[Entity]:
    """``@handles`` in ``text`` (lists such as ``@name/list`` excluded), in order."""
    if "@" not in text and "＠" not in text:
        return []
    patterns = _patterns()
    found: list[Entity] = []
    for match in patterns.mention.finditer(text):
        if patterns.mention_end.match(text, match.end()) or match.group(4):
            continue
        start = match.start(2)
        found.append(Entity(match.group(3), start, match.end(3)))
    return found


def extract_hashtags(text: str) -> list[Entity]:
    """Hashtags in ``text``, in order; none inside a link."""
    if "#" not in text and "＃" not in text:
        return []
    patterns = _patterns()
    tags = [Entity(match.group(1), match.start(), match.end()) for match in
            patterns.hashtag.finditer(text) if not patterns.hashtag_end.match(text, match.end())]
    if not tags:
        return tags
    urls = extract_urls(text)
    if not urls:
        return tags
    # As twitter-text: of two overlapping entities, the one that starts first stays.
    kept: list[tuple[Entity, bool]] = []
    for entity, is_tag in sorted([(t, True) for t in tags] + [(u, False) for u in urls],
                                 key=lambda pair: pair[0].start):
        if not kept or entity.start >= kept[-1][0].end:
            kept.append((entity, is_tag))
    return [entity for entity, is_tag in kept if is_tag]


def weighted_length(text: str) -> int:
    """X's weighted length of ``text`` (twitter-text configuration v3)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    total = 0
    position = 0
    for url in extract_urls(text):
        total += _plain_weight(text[position:url.start]) + URL_LENGTH
        position = url.end
    return total + _plain_weight(text[position:])


def _plain_weight(segment: str) -> int:
    if segment.isascii():
        return len(segment)
    patterns = _patterns()
    weight = len(segment) + len(patterns.heavy.findall(segment))
    for emoji in patterns.emoji.finditer(segment):
        raw = len(emoji.group()) + len(patterns.heavy.findall(emoji.group()))
        weight += 2 - raw
    return weight
