"""Workflow: activities with RACI, approvals and escalation («Политика в отношении социальных
сетей: то, что растет, должно расти выше» §3, «Не надо беспокоить нашего директора» (Cossa.ru),
«Ποιος είναι διευθυντής SMM»)."""

from __future__ import annotations

import enum
from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from governance.models.common import Cadence, ChannelRef, Id, RoleRef, Strict, Text, empty_list

RaciLetter = Literal["R", "A", "C", "I"]


class ActivityKind(str, enum.Enum):
    """What an activity is, so the leadership rules can find it whatever its id."""

    SET_GOALS = "set_goals"
    CHANGE_GOALS = "change_goals"
    PLAN_CALENDAR = "plan_calendar"
    CREATE_CONTENT = "create_content"
    APPROVE_CONTENT = "approve_content"
    PUBLISH = "publish"
    MONITOR = "monitor"
    RESPOND = "respond"
    HANDLE_NEGATIVE = "handle_negative"
    RESOLVE_CONFLICT = "resolve_conflict"
    REVIEW = "review"
    REPORT = "report"
    OTHER = "other"


class Activity(Strict):
    id: Id
    name: Text
    kind: ActivityKind = ActivityKind.OTHER
    description: str = ""
    cadence: Cadence | None = Field(None, description="How often it happens, if recurring.")
    raci: dict[RoleRef, RaciLetter] = Field(
        description="One letter per role: Responsible, Accountable, Consulted, Informed."
    )


class ApprovalMatch(Strict):
    """Which posts an approval requirement applies to; empty lists match everything."""

    kinds: list[Text] = Field(default_factory=empty_list)
    channels: list[ChannelRef] = Field(default_factory=empty_list)
    sponsored: bool | None = Field(None, description="Only sponsored (true) or unsponsored posts.")


class Approval(Strict):
    model_config = ConfigDict(
        json_schema_extra={"anyOf": [{"required": ["approvers"]}, {"required": ["all_of"]}]}
    )

    id: Id
    description: str = ""
    when: ApprovalMatch = Field(default_factory=ApprovalMatch)
    approvers: list[RoleRef] = Field(
        default_factory=empty_list,
        description="Roles that may approve such posts; `required` of them.",
    )
    required: int = Field(1, ge=1, description="How many distinct approvals are needed.")
    all_of: list[RoleRef] = Field(
        default_factory=empty_list,
        description="Roles every one of which must approve, besides `required` of `approvers`.",
    )
    allow_self_approval: bool = Field(
        False, description="Whether the author may count as an approver (never recommended)."
    )

    @model_validator(mode="after")
    def _names_approvers(self) -> Approval:
        if not self.approvers and not self.all_of:
            raise ValueError("an approval needs 'approvers' (any N of them) or 'all_of' "
                             "(every one of them)")
        if not self.approvers and "required" in self.model_fields_set:
            raise ValueError("'required' counts among 'approvers'; every 'all_of' role "
                             "must approve anyway")
        return self


class EscalationRoute(Strict):
    """Where an issue goes: the SMM manager connects, the owning service solves («Ποιος είναι
    διευθυντής SMM»)."""

    id: Id
    category: Text = Field(description="The kind of issue: complaint, negative mention, legal...")
    description: str = ""
    to: RoleRef = Field(description="The role that takes the issue.")
    within_minutes: int | None = Field(None, ge=1, description="Time limit to take it up.")
    then: Id | None = Field(None, description="The route to follow if not resolved in time.")


class Workflow(Strict):
    activities: list[Activity] = Field(default_factory=empty_list)
    approvals: list[Approval] = Field(default_factory=empty_list)
    escalation: list[EscalationRoute] = Field(default_factory=empty_list)
