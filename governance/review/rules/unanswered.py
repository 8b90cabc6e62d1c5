"""Unanswered: messages received in the month that have no answer in the inbox export.

Comments must be answered, not only counted («SMM на службе HR»); an unanswered
complaint is the airline story of the same article.

Failing: a message on ``vk-community`` received on 12 December has an empty ``responded_at``.

Passing: every message of the month has a ``responded_at``, even one after the month ended.
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
