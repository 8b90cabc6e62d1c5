"""Channels: the company's accounts and how each is run («Советы по ведению корпоративных
аккаунтов» §3, §6, §10, §21)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from governance.models.common import GoalRef, Id, Network, RoleRef, Strict, Text, empty_list


class Purpose(str, enum.Enum):
    SUPPORT = "support"
    BRAND = "brand"
    AWARENESS = "awareness"
    NEWS = "news"
    SALES = "sales"
    RECRUITING = "recruiting"
    COMMUNITY = "community"
    INTERNAL = "internal"


class ChannelCadence(Strict):
    """Not too often, not too rarely («Советы по ведению корпоративных аккаунтов» §10)."""

    max_per_hour: int | None = Field(None, ge=1)
    max_per_day: int | None = Field(None, ge=1)
    min_per_week: int | None = Field(None, ge=0)
    max_silence_days: int | None = Field(
        None, ge=1, description="Longest allowed gap between two posts, in days."
    )
    include_partial: bool = Field(
        False, description="Also judge min_per_week in the part-weeks at the calendar's edges."
    )


def _clock_time(value: Any) -> Any:
    """YAML 1.1 reads an unquoted ``10:00`` as the sexagesimal number 600.

    pydantic would take 600 as seconds (00:10); read it back as hours and minutes,
    which is what the author wrote.
    """
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return dt.time(value // 60, value % 60)
    return value


def _clock_schema(schema: dict[str, Any]) -> None:
    # JSON Schema's "time" format demands seconds and an offset; editors would flag 08:00.
    schema.pop("format", None)
    schema["pattern"] = r"^([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"


ClockTime = Annotated[dt.time, BeforeValidator(_clock_time)]


class PostingHours(Strict):
    """Local time window in which posts may be published (policy timezone)."""

    start: ClockTime = Field(
        description="Earliest publishing time, e.g. '08:00'.", json_schema_extra=_clock_schema
    )
    end: ClockTime = Field(
        description="Latest publishing time, e.g. '22:00'.", json_schema_extra=_clock_schema
    )
    weekdays: list[int] = Field(
        default_factory=lambda: [1, 2, 3, 4, 5, 6, 7],
        description="ISO weekdays allowed, 1 = Monday.",
    )

    @model_validator(mode="after")
    def _ordered(self) -> PostingHours:
        if self.end <= self.start:
            raise ValueError("posting hours end must be after start")
        if any(not 1 <= day <= 7 for day in self.weekdays):
            raise ValueError("weekdays are ISO numbers 1 (Monday) to 7 (Sunday)")
        return self


class ChannelLimits(Strict):
    """A channel may be stricter than its network's hard limits."""

    max_length: int | None = Field(None, ge=1)
    max_hashtags: int | None = Field(None, ge=0)
    max_links: int | None = Field(None, ge=0)


class Channel(Strict):
    id: Id
    network: Network
    handle: Text = Field(description="Account handle or page name.")
    url: str = ""
    purpose: Purpose
    description: str = ""
    owner: RoleRef = Field(description="Role accountable for the account.")
    operated_by: RoleRef | None = Field(
        None, description="Role that runs the account day to day, if not the owner (an agency)."
    )
    responders: list[RoleRef] = Field(
        default_factory=empty_list, description="Roles that answer comments and messages."
    )
    answers: bool = Field(
        True, description="False for an account that, by its policy, replies to no one."
    )
    authors: list[RoleRef] = Field(
        default_factory=empty_list, description="Roles that may author posts; empty means any role."
    )
    audience: str = ""
    language: str | None = Field(None, description="Language of the posts, if not the default.")
    goals: list[GoalRef] = Field(
        default_factory=empty_list, description="Goals the account serves.")
    topics: list[Text] = Field(
        default_factory=empty_list, description="Topics the account stays on; empty means any."
    )
    cadence: ChannelCadence | None = None
    posting_hours: PostingHours | None = None
    response_time_minutes: int | None = Field(
        None, ge=1, description="Target time to first answer a comment or message."
    )
    limits: ChannelLimits | None = None
