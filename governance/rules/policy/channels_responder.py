"""Every channel has an owner and at least one responder.

Comments and messages must be answered, not just counted («SMM на службе HR»: answered
comments as a KPI; the airline that answered in minutes and the one that did
not). Who answers depends on the account: a support account is best run by the
service department, an awareness account by marketing or PR («Советы по ведению корпоративных
аккаунтов» §3). The schema already requires ``owner``; this rule requires ``responders``.

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
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "channels.responder"
SUMMARY = "Every channel has an owner and at least one role that answers comments."
SEVERITY = Severity.ERROR
SOURCE = "«Советы по ведению корпоративных аккаунтов» §3; «SMM на службе HR»"
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, channel in enumerate(ctx.policy.channels):
        if not channel.responders:
            yield Problem(f"channel {channel.id!r} has no responders: nobody answers "
                          "comments and messages", ("channels", index, "id"),
                          channel=channel.id)
