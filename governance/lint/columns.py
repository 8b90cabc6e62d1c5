"""Rules whose input field a calendar lacks altogether: skipped, and said once.

A calendar without an ``author`` column would otherwise get one
``post.author-allowed`` error per post. A rule's input fields are its
``REQUIRES`` (shipped rules) or, for a rule declared in YAML, the fields its
``scope`` and its ``then`` read. Findings of such rules are held until the file
has been read (a YAML or JSON calendar may name a field first in its last
entry): if the file has the field, they are kept; if it does not, they are
dropped and the run reports one ``calendar.rule-skipped`` notice per rule,
which never fails a run. A field that exists but is empty on a post is still a
finding on that post.

A field the policy declares ``required`` whose column a calendar lacks is one
``calendar.missing-column`` error for the file (``required_fields``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from governance.findings import Finding, Location, Severity
from governance.lint.context import ActiveRule
from governance.models.policy import Policy

SKIPPED = "calendar.rule-skipped"
MISSING_COLUMN = "calendar.missing-column"
#: Fields every post has once read: a reader skips a post without them.
ALWAYS_PRESENT = frozenset({"id", "publish_at", "channel", "text"})


class ColumnGate:
    """Holds the findings of rules with input fields until each file is read."""

    def __init__(self, rules: Iterable[ActiveRule],
                 declarations: Mapping[str, Any] | None = None) -> None:
        self.inputs: dict[str, frozenset[str]] = {}
        for active in rules:
            needed = active.rule.requires | _declared_inputs((declarations or {}).get(
                active.rule.id))
            if needed - ALWAYS_PRESENT:
                self.inputs[active.rule.id] = needed - ALWAYS_PRESENT
        self.pending: dict[str, list[Finding]] = {rule_id: [] for rule_id in self.inputs}
        self._skipped: dict[str, Finding] = {}

    def settle(self, fields: set[str], file: str) -> list[Finding]:
        """The held findings of one file that stand, now that its fields are known."""
        kept: list[Finding] = []
        for rule_id, needed in self.inputs.items():
            held = self.pending[rule_id]
            missing = sorted(needed - fields)
            if not missing:
                kept.extend(held)
            elif rule_id not in self._skipped:
                columns = " or ".join(repr(name) for name in missing)
                self._skipped[rule_id] = Finding(
                    SKIPPED, Severity.INFO,
                    f"{rule_id} skipped: the calendar has no {columns} column",
                    Location(file), data={"skipped_rule": rule_id})
            held.clear()
        return kept

    def notices(self) -> list[Finding]:
        return list(self._skipped.values())


def required_fields(policy: Policy) -> list[str]:
    """Post fields the policy declares ``required`` (``calendar.fields``), in order."""
    declared = getattr(policy.calendar, "fields", None) or ()
    entries: Iterator[tuple[str, Any]] = (
        iter(declared.items()) if isinstance(declared, Mapping)
        else ((getattr(entry, "name", "") or getattr(entry, "id", ""), entry)
              for entry in declared))
    return [name for name, spec in entries if name and getattr(spec, "required", False)]


def missing_required(policy: Policy, fields: set[str], file: str) -> list[Finding]:
    """One ``calendar.missing-column`` error per required field the file lacks."""
    return [Finding(MISSING_COLUMN, Severity.ERROR,
                    f"the calendar has no {name!r} column, which the policy declares "
                    "required (calendar.fields)", Location(file))
            for name in required_fields(policy) if name not in fields]


def _declared_inputs(declaration: Any) -> frozenset[str]:
    if declaration is None:
        return frozenset()
    names = {getattr(declaration, "scope", "text")}
    then = getattr(declaration, "then", None)
    if then is not None:
        names.update(_condition_fields(then))
    return frozenset(names)


def _condition_fields(condition: Any) -> set[str]:
    field = getattr(condition, "field", None)
    if isinstance(field, str):
        return {field}
    found: set[str] = set()
    for name in ("all", "any", "all_", "any_", "not_", "not"):
        value = getattr(condition, name, None)
        for part in value if isinstance(value, list) else [value] if value else []:
            found |= _condition_fields(part)
    return found
