"""The JSON report's text is the documented document, one finding per line."""

from __future__ import annotations

import json

import pytest

from governance.findings import Finding, Location, Severity
from governance.formatters.json_format import render, report_dict
from governance.report import Report

FINDINGS = [
    Finding("post.length", Severity.ERROR, "281 > 280 «длина»", Location("c.csv", 3, 1), ("p1",),
            "x-main"),
    Finding("tone.we-voice", Severity.INFO, 'says "the company"', None, waived_by="waiver"),
]


@pytest.mark.parametrize(("findings", "meta"), [([], {}), (FINDINGS, {}),
                                                (FINDINGS, {"rules": {"a": "b"}})])
def test_text_parses_to_the_report_dict(findings: list[Finding], meta: dict[str, object]) -> None:
    report = Report("lint", "c.csv", findings, {"posts": 2}, meta)
    assert json.loads(render(report)) == report_dict(report)


def test_each_finding_is_one_line() -> None:
    lines = render(Report("lint", "c.csv", FINDINGS)).splitlines()
    assert sum(line.lstrip().startswith('{"rule": ') for line in lines) == len(FINDINGS)
