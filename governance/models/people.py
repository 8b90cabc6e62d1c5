"""The staff register: who may post for which account, and who has read which version.

Real policies say who may post, that staff acknowledge the policy (again after
a change), and that some complete training first. A ``people:`` section of the
policy, or a ``people_file:`` CSV from HR inside the policy's root, lists them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from governance.models.common import ChannelRef, Id, RoleRef, Strict, Text, empty_list

#: ``every-change``: any new ``policy_version`` needs a new acknowledgement;
#: ``major``: only a new first number (2.x -> 3.0) does.
AcknowledgeWhen = Literal["every-change", "major"]

#: The columns of a ``people_file``, in order; lists in a cell are separated by ``;``.
PEOPLE_COLUMNS = ("id", "name", "roles", "accounts", "acknowledged_version",
                  "acknowledged_on", "training")


class Person(Strict):
    """One member of staff (or of the agency) who posts, approves or answers."""

    id: Id = Field(description="A person id; never the id of a role.")
    name: Text
    roles: list[RoleRef] = Field(min_length=1, description="Their roles decide what they may do.")
    accounts: list[ChannelRef] = Field(
        default_factory=empty_list,
        description="Channels they may post for; empty: as their roles allow.")
    acknowledged_version: str | None = Field(
        None, description="The policy_version they last acknowledged.")
    acknowledged_on: dt.date | None = None
    training: list[Text] = Field(default_factory=empty_list, description="Trainings completed.")
