"""Bulk-upload CSVs of Buffer, Hootsuite and Sprout Social."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from calendar_helpers import DATA, Writer, ids, only, read, rules, where

from governance.calendars import CalendarError

SCHEDULERS = [("buffer.csv", "buffer"), ("hootsuite.csv", "hootsuite"), ("sprout.csv", "sprout")]


@pytest.mark.parametrize(("name", "fmt"), SCHEDULERS)
def test_detected_from_the_header(name: str, fmt: str) -> None:
    assert read(DATA / name, default_channel="vk-main", date_order="dmy").format == fmt


@pytest.mark.parametrize(("name", "fmt"), SCHEDULERS)
def test_without_a_channel_one_finding_for_the_file(name: str, fmt: str) -> None:
    result = read(DATA / name)
    assert result.posts == []
    finding = only(result, "calendar.missing-column")
    assert "--channel ID" in finding.message
    assert finding.location is not None and finding.location.line == 0


def test_buffer() -> None:
    result = read(DATA / "buffer.csv", default_channel="vk-main", timezone="UTC")
    assert result.findings == []
    first, second = result.posts
    assert (first.id, first.channel, first.text) == ("row-2", "vk-main", "Spring launch is here")
    assert first.media == ("https://example.com/a.jpg",) and first.tags == ("launch", "spring")
    assert first.publish_at == datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
    assert (second.id, second.text) == ("row-3", "Two\nlines")


def test_hootsuite_day_first() -> None:
    result = read(DATA / "hootsuite.csv", default_channel="x-global", timezone="UTC",
                  date_order="dmy")
    assert result.findings == []
    assert [(p.id, p.publish_at.date().isoformat(), p.link) for p in result.posts] == [
        ("row-1", "2026-03-02", "https://example.com/roast"),
        ("row-2", "2026-03-03", ""),
        ("row-3", "2026-03-04", ""),
    ]
    assert result.posts[0].text == "Spring launch, today"


def test_hootsuite_month_first(write: Writer) -> None:
    path = write("hoot.csv", "02/03/2026 10:00,First\n12/31/2026 10:00,Second\n")
    result = read(path, default_channel="x", date_order="mdy", format="hootsuite")
    assert [p.publish_at.date().isoformat() for p in result.posts] == ["2026-02-03",
                                                                       "2026-12-31"]


def test_hootsuite_bad_dates_mention_the_date_order(write: Writer) -> None:
    path = write("hoot.csv", "02/03/2026 10:00,First\n12/31/2026 10:00,Second\n")
    result = read(path, default_channel="x", date_order="dmy")
    finding = only(result, "calendar.bad-date")
    assert where(finding) == (2, 1) and "--date-order" in finding.message
    assert ids(result) == ["row-1"]


def test_hootsuite_rows_with_extra_cells(write: Writer) -> None:
    path = write("hoot.csv", "02/03/2026 10:00,First,https://x\n02/03/2026 11:00,a,b,c\n")
    result = read(path, default_channel="x", date_order="dmy")
    assert rules(result) == ["calendar.bad-row"] and ids(result) == ["row-1"]


def test_sprout_joins_date_and_time_and_keeps_other_columns() -> None:
    result = read(DATA / "sprout.csv", default_channel="li-brand", timezone="UTC",
                  date_order="dmy")
    assert result.findings == []
    first, second = result.posts
    assert first.publish_at == datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
    assert (first.text, first.link, first.media, first.tags) == (
        "Spring launch", "https://example.com/roast", ("https://example.com/a.jpg",),
        ("launch",))
    assert first.extra == {"campaign": "spring"}
    assert second.publish_at == datetime(2026, 3, 3, 11, 30, tzinfo=timezone.utc)


def test_sprout_channel_from_a_mapped_column(write: Writer) -> None:
    path = write("sprout.csv", "date,time_24hr,message_text,Profile\n02/03/2026,10:00,Hi,tw\n")
    result = read(path, columns={"Profile": "channel"}, date_order="dmy")
    assert result.format == "sprout"
    assert [(p.channel, p.text) for p in result.posts] == [("tw", "Hi")]


def test_sprout_missing_time_reads_the_date_alone(write: Writer) -> None:
    path = write("sprout.csv", "date,time_24hr,message_text\n02/03/2026,,Hi\n")
    post = read(path, default_channel="tw", timezone="UTC", date_order="dmy").posts[0]
    assert post.publish_at == datetime(2026, 3, 2, tzinfo=timezone.utc)


def test_a_calendar_csv_wins_over_scheduler_look_alikes(write: Writer) -> None:
    path = write("plan.csv", "id,publish_at,channel,text,posting time\na,2026-03-02,vk,x,\n")
    assert read(path).format == "csv"


def test_an_unrecognised_header_is_a_calendar_csv_with_missing_columns(write: Writer) -> None:
    result = read(write("plan.csv", "when,what\ntomorrow,something\n"))
    assert result.format == "csv"
    assert rules(result) == ["calendar.missing-column"]


def test_headerless_hootsuite_with_us_dates_is_recognised_and_read_month_first(
        write: Writer) -> None:
    path = write("hoot.csv", "12/31/2026 14:00,Happy new year\n01/02/2027 09:30,Back to work\n")
    result = read(path, default_channel="x", timezone="UTC")
    assert result.format == "hootsuite"
    assert [p.publish_at.isoformat() for p in result.posts] == [
        "2026-12-31T14:00:00+00:00", "2027-01-02T09:30:00+00:00"]
    note = only(result, "calendar.date-order")
    assert note.severity.label == "info" and "12/31/2026 (mdy)" in note.message


@pytest.mark.parametrize(("rows", "order", "first"), [
    ("31/12/2026 14:00,a\n01/02/2027 09:30,b\n", "dmy", "2027-02-01"),
    ("2026/12/31 14:00,a\n2027/01/02 09:30,b\n", "ymd", "2027-01-02"),
])
def test_the_date_order_is_inferred_from_a_day_above_twelve(
        write: Writer, rows: str, order: str, first: str) -> None:
    result = read(write("hoot.csv", rows), default_channel="x", timezone="UTC")
    assert f"({order})" in only(result, "calendar.date-order").message
    assert result.posts[1].publish_at.date().isoformat() == first


@pytest.mark.parametrize(("rows", "why"), [
    ("02/03/2026 10:00,a\n04/05/2026 10:00,b\n", "could be day or month first"),
    ("13/03/2026 10:00,a\n03/13/2026 10:00,b\n", "disagree"),
])
def test_a_date_order_the_rows_leave_open_is_one_error_naming_the_option(
        write: Writer, rows: str, why: str) -> None:
    with pytest.raises(CalendarError, match=f"{why}.*--date-order dmy\\|mdy\\|ymd"):
        read(write("hoot.csv", rows), default_channel="x")


def test_an_explicit_date_order_needs_no_inference(write: Writer) -> None:
    result = read(write("hoot.csv", "02/03/2026 10:00,a\n"), default_channel="x",
                  date_order="mdy", timezone="UTC")
    assert result.findings == []
    assert result.posts[0].publish_at.date().isoformat() == "2026-02-03"


def test_a_calendar_csv_reads_slash_dates_in_the_inferred_order(write: Writer) -> None:
    path = write("plan.csv", "id,publish_at,channel,text\na,12/31/2026 10:00,x,Hi\n"
                             "b,Mar 1 2027 9:00 AM,x,Hi\n")
    result = read(path, timezone="UTC")
    assert rules(result) == ["calendar.date-order"]
    assert [p.publish_at.isoformat()[:16] for p in result.posts] == [
        "2026-12-31T10:00", "2027-03-01T09:00"]
