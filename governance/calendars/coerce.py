"""One way of coercing post fields, shared by the tabular readers (CSV, XLSX,
scheduler exports) and the record readers (YAML, JSON, JSON Lines, iCalendar).

A value becomes its field here, and a value that cannot gives the same message
whichever reader met it; the readers only say where (a cell, a key, an event).
``fields`` parses the values themselves (dates, booleans, lists, waivers).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from governance.calendars.fields import (
    EXPECTED_BOOLEANS,
    coerce_datetime,
    parse_bool,
    parse_waivers,
)
from governance.models.post import PostWaiver

#: What a reader says it skips when a post cannot be read: "the row", "the post".
Unit = str


def publish_at(value: object, tz: tzinfo) -> datetime | None:
    """A date cell, YAML timestamp or string as the post's time; None when it is not one."""
    if isinstance(value, (str, datetime, date)):
        return coerce_datetime(value, tz)
    return None


def bad_date(value: object, expected: str, unit: Unit) -> str:
    return f"publish_at {show(value)} is not a date: {expected}; {unit} is skipped"


def sponsored(value: object) -> tuple[bool, str]:
    """The ``sponsored`` flag, and the problem when the value is no yes/no."""
    if value is None:
        return False, ""
    flag = parse_bool(value)
    if flag is None:
        return False, (f"sponsored {show(value)} is not a yes/no value ({EXPECTED_BOOLEANS}); "
                       "read as not sponsored")
    return flag, ""


def waivers(text: str) -> tuple[tuple[PostWaiver, ...], list[str]]:
    """The ``waive`` entries of a cell, and a problem per entry that names no rule."""
    found, bad = parse_waivers(text)
    return found, [f"waiver {entry!r} names no rule (expected 'rule-id: reason'); ignored"
                   for entry in bad]


def show(value: object) -> str:
    """A value quoted for a message, cut at 60 characters."""
    text = value.isoformat() if isinstance(value, (datetime, date)) else str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")
