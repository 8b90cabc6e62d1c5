"""Tone of voice and content rules («Советы по ведению корпоративных аккаунтов» §4-6, §10, §22-23),
disclosures, network limits."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from governance.models.channels import PostingHours
from governance.models.common import ChannelRef, Id, Network, Strict, Text, empty_list
from governance.models.rules import DeclaredRule, RuleFilter


class ToneExample(Strict):
    dont: Text = Field(description="How not to write it.")
    do: Text = Field(description="How to write it instead.")
    why: str = ""


class TonePolicy(Strict):
    """How the company sounds: friendly, not official; "we", never "the company" (003 §4)."""

    voice: str = Field("", description="The voice in a sentence or two, for the staff document.")
    principles: list[Text] = Field(default_factory=empty_list)
    examples: list[ToneExample] = Field(default_factory=empty_list)
    officialese: dict[str, list[Text]] = Field(
        default_factory=dict,
        description="Bureaucratic phrases to avoid, per language code (ru, en, ...).",
    )
    officialese_stem: bool = Field(True, description="Match inflected forms of the phrases.")
    first_person: dict[str, list[Text]] = Field(
        default_factory=dict,
        description="Words that show the 'we' voice, per language (мы, наш; we, our).",
    )
    rules: list[DeclaredRule] = Field(default_factory=empty_list)


class ContentKind(Strict):
    id: Id
    description: str = ""
    promotional: bool = Field(False, description="Counts toward the promo share.")


class ShareLimit(Strict):
    max_percent: float = Field(gt=0, le=100)
    window_days: int = Field(30, ge=1, description="Rolling window the share is measured over.")
    min_posts: int = Field(5, ge=1, description="Windows with fewer posts are not judged.")
    source: str = ""


class DuplicateSettings(Strict):
    """Identical or near-identical texts: the account is not an RSS feed (003 §23)."""

    window_days: int = Field(30, ge=1)
    similarity: float = Field(0.9, gt=0, le=1, description="1.0 = identical after normalising.")
    source: str = ""


class Blackout(Strict):
    id: Id
    start: dt.date
    end: dt.date
    reason: Text
    channels: list[ChannelRef] = Field(
        default_factory=empty_list, description="Empty: all channels.")
    allow_kinds: list[Text] = Field(
        default_factory=empty_list, description="Kinds still allowed, e.g. support answers."
    )

    @model_validator(mode="after")
    def _ordered(self) -> Blackout:
        if self.end < self.start:
            raise ValueError("a blackout must end on or after its start")
        return self


class Event(Strict):
    """A date the calendar works towards: an election, a release, a conference."""

    id: Id
    start: dt.date
    end: dt.date | None = Field(None, description="The last day; the start day when absent.")
    description: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> Event:
        if self.end is not None and self.end < self.start:
            raise ValueError("an event must end on or after its start")
        return self


class PersonalData(Strict):
    emails: bool = True
    phones: bool = True
    allow: list[Text] = Field(
        default_factory=empty_list,
        description="Addresses and numbers that may appear (press office).",
    )


class ContentPolicy(Strict):
    kinds: list[ContentKind] = Field(default_factory=empty_list)
    principles: list[Text] = Field(
        default_factory=empty_list, description="Guidance for the document.")
    promo_share: ShareLimit | None = None
    link_share: ShareLimit | None = None
    duplicates: DuplicateSettings | None = None
    posting_hours: PostingHours | None = Field(None, description="Default for every channel.")
    blackouts: list[Blackout] = Field(default_factory=empty_list)
    events: list[Event] = Field(
        default_factory=empty_list, description="Dates schedule rules count posts before."
    )
    personal_data: PersonalData | None = None
    confidential: list[Text] = Field(
        default_factory=empty_list, description="What staff never post (for the document)."
    )
    rules: list[DeclaredRule] = Field(default_factory=empty_list)


class SponsorshipDisclosure(Strict):
    """FTC-style: a clear label near the start, not buried among hashtags."""

    labels: list[Text] = Field(default_factory=lambda: ["#ad", "#sponsored"])
    within_first: int = Field(100, ge=1, description="The label must start within N characters.")
    kinds: list[Text] = Field(
        default_factory=empty_list, description="Kinds that need it besides posts marked sponsored."
    )
    applies_to: RuleFilter = Field(
        default_factory=RuleFilter,
        description="Where the duty holds: channels, networks, languages; empty means everywhere.",
    )
    source: str = ""


class AdvertisingMarking(Strict):
    """Russian advertising marking: the label, the advertiser and an erid token."""

    label: Text = "Реклама"
    require_advertiser: bool = True
    require_erid: bool = True
    kinds: list[Text] = Field(
        default_factory=empty_list, description="Kinds that need it besides posts marked sponsored."
    )
    applies_to: RuleFilter = Field(
        default_factory=RuleFilter,
        description="Where the duty holds: channels, networks, languages; empty means everywhere.",
    )
    source: str = ""


class Disclosure(Strict):
    sponsorship: SponsorshipDisclosure | None = None
    advertising_ru: AdvertisingMarking | None = None


class NetworkLimits(Strict):
    """Hard limits of a network, as the network counts them."""

    max_length: int | None = Field(None, ge=1)
    caption_max_length: int | None = Field(
        None, ge=1, description="Limit for a text sent as a media caption."
    )
    title_max_length: int | None = Field(None, ge=1)
    max_hashtags: int | None = Field(None, ge=0)
    counting: Literal["chars", "x", "utf16", "graphemes", "mastodon"] = Field(
        "chars", description="How the network counts: code points, X's weights, UTF-16, "
        "graphemes (Bluesky), or Mastodon's (graphemes, links 23).")
    max_bytes: int | None = Field(
        None, ge=1, description="A ceiling in UTF-8 bytes, besides the length.")
    source: str = ""


NetworkTable = dict[Network, NetworkLimits]
