"""Every declared role takes part in some activity.

A role that appears in no RACI row has no duties the policy can show, so the
staff document and the RACI matrix leave it out: either the role is obsolete or
the workflow forgot it (who leads, creates, approves, publishes,
monitors and answers; «Ποιος είναι διευθυντής SMM»: the content manager as a separate role).

Fails::

    roles:
      - {id: legal, title: Legal counsel}

Passes::

    roles:
      - {id: legal, title: Legal counsel}
    workflow:
      activities:
        - id: approve-content
          name: Approve content
          raci: {marketing-lead: A, smm-lead: R, legal: C}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "raci.role-unused"
SUMMARY = "Every role takes part in at least one activity."
SEVERITY = Severity.WARNING
SOURCE = "«Ποιος είναι διευθυντής SMM» (the content manager as a separate role)"
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    involved = {role for activity in ctx.policy.workflow.activities for role in activity.raci}
    for index, role in enumerate(ctx.policy.roles):
        if role.id not in involved:
            yield Problem(
                f"role {role.id!r} takes part in no activity (no RACI letter in "
                "workflow.activities)",
                ("roles", index, "id"),
            )
