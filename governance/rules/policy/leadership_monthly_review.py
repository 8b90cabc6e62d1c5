"""Leadership reviews the pages at least once a month.

«Не надо беспокоить нашего директора» (Cossa.ru) (c): leadership checks the pages "no less than
once a month" for what works and what does not, with feedback to the team («Не надо беспокоить
нашего директора» (Cossa.ru)). So every activity of kind ``review`` has a cadence of ``monthly`` or
more often (``daily``, ``weekly``, ``biweekly``); ``quarterly``, ``yearly``, ``ad-hoc`` or
no cadence at all is too rare. A policy with no review activity at all is
reported by ``leadership.activities-declared``.

Fails::

    workflow:
      activities:
        - id: review-pages
          name: Review the pages with feedback to the team
          kind: review
          cadence: quarterly
          raci: {marketing-lead: A, smm-lead: R}

Passes::

    workflow:
      activities:
        - id: review-pages
          name: Review the pages with feedback to the team
          kind: review
          cadence: monthly
          raci: {marketing-lead: A, smm-lead: R}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.models.common import Cadence
from governance.models.workflow import ActivityKind
from governance.rules.base import PolicyContext, Problem

ID = "leadership.monthly-review"
SUMMARY = "Review activities happen at least monthly."
SEVERITY = Severity.ERROR
SOURCE = "«Не надо беспокоить нашего директора» (Cossa.ru) (c)"
TARGET = "policy"

_MONTH_DAYS = Cadence.MONTHLY.days or 31


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, activity in enumerate(ctx.policy.workflow.activities):
        if activity.kind is not ActivityKind.REVIEW:
            continue
        path = ("workflow", "activities", index)
        cadence = activity.cadence
        if cadence is None:
            yield Problem(f"review activity {activity.id!r} has no cadence; "
                          "review the pages at least monthly", (*path, "id"),
                          data={"activity": activity.id})
        elif cadence.days is None or cadence.days > _MONTH_DAYS:
            yield Problem(f"review activity {activity.id!r} happens {cadence.value}; "
                          "review the pages at least monthly", (*path, "cadence"),
                          data={"activity": activity.id})
