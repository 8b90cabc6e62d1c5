"""Reports written a piece at a time are the reports ``render`` gives, whole.

The JUnit stream serialises one testcase at a time; it is held to the whole
ElementTree document, built as before streaming. The SARIF stream writes one
result a line; it is held to the log built as one dictionary.
"""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET

import pytest
from formatter_samples import clean_report, sample_report
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.findings import NOTICES, Finding, Location, Severity
from governance.formatters import FORMATTERS, json_format, junit, sarif, stream
from governance.formatters.text import line
from governance.lint import text_report
from governance.report import Report

FINDINGS = st.builds(
    Finding,
    rule=st.sampled_from(["post.length", "content.duplicates", "nw.x", "calendar.rule-skipped"]),
    severity=st.sampled_from(list(Severity)),
    message=st.text(max_size=30),
    location=st.none() | st.builds(Location, st.sampled_from(["a.csv", "b.xlsx", ""]),
                                   st.integers(0, 9), st.integers(0, 3),
                                   st.sampled_from(["", "Plan!C7"])),
    post_ids=st.lists(st.sampled_from(["p1", "p2", "p<3>"]), max_size=3).map(tuple),
    channel=st.sampled_from(["", "x"]),
    waived_by=st.sampled_from(["", "ok & fine"]),
)
POSTS = st.lists(st.tuples(st.sampled_from(["a.csv", "b.xlsx"]),
                           st.sampled_from(["p1", "p2", "p<3>", "p4"])), max_size=6)
REPORTS = st.builds(
    lambda findings, posts, fail_on: Report("lint", "plan.csv", findings, {"posts": 3},
                                            fail_on=fail_on, posts=posts),
    st.lists(FINDINGS, max_size=12), POSTS, st.sampled_from([None, *Severity]))


def whole_junit(report: Report) -> str:
    """The JUnit document the obvious way: findings grouped in dictionaries, one tree
    of every testcase, serialised at the end."""
    suites: dict[str, dict[str, list[Finding]]] = {}
    for file, post_id in report.posts:
        suites.setdefault(file, {}).setdefault(post_id, [])
    for finding in report.findings:
        loc = finding.location
        file = loc.file if loc is not None and loc.file else report.target
        case = finding.post_ids[0] if finding.post_ids else finding.rule
        suites.setdefault(file, {}).setdefault(case, []).append(finding)
    if not suites:
        suites[report.target] = {"no findings": []}

    def failing(findings: list[Finding]) -> list[Finding]:
        threshold = report.fail_on
        return [] if threshold is None else [
            f for f in findings
            if not f.waived and f.severity >= threshold and f.rule not in NOTICES]

    def lines(findings: list[Finding]) -> str:
        text = "\n".join(line(f) for f in findings)
        return junit._xml(text.replace("\r\n", "\n").replace("\r", "\n"))

    def counts(element: ET.Element, name: str, cases: list[list[Finding]]) -> None:
        element.attrib.update(name=junit._xml(name), tests=str(len(cases)),
                              failures=str(sum(1 for c in cases if failing(c))),
                              errors="0", skipped="0")

    root = ET.Element("testsuites")
    counts(root, f"governance {report.command}", [c for s in suites.values() for c in s.values()])
    for file, cases in suites.items():
        suite = ET.SubElement(root, "testsuite")
        counts(suite, file, list(cases.values()))
        for name, findings in cases.items():
            case = ET.SubElement(suite, "testcase", name=junit._xml(name),
                                 classname=junit._xml(file))
            failed = failing(findings)
            if failed:
                failure = ET.SubElement(case, "failure", message=junit._xml(failed[0].message),
                                        type=failed[0].rule)
                failure.text = lines(failed)
            passed = [f for f in findings if all(f is not g for g in failed)]
            if passed:
                ET.SubElement(case, "system-out").text = lines(passed)
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


TEXTS = st.text(max_size=20)  # quotes, backslashes, control characters, surrogates
ANY_FINDINGS = st.builds(
    Finding,
    rule=st.sampled_from(["post.length", "nw.\"x\"", "content.duplicates"]),
    severity=st.sampled_from(list(Severity)),
    message=TEXTS,
    location=st.none() | st.builds(Location, st.sampled_from(["a.csv", "", "/srv/p #1.csv",
                                                              "планы/март.xlsx"]),
                                   st.integers(-1, 99), st.integers(-1, 9), TEXTS),
    post_ids=st.lists(TEXTS, max_size=3).map(tuple),
    channel=TEXTS,
    waived_by=TEXTS,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_FINDINGS, max_size=8))
def test_sarif_results_are_what_the_json_encoder_writes(findings: list[Finding]) -> None:
    rule_ids = sorted({finding.rule for finding in findings})
    results = sarif._Results(rule_ids)
    for finding in findings:
        expected = json.dumps(sarif._result(finding, rule_ids.index(finding.rule)),
                              ensure_ascii=False, separators=(", ", ": "))
        assert results.encode(finding) == expected


WINDOWS = st.fixed_dictionaries({}, optional={"window": st.fixed_dictionaries(
    {"start": st.sampled_from(["2026-03-01", "é\"\\"]), "end": st.sampled_from(["2026-03-07"])}),
    "other": st.integers()})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ANY_FINDINGS, WINDOWS), max_size=8))
def test_json_findings_are_what_the_json_encoder_writes(
        cases: list[tuple[Finding, dict[str, object]]]) -> None:
    lines = json_format._Lines()
    for finding, data in cases:
        finding = dataclasses.replace(finding, data=data)
        expected = json.dumps(json_format.finding_dict(finding), ensure_ascii=False,
                              separators=(", ", ": "))
        assert lines.encode(finding) == expected
