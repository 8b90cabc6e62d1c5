"""Every id a policy refers to must be declared: roles, channels, goals, activities, kinds.

A table of (path pattern, kind of id) drives the check, so a new reference in
the format is one line here. ``*`` walks a list or every mapping value; ``#``
stands for the keys of a mapping (RACI rows are keyed by role).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from typing import Any

from governance.findings import Finding, Location, Severity
from governance.models.policy import Policy
from governance.source import DataPath

Locate = Callable[[DataPath, bool], Location]

_REFERENCES: tuple[tuple[str, str], ...] = (
    ("goals.*.kpis.*.owner", "role"),
    ("goals.*.kpis.*.review.by", "role"),
    ("channels.*.owner", "role"),
    ("channels.*.operated_by", "role"),
    ("channels.*.responders.*", "role"),
    ("channels.*.authors.*", "role"),
    ("channels.*.goals.*", "goal"),
    ("workflow.activities.*.raci.#", "role"),
    ("workflow.approvals.*.approvers.*", "role"),
    ("workflow.approvals.*.all_of.*", "role"),
    ("workflow.approvals.*.when.channels.*", "channel"),
    ("workflow.approvals.*.when.kinds.*", "kind"),
    ("workflow.escalation.*.to", "role"),
    ("workflow.escalation.*.then", "escalation route"),
    ("tone.rules.*.applies_to.channels.*", "channel"),
    ("tone.rules.*.applies_to.kinds.*", "kind"),
    ("tone.rules.*.applies_to.except.channels.*", "channel"),
    ("tone.rules.*.applies_to.except.kinds.*", "kind"),
    ("content.rules.*.applies_to.channels.*", "channel"),
    ("content.rules.*.applies_to.kinds.*", "kind"),
    ("content.rules.*.applies_to.except.channels.*", "channel"),
    ("content.rules.*.applies_to.except.kinds.*", "kind"),
    ("content.rules.*.before.event", "event"),
    ("tone.rules.*.before.event", "event"),
    ("content.blackouts.*.channels.*", "channel"),
    ("content.blackouts.*.allow_kinds.*", "kind"),
    ("disclosure.sponsorship.kinds.*", "kind"),
    ("disclosure.sponsorship.applies_to.channels.*", "channel"),
    ("disclosure.sponsorship.applies_to.kinds.*", "kind"),
    ("disclosure.sponsorship.applies_to.except.channels.*", "channel"),
    ("disclosure.sponsorship.applies_to.except.kinds.*", "kind"),
    ("disclosure.advertising_ru.kinds.*", "kind"),
    ("disclosure.advertising_ru.applies_to.channels.*", "channel"),
    ("disclosure.advertising_ru.applies_to.kinds.*", "kind"),
    ("disclosure.advertising_ru.applies_to.except.channels.*", "channel"),
    ("disclosure.advertising_ru.applies_to.except.kinds.*", "kind"),
    ("waivers.*.approved_by", "role"),
    ("waivers.*.target.channel", "channel"),
    ("waivers.*.target.activity", "activity"),
    ("people.*.roles.*", "role"),
    ("people.*.accounts.*", "channel"),
    ("document.sections.*.rules.*", "rule"),
)

_UNIQUE: tuple[tuple[str, str], ...] = (
    ("roles", "role"),
    ("channels", "channel"),
    ("goals", "goal"),
    ("workflow.activities", "activity"),
    ("workflow.approvals", "approval"),
    ("workflow.escalation", "escalation route"),
    ("content.kinds", "kind"),
    ("content.blackouts", "blackout"),
    ("content.events", "event"),
    ("people", "person"),
)


def reference_findings(policy: Policy, locate: Locate) -> list[Finding]:
    data = policy.model_dump(mode="json", by_alias=True, exclude_defaults=False)
    declared = _declared(policy)
    findings = list(_duplicates(data, locate))
    for pattern, kind in _REFERENCES:
        known = declared[kind]
        if kind == "kind" and not known:
            continue  # a policy that declares no kinds accepts any
        for path, value, is_key in _select(data, pattern.split(".")):
            if value is None or value in known:
                continue
            findings.append(Finding(
                f"ref.unknown-{kind.replace(' ', '-')}", Severity.ERROR,
                f"unknown {kind} {value!r}{_suggest(str(value), known)}", locate(path, is_key)))
    return findings


def _declared(policy: Policy) -> dict[str, set[str]]:
    return {
        "role": {r.id for r in policy.roles},
        "channel": {c.id for c in policy.channels},
        "goal": {g.id for g in policy.goals},
        "activity": {a.id for a in policy.workflow.activities},
        "escalation route": {e.id for e in policy.workflow.escalation},
        "kind": {k.id for k in policy.content.kinds},
        "event": {e.id for e in policy.content.events},
        "rule": _rule_ids(policy),
    }


def _rule_ids(policy: Policy) -> set[str]:
    """Shipped and declared rule ids, which a document section may state."""
    # The rules import the models this module checks.
    from governance.rules.catalogue import SHIPPED

    declared = [rule.id for rule in (*policy.tone.rules, *policy.content.rules)]
    return {rule.id for rule in SHIPPED} | set(declared)


def _suggest(value: str, known: set[str]) -> str:
    hint = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {hint[0]!r}?)" if hint else ""


def _select(
    node: Any, parts: list[str], path: DataPath = ()
) -> Iterator[tuple[DataPath, Any, bool]]:
    if not parts:
        yield path, node, False
        return
    head, rest = parts[0], parts[1:]
    if head == "#" and isinstance(node, dict):
        for key in node:
            yield (*path, key), key, True
    elif head == "*" and isinstance(node, list):
        for index, item in enumerate(node):
            yield from _select(item, rest, (*path, index))
    elif isinstance(node, dict) and head in node:
        yield from _select(node[head], rest, (*path, head))


def _duplicates(data: Any, locate: Locate) -> Iterator[Finding]:
    for pattern, kind in _UNIQUE:
        for path, items, _ in _select(data, pattern.split(".")):
            seen: dict[str, int] = {}
            for index, item in enumerate(items or []):
                ident = item.get("id") if isinstance(item, dict) else None
                if ident is None:
                    continue
                if ident in seen:
                    first = locate((*path, seen[ident], "id"), False)
                    yield Finding("ref.duplicate-id", Severity.ERROR,
                                  f"{kind} id {ident!r} is declared twice (first at line "
                                  f"{first.line})", locate((*path, index, "id"), False))
                else:
                    seen[ident] = index
