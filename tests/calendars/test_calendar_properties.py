"""Whatever bytes a calendar file holds, reading it raises at most CalendarError
and never changes the file."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.calendars import CalendarError, ReadOptions, read_calendar
from governance.findings import Finding
from governance.models.post import Post

SUFFIXES = st.sampled_from([".csv", ".jsonl", ".yaml", ".json", ".ics", ".tsv"])

# Text that looks enough like a calendar to reach the row-level code paths.
CALENDAR_ALPHABET = st.sampled_from([
    *"id,publish_at;channel\ttext\"'\n\r ", "2026-03-02", "10:00", "05.03.2026", "vk",
    "{", "}", "[", "]", ":", "- ", "posts", "BEGIN:VEVENT", "END:VEVENT", "\ufeff", "Привет",
    "\x00", "\x98", "yes", "sponsored", "waive", "a: b;", "&a", "*a", "<<",
])
CALENDAR_TEXT = st.lists(CALENDAR_ALPHABET, max_size=120).map("".join)


def _read_and_check(data: bytes, suffix: str, options: ReadOptions) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"calendar{suffix}"
        path.write_bytes(data)
        try:
            result = read_calendar(path, options)
        except CalendarError:
            pass
        else:
            assert all(isinstance(post, Post) for post in result.posts)
            assert all(isinstance(finding, Finding) for finding in result.findings)
            for item in result.posts + result.findings:
                location = item.location
                assert location is None or location.file == str(path)
        assert path.read_bytes() == data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), suffix=SUFFIXES)
def test_arbitrary_bytes(data: bytes, suffix: str) -> None:
    _read_and_check(data, suffix, ReadOptions())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=CALENDAR_TEXT, suffix=SUFFIXES,
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"]))
def test_calendar_like_text(text: str, suffix: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    _read_and_check(data, suffix, ReadOptions(timezone="Europe/Moscow"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=10), max_size=8),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_csv_rows_of_any_cells(rows: list[list[str]], delimiter: str) -> None:
    def cell(value: str) -> str:
        if any(ch in value for ch in f'{delimiter}"\r\n') or not value:
            return '"' + value.replace('"', '""') + '"'
        return value

    header = delimiter.join(["id", "publish_at", "channel", "text", "sponsored", "waive"])
    lines = [header] + [delimiter.join(cell(value) for value in row) for row in rows]
    _read_and_check("\r\n".join(lines).encode("utf-8"), ".csv", ReadOptions())


_FORMATS = {"dmy": "%d/%m/%Y %H:%M", "mdy": "%m/%d/%Y %H:%M", "ymd": "%Y/%m/%d %H:%M"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.sampled_from(sorted(_FORMATS)),
       days=st.lists(st.datetimes(min_value=datetime(2020, 1, 1),
                                  max_value=datetime(2030, 12, 31)), min_size=1, max_size=12))
def test_an_inferred_date_order_is_never_wrong(order: str, days: list[datetime]) -> None:
    """Hootsuite rows in any order: read in that order, or one error naming the option."""
    moments = [d.replace(second=0, microsecond=0) for d in days]
    text = "".join(f"{m.strftime(_FORMATS[order])},post {i}\n" for i, m in enumerate(moments))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hootsuite.csv"
        path.write_text(text, encoding="utf-8")
        try:
            result = read_calendar(path, ReadOptions(default_channel="x", format="hootsuite"))
        except CalendarError as exc:
            assert "--date-order" in exc.message
            assert order != "ymd"  # a four-digit year first is never ambiguous
            return
    assert [p.publish_at.replace(tzinfo=None) for p in result.posts] == moments
