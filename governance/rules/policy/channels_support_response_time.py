"""A support channel sets a response time.

Customers who write to a support account expect an answer within minutes: one
bank answers in 5-10 minutes («Ποιος είναι διευθυντής SMM»), and a slow answer to a negative
mention costs reputation («Советы по ведению корпоративных аккаунтов» §17-18; the airline story
in «SMM на службе HR»). So every channel with ``purpose: support`` has
``response_time_minutes``. A policy that does not state it is warned, not failed: a made-up
figure would be worse than none.

Fails::

    channels:
      - id: vk-support
        network: vk
        handle: examplebank_help
        purpose: support
        owner: support-lead
        responders: [support-lead]
        goals: [service]

Passes::

    channels:
      - id: vk-support
        network: vk
        handle: examplebank_help
        purpose: support
        owner: support-lead
        responders: [support-lead]
        goals: [service]
        response_time_minutes: 10
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.models.channels import Purpose
from governance.rules.base import PolicyContext, Problem

ID = "channels.support-response-time"
SUMMARY = "Every support channel sets response_time_minutes."
SEVERITY = Severity.WARNING
SOURCE = "«Советы по ведению корпоративных аккаунтов» §3, §17-18; «Ποιος είναι διευθυντής SMM»"
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, channel in enumerate(ctx.policy.channels):
        if channel.purpose is Purpose.SUPPORT and channel.response_time_minutes is None:
            yield Problem(f"support channel {channel.id!r} sets no response_time_minutes: "
                          "nobody can tell whether its customers are answered in time",
                          ("channels", index, "id"), channel=channel.id)
