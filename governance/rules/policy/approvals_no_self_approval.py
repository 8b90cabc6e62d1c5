"""No approval requirement lets authors approve their own posts.

"Who has final approval" («Политика в отношении социальных сетей: то, что растет, должно расти
выше» §3) means someone other than the author: an approval is a second pair of eyes, and a post its
own author approved has had none. ``allow_self_approval: true`` turns the requirement into a
formality.

Fails::

    workflow:
      approvals:
        - id: promo
          when: {kinds: [promo]}
          approvers: [smm-lead, marketing-lead]
          allow_self_approval: true

Passes::

    workflow:
      approvals:
        - id: promo
          when: {kinds: [promo]}
          approvers: [smm-lead, marketing-lead]
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "approvals.no-self-approval"
SUMMARY = "No approval requirement allows authors to approve their own posts."
SEVERITY = Severity.ERROR
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» §3 (final "
          "approval)")
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, approval in enumerate(ctx.policy.workflow.approvals):
        if approval.allow_self_approval:
            yield Problem(f"approval {approval.id!r} lets authors approve their own posts",
                          ("workflow", "approvals", index, "allow_self_approval"),
                          data={"approval": approval.id})
