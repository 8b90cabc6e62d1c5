"""A policy we did not write for ourselves: a Kubernetes-like contributor community.

Its roster of handles is a text file, its elections are announced before the vote,
its community meeting has a note every Wednesday, a release is reposted and then
quoted, and release news needs both the steering committee and the release team.
The calendar (``calendar.csv``) plans September with one slip of each kind; each
test names the finding it expects, and the posts that must stay clean.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from governance.cli import cli

HERE = Path(__file__).parent
POLICY = HERE / "k8s-policy"
CALENDAR = HERE / "calendar.csv"


def lint_findings() -> list[tuple[str, tuple[str, ...], str]]:
    result = CliRunner().invoke(cli, ["lint", str(CALENDAR), "--policy", str(POLICY),
                                      "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    return [(f["rule"], tuple(f["post_ids"]), f["message"]) for f in report["findings"]]


def test_the_policy_checks_clean() -> None:
    result = CliRunner().invoke(cli, ["check", str(POLICY)])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_each_slip_of_the_plan_is_found_and_nothing_else() -> None:
    assert sorted(lint_findings()) == sorted([
        ("approvals.required", ("c08",),
         "needs every one of steering, sig-release (requirement 'release-news'); "
         "approved by steering; missing sig-release"),
        ("k8s.mentions-on-roster", ("c08",),
         "@RandomFan is not on the roster of accounts we mention"),
        ("k8s.project-sites", ("c08",),
         "k8s.io.example-mirror.com is not a project site; link to the project's own pages"),
        ("k8s.project-sites", ("c10",),
         "www.youtube.com is not a project site; link to the project's own pages"),
        ("k8s.election-reminders", ("c06",),
         "Election reminders in the three weeks before the vote: 1 of 2 (channel "
         "'k8s-contributors': the 21 days before Steering Committee election "
         "(steering-election, from 2026-10-01), 2026-09-10..2026-09-30: 1 matching post, "
         "fewer than 2)"),
        ("k8s.repost-then-quote", ("c07",),
         "A repost of a release is followed by a quote post of it 1–2 hours later. (no second "
         "post with the same target 60–120 minutes after c07; c08 comes 20 minutes after it)"),
        ("k8s.weekly-meeting-note", ("c11",),
         "Every Wednesday has its community meeting note (channel 'k8s-contributors': "
         "Wednesday 2026-09-23: 0 matching posts, fewer than 1)"),
    ])


def test_the_staff_document_states_the_community_rules(tmp_path: Path) -> None:
    out = tmp_path / "policy.md"
    result = CliRunner().invoke(cli, ["render", "policy", "--policy", str(POLICY),
                                      "--format", "md", "--output", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for sentence in (
        "Mention only these accounts: those listed in handles.txt. Mention at most 3 accounts "
        "in a post.",
        "Publish at least 2 posts in the 21 days before Steering Committee election "
        "(October 1, 2026).",
        "Publish at least one post every Wednesday.",
        "After a post where the “action” field is “repost”, publish a post where the “action” "
        "field is “quote” with the same value in the “target” field, 60 to 120 minutes later.",
        "All posts of kind “release” need an approval from each of Steering Committee and Release "
        "team before publishing.",
    ):
        assert sentence in text, sentence


def test_explain_shows_a_schedule_with_its_example_calendars() -> None:
    result = CliRunner().invoke(cli, ["explain", "k8s.weekly-meeting-note", "--policy",
                                      str(POLICY)])
    assert result.exit_code == 0, result.output
    assert "Fails::" in result.output and "Passes::" in result.output
    assert "text: Community meeting notes" in result.output
