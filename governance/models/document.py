"""The staff document's title, introduction and sections: the policy's own and generated ones."""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import Field, StringConstraints

from governance.models.common import Strict, Text, empty_list

RuleId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class GeneratedName(str, enum.Enum):
    """A section the tool writes from the policy's data."""

    ROLES = "roles"
    CHANNELS = "channels"
    WORKFLOW = "workflow"
    TONE = "tone"
    RULES = "rules"
    DISCLOSURE = "disclosure"
    RESPONSES = "responses"
    LEADERSHIP = "leadership"
    KPIS = "kpis"
    WAIVERS = "waivers"
    CONSEQUENCES = "consequences"
    VERSION = "version"


class Paper(str, enum.Enum):
    A4 = "a4"
    LETTER = "letter"


class OwnSection(Strict):
    """A chapter in the policy's own words, optionally stating some of its rules."""

    title: Text
    body: str = Field("", description="Markdown: paragraphs, lists, emphasis, links.")
    rules: list[RuleId] = Field(
        default_factory=empty_list,
        description="Rules (shipped or declared) stated in this section rather than under 'rules'.",
    )


class GeneratedSection(Strict):
    """A section written from the policy's data, under its usual or a new title."""

    generated: GeneratedName
    title: str = Field("", description="A title of your own (default: the usual one).")


class DocumentSettings(Strict):
    """The staff document: its title, its introduction and the order of its sections."""

    title: str = Field(
        "", description="Document title (default: '<organisation>: social media policy')."
    )
    intro: str = Field(
        "", description="Markdown introduction; replaces the generated statement of purpose."
    )
    sections: list[OwnSection | GeneratedSection] | None = Field(
        None,
        description="Sections in order. Without it the document has the usual sections; rules "
        "placed nowhere go to the generated 'rules' section (added at the end if not listed).",
    )
    paper: Paper | None = Field(
        None, description="Word and PDF page size (default: Letter in the US and Canada, else A4)."
    )
