"""The CLI contract of ``governance check``: exit codes, formats, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.cli import cli

CLEAN = """\
organisation:
  name: Test
  policy_version: "1"
  effective_date: 2026-01-01
roles:
  - {id: boss, title: Boss, executive: true}
  - {id: smm, title: SMM}
workflow:
  activities:
    - id: plan
      name: Plan
      raci: {boss: A, smm: R}
"""


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_a_broken_policy_exits_1_with_one_line_per_problem(tmp_path: Path) -> None:
    path = write(tmp_path, CLEAN.replace("boss: A, smm: R", "boss: A, smm: A"))
    code, output = run("check", path, "--today", "2026-11-23")
    assert code == 1
    assert f"{path}:12:23: error: activity 'plan' has 2 Accountable roles" in output
    assert output.rstrip().splitlines()[-1].startswith(f"{path}: 2 errors")  # and no R


def test_a_missing_policy_is_a_usage_error() -> None:
    code, output = run("check", "does/not/exist")
    assert code == 2
    assert output == "governance: error: does/not/exist: no such file or directory\n"


def test_an_unknown_option_value_is_a_usage_error(tmp_path: Path) -> None:
    code, _ = run("check", write(tmp_path, CLEAN), "--fail-on", "sometimes")
    assert code == 2


def test_fail_on_sets_the_threshold(tmp_path: Path) -> None:
    # An unused role is a warning-level finding at most; errors are absent.
    path = write(tmp_path, CLEAN)
    assert run("check", path, "--fail-on", "error")[0] == 0


def test_json_report_is_versioned_and_lists_findings(tmp_path: Path) -> None:
    path = write(tmp_path, CLEAN.replace("name: Plan", "name: Plan\n      colour: red"))
    code, output = run("check", path, "--format", "json")
    report = json.loads(output)
    assert code == 1
    assert report["version"] == 1 and report["command"] == "check"
    [finding] = report["findings"]
    assert finding["rule"] == "schema.unknown-key"
    assert (finding["line"], finding["column"]) == (12, 7)


@pytest.mark.parametrize("text", ["", "- a list\n", "organisation: [\n", "\x00\x01binary"])
def test_garbage_never_ends_in_a_traceback(tmp_path: Path, text: str) -> None:
    code, output = run("check", write(tmp_path, text))
    assert code == 1
    assert "Traceback" not in output


def test_check_offers_every_report_format() -> None:
    from governance.cli import check
    from governance.formatters import FORMATTERS

    option = next(p for p in check.params if p.name == "formats")
    assert set(option.type.choices) == set(FORMATTERS)  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github"])
def test_check_writes_the_machine_formats(tmp_path: Path, fmt: str) -> None:
    path = write(tmp_path, CLEAN.replace("boss: A, smm: R", "boss: A, smm: A"))
    code, output = run("check", path, "--format", fmt)
    assert code == 1
    assert "raci.one-accountable" in output
