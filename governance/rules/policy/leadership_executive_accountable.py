"""Leadership is Accountable for goals, reviews and deciding disputes.

Whoever runs the accounts, an agency or staff, the company's leadership must
take part in four things: (a) setting goals and agreeing KPIs, (b) changing
goals and so KPIs, (c) reviewing the pages at least once a month with feedback
to the team, and (d) deciding when departments, or the agency and a department,
cannot agree: a decider who rules, not a mediator («Не надо беспокоить нашего директора»
(Cossa.ru)). So an activity of kind ``set_goals``, ``change_goals``, ``review`` or
``resolve_conflict`` has an executive role (``executive: true``) as its
Accountable. Whether the four activities exist at all is
``leadership.activities-declared``.

Fails::

    workflow:
      activities:
        - id: resolve-conflicts
          name: Decide disputes between departments and the agency
          kind: resolve_conflict
          raci: {ceo: C, smm-lead: A, agency: R}

Passes::

    workflow:
      activities:
        - id: resolve-conflicts
          name: Decide disputes between departments and the agency
          kind: resolve_conflict
          raci: {ceo: A, smm-lead: R, agency: C}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.models.workflow import ActivityKind
from governance.rules.base import PolicyContext, Problem

ID = "leadership.executive-accountable"
SUMMARY = "Goals, their changes, reviews and disputes have an executive as Accountable."
SEVERITY = Severity.ERROR
SOURCE = "«Не надо беспокоить нашего директора» (Cossa.ru) (a)-(d)"
TARGET = "policy"

#: The four duties of leadership («Не надо беспокоить нашего директора» (Cossa.ru)), by the
#: activity kind that carries each.
LEADERSHIP_DUTIES: dict[ActivityKind, str] = {
    ActivityKind.SET_GOALS: "setting goals and agreeing KPIs",
    ActivityKind.CHANGE_GOALS: "changing goals and KPIs",
    ActivityKind.REVIEW: "reviewing the pages at least monthly",
    ActivityKind.RESOLVE_CONFLICT: "deciding when departments or the agency disagree",
}


def check(ctx: PolicyContext) -> Iterator[Problem]:
    executives = {role.id for role in ctx.policy.roles if role.executive}
    known = {role.id for role in ctx.policy.roles}
    for index, activity in enumerate(ctx.policy.workflow.activities):
        duty = LEADERSHIP_DUTIES.get(activity.kind)
        if duty is None:
            continue
        for role, letter in activity.raci.items():
            # Unknown roles are reference errors already; no A at all is raci.one-accountable.
            if letter != "A" or role in executives or role not in known:
                continue
            yield Problem(
                f"activity {activity.id!r} ({duty}) has {role!r} as Accountable, "
                "which is not an executive role; leadership owns this decision",
                ("workflow", "activities", index, "raci", role),
                key=True,
                data={"activity": activity.id},
            )
