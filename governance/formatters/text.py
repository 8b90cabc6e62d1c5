"""One line per finding, ``file:line:col: severity: message (rule-id)``, then a summary."""

from __future__ import annotations

from collections.abc import Iterator

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
    return "".join(chunks(report, colour))


def chunks(report: Report, colour: bool = False) -> Iterator[str]:
    """The lines of ``render``, one at a time."""
    for finding in report.findings:
        yield line(finding, colour) + "\n"
    yield report.summary() + "\n"
