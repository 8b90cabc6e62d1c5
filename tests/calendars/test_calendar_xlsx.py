"""XLSX calendars, made on the fly with openpyxl."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from calendar_helpers import Writer, ids, only, read, where
from openpyxl import Workbook

from governance.calendars import CalendarError
from governance.findings import Location

HEADER = ["id", "publish_at", "channel", "author", "text", "sponsored", "tags", "campaign"]


def workbook(path: Path, rows: list[list[Any]], title: str = "Plan",
             extra_sheets: dict[str, list[list[Any]]] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for name, other in (extra_sheets or {}).items():
        extra = book.create_sheet(name)
        for row in other:
            extra.append(row)
    book.save(path)
    return path


def test_cells_of_every_type(tmp_path: Path) -> None:
    path = workbook(tmp_path / "plan.xlsx", [
        HEADER,
        ["x1", datetime(2026, 3, 2, 10, 0), "vk", "ann", "Real datetime", True, "a, b", "spring"],
        [2, "2026-03-02T12:00+05:00", "tg", "bob", "Text date", "no", None, None],
        ["x3", date(2026, 3, 3), "tg", "bob", "A date cell", 1, None, 2.0],
        [None, "03.03.2026 09:30", "tg", None, "No id", None, None, None],
    ])
    result = read(path, timezone="Europe/Moscow")
    assert result.format == "xlsx"
    assert result.findings == []
    assert ids(result) == ["x1", "2", "x3", "row-5"]
    x1, two, x3, row5 = result.posts
    assert x1.publish_at == datetime(2026, 3, 2, 7, 0, tzinfo=timezone.utc)
    assert x1.sponsored is True and x1.tags == ("a", "b")
    assert x1.extra == {"campaign": "spring"}
    assert two.publish_at.utcoffset() == timedelta(hours=5) and two.sponsored is False
    assert x3.publish_at == datetime(2026, 3, 2, 21, 0, tzinfo=timezone.utc)
    assert x3.sponsored is True and x3.extra == {"campaign": "2"}
    assert row5.author == ""


def test_locations_are_sheet_cells(tmp_path: Path) -> None:
    path = workbook(tmp_path / "plan.xlsx", [
        HEADER,
        ["x1", datetime(2026, 3, 2, 10, 0), "vk", "ann", "Hello", None, None, None],
        ["x2", "someday", "vk", "ann", "Hello", None, None, None],
    ], title="Content plan")
    result = read(path)
    post = result.posts[0]
    assert post.location == Location(str(path), 2, 1, "'Content plan'!A2")
    assert post.location_of("text") == Location(str(path), 2, 5, "'Content plan'!E2")
    finding = only(result, "calendar.bad-date")
    assert finding.location == Location(str(path), 3, 2, "'Content plan'!B3")
    assert str(finding.location) == f"{path}:'Content plan'!B3"


def test_header_need_not_be_on_the_first_row(tmp_path: Path) -> None:
    path = workbook(tmp_path / "plan.xlsx", [
        [], [None, None], HEADER,
        ["x1", "2026-03-02", "vk", None, "Hi", None, None, None],
        [None] * 8,
        ["x2", "2026-03-03", "vk", None, "Hi", None, None, None],
    ])
    result = read(path)
    assert [(p.id, p.location.line) for p in result.posts] == [("x1", 4), ("x2", 6)]


def test_named_sheet_and_unknown_sheet(tmp_path: Path) -> None:
    path = workbook(tmp_path / "plan.xlsx", [["notes"]], extra_sheets={
        "March": [HEADER, ["m1", "2026-03-02", "vk", None, "Hi", None, None, None]]})
    assert ids(read(path, sheet="March")) == ["m1"]
    assert ids(read(path, sheet="march")) == ["m1"]
    with pytest.raises(CalendarError, match=r"no sheet named 'April'.*'Plan', 'March'"):
        read(path, sheet="April")


def test_first_sheet_without_required_columns(tmp_path: Path) -> None:
    path = workbook(tmp_path / "plan.xlsx", [["notes", "more notes"], ["a", "b"]])
    result = read(path)
    assert result.posts == []
    assert "publish_at" in only(result, "calendar.missing-column").message


def test_bad_values_and_duplicates(tmp_path: Path) -> None:
    path = workbook(tmp_path / "plan.xlsx", [
        HEADER,
        ["x1", "2026-03-02", "vk", None, "Hi", "sometimes", None, None],
        ["x1", "2026-03-03", None, None, "Hi", None, None, None],
        ["x1", "2026-03-04", "vk", None, "Hi", None, None, None],
        ["x5", 42, "vk", None, "Hi", None, None, None],
    ])
    result = read(path)
    assert where(only(result, "calendar.bad-value")) == (2, 6)
    assert where(only(result, "calendar.missing-field")) == (3, 3)
    duplicate = only(result, "calendar.duplicate-id")
    assert where(duplicate) == (4, 1) and "Plan!A2" in duplicate.message
    assert "'42'" in only(result, "calendar.bad-date").message


def test_rows_longer_than_the_header(tmp_path: Path) -> None:
    path = workbook(tmp_path / "plan.xlsx", [
        ["id", "publish_at", "channel", "text"],
        ["x1", "2026-03-02", "vk", "Hi", None, None],
        ["x2", "2026-03-02", "vk", "Hi", None, "stray"],
    ])
    result = read(path)
    assert ids(result) == ["x1"]
    assert only(result, "calendar.bad-row").location == Location(str(path), 3, 5, "Plan!E3")


@pytest.mark.parametrize("rows", [[], [HEADER], [HEADER, [None] * 8]])
def test_empty_sheets_are_an_error(tmp_path: Path, rows: list[list[Any]]) -> None:
    with pytest.raises(CalendarError, match=r"^no posts in "):
        read(workbook(tmp_path / "plan.xlsx", rows))


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken zip"])
def test_files_that_are_not_workbooks_are_calendar_errors(write: Writer, content: bytes) -> None:
    with pytest.raises(CalendarError, match="not a readable XLSX"):
        read(write("plan.xlsx", content))


def test_old_excel_files_are_refused_with_advice(write: Writer) -> None:
    with pytest.raises(CalendarError, match=r"save the sheet as \.xlsx or \.csv"):
        read(write("plan.xls", b"\xd0\xcf\x11\xe0"))


def test_the_workbook_is_not_modified(tmp_path: Path) -> None:
    path = workbook(tmp_path / "plan.xlsx", [HEADER, ["x1", "2026-03-02", "vk", None, "Hi"]])
    before = path.read_bytes()
    read(path)
    assert path.read_bytes() == before
