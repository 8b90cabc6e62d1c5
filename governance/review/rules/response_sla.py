"""Response time: a channel answered too few messages within its response target.

Answer fast: one bank answers within 5–10 minutes («Ποιος είναι διευθυντής SMM»);
counting comments is not enough, they must be answered («SMM на службе HR»).
The share required is ``review.response_share_percent`` (90 % by default);
unanswered messages count as late.

In the example policy ``tg-support`` answers within 10 minutes.

Fails::

    # inbox.csv, governance review --period 2026-12: answered after 25 minutes
    id,channel,received,responded
    m1,tg-support,2026-12-03 10:00,2026-12-03 10:25

Passes::

    id,channel,received,responded
    m1,tg-support,2026-12-03 10:00,2026-12-03 10:05
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.review.data import ReviewData, number
from governance.rules.base import Problem

ID = "review.response-sla"
SUMMARY = "A channel answered too few messages within its response target."
SEVERITY = Severity.ERROR
SOURCE = "«Ποιος είναι διευθυντής SMM»; «SMM на службе HR»"


def check(data: ReviewData) -> Iterator[Problem]:
    required = data.policy.review.response_share_percent
    for result in data.responses:
        share = result.share_within
        if share is None or share >= required:
            continue
        yield Problem(
            f"{result.channel}: {result.within_target} of {result.received} messages answered "
            f"within {result.target_minutes} minutes ({number(share)} %, at least "
            f"{number(required)} % required); median {number(result.median_minutes)} min, "
            f"90th percentile {number(result.p90_minutes)} min",
            channel=result.channel,
            data={"where": result.late[0].where, "messages": [m.id for m in result.late]})
