"""The policies the project ships check clean, and the example calendar is what its README says.

The example policy is the one users copy first: any finding on it, even a
warning, teaches them to ignore findings. The packs are extended by that
example and by users' policies, so each must load and check clean on its own.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.cli import cli
from governance.models.post import DEFAULT_COLUMNS, OPTIONAL_COLUMNS
from governance.resources import shipped_packs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "policies" / "example"
PACKS = ROOT / "policies" / "packs"
CALENDAR = EXAMPLE / "calendar" / "calendar.csv"
CALENDAR_README = EXAMPLE / "calendar" / "README.md"
#: A day inside the example calendar's three weeks, so the example's waiver is
#: judged as it would be while that calendar is planned, whatever today is.
TODAY = "2026-12-01"
#: Table rows of the README: ``| `post-id` | problem | `rule-id`, `rule-id` |``.
_README_ROW = re.compile(r"^\| `([a-z0-9-]+)` \|.*\| ((?:`[a-z0-9.-]+`(?:, )?)+) \|$",
                         re.MULTILINE)


def check(path: Path) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(cli, ["check", str(path), "--format", "json", "--today", TODAY])
    return result.exit_code, json.loads(result.output)


def test_the_example_checks_clean() -> None:
    code, report = check(EXAMPLE)
    assert report["findings"] == []
    assert code == 0


def test_the_example_extends_the_packs_from_one_file() -> None:
    holders = [p.name for p in EXAMPLE.glob("*.yaml")
               if re.search(r"^extends:", p.read_text(encoding="utf-8"), re.MULTILINE)]
    assert holders == ["organisation.yaml"]
    extends = (EXAMPLE / "organisation.yaml").read_text(encoding="utf-8")
    for pack in ("network-limits", "ftc-disclosure", "ru-advertising"):
        assert re.search(rf"^  - {pack}\b", extends, re.MULTILINE)


def test_the_packs_are_shipped() -> None:
    assert set(shipped_packs()) >= {"network-limits", "ftc-disclosure", "ru-advertising"}


@pytest.mark.parametrize("pack", shipped_packs())
def test_every_pack_checks_clean(pack: str) -> None:
    code, report = check(PACKS / pack)
    assert report["findings"] == []
    assert code == 0


@pytest.mark.parametrize("pack", shipped_packs())
def test_every_pack_is_a_pack_not_an_organisation(pack: str) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((PACKS / pack).glob("*.yaml")))
    assert re.search(rf"^pack:\n  name: {re.escape(pack)}$", text, re.MULTILINE)
    assert not re.search(r"^organisation:", text, re.MULTILINE)


def test_every_network_limit_says_where_it_comes_from() -> None:
    text = (PACKS / "network-limits" / "networks.yaml").read_text(encoding="utf-8")
    networks = re.findall(r"^  ([a-z]+):$", text, re.MULTILINE)
    sources = re.findall(r"^    source: >-$", text, re.MULTILINE)
    assert len(networks) >= 12
    assert len(sources) == len(networks)


def _calendar_rows() -> tuple[list[str], list[dict[str, str]]]:
    with CALENDAR.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def test_the_calendar_has_the_default_columns_in_order_then_the_declared_ones() -> None:
    header, _ = _calendar_rows()
    assert tuple(header) == DEFAULT_COLUMNS + OPTIONAL_COLUMNS + ("rights",)


def test_the_calendar_has_the_posts_its_readme_counts() -> None:
    _, rows = _calendar_rows()
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)) == 43
    assert "plans 43 posts" in CALENDAR_README.read_text(encoding="utf-8")
    assert [row["publish_at"] for row in rows] == sorted(row["publish_at"] for row in rows)


def _readme_findings() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(post, rule) pairs of the README's two tables: the problems, then the waived."""
    problems, _, waived = CALENDAR_README.read_text(encoding="utf-8").partition(
        "Waived on purpose")

    def pairs(table: str) -> set[tuple[str, str]]:
        return {(post, rule) for post, rules in _README_ROW.findall(table)
                for rule in re.findall(r"`([^`]+)`", rules)}

    return pairs(problems), pairs(waived)


def test_every_post_in_the_readme_is_in_the_calendar() -> None:
    _, rows = _calendar_rows()
    problems, waived = _readme_findings()
    assert len(problems) == 11 and len(waived) == 2
    assert {post for post, _ in problems | waived} <= {row["id"] for row in rows}


def test_lint_finds_exactly_the_problems_the_readme_lists() -> None:
    result = CliRunner().invoke(cli, ["lint", str(CALENDAR), "--policy", str(EXAMPLE),
                                      "--format", "json", "--today", TODAY])
    report = json.loads(result.output)
    found = {(f["post_ids"][0], f["rule"]) for f in report["findings"] if not f["waived"]}
    waived = {(f["post_ids"][0], f["rule"]) for f in report["findings"] if f["waived"]}
    expected_problems, expected_waived = _readme_findings()
    assert found == expected_problems
    assert waived == expected_waived
    assert report["summary"]["checked"]["posts"] == 43
    assert result.exit_code == 1  # the deliberate problems include errors


def test_the_calendar_uses_the_policys_channels_and_one_post_waiver() -> None:
    _, rows = _calendar_rows()
    channels = set(re.findall(r"^  - id: ([a-z0-9-]+)$",
                              (EXAMPLE / "channels.yaml").read_text(encoding="utf-8"),
                              re.MULTILINE))
    assert {row["channel"] for row in rows} == channels
    waived = {row["id"]: row["waive"] for row in rows if row["waive"]}
    assert list(waived) == ["vk-15"]
    assert waived["vk-15"].startswith("post.posting-hours: ")
