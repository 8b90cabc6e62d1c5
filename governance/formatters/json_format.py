"""The JSON report: a versioned, documented wire format (see schemas/report.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from governance import __version__
from governance.findings import Finding, Severity
from governance.report import Report

#: Bump on any incompatible change of the JSON report.
REPORT_VERSION = 1


def finding_dict(finding: Finding) -> dict[str, Any]:
    loc = finding.location
    return {
        "rule": finding.rule,
        "severity": finding.severity.label,
        "message": finding.message,
        "file": loc.file if loc else None,
        "line": loc.line if loc and loc.line else None,
        "column": loc.column if loc and loc.column else None,
        "anchor": loc.anchor if loc and loc.anchor else None,
        "post_ids": list(finding.post_ids),
        "channel": finding.channel or None,
        "waived": finding.waived,
        "waived_by": finding.waived_by or None,
        # Optional, so the report's version stays: the days a calendar finding covers.
        **({"window": finding.data["window"]} if "window" in finding.data else {}),
    }


def report_dict(report: Report, with_findings: bool = True) -> dict[str, Any]:
    """The whole report as plain data; without the findings when ``chunks`` writes
    them one at a time."""
    counts = report.counts
    return {
        "version": REPORT_VERSION,
        "tool": {"name": "governance", "version": __version__},
        "command": report.command,
        "target": report.target,
        "summary": {
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "infos": counts[Severity.INFO],
            "waived": report.waived,
            "checked": dict(report.checked),
        },
        **({"findings": [finding_dict(f) for f in report.findings]} if with_findings else {}),
        **({"meta": report.meta} if report.meta else {}),
    }


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def render(report: Report, colour: bool = False) -> str:
    """Indented JSON with one finding per line (see ``chunks``)."""
    return "".join(chunks(report, colour))


def chunks(report: Report, colour: bool = False) -> Iterator[str]:
    """The report of ``render``, a finding at a time, for writing as it is encoded.

    A finding per line reads well in a diff of two reports, and each is encoded
    by the C encoder; ``indent`` for the whole document would fall back to the
    pure-Python encoder, which costs most of a second at 10,000 findings. Only
    one finding's dictionary exists at a time: a whole document of 100,000
    findings would take more memory than the lint run that found them.
    """
    document = report_dict(report, with_findings=False)
    meta = document.pop("meta", None)
    yield json.dumps(document, ensure_ascii=False, indent=2)[:-2]  # without the closing "}"
    if not report.findings:
        yield ',\n  "findings": []'
    else:
        separator = ',\n  "findings": [\n    '
        for finding in report.findings:
            yield separator + _COMPACT.encode(finding_dict(finding))
            separator = ",\n    "
        yield "\n  ]"
    if meta is not None:
        yield f',\n  "meta": {json.dumps(meta, ensure_ascii=False)}'
    yield "\n}\n"
