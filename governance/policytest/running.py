"""Each case linted against the policy; its findings compared with what it expects."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from governance.findings import NOTICES, Finding
from governance.lint import LintOptions, lint
from governance.lint.run_options import UnreadableCalendarError
from governance.models.policy_tests import ExpectedFinding
from governance.policytest.loading import LoadedCase


class PolicyBrokenError(Exception):
    """The policy has errors of its own: no case can be judged."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("the policy has errors")
        self.findings = findings


@dataclass
class CaseResult:
    loaded: LoadedCase
    failures: list[str] = field(default_factory=list)
    findings: int = 0

    @property
    def passed(self) -> bool:
        return not self.failures


def run_cases(cases: Sequence[LoadedCase], policy: str, today: dt.date) -> list[CaseResult]:
    with tempfile.TemporaryDirectory(prefix="governance-test-") as scratch:
        return [_run(loaded, policy, today, Path(scratch) / f"case-{i}.yaml")
                for i, loaded in enumerate(cases)]


def _run(loaded: LoadedCase, policy: str, today: dt.date, scratch: Path) -> CaseResult:
    case = loaded.case
    if loaded.calendar is not None:
        calendar = loaded.calendar
    else:
        calendar = scratch
        text = yaml.safe_dump({"posts": loaded.posts}, allow_unicode=True, sort_keys=False)
        scratch.write_text(text, encoding="utf-8")
    options = LintOptions(calendars=[str(calendar)], policy=policy, today=case.today or today)
    try:
        result = lint(options)
    except UnreadableCalendarError as exc:
        return CaseResult(loaded, [f"the calendar cannot be read: {exc.message}"])
    if not result.linted:
        raise PolicyBrokenError(list(result.report.findings))
    findings = list(result.report.findings)
    failures = [*_missing(case.expect, findings), *_unwanted(case.expect_not, findings)]
    # Notices (a rule skipped for want of a column) say how the run went, not what it found.
    return CaseResult(loaded, failures, sum(1 for f in findings if f.rule not in NOTICES))


def matches(finding: Finding, expected: ExpectedFinding) -> bool:
    return (finding.rule == expected.rule
            and (expected.post is None or expected.post in finding.post_ids)
            and (expected.severity is None or finding.severity.label == expected.severity))


def describe(expected: ExpectedFinding) -> str:
    where = f" on {expected.post}" if expected.post else ""
    severity = f" ({expected.severity})" if expected.severity else ""
    return f"{expected.rule}{where}{severity}"


def _missing(expected: Iterable[ExpectedFinding], findings: list[Finding]) -> list[str]:
    failures = []
    for item in expected:
        if any(matches(f, item) for f in findings):
            continue
        same_rule = sorted({f"{', '.join(f.post_ids) or 'the calendar'} ({f.severity.label})"
                            for f in findings if f.rule == item.rule})
        seen = f"; {item.rule} found on: {'; '.join(same_rule)}" if same_rule else ""
        failures.append(f"expected {describe(item)}: not found{seen}")
    return failures


def _unwanted(forbidden: Iterable[ExpectedFinding], findings: list[Finding]) -> list[str]:
    failures = []
    for item in forbidden:
        for finding in findings:
            if matches(finding, item):
                posts = ", ".join(finding.post_ids) or "the calendar"
                failures.append(f"unexpected {finding.rule} on {posts} "
                                f"({finding.severity.label}): {finding.message}")
    return failures
