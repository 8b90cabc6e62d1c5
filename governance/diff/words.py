"""Changes in words staff understand, in the policy's language: text, Markdown and JSON.

Markdown is the "What changed in our social media policy" page: one heading per
area (rules, approvals, RACI...), one line per change, each stricter or looser
change marked so. Names come from the policies (a role's title, an activity's
name, a goal's statement) rather than ids wherever the policy gives one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from governance import __version__
from governance.diff.compare import Change
from governance.models.policy import Policy
from governance.render.i18n import Catalogue
from governance.render.templating import markdown_escape

#: Bump on any incompatible change of the JSON form.
DIFF_REPORT_VERSION = 1


@dataclass
class PolicyChanges:
    """The changes between two policies, with what names them to a reader."""

    old_label: str
    new_label: str
    old_version: str
    new_version: str
    changes: list[Change]
    names: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def of(cls, old: Policy, new: Policy, changes: list[Change], old_label: str,
           new_label: str) -> PolicyChanges:
        names: dict[tuple[str, str], str] = {}
        for policy in (old, new):  # the new policy's names win
            names.update(_names(policy))
        return cls(old_label, new_label, _version(old), _version(new), changes, names)


def _version(policy: Policy) -> str:
    return policy.organisation.policy_version if policy.organisation else ""


def _names(policy: Policy) -> dict[tuple[str, str], str]:
    names = {("roles", r.id): f"{r.title} ({r.id})" for r in policy.roles}
    for activity in policy.workflow.activities:
        names[("activities", activity.id)] = names[("raci", activity.id)] = activity.name
    for goal in policy.goals:
        names[("goals", goal.id)] = goal.statement
        for kpi in goal.kpis:
            names[("kpis", f"{goal.id}/{kpi.id}")] = f"{kpi.metric} ({goal.id})"
    return names


def sentence(item: Change, t: Catalogue, names: dict[tuple[str, str], str]) -> str:
    subject = names.get((item.area, item.subject), item.subject) or _area_title(item.area, t)
    if item.area == "raci" and item.field:
        role = names.get(("roles", item.field), item.field)
        before, after = _letter(item.before, t), _letter(item.after, t)
        key = ("changes.raci_joins" if item.before is None
               else "changes.raci_leaves" if item.after is None else "changes.raci")
        text = t(key, subject=subject, role=role, before=before, after=after)
    elif not item.field:
        text = t("changes.item_added" if item.before is None else "changes.item_removed",
                 subject=subject) if item.before is None or item.after is None else \
            t("changes.field_changed", subject=subject, field=item.area,
              before=_value(item.before, t), after=_value(item.after, t))
    else:
        key = ("changes.field_set" if item.before is None
               else "changes.field_unset" if item.after is None else "changes.field_changed")
        text = t(key, subject=subject, field=_field(item.field, t),
                 before=_value(item.before, t), after=_value(item.after, t))
    if item.change in ("stricter", "looser"):
        text += f" ({t('changes.' + item.change)})"
    return text


def _area_title(area: str, t: Catalogue) -> str:
    return t(f"changes.area.{area}" if t.has(f"changes.area.{area}") else "changes.area.other")


def _field(path: str, t: Catalogue) -> str:
    """A field path in words where the catalogue has them, part by part."""
    return " › ".join(t(f"changes.field.{part}") if t.has(f"changes.field.{part}") else part
                      for part in path.split("."))


def _letter(value: Any, t: Catalogue) -> str:
    return t(f"raci.letter.{value}") if isinstance(value, str) else t("changes.nothing")


def _value(value: Any, t: Catalogue) -> str:
    if value is None or value == [] or value == {}:
        return t("changes.nothing")
    if isinstance(value, bool):
        return t("changes.yes" if value else "changes.no")
    if isinstance(value, list):
        return ", ".join(_value(v, t) for v in value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v, t)}" for k, v in value.items()
                               if v not in (None, "", [], {})) + "}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def grouped(result: PolicyChanges, t: Catalogue) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = {}
    for item in result.changes:
        groups.setdefault(_area_title(item.area, t), []).append(sentence(item, t, result.names))
    return list(groups.items())


def heading(result: PolicyChanges, t: Catalogue) -> str:
    if result.old_version and result.new_version and result.old_version != result.new_version:
        return t("changes.versions", old=result.old_version, new=result.new_version)
    return t("changes.since", old=result.old_label)


def as_markdown(result: PolicyChanges, t: Catalogue, level: int = 1) -> str:
    """The staff page; ``level`` is the heading level of its title (2 inside a document)."""
    hashes = "#" * level
    lines = [f"{hashes} {t('changes.title')}", "", markdown_escape(heading(result, t)), ""]
    groups = grouped(result, t)
    if not groups:
        lines += [t("changes.none"), ""]
    for title, sentences in groups:
        lines += [f"{hashes}# {title}", ""]
        lines += [f"- {markdown_escape(s)}" for s in sentences]
        lines.append("")
    return "\n".join(lines)


def as_text(result: PolicyChanges, t: Catalogue) -> str:
    lines = [f"{t('changes.title')}: {result.old_label} → {result.new_label}",
             heading(result, t)]
    groups = grouped(result, t)
    if not groups:
        lines.append(t("changes.none"))
    for title, sentences in groups:
        lines += ["", f"{title}:"]
        lines += [f"  - {s}" for s in sentences]
    return "\n".join(lines) + "\n"


def as_json(result: PolicyChanges, t: Catalogue) -> str:
    document = {
        "version": DIFF_REPORT_VERSION,
        "tool": {"name": "governance", "version": __version__},
        "command": "diff",
        "old": {"source": result.old_label, "policy_version": result.old_version or None},
        "new": {"source": result.new_label, "policy_version": result.new_version or None},
        "changes": [{**c.as_dict(), "text": sentence(c, t, result.names)}
                    for c in result.changes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": as_text, "md": as_markdown, "json": as_json}


def render(result: PolicyChanges, format_name: str, lang: str) -> str:
    return FORMATS[format_name](result, Catalogue.for_language(lang))

