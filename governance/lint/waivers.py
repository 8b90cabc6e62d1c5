"""Waivers in lint: the policy's (documented, approved, dated) and the calendar's ``waive`` cell.

A waived finding is kept, with ``waived_by`` saying who waived it and why, so the
report still shows it and counts it apart. A ``waive`` entry must name a rule
and give a reason; one that does not is a finding of its own and waives nothing.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable

from governance.findings import Finding, Severity
from governance.models.policy import Policy, Waiver
from governance.models.post import Post
from governance.rules.base import Problem
from governance.runner import active_waivers, waiver_for, waiver_label

WAIVER_REASON = "lint.waiver-reason"
WAIVER_UNKNOWN_RULE = "lint.waiver-unknown-rule"


class PolicyWaivers:
    """The policy's waivers in force today, looked up by rule id."""

    def __init__(self, policy: Policy, today: dt.date) -> None:
        self._by_rule: dict[str, list[Waiver]] = {}
        for waiver in active_waivers(policy, today):
            self._by_rule.setdefault(waiver.rule, []).append(waiver)

    def label(self, rule_id: str, problem: Problem) -> str:
        candidates = self._by_rule.get(rule_id)
        if not candidates:
            return ""
        waiver = waiver_for(rule_id, problem, candidates)
        return waiver_label(waiver) if waiver else ""


def post_waivers(post: Post, known_rules: Iterable[str]) -> tuple[dict[str, str], list[Finding]]:
    """The rules a post's ``waive`` cell waives (rule id -> label), and its faulty entries."""
    known = set(known_rules)
    labels: dict[str, str] = {}
    findings: list[Finding] = []
    where = post.location_of("waive")
    for entry in post.waive:
        if entry.rule not in known:
            hint = difflib.get_close_matches(entry.rule, sorted(known), n=1, cutoff=0.6)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            findings.append(Finding(
                WAIVER_UNKNOWN_RULE, Severity.WARNING,
                f"'waive' names unknown rule {entry.rule!r}{suggestion}; it waives nothing",
                where, post_ids=(post.id,), channel=post.channel))
        elif not entry.reason.strip():
            findings.append(Finding(
                WAIVER_REASON, Severity.ERROR,
                f"waiver of {entry.rule!r} gives no reason (write 'rule-id: why'); "
                "it waives nothing",
                where, post_ids=(post.id,), channel=post.channel))
        else:
            labels[entry.rule] = f"waived in the calendar: {entry.reason.strip()}"
    return labels, findings
