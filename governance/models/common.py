"""Building blocks shared by every part of the policy format."""

from __future__ import annotations

import enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints

#: Ids of roles, channels, goals, activities and rules: short, stable, greppable.
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", min_length=1, max_length=80),
]
#: A reference to an id declared elsewhere; checked after loading.
RoleRef = Id
ChannelRef = Id
GoalRef = Id
ActivityRef = Id
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Every policy model rejects unknown keys, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, use_enum_values=False,
                              defer_build=True)


def empty_list() -> list[Any]:
    """The ``default_factory`` of list fields.

    ``list`` itself would do, but pydantic reads the signature of every factory
    when it builds a model, and ``inspect`` parses a builtin's from its text: a
    tenth of a millisecond a field, a tenth of the time the models take to load.
    """
    return []


class Network(str, enum.Enum):
    VK = "vk"
    TELEGRAM = "telegram"
    X = "x"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    LINKEDIN = "linkedin"
    YOUTUBE = "youtube"
    THREADS = "threads"
    TIKTOK = "tiktok"
    OK = "ok"
    DZEN = "dzen"
    RUTUBE = "rutube"
    PINTEREST = "pinterest"
    MASTODON = "mastodon"
    BLUESKY = "bluesky"
    WHATSAPP = "whatsapp"
    MAX = "max"
    OTHER = "other"

    @classmethod
    def _missing_(cls, value: object) -> Network | None:
        # Calendars and older policies still say "twitter".
        if isinstance(value, str) and value.strip().lower() in {"twitter", "x.com"}:
            return cls.X
        if isinstance(value, str) and value.strip().lower() != value:
            return cls._value2member_map_.get(value.strip().lower())  # type: ignore[return-value]
        return None


class Period(str, enum.Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half-year"
    YEAR = "year"

    @property
    def days(self) -> int:
        return {"day": 1, "week": 7, "month": 31, "quarter": 92, "half-year": 183, "year": 366}[
            self.value
        ]


class Cadence(str, enum.Enum):
    """How often something recurring happens (reviews, reports)."""

    DAILY = "daily"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    AD_HOC = "ad-hoc"

    @property
    def days(self) -> int | None:
        table = {"daily": 1, "weekly": 7, "biweekly": 14, "monthly": 31, "quarterly": 92,
                 "yearly": 366}
        return table.get(self.value)


class SeverityName(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OFF = "off"


def _bare_off(value: object) -> object:
    # YAML 1.1 reads an unquoted ``off`` as false; the author meant the word.
    return SeverityName.OFF if value is False else value


#: A severity as written in YAML, where a bare ``off`` arrives as ``False``.
SeverityField = Annotated[SeverityName, BeforeValidator(_bare_off)]
