"""A policy we did not write for ourselves: an open-source project's guidelines.

The project has volunteers and no KPIs, announcement accounts that answer no one,
and rules of its own that use nested conditions, ``when``, ``except`` and
declared post fields. It must check without inventing facts (warnings only), lint
its calendar to exactly the problems it plants, and read well in the staff
document and in ``explain``.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from governance.cli import cli
from governance.findings import Severity
from governance.lint import LintOptions, lint, policy_hooks
from governance.loader import load_policy
from governance.render import RenderOptions, render_policy
from governance.rules.catalogue import policy_rules
from governance.runner import run_policy_rules

HERE = Path(__file__).parent
POLICY = HERE / "policy"
CALENDAR = HERE / "calendar.yaml"
TODAY = "2026-06-01"


def test_the_policy_checks_with_warnings_only_and_nothing_invented() -> None:
    import datetime as dt

    loaded = load_policy(POLICY, hooks=policy_hooks())
    assert loaded.policy is not None
    findings = [*loaded.findings,
                *run_policy_rules(loaded.policy, policy_rules(), dt.date(2026, 6, 1))]
    assert not [f for f in findings if f.severity is Severity.ERROR]
    # No shipped rule is switched off, and none asks for a fact the project lacks.
    assert not loaded.policy.policy.rules
    assert {f.rule for f in findings} == {
        "goals.kpi-defined", "escalation.time-limit", "escalation.negative-route",
        "approvals.kind-covered", "leadership.activities-declared"}
    # The announcement accounts answer no one, and say so: no responder is asked for.
    assert "channels.responder" not in {f.rule for f in findings}


def test_lint_finds_exactly_the_planted_problems() -> None:
    import datetime as dt

    report = lint(LintOptions([str(CALENDAR)], str(POLICY), today=dt.date(2026, 6, 1))).report
    found = sorted((f.post_ids[0] if len(f.post_ids) == 1 else ",".join(f.post_ids), f.rule)
                   for f in report.findings)
    assert found == sorted([
        ("r1", "pallas.release-links-notes"),      # released, not security, no link
        ("f1", "pallas.figures-need-checking"),    # end users, a figure, data_verified: no
        ("e2", "pallas.event-has-time"),           # an event without event_at
        ("e3", "calendar.bad-value"),              # event_at: 'next friday'
        ("e3", "pallas.event-has-time"),           # ... so no time is known
        ("h2", "pallas.no-hype"),                  # 'blazing fast' (h1 is a call for help)
        ("n1", "calendar.missing-field"),          # audience is required
        ("a1,a2", "pallas.announce-only-releases"),  # half of x-announce is neither
    ])
    [bad] = [f for f in report.findings if f.rule == "calendar.bad-value"]
    assert bad.location is not None and (bad.location.line, bad.location.column) == (17, 37)


def test_the_staff_document_states_conditions_fields_and_exceptions() -> None:
    loaded = load_policy(POLICY).policy
    assert loaded is not None
    text = render_policy(loaded, "md", RenderOptions(lang="en")).decode()
    assert ("Only for posts where the “audience” field is “end-users”, the text matches "
            "“\\\\d+\\\\s?%”, and not (the “data\\_verified” field is “true”).") in text
    assert "If the “kind” field is “event”, then the “event\\_at” field is filled in." in text
    assert "Applies to every post except posts of kind “call-for-help”." in text
    assert ("- “audience”: Who the post is written for. One of “contributors” or "
            "“end-users”. Every post gives it.") in text
    assert "- X (Twitter) pallasproject: does not answer comments or messages." in text


def test_explain_shows_the_rule_as_the_staff_read_it() -> None:
    result = CliRunner().invoke(cli, ["explain", "pallas.no-hype", "--policy", str(POLICY)])
    assert result.exit_code == 0
    assert result.output.rstrip().endswith(
        "In the staff policy: Do not use “revolutionary”, “blazing fast”, or “game-changing”. "
        "Applies to every post except posts of kind “call-for-help”. "
        'Source: Pallas communications guide, "Tone"')


def test_check_and_lint_exit_codes() -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["check", str(POLICY), "--today", TODAY]).exit_code == 0
    linted = runner.invoke(cli, ["lint", str(CALENDAR), "--policy", str(POLICY),
                                 "--today", TODAY])
    assert linted.exit_code == 1
