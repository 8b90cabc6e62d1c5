"""Cell values: dates, yes/no, lists, waivers, header names."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from governance.calendars.errors import CalendarError
from governance.calendars.fields import (
    normalize_name,
    parse_bool,
    parse_datetime,
    parse_slashed,
    parse_waivers,
    split_list,
    suggest_field,
    zone,
)
from governance.models.post import PostWaiver

MSK = zone("Europe/Moscow")
PLUS3 = timezone(timedelta(hours=3))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-01T10:00", datetime(2026, 3, 1, 10, 0, tzinfo=MSK)),
        ("2026-03-01T10:00:30", datetime(2026, 3, 1, 10, 0, 30, tzinfo=MSK)),
        ("2026-03-01 10:00", datetime(2026, 3, 1, 10, 0, tzinfo=MSK)),
        ("2026-03-01", datetime(2026, 3, 1, tzinfo=MSK)),
        ("2026-03-01T10:00Z", datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)),
        ("2026-03-01T10:00:00+03:00", datetime(2026, 3, 1, 10, 0, tzinfo=PLUS3)),
        ("2026-03-01 10:00+0300", datetime(2026, 3, 1, 10, 0, tzinfo=PLUS3)),
        ("2026-03-01 9:05", datetime(2026, 3, 1, 9, 5, tzinfo=MSK)),
        (" 2026-03-01 10:00 ", datetime(2026, 3, 1, 10, 0, tzinfo=MSK)),
        ("2026-03-01 10:00:00.5 Z", datetime(2026, 3, 1, 10, 0, 0, 500000, tzinfo=timezone.utc)),
        ("01.03.2026 10:00", datetime(2026, 3, 1, 10, 0, tzinfo=MSK)),
        ("1.3.2026 10:00:15", datetime(2026, 3, 1, 10, 0, 15, tzinfo=MSK)),
        ("01.03.2026", datetime(2026, 3, 1, tzinfo=MSK)),
    ],
)
def test_dates_that_read(text: str, expected: datetime) -> None:
    assert parse_datetime(text, MSK) == expected


@pytest.mark.parametrize(
    "text",
    ["", "tomorrow", "2026-02-30", "31.02.2026 10:00", "2026-03-01 25:00", "03/01/2026",
     "2026-03-01T10:00+25:00", "1.3.26", "10:00"],
)
def test_dates_that_do_not_read(text: str) -> None:
    assert parse_datetime(text, MSK) is None


def test_naive_dates_take_the_timezone_and_aware_ones_keep_their_offset() -> None:
    naive = parse_datetime("2026-07-01T10:00", zone("Europe/Moscow"))
    assert naive is not None and naive.utcoffset() == timedelta(hours=3)
    aware = parse_datetime("2026-07-01T10:00-05:00", zone("Europe/Moscow"))
    assert aware is not None and aware.utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("02/03/2026 10:00", "dmy", datetime(2026, 3, 2, 10, 0, tzinfo=MSK)),
        ("02/03/2026 10:00", "mdy", datetime(2026, 2, 3, 10, 0, tzinfo=MSK)),
        ("2/3/2026", "dmy", datetime(2026, 3, 2, tzinfo=MSK)),
        ("2026-03-02T10:00", "mdy", datetime(2026, 3, 2, 10, 0, tzinfo=MSK)),
        ("13/01/2026 10:00", "mdy", None),
    ],
)
def test_slashed_dates(text: str, order: str, expected: datetime | None) -> None:
    assert parse_slashed(text, MSK, order) == expected


def test_unknown_timezone_is_a_calendar_error() -> None:
    with pytest.raises(CalendarError, match="unknown timezone"):
        zone("Mars/Olympus")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("FALSE", False), ("Yes", True), ("no", False), ("1", True), ("0", False),
     ("да", True), ("Нет", False), ("x", True), ("X", True), ("", False), ("  ", False),
     (True, True), (0, False), ("maybe", None), ("2", None), (2, None), (None, None)],
)
def test_yes_no_values(value: object, expected: bool | None) -> None:
    assert parse_bool(value) is expected


@pytest.mark.parametrize(
    ("cell", "items"),
    [("", ()), ("a", ("a",)), (" a , b ", ("a", "b")), ("a; b", ("a", "b")),
     ("a\nb\n", ("a", "b")), ("a,,b;", ("a", "b"))],
)
def test_list_cells(cell: str, items: tuple[str, ...]) -> None:
    assert split_list(cell) == items


def test_waivers_split_on_semicolons_and_lines_and_keep_missing_reasons() -> None:
    waivers, bad = parse_waivers("content.links: launch week; tone.caps\n rule.x :  why: because ")
    assert waivers == (
        PostWaiver("content.links", "launch week"),
        PostWaiver("tone.caps", ""),
        PostWaiver("rule.x", "why: because"),
    )
    assert bad == []


def test_waiver_entries_without_a_rule_are_returned_as_bad() -> None:
    waivers, bad = parse_waivers(": no rule; just some words")
    assert waivers == ()
    assert bad == [": no rule", "just some words"]


@pytest.mark.parametrize(
    ("header", "name"),
    [("Publish_At", "publish_at"), (" publish at ", "publish_at"), ("Alt-Text", "alt_text"),
     ("\ufeffid", "id"), ("Posting Time", "posting_time")],
)
def test_header_names_are_normalized(header: str, name: str) -> None:
    assert normalize_name(header) == name


def test_misspelt_fields_are_suggested() -> None:
    assert suggest_field("chanel") == "channel"
    assert suggest_field("campaign") is None
