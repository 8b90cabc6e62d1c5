"""No activity lists only Informed roles.

An activity whose every role is Informed is a notice list, not an activity:
nobody owns it, does it or is asked. It usually means the letters were filled in
as a mailing list. The rules on A and R report the missing letters one by one;
this one names the mistake (the RACI convention).

Fails::

    workflow:
      activities:
        - id: monthly-report
          name: Monthly report
          raci: {ceo: I, marketing-lead: I}

Passes::

    workflow:
      activities:
        - id: monthly-report
          name: Monthly report
          raci: {marketing-lead: A, smm-lead: R, ceo: I}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "raci.all-informed"
SUMMARY = "No activity has only Informed (I) roles."
SEVERITY = Severity.WARNING
SOURCE = "RACI convention"
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, activity in enumerate(ctx.policy.workflow.activities):
        letters = set(activity.raci.values())
        if letters == {"I"}:
            yield Problem(
                f"activity {activity.id!r} only informs its roles "
                f"({', '.join(activity.raci)}); nobody owns or does it",
                ("workflow", "activities", index, "raci"),
                data={"activity": activity.id},
            )
