"""Rules a policy declares in YAML, without Python: a few reusable types.

Like proselint's check types, each type is a shape of check; a policy gives it
data (terms, a pattern, limits). Every rule carries its own examples, which must
hold when the policy loads, so a rule cannot silently stop doing its job.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, PrivateAttr, Tag, model_validator

from governance.models.common import (
    ChannelRef,
    Id,
    Network,
    SeverityField,
    SeverityName,
    Strict,
    Text,
    empty_list,
)

Example = str | dict[str, Any]


class PostSelection(Strict):
    """Posts selected by channel, network, kind, language and sponsorship; every key
    given narrows the selection, and empty lists match every post."""

    channels: list[ChannelRef] = Field(default_factory=empty_list)
    networks: list[Network] = Field(default_factory=empty_list)
    kinds: list[Text] = Field(default_factory=empty_list)
    languages: list[str] = Field(default_factory=empty_list)
    sponsored: bool | None = None


class RuleFilter(PostSelection):
    """Which posts a rule looks at; empty lists match every post."""

    except_: PostSelection | None = Field(
        None, alias="except",
        description="Posts left out: those that these keys select, as applies_to would.",
    )


class RuleExamples(Strict):
    """Texts (for the rule's scope) or whole posts that must fail and must pass."""

    fail: list[Example] = Field(default_factory=empty_list)
    pass_: list[Example] = Field(default_factory=empty_list, alias="pass")


class Condition(Strict):
    """A test on one field of a post; every test given must hold."""

    field: str = "text"
    equals: str | bool | None = None
    one_of: list[str] = Field(default_factory=empty_list)
    present: bool | None = None
    pattern: str | None = Field(None, description="RE2 syntax (linear time).")
    ignore_case: bool = True
    within_first: int | None = Field(
        None, ge=1, description="The pattern must match within the first N characters."
    )


class AllOf(Strict):
    """Every one of these conditions holds."""

    all: list[AnyCondition] = Field(min_length=1)


class AnyOf(Strict):
    """At least one of these conditions holds."""

    any: list[AnyCondition] = Field(min_length=1)


class NotOf(Strict):
    """This condition does not hold."""

    not_: AnyCondition = Field(alias="not")


def _condition_kind(value: Any) -> str:
    # Tags are bracketed so that error locations never mistake them for keys of the data.
    if isinstance(value, dict):
        return next((f"[{key}]" for key in ("all", "any", "not") if key in value), "[field]")
    return next((tag for tag, model in (("[all]", AllOf), ("[any]", AnyOf), ("[not]", NotOf))
                 if isinstance(value, model)), "[field]")


#: A condition: a field test, or all/any of conditions, or not a condition, nested freely.
AnyCondition = Annotated[
    Annotated[Condition, Tag("[field]")]
    | Annotated[AllOf, Tag("[all]")]
    | Annotated[AnyOf, Tag("[any]")]
    | Annotated[NotOf, Tag("[not]")],
    Discriminator(_condition_kind),
]

# The conditions nest: each names AnyCondition, defined only after them.
for _model in (AllOf, AnyOf, NotOf):
    _model.model_rebuild()


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
    when: AnyCondition | None = Field(
        None, description="The rule looks only at posts that meet this condition."
    )
    examples: RuleExamples = Field(default_factory=RuleExamples)


class TermMatching(Strict):
    ignore_case: bool = True
    inside_links: bool = Field(
        False, description="Match inside links, e-mail addresses and @handles too "
        "(by default k8s.dev is not the word k8s).")
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
    ignore_case: bool = Field(True, description="Every rule type ignores case unless told not to.")
    mode: Literal["forbid", "require"] = "forbid"


class ConditionalRule(RuleBase):
    """If a post meets `if`, it must meet `then`."""

    type: Literal["conditional"]
    if_: AnyCondition = Field(alias="if")
    then: AnyCondition


class LengthRule(RuleBase):
    """Minimum or maximum length of a field."""

    type: Literal["length"]
    min: int | None = Field(None, ge=0)
    max: int | None = Field(None, ge=1)
    unit: Literal["chars", "words", "x", "utf16"] = "chars"


class ShareRule(RuleBase):
    """At most a share of the calendar's posts may match, over a rolling window."""

    type: Literal["share"]
    match: AnyCondition
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
    include_partial: bool = Field(
        False, description="Also judge the part-weeks at the calendar's first and last days."
    )


EntityKind = Literal["mention", "hashtag", "domain", "url"]
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
#: An example of a rule that judges the calendar: a small calendar in its mapping form.
_CALENDAR_EXAMPLES = "each example of this rule is a small calendar: {posts: [post, ...]}"


class EntitiesRule(RuleBase):
    """Mentions, hashtags, domains or links: checked against allow and deny lists, or counted."""

    type: Literal["entities"]
    entity: EntityKind = Field(
        description="mention, hashtag, domain (by registered domain) or url (and the pages "
                    "below it)."
    )
    allow: list[Text] = Field(default_factory=empty_list, description="Only these may appear.")
    allow_file: str | None = Field(
        None, description="A text file beside the policy: one allowed entry a line."
    )
    deny: list[Text] = Field(default_factory=empty_list, description="These may not appear.")
    deny_file: str | None = Field(
        None, description="A text file beside the policy: one denied entry a line."
    )
    max: int | None = Field(None, ge=0, description="At most this many such entities a post.")
    # What the loader read from allow_file and deny_file: None until it has.
    _file_entries: dict[str, tuple[str, ...]] | None = PrivateAttr(None)

    def attach_file_entries(self, allow: Sequence[str], deny: Sequence[str]) -> None:
        """Keep the entries of ``allow_file`` and ``deny_file``, read beside the policy."""
        self._file_entries = {"allow": tuple(allow), "deny": tuple(deny)}

    def file_entries(self) -> dict[str, tuple[str, ...]] | None:
        """The entries read from the list files; None when the files were not read."""
        if not self.allow_file and not self.deny_file:
            return {"allow": (), "deny": ()}
        return self._file_entries

    @model_validator(mode="after")
    def _says_something(self) -> EntitiesRule:
        if not (self.allow or self.allow_file or self.deny or self.deny_file) \
                and self.max is None:
            raise ValueError("an entities rule needs 'allow', 'allow_file', 'deny', "
                             "'deny_file' or 'max'")
        return self


class EventWindow(Strict):
    """The days just before an event of ``content.events``."""

    event: Id = Field(description="The id of an event in content.events.")
    days: int = Field(ge=1, description="How many days before the event's start.")


class ScheduleRule(RuleBase):
    """Posts owed: on given weekdays, or in the days before an event."""

    type: Literal["schedule"]
    on: list[Weekday] = Field(default_factory=empty_list, description="Every such day in the span.")
    before: EventWindow | None = None
    at_least: int = Field(1, ge=1, description="Posts each day or window must have.")
    include_partial: bool = Field(
        False, description="Also judge windows that cross the first or last day of the span."
    )

    @model_validator(mode="after")
    def _one_kind_of_window(self) -> ScheduleRule:
        if bool(self.on) == (self.before is not None):
            raise ValueError("a schedule rule needs exactly one of 'on' (weekdays) or "
                             "'before' (an event)")
        _calendar_examples(self.examples)
        return self


class PairWindow(Strict):
    min_minutes: int = Field(0, ge=0, description="The second post comes no sooner.")
    max_minutes: int = Field(ge=1, description="The second post comes no later.")

    @model_validator(mode="after")
    def _ordered(self) -> PairWindow:
        if self.max_minutes < self.min_minutes:
            raise ValueError("max_minutes must not be less than min_minutes")
        return self


class PairRule(RuleBase):
    """A post of one sort is followed by a post of another, within a time window."""

    type: Literal["pair"]
    first: AnyCondition = Field(description="The posts that call for a second post.")
    second: AnyCondition = Field(description="The post that must follow.")
    same: list[str] = Field(
        default_factory=empty_list, description="Fields both posts share: target, channel, topic..."
    )
    within: PairWindow
    include_partial: bool = Field(
        False, description="Also judge first posts whose window runs past the calendar's end."
    )

    @model_validator(mode="after")
    def _calendar_examples(self) -> PairRule:
        _calendar_examples(self.examples)
        return self


def _calendar_examples(examples: RuleExamples) -> None:
    for example in (*examples.fail, *examples.pass_):
        posts = example.get("posts") if isinstance(example, dict) else None
        if not isinstance(posts, list) or set(example) != {"posts"} \
                or not all(isinstance(post, dict) for post in posts):
            raise ValueError(_CALENDAR_EXAMPLES)


DeclaredRule = Annotated[
    ExistenceRule
    | SubstitutionRule
    | OccurrenceRule
    | PatternRule
    | ConditionalRule
    | LengthRule
    | ShareRule
    | CadenceRule
    | EntitiesRule
    | ScheduleRule
    | PairRule,
    Field(discriminator="type"),
]


class RuleSetting(Strict):
    """Per-rule settings in ``rules:``: a severity (``off`` disables) and options."""

    severity: SeverityField | None = None
    options: dict[str, Any] = Field(default_factory=dict)
