"""Goals and the KPIs that measure them («Политика в отношении социальных сетей: то, что растет,
должно расти выше» §1, §5; «SMM на службе HR»)."""

from __future__ import annotations

import enum
from typing import Literal

from pydantic import Field

from governance.models.common import Cadence, Id, Period, RoleRef, Strict, Text, empty_list


class BusinessGoal(str, enum.Enum):
    ENGAGEMENT = "engagement"
    SALES = "sales"
    CUSTOMER_SERVICE = "customer_service"
    BRAND_AWARENESS = "brand_awareness"
    RECRUITING = "recruiting"
    PRODUCT_DEVELOPMENT = "product_development"
    RETENTION = "retention"
    REPUTATION = "reputation"
    INTERNAL_COMMUNICATION = "internal_communication"


class Target(Strict):
    """A KPI target: an absolute value, or a relative change against the period's start."""

    type: Literal["absolute", "relative"] = Field(
        description="absolute: reach the value; relative: change by value percent."
    )
    value: float = Field(description="Value to reach, or change in percent (100 = x2).")

    unit: str = Field("", description="Unit of an absolute value: followers, minutes, %.")
    direction: Literal["increase", "decrease"] = Field(
        "increase", description="Whether more or less is better (response time: decrease)."
    )


class Review(Strict):
    cadence: Cadence = Field(description="How often the KPI is reviewed.")
    by: RoleRef = Field(description="The role that reviews it.")


class KPI(Strict):
    id: Id
    metric: Text = Field(description="What is counted: followers, shares, answered comments, ...")
    description: str = ""
    target: Target | None = None
    period: Period | None = Field(None, description="Over which period the target is measured.")
    owner: RoleRef | None = Field(None, description="The role responsible for the KPI.")
    review: Review | None = None


class Goal(Strict):
    id: Id
    statement: Text = Field(description="The goal in one sentence.")
    business_goal: BusinessGoal = Field(description="The business goal it serves.")
    description: str = ""
    kpis: list[KPI] = Field(default_factory=empty_list)
