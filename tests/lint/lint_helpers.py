"""Runs ``governance lint`` end to end on a policy snippet and a list of posts.

The snippet is written beside an ``extends`` of ``base.yaml`` (so merging by id,
``key+`` and ``key-`` work as in real policies), the posts as a YAML calendar;
findings come back as ``"<post id> <severity>: <message>"`` (``waived`` for a
waived finding; ``-`` for a finding about no single post).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from governance.findings import Finding
from governance.lint import LintOptions, LintResult, lint

BASE = Path(__file__).parent / "base.yaml"
TODAY = dt.date(2026, 11, 23)
#: A Monday, mid-morning: inside any sensible posting hours.
DEFAULT_TIME = "2026-03-02T10:00:00+00:00"


def write_policy(root: Path, snippet: str) -> Path:
    policy = root / "policy"
    policy.mkdir(parents=True, exist_ok=True)
    (policy / "_extends.yaml").write_text(f"extends: {json.dumps(str(BASE))}\n",
                                          encoding="utf-8")
    (policy / "policy.yaml").write_text(snippet or "{}\n", encoding="utf-8")
    return policy


def write_calendar(root: Path, posts: list[dict[str, Any]], name: str = "calendar.yaml") -> Path:
    filled = [{"publish_at": DEFAULT_TIME, "channel": "x-brand", **post} for post in posts]
    path = root / name
    path.write_text(yaml.safe_dump({"posts": filled}, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def run_lint(root: Path, snippet: str, posts: list[dict[str, Any]],
             today: dt.date = TODAY) -> LintResult:
    policy = write_policy(root, snippet)
    calendar = write_calendar(root, posts)
    return lint(LintOptions(calendars=[str(calendar)], policy=str(policy), today=today))


def rendered(finding: Finding) -> str:
    label = "waived" if finding.waived else finding.severity.label
    who = finding.post_ids[0] if len(finding.post_ids) == 1 else "-"
    return f"{who} {label}: {finding.message}"


def matches(expected: str, actual: str) -> bool:
    """``"<where> <label>: <part>"`` matches a finding at ``where`` with ``label`` whose
    message holds ``part``."""
    where, _, text = expected.partition(" ")
    found_where, _, found_text = actual.partition(" ")
    label, _, part = text.partition(": ")
    found_label, _, found_message = found_text.partition(": ")
    return where == found_where and label == found_label and part in found_message
