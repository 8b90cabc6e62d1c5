"""Rules a policy declares in YAML, without Python: a few reusable types.

Like proselint's check types, each type is a shape of check; a policy gives it
data (terms, a pattern, limits). Every rule carries its own examples, which must
hold when the policy loads, so a rule cannot silently stop doing its job.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from governance.models.common import (
    ChannelRef,
    Id,
    Network,
    SeverityField,
    SeverityName,
    Strict,
    Text,
)

Example = str | dict[str, Any]


class RuleFilter(Strict):
    """Which posts a rule looks at; empty lists match every post."""

    channels: list[ChannelRef] = Field(default_factory=list)
    networks: list[Network] = Field(default_factory=list)
    kinds: list[Text] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    sponsored: bool | None = None


class RuleExamples(Strict):
    """Texts (for the rule's scope) or whole posts that must fail and must pass."""

    fail: list[Example] = Field(default_factory=list)
    pass_: list[Example] = Field(default_factory=list, alias="pass")


class RuleBase(Strict):
    id: Id
    message: Text = Field(
        description="Shown for each finding; may use {match}, {replacement}, {count}, {limit}."
    )
    description: str = Field("", description="Why the rule exists, for the staff document.")
    source: str = Field("", description="Where it comes from: an article by title, a law.")
    severity: SeverityField = SeverityName.WARNING
    scope: str = Field("text", description="The post field the rule reads.")
    applies_to: RuleFilter = Field(default_factory=RuleFilter)
    examples: RuleExamples = Field(default_factory=RuleExamples)


class TermMatching(Strict):
    ignore_case: bool = True
    stem: str | None = Field(
        None, description="Snowball language for inflected forms: russian, english, greek..."
    )


class ExistenceRule(RuleBase, TermMatching):
    """Flags any of the listed words or phrases."""

    type: Literal["existence"]
    tokens: list[Text] = Field(min_length=1)


class SubstitutionRule(RuleBase, TermMatching):
    """Flags a term and suggests the preferred one."""

    type: Literal["substitution"]
    swap: dict[str, str] = Field(
        default_factory=dict, description="term -> preferred replacement ('' when banned outright)."
    )
    terms_file: str | None = Field(
        None, description="CSV/TSV beside the policy: term, replacement, case_sensitive."
    )

    @model_validator(mode="after")
    def _has_terms(self) -> SubstitutionRule:
        if not self.swap and not self.terms_file:
            raise ValueError("a substitution rule needs 'swap' or 'terms_file'")
        return self


class OccurrenceRule(RuleBase):
    """Counts a token or pattern; too few or too many is a finding."""

    type: Literal["occurrence"]
    token: str | None = None
    pattern: str | None = Field(None, description="RE2 syntax (linear time).")
    ignore_case: bool = True
    min: int | None = Field(None, ge=0)
    max: int | None = Field(None, ge=0)

    @model_validator(mode="after")
    def _one_matcher(self) -> OccurrenceRule:
        if (self.token is None) == (self.pattern is None):
            raise ValueError("an occurrence rule needs exactly one of 'token' or 'pattern'")
        if self.min is None and self.max is None:
            raise ValueError("an occurrence rule needs 'min' or 'max'")
        return self


class PatternRule(RuleBase):
    """A regular expression that must not (forbid) or must (require) match."""

    type: Literal["pattern"]
    pattern: str = Field(description="RE2 syntax (linear time): no backreferences or lookaround.")
    ignore_case: bool = False
    mode: Literal["forbid", "require"] = "forbid"


class Condition(Strict):
    """A test on one field of a post."""

    field: str = "text"
    equals: str | bool | None = None
    one_of: list[str] = Field(default_factory=list)
    present: bool | None = None
    pattern: str | None = Field(None, description="RE2 syntax (linear time).")
    ignore_case: bool = True
    within_first: int | None = Field(
        None, ge=1, description="The pattern must match within the first N characters."
    )


class ConditionalRule(RuleBase):
    """If a post meets `if`, it must meet `then`."""

    type: Literal["conditional"]
    if_: Condition = Field(alias="if")
    then: Condition


class LengthRule(RuleBase):
    """Minimum or maximum length of a field."""

    type: Literal["length"]
    min: int | None = Field(None, ge=0)
    max: int | None = Field(None, ge=1)
    unit: Literal["chars", "words", "x", "utf16"] = "chars"


class ShareRule(RuleBase):
    """At most a share of the calendar's posts may match, over a rolling window."""

    type: Literal["share"]
    match: Condition
    max_percent: float = Field(gt=0, le=100)
    window_days: int = Field(30, ge=1)
    per: Literal["channel", "calendar"] = "channel"
    min_posts: int = Field(5, ge=1, description="Windows with fewer posts are not judged.")


class CadenceRule(RuleBase):
    """How often the channels this rule applies to may and must post."""

    type: Literal["cadence"]
    max_per_hour: int | None = Field(None, ge=1)
    max_per_day: int | None = Field(None, ge=1)
    min_per_week: int | None = Field(None, ge=0)
    max_silence_days: int | None = Field(None, ge=1)


DeclaredRule = Annotated[
    ExistenceRule
    | SubstitutionRule
    | OccurrenceRule
    | PatternRule
    | ConditionalRule
    | LengthRule
    | ShareRule
    | CadenceRule,
    Field(discriminator="type"),
]


class RuleSetting(Strict):
    """Per-rule settings in ``rules:``: a severity (``off`` disables) and options."""

    severity: SeverityField | None = None
    options: dict[str, Any] = Field(default_factory=dict)
