"""JUnit XML: the usual shape, consistent counts, valid XML whatever the messages hold."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from formatter_samples import clean_report, sample_report

from governance.findings import Finding, Location, Severity
from governance.formatters import FORMATTERS, junit
from governance.report import Report


def parsed(report: Report) -> ET.Element:
    return ET.fromstring(junit.render(report, False).encode("utf-8"))


@pytest.mark.parametrize("report", [sample_report(), clean_report()], ids=["sample", "clean"])
def test_shape_and_counts(report: Report) -> None:
    root = parsed(report)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert suites and all(s.tag == "testsuite" for s in suites)
    cases = root.findall("testsuite/testcase")
    assert int(root.get("tests", "")) == len(cases) == sum(int(s.get("tests", "")) for s in suites)
    failing = [c for c in cases if c.find("failure") is not None]
    assert int(root.get("failures", "")) == len(failing)
    for suite in suites:
        assert int(suite.get("tests", "")) == len(suite.findall("testcase"))
        assert int(suite.get("failures", "")) == len(suite.findall("testcase/failure"))
        assert suite.get("errors") == suite.get("skipped") == "0"
    for case in cases:
        assert case.get("name") and case.get("classname")
        assert len(case.findall("failure")) <= 1


def test_a_clean_report_is_one_passing_test() -> None:
    root = parsed(clean_report())
    cases = root.findall("testsuite/testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [("plan.csv", "no findings")]
    assert root.get("failures") == "0"


def test_suites_per_file_cases_per_post_or_rule() -> None:
    root = parsed(sample_report())
    layout = {s.get("name"): [c.get("name") for c in s.findall("testcase")]
              for s in root.findall("testsuite")}
    assert layout == {
        "plan.csv, plan.xlsx": ["policy.rule-example"],
        "plan.csv": ["p9", "p1", "p5", "p12"],
        "/srv/plans/plan.csv": ["p3"],
        "plan.xlsx": ["e1"],
    }


def test_what_fails_and_what_does_not() -> None:
    report = sample_report()
    report.fail_on = Severity.WARNING
    cases = {c.get("name"): c for c in parsed(report).findall("testsuite/testcase")}
    assert cases["p12"].find("failure") is not None  # error
    assert cases["p1"].find("failure") is not None  # warning, and warnings fail this run
    assert cases["p5"].find("failure") is None  # waived
    assert "waived" in (cases["p5"].findtext("system-out") or "")
    assert cases["e1"].find("failure") is None  # info
    failure = cases["p1"].find("failure")
    assert failure is not None and failure.get("type") == "content.promo-share"
    assert failure.text == ("plan.csv:2:1: warning: channel 'x-brand', 2026-03-02..2026-03-08: "
                            "promotional posts are 3 of 7 posts (42.9%), more than 25% in 7 "
                            "days: p1, p2, p3 (content.promo-share)")


def test_a_warning_fails_only_a_run_that_fails_on_warnings() -> None:
    cases = {c.get("name"): c for c in parsed(sample_report()).findall("testsuite/testcase")}
    assert cases["p12"].find("failure") is not None  # error
    assert cases["p1"].find("failure") is None
    assert "content.promo-share" in (cases["p1"].findtext("system-out") or "")


def test_every_post_is_a_test_case_passing_ones_too() -> None:
    report = Report("lint", "p.csv", [
        Finding("post.length", Severity.ERROR, "too long", Location("p.csv", 3, 1), ("p2",)),
        Finding("calendar.rule-skipped", Severity.INFO, "skipped", Location("p.csv")),
    ], posts=[("p.csv", "p1"), ("p.csv", "p2"), ("p.csv", "p3")])
    report.fail_on = Severity.INFO
    root = parsed(report)
    names = [c.get("name") for c in root.findall("testsuite/testcase")]
    assert names == ["p1", "p2", "p3", "calendar.rule-skipped"]
    assert root.get("tests") == "4" and root.get("failures") == "1"  # a notice never fails


def test_several_findings_of_one_post_are_one_failure() -> None:
    report = Report("lint", "p.csv", [
        Finding("post.length", Severity.ERROR, "too long", Location("p.csv", 2, 1), ("p1",)),
        Finding("post.hashtags", Severity.WARNING, "too many tags", Location("p.csv", 2, 1),
                ("p1",)),
        Finding("nw.x", Severity.INFO, "fyi", Location("p.csv", 2, 1), ("p1",)),
    ], fail_on=Severity.WARNING)
    case = parsed(report).find("testsuite/testcase")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None and failure.get("message") == "too many tags"
    assert (failure.text or "").splitlines() == [
        "p.csv:2:1: warning: too many tags (post.hashtags)",
        "p.csv:2:1: error: too long (post.length)"]
    assert case.findtext("system-out") == "p.csv:2:1: info: fyi (nw.x)"


def test_characters_xml_cannot_hold_are_replaced() -> None:
    text = junit.render(sample_report(), False)
    assert "\x0b" not in text
    assert "with a control character" in text
    parsed(sample_report())  # and the document parses


def test_golden(golden: Callable[[str, str], None]) -> None:
    golden("sample.junit.xml", junit.render(sample_report(), False))
    golden("clean.junit.xml", junit.render(clean_report(), False))


def test_registered() -> None:
    assert FORMATTERS["junit"] is junit.render
