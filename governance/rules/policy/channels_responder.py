"""Every channel that answers names who answers.

Comments and messages must be answered, not just counted («SMM на службе HR»: answered
comments as a KPI; the airline that answered in minutes and the one that did
not). Who answers depends on the account: a support account is best run by the
service department, an awareness account by marketing or PR («Советы по ведению корпоративных
аккаунтов» §3). The schema already requires ``owner``; this rule asks for ``responders``. A
policy that does not name them is warned, not failed: the policy states what it states. An account
whose policy is to reply to no one says ``answers: false`` and needs no responder.

Fails::

    channels:
      - id: ok-brand
        network: ok
        handle: examplebank
        purpose: brand
        owner: marketing-lead
        goals: [awareness]

Passes::

    channels:
      - id: ok-brand
        network: ok
        handle: examplebank
        purpose: brand
        owner: marketing-lead
        responders: [smm-manager]
        goals: [awareness]
      - id: x-announcements
        network: x
        handle: exampleannounce
        purpose: news
        owner: marketing-lead
        answers: false
        goals: [awareness]
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "channels.responder"
SUMMARY = "Every channel that answers comments names at least one role that answers them."
SEVERITY = Severity.WARNING
SOURCE = "«Советы по ведению корпоративных аккаунтов» §3; «SMM на службе HR»"
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, channel in enumerate(ctx.policy.channels):
        if not channel.responders and channel.answers:
            yield Problem(f"channel {channel.id!r} names no responders: comments and messages "
                          "there may go unanswered (name them, or say 'answers: false' for an "
                          "account that replies to no one)", ("channels", index, "id"),
                          channel=channel.id)
