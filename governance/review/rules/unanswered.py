"""Unanswered: messages received in the month that have no answer in the inbox export.

Comments must be answered, not only counted («SMM на службе HR»); an unanswered
complaint is the airline story of the same article.

Fails::

    # inbox.csv, governance review --period 2026-12: no answer
    id,channel,received,responded
    m1,vk-community,2026-12-03 10:00,

Passes::

    # answered, even if only after two days
    id,channel,received,responded
    m1,vk-community,2026-12-03 10:00,2026-12-05 10:00
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.review.data import ReviewData
from governance.rules.base import Problem

ID = "review.unanswered"
SUMMARY = "Messages of the month were never answered."
SEVERITY = Severity.WARNING
SOURCE = "«SMM на службе HR»"


def check(data: ReviewData) -> Iterator[Problem]:
    for result in data.responses:
        if not result.unanswered:
            continue
        ids = [m.id for m in result.unanswered]
        shown = ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")
        yield Problem(f"{result.channel}: {len(ids)} of {result.received} messages unanswered "
                      f"({shown})", channel=result.channel,
                      data={"where": result.unanswered[0].where, "messages": ids})
