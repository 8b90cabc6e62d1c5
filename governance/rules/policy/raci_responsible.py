"""Every activity has at least one Responsible role.

The Responsible roles do the work; an activity with an owner but nobody to do
it happens only when the owner remembers (RACI, as in «Политика в отношении социальных сетей: то,
что растет, должно расти выше» §3: "who publishes content and when, how responses are handled, who
creates content"). A role may be both the Accountable and the one who does the work, but then say
so with a second activity or let another role be Responsible: the letter A alone
does not count as R.

Fails::

    workflow:
      activities:
        - id: publish
          name: Publish posts
          raci: {smm-lead: A, smm-manager: C}

Passes::

    workflow:
      activities:
        - id: publish
          name: Publish posts
          raci: {smm-lead: A, smm-manager: R}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "raci.responsible"
SUMMARY = "Every activity has at least one Responsible role."
SEVERITY = Severity.ERROR
SOURCE = ("RACI convention; «Политика в отношении социальных сетей: то, что растет, должно расти "
          "выше» §3 (who creates, publishes, responds)")
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, activity in enumerate(ctx.policy.workflow.activities):
        if "R" not in activity.raci.values():
            yield Problem(
                f"activity {activity.id!r} has no Responsible (R) role: nobody does the work",
                ("workflow", "activities", index, "raci"),
                data={"activity": activity.id},
            )
