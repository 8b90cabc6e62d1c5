"""``governance lint`` on the shipped example: the calendar's deliberate problems are found.

``policies/example/calendar/README.md`` lists one deliberate problem per row and
the rule that should find it; the test holds the report to that table, and the
whole text report to ``tests/golden/lint/example.txt`` (rewrite it with
``pytest tests/lint --update-goldens`` after a deliberate change, and review the
diff).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.cli import cli
from governance.lint import LintOptions, lint
from governance.report import Report

REPO = Path(__file__).resolve().parents[2]
CALENDAR = "policies/example/calendar/calendar.csv"
POLICY = "policies/example"
GOLDEN = REPO / "tests" / "golden" / "lint" / "example.txt"
TODAY = dt.date(2026, 11, 23)

#: (post, rule) for every deliberate problem the calendar's README lists.
DELIBERATE = [
    ("vk-05", "nw.preferred-terms"),
    ("tg-04", "tone.officialese"),
    ("vk-06", "tone.third-person"),
    ("vk-07", "disclosure.ru-advertising"),
    ("vk-09", "approvals.required"),
    ("tg-08", "post.blackout"),
    ("hr-03", "post.personal-data"),
    ("x-04", "post.length"),
    ("vk-12", "post.posting-hours"),
    ("vk-13", "approvals.required"),
    ("vk-08", "nw.image-rights"),
]
WAIVED = [("vk-15", "post.posting-hours"), ("x-01", "nw.event-share")]
CLEAN = ["tg-10", "care-03", "care-04", "vk-03"]


@pytest.fixture(scope="module")
def report() -> Report:
    # Paths in the report are as the user typed them: run from the repository root.
    here = Path.cwd()
    try:
        os.chdir(REPO)
        return lint(LintOptions([CALENDAR], POLICY, today=TODAY)).report
    finally:
        os.chdir(here)


@pytest.mark.parametrize(("post", "rule"), DELIBERATE)
def test_each_deliberate_problem_is_found(report: Report, post: str, rule: str) -> None:
    found = [f for f in report.findings if f.rule == rule and f.post_ids[:1] == (post,)]
    assert found and not any(f.waived for f in found), \
        [(f.rule, f.post_ids, f.message) for f in report.findings if post in f.post_ids]


@pytest.mark.parametrize(("post", "rule"), WAIVED)
def test_the_waived_problems_are_shown_as_waived(report: Report, post: str, rule: str) -> None:
    found = [f for f in report.findings if f.rule == rule and f.post_ids[:1] == (post,)]
    assert found and all(f.waived for f in found)


@pytest.mark.parametrize("post", CLEAN)
def test_the_clean_counterparts_are_clean(report: Report, post: str) -> None:
    assert [(f.rule, f.message) for f in report.findings
            if post in f.post_ids and not f.waived] == []


def test_the_text_report_matches_its_golden_file(
        update_goldens: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, ["lint", CALENDAR, "--policy", POLICY,
                                      "--today", TODAY.isoformat()])
    assert result.exit_code == 1, result.output
    if update_goldens:
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")
