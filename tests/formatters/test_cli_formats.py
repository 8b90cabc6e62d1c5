"""``governance lint --format sarif|junit|github|json`` end to end, on a calendar rule's finding."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from governance.cli import cli
from governance.formatters.report_model import ReportDocument

BASE = Path(__file__).parents[1] / "calendar_rules" / "base.yaml"
SARIF = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0-subset.schema.json")
                   .read_text(encoding="utf-8"))
POSTS = [{"id": f"p{n}", "publish_at": f"2026-03-0{n + 1}T10:00:00+00:00", "channel": "x-brand",
          "kind": "promo" if n <= 3 else "news", "text": f"Post number {n}"} for n in range(1, 8)]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    policy = tmp_path / "policy"
    policy.mkdir()
    (policy / "base.yaml").write_text(BASE.read_text(encoding="utf-8"), encoding="utf-8")
    (policy / "content.yaml").write_text(
        "content:\n  promo_share: {max_percent: 25, window_days: 7, min_posts: 4}\n",
        encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(yaml.safe_dump({"posts": POSTS}), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(*formats: str) -> list[str]:
    args = ["lint", "plan.yaml", "--policy", "policy", "--today", "2026-03-01"]
    for name in formats:
        args += ["--format", name, "--output", f"report.{name}"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output  # warnings only
    return [Path(f"report.{name}").read_text(encoding="utf-8") for name in formats]


def test_every_format_carries_the_calendar_finding(project: Path) -> None:
    sarif_text, junit_text, github_text, json_text = lint("sarif", "junit", "github", "json")

    log = json.loads(sarif_text)
    assert not list(jsonschema.Draft7Validator(SARIF).iter_errors(log))
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "content.promo-share" and result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plan.yaml"
    assert result["properties"] == {"postIds": ["p1", "p2", "p3"], "channel": "x-brand"}

    root = ET.fromstring(junit_text)
    # One test case per post, passing ones too; a warning does not fail this run.
    assert root.get("tests") == "7" and root.get("failures") == "0"
    case = root.find("testsuite/testcase")
    assert case is not None and case.get("name") == "p1"
    assert "content.promo-share" in (case.findtext("system-out") or "")

    first = github_text.splitlines()[0]
    assert first.startswith("::warning file=plan.yaml,line=")
    assert "title=content.promo-share::channel 'x-brand', 2026-03-02..2026-03-08" in first

    report = json.loads(json_text)
    ReportDocument.model_validate(report)
    finding = report["findings"][0]
    assert finding["post_ids"] == ["p1", "p2", "p3"] and finding["channel"] == "x-brand"


def test_junit_fails_a_post_at_the_runs_fail_on(project: Path) -> None:
    result = CliRunner().invoke(cli, ["lint", "plan.yaml", "--policy", "policy", "--today",
                                      "2026-03-01", "--format", "junit", "--fail-on", "warning"])
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert root.get("tests") == "7" and root.get("failures") == "1"


def test_the_same_run_gives_the_same_bytes(project: Path) -> None:
    assert lint("sarif", "junit", "github") == lint("sarif", "junit", "github")
