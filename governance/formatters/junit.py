"""JUnit XML: the report as test results for CI (GitLab, Jenkins, Azure DevOps...).

One ``<testsuite>`` per file (calendar or policy file, in order); in it one
``<testcase>`` per post (named by the post id; every post linted, passing ones
too, when the report lists them, so dashboards show the count), and one per
rule for findings about no single post (named by the rule id). A testcase
fails when it has an unwaived finding at or above the run's ``--fail-on``
(``Report.fail_on``): one ``<failure>`` whose ``message`` is the first of them
and whose text lists them all, one ``file:line:col: severity: message (rule)``
line each. Other findings (a warning that does not fail the run, infos, notices,
waived findings) go to the testcase's ``<system-out>``. A report without
findings or posts is one suite, named after what was checked, with one passing
testcase, so CI records a green run rather than none.

Attributes are written in a fixed order and there are no timestamps or
durations: the same report gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence

from governance.findings import NOTICES, Finding, Severity
from governance.formatters.text import line
from governance.report import Report

# Characters XML 1.0 cannot hold, even escaped (control characters, lone surrogates).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report, colour: bool = False) -> str:
    return "".join(chunks(report, colour))


def chunks(report: Report, colour: bool = False) -> Iterator[str]:
    """The document of ``render``, a testcase at a time.

    The findings are grouped first (the counts open each element), but each
    testcase is built and serialised alone: the tree of a whole calendar's
    testcases would take several times the memory of its findings.
    """
    suites = _grouped(report)
    fails = _failing_at(report.fail_on)
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    root = ET.Element("testsuites")
    _counts(root, f"governance {report.command}",
            [c for s in suites.values() for c in s.values()], fails)
    yield _open_tag(root) + "\n"
    for file, cases in suites.items():
        suite = ET.Element("testsuite")
        _counts(suite, file, list(cases.values()), fails)
        yield "  " + _open_tag(suite) + "\n"
        for name, findings in cases.items():
            case = _testcase(file, name, findings, fails)
            ET.indent(case, level=2)
            yield "    " + ET.tostring(case, encoding="unicode") + "\n"
        yield "  </testsuite>\n"
    yield "</testsuites>\n"


def _open_tag(element: ET.Element) -> str:
    """``<name attr="...">`` of an element with attributes and no children."""
    closed = ET.tostring(element, encoding="unicode")  # <name attr="..." />
    return closed[:-3] + ">"


def _grouped(report: Report) -> dict[str, dict[str, list[Finding]]]:
    """File -> testcase name -> its findings, in report order."""
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
    return suites


Failing = Callable[[Sequence[Finding]], list[Finding]]


def _failing_at(threshold: Severity | None) -> Failing:
    def failing(findings: Sequence[Finding]) -> list[Finding]:
        if threshold is None:  # --fail-on never
            return []
        return [f for f in findings
                if not f.waived and f.severity >= threshold and f.rule not in NOTICES]
    return failing


def _counts(element: ET.Element, name: str, cases: Sequence[Sequence[Finding]],
            failing: Failing) -> None:
    element.set("name", _xml(name))
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(1 for c in cases if failing(c))))
    element.set("errors", "0")
    element.set("skipped", "0")


def _testcase(file: str, name: str, findings: Sequence[Finding],
              fails: Failing) -> ET.Element:
    case = ET.Element("testcase")
    case.set("name", _xml(name))
    case.set("classname", _xml(file))
    failing = fails(findings)
    if failing:
        failure = ET.SubElement(case, "failure")
        failure.set("message", _xml(failing[0].message))
        failure.set("type", failing[0].rule)
        failure.text = _lines(failing)
    failed = {id(f) for f in failing}
    passing = [f for f in findings if id(f) not in failed]
    if passing:
        ET.SubElement(case, "system-out").text = _lines(passing)
    return case


def _lines(findings: Sequence[Finding]) -> str:
    """One text-report line per finding; a CR in a message becomes a line break, as
    an XML parser would make it anyway."""
    text = "\n".join(line(f) for f in findings)
    return _xml(text.replace("\r\n", "\n").replace("\r", "\n"))


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
