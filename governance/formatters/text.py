"""One line per finding, ``file:line:col: severity: message (rule-id)``, then a summary.

For a terminal or a log (``clean=True``, as the text report asks), every part
that may come from an input file goes through ``printable``, so no cell can
send a terminal escape or a workflow command.
"""

from __future__ import annotations

from collections.abc import Iterator

import click

from governance.findings import Finding, Severity
from governance.report import Report
from governance.text_safety import printable

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def line(finding: Finding, colour: bool = False, clean: bool = False) -> str:
    label = "waived" if finding.waived else finding.severity.label
    if colour:
        label = click.style(label, fg="bright_black" if finding.waived else
                            _COLOURS[finding.severity], bold=True)
    where = str(finding.location) if finding.location else "<input>"
    if clean:
        return f"{printable(where)}: {label}: {printable(finding.message)} " \
               f"({printable(finding.rule)})"
    return f"{where}: {label}: {finding.message} ({finding.rule})"


def render(report: Report, colour: bool = False) -> str:
    return "".join(chunks(report, colour))


def chunks(report: Report, colour: bool = False) -> Iterator[str]:
    """The lines of ``render``, one at a time."""
    for finding in report.findings:
        yield line(finding, colour, clean=True) + "\n"
    yield printable(report.summary()) + "\n"
