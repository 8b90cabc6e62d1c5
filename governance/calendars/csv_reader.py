"""CSV calendars as spreadsheets export them: one post per row, a header row first.

Delimiter ``,``, ``;`` or tab (sniffed from the header line); UTF-8 with or
without BOM, or cp1251 (see ``text``); quoted cells may span lines. A post's
location is the first physical line of its row. A missing ``id`` becomes
``row-<line>``. Scheduler exports (Buffer, Sprout, Hootsuite) are read by the
same loop through a ``Layout`` that says how their columns map to post fields.

Broken quoting does not stop the reader: a quote that never closes swallows the
rest of the file into one cell, so the row where it opens gets a finding and
the lines after that row are read again as rows.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import replace
from functools import partial

from governance.calendars.errors import CalendarError
from governance.calendars.fields import (
    DATE_ORDER_EXAMPLES,
    infer_date_order,
    normalize_mapping,
    parse_slashed,
    zone,
)
from governance.calendars.fields import EXPECTED_DATES as EXPECTED_DATES
from governance.calendars.options import (
    DATE_ORDER_LOOKAHEAD,
    DATE_ORDER_RULE,
    DATE_ORDERS,
    ReadOptions,
    Source,
)
from governance.calendars.tabular import (
    DateParser,
    RowConverter,
    fast_location,
    map_header,
    missing_columns,
    missing_columns_finding,
)
from governance.calendars.text import LineSource
from governance.findings import Finding, Location, Severity
from governance.models.post import Post

DELIMITERS = (",", ";", "\t")
#: Recoveries from unterminated quotes per file; each re-reads up to a whole
#: cell's worth of lines, so a file of nothing but broken rows stays linear.
MAX_REFEEDS = 100


class Layout:
    """How the columns of a delimited file become post fields: the plain calendar CSV.

    Subclasses (scheduler exports) rename their columns, supply the names of a
    file without a header, or combine cells before conversion.
    """

    label = "the CSV header"
    has_header = True
    prepares = False  # whether prepare() does anything

    def bind(self, names: list[str]) -> list[str]:
        """Field names for the (normalized, user-mapped) header names."""
        return names

    def prepare(self, cells: list[str]) -> list[str]:
        """Cells of a data row before conversion."""
        return cells

    def date_parser(self, options: ReadOptions) -> DateParser:
        parse: DateParser = partial(parse_slashed, order=options.date_order or "dmy")
        return parse

    def expected_dates(self, options: ReadOptions) -> str:
        return EXPECTED_DATES


def read(source: Source, options: ReadOptions) -> Iterator[Post | Finding]:
    """Posts and findings of a plain calendar CSV."""
    return read_delimited(source, options, Layout())


def read_delimited(
    source: Source, options: ReadOptions, layout: Layout
) -> Iterator[Post | Finding]:
    """Posts and findings of a delimited file whose columns ``layout`` describes."""
    head = source.text_head()
    name = source.name
    delimiter = sniff_delimiter(head.text)
    try:
        binary = source.path.open("rb")
    except OSError as exc:
        raise CalendarError(f"cannot read the file: {exc.strerror or exc}") from None
    with binary:
        lines = LineSource(binary, name, head)
        found = lines.findings  # row-level problems of the reading itself
        ctx = CsvRow(lines, name, delimiter)
        records = iter_records(lines, delimiter)
        first = next(records, None)
        yield from found
        found.clear()
        converter, findings = _start(first, ctx, options, layout, head.text)
        yield from findings
        if converter is None:
            return
        source.fields.update(converter.present)
        if not layout.has_header and first is not None:
            records = itertools.chain([first], records)
        convert, prepare = converter.convert, layout.prepare if layout.prepares else None
        for cells in records:
            if found:
                yield from found
                found.clear()
            ctx.line = lines.first
            post = convert(prepare(cells) if prepare else cells, ctx)
            if post is not None:
                yield post
            if converter.findings:
                yield from converter.findings
                converter.findings.clear()
        yield from found
    if converter.rows == 0:
        yield Finding("calendar.empty", Severity.WARNING,
                      "the calendar is empty: a header but no rows", Location(name))


def _start(
    first: list[str] | None, ctx: CsvRow, options: ReadOptions, layout: Layout, head: str
) -> tuple[RowConverter | None, list[Finding]]:
    """The converter for a file whose first record is ``first``."""
    findings: list[Finding] = []
    if first is None:
        empty = Finding("calendar.empty", Severity.WARNING, "the calendar is empty: no rows",
                        Location(ctx.name))
        return None, [empty]
    if layout.has_header:
        ctx.line = ctx.lines.first
        names, findings = map_header(first, normalize_mapping(options.columns),
                                     ctx.cell_location, Location(ctx.name))
        names = layout.bind(names)
    else:
        names = layout.bind([])
    missing = missing_columns(names, bool(options.default_channel))
    if missing:
        findings.append(missing_columns_finding(missing, Location(ctx.name), layout.label))
        return None, findings
    if options.date_order is None:
        order, note = _infer_date_order(head, ctx, names.index("publish_at"), layout)
        options = replace(options, date_order=order)
        findings.extend(note)
    tz = zone(options.timezone)
    converter = RowConverter(names, ctx.name, tz, options.default_channel,
                             layout.date_parser(options), layout.expected_dates(options))
    return converter, findings


def _infer_date_order(head: str, ctx: CsvRow, column: int, layout: Layout
                      ) -> tuple[str, list[Finding]]:
    """The date order the first rows of the file show, with an ``info`` line saying so.

    Raises ``CalendarError`` naming the option when the rows leave it open.
    """
    records = csv.reader(io.StringIO(head, newline=""), delimiter=ctx.delimiter)
    rows = itertools.islice(records, int(layout.has_header), DATE_ORDER_LOOKAHEAD + 1)
    try:
        order, unknown = infer_date_order(row[column] for row in rows if len(row) > column)
    except csv.Error:  # a broken quote in the head: the reading reports it at its row
        order, unknown = None, ""
    if unknown:
        raise CalendarError(f"{unknown}: pass --date-order {'|'.join(DATE_ORDERS)} or set "
                            "calendar.date_order in the policy")
    if order is None:
        return "dmy", []
    return order, [Finding(
        DATE_ORDER_RULE, Severity.INFO,
        f"dates read as {DATE_ORDER_EXAMPLES[order]} ({order}), as the first rows show; "
        "--date-order or calendar.date_order sets it", Location(ctx.name))]


class CsvRow:
    """The row being converted, located through the raw lines ``LineSource`` keeps."""

    def __init__(self, lines: LineSource, name: str, delimiter: str) -> None:
        self.lines = lines
        self.name = name
        self.delimiter = delimiter
        self.line = 1

    def row_location(self) -> Location:
        return fast_location(self.name, self.line)

    def cell_location(self, index: int) -> Location:
        text = "".join(self.lines.buf)
        starts, _ = scan_record(text, self.delimiter)
        offset = starts[index] if index < len(starts) else len(text.rstrip("\r\n"))
        return self._at(text, offset)

    def field_locations(self, columns: dict[str, int]) -> dict[str, Location]:
        # Cells are located on demand (cell_location) rather than for every
        # post: a Location per cell would cost more than parsing the CSV.
        return {}

    def _at(self, text: str, offset: int) -> Location:
        line_start = text.rfind("\n", 0, offset) + 1
        return Location(self.name, self.lines.first + text.count("\n", 0, offset),
                        offset - line_start + 1)


def iter_records(lines: LineSource, delimiter: str) -> Iterator[list[str]]:
    """The cells of each non-blank record; problems go to ``lines.findings``.

    While the consumer holds a record, ``lines.first`` is its first line and
    ``lines.buf`` its raw lines.
    """
    reader = csv.reader(lines.lines(), delimiter=delimiter, strict=True)
    refeeds = 0
    while True:
        try:
            for cells in reader:
                if cells:
                    yield cells
                lines.commit()
            return
        except csv.Error as exc:
            swallowed = _broken_row(lines, delimiter, exc)
            if swallowed and refeeds < MAX_REFEEDS:
                refeeds += 1
                reader = csv.reader(lines.refeed(), delimiter=delimiter, strict=True)
            else:
                lines.commit()


def _broken_row(lines: LineSource, delimiter: str, exc: csv.Error) -> bool:
    """Record a finding about the row being read; True when its cell swallowed lines."""
    text = "".join(lines.buf)
    _, open_quote = scan_record(text, delimiter)
    first_line_end = len(lines.buf[0]) if lines.buf else 0
    if len(lines.buf) > 1 and open_quote >= 0:
        column = open_quote + 1 if open_quote < first_line_end else 1
        swallowed = len(lines.buf) - 1
        message = (f"unterminated quote: the quoted cell at column {column} never closes and "
                   f"ran over the next {swallowed} line(s); they are read again as rows")
        lines.findings.append(Finding("calendar.bad-row", Severity.ERROR, message,
                                      Location(lines.name, lines.first, column)))
        return True
    message = f"malformed row: {_explain(exc)}; the row is skipped"
    lines.findings.append(Finding("calendar.bad-row", Severity.ERROR, message,
                                  Location(lines.name, lines.first, 1)))
    return False


def _explain(exc: csv.Error) -> str:
    text = str(exc)
    if "expected after" in text:
        return ("a quoted cell is followed by more text before the delimiter (write a quote "
                "inside a quoted cell as \"\")")
    if "field larger than field limit" in text:
        return f"a cell is longer than {csv.field_size_limit():,} characters"
    if "new-line character seen in unquoted field" in text:
        return "a line break (CR) inside an unquoted cell"
    return text


def scan_record(text: str, delimiter: str) -> tuple[list[int], int]:
    """Offsets where the cells of the first record in ``text`` start, and the offset
    of a quote that opens a cell and never closes (-1 when there is none).

    Quoting as the csv module reads it: a quote opens a cell only at its start,
    and ``""`` inside a quoted cell is a literal quote.
    """
    starts = [0]
    quoted = False
    at_start = True
    opened = -1
    index, end = 0, len(text)
    while index < end:
        char = text[index]
        if quoted:
            if char == '"':
                if text.startswith('"', index + 1):
                    index += 1
                else:
                    quoted = False
        elif char == delimiter:
            starts.append(index + 1)
            at_start = True
            index += 1
            continue
        elif char == '"' and at_start:
            quoted, opened = True, index
        elif char in "\r\n":
            break
        at_start = False
        index += 1
    return starts, opened if quoted else -1


def sniff_delimiter(head: str) -> str:
    """The delimiter that occurs most often, outside quotes, in the first non-blank line."""
    for line in io.StringIO(head, newline=""):
        if line.strip():
            outside = line.split('"')[::2]
            counts = {d: sum(part.count(d) for part in outside) for d in DELIMITERS}
            best = max(DELIMITERS, key=lambda d: counts[d])
            return best if counts[best] else ","
    return ","


def first_record(head: str, delimiter: str) -> list[str]:
    """The first non-blank record of the head of a file, for format detection."""
    reader = csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                return cells
    except csv.Error:
        pass
    return []
