"""Every activity has exactly one Accountable role.

The Accountable role owns the outcome and has the final say; with none, nobody
answers for the activity, with two, each waits for the other (RACI, as in
«Политика в отношении социальных сетей: то, что растет, должно расти выше» §3: "who has final
approval").

Fails::

    workflow:
      activities:
        - id: approve-content
          name: Approve content
          raci: {smm-lead: A, marketing-lead: A, smm-manager: R}

Passes::

    workflow:
      activities:
        - id: approve-content
          name: Approve content
          raci: {marketing-lead: A, smm-lead: R, smm-manager: I}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "raci.one-accountable"
SUMMARY = "Every activity has exactly one Accountable role."
SEVERITY = Severity.ERROR
SOURCE = ("RACI convention; «Политика в отношении социальных сетей: то, что растет, должно расти "
          "выше» §3 (who has final approval)")
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, activity in enumerate(ctx.policy.workflow.activities):
        accountable = [role for role, letter in activity.raci.items() if letter == "A"]
        path = ("workflow", "activities", index, "raci")
        if not accountable:
            yield Problem(f"activity {activity.id!r} has no Accountable (A) role", path,
                          data={"activity": activity.id})
        for role in accountable[1:]:
            yield Problem(
                f"activity {activity.id!r} has {len(accountable)} Accountable roles "
                f"({', '.join(accountable)}); exactly one owns the outcome",
                (*path, role),
                key=True,
                data={"activity": activity.id},
            )
