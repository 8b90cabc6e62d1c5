"""The workflow declares the four activities leadership takes part in.

«Не надо беспокоить нашего директора» (Cossa.ru) lists when the company's leadership must step in,
whoever runs the accounts: setting goals and agreeing KPIs, changing them, reviewing the pages at
least once a month, and deciding disputes between departments or with the
agency («Не надо беспокоить нашего директора» (Cossa.ru)). A policy that has no activity of kind
``set_goals``, ``change_goals``, ``review`` or ``resolve_conflict`` leaves that decision to
nobody. Base packs (``pack:`` without ``organisation``) are not judged.

Fails::

    # over a base policy: drop the one activity of kind resolve_conflict
    workflow:
      activities-: [resolve-conflicts]

Passes::

    workflow:
      activities:
        - id: resolve-conflicts
          name: Decide disputes between departments and the agency
          kind: resolve_conflict
          raci: {ceo: A, marketing-lead: R, agency: C}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem
from governance.rules.policy.leadership_executive_accountable import LEADERSHIP_DUTIES

ID = "leadership.activities-declared"
SUMMARY = "The workflow has activities for setting and changing goals, reviews and disputes."
SEVERITY = Severity.WARNING
SOURCE = "«Не надо беспокоить нашего директора» (Cossa.ru) (a)-(d)"
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    if ctx.policy.organisation is None:
        return
    present = {activity.kind for activity in ctx.policy.workflow.activities}
    for kind, duty in LEADERSHIP_DUTIES.items():
        if kind not in present:
            yield Problem(
                f"no activity of kind {kind.value!r} ({duty}): the workflow does not say "
                "which executive answers for it",
                ("workflow", "activities"),
                key=True,
                data={"kind": kind.value},
            )
