"""Runs rules and turns their problems into findings: severity, position, waivers.

The one place where waivers apply, so every command behaves alike; the rule's
severity under the policy comes from ``governance.rules.severity``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from governance.findings import Finding, Location
from governance.loader import LoadedPolicy
from governance.models.policy import Policy, Waiver
from governance.rules.base import PolicyContext, Problem, Rule
from governance.rules.severity import effective_severity


def active_waivers(policy: Policy, today: dt.date) -> list[Waiver]:
    """Waivers that apply today: documented, approved and not expired."""
    return [
        w for w in policy.waivers
        if w.reason.strip() and w.approved_by and (w.expires is None or w.expires >= today)
    ]


def waiver_for(rule_id: str, problem: Problem, waivers: Iterable[Waiver]) -> Waiver | None:
    activity = problem.data.get("activity")
    post_ids = {p.id for p in problem.posts} | ({problem.post.id} if problem.post else set())
    channel = problem.channel or (problem.post.channel if problem.post else "")
    for waiver in waivers:
        if waiver.rule != rule_id:
            continue
        target = waiver.target
        if target.activity and target.activity != activity:
            continue
        if target.channel and target.channel != channel:
            continue
        if target.post and target.post not in post_ids:
            continue
        if target.kpi and target.kpi != problem.data.get("kpi"):
            continue
        return waiver
    return None


def waiver_label(waiver: Waiver) -> str:
    until = f" until {waiver.expires.isoformat()}" if waiver.expires else ""
    return f"policy waiver by {waiver.approved_by}{until}: {waiver.reason}"


def run_policy_rules(
    loaded: LoadedPolicy, rules: Iterable[Rule], today: dt.date
) -> Iterator[Finding]:
    policy = loaded.policy
    context = PolicyContext(policy, today)
    waivers = active_waivers(policy, today)
    for rule in rules:
        severity = effective_severity(rule.id, rule.severity, policy)
        if severity is None:
            continue
        for problem in rule.check(context):
            waiver = waiver_for(rule.id, problem, waivers)
            yield Finding(
                rule=rule.id,
                severity=severity,
                message=problem.message,
                location=_policy_location(loaded, problem),
                channel=problem.channel,
                waived_by=waiver_label(waiver) if waiver else "",
            )


def _policy_location(loaded: LoadedPolicy, problem: Problem) -> Location:
    return loaded.locate(problem.path, key=problem.key)
