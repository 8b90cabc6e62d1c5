"""``.pre-commit-hooks.yaml``: the hooks a calendar repository installs, run as pre-commit would.

pre-commit calls ``entry`` with ``args`` and then, unless ``pass_filenames`` is
false, the staged files that ``files`` matches and ``exclude`` does not.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from governance.cli import cli

HOOKS_FILE = Path(__file__).parents[2] / ".pre-commit-hooks.yaml"
BASE = Path(__file__).parents[1] / "calendar_rules" / "base.yaml"
HOOKS = {hook["id"]: hook for hook in yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))}


def selected(hook: dict[str, Any], path: str) -> bool:
    exclude = hook.get("exclude")
    return bool(re.search(hook.get("files", ""), path)) and not (
        exclude and re.search(exclude, path))


def test_the_hooks_are_complete() -> None:
    assert set(HOOKS) == {"governance-check", "governance-lint"}
    for hook in HOOKS.values():
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        assert shlex.split(hook["entry"])[0] == "governance"


@pytest.mark.parametrize(("path", "check", "lint"), [
    ("policy/channels.yaml", True, False),
    ("policy/terms.csv", True, False),
    ("calendar/2026-03.csv", False, True),
    ("calendars/march.xlsx", False, True),
    ("content/2026/march.yaml", False, True),
    ("feeds/events-calendar.ics", False, True),
    ("Content-Calendar.jsonl", False, True),
    ("plans/march.xlsx", False, False),
    ("mkdocs.yml", False, False),
    ("renovate.json", False, False),
    ("docs/calendar-notes.md", False, False),
    (".pre-commit-config.yaml", False, False),
    (".github/workflows/lint.yml", False, False),
    ("README.md", False, False),
])
def test_which_files_each_hook_takes(path: str, check: bool, lint: bool) -> None:
    assert selected(HOOKS["governance-check"], path) is check
    assert selected(HOOKS["governance-lint"], path) is lint


def invoke(hook: dict[str, Any], files: list[str]) -> Any:
    command = shlex.split(hook["entry"])[1:] + list(hook.get("args", []))
    if hook.get("pass_filenames", True):
        command += files
    return CliRunner().invoke(cli, command)


def test_the_hooks_run_in_a_calendar_repository(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("policy").mkdir()
    Path("policy/policy.yaml").write_text(BASE.read_text(encoding="utf-8"), encoding="utf-8")
    Path("plan.csv").write_text(
        "id,publish_at,channel,text\n"
        "p1,2026-03-02T10:00:00+00:00,x-brand,Our spring blend is here.\n", encoding="utf-8")
    check = invoke(HOOKS["governance-check"], ["policy/policy.yaml"])
    assert "policy" in check.output and check.exit_code in (0, 1)
    lint = invoke(HOOKS["governance-lint"], ["plan.csv"])
    assert lint.exit_code == 0, lint.output
    Path("bad.csv").write_text(
        "id,publish_at,channel,text\np1,2026-03-02T10:00:00+00:00,myspace,Hello.\n",
        encoding="utf-8")
    failing = invoke(HOOKS["governance-lint"], ["plan.csv", "bad.csv"])
    assert failing.exit_code == 1 and "lint.unknown-channel" in failing.output
