"""Spreadsheet cells that cannot run: formula injection neutralised in every CSV and XLSX.

A role title or a duty such as ``=HYPERLINK("http://evil.example", "Click")``,
``=cmd|' /C calc'!A0``, ``+1+1`` or ``@SUM(A1)`` would run as a formula when the
file is opened in a spreadsheet. As the OWASP "CSV Injection" page recommends, a
cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
prefixed with a single quote in CSV; in XLSX it is stored as text (never as a
formula) and marked with the quote prefix, which is how a spreadsheet records a
value typed after an apostrophe, so it stays text even when edited.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def starts_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: object) -> object:
    """The value to hand to ``csv.writer``: a formula-like text gets a leading ``'``."""
    return f"'{value}" if starts_formula(value) else value


def csv_row(values: Iterable[object]) -> list[object]:
    return [csv_cell(value) for value in values]


def neutralise_sheet(sheet: Any) -> None:
    """Every text cell of an openpyxl worksheet that a spreadsheet would read as a
    formula is made a text cell with the quote prefix; the project writes no formulas."""
    for row in sheet.iter_rows():
        for cell in row:
            if starts_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True
