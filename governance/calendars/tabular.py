"""Rows of cells -> posts: the part CSV, XLSX and scheduler exports share.

A header row names the columns; ``map_header`` turns the names into canonical
fields (``ReadOptions.columns`` first, then case-insensitive matching) and
``RowConverter`` turns each row into a ``Post`` or findings. The converter is
the hot loop of a 100,000-row calendar: column indexes are resolved once, a
column the file lacks reads an empty cell appended to the row, and locations of
cells are computed only when a finding needs one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from typing import Any, Protocol

from governance.calendars import coerce
from governance.calendars.fields import (
    ACTION_CELLS,
    EXPECTED_ACTIONS,
    EXPECTED_DATES,
    FIELD_SET,
    FIELDS,
    coerce_datetime,
    normalize_name,
    parse_action,
    parse_datetime,
    split_list,
    suggest_field,
)
from governance.findings import Finding, Location, Severity
from governance.models.post import Post, PostWaiver

_BOOLEANS = {"true": True, "false": False, "": False, "yes": True, "no": False,
             "1": True, "0": False}

DateParser = Callable[[str, tzinfo], "datetime | None"]


def fast_location(file: str, line: int, column: int = 1) -> Location:
    """``Location(file, line, column)``, built at twice the speed.

    ``Location`` is a frozen dataclass, whose ``__init__`` sets each field through
    ``object.__setattr__``; one per cell of a 100,000-row calendar costs a tenth
    of the reading time. Its slots are set directly here; the result is an
    ordinary, equal ``Location``.
    """
    location = _new(Location)
    _set_file(location, file)
    _set_line(location, line)
    _set_column(location, column)
    _set_anchor(location, "")
    return location


_new = object.__new__
_set_file, _set_line, _set_column, _set_anchor = (
    vars(Location)[name].__set__ for name in ("file", "line", "column", "anchor"))


class RowContext(Protocol):
    """Where the row being converted is: what a reader knows and a finding needs."""

    line: int

    def row_location(self) -> Location: ...

    def cell_location(self, index: int) -> Location: ...

    def field_locations(self, columns: dict[str, int]) -> dict[str, Location]: ...


def map_header(
    cells: Sequence[str],
    mapping: dict[str, str],
    locate: Callable[[int], Location],
    file_location: Location,
) -> tuple[list[str], list[Finding]]:
    """Field name of each column ("" for a column to ignore) and findings about the header.

    ``mapping`` is ``ReadOptions.columns`` normalized (``fields.normalize_mapping``).
    Columns other than the canonical fields are kept, under their normalized
    name, as ``Post.extra``.
    """
    names: list[str] = []
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(cells):
        source = normalize_name(cell)
        name = mapping.get(source, source)
        if name and name in seen:
            findings.append(Finding(
                "calendar.duplicate-column", Severity.ERROR,
                f"column {cell.strip()!r} repeats column {seen[name] + 1} ({name}); "
                "only the first one is read", locate(index)))
            name = ""
        elif name:
            seen[name] = index
            hint = suggest_field(name) if name not in FIELD_SET else None
            if hint is not None:
                findings.append(Finding(
                    "calendar.unknown-column", Severity.WARNING,
                    f"column {cell.strip()!r} is not a post field; did you mean {hint!r}? "
                    "It is kept as an extra field", locate(index)))
        names.append(name)
    present = {normalize_name(cell) for cell in cells}
    for source in mapping:
        if source not in present:
            findings.append(Finding(
                "calendar.unknown-column", Severity.WARNING,
                f"the column mapping names {source!r}, which is not a column of this file",
                file_location))
    return names, findings


def missing_columns(names: Sequence[str], has_default_channel: bool) -> list[str]:
    required = ["publish_at", "text"] if has_default_channel else ["publish_at", "channel", "text"]
    return [name for name in required if name not in names]


def missing_columns_finding(missing: Sequence[str], location: Location, what: str) -> Finding:
    if list(missing) == ["channel"]:
        message = (f"{what} has no channel column: pass --channel ID (the channel the "
                   "whole file is for), set calendar.default_channel in the policy, or add "
                   "a 'channel' column; no post was read")
    else:
        message = (f"{what} lacks required column(s) {', '.join(missing)}: no post was read "
                   "(the column mapping can map other column names to them)")
    return Finding("calendar.missing-column", Severity.ERROR, message, location)


class RowConverter:
    """Turns rows of one table into posts; problems go to ``findings``."""

    def __init__(
        self,
        names: Sequence[str],
        file: str,
        tz: tzinfo,
        default_channel: str | None = None,
        parse_date: DateParser = parse_datetime,
        expected_dates: str = EXPECTED_DATES,
        locate_fields: bool = False,
    ) -> None:
        self.file = file
        self._expected_dates = expected_dates
        self._locate_fields = locate_fields
        self.findings: list[Finding] = []
        self.rows = 0
        self.width = len(names)
        self.columns = {name: i for i, name in enumerate(names) if name in FIELD_SET}
        self._tz = tz
        self._parse_date = parse_date
        # A default channel fills empty channel cells too, not only a missing column.
        self._fallback_channel = default_channel or ""
        self._extras = [(name, i) for i, name in enumerate(names) if name and name not in FIELD_SET]
        #: Every field the header names, built in or extra (a policy's declared field).
        self.present = frozenset(self.columns) | {name for name, _ in self._extras}
        # Where cells are located, extra columns too: a declared field's bad value is
        # reported at its cell.
        self._located = {**self.columns, **dict(self._extras)}
        absent = self.width  # convert() appends one empty cell, read for absent columns
        self._index = tuple(self.columns.get(name, absent) for name in FIELDS)

    def convert(self, cells: list[Any], ctx: RowContext) -> Post | None:
        """The post of one data row, or None when the row cannot be one (or is blank).

        Cells are strings, except that ``publish_at`` may hold a date or datetime
        (XLSX). The list is modified.
        """
        if not cells[0] and not any(cells):
            return None
        self.rows += 1
        if len(cells) != self.width:
            fitted = self._fit(cells, ctx)
            if fitted is None:
                return None
            cells = fitted
        cells.append("")
        (i_id, i_when, i_channel, i_author, i_text, i_link, i_sponsored, i_kind, i_approved,
         i_topic, i_tags, i_media, i_alt_text, i_waive, i_action, i_target) = self._index
        raw_when = cells[i_when]
        if type(raw_when) is str:
            when = self._parse_date(raw_when, self._tz)
        else:
            when = coerce_datetime(raw_when, self._tz)
        if when is None:
            self._bad_date(raw_when, ctx)
            return None
        channel = cells[i_channel].strip() or self._fallback_channel
        if not channel:
            self._missing("channel", i_channel, ctx)
            return None
        text = cells[i_text]
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        sponsored = _BOOLEANS.get(cells[i_sponsored])
        if sponsored is None:
            sponsored = self._sponsored_slow(cells[i_sponsored], ctx)
        waive = self._waivers(cells[i_waive], ctx) if cells[i_waive] else ()
        action = ACTION_CELLS.get(cells[i_action]) or self._action_slow(cells[i_action], ctx)
        return Post(  # positional: seventeen keyword arguments take twice as long
            cells[i_id].strip() or f"row-{ctx.line}", when, channel, cells[i_author].strip(),
            text, cells[i_link].strip(), sponsored, cells[i_kind].strip(),
            split_list(cells[i_approved]) if cells[i_approved] else (), cells[i_topic].strip(),
            split_list(cells[i_tags]) if cells[i_tags] else (),
            split_list(cells[i_media]) if cells[i_media] else (), cells[i_alt_text].strip(),
            waive, action, cells[i_target].strip(), ctx.row_location(),
            ctx.field_locations(self._located) if self._locate_fields else {},
            {name: cells[i] for name, i in self._extras} if self._extras else {},
        )

    def _fit(self, cells: list[Any], ctx: RowContext) -> list[Any] | None:
        if len(cells) < self.width:  # exporters drop trailing empty cells
            return cells + [""] * (self.width - len(cells))
        surplus = [cell for cell in cells[self.width:] if cell not in ("", None)]
        if not any(str(cell).strip() for cell in surplus):
            return cells[: self.width]
        self.findings.append(Finding(
            "calendar.bad-row", Severity.ERROR,
            f"row has {len(cells)} cells but the header has {self.width} columns; "
            "a cell that contains the delimiter must be quoted", ctx.cell_location(self.width)))
        return None

    def _bad_date(self, raw: object, ctx: RowContext) -> None:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            self._missing("publish_at", self._column("publish_at"), ctx)
            return
        self.findings.append(Finding(
            "calendar.bad-date", Severity.ERROR,
            coerce.bad_date(raw, self._expected_dates, "the row"),
            self._cell(self._column("publish_at"), ctx)))

    def _missing(self, name: str, index: int, ctx: RowContext) -> None:
        self.findings.append(Finding(
            "calendar.missing-field", Severity.ERROR,
            f"{name} is empty; the row is skipped", self._cell(index, ctx)))

    def _sponsored_slow(self, raw: object, ctx: RowContext) -> bool:
        flag, problem = coerce.sponsored(raw)
        if problem:
            self.findings.append(Finding("calendar.bad-value", Severity.ERROR, problem,
                                         self._cell(self._column("sponsored"), ctx)))
        return flag

    def _action_slow(self, raw: str, ctx: RowContext) -> str:
        action = parse_action(raw)
        if action is not None:
            return action
        self.findings.append(Finding(
            "calendar.bad-value", Severity.ERROR,
            f"action {coerce.show(raw)} is not one of {EXPECTED_ACTIONS}; read as a post",
            self._cell(self._column("action"), ctx)))
        return "post"

    def _waivers(self, cell: str, ctx: RowContext) -> tuple[PostWaiver, ...]:
        waivers, problems = coerce.waivers(cell)
        for problem in problems:
            self.findings.append(Finding("calendar.bad-value", Severity.ERROR, problem,
                                         self._cell(self._column("waive"), ctx)))
        return waivers

    def _column(self, name: str) -> int:
        return self.columns.get(name, self.width)

    def _cell(self, index: int, ctx: RowContext) -> Location:
        return ctx.cell_location(index) if index < self.width else ctx.row_location()

