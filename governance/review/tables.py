"""Exports as rows of named cells, each cell with its place in the file (CSV or XLSX).

The review's readers share this: a header row, then one record a row. A cell
keeps its ``Location`` (``file:line:col`` in a CSV, ``Sheet!B7`` in a workbook)
so every problem with the data points at the cell to fix. Anything that is not
a table (binary, a broken zip, a duplicated column) raises ``ReviewInputError``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from governance.errors import UsageError
from governance.findings import Location
from governance.limits import XLSX_PART

UNREADABLE = "review.unreadable"
BAD_VALUE = "review.bad-value"


class ReviewInputError(UsageError):
    """An export the review cannot use: one line ``where: error: message (rule)``."""

    def __init__(self, location: Location, message: str, rule: str = UNREADABLE) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message
        self.rule = rule


@dataclass(frozen=True)
class Row:
    """One record: field -> cell text, and where each field's cell is."""

    cells: Mapping[str, str]
    places: Mapping[str, Location]
    where: Location

    def get(self, field: str) -> str:
        return self.cells.get(field, "").strip()

    def at(self, field: str) -> Location:
        return self.places.get(field, self.where)

    def fail(self, field: str, message: str) -> ReviewInputError:
        return ReviewInputError(self.at(field), message, BAD_VALUE)


def read_rows(path: str) -> tuple[list[str], Iterator[Row]]:
    """The header's names and the rows (by header name) of a CSV or XLSX export."""
    file = Path(path)
    if not file.is_file():
        raise ReviewInputError(Location(path), "no such file")
    with file.open("rb") as handle:
        head = handle.read(4)
    if head.startswith(b"PK"):
        return _xlsx_rows(path)
    return _csv_rows(path)


def _csv_rows(path: str) -> tuple[list[str], Iterator[Row]]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReviewInputError(Location(path), f"not UTF-8 text (byte {exc.start})") from None
    if "\x00" in text:
        raise ReviewInputError(Location(path), "not a CSV file (it holds NUL bytes)")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ReviewInputError(Location(path, 1, 1), f"broken CSV: {exc}") from None
    if not header or not any(name.strip() for name in header):
        raise ReviewInputError(Location(path, 1, 1), "no header row")
    names = _check_header(header, lambda col: Location(path, 1, col + 1))

    def rows() -> Iterator[Row]:
        line = 1
        try:
            for record in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in record):
                    continue
                yield _row(names, record, lambda col, ln=line: Location(path, ln, col + 1))
        except csv.Error as exc:
            raise ReviewInputError(Location(path, line + 1, 1), f"broken CSV: {exc}") from None

    return names, rows()


def _xlsx_rows(path: str) -> tuple[list[str], Iterator[Row]]:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    _check_part_sizes(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        records = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        title = sheet.title
        workbook.close()
    except Exception as exc:  # openpyxl raises zip, XML, key and value errors alike
        raise ReviewInputError(Location(path),
                               f"not a readable XLSX workbook ({type(exc).__name__})") from None
    if not records or not any(records[0]):
        raise ReviewInputError(Location(path, anchor=f"{title}!A1"), "no header row")

    def place(line: int) -> Any:
        return lambda col: Location(path, anchor=f"{title}!{get_column_letter(col + 1)}{line}")

    names = _check_header(records[0], place(1))
    rows = (_row(names, record, place(i + 2)) for i, record in enumerate(records[1:])
            if any(cell.strip() for cell in record))
    return names, rows


def _check_part_sizes(path: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl says what is wrong with it
    for part in parts:
        if part.file_size > XLSX_PART.bytes():
            raise ReviewInputError(Location(path), XLSX_PART.exceeded(f"part {part.filename!r}"))


def _check_header(header: list[str], place: Any) -> list[str]:
    names = [name.strip() for name in header]
    seen: set[str] = set()
    for col, name in enumerate(names):
        if name and name.casefold() in seen:
            raise ReviewInputError(place(col), f"column {name!r} appears twice in the header")
        seen.add(name.casefold())
    return names


def _row(names: list[str], record: list[str], place: Any) -> Row:
    cells = {name: record[i] if i < len(record) else "" for i, name in enumerate(names) if name}
    places = {name: place(i) for i, name in enumerate(names) if name}
    return Row(cells, places, place(0))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def map_fields(row: Row, mapping: Mapping[str, str]) -> Row:
    """The row with its columns renamed to fields (``mapping``: header name -> field)."""
    cells = {mapping[name]: text for name, text in row.cells.items() if name in mapping}
    places = {mapping[name]: loc for name, loc in row.places.items() if name in mapping}
    return Row(cells, places, row.where)


def header_mapping(names: list[str], configured: Mapping[str, str], fields: tuple[str, ...],
                   aliases: Mapping[str, str]) -> dict[str, str]:
    """Header name -> field: the policy's mapping first, then the field's own name or alias."""
    mapping: dict[str, str] = {}
    for name in names:
        key = name.strip().casefold().replace(" ", "_")
        if name in configured:
            mapping[name] = configured[name]
        elif key in fields:
            mapping[name] = key
        elif key in aliases:
            mapping[name] = aliases[key]
    return mapping


def parse_time(row: Row, field: str, zone: dt.tzinfo) -> dt.datetime | None:
    """An ISO 8601 date-time (a ``Z`` or offset, else local to ``zone``); None if empty."""
    text = row.get(field)
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise row.fail(field, f"{field} {text!r} is not a date-time such as "
                              "2026-12-01 09:30 or 2026-12-01T09:30:00+03:00") from None
    return value.replace(tzinfo=zone) if value.tzinfo is None else value
