"""A rule's severity under a policy: the one place that decides it.

A rule has a default (a shipped rule's ``SEVERITY``, a declared rule's
``severity:``); the policy's ``rules: {id: ...}`` overrides it, and ``off``
switches the rule off (None).
"""

from __future__ import annotations

from governance.findings import Severity
from governance.models.common import SeverityName
from governance.models.policy import Policy

_SEVERITIES = {
    SeverityName.ERROR: Severity.ERROR,
    SeverityName.WARNING: Severity.WARNING,
    SeverityName.INFO: Severity.INFO,
}


def severity_of(name: SeverityName | None) -> Severity | None:
    """The severity a name in the policy stands for; None for ``off`` (or no name)."""
    return _SEVERITIES.get(name) if name is not None else None


def effective_severity(rule_id: str, default: Severity | None,
                       policy: Policy | None) -> Severity | None:
    """The severity of rule ``rule_id`` under ``policy``; None when it is off."""
    if policy is None:
        return default
    override = policy.severity_override(rule_id)
    return default if override is None else severity_of(override)
