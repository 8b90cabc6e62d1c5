"""Everything a lint run compiles once, before the first post: context and active rules.

A rule runs only when it can find something: the policy has not switched it off
(``rules: {id: off}``) and its ``prepare(ctx)`` — a module-level function a rule
may define, kept on the rule — does not report that the policy gives it nothing
to check (no disclosure section, no channel with topics...). ``prepare`` is also
where a rule compiles its matchers into ``ctx.cache``, so the hot loop never
compiles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from governance.errors import UsageError
from governance.findings import Severity
from governance.lint.store import ALWAYS_KEPT, STORABLE
from governance.models.policy import Policy
from governance.rules.base import LintContext, Problem, Rule
from governance.rules.catalogue import Catalogue


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


def activate(rules: Iterable[Rule], catalogue: Catalogue, ctx: LintContext) -> list[ActiveRule]:
    """The rules that will run, each with its severity under this policy."""
    active = []
    for rule in rules:
        severity = catalogue.severity(rule)
        if severity is None or not catalogue.prepare(rule, ctx):
            continue
        active.append(ActiveRule(rule, severity, rule.check))
    return active


def fields_read(rules: Iterable[ActiveRule]) -> frozenset[str]:
    """What the post store must keep for these calendar rules.

    A calendar rule module may say which post fields it reads in ``FIELDS``
    (besides id, publish_at, channel and the row, always kept); a rule that
    does not, or a rule declared in YAML, may read any of them. The text is kept
    all the same: a post without an id is known to a baseline by it.
    """
    needed: set[str] = {"text"}
    for active in rules:
        if active.rule.fields is None:
            return STORABLE
        needed.update(active.rule.fields)
    # Any other name is a column of the calendar, read through Post.get.
    if needed - STORABLE - ALWAYS_KEPT:
        needed.add("extra")
    return frozenset(needed) & STORABLE
