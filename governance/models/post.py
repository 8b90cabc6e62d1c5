"""A planned post, as the calendar readers produce it and the lint rules read it.

Two definitions, one format: ``PostRecord`` (pydantic) is the documented file
format of YAML/JSON calendars and the source of ``schemas/calendar.schema.json``;
``Post`` is the light, slotted object the linter works on at speed (100,000 posts
must not pay for a pydantic model each). A test keeps their fields identical.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, overload

from pydantic import BaseModel, ConfigDict, Field

from governance.findings import Location
from governance.models.common import empty_list

#: Columns a calendar has by default, in the order the docs list them.
DEFAULT_COLUMNS = ("id", "publish_at", "channel", "author", "text", "link", "sponsored", "kind")
OPTIONAL_COLUMNS = ("approved_by", "topic", "tags", "media", "alt_text", "waive", "action",
                    "target")
#: What a post does on its network; ``target`` is the post it reposts, quotes or answers.
ACTIONS = ("post", "repost", "quote", "reply")
Action = Literal["post", "repost", "quote", "reply"]


@dataclass(frozen=True, slots=True)
class PostWaiver:
    """A ``waive`` cell entry: ``rule-id: reason``."""

    rule: str
    reason: str


@dataclass(slots=True)
class Post:
    """One planned publication.

    ``location`` is the row (CSV/JSONL/YAML line, XLSX cell anchor, ICS event);
    ``field_locations`` points at individual cells where the reader knows them, so
    a finding about ``text`` can point at the text cell. ``extra`` keeps any other
    column, so policy-declared rules may scope to it.
    """

    id: str
    publish_at: datetime
    channel: str
    author: str = ""
    text: str = ""
    link: str = ""
    sponsored: bool = False
    kind: str = ""
    approved_by: tuple[str, ...] = ()
    topic: str = ""
    tags: tuple[str, ...] = ()
    media: tuple[str, ...] = ()
    alt_text: str = ""
    waive: tuple[PostWaiver, ...] = ()
    action: str = "post"
    target: str = ""
    location: Location = field(default_factory=lambda: Location(""))
    field_locations: dict[str, Location] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)

    def location_of(self, name: str) -> Location:
        """The cell of field ``name`` when known, else the row."""
        return self.field_locations.get(name, self.location)

    def get(self, name: str) -> str:
        """A field as text, for rules declared in YAML with a ``scope``."""
        if name in _TEXT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, tuple):
                return " ".join(str(v) for v in value)
            if isinstance(value, bool):
                return "true" if value else "false"
            if isinstance(value, datetime):
                return value.isoformat()
            return str(value)
        return self.extra.get(name, "")


_TEXT_FIELDS = frozenset(DEFAULT_COLUMNS + OPTIONAL_COLUMNS)


class PostRows(Sequence[Post]):
    """Posts by row number, each made (``make``) when it is read: a million rows
    of a column store cost their row numbers, not a million objects."""

    __slots__ = ("make",)
    make: Callable[[int], Post]  # the post of a row
    rows: Sequence[int]  # the rows, in this sequence's order

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> Post: ...
    @overload
    def __getitem__(self, index: slice) -> list[Post]: ...
    def __getitem__(self, index: int | slice) -> Post | list[Post]:
        if isinstance(index, slice):
            return list(map(self.make, self.rows[index]))
        return self.make(self.rows[index])

    def __iter__(self) -> Iterator[Post]:
        return map(self.make, self.rows)


class PostRecord(BaseModel):
    """A post in a YAML or JSON calendar (a list of these, or ``{posts: [...]}``)."""

    model_config = ConfigDict(extra="allow", title="Post")

    id: str = Field(description="Stable id of the post, unique in the calendar.")
    publish_at: datetime = Field(
        description="ISO 8601 date-time; without an offset it is read in the policy's timezone."
    )
    channel: str = Field(description="A channel id of the policy, or a network name.")
    author: str = Field("", description="Role id of the author.")
    text: str = Field("", description="The text of the post as it will be published.")
    link: str = Field("", description="The link the post shares, if any.")
    sponsored: bool = Field(False, description="Paid or sponsored content (needs disclosure).")
    kind: str = Field("", description="Content kind: promo, news, engagement, support, ...")
    approved_by: list[str] = Field(
        default_factory=empty_list, description="Role ids that approved.")
    topic: str = Field("", description="Topic, one of the channel's topics.")
    tags: list[str] = Field(default_factory=empty_list, description="Free tags.")
    media: list[str] = Field(default_factory=empty_list, description="Media files or URLs.")
    alt_text: str = Field("", description="Alternative text of the media.")
    waive: list[str] = Field(
        default_factory=empty_list, description="Per-post waivers, each 'rule-id: reason'."
    )
    action: Action = Field(
        "post", description="What the post does: a new post, a repost, a quote post or a reply."
    )
    target: str = Field(
        "", description="The URL of the post reposted, quoted or replied to."
    )


class CalendarDocument(BaseModel):
    """A YAML or JSON calendar file in its mapping form."""

    model_config = ConfigDict(extra="forbid", title="Calendar")

    posts: list[PostRecord]
