"""The one table of calendar readers: each with its name, its files and how it is recognised.

Adding a format means adding a reader module and one row here: ``FORMATS``
(the ``--calendar-format`` choices), detection (``detect``) and the list of
inputs in the README (``markdown_table``, kept equal by a test) all come from
this table. Its order is the order of detection: for a delimited text file, the
first reader whose ``header`` test accepts the first row wins, and a file none
accepts is read as a calendar CSV (whose missing columns then get a finding);
for a file with an unknown extension, the first ``signature`` that matches its
first bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from governance.calendars import (
    buffer_reader,
    csv_reader,
    hootsuite_reader,
    ics_reader,
    json_reader,
    jsonl_reader,
    sprout_reader,
    xlsx_reader,
    yaml_reader,
)
from governance.calendars.options import ReadOptions, Source
from governance.findings import Finding
from governance.models.post import Post

Reader = Callable[[Source, ReadOptions], Iterator[Post | Finding]]
#: Does a delimited file whose first row is ``cells`` (``names``: the cells as
#: normalized, user-mapped column names) hold this format?
HeaderTest = Callable[[list[str], list[str], ReadOptions], bool]


@dataclass(frozen=True)
class CalendarReader:
    """One input format. ``header`` marks a delimited text format (CSV family)."""

    name: str
    title: str
    read: Reader
    extensions: tuple[str, ...] = ()
    header: HeaderTest | None = None
    signature: Callable[[str], bool] | None = None


def _json_lines(head: str) -> bool:
    if not head.startswith("{"):
        return False
    first, _, rest = head.partition("\n")
    try:
        json.loads(first)
    except ValueError:
        return False
    return bool(rest.strip())


def _json(head: str) -> bool:
    return head.startswith(("[", "{")) and not _json_lines(head)


READERS: tuple[CalendarReader, ...] = (
    CalendarReader(
        "csv", "CSV as spreadsheets export it (a `publish_at` column)", csv_reader.read,
        (".csv", ".tsv", ".txt"), header=lambda cells, names, options: "publish_at" in names),
    CalendarReader(
        "buffer", "Buffer bulk-upload CSV (`Text`, `Posting Time`)", buffer_reader.read,
        header=lambda cells, names, options: buffer_reader.matches(names)),
    CalendarReader(
        "sprout", "Sprout Social bulk-scheduling CSV (`date`, `time_24hr`, `message_text`)",
        sprout_reader.read, header=lambda cells, names, options: sprout_reader.matches(names)),
    CalendarReader(
        "hootsuite", "Hootsuite bulk-composer CSV (no header: date, message, link)",
        hootsuite_reader.read,
        header=lambda cells, names, options: hootsuite_reader.matches(cells, options)),
    CalendarReader(
        "xlsx", "XLSX workbook (first sheet or `--sheet`)", xlsx_reader.read,
        (".xlsx", ".xlsm"), signature=lambda head: head.startswith("PK\x03\x04")),
    CalendarReader(
        "yaml", "YAML: a list of posts or `{posts: [...]}`", yaml_reader.read,
        (".yaml", ".yml")),
    CalendarReader(
        "json", "JSON: a list of posts or `{posts: [...]}`", json_reader.read, (".json",),
        signature=_json),
    CalendarReader(
        "jsonl", "JSON Lines: one post a line", jsonl_reader.read, (".jsonl", ".ndjson"),
        signature=_json_lines),
    CalendarReader(
        "ics", "iCalendar: a VEVENT is a post", ics_reader.read, (".ics", ".ical", ".ifb"),
        signature=lambda head: head[:15].upper() == "BEGIN:VCALENDAR"),
)

BY_NAME = {reader.name: reader for reader in READERS}
#: Every format, as ``ReadOptions.format`` and ``--calendar-format`` spell them.
FORMATS = tuple(BY_NAME)
BY_EXTENSION = {ext: reader for reader in READERS for ext in reader.extensions}
#: The reader of a delimited file that no ``header`` test recognises.
DEFAULT_TABLE = BY_NAME["csv"]


def markdown_table() -> str:
    """The README's list of inputs."""
    rows = ["| `--calendar-format` | input | file names |", "|---|---|---|"]
    for reader in READERS:
        names = (", ".join(f"`{ext}`" for ext in reader.extensions)
                 or "a `.csv` recognised by its first row")
        rows.append(f"| `{reader.name}` | {reader.title} | {names} |")
    return "\n".join(rows) + "\n"
