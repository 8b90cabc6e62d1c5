"""Helpers for the render tests: loading policies, golden files, Office files as text."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from golden_switch import updating_goldens

from governance.loader import LoadedPolicy, load_policy

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = ROOT / "tests" / "golden" / "render"
#: GOVERNANCE_UPDATE_GOLDENS=1 pytest tests/render  rewrites the golden files; review the diff.
UPDATE = updating_goldens()


def load(path: str | Path) -> LoadedPolicy:
    result = load_policy(path)
    assert result.policy is not None, [str(f.location) + f.message for f in result.findings]
    return result.policy


def check_golden(name: str, actual: str) -> None:
    """Compare with ``tests/golden/render/<name>``, or rewrite it when updating."""
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.exists(), f"no golden file {path}; run with GOVERNANCE_UPDATE_GOLDENS=1"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{name} differs from its golden file (update and review the diff)"


def docx_contents(data: bytes) -> str:
    """A DOCX as reviewable text: each paragraph with its style, each table cell by cell."""
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = next(p for p in document.paragraphs if p._p is child)
            if paragraph.text:
                lines.append(f"[{paragraph.style.name}] {paragraph.text}")
        elif tag == "tbl":
            table = next(t for t in document.tables if t._tbl is child)
            lines.append(f"[table {table.style.name}]")
            lines.extend("  | " + " | ".join(c.text for c in row.cells) + " |"
                         for row in table.rows)
    props = document.core_properties
    lines.append(f"[core] title={props.title!r} language={props.language!r} "
                 f"created={props.created.isoformat()} modified={props.modified.isoformat()}")
    return "\n".join(lines) + "\n"


def xlsx_contents(data: bytes) -> str:
    """An XLSX as reviewable text: every non-empty cell with its value, fill and bold."""
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data))
    lines = []
    for sheet in workbook.worksheets:
        lines.append(f"[sheet {sheet.title}] freeze={sheet.freeze_panes} "
                     f"merged={sorted(str(r) for r in sheet.merged_cells.ranges)}")
        widths = {k: round(v.width, 1) for k, v in sorted(sheet.column_dimensions.items())
                  if v.width}
        lines.append(f"  widths={widths}")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None and cell.fill.fill_type is None:
                    continue
                fill = cell.fill.fgColor.rgb if cell.fill.fill_type else "-"
                marks = ("B" if cell.font.bold else "") + (
                    "!" if cell.border.left.style == "thick" else "")
                lines.append(f"  {cell.coordinate} {fill} {marks or '-'} {cell.value!r}")
    props = workbook.properties
    lines.append(f"[core] title={props.title!r} language={props.language!r} "
                 f"created={props.created.isoformat()} modified={props.modified.isoformat()}")
    return "\n".join(lines) + "\n"


#: How each format is turned into text a golden file can hold.
CONTENTS: dict[str, Callable[[bytes], str]] = {
    "docx": docx_contents,
    "xlsx": xlsx_contents,
}


def as_text(fmt: str, data: bytes) -> str:
    reader = CONTENTS.get(fmt)
    return reader(data) if reader else data.decode("utf-8")


#: The shipped policies every format is rendered from: a company's, and a volunteer
#: open-source community's with its own sections (US: Letter paper).
SHIPPED = {
    "example": ROOT / "policies" / "example",
    "community": ROOT / "policies" / "samples" / "open-source-community",
}


def pdf_pages(data: bytes, tmp: Path) -> list[tuple[float, float, list[tuple[float, float, str]]]]:
    """Each page of a PDF: ``(width, height, [(x_min, x_max, word), ...])``, by pdftotext."""
    import re
    import shutil
    import subprocess

    import pytest

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    source = tmp / "read.pdf"
    source.write_bytes(data)
    out = subprocess.run(["pdftotext", "-bbox", str(source), "-"], capture_output=True,
                         check=True, timeout=120).stdout.decode("utf-8")
    pages = []
    for match in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(float(x0), float(x1), html_unescape(word)) for x0, x1, word in re.findall(
            r'<word xMin="([\d.-]+)" yMin="[\d.-]+" xMax="([\d.-]+)" yMax="[\d.-]+">(.*?)</word>',
            match.group(3))]
        pages.append((float(match.group(1)), float(match.group(2)), words))
    return pages


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)
