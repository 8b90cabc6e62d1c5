"""Every KPI is reviewed on a cadence by a named role.

Measurement is the KPIs "reviewed on a cadence, tied to goals" («Политика в отношении социальных
сетей: то, что растет, должно расти выше» §5; «Политика в отношении социальных сетей: то, что
растет, должно расти выше» §5; «SMM на службе HR»). A KPI nobody looks at regularly drifts
unnoticed, so each has ``review: {cadence, by}`` with a real cadence: ``ad-hoc`` is not one.

Fails::

    goals:
      - id: awareness
        statement: More people know the brand
        business_goal: brand_awareness
        kpis:
          - id: followers
            metric: followers
            target: {type: relative, value: 100}
            period: month
            owner: smm-lead
            review: {cadence: ad-hoc, by: marketing-lead}

Passes::

    goals:
      - id: awareness
        statement: More people know the brand
        business_goal: brand_awareness
        kpis:
          - id: followers
            metric: followers
            target: {type: relative, value: 100}
            period: month
            owner: smm-lead
            review: {cadence: monthly, by: marketing-lead}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.models.common import Cadence
from governance.rules.base import PolicyContext, Problem

ID = "goals.kpi-reviewed"
SUMMARY = "Every KPI has a review cadence and a reviewing role."
SEVERITY = Severity.WARNING
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» §5; «SMM на "
          "службе HR»")
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for goal_index, goal in enumerate(ctx.policy.goals):
        for index, kpi in enumerate(goal.kpis):
            path = ("goals", goal_index, "kpis", index)
            data = {"goal": goal.id, "kpi": kpi.id}
            if kpi.review is None:
                yield Problem(f"KPI {kpi.id!r} of goal {goal.id!r} has no review "
                              "(cadence and reviewing role)", (*path, "id"), data=data)
            elif kpi.review.cadence is Cadence.AD_HOC:
                yield Problem(f"KPI {kpi.id!r} of goal {goal.id!r} is reviewed ad hoc; "
                              "give it a cadence", (*path, "review", "cadence"), data=data)
