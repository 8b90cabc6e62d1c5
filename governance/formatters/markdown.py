"""A Markdown summary: a table of counts and one row per finding, for a CI job summary.

    governance lint plan.csv --format markdown --output summary.md

The counts table comes first (errors, warnings, infos, waived, what was
checked), then the findings: location, severity, rule, message. Cells are
escaped for Markdown (a ``|`` cannot break the table, HTML is shown as text);
long reports stop after ``MAX_ROWS`` rows and say how many more there are.
"""

from __future__ import annotations

import itertools
import re

from governance.findings import Finding, Severity
from governance.formatters.github import display_path
from governance.report import Report

# What Markdown would read as markup or raw HTML; a table cell is one line.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!&~{}])")
#: GitHub truncates a job summary over 1 MiB; a few hundred rows say enough.
MAX_ROWS = 500


def render(report: Report, colour: bool = False) -> str:
    counts = report.counts
    checked = ", ".join(f"{n} {k}" for k, n in report.checked.items())
    lines = [
        f"### governance {report.command}: {cell(report.target)}",
        "",
        "| errors | warnings | infos | waived | checked |",
        "|---:|---:|---:|---:|---|",
        f"| {counts[Severity.ERROR]} | {counts[Severity.WARNING]} | {counts[Severity.INFO]} "
        f"| {report.waived} | {cell(checked)} |",
        "",
    ]
    if report.findings:
        lines += ["| where | severity | rule | message |", "|---|---|---|---|"]
        lines += [_row(f) for f in itertools.islice(report.findings, MAX_ROWS)]
        if len(report.findings) > MAX_ROWS:
            lines.append(f"\n… and {len(report.findings) - MAX_ROWS} more findings.")
        lines.append("")
    return "\n".join(lines)


def _row(finding: Finding) -> str:
    loc = finding.location
    where = ""
    if loc is not None:
        where = str(type(loc)(display_path(loc.file), loc.line, loc.column, loc.anchor))
    severity = "waived" if finding.waived else finding.severity.label
    return f"| {cell(where)} | {severity} | {cell(finding.rule)} | {cell(finding.message)} |"


def cell(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
