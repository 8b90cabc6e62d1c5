"""Where a text holds links, e-mail addresses and @handles: the spans words rules skip.

``k8s.dev`` is a link, not the word "k8s"; ``press@nordwind.example`` is an
address, not the brand written in the third person. Links are X's links
(:func:`governance.text.twitter_text.extract_urls`, also without ``https://``),
handles are ``@name`` of any network (Telegram's ``@name.channel`` included).
"""

from __future__ import annotations

import re

from governance.text import twitter_text
from governance.text.spans import WORD_CHARS

_EMAIL = re.compile(f"[{WORD_CHARS}.+%-]+@[{WORD_CHARS}-]+(?:\\.[{WORD_CHARS}-]+)+")
_HANDLE = re.compile(f"(?<![{WORD_CHARS}@＠])[@＠][{WORD_CHARS}][{WORD_CHARS}.]*")


def link_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every link, e-mail address and @handle in ``text``."""
    if "." not in text and "@" not in text and "＠" not in text:
        return []
    spans = [(url.start, url.end) for url in twitter_text.extract_urls(text)]
    if "@" in text or "＠" in text:
        spans += [match.span() for match in _EMAIL.finditer(text)]
        spans += [match.span() for match in _HANDLE.finditer(text)]
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start..end`` overlaps one of ``spans``."""
    return any(begin < end and start < finish for begin, finish in spans)
