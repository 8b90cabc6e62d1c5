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
from array import array
from collections.abc import Iterable, Iterator

from governance.findings import NOTICES
from governance.formatters.text import line
from governance.report import Report
from governance.spill import TextSpill

# Characters XML 1.0 cannot hold, even escaped (control characters, lone surrogates).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report, colour: bool = False) -> str:
    return "".join(chunks(report, colour))


def chunks(report: Report, colour: bool = False) -> Iterator[str]:
    """The document of ``render``, a testcase at a time.

    The counts open each element, so the findings are read once first, to number
    the testcases and keep each finding's line aside (``_Cases``); then each
    testcase is built and serialised alone. Neither the findings nor a tree of a
    whole calendar's testcases is ever held.
    """
    cases = _Cases(report)
    try:
        yield '<?xml version="1.0" encoding="UTF-8"?>\n'
        root = ET.Element("testsuites")
        _counts(root, f"governance {report.command}", len(cases.names), sum(cases.fails))
        yield _open_tag(root) + "\n"
        for file, ordinals in cases.suites.items():
            suite = ET.Element("testsuite")
            _counts(suite, file, len(ordinals), sum(cases.fails[o] for o in ordinals))
            yield "  " + _open_tag(suite) + "\n"
            for ordinal in ordinals:
                case = cases.testcase(file, ordinal)
                _indent(case)
                yield "    " + ET.tostring(case, encoding="unicode") + "\n"
            yield "  </testsuite>\n"
        yield "</testsuites>\n"
    finally:
        cases.close()


def _open_tag(element: ET.Element) -> str:
    """``<name attr="...">`` of an element with attributes and no children."""
    closed = ET.tostring(element, encoding="unicode")  # <name attr="..." />
    return closed[:-3] + ">"


def _indent(case: ET.Element) -> None:
    """What ``ET.indent(case, level=2)`` does to a testcase, without the reference
    cycle each call of it leaves for the cyclic collector, paused while a run
    writes its report."""
    children = list(case)
    if children:
        case.text = "\n" + 3 * "  "
        for child in children:
            child.tail = "\n" + 3 * "  "
        children[-1].tail = "\n" + 2 * "  "


def _counts(element: ET.Element, name: str, tests: int, failures: int) -> None:
    element.set("name", _xml(name))
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")
    element.set("skipped", "0")


class _Cases:
    """Every testcase of a report, numbered in order, and which findings are its.

    A testcase is a post (every post the report lists, in order) or, for a finding
    about no single post, a rule; the suites are the files, in the order they come.
    A finding is kept as its line of the text report (and, when it fails its
    testcase, its rule and message) in a spill, known by its place in the report:
    the report's findings are read once, in order, and never held.
    """

    def __init__(self, report: Report) -> None:
        self.names: list[str] = []  # ordinal -> testcase name
        self.suites: dict[str, array[int]] = {}  # file -> ordinals of its testcases
        self.fails = bytearray()  # ordinal -> 1 when the testcase fails
        self._numbers: dict[str, dict[str, int]] = {}  # file -> name -> ordinal
        self._case_of = array("q")  # finding -> its testcase's ordinal
        self._failing = bytearray()  # finding -> 1 when it fails its testcase
        self._texts = TextSpill()  # finding -> its line, and "rule\0message" if failing
        for file, post_id in report.posts:
            self._number(file, post_id)
        self._read(report)
        if not self.names:
            self._number(report.target, "no findings")
        self._numbers.clear()
        self._starts, self._members = _grouped(self._case_of, len(self.names))

    def _number(self, file: str, name: str) -> int:
        numbers = self._numbers.get(file)
        if numbers is None:
            numbers = self._numbers[file] = {}
            self.suites[file] = array("q")
        number = numbers.get(name)
        if number is None:
            number = numbers[name] = len(self.names)
            self.names.append(name)
            self.suites[file].append(number)
            self.fails.append(0)
        return number

    def _read(self, report: Report) -> None:
        threshold = report.fail_on
        for finding in report.findings:
            loc = finding.location
            file = loc.file if loc is not None and loc.file else report.target
            number = self._number(file, finding.post_ids[0] if finding.post_ids else finding.rule)
            fails = (threshold is not None and not finding.waived
                     and finding.severity >= threshold and finding.rule not in NOTICES)
            self._case_of.append(number)
            self._failing.append(fails)
            self.fails[number] |= fails
            self._texts.append(line(finding),
                               f"{finding.rule}\0{finding.message}" if fails else "")

    def testcase(self, file: str, ordinal: int) -> ET.Element:
        case = ET.Element("testcase")
        case.set("name", _xml(self.names[ordinal]))
        case.set("classname", _xml(file))
        members = self._members[self._starts[ordinal]:self._starts[ordinal + 1]]
        failing = [m for m in members if self._failing[m]]
        if failing:
            rule, _, message = self._texts.get(failing[0], second=True).partition("\0")
            failure = ET.SubElement(case, "failure")
            failure.set("message", _xml(message))
            failure.set("type", rule)
            failure.text = self._lines(failing)
        passing = [m for m in members if not self._failing[m]]
        if passing:
            ET.SubElement(case, "system-out").text = self._lines(passing)
        return case

    def _lines(self, members: Iterable[int]) -> str:
        """The findings' text-report lines; a CR in a message becomes a line break, as
        an XML parser would make it anyway."""
        text = "\n".join(self._texts.get(m) for m in members)
        return _xml(text.replace("\r\n", "\n").replace("\r", "\n"))

    def close(self) -> None:
        self._texts.close()


def _grouped(case_of: array[int], cases: int) -> tuple[array[int], array[int]]:
    """The findings grouped by testcase, each testcase's in report order: those of
    testcase ``c`` are ``members[starts[c]:starts[c + 1]]`` (a counting sort)."""
    starts = array("q", bytes(8 * (cases + 1)))
    for case in case_of:
        starts[case + 1] += 1
    for case in range(cases):
        starts[case + 1] += starts[case]
    members = array("q", bytes(8 * len(case_of)))
    free = array("q", starts)
    for finding, case in enumerate(case_of):
        members[free[case]] = finding
        free[case] += 1
    return starts, members


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
