"""Cell values -> post fields: dates, booleans, lists, waivers, column names.

Shared by every reader, so a spreadsheet cell, a YAML scalar and an iCalendar
property mean the same thing. Hot paths (dates, booleans) try the common case
first and fall back to slower parsing only when it fails.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateutil_parser

from governance.calendars.errors import CalendarError
from governance.models.post import ACTIONS, DEFAULT_COLUMNS, OPTIONAL_COLUMNS, PostWaiver

#: Canonical field names, in documented order.
FIELDS = DEFAULT_COLUMNS + OPTIONAL_COLUMNS
FIELD_SET = frozenset(FIELDS)
LIST_FIELDS = frozenset({"approved_by", "tags", "media"})

EXPECTED_DATES = (
    "expected ISO 8601 (2026-03-01T10:00, 2026-03-01 10:00:00+03:00, 2026-03-01) "
    "or DD.MM.YYYY HH:MM"
)
EXPECTED_SLASHED = {
    "dmy": "expected DD/MM/YYYY HH:MM (day first; --date-order switches to "
           "MM/DD/YYYY) or ISO 8601 (2026-03-01 10:00)",
    "mdy": "expected MM/DD/YYYY HH:MM (month first, as the date order says) or "
           "ISO 8601 (2026-03-01 10:00)",
    "ymd": "expected YYYY/MM/DD HH:MM (year first, as the date order says) or "
           "ISO 8601 (2026-03-01 10:00)",
}
#: How each date order writes 31 December 2026, for messages.
DATE_ORDER_EXAMPLES = {"dmy": "31/12/2026", "mdy": "12/31/2026", "ymd": "2026/12/31"}
EXPECTED_BOOLEANS = "true/false, yes/no, 1/0, да/нет, x or empty"
EXPECTED_ACTIONS = f"{', '.join(ACTIONS)} or empty (a post)"
#: Actions as written, for the reader's fast path; an empty cell is a new post.
ACTION_CELLS = {**{action: action for action in ACTIONS}, "": "post"}

_TRUE = ("true", "yes", "y", "1", "on", "t", "да", "д", "x")
_FALSE = ("false", "no", "n", "0", "off", "f", "нет", "н", "")
_BOOLEANS = {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}

# What datetime.fromisoformat leaves out before Python 3.11 ('Z', one-digit
# hours), plus the Russian spreadsheet form DD.MM.YYYY HH:MM.
_ISO = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)(?:[Tt ]+(\d\d?):(\d\d)(?::(\d\d)(?:[.,](\d{1,6}))?)?)?"
    r"\s*(?:([Zz])|([+-])(\d\d):?(\d\d)?)?"
)
_DOTTED = re.compile(r"(\d\d?)\.(\d\d?)\.(\d{4})(?:[ T,]+(\d\d?):(\d\d)(?::(\d\d))?)?")
_SLASHED = re.compile(r"(\d\d?)/(\d\d?)/(\d{4})(?:[ T,]+(\d\d?):(\d\d)(?::(\d\d))?)?")
_YEAR_FIRST = re.compile(r"(\d{4})/(\d\d?)/(\d\d?)(?:[ T,]+(\d\d?):(\d\d)(?::(\d\d))?)?")
_NUMERIC_DATE = re.compile(r"\s*(\d{1,4})/(\d\d?)/(\d{1,4})")
_MONTH_NAME = re.compile(r"[^\W\d_]{3}")
_LIST_SPLIT = re.compile(r"[,;\n]")
_WAIVER_SPLIT = re.compile(r"[;\n]")
_NAME_SPACES = re.compile(r"[\s\-]+")


@functools.lru_cache(maxsize=64)
def zone(name: str) -> tzinfo:
    """The ``ZoneInfo`` of an IANA name, built once per name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise CalendarError(f"unknown timezone {name!r} (expected an IANA name such as "
                            "Europe/Moscow or UTC)") from None


def parse_datetime(text: str, tz: tzinfo) -> datetime | None:
    """An ISO 8601 or DD.MM.YYYY date-time; naive values are read in ``tz``.

    A date alone means 00:00. Returns None when ``text`` is none of these.
    """
    value: datetime | None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        value = _parse_slow(text.strip())
        if value is None:
            return None
    if value.tzinfo is None:
        return value.replace(tzinfo=tz)
    return value


def parse_slashed(text: str, tz: tzinfo, order: str) -> datetime | None:
    """A date in ``order`` (``dmy`` ``DD/MM/YYYY HH:MM``, ``mdy`` month first, ``ymd``
    ``YYYY/MM/DD``), else as ``parse_datetime``, else a date with a month name
    (``Mar 1, 2026 10:00 AM``, read by python-dateutil)."""
    value = parse_datetime(text, tz)
    if value is not None:
        return value
    stripped = text.strip()
    match = (_YEAR_FIRST if order == "ymd" else _SLASHED).fullmatch(stripped)
    if match is not None:
        if order == "ymd":
            year, month, day, hour, minute, second = match.groups()
        else:
            first, middle, year, hour, minute, second = match.groups()
            day, month = (middle, first) if order == "mdy" else (first, middle)
        return _build(year, month, day, hour, minute, second, None, tz)
    return _parse_month_name(stripped, tz, order)


def _parse_month_name(text: str, tz: tzinfo, order: str) -> datetime | None:
    # Only with a month written out: on numbers alone dateutil silently swaps
    # day and month when the order it was told does not fit.
    if _MONTH_NAME.search(text) is None:
        return None
    try:
        value = dateutil_parser.parse(text, dayfirst=order == "dmy", yearfirst=order == "ymd")
    except (ValueError, OverflowError):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=tz)


def infer_date_order(cells: Iterable[str]) -> tuple[str | None, str]:
    """The order of the numeric slash dates among ``cells``, and why it is not known.

    A day above 12 decides (``31/12/2026`` is day first); a four-digit first part
    means year first. Returns ``(order, "")`` when the dates agree on one,
    ``(None, "")`` when there are no slash dates (so the order does not matter),
    and ``(None, reason)`` when they are all ambiguous or disagree.
    """
    seen: dict[str, str] = {}
    ambiguous = ""
    for cell in cells:
        match = _NUMERIC_DATE.match(cell) if isinstance(cell, str) else None
        if match is None:
            continue
        first, middle, _ = match.groups()
        if len(first) == 4:
            seen.setdefault("ymd", cell.strip())
        elif int(first) > 12 >= int(middle):
            seen.setdefault("dmy", cell.strip())
        elif int(middle) > 12 >= int(first):
            seen.setdefault("mdy", cell.strip())
        elif not ambiguous:
            ambiguous = cell.strip()
    if len(seen) == 1:
        return next(iter(seen)), ""
    if seen:
        examples = " and ".join(f"{value!r} ({order})" for order, value in sorted(seen.items()))
        return None, f"the dates disagree on their order: {examples}"
    if ambiguous:
        return None, f"dates such as {ambiguous!r} could be day or month first"
    return None, ""


def coerce_datetime(value: object, tz: tzinfo) -> datetime | None:
    """A datetime from a spreadsheet cell, a YAML timestamp or a string."""
    if isinstance(value, str):
        return parse_datetime(value, tz)
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=tz)
    return None


def _parse_slow(text: str) -> datetime | None:
    match = _ISO.fullmatch(text)
    if match is not None:
        year, month, day, hour, minute, sec, frac, zulu, sign, off_h, off_m = match.groups()
        offset: tzinfo | None = None
        if zulu:
            offset = timezone.utc
        elif sign:
            delta = timedelta(hours=int(off_h), minutes=int(off_m or 0))
            if delta >= timedelta(hours=24):
                return None
            offset = timezone(-delta if sign == "-" else delta)
        micro = (frac or "").ljust(6, "0")
        return _build(year, month, day, hour, minute, sec, micro, offset)
    match = _DOTTED.fullmatch(text)
    if match is not None:
        day, month, year, hour, minute, sec = match.groups()
        return _build(year, month, day, hour, minute, sec, None, None)
    return None


def _build(year: str, month: str, day: str, hour: str | None, minute: str | None,
           second: str | None, micro: str | None, tz: tzinfo | None) -> datetime | None:
    try:
        return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                        int(second or 0), int(micro or 0), tzinfo=tz)
    except ValueError:
        return None


def parse_bool(value: object) -> bool | None:
    """A yes/no cell; None when it is not one of ``EXPECTED_BOOLEANS``."""
    if isinstance(value, str):
        found = _BOOLEANS.get(value)
        if found is None:
            found = _BOOLEANS.get(value.strip().lower())
        return found
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    return None


def parse_action(value: object) -> str | None:
    """``post``, ``repost``, ``quote`` or ``reply`` (any case; empty is ``post``), else None."""
    if isinstance(value, str):
        return ACTION_CELLS.get(value.strip().lower())
    return None


def split_list(value: str) -> tuple[str, ...]:
    """A list cell: items separated by ``,``, ``;`` or new lines, blanks dropped."""
    if "," not in value and ";" not in value and "\n" not in value:
        value = value.strip()
        return (value,) if value else ()
    return tuple(item for item in (part.strip() for part in _LIST_SPLIT.split(value)) if item)


def parse_waivers(value: str) -> tuple[tuple[PostWaiver, ...], list[str]]:
    """``rule-id: reason`` entries separated by ``;`` or new lines.

    An entry without a reason is still a waiver (with an empty reason): the lint
    engine, which knows whether the policy demands reasons, reports it. Entries
    that name no rule are returned separately, as text, for a finding.
    """
    waivers: list[PostWaiver] = []
    bad: list[str] = []
    for entry in _WAIVER_SPLIT.split(value):
        entry = entry.strip()
        if not entry:
            continue
        rule, _, reason = entry.partition(":")
        rule = rule.strip()
        if rule and " " not in rule:
            waivers.append(PostWaiver(rule, reason.strip()))
        else:
            bad.append(entry)
    return tuple(waivers), bad


@functools.lru_cache(maxsize=4096)
def normalize_name(name: str) -> str:
    """A column header or key as matched: trimmed, lower case, spaces and dashes as ``_``."""
    return _NAME_SPACES.sub("_", name.strip().lstrip("\ufeff").strip()).lower()


def suggest_field(name: str) -> str | None:
    """The canonical field an unknown column name is probably a misspelling of."""
    close = difflib.get_close_matches(name, FIELDS, n=1, cutoff=0.8)
    return close[0] if close else None


def normalize_mapping(columns: dict[str, str]) -> dict[str, str]:
    """``ReadOptions.columns`` with both sides normalized like headers."""
    return {normalize_name(src): normalize_name(dst) for src, dst in columns.items()}
