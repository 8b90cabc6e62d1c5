"""Declared rules -> ``Rule`` objects, with the issues that keep some from being built.

One builder for every declared type: the type's ``DeclaredType`` (found by the
rule's model in the table the catalogue passes) compiles the check; a per-post
check gets the rule's ``applies_to`` filter and its examples are run.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import yaml

from governance.findings import Severity
from governance.models.policy import Policy
from governance.models.post import Post
from governance.models.rules import DeclaredRule, RuleBase
from governance.rules.base import LintContext, Problem, Rule, Target
from governance.rules.declared.calendar_examples import calendar_example_failures
from governance.rules.declared.examples import example_failures
from governance.rules.declared.fields import field_problems
from governance.rules.declared.filters import PostFilter, compile_filter
from governance.rules.declared.messages import fills_of, unfillable
from governance.rules.declared.types import (
    Checker,
    CompileError,
    DeclaredType,
    compile_condition,
)
from governance.rules.severity import severity_of
from governance.source import DataPath
from governance.text.terms import Term

BAD_PATTERN = "policy.bad-pattern"
MESSAGE_PLACEHOLDER = "policy.message-placeholder"
RULE_EXAMPLE = "policy.rule-example"

_NOTHING: tuple[Problem, ...] = ()

#: Typical microseconds a post of a rule reading a term file (thousands of terms).
TERM_FILE_COST = 10.5


@dataclass(frozen=True)
class BuildIssue:
    """Why a declared rule cannot be trusted: reported at ``path`` in the policy."""

    rule: str  # the finding's rule id: BAD_PATTERN or RULE_EXAMPLE
    message: str
    path: DataPath


@dataclass
class DeclaredBuild:
    rules: list[Rule] = field(default_factory=list)
    issues: list[BuildIssue] = field(default_factory=list)


def declared_entries(policy: Policy) -> Iterator[tuple[DataPath, DeclaredRule]]:
    """Every rule the policy declares, with its data path, tone rules first."""
    for index, rule in enumerate(policy.tone.rules):
        yield ("tone", "rules", index), rule
    for index, rule in enumerate(policy.content.rules):
        yield ("content", "rules", index), rule


def examples_context(policy: Policy) -> LintContext:
    """Where a declared rule's examples are judged.

    Declared checks never read the date or the timezone: examples are judged the
    same whenever and wherever the policy loads.
    """
    effective = policy.organisation.effective_date if policy.organisation else dt.date.min
    return LintContext(policy, effective, dt.timezone.utc,
                       channels={c.id: c for c in policy.channels})


def build_rules(policy: Policy, types: Mapping[type[RuleBase], DeclaredType],
                terms: Mapping[str, Sequence[Term]] | None = None) -> DeclaredBuild:
    """The declared rules of ``policy``, built by their ``types``, examples checked.

    ``terms`` holds the entries of each substitution rule's ``terms_file``,
    read by the loader side; rules set to ``severity: off`` are not built.
    """
    build = DeclaredBuild()
    build.issues.extend(BuildIssue(rule, message, path) for rule, message, path
                        in field_problems(policy, declared_entries(policy)))
    ctx = examples_context(policy)
    for path, declared in declared_entries(policy):
        kind = types[type(declared)]
        unfilled = unfillable(declared)
        if unfilled:
            names = ", ".join("{" + name + "}" for name in unfilled)
            fills = ", ".join("{" + n + "}" for n in fills_of(declared) or ()) or "none"
            build.issues.append(BuildIssue(
                MESSAGE_PLACEHOLDER, f"rule {declared.id!r}: the message uses {names}, which a "
                f"{declared.type} rule cannot fill (it fills: {fills})", (*path, "message")))
            continue
        try:
            check = kind.compile(declared, policy, (terms or {}).get(declared.id, ()))
        except CompileError as exc:
            build.issues.append(BuildIssue(BAD_PATTERN, exc.message, (*path, *exc.where)))
            continue
        if kind.target == "post":
            try:
                when = compile_condition(declared.when, ("when",)) if declared.when else None
            except CompileError as exc:
                build.issues.append(BuildIssue(BAD_PATTERN, exc.message, (*path, *exc.where)))
                continue
            post_filter = compile_filter(declared.applies_to, policy, when)
            for where, message in example_failures(declared, check, post_filter, ctx):
                build.issues.append(BuildIssue(
                    RULE_EXAMPLE, f"rule {declared.id!r}: {message}", (*path, *where)))
            check = _filtered(check, post_filter)
        else:
            for where, message in calendar_example_failures(declared, check, ctx):
                build.issues.append(BuildIssue(
                    RULE_EXAMPLE, f"rule {declared.id!r}: {message}", (*path, *where)))
        severity = severity_of(declared.severity)
        if severity is not None:
            cost = TERM_FILE_COST if (terms or {}).get(declared.id) else 1.0
            build.rules.append(_rule(declared, kind.target, severity, check, cost))
    return build


def _filtered(check: Checker, post_filter: PostFilter) -> Checker:
    if post_filter.everything:
        return check

    def filtered(post: Post, ctx: LintContext) -> Iterator[Problem]:
        return check(post, ctx) if post_filter.accepts(post) else iter(_NOTHING)

    return filtered


def _rule(declared: RuleBase, target: Target, severity: Severity, check: Checker,
          cost: float) -> Rule:
    description = " ".join(declared.description.split())
    return Rule(
        id=declared.id,
        summary=first_sentence(description) or declared.message,
        severity=severity,
        source=declared.source or "declared in the policy",
        target=target,
        documentation=functools.partial(
            _settings_doc if target == "calendar" else _doc, declared, description),
        check=check,
        declared=True,
        cost=cost,
    )


def first_sentence(text: str) -> str:
    head, dot, _ = " ".join(text.split()).partition(". ")
    return head + "." if dot else head


def _doc(rule: RuleBase, description: str) -> str:
    parts = [description or rule.message, f"Message: {rule.message}", *_example_parts(rule)]
    return inspect.cleandoc("\n\n".join(parts))


def _example_parts(rule: RuleBase) -> list[str]:
    parts = []
    for title, examples in (("Fails", rule.examples.fail), ("Passes", rule.examples.pass_)):
        if examples:
            body = yaml.safe_dump(examples, allow_unicode=True, sort_keys=False,
                                  default_flow_style=False).rstrip()
            parts.append(f"{title}::\n\n" + "\n".join("    " + line for line in body.splitlines()))
    return parts


def _settings_doc(rule: RuleBase, description: str) -> str:
    settings = rule.model_dump(mode="json", by_alias=True, exclude_defaults=True,
                               exclude={"id", "message", "description", "source", "severity",
                                        "examples"})
    body = yaml.safe_dump(settings, allow_unicode=True, sort_keys=True,
                          default_flow_style=False).rstrip()
    parts = [description or rule.message, f"Message: {rule.message}",
             "Settings::\n\n" + "\n".join("    " + line for line in body.splitlines()),
             *_example_parts(rule)]
    return inspect.cleandoc("\n\n".join(parts))
