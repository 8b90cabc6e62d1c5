"""Everyone in the staff register has acknowledged the policy in force.

Staff acknowledge the social media policy, and again after it changes; the
register (``people:`` or ``people_file:``) records the ``policy_version`` each
person last acknowledged. With ``acknowledge: every-change`` any other version
is out of date; with ``acknowledge: major`` only a different first number is
(having read 2.0 covers 2.3, not 3.0). Someone who never acknowledged it is
reported too.

Fails::

    organisation: {name: Acme, policy_version: "3.1", effective_date: 2026-01-01}
    acknowledge: major
    people:
      - {id: anna, name: Anna Ivanova, roles: [smm-manager], acknowledged_version: "2.4"}

Passes::

    organisation: {name: Acme, policy_version: "3.1", effective_date: 2026-01-01}
    acknowledge: major
    people:
      - {id: anna, name: Anna Ivanova, roles: [smm-manager], acknowledged_version: "3.0"}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.rules.base import PolicyContext, Problem

ID = "people.acknowledged"
SUMMARY = "Everyone in the staff register has acknowledged the policy version in force."
SEVERITY = Severity.WARNING
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» "
          "(the policy evolves; staff are told what changed)")
TARGET = "policy"


def major(version: str) -> str:
    """The first number of a version: "2.1" -> "2", "v3" -> "3"."""
    return version.strip().lstrip("vV").split(".")[0]


def check(ctx: PolicyContext) -> Iterator[Problem]:
    organisation = ctx.policy.organisation
    if organisation is None or not ctx.policy.people:
        return
    current = organisation.policy_version
    by_major = ctx.policy.acknowledge == "major"
    for index, person in enumerate(ctx.policy.people):
        seen = person.acknowledged_version
        if seen is None:
            yield Problem(f"{person.name} ({person.id}) has not acknowledged the policy "
                          f"(version {current})", ("people", index), data={"person": person.id})
        elif (major(seen) != major(current)) if by_major else (seen != current):
            rule = "a new major version" if by_major else "every change"
            yield Problem(f"{person.name} ({person.id}) acknowledged version {seen}, not "
                          f"{current}; the policy asks again after {rule}",
                          ("people", index, "acknowledged_version"), data={"person": person.id})
