"""Every escalation route has a time limit.

React fast, above all to negative mentions: reputation is at stake («Советы по ведению
корпоративных аккаунтов» §17-18; the airline that answered within minutes, «SMM на службе HR»),
and one bank answers within 5-10 minutes («Ποιος είναι διευθυντής SMM»). A route without
``within_minutes`` never escalates, because nothing says when it is late. A policy that sets no
limit is warned, not failed: a made-up limit is worse than none.

Fails::

    workflow:
      escalation:
        - id: legal-question
          category: Legal question or threat of a lawsuit
          to: marketing-lead

Passes::

    workflow:
      escalation:
        - id: legal-question
          category: Legal question or threat of a lawsuit
          to: marketing-lead
          within_minutes: 120
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "escalation.time-limit"
SUMMARY = "Every escalation route sets within_minutes."
SEVERITY = Severity.WARNING
SOURCE = "«Ποιος είναι διευθυντής SMM»; «Советы по ведению корпоративных аккаунтов» §17-18"
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, route in enumerate(ctx.policy.workflow.escalation):
        if route.within_minutes is None:
            yield Problem(f"escalation route {route.id!r} has no time limit (within_minutes): "
                          "nothing says when the issue is late or when to follow 'then'",
                          ("workflow", "escalation", index, "id"), data={"route": route.id})
