"""Builds HTML reports for the tests: the shipped example, or a policy snippet with posts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from governance.cli import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_POLICY = ROOT / "policies" / "example"
EXAMPLE_CALENDAR = EXAMPLE_POLICY / "calendar" / "calendar.csv"
BASE_POLICY = ROOT / "tests" / "lint" / "base.yaml"
TODAY = dt.date(2026, 11, 23)


def lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", *args, "--today", TODAY.isoformat()])
    return result.exit_code, result.stdout, result.stderr


def example_report(out: Path, *extra: str) -> str:
    """The example calendar's page, written to ``out``; returns its text."""
    code, _, err = lint(str(EXAMPLE_CALENDAR), "--policy", str(EXAMPLE_POLICY),
                        "--format", "html", "--output", str(out), *extra)
    assert (code, err) == (1, ""), err
    return out.read_text(encoding="utf-8")


def write_policy(root: Path, snippet: str = "{}\n") -> Path:
    """A policy extending the lint tests' base policy (channel x-brand, timezone UTC)."""
    policy = root / "policy"
    policy.mkdir(parents=True, exist_ok=True)
    (policy / "_extends.yaml").write_text(f"extends: {json.dumps(str(BASE_POLICY))}\n",
                                          encoding="utf-8")
    (policy / "policy.yaml").write_text(snippet, encoding="utf-8")
    return policy


def write_calendar(root: Path, posts: list[dict[str, Any]]) -> Path:
    filled = [{"publish_at": "2026-03-02T10:00:00+00:00", "channel": "x-brand", **post}
              for post in posts]
    path = root / "calendar.yaml"
    path.write_text(yaml.safe_dump({"posts": filled}, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def report_of(root: Path, posts: list[dict[str, Any]], snippet: str = "{}\n",
              *extra: str) -> str:
    out = root / "plan.html"
    code, _, err = lint(str(write_calendar(root, posts)), "--policy",
                        str(write_policy(root, snippet)), "--format", "html",
                        "--output", str(out), *extra)
    assert code in (0, 1) and err == "", err
    return out.read_text(encoding="utf-8")
