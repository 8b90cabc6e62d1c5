"""The RACI matrix as a spreadsheet: grouped header, a colour per letter, problems below.

Rows 1-2 are the header (role groups, merged, over role titles) and stay frozen
with the activity column; the legend and the problems ``governance check``
finds in the matrix follow under it on the same sheet, so they cannot be missed.
"""

from __future__ import annotations

import datetime as dt
import io
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from governance.cells import neutralise_sheet
from governance.render.i18n import Catalogue
from governance.render.raci import COLOURS, PROBLEM_COLOUR, RaciMatrix
from governance.render.zipfix import stable_zip

_BOLD = Font(bold=True)
_PROBLEM_FONT = Font(bold=True, color="FF" + PROBLEM_COLOUR)
_PROBLEM_SIDE = Side(style="thick", color="FF" + PROBLEM_COLOUR)
_PROBLEM_BORDER = Border(left=_PROBLEM_SIDE, right=_PROBLEM_SIDE, top=_PROBLEM_SIDE,
                         bottom=_PROBLEM_SIDE)
_GRID_SIDE = Side(style="thin", color="FFBBBBBB")
_GRID = Border(left=_GRID_SIDE, right=_GRID_SIDE, top=_GRID_SIDE, bottom=_GRID_SIDE)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_FILLS = {letter: PatternFill("solid", fgColor="FF" + colour) for letter, colour in COLOURS.items()}
_HEADER_FILL = PatternFill("solid", fgColor="FFF2F2F2")


def _header(ws: Worksheet, matrix: RaciMatrix, t: Catalogue, first_role: int) -> None:
    ws.cell(row=1, column=1, value=t("raci.roles")).font = _BOLD
    ws.cell(row=2, column=1, value=t("raci.activity")).font = _BOLD
    if matrix.has_cadence:
        ws.cell(row=2, column=2, value=t("raci.cadence")).font = _BOLD
    column = first_role
    for group in matrix.groups:
        cell = ws.cell(row=1, column=column, value=group.label)
        cell.font, cell.alignment, cell.fill, cell.border = _BOLD, _CENTRE, _HEADER_FILL, _GRID
        if len(group.roles) > 1:
            ws.merge_cells(start_row=1, start_column=column, end_row=1,
                           end_column=column + len(group.roles) - 1)
        for role in group.roles:
            title = ws.cell(row=2, column=column, value=role.title)
            title.font, title.alignment, title.fill = _BOLD, _CENTRE, _HEADER_FILL
            title.border = _GRID
            column += 1
    if matrix.has_row_problems:
        ws.cell(row=2, column=column, value=t("raci.problem_rules")).font = _BOLD


def _rows(ws: Worksheet, matrix: RaciMatrix, first_role: int) -> None:
    for offset, row in enumerate(matrix.rows):
        line = 3 + offset
        name = ws.cell(row=line, column=1, value=row.name)
        name.alignment, name.border = _WRAP, _GRID
        if row.problems:
            name.font = _PROBLEM_FONT
        if matrix.has_cadence:
            ws.cell(row=line, column=2, value=row.cadence or None)
        for index, cell in enumerate(row.cells):
            target = ws.cell(row=line, column=first_role + index, value=cell.letter or None)
            target.alignment, target.border = _CENTRE, _GRID
            if cell.letter:
                target.fill = _FILLS[cell.letter]
            if cell.problem:
                target.border = _PROBLEM_BORDER
        if row.problems:
            ws.cell(row=line, column=first_role + len(row.cells),
                    value=", ".join(row.problems)).font = _PROBLEM_FONT


def _notes(ws: Worksheet, matrix: RaciMatrix, t: Catalogue, line: int) -> None:
    ws.cell(row=line, column=1, value=t("raci.legend")).font = _BOLD
    for entry in matrix.legend:
        line += 1
        letter = ws.cell(row=line, column=1, value=f"{entry.letter}: {entry.name}")
        letter.fill = _FILLS[entry.letter]
        ws.cell(row=line, column=2, value=entry.meaning)
    line += 2
    ws.cell(row=line, column=1, value=t("raci.problems")).font = _BOLD
    if not matrix.problems:
        ws.cell(row=line + 1, column=1, value=t("raci.no_problems"))
    for problem in matrix.problems:
        line += 1
        ws.cell(row=line, column=1, value=problem.where)
        ws.cell(row=line, column=2, value=problem.severity).font = _PROBLEM_FONT
        ws.cell(row=line, column=3, value=problem.rule)
        message = problem.message
        if problem.waived:
            message += f" ({t('raci.waived', reason=problem.waived)})"
        ws.cell(row=line, column=4, value=message)


def _widths(ws: Worksheet, matrix: RaciMatrix, first_role: int) -> None:
    longest = max([len(r.name) for r in matrix.rows] + [len(e.name) + 3 for e in matrix.legend])
    ws.column_dimensions["A"].width = min(max(longest + 2, 16), 60)
    if matrix.has_cadence:
        ws.column_dimensions["B"].width = 16
    for index, role in enumerate(matrix.roles):
        width = min(max(len(role.title) + 2, 8), 18)
        ws.column_dimensions[get_column_letter(first_role + index)].width = width
    if matrix.has_row_problems:
        ws.column_dimensions[get_column_letter(first_role + len(matrix.roles))].width = 30
    ws.row_dimensions[2].height = 45


def _print_setup(ws: Worksheet) -> None:
    """Printed, the matrix fits the page width in landscape, headers on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:2"


def build_xlsx(matrix: RaciMatrix, stamp: dt.datetime, organisation: str) -> bytes:
    t = Catalogue.for_language(matrix.lang)
    workbook = Workbook()
    ws = workbook.active
    ws.title = "RACI"
    first_role = 3 if matrix.has_cadence else 2
    _header(ws, matrix, t, first_role)
    _rows(ws, matrix, first_role)
    _notes(ws, matrix, t, 3 + len(matrix.rows) + 1)
    _widths(ws, matrix, first_role)
    ws.freeze_panes = ws.cell(row=3, column=first_role)
    _print_setup(ws)
    neutralise_sheet(ws)
    props = workbook.properties
    props.title, props.subject, props.creator = matrix.title, matrix.subtitle, organisation
    props.lastModifiedBy, props.language = organisation, matrix.lang
    props.created = props.modified = stamp
    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save: save() overwrites 'modified' with the clock.
    ExcelWriter(workbook, ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return stable_zip(buffer.getvalue(), stamp)
