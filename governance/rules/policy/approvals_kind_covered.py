"""Promotional and sponsored posts need an approval on every channel.

The workflow says who has final approval («Политика в отношении социальных сетей: то, что растет,
должно расти выше» §3). Promotional posts speak for the company's offer and sponsored posts carry
legal duties (disclosure), so each content kind marked ``promotional: true``, and sponsored
posts of any kind, are matched by an approval requirement on every channel,
sponsored or not. Base packs (``pack:`` without ``organisation``) are not judged.

Fails::

    # over a base policy: drop the approval of sponsored posts
    workflow:
      approvals-: [sponsored]

Passes::

    workflow:
      approvals:
        - id: sponsored
          when: {sponsored: true}
          approvers: [marketing-lead, smm-lead]
          required: 2
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from governance.findings import Severity
from governance.models.workflow import Approval
from governance.rules.base import PolicyContext, Problem

ID = "approvals.kind-covered"
SUMMARY = "Every promotional kind, and sponsored posts, have an approval requirement."
SEVERITY = Severity.WARNING
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» §3 (final "
          "approval); FTC Endorsement Guides and 38-FZ art. 18.1 (disclosures)")
TARGET = "policy"

#: ``None`` stands for "any": a kind or channel the policy does not enumerate.
Slot = tuple[str | None, str | None, bool]


def _matches(approval: Approval, kind: str | None, channel: str | None, sponsored: bool) -> bool:
    when = approval.when
    if when.kinds and kind not in when.kinds:
        return False
    if when.channels and channel not in when.channels:
        return False
    return when.sponsored is None or when.sponsored is sponsored


def _uncovered(approvals: list[Approval], slots: Sequence[Slot]) -> list[Slot]:
    return [slot for slot in slots if not any(_matches(a, *slot) for a in approvals)]


def _gaps(uncovered: list[Slot], channels: list[str | None]) -> str:
    """Names the channels without an approval, unless every channel lacks one."""
    missing = sorted({c for _, c, _ in uncovered if c is not None})
    return f" on {', '.join(missing)}" if missing and len(missing) < len(channels) else ""


def check(ctx: PolicyContext) -> Iterator[Problem]:
    policy = ctx.policy
    if policy.organisation is None:
        return
    approvals = policy.workflow.approvals
    channels: list[str | None] = [c.id for c in policy.channels] or [None]
    kinds: list[str | None] = [k.id for k in policy.content.kinds] or [None]
    for index, kind in enumerate(policy.content.kinds):
        if not kind.promotional:
            continue
        slots = [(kind.id, c, s) for c in channels for s in (False, True)]
        missing = _uncovered(approvals, slots)
        if missing:
            yield Problem(f"promotional kind {kind.id!r} has no approval requirement"
                          f"{_gaps(missing, channels)}", ("content", "kinds", index, "id"),
                          data={"kind": kind.id})
    missing = _uncovered(approvals, [(k, c, True) for k in kinds for c in channels])
    if missing:
        which = sorted({k for k, _, _ in missing if k is not None})
        of_kinds = f" of kind {', '.join(which)}" if which and len(kinds) > len(which) else ""
        yield Problem(f"sponsored posts{of_kinds} have no approval requirement"
                      f"{_gaps(missing, channels)}", ("workflow", "approvals"), key=True)
