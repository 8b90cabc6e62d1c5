"""Declared rules -> ``Rule`` objects, with the issues that keep some from being built."""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import yaml

from governance.findings import Severity
from governance.models.common import SeverityName
from governance.models.policy import Policy
from governance.models.post import Post
from governance.models.rules import CadenceRule, DeclaredRule, RuleBase, ShareRule
from governance.rules.base import LintContext, Problem, Rule
from governance.rules.declared.examples import example_failures
from governance.rules.declared.filters import PostFilter, compile_filter
from governance.rules.declared.types import Checker, CompileError, PerPostRule, compile_checker
from governance.source import DataPath
from governance.text.terms import Term

BAD_PATTERN = "policy.bad-pattern"
RULE_EXAMPLE = "policy.rule-example"

_SEVERITY = {SeverityName.ERROR: Severity.ERROR, SeverityName.WARNING: Severity.WARNING,
             SeverityName.INFO: Severity.INFO}
_NOTHING: tuple[Problem, ...] = ()


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


def build_rules(policy: Policy, ctx: LintContext,
                terms: Mapping[str, Sequence[Term]] | None = None) -> DeclaredBuild:
    """The per-post declared rules of ``policy``, their examples checked in ``ctx``.

    ``terms`` holds the entries of each substitution rule's ``terms_file``,
    read by the loader side; rules set to ``severity: off`` are not built.
    """
    build = DeclaredBuild()
    for path, declared in declared_entries(policy):
        if isinstance(declared, ShareRule | CadenceRule):
            continue
        try:
            check = compile_checker(declared, (terms or {}).get(declared.id, ()))
        except CompileError as exc:
            build.issues.append(BuildIssue(BAD_PATTERN, exc.message, (*path, *exc.where)))
            continue
        post_filter = compile_filter(declared.applies_to, policy)
        for where, message in example_failures(declared, check, post_filter, ctx):
            build.issues.append(BuildIssue(
                RULE_EXAMPLE, f"rule {declared.id!r}: {message}", (*path, *where)))
        severity = _SEVERITY.get(declared.severity)
        if severity is not None:
            build.rules.append(_rule(declared, severity, _filtered(check, post_filter)))
    return build


def _filtered(check: Checker, post_filter: PostFilter) -> Checker:
    if post_filter.everything:
        return check

    def filtered(post: Post, ctx: LintContext) -> Iterator[Problem]:
        return check(post, ctx) if post_filter.accepts(post) else iter(_NOTHING)

    return filtered


def _rule(declared: PerPostRule, severity: Severity, check: Checker) -> Rule:
    description = " ".join(declared.description.split())
    return Rule(
        id=declared.id,
        summary=_first_sentence(description) or declared.message,
        severity=severity,
        source=declared.source or "declared in the policy",
        target="post",
        doc=_doc(declared, description),
        check=check,
        declared=True,
    )


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def _doc(rule: RuleBase, description: str) -> str:
    parts = [description or rule.message, f"Message: {rule.message}"]
    for title, examples in (("Fails", rule.examples.fail), ("Passes", rule.examples.pass_)):
        if examples:
            body = yaml.safe_dump(examples, allow_unicode=True, sort_keys=False,
                                  default_flow_style=False).rstrip()
            parts.append(f"{title}::\n\n" + "\n".join("    " + line for line in body.splitlines()))
    return inspect.cleandoc("\n\n".join(parts))
