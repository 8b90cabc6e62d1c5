"""The company is present on at least two networks.

Use at least two social networks and promote each account from the others
(«Советы по ведению корпоративных аккаунтов» §21): audiences differ between networks, and one
network's outage or policy change should not cut the company off. Base packs
(``pack:`` without ``organisation``) are not judged.

Fails::

    # over a base policy: drop the Telegram account, leaving VK alone
    channels-: [tg-support]

Passes::

    channels:
      - id: vk-brand
        network: vk
        handle: examplebank
        purpose: awareness
        owner: marketing-lead
        responders: [smm-manager]
        goals: [awareness]
      - id: tg-support
        network: telegram
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
from governance.rules.base import PolicyContext, Problem

ID = "channels.two-networks"
SUMMARY = "The policy's channels use at least two networks."
SEVERITY = Severity.INFO
SOURCE = "«Советы по ведению корпоративных аккаунтов» §21"
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    if ctx.policy.organisation is None:
        return
    networks = sorted({channel.network.value for channel in ctx.policy.channels})
    if len(networks) >= 2:
        return
    used = f"only {networks[0]}" if networks else "no network"
    yield Problem(f"the channels use {used}; be present on at least two networks and "
                  "cross-promote", ("channels",), key=True)
