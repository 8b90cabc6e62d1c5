"""Every id a finding can carry is listed by ``rules`` and explained by ``explain``.

Rules are documented by their modules; the findings about the input itself
(loading, reading, baselines, policy tests) by the catalogue's ``INPUT_IDS``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.cli import cli
from governance.commands.baseline import KNOWN
from governance.lint.baseline import BASELINE_STALE, BASELINE_UNREADABLE
from governance.lint.hooks import UNKNOWN_RULE
from governance.people import PEOPLE_FILE, PERSON_IS_ROLE
from governance.policytest.loading import TEST_FILE_PROBLEM
from governance.rules.catalogue import INPUT_IDS

BASE = Path(__file__).resolve().parents[1] / "policy_rules" / "base.yaml"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("rule_id", sorted(INPUT_IDS))
def test_explain_knows_every_input_id(rule_id: str) -> None:
    code, out, _ = invoke("explain", rule_id)
    assert code == 0
    assert out.startswith(f"{rule_id}: {INPUT_IDS[rule_id]}\n")
    assert "not switched off or waived" in out


def test_the_ids_of_the_new_inputs_are_catalogued() -> None:
    assert {BASELINE_STALE, BASELINE_UNREADABLE, UNKNOWN_RULE, PEOPLE_FILE, PERSON_IS_ROLE,
            TEST_FILE_PROBLEM} <= set(INPUT_IDS)
    assert KNOWN == "baselined"


def test_rules_lists_every_input_id_after_the_rules() -> None:
    code, out, _ = invoke("rules")
    assert code == 0
    section = out.split("FINDINGS ABOUT THE INPUT", 1)[1].splitlines()[1:-2]
    listed = {line.split()[0] for line in section}
    assert listed == set(INPUT_IDS)
    data = json.loads(invoke("rules", "--format", "json")[1])
    assert {item["id"] for item in data["input_ids"]} == set(INPUT_IDS)
    markdown = invoke("rules", "--format", "markdown")[1]
    assert all(f"| `{rule_id}` |" in markdown for rule_id in INPUT_IDS)


def test_a_typo_in_explain_suggests_input_ids_too() -> None:
    code, _, err = invoke("explain", "calendar.duplicat-id")
    assert code == 2 and "did you mean 'calendar.duplicate-id'" in err


def test_an_unknown_rule_setting_stops_lint_too(tmp_path: Path) -> None:
    root = tmp_path / "policy"
    root.mkdir()
    (root / "_extends.yaml").write_text(f"extends: {json.dumps(str(BASE))}\n", "utf-8")
    (root / "policy.yaml").write_text("rules:\n  post.lenght: warning\n", "utf-8")
    plan = tmp_path / "plan.csv"
    plan.write_text("id,publish_at,channel,text\np1,2026-03-02T10:00,vk-brand,Hi\n", "utf-8")
    code, out, _ = invoke("lint", str(plan), "--policy", str(root), "--no-color")
    assert code == 1
    assert (f"{root}/policy.yaml:2:3: error: unknown rule 'post.lenght' under rules "
            "(did you mean 'post.length'") in out
