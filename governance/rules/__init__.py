"""The rule registry: every shipped rule, listed explicitly.

Adding a rule is adding its module here; a test checks each one has an id, a
summary, documentation with a failing and a passing example, and test cases.
"""

from __future__ import annotations

from governance.rules.base import Problem, Rule
from governance.rules.policy import raci_one_accountable

POLICY_RULES: tuple[Rule, ...] = tuple(
    Rule.from_module(m)
    for m in (
        raci_one_accountable,
    )
)

__all__ = ["POLICY_RULES", "Problem", "Rule", "all_rules", "rule_by_id"]


def all_rules() -> tuple[Rule, ...]:
    """Every shipped rule, policy, post and calendar rules alike."""
    from governance.rules import post_registry

    return POLICY_RULES + post_registry.POST_RULES + post_registry.CALENDAR_RULES


def rule_by_id(rule_id: str) -> Rule | None:
    return next((r for r in all_rules() if r.id == rule_id), None)
