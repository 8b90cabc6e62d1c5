"""Per channel: how fast messages were answered against the channel's response target.

A message belongs to the month it was received in (local time); its response
time is real even when the answer came after the month ended. Unanswered
messages count as outside the target. The 90th percentile is the nearest rank:
the smallest time that at least 90 % of the answered messages did not exceed.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo

from governance.models.policy import Policy
from governance.models.workflow import EscalationRoute
from governance.review.inbox import Message
from governance.review.periods import Span


@dataclass(frozen=True)
class ChannelResponses:
    channel: str
    target_minutes: int | None
    received: int
    answered: int
    within_target: int
    median_minutes: float | None
    p90_minutes: float | None
    unanswered: tuple[Message, ...]
    late: tuple[Message, ...]  # answered after the target (or not at all)

    @property
    def share_within(self) -> float | None:
        """Percent of the messages answered within the target; None without a target."""
        if self.target_minutes is None or not self.received:
            return None
        return 100 * self.within_target / self.received


def in_month(messages: Sequence[Message], month: Span, zone: tzinfo) -> list[Message]:
    return [m for m in messages if m.received.astimezone(zone).date() in month]


def per_channel(policy: Policy, messages: Sequence[Message]) -> list[ChannelResponses]:
    results = []
    for channel in policy.channels:
        mine = [m for m in messages if m.channel == channel.id]
        if not mine:
            continue
        times = sorted(t for m in mine if (t := m.response_minutes) is not None)
        target = channel.response_time_minutes
        late = tuple(m for m in mine if target is not None and (
            m.response_minutes is None or m.response_minutes > target))
        results.append(ChannelResponses(
            channel.id, target, len(mine), len(times), len(mine) - len(late),
            statistics.median(times) if times else None, nearest_rank(times, 90),
            tuple(m for m in mine if m.responded is None), late))
    return results


def nearest_rank(ordered: Sequence[float], percent: float) -> float | None:
    if not ordered:
        return None
    return ordered[max(math.ceil(percent / 100 * len(ordered)), 1) - 1]


@dataclass(frozen=True)
class Escalation:
    message: Message
    route: EscalationRoute
    minutes: float | None  # to the escalation, if it went to the route's role
    on_time: bool


def escalations(policy: Policy, messages: Sequence[Message]) -> list[Escalation]:
    """Messages whose category has a declared route, judged against its role and time limit."""
    routes = {r.category.casefold(): r for r in policy.workflow.escalation}
    judged = []
    for message in messages:
        route = routes.get(message.category.casefold()) if message.category else None
        if route is None:
            continue
        minutes = None
        if message.escalated is not None and message.escalated_to == route.to:
            minutes = (message.escalated - message.received).total_seconds() / 60
        on_time = minutes is not None and (route.within_minutes is None
                                           or minutes <= route.within_minutes)
        judged.append(Escalation(message, route, minutes, on_time))
    return judged
