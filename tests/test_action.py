"""The GitHub Action (``action.yml``): its structure, its inputs, and its commands, run here.

Without network the action itself cannot run, so this test reads its steps,
takes each ``governance ...`` command line out of them with the inputs filled
in as the repository's own workflow fills them, and runs those very commands
on the example policy: what CI runs is what the tests run.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from governance.cli import cli

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "governance.yml")
                          .read_text(encoding="utf-8"))
INPUTS = {"policy", "calendars", "fail-on", "python-version", "sarif-file", "upload-sarif"}
_INPUT_REF = re.compile(r"\$\{\{\s*inputs\.([a-z-]+)\s*\}\}")
_STEP_OUTPUT_REF = re.compile(r"\$\{\{\s*steps\.([a-z]+)\.outputs\.exit-code\s*\}\}")


def steps() -> list[dict[str, Any]]:
    return list(ACTION["runs"]["steps"])


def the_step(step_id: str) -> dict[str, Any]:
    return next(s for s in steps() if s.get("id") == step_id)


def test_the_action_is_composite_with_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert ACTION["name"] and ACTION["description"]
    assert set(ACTION["inputs"]) == INPUTS
    for name, spec in ACTION["inputs"].items():
        assert spec["description"].strip(), name
        assert "default" in spec and spec["required"] is False, name
    assert ACTION["inputs"]["fail-on"]["default"] == "error"
    assert ACTION["inputs"]["policy"]["default"] == "policy"


def test_every_step_is_named_and_every_input_reference_exists() -> None:
    referenced = set()
    for step in steps():
        assert step.get("name"), step
        assert ("run" in step) != ("uses" in step), step["name"]
        if "run" in step:
            assert step["shell"] == "bash", step["name"]
        text = yaml.safe_dump(step)
        referenced |= set(re.findall(r"inputs\.([a-z-]+)", text))
        for step_id in _STEP_OUTPUT_REF.findall(text):
            assert the_step(step_id), step_id
    assert referenced == INPUTS


def test_the_steps_install_check_test_lint_upload_and_fail_in_that_order() -> None:
    names = [s["name"] for s in steps()]
    assert names == ["Set up Python", "Install governance", "Check the policy",
                     "Run the policy's own tests", "Lint the calendars",
                     "Upload SARIF to code scanning", "Fail when a step found problems"]
    uses = {s["name"]: s["uses"] for s in steps() if "uses" in s}
    assert uses == {"Set up Python": "actions/setup-python@v5",
                    "Upload SARIF to code scanning": "github/codeql-action/upload-sarif@v3"}
    upload = steps()[5]
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert upload["if"].startswith("always()")
    assert 'pip install' in steps()[1]["run"] and '"$GITHUB_ACTION_PATH"' in steps()[1]["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in the_step("lint")["run"]


def test_the_workflow_runs_the_action_on_the_example() -> None:
    job = WORKFLOW["jobs"]["example"]
    action_steps = [s for s in job["steps"] if s.get("uses") == "./"]
    assert len(action_steps) == 1
    given = action_steps[0]["with"]
    assert set(given) <= INPUTS
    assert (ROOT / given["policy"]).is_dir()
    for calendar in given["calendars"].split():
        assert (ROOT / calendar).is_file()
    assert WORKFLOW["permissions"]["security-events"] == "write"


def commands(step: dict[str, Any], inputs: dict[str, str]) -> list[list[str]]:
    """The ``governance`` command lines of a step, with its env filled from ``inputs``."""
    env = {name: _INPUT_REF.sub(lambda m: inputs[m.group(1)], value)
           for name, value in step.get("env", {}).items()}
    found = []
    for raw in step["run"].splitlines():
        line = raw.strip()
        if not line.startswith("governance "):
            continue
        for name, value in env.items():
            line = line.replace(f'"${name}"', shlex.quote(value)).replace(f"${name}", value)
        found.append(shlex.split(line)[1:])
    return found


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    shutil.copytree(ROOT / "policies" / "example", tmp_path / "policies" / "example")
    monkeypatch.chdir(tmp_path)
    given = WORKFLOW["jobs"]["example"]["steps"][-1]["with"]
    return {name: str(given.get(name, spec["default"]))
            for name, spec in ACTION["inputs"].items()}


def test_the_check_step_runs_clean_on_the_example(workspace: dict[str, str]) -> None:
    (argv,) = commands(the_step("check"), workspace)
    assert argv == ["check", "policies/example", "--format", "github"]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 0, result.output
    assert "::error" not in result.stdout


def test_the_test_step_passes_the_examples_own_tests(workspace: dict[str, str]) -> None:
    (argv,) = commands(the_step("test"), workspace)
    assert argv == ["test", "policies/example"]
    result = CliRunner().invoke(cli, [*argv, "--today", "2026-11-23"])
    assert result.exit_code == 0, result.output


def test_the_lint_step_writes_annotations_sarif_and_the_summary(
        workspace: dict[str, str]) -> None:
    (argv,) = commands(the_step("lint"), workspace)
    assert argv[:4] == ["lint", "policies/example/calendar/calendar.csv", "--policy",
                        "policies/example"]
    result = CliRunner().invoke(cli, [*argv, "--today", "2026-11-23"])
    assert result.exit_code == 0  # fail-on never, as the workflow asks
    annotations = result.stdout.splitlines()
    assert annotations and all(a.startswith("::") for a in annotations[:-1])
    assert any(a.startswith("::error file=policies/example/calendar/calendar.csv,line=")
               for a in annotations)
    sarif = json.loads(Path(workspace["sarif-file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    errors = sum(1 for a in annotations if a.startswith("::error "))
    results = sarif["runs"][0]["results"]
    assert sum(1 for r in results if r["level"] == "error" and not r.get("suppressions")) \
        == errors
    summary = Path("governance-summary.md").read_text(encoding="utf-8")
    assert "| errors | warnings | infos | waived | checked |" in summary
    assert f"| {errors} | " in summary


def test_the_lint_step_fails_the_job_with_the_default_fail_on(
        workspace: dict[str, str]) -> None:
    (argv,) = commands(the_step("lint"), {**workspace, "fail-on": "error"})
    assert CliRunner().invoke(cli, [*argv, "--today", "2026-11-23"]).exit_code == 1
