"""Reports written a piece at a time are the reports ``render`` gives, whole.

The JUnit stream serialises one testcase at a time; it is held to the whole
ElementTree document, built as before streaming. The SARIF stream writes one
result a line; it is held to the log built as one dictionary.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from formatter_samples import clean_report, sample_report
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.findings import Finding, Location, Severity
from governance.formatters import FORMATTERS, junit, sarif, stream
from governance.lint import text_report
from governance.report import Report

FINDINGS = st.builds(
    Finding,
    rule=st.sampled_from(["post.length", "content.duplicates", "nw.x"]),
    severity=st.sampled_from(list(Severity)),
    message=st.text(max_size=30),
    location=st.none() | st.builds(Location, st.sampled_from(["a.csv", "b.xlsx", ""]),
                                   st.integers(0, 9), st.integers(0, 3),
                                   st.sampled_from(["", "Plan!C7"])),
    post_ids=st.lists(st.sampled_from(["p1", "p2", "p<3>"]), max_size=3).map(tuple),
    channel=st.sampled_from(["", "x"]),
    waived_by=st.sampled_from(["", "ok & fine"]),
)
REPORTS = st.builds(lambda findings: Report("lint", "plan.csv", findings, {"posts": 3}),
                    st.lists(FINDINGS, max_size=12))


def whole_junit(report: Report) -> str:
    """The JUnit document built as one tree, then serialised."""
    root = ET.Element("testsuites")
    suites = junit._grouped(report)
    fails = junit._failing_at(report.fail_on)
    junit._counts(root, f"governance {report.command}",
                  [c for s in suites.values() for c in s.values()], fails)
    for file, cases in suites.items():
        suite = ET.SubElement(root, "testsuite")
        junit._counts(suite, file, list(cases.values()), fails)
        for name, findings in cases.items():
            suite.append(junit._testcase(file, name, findings, fails))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") \
        + "\n"


@pytest.mark.parametrize("name", sorted(FORMATTERS))
@pytest.mark.parametrize("report", [sample_report(), clean_report()])
def test_a_stream_is_the_rendered_report(name: str, report: Report) -> None:
    assert "".join(stream(name)(report, False)) == FORMATTERS[name](report, False)


@settings(max_examples=150, deadline=None)
@given(REPORTS)
def test_junit_streamed_is_the_whole_tree(report: Report) -> None:
    assert junit.render(report) == whole_junit(report)
    assert junit.render(sample_report()) == whole_junit(sample_report())


@settings(max_examples=150, deadline=None)
@given(REPORTS)
def test_sarif_streamed_is_the_whole_log(report: Report) -> None:
    assert json.loads(sarif.render(report)) == sarif.sarif_log(report)


@settings(max_examples=100, deadline=None)
@given(REPORTS)
def test_the_lint_text_report_streams_its_lines(report: Report) -> None:
    pieces = list(text_report.chunks(report, False))
    assert "".join(pieces) == text_report.render(report, False)
    assert len(pieces) >= 1
