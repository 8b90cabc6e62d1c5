"""Every goal has at least one KPI.

A goal without a measure cannot be reached or missed: "if you don't tie your
social media activity to business goals and measure it, you are just spinning
your wheels" («Политика в отношении социальных сетей: то, что растет, должно расти выше» §1,
§5). «SMM на службе HR» names the measures: followers, reposts, comments, and comments answered.
A policy that states no KPI is warned, not failed: making one up to pass the check would be
worse than saying none.

Fails::

    goals:
      - id: recruiting
        statement: Hire through social media
        business_goal: recruiting

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
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "goals.kpi-defined"
SUMMARY = "Every goal is measured by at least one KPI."
SEVERITY = Severity.WARNING
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» §1, §5; «SMM "
          "на службе HR»")
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, goal in enumerate(ctx.policy.goals):
        if not goal.kpis:
            yield Problem(f"goal {goal.id!r} has no KPI: nothing will show whether it is "
                          "reached, or when to change course",
                          ("goals", index, "id"), data={"goal": goal.id})
