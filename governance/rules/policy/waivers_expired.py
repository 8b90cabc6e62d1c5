"""Expired waivers are removed from the policy.

A waiver is a temporary, documented exception («Политика в отношении социальных сетей: то, что
растет, должно расти выше»: the policy evolves). Once its ``expires`` date has passed it no longer
waives anything, and the findings it covered come back; leaving it in the policy misleads readers
into thinking the exception still stands. Renew it with a new date and approval, or
delete it.

Fails::

    waivers:
      - rule: raci.role-unused
        reason: The legal role joins the workflow in the next policy version
        approved_by: marketing-lead
        expires: 2020-01-31

Passes::

    waivers:
      - rule: raci.role-unused
        reason: The legal role joins the workflow in the next policy version
        approved_by: marketing-lead
        expires: 2099-01-31
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "waivers.expired"
SUMMARY = "No waiver has passed its expiry date."
SEVERITY = Severity.WARNING
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» (governance "
          "as an evolving set of policies and processes)")
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, waiver in enumerate(ctx.policy.waivers):
        if waiver.expires is not None and waiver.expires < ctx.today:
            yield Problem(f"waiver of {waiver.rule!r} expired on "
                          f"{waiver.expires.isoformat()} and no longer waives anything",
                          ("waivers", index, "expires"), data={"rule": waiver.rule})
