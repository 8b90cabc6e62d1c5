"""What the review rules see: the month's measurements, computed once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from governance.models.policy import Policy

if TYPE_CHECKING:
    # Types only: the rule catalogue imports the review's rules, which read this
    # module, and ``governance check`` has no measurements to compute.
    from governance.review.kpis import KpiResult
    from governance.review.periods import Span
    from governance.review.responses import ChannelResponses, Escalation


@dataclass(frozen=True)
class ReviewData:
    policy: Policy
    month: Span
    kpis: tuple[KpiResult, ...]
    responses: tuple[ChannelResponses, ...]
    escalations: tuple[Escalation, ...]
    #: KPI id -> the KPI as each month's review judged it, for the page's chart.
    history: Mapping[str, tuple[KpiResult, ...]] = field(default_factory=dict)


def number(value: float | None) -> str:
    """A figure as the reports show it: whole numbers plain, others to one decimal."""
    if value is None:
        return "—"
    return f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"
