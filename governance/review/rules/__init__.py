"""The review's rules, in report order: KPIs, then responses, then escalations."""

from __future__ import annotations

from types import ModuleType

from governance.review.rules import (
    escalation_late,
    kpi_at_risk,
    kpi_missed,
    kpi_no_data,
    response_sla,
    unanswered,
)

MODULES: tuple[ModuleType, ...] = (kpi_missed, kpi_at_risk, kpi_no_data, response_sla,
                                   unanswered, escalation_late)
