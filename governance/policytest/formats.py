"""A policy test run as text, JSON or JUnit XML; the same results always give the same bytes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from typing import Any

from governance import __version__
from governance.formatters.junit import _xml as xml_text
from governance.policytest.running import CaseResult

#: Bump on any incompatible change of the JSON form.
TEST_REPORT_VERSION = 1


def summary(results: Sequence[CaseResult], target: str) -> str:
    failed = sum(1 for r in results if not r.passed)
    cases = f"{len(results)} case{'' if len(results) == 1 else 's'}"
    return f"{target}: {cases}, {len(results) - failed} passed, {failed} failed"


def text(results: Sequence[CaseResult], target: str) -> str:
    lines = []
    for result in results:
        verdict = "PASS" if result.passed else "FAIL"
        lines.append(f"{verdict} {result.loaded.location}: {result.loaded.case.name}")
        lines.extend(f"  - {failure}" for failure in result.failures)
    lines.append(summary(results, target))
    return "\n".join(lines) + "\n"


def _case_dict(result: CaseResult) -> dict[str, Any]:
    where = result.loaded.location
    return {"name": result.loaded.case.name, "file": where.file, "line": where.line or None,
            "passed": result.passed, "failures": list(result.failures),
            "findings": result.findings}


def as_json(results: Sequence[CaseResult], target: str) -> str:
    failed = sum(1 for r in results if not r.passed)
    document = {
        "version": TEST_REPORT_VERSION,
        "tool": {"name": "governance", "version": __version__},
        "command": "test",
        "target": target,
        "summary": {"cases": len(results), "passed": len(results) - failed, "failed": failed},
        "cases": [_case_dict(r) for r in results],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def junit(results: Sequence[CaseResult], target: str) -> str:
    root = ET.Element("testsuites")
    _counts(root, f"governance test {target}", results)
    by_file: dict[str, list[CaseResult]] = {}
    for result in results:
        by_file.setdefault(result.loaded.location.file, []).append(result)
    for file, cases in by_file.items():
        suite = ET.SubElement(root, "testsuite")
        _counts(suite, file, cases)
        for result in cases:
            case = ET.SubElement(suite, "testcase")
            case.set("name", xml_text(result.loaded.case.name))
            case.set("classname", xml_text(file))
            if result.failures:
                failure = ET.SubElement(case, "failure")
                failure.set("message", xml_text(result.failures[0]))
                failure.text = xml_text("\n".join(result.failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") \
        + "\n"


def _counts(element: ET.Element, name: str, results: Sequence[CaseResult]) -> None:
    element.set("name", xml_text(name))
    element.set("tests", str(len(results)))
    element.set("failures", str(sum(1 for r in results if not r.passed)))
    element.set("errors", "0")
    element.set("skipped", "0")


TEST_FORMATS: dict[str, Callable[[Sequence[CaseResult], str], str]] = {
    "text": text, "json": as_json, "junit": junit}
