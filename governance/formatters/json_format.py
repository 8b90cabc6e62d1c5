"""The JSON report: a versioned, documented wire format (see schemas/report.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring
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
        lines = _Lines()
        for finding in report.findings:
            yield separator + lines.encode(finding)
            separator = ",\n    "
        yield "\n  ]"
    if meta is not None:
        yield f',\n  "meta": {json.dumps(meta, ensure_ascii=False)}'
    yield "\n}\n"


class _Lines:
    """Each finding as ``_COMPACT.encode(finding_dict(finding))`` writes it, byte for
    byte, without building its dictionary; a rule's opening and a file's name are
    encoded once. The dictionaries took half the time of writing the report."""

    def __init__(self) -> None:
        self._openings: dict[tuple[str, Severity], str] = {}
        self._files: dict[str, str] = {}

    def encode(self, finding: Finding) -> str:
        key = (finding.rule, finding.severity)
        opening = self._openings.get(key)
        if opening is None:
            opening = self._openings[key] = (
                f'{{"rule": {encode_basestring(finding.rule)}, '
                f'"severity": {encode_basestring(finding.severity.label)}, "message": ')
        loc = finding.location
        if loc is None:
            place = '"file": null, "line": null, "column": null, "anchor": null'
        else:
            file = self._files.get(loc.file)
            if file is None:
                file = self._files[loc.file] = encode_basestring(loc.file)
            place = (f'"file": {file}, "line": {loc.line or "null"}, '
                     f'"column": {loc.column or "null"}, "anchor": {_or_null(loc.anchor)}')
        ids = ", ".join(map(encode_basestring, finding.post_ids))
        waived = "true" if finding.waived else "false"
        window = (f', "window": {_COMPACT.encode(finding.data["window"])}'
                  if "window" in finding.data else "")
        return (f'{opening}{encode_basestring(finding.message)}, {place}, "post_ids": [{ids}], '
                f'"channel": {_or_null(finding.channel)}, "waived": {waived}, '
                f'"waived_by": {_or_null(finding.waived_by)}{window}}}')


def _or_null(text: str) -> str:
    return encode_basestring(text) if text else "null"
