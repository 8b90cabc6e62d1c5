"""GitHub Actions workflow commands: one annotation per unwaived finding, escaped."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from formatter_samples import clean_report, sample_report

from governance.findings import Finding, Location, Severity
from governance.formatters import FORMATTERS, github


@pytest.mark.parametrize(("raw", "escaped"), [
    ("plain", "plain"),
    ("100%", "100%25"),
    ("a\nb", "a%0Ab"),
    ("a\r\nb", "a%0D%0Ab"),
    ("%0A", "%250A"),
    ("a:b, c", "a:b, c"),
])
def test_escape_data(raw: str, escaped: str) -> None:
    assert github.escape_data(raw) == escaped


@pytest.mark.parametrize(("raw", "escaped"), [
    ("plan.csv", "plan.csv"),
    ("C:/plans/a,b.csv", "C%3A/plans/a%2Cb.csv"),
    ("100%\n", "100%25%0A"),
    ("title::x", "title%3A%3Ax"),
])
def test_escape_property(raw: str, escaped: str) -> None:
    assert github.escape_property(raw) == escaped


@pytest.mark.parametrize(("finding", "line"), [
    (Finding("post.length", Severity.ERROR, "too long", Location("plan.csv", 12, 3)),
     "::error file=plan.csv,line=12,col=3,title=post.length::too long"),
    (Finding("post.length", Severity.WARNING, "too long", Location("plan.csv", 12, 0)),
     "::warning file=plan.csv,line=12,col=1,title=post.length::too long"),
    (Finding("nw.x", Severity.INFO, "a:b, 5%", Location("plan.xlsx", anchor="Plan!C7")),
     "::notice file=plan.xlsx,title=nw.x::Plan!C7: a:b, 5%25"),
    (Finding("lint.unknown-channel", Severity.ERROR, "bad", Location("a,b.csv")),
     "::error file=a%2Cb.csv,title=lint.unknown-channel::bad"),
    (Finding("policy.rule-example", Severity.ERROR, "two\nlines"),
     "::error title=policy.rule-example::two%0Alines"),
])
def test_command(finding: Finding, line: str) -> None:
    assert github.command(finding) == line


def test_waived_findings_are_not_annotated() -> None:
    lines = github.render(sample_report(), False).rstrip("\n").split("\n")
    assert not any("cadence.max-per-hour" in line for line in lines)
    assert lines[-1] == sample_report().summary()
    assert len(lines) == len([f for f in sample_report().findings if not f.waived]) + 1


def test_every_line_is_one_command() -> None:
    """The runner reads its commands line by line, a line ending at LF or CR."""
    for line in github.render(sample_report(), False).rstrip("\n").split("\n")[:-1]:
        assert line.startswith(("::error ", "::warning ", "::notice ")), line
        assert "\r" not in line


def test_golden(golden: Callable[[str, str], None]) -> None:
    golden("sample.github.txt", github.render(sample_report(), False))
    golden("clean.github.txt", github.render(clean_report(), False))


def test_registered() -> None:
    assert FORMATTERS["github"] is github.render
