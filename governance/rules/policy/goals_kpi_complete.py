"""Every KPI has a target, a period and an owner.

A KPI is measurable only with a number to reach, the period it is measured over
and a role that answers for it, e.g. followers: double in one month, owned by
the SMM lead («SMM на службе HR»; «Политика в отношении социальных сетей: то, что растет, должно
расти выше» §5: KPIs tied to goals, with targets). A policy that does not state it is warned,
not failed: a made-up figure would be worse than none.

Fails::

    goals:
      - id: awareness
        statement: More people know the brand
        business_goal: brand_awareness
        kpis:
          - id: reposts
            metric: reposts
            owner: smm-lead

Passes::

    goals:
      - id: awareness
        statement: More people know the brand
        business_goal: brand_awareness
        kpis:
          - id: reposts
            metric: reposts
            target: {type: relative, value: 50}
            period: month
            owner: smm-lead
            review: {cadence: monthly, by: marketing-lead}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "goals.kpi-complete"
SUMMARY = "Every KPI has a target, a period and an owner."
SEVERITY = Severity.WARNING
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» §5; «SMM на "
          "службе HR»")
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for goal_index, goal in enumerate(ctx.policy.goals):
        for index, kpi in enumerate(goal.kpis):
            missing = [name for name, value in
                       (("target", kpi.target), ("period", kpi.period), ("owner", kpi.owner))
                       if value is None]
            if missing:
                yield Problem(
                    f"KPI {kpi.id!r} of goal {goal.id!r} has no {' and no '.join(missing)}: "
                    "without them it cannot be reached or missed",
                    ("goals", goal_index, "kpis", index, "id"),
                    data={"goal": goal.id, "kpi": kpi.id},
                )
