"""Cell values -> post fields: dates, booleans, lists, waivers, column names.

Shared by every reader, so a spreadsheet cell, a YAML scalar and an iCalendar
property mean the same thing. Hot paths (dates, booleans) try the common case
first and fall back to slower parsing only when it fails.
"""

from __future__ import annotations

import difflib
import functools
import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
    "dmy": "expected DD/MM/YYYY HH:MM (day first; the date order option switches to "
           "MM/DD/YYYY) or ISO 8601 (2026-03-01 10:00)",
    "mdy": "expected MM/DD/YYYY HH:MM (month first, as the date order option says) or "
           "ISO 8601 (2026-03-01 10:00)",
}
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
    """``DD/MM/YYYY HH:MM`` (or month first with ``order='mdy'``), else as ``parse_datetime``."""
    match = _SLASHED.fullmatch(text.strip())
    if match is None:
        return parse_datetime(text, tz)
    first, second, year, hour, minute, second_ = match.groups()
    day, month = (second, first) if order == "mdy" else (first, second)
    return _build(year, month, day, hour, minute, second_, None, tz)


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
