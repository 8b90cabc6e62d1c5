"""The inbox export: one row a message received on a channel, and what became of it.

Columns (or the names the policy maps under ``review.inbox_columns``):
``message_id, channel, received_at, responded_at`` (empty: unanswered),
``negative`` (yes/no) or ``sentiment`` (``negative`` counts as negative),
``category`` (matched to an escalation route's ``category``), ``escalated_to``
(a role id) and ``escalated_at``. Times are ISO 8601; one without an offset is
in the policy's timezone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from governance.findings import Location
from governance.models.policy import Policy
from governance.review.tables import (
    ReviewInputError,
    Row,
    header_mapping,
    map_fields,
    parse_time,
    read_rows,
)

FIELDS = ("message_id", "channel", "received_at", "responded_at", "negative", "sentiment",
          "category", "escalated_to", "escalated_at")
_ALIASES = {"id": "message_id", "received": "received_at", "responded": "responded_at",
            "answered_at": "responded_at", "escalated": "escalated_to"}
_YES = {"yes", "true", "1", "да", "y"}
_NO = {"no", "false", "0", "нет", "n", ""}
_NEGATIVE = {"negative", "негатив", "негативный", "negative mention"}


@dataclass(frozen=True)
class Message:
    id: str
    channel: str
    received: dt.datetime
    responded: dt.datetime | None
    negative: bool
    category: str
    escalated_to: str
    escalated: dt.datetime | None
    where: Location

    @property
    def response_minutes(self) -> float | None:
        if self.responded is None:
            return None
        return (self.responded - self.received).total_seconds() / 60


def read_inbox(paths: Sequence[str], policy: Policy, zone: dt.tzinfo) -> list[Message]:
    messages: list[Message] = []
    for path in paths:
        names, rows = read_rows(path)
        mapping = header_mapping(names, policy.review.inbox_columns, FIELDS, _ALIASES)
        missing = [f for f in ("message_id", "channel", "received_at")
                   if f not in mapping.values()]
        if missing:
            raise ReviewInputError(Location(path, 1, 1), f"no {', '.join(missing)} column (map "
                                   "other names under review.inbox_columns)")
        messages.extend(_message(map_fields(row, mapping), policy, zone) for row in rows)
    return messages


def _message(row: Row, policy: Policy, zone: dt.tzinfo) -> Message:
    channel = row.get("channel")
    if policy.channel(channel) is None:
        raise row.fail("channel", f"unknown channel {channel!r}")
    received = parse_time(row, "received_at", zone)
    if received is None:
        raise row.fail("received_at", "empty received_at")
    responded = parse_time(row, "responded_at", zone)
    if responded is not None and responded < received:
        raise row.fail("responded_at", "responded_at is before received_at")
    escalated = parse_time(row, "escalated_at", zone)
    if escalated is not None and escalated < received:
        raise row.fail("escalated_at", "escalated_at is before received_at")
    return Message(row.get("message_id") or str(row.where), channel, received, responded,
                   _negative(row), row.get("category"), row.get("escalated_to"), escalated,
                   row.where)


def _negative(row: Row) -> bool:
    flag = row.get("negative").casefold()
    if flag in _YES:
        return True
    if flag not in _NO:
        raise row.fail("negative", f"negative {row.get('negative')!r}: expected yes or no")
    return row.get("sentiment").casefold() in _NEGATIVE
