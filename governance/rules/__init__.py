"""The rule registry: every shipped rule, listed explicitly.

Adding a rule is adding its module here; a test checks each one has an id, a
summary, documentation with a failing and a passing example, and test cases.
"""

from __future__ import annotations

from governance.rules.base import Problem, Rule
from governance.rules.policy import (
    approvals_enough_approvers,
    approvals_kind_covered,
    approvals_no_self_approval,
    channels_agency_internal_responder,
    channels_responder,
    channels_support_response_time,
    channels_two_networks,
    escalation_negative_route,
    escalation_no_cycle,
    escalation_time_limit,
    goals_channel_serves_goal,
    goals_goal_used,
    goals_kpi_complete,
    goals_kpi_defined,
    goals_kpi_reviewed,
    leadership_activities_declared,
    leadership_executive_accountable,
    leadership_monthly_review,
    raci_all_informed,
    raci_one_accountable,
    raci_responsible,
    raci_role_unused,
    waivers_documented,
    waivers_expired,
    waivers_unknown_rule,
)

POLICY_RULES: tuple[Rule, ...] = tuple(
    Rule.from_module(m)
    for m in (
        raci_one_accountable,
        raci_responsible,
        raci_all_informed,
        raci_role_unused,
        leadership_activities_declared,
        leadership_executive_accountable,
        leadership_monthly_review,
        goals_kpi_defined,
        goals_kpi_complete,
        goals_kpi_reviewed,
        goals_channel_serves_goal,
        goals_goal_used,
        channels_responder,
        channels_agency_internal_responder,
        channels_support_response_time,
        channels_two_networks,
        approvals_no_self_approval,
        approvals_enough_approvers,
        approvals_kind_covered,
        escalation_time_limit,
        escalation_no_cycle,
        escalation_negative_route,
        waivers_documented,
        waivers_expired,
        waivers_unknown_rule,
    )
)

__all__ = ["POLICY_RULES", "Problem", "Rule", "all_rules", "rule_by_id"]


def all_rules() -> tuple[Rule, ...]:
    """Every shipped rule, policy, post and calendar rules alike."""
    from governance.rules import post_registry

    return POLICY_RULES + post_registry.POST_RULES + post_registry.CALENDAR_RULES


def rule_by_id(rule_id: str) -> Rule | None:
    return next((r for r in all_rules() if r.id == rule_id), None)
