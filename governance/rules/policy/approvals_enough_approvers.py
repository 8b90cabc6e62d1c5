"""An approval requirement names at least as many approver roles as it requires.

Approvals must come from distinct roles («Политика в отношении социальных сетей: то, что растет,
должно расти выше» §3: who has final approval); a requirement of two approvals with one approver
role can never be met, and every post it covers is blocked. A role listed under ``all_of``
approves anyway, so it does not count towards the ``required`` approvals of ``approvers``; an
entry with ``all_of`` alone has nothing to count.

Fails::

    workflow:
      approvals:
        - id: sponsored
          when: {sponsored: true}
          approvers: [marketing-lead]
          required: 2

Passes::

    workflow:
      approvals:
        - id: sponsored
          when: {sponsored: true}
          approvers: [marketing-lead, smm-lead]
          required: 2
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "approvals.enough-approvers"
SUMMARY = "An approval never requires more approvals than it has approver roles."
SEVERITY = Severity.ERROR
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» §3 (final "
          "approval)")
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, approval in enumerate(ctx.policy.workflow.approvals):
        if not approval.approvers:
            continue
        distinct = len(set(approval.approvers) - set(approval.all_of))
        if approval.required > distinct:
            besides = " besides its all_of roles" if approval.all_of else ""
            yield Problem(
                f"approval {approval.id!r} requires {approval.required} approvals but names "
                f"{distinct} approver role{'' if distinct == 1 else 's'}{besides}; "
                "it can never be met",
                ("workflow", "approvals", index, "required"),
                data={"approval": approval.id},
            )
