"""Two policies in, their differences out, as data: what changed, where, and which way.

The policies are compared as the loader merged them (packs and bases included),
section by section: lists of items with an ``id`` are matched by id, waivers by
rule and target, so moving an item changes nothing. Each difference is a
``Change`` whose ``change`` says whether it made the policy stricter or looser
where that has a direction (a severity raised, a limit lowered, an approval
added, a waiver removed), else added, removed or changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from governance.models.policy import Policy

Path = tuple[str, ...]

#: Severity order: a rule switched off is the loosest, an error the strictest.
SEVERITY_RANK = {"off": 0, "info": 1, "warning": 2, "error": 3}
#: Limits that bind harder the lower they are; and those that bind harder the higher.
LOWER_IS_STRICTER = frozenset({"within_minutes", "within_first", "response_time_minutes",
                               "max_silence_days"})
HIGHER_IS_STRICTER = frozenset({"required"})
#: Sections whose added items bind staff (stricter) or free them (looser).
ADDING_IS_STRICTER = frozenset({"approvals", "blackouts"})
ADDING_IS_LOOSER = frozenset({"waivers"})


@dataclass(frozen=True)
class Change:
    area: str  # rules, roles, channels, approvals, raci, waivers, goals, kpis, ...
    change: str  # added, removed, changed, stricter, looser
    subject: str  # the id of what changed (a rule, a role, "goal/kpi", an activity)
    field: str  # dotted path inside it; "" for the item as a whole
    before: Any
    after: Any

    def as_dict(self) -> dict[str, Any]:
        return {"area": self.area, "change": self.change, "subject": self.subject,
                "field": self.field, "before": self.before, "after": self.after}


def compare(old: Policy, new: Policy, default_severity: Callable[[str], str | None]
            ) -> list[Change]:
    """Every difference between ``old`` and ``new``, in a stable order."""
    before = old.model_dump(mode="json")
    after = new.model_dump(mode="json")
    changes = [_classify(path, a, b, default_severity)
               for path, a, b in _walk(before, after, ())]
    return sorted(changes, key=lambda c: (_AREA_ORDER.get(c.area, 99), c.area, c.subject,
                                          c.field, c.change))


_AREA_ORDER = {area: i for i, area in enumerate((
    "organisation", "rules", "approvals", "raci", "roles", "channels", "waivers", "goals",
    "kpis", "activities", "escalation", "tone", "content", "disclosure", "networks"))}


def _walk(old: Any, new: Any, path: Path) -> Iterator[tuple[Path, Any, Any]]:
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            yield from _walk(old.get(key), new.get(key), (*path, str(key)))
        return
    keyed_old, keyed_new = _keyed(old, path), _keyed(new, path)
    if keyed_old is not None and keyed_new is not None:
        for key in list(keyed_old) + [k for k in keyed_new if k not in keyed_old]:
            yield from _walk(keyed_old.get(key), keyed_new.get(key), (*path, key))
        return
    yield path, old, new


def _keyed(value: Any, path: Path) -> dict[str, Any] | None:
    """A list of items matched by identity (id; a waiver's rule and target), else None."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return None
    if path and path[-1] == "waivers":
        return {_waiver_key(v): v for v in value}
    if value and all("id" in v for v in value):
        return {str(v["id"]): v for v in value}
    return {} if not value else None


def _waiver_key(waiver: dict[str, Any]) -> str:
    target = {k: v for k, v in (waiver.get("target") or {}).items() if v}
    where = " ".join(f"{k}={v}" for k, v in sorted(target.items()))
    return f"{waiver.get('rule')} {where}".strip()


def _classify(path: Path, old: Any, new: Any,
              default_severity: Callable[[str], str | None]) -> Change:
    area, subject, rest = _locate(path)
    field = ".".join(rest)
    if path[0] == "rules" and not rest:  # a severity setting, added or removed
        default = default_severity(subject)
        before = _severity_of(old) or default
        after = _severity_of(new) or default
        change = _rule_presence(subject, old, new, default_severity)
        return Change(area, change, subject, "severity", before, after)
    if old is None or new is None:
        change = "added" if old is None else "removed"
        if not rest and (area in ADDING_IS_STRICTER or area in ADDING_IS_LOOSER):
            stricter = (area in ADDING_IS_STRICTER) == (old is None)
            change = "stricter" if stricter else "looser"
        return Change(area, change, subject, field, _plain(old), _plain(new))
    return Change(area, _direction(rest, old, new, subject, default_severity), subject, field,
                  _plain(old), _plain(new))


def _locate(path: Path) -> tuple[str, str, Path]:
    """(area, subject, the path inside the subject) for a path into the dumped policy."""
    head = path[0]
    if head in ("tone", "content") and len(path) > 2 and path[1] == "rules":
        return "rules", path[2], path[3:]
    if head == "workflow" and len(path) > 2:
        section = path[1]
        if section == "activities" and len(path) > 4 and path[3] == "raci":
            return "raci", path[2], path[4:]
        return {"activities": "activities"}.get(section, section), path[2], path[3:]
    if head == "goals" and len(path) > 3 and path[2] == "kpis":
        return "kpis", f"{path[1]}/{path[3]}", path[4:]
    if head == "content" and len(path) > 2 and path[1] == "blackouts":
        return "blackouts", path[2], path[3:]
    if head in ("rules", "roles", "channels", "goals", "waivers", "networks") and len(path) > 1:
        return head, path[1], path[2:]
    return head, "", path[1:]  # a section that is one mapping: organisation, tone, ...


def _severity_of(setting: Any) -> str | None:
    value = setting.get("severity") if isinstance(setting, dict) else None
    return value if isinstance(value, str) else None


def _rule_presence(rule: str, old: Any, new: Any,
                   default_severity: Callable[[str], str | None]) -> str:
    """A rule setting added or removed: stricter or looser against the rule's default."""
    setting = new if old is None else old
    declared = setting.get("severity") if isinstance(setting, dict) else None
    default = default_severity(rule)
    if declared is None or default is None or declared == default:
        return "added" if old is None else "removed"
    raised = SEVERITY_RANK.get(declared, 0) > SEVERITY_RANK.get(default, 0)
    return "stricter" if raised == (old is None) else "looser"


def _direction(rest: Path, old: Any, new: Any, subject: str,
               default_severity: Callable[[str], str | None]) -> str:
    name = rest[-1] if rest else ""
    if name == "severity":
        fallback = default_severity(subject) or "warning"
        before = SEVERITY_RANK.get(old or fallback, 0)
        after = SEVERITY_RANK.get(new or fallback, 0)
        return "changed" if before == after else ("stricter" if after > before else "looser")
    if isinstance(old, (int, float)) and isinstance(new, (int, float)) \
            and not isinstance(old, bool) and not isinstance(new, bool):
        if name.startswith("max_") or name in LOWER_IS_STRICTER:
            return "stricter" if new < old else "looser"
        if name in HIGHER_IS_STRICTER:
            return "stricter" if new > old else "looser"
    if name == "allow_self_approval":
        return "looser" if new else "stricter"
    return "changed"


def _plain(value: Any) -> Any:
    """JSON-ready and stable: the dump already is; copy so callers cannot alias the policy."""
    return json.loads(json.dumps(value, sort_keys=True)) if value is not None else None
