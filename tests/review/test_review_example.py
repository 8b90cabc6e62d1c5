"""The example's quarter: each month's review reproduces the findings its README documents."""

from __future__ import annotations

import filecmp
import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.cli import cli
from governance.findings import NOTICES

EXAMPLE = Path(__file__).resolve().parents[2] / "policies" / "example"
DATA = EXAMPLE / "review"
#: Each month's findings as review/README.md lists them: (rule, KPI or channel or message).
DOCUMENTED = {
    "2026-10": {("review.kpi-missed", "tg-followers-double")},
    "2026-11": {("review.kpi-missed", "tg-followers-double"),
                ("review.kpi-at-risk", "shop-clicks")},
    "2026-12": {("review.kpi-missed", "tg-followers-double"), ("review.kpi-missed", "reposts"),
                ("review.kpi-missed", "answered-comments"),
                ("review.kpi-missed", "first-response-time"),
                ("review.response-sla", "tg-support"),
                ("review.escalation-late", "tg-support-202612-008"),
                ("review.unanswered", "vk-community"),
                ("cadence.min-per-week", "tg-careers"), ("cadence.silence", "tg-careers"),
                ("cadence.silence", "vk-community"), ("cadence.min-per-week", "vk-community"),
                ("nw.opening-announcements", "vk-community")},
}


def review(period: str, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [
        "review", "--policy", str(EXAMPLE), "--period", period,
        "--metrics", str(DATA / "metrics.csv"), "--inbox", str(DATA / "inbox.csv"),
        "--calendar", str(DATA / "published.csv"), "--today", "2026-12-04", *extra])
    return result.exit_code, result.stdout


def subject(finding: dict) -> str:  # type: ignore[type-arg]
    message: str = finding["message"]
    if finding["rule"].startswith("review.kpi-"):
        return message.split()[1]
    if finding["rule"] == "review.escalation-late":
        return message.split()[1]
    return finding["channel"] or message.split("'")[1]


@pytest.mark.parametrize("period", sorted(DOCUMENTED))
def test_each_month_reproduces_its_documented_findings(period: str) -> None:
    code, out = review(period, "--format", "json")
    report = json.loads(out)
    assert report["command"] == "review"
    # Notices (a rule skipped for a column the export lacks) say how the content
    # was judged; they are not findings of the month.
    found = {(f["rule"], subject(f)) for f in report["findings"] if f["rule"] not in NOTICES}
    assert found == DOCUMENTED[period]
    assert code == 1


def test_december_tables_in_json() -> None:
    report = json.loads(review("2026-12", "--format", "json")[1])
    kpis = {k["kpi"]: k for k in report["meta"]["kpis"]}
    assert (kpis["reposts"]["actual"], kpis["reposts"]["status"]) == (310, "missed")
    assert (kpis["shop-clicks"]["period"], kpis["shop-clicks"]["status"]) == (
        ["2026-10-01", "2026-12-31"], "met")
    support = next(r for r in report["meta"]["responses"] if r["channel"] == "tg-support")
    assert (support["received"], support["within_target"]) == (80, 64)


def test_text_markdown_and_html_in_the_policys_language() -> None:
    text = review("2026-12")[1]
    assert "Ежемесячный обзор 2026-12" in text and "не выполнен" in text
    english = review("2026-12", "--lang", "en")[1]
    assert "Monthly review 2026-12" in english and "missed" in english
    markdown = review("2026-12", "--format", "markdown", "--lang", "en")[1]
    assert "| reposts | smm-lead |" in markdown
    assert "### governance review:" in markdown
    page = review("2026-12", "--format", "html")[1]
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert "<td>tg-support</td>" in page


def test_the_report_is_the_same_every_run() -> None:
    assert review("2026-12", "--format", "json") == review("2026-12", "--format", "json")


def test_a_waiver_targets_a_kpi(tmp_path: Path) -> None:
    import shutil

    policy = tmp_path / "policy"
    shutil.copytree(EXAMPLE, policy, ignore=shutil.ignore_patterns("tests", "calendar", "review"))
    waivers = policy / "waivers.yaml"
    waivers.write_text(waivers.read_text(encoding="utf-8") + (
        "  - rule: review.kpi-missed\n    target: {kpi: tg-followers-double}\n"
        "    reason: The doubling target was for the launch month only.\n"
        "    approved_by: marketing-director\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["review", "--policy", str(policy), "--period", "2026-10",
                                      "--metrics", str(DATA / "metrics.csv"), "--format", "json"])
    report = json.loads(result.stdout)
    [finding] = report["findings"]
    assert finding["waived"] and "launch month" in finding["waived_by"]
    assert result.exit_code == 0
    checked = CliRunner().invoke(cli, ["check", str(policy), "--today", "2026-12-04"])
    assert "unknown rule" not in checked.stdout and checked.exit_code == 0


@pytest.mark.parametrize(("args", "expected"), [
    (["--period", "2026-13"], "governance: error: --period '2026-13': expected a month"),
    (["--period", "2026-12", "--metrics", "nope.csv"], "nope.csv: error: no such file "
                                                       "(review.unreadable)"),
    (["--period", "2026-12", "--format", "sarif"], "governance: error: unknown format 'sarif'"),
])
def test_bad_input_is_one_line_and_exit_2(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(cli, ["review", "--policy", str(EXAMPLE), *args])
    assert result.exit_code == 2
    assert result.stderr.strip() == expected or result.stderr.startswith(expected)
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate", DATA / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    names = ["metrics.csv", "inbox.csv", "published.csv"]
    assert filecmp.cmpfiles(tmp_path, DATA, names, shallow=False)[0] == names
