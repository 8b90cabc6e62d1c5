"""Roles: who leads, creates, approves, publishes, monitors and answers («SMM на службе HR»,
004)."""

from __future__ import annotations

import enum

from pydantic import Field

from governance.models.common import Id, Strict, Text, empty_list


class RoleType(str, enum.Enum):
    INTERNAL = "internal"
    AGENCY = "agency"
    EXTERNAL = "external"


class Role(Strict):
    id: Id
    title: Text = Field(description="Job title as staff know it.")
    type: RoleType = Field(RoleType.INTERNAL, description="internal staff, an agency, or external.")
    executive: bool = Field(False, description="Part of the company's leadership.")
    department: str = ""
    duties: list[Text] = Field(default_factory=empty_list)
    contact: str = Field("", description="E-mail, messenger handle or phone of the role.")

    @property
    def is_internal(self) -> bool:
        return self.type is RoleType.INTERNAL
