"""Everything a lint run compiles once, before the first post: context and active rules.

A rule runs only when it can find something: the policy has not switched it off
(``rules: {id: off}``) and its ``prepare(ctx)`` — a module-level function a rule
may define — does not report that the policy gives it nothing to check (no
disclosure section, no channel with topics...). ``prepare`` is also where a rule
compiles its matchers into ``ctx.cache``, so the hot loop never compiles.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from governance.errors import UsageError
from governance.findings import Severity
from governance.lint.store import ALWAYS_KEPT, STORABLE
from governance.models.policy import Policy
from governance.rules.base import LintContext, Problem, Rule
from governance.runner import effective_severity

#: Where the calendar-rules package builds rules declared in YAML as ``share``
#: or ``cadence``; imported at run time so lint works before it exists.
CALENDAR_DECLARED = "governance.rules.calendar.declared"


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    check: Callable[..., Iterator[Problem]]


def build_context(policy: Policy, today: dt.date, timezone: str | None) -> LintContext:
    name = timezone or (policy.organisation.timezone if policy.organisation else "UTC")
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"unknown timezone {name!r} (use an IANA name such as Europe/Moscow)"
                         ) from None
    return LintContext(policy, today, zone, channels={c.id: c for c in policy.channels})


def activate(rules: Iterable[Rule], ctx: LintContext) -> list[ActiveRule]:
    """The rules that will run, each with its severity under this policy."""
    active = []
    for rule in rules:
        severity = effective_severity(rule, ctx.policy)
        if severity is None:
            continue
        prepare = None if rule.declared else _prepare_hook(rule)
        if prepare is not None and not prepare(ctx):
            continue
        active.append(ActiveRule(rule, severity, rule.check))
    return active


def fields_read(rules: Iterable[ActiveRule]) -> frozenset[str]:
    """What the post store must keep for these calendar rules.

    A calendar rule module may say which post fields it reads in ``FIELDS``
    (besides id, publish_at, channel and the row, always kept); a rule that
    does not, or a rule declared in YAML, may read any of them.
    """
    needed: set[str] = set()
    for active in rules:
        module = None if active.rule.declared else importlib.import_module(
            active.rule.check.__module__)
        declared: Iterable[str] | None = getattr(module, "FIELDS", None)
        if declared is None:
            return STORABLE
        needed.update(declared)
    # Any other name is a column of the calendar, read through Post.get.
    if needed - STORABLE - ALWAYS_KEPT:
        needed.add("extra")
    return frozenset(needed) & STORABLE


def _prepare_hook(rule: Rule) -> Callable[[LintContext], bool] | None:
    module = importlib.import_module(rule.check.__module__)
    hook: Callable[[LintContext], bool] | None = getattr(module, "prepare", None)
    return hook


def declared_calendar_rules(policy: Policy) -> list[Rule]:
    """Rules the policy declares as ``share`` or ``cadence``, built by the calendar rules."""
    try:
        module: Any = importlib.import_module(CALENDAR_DECLARED)
    except ModuleNotFoundError as exc:
        if exc.name and CALENDAR_DECLARED.startswith(exc.name):
            return []
        raise
    build = getattr(module, "calendar_rules_from_policy", None)
    return list(build(policy)) if build is not None else []
