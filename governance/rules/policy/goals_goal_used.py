"""Every goal is served by some channel.

A goal that no account works toward is a wish, not a plan: its KPIs cannot move
(«Политика в отношении социальных сетей: то, что растет, должно расти выше» §1, §5). Link it from a
channel's ``goals:`` or drop it.

Fails::

    goals:
      - id: recruiting
        statement: Hire through social media
        business_goal: recruiting
        kpis:
          - id: applications
            metric: job applications from social media
            target: {type: absolute, value: 20}
            period: quarter
            owner: smm-lead
            review: {cadence: monthly, by: marketing-lead}

Passes::

    goals:
      - id: recruiting
        statement: Hire through social media
        business_goal: recruiting
        kpis:
          - id: applications
            metric: job applications from social media
            target: {type: absolute, value: 20}
            period: quarter
            owner: smm-lead
            review: {cadence: monthly, by: marketing-lead}
    channels:
      - id: vk-brand   # an existing channel, merged by id
        goals: [awareness, recruiting]
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "goals.goal-used"
SUMMARY = "Every goal is served by at least one channel."
SEVERITY = Severity.WARNING
SOURCE = "«Политика в отношении социальных сетей: то, что растет, должно расти выше» §1, §5"
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    served = {goal for channel in ctx.policy.channels for goal in channel.goals}
    for index, goal in enumerate(ctx.policy.goals):
        if goal.id not in served:
            yield Problem(f"goal {goal.id!r} is served by no channel", ("goals", index, "id"),
                          data={"goal": goal.id})
