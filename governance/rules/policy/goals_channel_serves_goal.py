"""Every channel serves at least one goal.

An account that serves no business goal has no measure of success and no reason
to exist; tie it to a goal or close it («Политика в отношении социальных сетей: то, что растет,
должно расти выше» §1, §5; «Советы по ведению корпоративных аккаунтов» §1: define the goals of
your presence first). A policy that does not state it is warned, not failed: a made-up figure
would be worse than none.

Fails::

    channels:
      - id: ok-brand
        network: ok
        handle: examplebank
        purpose: brand
        owner: marketing-lead
        responders: [smm-manager]

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

ID = "goals.channel-serves-goal"
SUMMARY = "Every channel lists at least one goal it serves."
SEVERITY = Severity.WARNING
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» §1, §5; "
          "«Советы по ведению корпоративных аккаунтов» §1")
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    for index, channel in enumerate(ctx.policy.channels):
        if not channel.goals:
            yield Problem(f"channel {channel.id!r} serves no goal (goals: is empty): nothing "
                          "says what it is for or how its success is measured",
                          ("channels", index, "id"), channel=channel.id)
