"""The rule catalogue: every rule the tool knows, and every id a finding can carry.

Every command asks it, so a rule is found, described, switched off and waived
the same way everywhere:

- ``SHIPPED``: the shipped rules, in order: policy rules (``governance check``),
  post and calendar rules (``governance lint``), each module listed in its
  package's ``MODULES``;
- ``Catalogue(policy)``: those plus the rules the policy declares in
  ``tone.rules`` and ``content.rules``, built once by the checker of their type
  (``DECLARED_TYPES``), with the issues that keep some from being built. It
  answers ``known_ids()``, ``finding_ids()``, ``summary(id)``, ``get(id)``,
  ``severity(rule)`` (the effective severity: ``governance.rules.severity``
  decides it), ``prepare(rule, ctx)``, ``rules(target)`` and ``infos()`` (what
  ``rules``, ``explain`` and the staff document show, the review's rules
  included with target ``review``);
- ``INPUT_IDS``: the ids that findings of loading and reading carry (``yaml.*``,
  ``schema.*``, ``policy.*``, ``ref.*``, ``calendar.*``, ``lint.*``), each with
  its one-line summary.

How to add a declared rule type (say ``type: entities``):

1. its model: a ``RuleBase`` subclass with ``type: Literal["entities"]`` in
   ``governance/models/rules.py``, added to the ``DeclaredRule`` union; then
   ``governance schema`` regenerates ``schemas/``;
2. its checker: a ``compile(rule, policy, terms)`` function and one entry
   ``{EntitiesRule: DeclaredType("post" | "calendar", compile)}`` in the
   ``CHECKERS`` table of ``governance/rules/declared/types.py`` (per-post types)
   or ``governance/rules/calendar/declared.py`` (calendar types). A checker in a
   module of its own adds its ``CHECKERS`` table to ``DECLARED_TYPES`` below;
3. its docs: the README's section on declared rules, with a failing and a
   passing example, and its test cases.

The fields a rule names in its conditions (any field holding a condition) and in
``scope`` are checked against the built-in and declared post fields without
more work; a new key that names fields some other way (a list such as
``same: [target]``) adds itself to ``governance/rules/declared/fields.py``.

Nothing else changes: check, lint, ``rules``, ``explain``, waivers, SARIF and
the staff document find the new rules here. A test fails when a type in the
``DeclaredRule`` union has no checker.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Literal

from governance.findings import Severity
from governance.models.policy import Policy
from governance.models.rules import DeclaredRule, RuleBase
from governance.review.rules import MODULES as REVIEW_MODULES
from governance.rules import calendar as calendar_package
from governance.rules import policy as policy_package
from governance.rules import post as post_package
from governance.rules.base import LintContext, Rule, Target
from governance.rules.calendar import declared as calendar_declared
from governance.rules.calendar import pairs, schedule
from governance.rules.declared import BuildIssue, build_rules, declared_entries, first_sentence
from governance.rules.declared import entities as entity_declared
from governance.rules.declared import types as post_declared
from governance.rules.declared.types import DeclaredType
from governance.rules.severity import effective_severity, severity_of
from governance.text.terms import Term

#: Every shipped rule: policy rules, then post rules, then calendar rules.
SHIPPED: tuple[Rule, ...] = tuple(
    Rule.from_module(module)
    for module in (*policy_package.MODULES, *post_package.MODULES, *calendar_package.MODULES)
)

#: What a rule judges, as ``rules`` and ``explain`` show it: a policy, a post, a
#: calendar, or the month's measurements (``governance review``).
InfoTarget = Literal[Target, "review"]

#: The rules of ``governance review``, which waivers and severities may name too.
REVIEW_SUMMARIES: Mapping[str, str] = {module.ID: module.SUMMARY for module in REVIEW_MODULES}
REVIEW_IDS: frozenset[str] = frozenset(REVIEW_SUMMARIES)

#: Every declared rule type, by model: what compiles it and what it judges.
DECLARED_TYPES: Mapping[type[RuleBase], DeclaredType] = {
    **post_declared.CHECKERS,
    **calendar_declared.CHECKERS,
    **entity_declared.CHECKERS,
    **schedule.CHECKERS,
    **pairs.CHECKERS,
}

_REFERENCE_KINDS = ("role", "goal", "channel", "kind", "activity", "escalation-route", "event",
                    "rule")

#: The ids of findings about the input itself (loading a policy, reading a calendar).
INPUT_IDS: Mapping[str, str] = {
    "yaml.syntax": "The file is not well-formed YAML.",
    "yaml.encoding": "The file is not UTF-8 text.",
    "yaml.too-large": "The document is too large or nests too deep (alias expansion?).",
    "yaml.alias": "An alias refers to the value that contains it.",
    "yaml.tag": "A YAML tag the policy format does not use.",
    "yaml.value": "A YAML value that cannot be read.",
    "yaml.key": "A mapping key that is not a plain value.",
    "yaml.duplicate-key": "A key appears twice in one mapping.",
    "yaml.merge": "A YAML merge key ('<<'), which the policy format refuses.",
    "schema.unknown-key": "A key the policy format does not have.",
    "schema.missing-key": "A required key is missing.",
    "schema.type": "A value of the wrong type.",
    "schema.value": "A value the policy format does not allow.",
    "policy.not-mapping": "A policy file whose top level is not a mapping.",
    "policy.duplicate-section": "Two policy files define the same section.",
    "policy.extends": "A pack named in 'extends' that cannot be used.",
    "policy.merge": "A policy and the packs it extends that cannot be merged.",
    "policy.file": "A policy file that may not be read: outside the policy's root, not a "
    "regular file, or over the size limit.",
    "policy.terms-file": "A declared rule's terms file that cannot be read.",
    "policy.entity-list": "An entities rule's allow or deny list file that cannot be used.",
    "policy.bad-pattern": "A declared rule that cannot be compiled (a bad pattern, stemmer...).",
    "policy.rule-example": "A declared rule's example that does not fail or pass as it says.",
    "policy.message-placeholder": "A declared rule's message placeholder its type cannot fill.",
    "policy.rule-id-clash": "A declared rule id that is a shipped rule's or declared twice.",
    "policy.unknown-rule": "A setting under 'rules:' for a rule id no rule has.",
    "policy.people-file": "A staff register file (people_file) that cannot be read.",
    "policy.unknown-field": "A rule names a post field that is neither built in nor declared.",
    "policy.builtin-field": "A declared post field that takes a built-in field's name.",
    "ref.duplicate-id": "Two entries of one list share an id.",
    "ref.person-is-role": "A person id in the staff register that is also a role id.",
    **{f"ref.unknown-{kind}": f"A reference to a {kind.replace('-', ' ')} the policy does "
       "not declare." for kind in _REFERENCE_KINDS},
    "calendar.unreadable": "A calendar file that cannot be read at all.",
    "calendar.syntax": "A calendar whose syntax is broken.",
    "calendar.bad-encoding": "A calendar that is not in the expected text encoding.",
    "calendar.empty": "A calendar without posts.",
    "calendar.bad-row": "A calendar row that cannot be read as a post.",
    "calendar.bad-value": "A cell whose value the field does not accept.",
    "calendar.bad-date": "A publication date or time that cannot be read.",
    "calendar.missing-field": "A post without a field every post needs.",
    "calendar.missing-column": "A calendar without a column every post needs.",
    "calendar.duplicate-column": "Two columns of a calendar map to one field.",
    "calendar.duplicate-key": "A key appears twice in one post.",
    "calendar.duplicate-id": "Two posts share an id.",
    "calendar.unknown-column": "A column the calendar format does not know; it is ignored.",
    "calendar.date-order": "Which order of day, month and year numeric dates were read in.",
    "calendar.rule-skipped": "A rule that did not run: the calendar lacks the column it reads.",
    "lint.unknown-channel": "A post whose channel the policy does not declare.",
    "lint.waiver-reason": "A 'waive' entry that gives no reason.",
    "lint.waiver-unknown-rule": "A 'waive' entry that names no known rule.",
    "lint.baseline-stale": "A baseline entry whose finding no longer occurs.",
    "lint.baseline-unreadable": "A lint baseline file that cannot be read.",
    "test.bad-case": "A policy test case that cannot be run (its calendar file is missing).",
}


def policy_rules() -> tuple[Rule, ...]:
    """The shipped rules ``governance check`` runs on the policy itself."""
    return tuple(rule for rule in SHIPPED if rule.target == "policy")


@dataclass(frozen=True)
class RuleInfo:
    """One rule: what it is, and (given a policy) whether and how severely it runs."""

    id: str
    summary: str
    severity: Severity | None  # default; None for a declared rule declared 'off'
    target: InfoTarget
    source: str
    doc: str
    declared_in: str = ""  # "tone" or "content" for rules declared in a policy
    declaration: DeclaredRule | None = None
    enabled: bool | None = None  # None: no policy given
    effective: Severity | None = None

    @property
    def declared(self) -> bool:
        return bool(self.declared_in)


class Catalogue:
    """The shipped rules and, given a policy, the rules it declares.

    ``build`` compiles the declared rules (checking their examples); without it
    they are described from their YAML alone, which is all the staff document
    needs. ``terms`` holds the entries of substitution rules' ``terms_file``.
    """

    def __init__(self, policy: Policy | None = None, *, build: bool = True,
                 terms: Mapping[str, Sequence[Term]] | None = None) -> None:
        self.policy = policy
        self.shipped = SHIPPED
        self.declarations = [rule for _, rule in declared_entries(policy)] if policy else []
        self.declared: tuple[Rule, ...] = ()
        self.issues: tuple[BuildIssue, ...] = ()
        if policy is not None and build:
            built = build_rules(policy, DECLARED_TYPES, terms)
            self.declared, self.issues = tuple(built.rules), tuple(built.issues)
        shipped_ids = {rule.id for rule in self.shipped}
        # A declared rule that clashes with a shipped id is an error of loading; the
        # shipped rule keeps its id.
        self._by_id = {rule.id: rule for rule in self.declared if rule.id not in shipped_ids}
        self._by_id.update({rule.id: rule for rule in self.shipped})

    def rules(self, target: Target) -> list[Rule]:
        """Shipped rules of ``target`` in catalogue order, then declared ones in policy order."""
        return [rule for rule in (*self.shipped, *self.declared) if rule.target == target]

    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def known_ids(self) -> frozenset[str]:
        """Every rule id a waiver may name: shipped, and declared (even when off)."""
        return frozenset({rule.id for rule in self.shipped}
                         | {rule.id for rule in self.declarations} | REVIEW_IDS)

    def finding_ids(self) -> frozenset[str]:
        """Every id a finding can carry: the rules' and those of loading and reading."""
        return self.known_ids() | frozenset(INPUT_IDS)

    def summary(self, finding_id: str) -> str | None:
        """The one-line summary of a rule or of an input id; None for an unknown id."""
        rule = self.get(finding_id)
        if rule is not None:
            return rule.summary
        declared = next((d for d in self.declarations if d.id == finding_id), None)
        if declared is not None:
            return first_sentence(declared.description) or declared.message
        return INPUT_IDS.get(finding_id) or REVIEW_SUMMARIES.get(finding_id)

    def severity(self, rule: Rule) -> Severity | None:
        """The rule's severity under the policy; None when the policy switches it off."""
        return effective_severity(rule.id, rule.severity, self.policy)

    @staticmethod
    def prepare(rule: Rule, ctx: LintContext) -> bool:
        """Whether the rule has anything to check under ``ctx`` (compiling what it needs)."""
        return rule.prepare is None or rule.prepare(ctx)

    def infos(self) -> list[RuleInfo]:
        """Shipped rules in catalogue order, the review's rules, then the policy's declared
        rules in policy order."""
        infos = [self._shipped_info(rule) for rule in self.shipped]
        infos.extend(self._review_info(module) for module in REVIEW_MODULES)
        if self.policy is None:
            return infos
        shipped = {info.id for info in infos}
        infos.extend(self._declared_info(section, rule)
                     for section, rule in _sections(self.policy) if rule.id not in shipped)
        return infos

    def _shipped_info(self, rule: Rule) -> RuleInfo:
        effective = self.severity(rule)
        return RuleInfo(
            id=rule.id, summary=rule.summary, severity=rule.severity, target=rule.target,
            source=rule.source, doc=rule.doc,
            enabled=None if self.policy is None else effective is not None, effective=effective,
        )

    def _review_info(self, module: ModuleType) -> RuleInfo:
        # Review rules judge measurements, not posts: they are no ``Rule`` of the lint
        # engine, but are listed, explained, switched off and waived like one.
        effective = effective_severity(module.ID, module.SEVERITY, self.policy)
        return RuleInfo(
            id=module.ID, summary=module.SUMMARY, severity=module.SEVERITY, target="review",
            source=module.SOURCE, doc=inspect.cleandoc(module.__doc__ or ""),
            enabled=None if self.policy is None else effective is not None, effective=effective,
        )

    def _declared_info(self, section: str, rule: DeclaredRule) -> RuleInfo:
        default = severity_of(rule.severity)
        effective = effective_severity(rule.id, default, self.policy)
        built = self._by_id.get(rule.id)
        summary = built.summary if built else (first_sentence(rule.description) or rule.message)
        return RuleInfo(
            id=rule.id, summary=" ".join(summary.split()), severity=default,
            target=DECLARED_TYPES[type(rule)].target, source=rule.source,
            doc=built.doc if built else "", declared_in=section, declaration=rule,
            enabled=effective is not None, effective=effective,
        )


def _sections(policy: Policy) -> Iterable[tuple[str, DeclaredRule]]:
    for path, rule in declared_entries(policy):
        yield str(path[0]), rule


def find_rule(rule_id: str, infos: Iterable[RuleInfo]) -> RuleInfo | None:
    return next((info for info in infos if info.id == rule_id), None)


def suggestions(rule_id: str, known: Iterable[str]) -> list[str]:
    """Up to three known ids close to ``rule_id`` (a typo, a prefix, a suffix)."""
    ids = sorted(set(known))
    close = difflib.get_close_matches(rule_id, ids, n=3, cutoff=0.6)
    prefix = [i for i in ids if rule_id and (i.startswith(rule_id) or i.endswith(rule_id))]
    return list(dict.fromkeys(close + prefix))[:3]
