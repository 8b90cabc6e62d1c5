"""read_calendar / iter_posts: file checks, format detection, options, streaming."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from calendar_helpers import DATA, Writer, ids, read

from governance.calendars import (
    FORMATS,
    CalendarError,
    ReadOptions,
    iter_posts,
    open_calendar,
    read_calendar,
)
from governance.calendars.fields import FIELDS
from governance.calendars.tabular import fast_location
from governance.findings import Finding, Location
from governance.models.post import Post

HEADER = "id,publish_at,channel,author,text,link,sponsored,kind\n"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CalendarError, match="no such file"):
        read_calendar(tmp_path / "nope.csv", ReadOptions())


def test_a_directory_is_not_a_calendar(tmp_path: Path) -> None:
    with pytest.raises(CalendarError, match="not a file"):
        read_calendar(tmp_path, ReadOptions())


@pytest.mark.parametrize("name", ["plan.docx", "plan", "plan.md"])
def test_unsupported_extensions(write: Writer, name: str) -> None:
    with pytest.raises(CalendarError, match="unsupported file type"):
        read(write(name, "id,publish_at\n"))


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("feed", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "ics"),
        ("export", '[{"id": "a"}]', "json"),
        ("export", '{"id": "a"}\n{"id": "b"}\n', "jsonl"),
        ("export", '{"posts": []}', "json"),
    ],
)
def test_unknown_extensions_by_content(write: Writer, name: str, content: str, fmt: str) -> None:
    assert open_calendar(write(name, content))[0] == fmt


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("good.csv", "csv"), ("tabs.tsv", "csv"), ("good.yaml", "yaml"), ("good.json", "json"),
     ("good.jsonl", "jsonl"), ("good.ics", "ics")],
)
def test_formats_by_extension(name: str, fmt: str) -> None:
    assert read(DATA / name).format == fmt


def test_forced_format(write: Writer) -> None:
    path = write("plan.txt", '- {id: a, publish_at: 2026-03-02, channel: vk}\n')
    assert ids(read(path, format="yaml")) == ["a"]
    with pytest.raises(CalendarError, match="unknown calendar format 'xls'"):
        read(path, format="xls")


def test_bad_options_are_calendar_errors() -> None:
    with pytest.raises(CalendarError, match="unknown timezone"):
        read(DATA / "good.csv", timezone="Europe/Atlantis")
    with pytest.raises(CalendarError, match="unknown date order"):
        read(DATA / "good.csv", date_order="ydm")


def test_one_table_gives_formats_extensions_and_the_readme_list() -> None:
    from governance.calendars.readers import BY_EXTENSION, READERS, markdown_table

    assert tuple(reader.name for reader in READERS) == FORMATS
    extensions = [ext for reader in READERS for ext in reader.extensions]
    assert len(extensions) == len(set(extensions)) == len(BY_EXTENSION)
    # Every reader is reachable: by a file name, its first row, or its first bytes.
    assert all(r.extensions or r.header or r.signature for r in READERS)
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "README's list of inputs: paste markdown_table()"


def test_iter_posts_yields_posts_and_findings_in_file_order(write: Writer) -> None:
    rows = "a,2026-03-02,vk,,x,,,\nb,bad,vk,,x,,,\nc,2026-03-02,vk,,x,,,\n"
    path = write("plan.csv", HEADER + rows)
    items = list(iter_posts(path, ReadOptions()))
    assert [type(item).__name__ for item in items] == ["Post", "Finding", "Post"]


def test_read_calendar_equals_iter_posts() -> None:
    for name in ["good.csv", "good.yaml", "good.json", "good.jsonl", "good.ics"]:
        items = list(iter_posts(DATA / name))
        result = read_calendar(DATA / name)
        assert result.posts == [i for i in items if isinstance(i, Post)]
        assert result.findings == [i for i in items if isinstance(i, Finding)]


def test_fast_locations_are_ordinary_locations() -> None:
    fast = fast_location("plan.csv", 12, 3)
    assert fast == Location("plan.csv", 12, 3)
    assert hash(fast) == hash(Location("plan.csv", 12, 3))
    assert str(fast) == "plan.csv:12:3"
    with pytest.raises(AttributeError):
        fast.line = 5  # type: ignore[misc]


def test_post_fields_are_in_the_order_the_readers_pass_them() -> None:
    import dataclasses

    assert tuple(f.name for f in dataclasses.fields(Post))[: len(FIELDS)] == FIELDS


def _peak(path: Path, fmt_rows: int) -> int:
    tracemalloc.start()
    count = sum(1 for item in iter_posts(path) if isinstance(item, Post))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == fmt_rows
    return peak


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_streaming_memory_does_not_grow_with_the_rows(write: Writer, suffix: str) -> None:
    def calendar(rows: int) -> Path:
        if suffix == "csv":
            body = "".join(f"p{i},2026-03-02T10:00,vk,ann,\"Text {i}, {'x' * 300}\",,no,news\n"
                           for i in range(rows))
            return write(f"plan{rows}.csv", HEADER + body)
        body = "".join(f'{{"id": "p{i}", "publish_at": "2026-03-02T10:00", "channel": "vk", '
                       f'"text": "Text {i} {"x" * 300}"}}\n' for i in range(rows))
        return write(f"plan{rows}.jsonl", body)

    small, large = _peak(calendar(2_000), 2_000), _peak(calendar(20_000), 20_000)
    # Ten times the rows (6 MB more file): only the id index may grow, ~100 bytes a row.
    assert large - small < 20_000 * 200
