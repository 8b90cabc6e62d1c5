"""Findings: what every rule, reader and loader step produces.

A finding is plain data: a rule id, a severity, a message and a location.
Rules never print or format; formatters turn findings into text, JSON, SARIF...
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """Ordered so that ``--fail-on`` is a comparison."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            allowed = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {name!r} (expected one of: {allowed})") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True, slots=True)
class Location:
    """Where a finding points: 1-based line and column in a file.

    ``anchor`` replaces ``line:col`` where a position is not a line, e.g. an XLSX
    cell (``Sheet1!A12``) or an iCalendar event (``VEVENT 3``). ``line == 0``
    means the finding concerns the file as a whole.
    """

    file: str
    line: int = 0
    column: int = 0
    anchor: str = ""

    def __str__(self) -> str:
        if self.anchor:
            return f"{self.file}:{self.anchor}"
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{max(self.column, 1)}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of a rule on the policy, a post or the calendar as a whole."""

    rule: str
    severity: Severity
    message: str
    location: Location | None = None
    post_ids: tuple[str, ...] = ()
    channel: str = ""
    waived_by: str = ""
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def waived(self) -> bool:
        return bool(self.waived_by)

    def sort_key(self) -> tuple[Any, ...]:
        loc = self.location or Location("")
        return (loc.file, loc.line, loc.column, loc.anchor, self.rule, self.message)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Stable, position-first order: the same input always prints the same report."""
    return sorted(findings, key=Finding.sort_key)


#: Rule ids of notices: ``info`` lines that say how the run went (a rule skipped
#: for want of a column, the date order inferred) and never fail it.
NOTICES = frozenset({"calendar.rule-skipped", "calendar.date-order"})
