"""Every rule the tool knows, shipped or declared in a policy, with its state under a policy.

``governance rules``, ``governance explain`` and the staff document read rule
metadata from here only, so a rule is described the same way everywhere.
Declared rules are read from the policy's ``tone.rules`` and ``content.rules``;
when ``governance.rules.declared`` can build them into ``Rule`` objects, its
summary and target are used.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from governance.findings import Severity
from governance.models.common import SeverityName
from governance.models.policy import Policy
from governance.models.rules import DeclaredRule
from governance.rules import all_rules
from governance.rules.base import Rule, Target

_SEVERITIES = {
    SeverityName.ERROR: Severity.ERROR,
    SeverityName.WARNING: Severity.WARNING,
    SeverityName.INFO: Severity.INFO,
}
#: Declared rule types judged on the calendar as a whole rather than post by post.
_CALENDAR_TYPES = frozenset({"share", "cadence"})


@dataclass(frozen=True)
class RuleInfo:
    """One rule: what it is, and (given a policy) whether and how severely it runs."""

    id: str
    summary: str
    severity: Severity | None  # default; None for a declared rule declared 'off'
    target: Target
    source: str
    doc: str
    declared_in: str = ""  # "tone" or "content" for rules declared in a policy
    declaration: DeclaredRule | None = None
    enabled: bool | None = None  # None: no policy given
    effective: Severity | None = None

    @property
    def declared(self) -> bool:
        return bool(self.declared_in)


def severity_of(name: SeverityName | None) -> Severity | None:
    return _SEVERITIES.get(name) if name is not None else None


def _effective(default: Severity | None, rule_id: str, policy: Policy | None) -> Severity | None:
    if policy is None:
        return default
    override = policy.severity_override(rule_id)
    return default if override is None else severity_of(override)


def _shipped(rule: Rule, policy: Policy | None) -> RuleInfo:
    effective = _effective(rule.severity, rule.id, policy)
    return RuleInfo(
        id=rule.id, summary=rule.summary, severity=rule.severity, target=rule.target,
        source=rule.source, doc=rule.doc,
        enabled=None if policy is None else effective is not None, effective=effective,
    )


def declared_rules(policy: Policy) -> Iterator[tuple[str, DeclaredRule]]:
    """``(section, rule)`` for every rule the policy declares, in policy order."""
    for rule in policy.tone.rules:
        yield "tone", rule
    for rule in policy.content.rules:
        yield "content", rule


def _built_declared(policy: Policy) -> dict[str, Rule]:
    """Declared rules as the lint engine builds them (per-post and calendar types), by id."""
    try:
        from governance.rules.calendar.declared import calendar_rules_from_policy
        from governance.rules.declared import build_rules
    except ImportError:
        return {}
    from governance.rules.base import LintContext

    organisation = policy.organisation
    today = organisation.effective_date if organisation else dt.date(1980, 1, 1)
    zone = ZoneInfo(organisation.timezone) if organisation else dt.timezone.utc
    try:
        built = build_rules(policy, LintContext(policy, today, zone)).rules
        built += calendar_rules_from_policy(policy)
    except Exception:  # the builders are another package's; if one fails, the YAML view stands
        return {}
    return {rule.id: rule for rule in built}


def first_sentence(text: str) -> str:
    head, stop, _ = " ".join(text.split()).partition(". ")
    return head + "." if stop else head


def _declared(section: str, rule: DeclaredRule, built: Rule | None,
              policy: Policy) -> RuleInfo:
    default = severity_of(rule.severity)
    effective = _effective(default, rule.id, policy)
    summary = built.summary if built else (first_sentence(rule.description) or rule.message)
    target: Target = built.target if built else (
        "calendar" if rule.type in _CALENDAR_TYPES else "post")
    return RuleInfo(
        id=rule.id, summary=" ".join(summary.split()), severity=default, target=target,
        source=rule.source, doc=built.doc if built else "", declared_in=section,
        declaration=rule, enabled=effective is not None, effective=effective,
    )


def rule_infos(policy: Policy | None = None, build: bool = False) -> list[RuleInfo]:
    """Shipped rules in registry order, then the policy's declared rules in policy order.

    ``build`` also compiles the declared rules, for their generated documentation;
    the staff document does not need it and skips the cost.
    """
    infos = [_shipped(rule, policy) for rule in all_rules()]
    if policy is None:
        return infos
    shipped = {info.id for info in infos}
    built = _built_declared(policy) if build else {}
    infos.extend(_declared(section, rule, built.get(rule.id), policy)
                 for section, rule in declared_rules(policy) if rule.id not in shipped)
    return infos


def find_rule(rule_id: str, infos: Iterable[RuleInfo]) -> RuleInfo | None:
    return next((info for info in infos if info.id == rule_id), None)


def suggestions(rule_id: str, infos: Iterable[RuleInfo]) -> list[str]:
    ids = sorted({info.id for info in infos})
    close = difflib.get_close_matches(rule_id, ids, n=3, cutoff=0.6)
    prefix = [i for i in ids if rule_id and (i.startswith(rule_id) or i.endswith(rule_id))]
    return list(dict.fromkeys(close + prefix))[:3]
