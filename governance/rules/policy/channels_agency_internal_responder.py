"""A channel run by an agency has at least one internal responder.

An agency posts well but cannot solve a customer's problem; the SMM manager
connects the customer with the responsible service («Ποιος είναι διευθυντής SMM»), and a support
account is best run by the service department itself («Советы по ведению корпоративных аккаунтов»
§3). So when a channel's owner or operator is an agency or external role, at least one of its
responders is internal staff.

Fails::

    channels:
      - id: vk-brand
        network: vk
        handle: examplebank
        purpose: awareness
        owner: marketing-lead
        operated_by: agency
        responders: [agency]
        goals: [awareness]

Passes::

    channels:
      - id: vk-brand
        network: vk
        handle: examplebank
        purpose: awareness
        owner: marketing-lead
        operated_by: agency
        responders: [agency, smm-manager]
        goals: [awareness]
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.models.roles import Role
from governance.rules.base import PolicyContext, Problem

ID = "channels.agency-internal-responder"
SUMMARY = "A channel owned or operated by an agency has an internal responder."
SEVERITY = Severity.ERROR
SOURCE = "«Советы по ведению корпоративных аккаунтов» §3; «Ποιος είναι διευθυντής SMM»"
TARGET = "policy"


def _describe(role_ids: list[str], roles: dict[str, Role]) -> str:
    return " and ".join(f"{r!r} (an {roles[r].type.value} role)" for r in role_ids)


def check(ctx: PolicyContext) -> Iterator[Problem]:
    roles = {role.id: role for role in ctx.policy.roles}
    for index, channel in enumerate(ctx.policy.channels):
        runners = [r for r in dict.fromkeys((channel.owner, channel.operated_by)) if r in roles]
        outside = [r for r in runners if not roles[r].is_internal]
        # An undeclared responder is a reference error already; whether it is
        # internal is unknown, so the channel is not judged until it is fixed.
        if not outside or any(r not in roles for r in channel.responders):
            continue
        if any(roles[r].is_internal for r in channel.responders):
            continue
        where = "responders" if channel.responders else "id"
        yield Problem(
            f"channel {channel.id!r} is run by {_describe(outside, roles)} but has no "
            "internal responder to connect customers with the company",
            ("channels", index, where),
            channel=channel.id,
        )
