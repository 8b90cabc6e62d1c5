"""pydantic models: the single source of every file format (schemas/ is generated from them)."""

from governance.models.channels import Channel, ChannelCadence, Purpose
from governance.models.goals import KPI, Goal
from governance.models.policy import Policy, Waiver
from governance.models.post import Post, PostRecord, PostWaiver
from governance.models.roles import Role, RoleType
from governance.models.workflow import Activity, ActivityKind, Approval, EscalationRoute

__all__ = [
    "KPI",
    "Activity",
    "ActivityKind",
    "Approval",
    "Channel",
    "ChannelCadence",
    "EscalationRoute",
    "Goal",
    "Policy",
    "Post",
    "PostRecord",
    "PostWaiver",
    "Purpose",
    "Role",
    "RoleType",
    "Waiver",
]
