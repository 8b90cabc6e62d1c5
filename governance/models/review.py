"""How the monthly review reads the company's exports and measures its KPIs."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from governance.models.common import ChannelRef, Id, Strict, empty_list

#: How the daily values of a metric make the value of a KPI over a period.
Aggregate = Literal["sum", "last", "mean"]


class KpiMeasure(Strict):
    """Where a KPI's numbers come from in the metrics export."""

    metric: str = Field(description="The metric's name in the export (default: the KPI's id).")
    aggregate: Aggregate = Field(
        "sum", description="sum: counts (reposts); last: levels (followers); mean: rates (%).")
    channels: list[ChannelRef] = Field(
        default_factory=empty_list,
        description="Channels whose rows count; empty means every channel.")


class ReviewSettings(Strict):
    """The monthly leadership review: export layouts, KPI sources and thresholds."""

    columns: dict[str, str] = Field(
        default_factory=dict,
        description="Column in the metrics export -> field (date, channel, metric, value).")
    inbox_columns: dict[str, str] = Field(
        default_factory=dict,
        description="Column in the inbox export -> field (message_id, channel, received_at, "
                    "responded_at, negative, sentiment, category, escalated_to, escalated_at).")
    kpis: dict[Id, KpiMeasure] = Field(
        default_factory=dict,
        description="KPI id -> its metric in the export and how to add it up.")
    response_share_percent: float = Field(
        90, ge=0, le=100,
        description="Share of messages a channel answers within its response time, at least.")
    default_channel: ChannelRef | None = Field(
        None, description="Channel of export rows that name none (a single-account export).")
