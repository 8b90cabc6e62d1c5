"""Runs calendar rules on a policy snippet over ``base.yaml`` and a compact list of posts.

Posts are mappings with the fields of a calendar row (``publish_at`` without an
offset is read in the policy's timezone; ``channel`` defaults to ``x-brand``),
or a *series*: ``{series: a, count: 5, start: 2026-03-02T10:00, every: 1d,
...fields}`` expands to posts ``a1``..``a5`` one ``every`` (``30m``, ``2h``,
``1d``) apart, ``{n}`` in their text replaced by the number.

A finding renders as ``"<first post> <severity>: <message>"`` (``-`` when it
names no post); an expectation ``"p1 warning: part"`` matches a finding at
``p1`` with that severity whose message holds ``part``. An expectation may
also be a mapping ``{finding: "...", posts: [...], channel: ...}`` that names
every post of the finding and its channel.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from governance.findings import Location
from governance.loader import load_policy
from governance.models.policy import Policy
from governance.models.post import Post
from governance.rules.base import LintContext, Problem, Rule
from governance.rules.severity import effective_severity

BASE = Path(__file__).parent / "base.yaml"
TODAY = dt.date(2026, 11, 23)
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def load(root: Path, snippet: str) -> Policy:
    root.mkdir(parents=True, exist_ok=True)
    (root / "_extends.yaml").write_text(f"extends: {json.dumps(str(BASE))}\n", encoding="utf-8")
    (root / "policy.yaml").write_text(snippet or "{}\n", encoding="utf-8")
    result = load_policy(root)
    assert result.policy is not None and not result.findings, \
        [f"{f.location}: {f.message}" for f in result.findings]
    return result.policy.policy


def context(policy: Policy) -> LintContext:
    zone = ZoneInfo(policy.organisation.timezone if policy.organisation else "UTC")
    return LintContext(policy, TODAY, zone, channels={c.id: c for c in policy.channels})


def expand(entries: list[dict[str, Any]]) -> list[Post]:
    rows: list[dict[str, Any]] = []
    for entry in entries:
        rows.extend(_series(entry) if "series" in entry else [entry])
    return [_post(row, line) for line, row in enumerate(rows, 1)]


def _series(entry: dict[str, Any]) -> Iterator[dict[str, Any]]:
    fields = {k: v for k, v in entry.items() if k not in {"series", "count", "start", "every"}}
    amount, unit = int(str(entry["every"])[:-1]), _UNITS[str(entry["every"])[-1]]
    step = dt.timedelta(**{unit: amount})
    start = _moment(entry["start"])
    for n in range(1, entry["count"] + 1):
        row = {**fields, "id": f"{entry['series']}{n}", "publish_at": start + step * (n - 1)}
        if "text" in row:
            row["text"] = str(row["text"]).replace("{n}", str(n))
        yield row


def _moment(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _post(row: dict[str, Any], line: int) -> Post:
    return Post(id=str(row["id"]), publish_at=_moment(row["publish_at"]),
                channel=row.get("channel", "x-brand"), text=row.get("text", ""),
                link=row.get("link", ""), kind=row.get("kind", ""),
                sponsored=bool(row.get("sponsored", False)),
                action=row.get("action", "post"), target=row.get("target", ""),
                topic=row.get("topic", ""), location=Location("calendar.yaml", line, 1))


def run(rules: list[Rule], policy: Policy, posts: list[Post]) -> list[tuple[str, Problem]]:
    """Each active rule's problems, rendered, as the lint engine would run them."""
    ctx = context(policy)
    found = []
    for rule in rules:
        severity = effective_severity(rule.id, rule.severity, policy)
        if severity is None or (rule.prepare is not None and not rule.prepare(ctx)):
            continue
        for problem in rule.check(posts, ctx):
            who = problem.posts[0].id if problem.posts else "-"
            found.append((f"{who} {severity.label}: {problem.message}", problem))
    return found


def matches(expected: str | dict[str, Any], actual: str, problem: Problem) -> bool:
    if isinstance(expected, dict):
        if "posts" in expected and [p.id for p in problem.posts] != expected["posts"]:
            return False
        if "channel" in expected and problem.channel != expected["channel"]:
            return False
        expected = expected["finding"]
    where, _, text = expected.partition(" ")
    found_where, _, found_text = actual.partition(" ")
    label, _, part = text.partition(": ")
    found_label, _, found_message = found_text.partition(": ")
    return where == found_where and label == found_label and part in found_message
