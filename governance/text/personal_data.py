"""Personal data in post texts: e-mail addresses and phone numbers.

Both finders favour precision: a post with a false "personal data" finding is
noise a content manager learns to waive, so numbers that are more likely
something else (dates, prices, registration numbers, order numbers in links,
erid tokens of Russian ad labels) are left alone.

Phone numbers found (10 to 15 digits, spaces, no-break spaces, dashes, dots and
brackets between them):

* international, with ``+``: ``+7 999 123-45-67``, ``+1 (555) 123-4567``,
  ``+44 20 7946 0958``, ``+79991234567``;
* without ``+``: 10 digits in at least two groups (``(555) 123-4567``,
  ``999 123-45-67``), or 11 digits starting with 7, 8 or 1 (``8 (999) 123-45-67``,
  ``8-800-555-35-35``, ``89991234567``, ``1-555-123-4567``).

Left alone: a bare run of 10 digits (an order number or a Russian company tax
number, ИНН), anything with a date inside (``01.11.2026``, ``2026-11-23``),
thousands groups (``1 000 000 000``), a number next to a currency
(``руб``, ``₽``, ``$``, ``€``...), a group longer than 7 digits, digits glued to
letters (erid tokens such as ``2VtzqxYZ123``), numbers inside a URL, and numbers
right after a label that names another kind of number (ИНН, ОГРН, КПП, erid,
№, order, ID, ISBN...).

E-mail addresses: a local part of word characters with inner ``.``, ``+``, ``-``;
a domain of labels and a top-level domain of at least two letters (Unicode
allowed: ``почта@пример.рф``). ``allow`` lists addresses that may appear (the
press office's), compared case-insensitively; an entry ``@example.com`` allows
every address at that domain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from governance.text.length import extract_urls
from governance.text.spans import WORD_CHARS, Span

__all__ = ["find_emails", "find_phones"]

_W = WORD_CHARS
_SEPARATOR = "[ \u00a0\u2009\u202f\\-\u2010\u2011\u2012\u2013.()]"


# The two finders are compiled on first use: their word-character classes make them
# slow to compile, and most runs (``governance check``) look for no personal data.
@cache
def _email() -> re.Pattern[str]:
    return re.compile(
        f"(?<![{_W}.+\\-])"
        f"[{_W}](?:[{_W}.+\\-]*[{_W}])?"          # local part
        "@"
        f"(?:[{_W}](?:[{_W}\\-]*[{_W}])?\\.)+"    # domain labels
        f"[^\\W\\d_]{{2,}}(?![{_W}\\-])"          # top-level domain: letters only
    )


@cache
def _phone() -> re.Pattern[str]:
    return re.compile(
        f"(?<![{_W}+/=#&?%\\-@$€£₽])(?<!\\d[.,])"
        "(?:\\+[ \u00a0]?)?\\(?\\d"
        f"(?:{_SEPARATOR}{{0,3}}\\d){{6,18}}"
        f"(?![{_W}])"
    )


_DIGIT_GROUP = re.compile(r"\d+")
#: Ten digits chained as in a phone number: what every number ``_plausible`` keeps
#: holds, and a pattern without look-arounds finds far sooner than ``_phone()``.
_TEN_DIGITS = re.compile(f"\\d(?:{_SEPARATOR}{{0,3}}\\d){{9}}")
_WORD_CHAR = re.compile(f"[{_W}]")
_DATE = re.compile(r"(?<!\d)(?:\d{4}([-./])\d{1,2}\1\d{1,2}|\d{1,2}([-./])\d{1,2}\2\d{2,4})(?!\d)")
_THOUSANDS = re.compile(r"\+?\d{1,3}(?:([ \u00a0\u2009\u202f.,])\d{3})(?:\1\d{3})*")
_CURRENCY_AFTER = re.compile(r"\s?(?:₽|\$|€|£|руб|р\.|rub|usd|eur|тыс|млн|млрд)",
                             re.IGNORECASE)
_OTHER_NUMBER_LABEL = re.compile(
    r"(?:(?<!\w)(?:инн|огрн|огрнип|кпп|бик|erid|id|isbn|order|invoice|заказ|сч[её]т|"
    r"артикул|sku|ref)|[#№])\W{0,3}$", re.IGNORECASE)


def find_emails(text: str, allow: Iterable[str] = ()) -> list[Span]:
    """E-mail addresses in ``text``, minus those ``allow`` lists (see the module docstring)."""
    if not _may_hold_an_email(text):
        return []
    allowed = {entry.strip().casefold() for entry in allow if entry.strip()}
    found: list[Span] = []
    for match in _email().finditer(text):
        address = match.group().casefold()
        domain = address[address.index("@"):]
        if address in allowed or domain in allowed:
            continue
        found.append(Span(match.start(), match.end(), match.group()))
    return found


def find_phones(text: str, allow: Iterable[str] = ()) -> list[Span]:
    """Phone numbers in ``text`` (see the module docstring for what counts).

    ``allow`` lists numbers that may appear (the public hotline); they are compared
    by their digits, so any formatting of an allowed number is allowed.
    """
    if _TEN_DIGITS.search(text) is None:
        return []
    allowed = {"".join(_DIGIT_GROUP.findall(entry)) for entry in allow}
    urls: list[Span] | None = None
    found: list[Span] = []
    for match in _phone().finditer(text):
        start, end = match.span()
        candidate = match.group()
        if not _plausible(candidate) or _labelled_otherwise(text, start, end):
            continue
        if "".join(_DIGIT_GROUP.findall(candidate)) in allowed:
            continue
        urls = extract_urls(text) if urls is None else urls
        if any(url.start <= start < url.end for url in urls):
            continue
        found.append(Span(start, end, candidate))
    return found


def _may_hold_an_email(text: str) -> bool:
    """False when no ``@`` of ``text`` has a word character on both sides, as the last
    character of a local part and the first of a domain have: most posts with an
    ``@`` hold mentions, and a few ``find`` calls spare them the address pattern."""
    at = text.find("@", 1)
    while at != -1:
        if _WORD_CHAR.match(text, at - 1) and _WORD_CHAR.match(text, at + 1):
            return True
        at = text.find("@", at + 1)
    return False


def _plausible(candidate: str) -> bool:
    groups = _DIGIT_GROUP.findall(candidate)
    digits = "".join(groups)
    if candidate.startswith("+"):
        if not 10 <= len(digits) <= 15:
            return False
    elif len(groups) == 1:
        return len(digits) == 11 and digits[0] in "78"
    elif not 10 <= len(digits) <= 11 or (len(digits) == 11 and digits[0] not in "781"):
        return False
    if len(groups) > 1 and max(len(group) for group in groups) > 7:
        return False
    return _THOUSANDS.fullmatch(candidate) is None and _DATE.search(candidate) is None


def _labelled_otherwise(text: str, start: int, end: int) -> bool:
    if _CURRENCY_AFTER.match(text, end):
        return True
    return _OTHER_NUMBER_LABEL.search(text, max(0, start - 12), start) is not None
