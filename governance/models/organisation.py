"""Who the policy belongs to."""

from __future__ import annotations

import datetime as dt
import enum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pycountry
from pydantic import Field, field_validator

from governance.models.common import Strict, Text, empty_list


class OrganisationKind(str, enum.Enum):
    """What sort of organisation runs the accounts: it picks the document's wording."""

    COMPANY = "company"
    PUBLIC_BODY = "public-body"
    OPEN_SOURCE = "open-source"
    COMMUNITY = "community"


class Organisation(Strict):
    """The company: its names, languages, timezone and the policy's version."""

    name: Text = Field(description="Legal or usual name of the organisation.")
    brand_names: list[Text] = Field(
        default_factory=empty_list,
        description="Names the company is called by; the tone rules look for them.",
    )
    languages: list[str] = Field(
        default_factory=lambda: ["en"],
        min_length=1,
        description="Post languages, ISO 639-1; the first is the default document language.",
    )
    timezone: str = Field("UTC", description="IANA timezone; calendar times without offset use it.")
    policy_version: Text = Field(description="Version of this policy, e.g. 2.1.")
    effective_date: dt.date = Field(description="Date the policy takes effect.")
    applies_to: str = Field(
        "", description="Who the policy applies to, in words (employees, contractors, agency)."
    )
    website: str = Field("", description="Public website.")
    contact: str = Field("", description="Where to ask about this policy.")
    consequences: str = Field("", description="What happens when the policy is not followed.")
    kind: OrganisationKind = Field(
        OrganisationKind.COMPANY,
        description="company, public-body, open-source or community: the document's wording.",
    )
    country: str | None = Field(
        None, description="ISO 3166 country code (RU, US, DE...): paper size and date style."
    )

    @field_validator("country")
    @classmethod
    def _country_code(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
            raise ValueError(f"country {value!r} is not an ISO 3166 code such as 'RU' or 'US'")
        return code

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown timezone {value!r} (use an IANA name such as Europe/Moscow)"
            ) from None
        return value

    @field_validator("languages")
    @classmethod
    def _language_codes(cls, value: list[str]) -> list[str]:
        for code in value:
            if not (2 <= len(code) <= 3 and code.isalpha() and code.islower()):
                raise ValueError(f"language {code!r} is not an ISO 639-1 code such as 'ru' or 'en'")
        return value
