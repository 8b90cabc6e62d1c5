"""The policy routes negative mentions and complaints somewhere.

React quickly to negative mentions, as reputation is at stake («Советы по ведению корпоративных
аккаунтов» §17-18; the airline story in «SMM на службе HR»), and connect the customer with the
service that solves the problem rather than solve it in the comments («Ποιος είναι διευθυντής
SMM»). So at least one escalation route covers complaints or negative mentions: its category
or description mentions them (in English, Russian or Greek). Base packs
(``pack:`` without ``organisation``) are not judged.

Fails::

    # over a base policy: replace its complaint routes by a press route
    workflow:
      escalation-: [complaint, complaint-unresolved]
      escalation+:
        - id: press
          category: Press enquiry
          to: marketing-lead
          within_minutes: 60

Passes::

    workflow:
      escalation:
        - id: complaint
          category: Жалоба клиента или негативное упоминание
          to: support-lead
          within_minutes: 15
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "escalation.negative-route"
SUMMARY = "An escalation route covers complaints and negative mentions."
SEVERITY = Severity.WARNING
SOURCE = ("«Советы по ведению корпоративных аккаунтов» §17-18; «Ποιος είναι διευθυντής SMM»; «SMM "
          "на службе HR»")
TARGET = "policy"

#: Word stems that mark a route for complaints or negative mentions.
NEGATIVE_STEMS = (
    "negativ", "complain", "complaint", "criticism", "crisis",
    "негатив", "жалоб", "претензи", "отрицательн", "кризис",
    "αρνητικ", "παράπον", "παραπον", "κρίσ", "κρισ",
)


def _covers_negative(*texts: str) -> bool:
    folded = " ".join(texts).casefold()
    return any(stem in folded for stem in NEGATIVE_STEMS)


def check(ctx: PolicyContext) -> Iterator[Problem]:
    if ctx.policy.organisation is None:
        return
    routes = ctx.policy.workflow.escalation
    if any(_covers_negative(r.category, r.description) for r in routes):
        return
    yield Problem("no escalation route covers complaints or negative mentions "
                  "(nothing in its category or description says so)",
                  ("workflow", "escalation"), key=True)
