"""Escalation late: a message of an escalation category did not reach the route's role in time.

The SMM manager does not solve the customer's problem, they connect the customer
with the responsible service («Ποιος είναι διευθυντής SMM»); negative mentions
need a fast reaction («Советы по ведению корпоративных аккаунтов», § 17–18). A
message whose ``category`` is a route's ``category`` must be escalated to the
route's role (``escalated_to``) within its ``within_minutes``.

In the example policy the route ``negative-mention`` takes a «негативное упоминание»
to ``support-lead`` within 30 minutes.

Fails::

    # inbox.csv, governance review --period 2026-12: escalated after an hour
    id,channel,received,category,escalated_to,escalated_at
    m1,vk-community,2026-12-03 10:00,негативное упоминание,support-lead,2026-12-03 11:00

Passes::

    id,channel,received,category,escalated_to,escalated_at
    m1,vk-community,2026-12-03 10:00,негативное упоминание,support-lead,2026-12-03 10:20
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.review.data import ReviewData, number
from governance.rules.base import Problem

ID = "review.escalation-late"
SUMMARY = "A message did not reach its escalation route's role within the time limit."
SEVERITY = Severity.ERROR
SOURCE = "«Ποιος είναι διευθυντής SMM»; «Советы по ведению корпоративных аккаунтов», § 17–18"


def check(data: ReviewData) -> Iterator[Problem]:
    for item in data.escalations:
        if item.on_time:
            continue
        route, message = item.route, item.message
        if item.minutes is None:
            what = (f"escalated to {message.escalated_to!r}, not {route.to!r}"
                    if message.escalated_to else "not escalated")
        else:
            what = f"escalated after {number(item.minutes)} minutes"
        limit = f" within {route.within_minutes} minutes" if route.within_minutes else ""
        yield Problem(f"message {message.id} ({route.category}): {what}; route {route.id} "
                      f"takes it to {route.to}{limit}", channel=message.channel,
                      data={"where": message.where, "messages": [message.id]})
