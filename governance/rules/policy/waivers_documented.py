"""Every waiver gives a reason and the role that approved it.

A waiver is a documented exception to one rule: someone accountable agreed to
it, for a stated reason («Политика в отношении социальных сетей: то, что растет, должно расти
выше»: a governance model is an evolving set of policies and processes, and exceptions are part of
the process). A waiver without ``reason`` or ``approved_by`` waives nothing: ``governance`` ignores
it, and this rule says so.

Fails::

    waivers:
      - rule: raci.role-unused
        reason: ""

Passes::

    waivers:
      - rule: raci.role-unused
        reason: The legal role joins the workflow in the next policy version
        approved_by: marketing-lead
        expires: 2027-06-30
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "waivers.documented"
SUMMARY = "Every waiver has a reason and an approving role."
SEVERITY = Severity.ERROR
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» (governance "
          "as an evolving set of policies and processes)")
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, waiver in enumerate(ctx.policy.waivers):
        missing = [name for name, present in
                   (("reason", bool(waiver.reason.strip())),
                    ("approved_by", waiver.approved_by is not None))
                   if not present]
        if missing:
            yield Problem(f"waiver of {waiver.rule!r} has no {' and no '.join(missing)}, "
                          "so it waives nothing", ("waivers", index, "rule"),
                          data={"rule": waiver.rule})
