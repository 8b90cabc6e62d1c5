"""The policy: one organisation's social media governance, merged from its YAML files."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from governance.models.channels import Channel
from governance.models.common import RoleRef, SeverityName, Strict, Text, empty_list
from governance.models.content import ContentPolicy, Disclosure, NetworkTable, TonePolicy
from governance.models.document import DocumentSettings
from governance.models.goals import Goal
from governance.models.organisation import Organisation
from governance.models.people import AcknowledgeWhen, Person
from governance.models.review import ReviewSettings
from governance.models.roles import Role
from governance.models.rules import RuleSetting
from governance.models.workflow import Workflow


class PackInfo(Strict):
    """Marks a reusable base pack, which has no organisation of its own."""

    name: Text
    description: str = ""


class WaiverTarget(Strict):
    channel: str | None = None
    post: str | None = None
    activity: str | None = None
    kpi: str | None = None


class Waiver(Strict):
    """A documented exception to one rule, approved, with an end date."""

    rule: Text
    target: WaiverTarget = Field(default_factory=WaiverTarget, description="Empty: everywhere.")
    reason: str = ""
    approved_by: RoleRef | None = None
    expires: dt.date | None = None


FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]


class DeclaredField(Strict):
    """A post field the policy adds, read from the calendar column of its name."""

    type: Literal["text", "enum", "bool", "number", "date", "datetime"] = "text"
    values: list[Text] = Field(
        default_factory=empty_list, description="The values an enum field may take."
    )
    required: bool = Field(False, description="Every post must give a value.")
    description: str = Field("", description="What the field means, for the staff document.")

    @model_validator(mode="after")
    def _values_for_enums(self) -> DeclaredField:
        if self.type == "enum" and not self.values:
            raise ValueError("an enum field needs 'values'")
        if self.type != "enum" and self.values:
            raise ValueError("only an enum field takes 'values'")
        return self


class CalendarSettings(Strict):
    """How this company's content calendars are laid out."""

    columns: dict[str, str] = Field(
        default_factory=dict, description="Column in the calendar -> field (publish_at, text...)."
    )
    default_channel: str | None = Field(
        None, description="Channel of every post whose channel cell is empty or absent.")
    date_order: Literal["dmy", "mdy", "ymd"] | None = Field(
        None, description="Order of numeric dates (31/12/2026 is dmy); inferred when absent.")
    sheet: str | None = None
    fields: dict[FieldName, DeclaredField] = Field(
        default_factory=dict,
        description="Post fields the policy adds (rights, audience...), typed and checked per "
                    "row; rules may name them in 'field' and 'scope'.",
    )


def _rule_setting(value: Any) -> Any:
    if isinstance(value, bool):  # YAML 1.1 reads a bare ``off`` as false, ``on`` as true
        return {"severity": None if value else "off"}
    return {"severity": value} if isinstance(value, str) else value


def _rules_schema(schema: dict[str, Any]) -> None:
    # The shorthand ``rule-id: warning`` (or ``off``) is valid too; say so to editors.
    setting = schema.get("additionalProperties", {})
    schema["additionalProperties"] = {
        "anyOf": [setting, {"enum": [s.value for s in SeverityName]}, {"type": "boolean"}]
    }


class Policy(Strict):
    extends: list[str] = Field(
        default_factory=empty_list,
        description="Base policies: a shipped pack name or a relative path.",
    )
    pack: PackInfo | None = None
    organisation: Organisation | None = None
    goals: list[Goal] = Field(default_factory=empty_list)
    roles: list[Role] = Field(default_factory=empty_list)
    channels: list[Channel] = Field(default_factory=empty_list)
    workflow: Workflow = Field(default_factory=Workflow)
    tone: TonePolicy = Field(default_factory=TonePolicy)
    content: ContentPolicy = Field(default_factory=ContentPolicy)
    disclosure: Disclosure = Field(default_factory=Disclosure)
    networks: NetworkTable = Field(default_factory=dict)
    calendar: CalendarSettings = Field(default_factory=CalendarSettings)
    review: ReviewSettings = Field(default_factory=ReviewSettings)
    rules: dict[str, RuleSetting] = Field(
        default_factory=dict,
        description="Per-rule severity ('off' disables) and options.",
        json_schema_extra=_rules_schema,
    )
    waivers: list[Waiver] = Field(default_factory=empty_list)
    people: list[Person] = Field(default_factory=empty_list, description="The staff register.")
    people_file: str | None = Field(
        None, description="A CSV of the staff register, relative to the policy's root.")
    acknowledge: AcknowledgeWhen = Field(
        "every-change", description="Which new policy versions staff acknowledge again.")
    training_required: list[Text] = Field(
        default_factory=empty_list,
        description="Trainings a person of the staff register completes before posting.")
    document: DocumentSettings = Field(default_factory=DocumentSettings)

    @field_validator("extends", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("rules", mode="before")
    @classmethod
    def _severity_shorthand(cls, value: Any) -> Any:
        # ``rule-id: off`` is the common case; spell it out as ``{severity: off}``.
        if isinstance(value, dict):
            return {k: _rule_setting(v) for k, v in value.items()}
        return value

    @model_validator(mode="after")
    def _organisation_or_pack(self) -> Policy:
        if self.organisation is None and self.pack is None:
            raise ValueError("a policy needs 'organisation' (or 'pack' for a reusable base pack)")
        return self

    # Lookups the rules use; built lazily, policies are immutable once loaded.
    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def channel(self, channel_id: str) -> Channel | None:
        return next((c for c in self.channels if c.id == channel_id), None)

    def severity_override(self, rule_id: str) -> SeverityName | None:
        setting = self.rules.get(rule_id)
        return setting.severity if setting else None

    def rule_options(self, rule_id: str) -> dict[str, Any]:
        setting = self.rules.get(rule_id)
        return setting.options if setting else {}
