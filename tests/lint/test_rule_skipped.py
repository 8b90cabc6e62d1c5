"""A rule whose input field the whole calendar lacks is skipped, said once as a notice
(``calendar.rule-skipped``) that never fails a run; an empty cell is still a finding."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from click.testing import CliRunner
from lint_helpers import run_lint, write_policy

from governance.cli import cli
from governance.findings import Finding
from governance.lint.columns import missing_required, required_fields

AUTHORS = "channels:\n  - {id: x-brand, authors: [smm-lead]}\n"
DECLARED = """
content:
  rules:
    - id: acme.link-https
      type: pattern
      message: Links use https.
      scope: link
      pattern: '^https://'
      mode: require
      severity: error
      examples:
        fail: [{link: "http://x.example"}]
        pass: [{link: "https://x.example"}]
"""


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_no_author_column_one_notice_instead_of_one_error_per_post(tmp_path: Path) -> None:
    posts = [{"id": f"p{i}", "text": "Hello"} for i in range(5)]
    findings = run_lint(tmp_path, AUTHORS, posts).report.findings
    assert by_rule(findings, "post.author-allowed") == []
    (notice,) = by_rule(findings, "calendar.rule-skipped")
    assert notice.message == ("post.author-allowed skipped: the calendar has no 'author' "
                              "column")
    assert notice.severity.label == "info" and notice.location is not None


def test_an_empty_author_on_one_post_is_still_a_finding_on_that_post(tmp_path: Path) -> None:
    posts: list[dict[str, Any]] = [{"id": "a", "author": "smm-lead"}, {"id": "b"}]
    findings = run_lint(tmp_path, AUTHORS, posts).report.findings
    assert [f.post_ids for f in by_rule(findings, "post.author-allowed")] == [("b",)]
    assert by_rule(findings, "calendar.rule-skipped") == []


def test_a_field_named_only_by_the_last_entry_keeps_the_findings(tmp_path: Path) -> None:
    posts: list[dict[str, Any]] = [{"id": "a"}, {"id": "b"}, {"id": "c", "author": "x"}]
    findings = run_lint(tmp_path, AUTHORS, posts).report.findings
    assert len(by_rule(findings, "post.author-allowed")) == 3


def test_a_declared_rule_on_an_absent_field_is_skipped(tmp_path: Path) -> None:
    findings = run_lint(tmp_path, DECLARED, [{"id": "a"}]).report.findings
    assert [f.message for f in by_rule(findings, "calendar.rule-skipped")] == [
        "acme.link-https skipped: the calendar has no 'link' column"]
    present = run_lint(tmp_path, DECLARED, [{"id": "a", "link": "http://a.example"}])
    assert len(by_rule(present.report.findings, "acme.link-https")) == 1


def test_a_skip_notice_never_fails_the_run(tmp_path: Path) -> None:
    policy = write_policy(tmp_path, AUTHORS)
    calendar = tmp_path / "plan.csv"
    calendar.write_text("publish_at,channel,text\n2026-03-02T10:00,x-brand,Hello\n",
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", str(calendar), "--policy", str(policy),
                                      "--fail-on", "info"])
    assert result.exit_code == 0, result.output
    assert "info: post.author-allowed skipped" in result.stdout


def test_only_publish_at_and_text_lint_the_example_policy_without_column_findings(
        tmp_path: Path) -> None:
    calendar = tmp_path / "plan.csv"
    calendar.write_text(
        "publish_at,text\n"
        "2026-12-01 10:00,Мы открыли новую кофейню! Приходите на дегустацию.\n"
        "2026-12-02 12:00,Какой кофе вы пьёте по утрам? Расскажите в комментариях.\n",
        encoding="utf-8")
    example = Path(__file__).parents[2] / "policies" / "example"
    result = CliRunner().invoke(cli, ["lint", str(calendar), "--policy", str(example),
                                      "--channel", "vk-community", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"post_ids": [' not in result.stdout.replace('"post_ids": []', "")


def test_a_required_declared_field_missing_from_the_calendar_is_one_error() -> None:
    fields = {"author": SimpleNamespace(required=True), "topic": SimpleNamespace(required=False)}
    policy: Any = SimpleNamespace(calendar=SimpleNamespace(fields=fields))
    assert required_fields(policy) == ["author"]
    (finding,) = missing_required(policy, {"id", "text"}, "plan.csv")
    assert finding.rule == "calendar.missing-column" and "'author'" in finding.message
    assert missing_required(policy, {"author"}, "plan.csv") == []
