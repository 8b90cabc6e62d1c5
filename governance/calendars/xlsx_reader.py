"""XLSX calendars: the first sheet (or ``ReadOptions.sheet``), a header row first.

Read with openpyxl in read-only mode (rows are streamed from the zip) and with
cached formula results (``data_only``), once every part of the zip is known to
decompress to no more than ``governance.limits.XLSX_PART`` (a zip bomb is
refused before it is inflated). Columns, values and ids follow the CSV
rules (``tabular``); date cells may be real dates (naive ones are read in the
policy timezone) or text. Locations are the sheet row and column plus an
anchor such as ``Sheet1!B12``; posts carry the anchor of each field's cell.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any

from governance.calendars.errors import CalendarError
from governance.calendars.fields import normalize_mapping, zone
from governance.calendars.options import ReadOptions, Source
from governance.calendars.tabular import (
    RowConverter,
    map_header,
    missing_columns,
    missing_columns_finding,
)
from governance.findings import Finding, Location, Severity
from governance.limits import XLSX_PART
from governance.models.post import Post

_PLAIN_SHEET = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


def read(source: Source, options: ReadOptions) -> Iterator[Post | Finding]:
    workbook = _open(source)
    try:
        sheet = _sheet(workbook, options.sheet)
        if hasattr(sheet, "reset_dimensions"):
            # Some exporters write a wrong <dimension>; read-only mode trusts it
            # and would cut rows or columns off.
            sheet.reset_dimensions()
        yield from _rows(sheet, source.name, options, source.fields)
    finally:
        workbook.close()


def _open(source: Source) -> Any:
    # Imported here: openpyxl takes longer to import than a CSV calendar takes to lint.
    from openpyxl import load_workbook

    _check_part_sizes(source)
    try:
        return load_workbook(source.path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, XML, key and value errors alike
        raise CalendarError(
            f"not a readable XLSX workbook ({type(exc).__name__}: {exc})") from None


def _check_part_sizes(source: Source) -> None:
    # zipfile stops inflating a part at its declared size (and then fails its
    # CRC check), so the sizes in the directory bound the work.
    cap = XLSX_PART.bytes()
    try:
        with zipfile.ZipFile(source.path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # load_workbook says what is wrong with it
    for part in parts:
        if part.file_size > cap:
            raise CalendarError(XLSX_PART.exceeded(f"part {part.filename!r} of the workbook"))


def _sheet(workbook: Any, wanted: str | None) -> Any:
    names: list[str] = list(workbook.sheetnames)
    if wanted is None:
        if not names:
            raise CalendarError("the workbook has no sheets")
        return workbook[names[0]]
    if wanted in names:
        return workbook[wanted]
    folded = [name for name in names if name.casefold() == wanted.casefold()]
    if len(folded) == 1:
        return workbook[folded[0]]
    listed = ", ".join(repr(name) for name in names)
    raise CalendarError(f"no sheet named {wanted!r} (the workbook has {listed})")


def _rows(sheet: Any, name: str, options: ReadOptions, fields: set[str]
          ) -> Iterator[Post | Finding]:
    ctx = XlsxRow(name, _sheet_ref(sheet.title))
    converter: RowConverter | None = None
    when_index = -1
    for number, values in enumerate(_sheet_rows(sheet), start=1):
        ctx.line = number
        if converter is None:
            if not any(value not in (None, "") for value in values):
                continue
            converter, findings = _start([_text(value) for value in values], ctx, options)
            yield from findings
            if converter is None:
                return
            fields.update(converter.present)
            when_index = converter.columns["publish_at"]
            continue
        cells: list[Any] = [
            value if index == when_index and isinstance(value, (datetime, date)) else _text(value)
            for index, value in enumerate(values)
        ]
        if not cells:
            continue
        post = converter.convert(cells, ctx)
        if post is not None:
            yield post
        if converter.findings:
            yield from converter.findings
            converter.findings.clear()
    if converter is None or converter.rows == 0:
        what = "no rows" if converter is None else "a header but no rows"
        yield Finding("calendar.empty", Severity.WARNING,
                      f"the calendar is empty: sheet {sheet.title!r} has {what}", Location(name))


def _sheet_rows(sheet: Any) -> Iterator[tuple[Any, ...]]:
    rows = sheet.iter_rows(values_only=True)
    number = 0
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # a corrupt sheet fails inside openpyxl's XML parsing
            raise CalendarError(f"cannot read sheet {sheet.title!r} after row {number} "
                                f"({type(exc).__name__}: {exc})") from None
        number += 1
        yield values


def _start(cells: list[str], ctx: XlsxRow, options: ReadOptions
           ) -> tuple[RowConverter | None, list[Finding]]:
    names, findings = map_header(cells, normalize_mapping(options.columns), ctx.cell_location,
                                 Location(ctx.name))
    missing = missing_columns(names, bool(options.default_channel))
    if missing:
        findings.append(missing_columns_finding(missing, ctx.row_location(), "the header row"))
        return None, findings
    converter = RowConverter(names, ctx.name, zone(options.timezone), options.default_channel,
                             locate_fields=True)
    ctx.first_column = min(converter.columns.values())
    return converter, findings


def _text(value: object) -> str:
    """A cell as text, written the way the spreadsheet shows it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def _sheet_ref(title: str) -> str:
    if _PLAIN_SHEET.fullmatch(title):
        return title
    return "'" + title.replace("'", "''") + "'"


class XlsxRow:
    """The row being converted: cell anchors such as ``Sheet1!B12``."""

    def __init__(self, name: str, sheet: str) -> None:
        self.name = name
        self.sheet = sheet
        self.line = 1
        self.first_column = 0

    def row_location(self) -> Location:
        return self.cell_location(self.first_column)

    def cell_location(self, index: int) -> Location:
        from openpyxl.utils import get_column_letter

        column = index + 1
        anchor = f"{self.sheet}!{get_column_letter(column)}{self.line}"
        return Location(self.name, self.line, column, anchor)

    def field_locations(self, columns: dict[str, int]) -> dict[str, Location]:
        return {field: self.cell_location(index) for field, index in columns.items()}
