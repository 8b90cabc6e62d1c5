"""A report: the findings of one run plus what was checked, for every formatter."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from governance.findings import Finding, Severity, count_by_severity, sort_findings

if TYPE_CHECKING:
    from governance.calendar_report.plan import Plan


@dataclass
class Report:
    command: str  # "check" or "lint"
    target: str  # what was checked, as the user named it
    findings: list[Finding]
    checked: dict[str, int] = field(default_factory=dict)  # e.g. {"files": 7, "rules": 20}
    meta: dict[str, Any] = field(default_factory=dict)
    #: The lowest severity that fails the run (``--fail-on``; None: nothing does),
    #: for formats that say pass or fail per item (JUnit).
    fail_on: Severity | None = Severity.ERROR
    #: ``(file, post id)`` of every post linted, in order, when a format lists
    #: passing posts too (JUnit); empty otherwise.
    posts: list[tuple[str, str]] = field(default_factory=list)
    plan: Plan | None = None  # the calendar itself, kept when a format draws it (html)

    def __post_init__(self) -> None:
        self.findings = sort_findings(self.findings)

    @property
    def counts(self) -> dict[Severity, int]:
        return count_by_severity(self.findings)

    @property
    def waived(self) -> int:
        return sum(1 for f in self.findings if f.waived)

    def summary(self) -> str:
        counts = self.counts
        parts = [f"{counts[s]} {s.label}{'' if counts[s] == 1 else 's'}"
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
        problems = ", ".join(parts) if parts else "no problems"
        if self.waived:
            problems += f" ({self.waived} waived)"
        checked = ", ".join(f"{n} {k[:-1] if n == 1 and k.endswith('s') else k}"
                            for k, n in self.checked.items())
        return f"{self.target}: {problems}" + (f" [{checked}]" if checked else "")
