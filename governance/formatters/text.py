"""One line per finding, ``file:line:col: severity: message (rule-id)``, then a summary."""

from __future__ import annotations

import click

from governance.findings import Finding, Severity
from governance.report import Report

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def line(finding: Finding, colour: bool = False) -> str:
    label = "waived" if finding.waived else finding.severity.label
    if colour:
        label = click.style(label, fg="bright_black" if finding.waived else
                            _COLOURS[finding.severity], bold=True)
    where = str(finding.location) if finding.location else "<input>"
    return f"{where}: {label}: {finding.message} ({finding.rule})"


def render(report: Report, colour: bool = False) -> str:
    lines = [line(f, colour) for f in report.findings]
    lines.append(report.summary())
    return "\n".join(lines) + "\n"
