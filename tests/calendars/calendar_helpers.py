"""Helpers for the calendar reader tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from governance.calendars import CalendarReadResult, ReadOptions, read_calendar
from governance.findings import Finding

DATA = Path(__file__).parent / "data"

#: The ``write`` fixture: (file name, text or bytes) -> path of the written file.
Writer = Callable[[str, "str | bytes"], Path]


def read(path: Path | str, **options: Any) -> CalendarReadResult:
    return read_calendar(path, ReadOptions(**options))


def rules(result: CalendarReadResult) -> list[str]:
    return [f.rule for f in result.findings]


def only(result: CalendarReadResult, rule: str) -> Finding:
    found = [f for f in result.findings if f.rule == rule]
    assert len(found) == 1, result.findings
    return found[0]


def where(finding: Finding) -> tuple[int, int]:
    assert finding.location is not None
    return finding.location.line, finding.location.column


def ids(result: CalendarReadResult) -> list[str]:
    return [post.id for post in result.posts]


def column_of(line: str, cell: str) -> int:
    """1-based column where ``cell`` first appears in ``line``."""
    return line.index(cell) + 1
