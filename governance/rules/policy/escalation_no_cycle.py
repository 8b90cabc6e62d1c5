"""Following ``then`` from an escalation route never comes back to it.

An issue not solved in time moves on to the next route, up to someone who
decides («Ποιος είναι διευθυντής SMM»: the SMM manager connects, the service solves; «Не надо
беспокоить нашего директора» (Cossa.ru) (d): a decider who rules). A loop of ``then`` passes the
issue around forever and it never reaches anyone who ends it. Each loop is reported once, at the
route whose ``then`` closes it.

Fails::

    workflow:
      escalation:
        - id: complaint
          category: Customer complaint or negative mention
          to: support-lead
          within_minutes: 15
          then: complaint-unresolved
        - id: complaint-unresolved
          category: Unresolved complaint
          to: marketing-lead
          within_minutes: 60
          then: complaint

Passes::

    workflow:
      escalation:
        - id: complaint
          category: Customer complaint or negative mention
          to: support-lead
          within_minutes: 15
          then: complaint-unresolved
        - id: complaint-unresolved
          category: Unresolved complaint
          to: marketing-lead
          within_minutes: 60
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "escalation.no-cycle"
SUMMARY = "Escalation routes never loop back through 'then'."
SEVERITY = Severity.ERROR
SOURCE = "«Ποιος είναι διευθυντής SMM»; «Не надо беспокоить нашего директора» (Cossa.ru) (d)"
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    routes = ctx.policy.workflow.escalation
    position = {route.id: index for index, route in enumerate(routes)}
    done: set[str] = set()
    for route in routes:
        trail: list[str] = []
        current: str | None = route.id
        # Each route has one 'then', so a walk either ends, joins a walk already
        # made, or returns to its own trail: that return closes a new loop.
        while current in position and current not in done and current not in trail:
            trail.append(current)
            current = routes[position[current]].then
        if current in trail:
            loop = trail[trail.index(current):]
            closing = loop[-1]
            yield Problem(f"escalation loops: {' -> '.join([*loop, loop[0]])}",
                          ("workflow", "escalation", position[closing], "then"),
                          data={"route": closing})
        done.update(trail)
