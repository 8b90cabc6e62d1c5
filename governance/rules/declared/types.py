"""The check of each per-post declared rule type, compiled from its YAML.

``CHECKERS`` maps each per-post type's model to its ``DeclaredType``, whose
``compile(rule, policy, terms)`` returns ``check(post, ctx)`` without the
``applies_to`` filter (the builder adds it) or raises ``CompileError`` naming the
key of the rule that cannot be compiled (a bad pattern, an unknown stemmer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from governance.models.policy import Policy
from governance.models.post import Post
from governance.models.rules import (
    AllOf,
    AnyCondition,
    AnyOf,
    Condition,
    ConditionalRule,
    ExistenceRule,
    LengthRule,
    NotOf,
    OccurrenceRule,
    PatternRule,
    RuleBase,
    SubstitutionRule,
)
from governance.rules.base import LintContext, Problem, Target
from governance.rules.declared.filters import field_getter
from governance.rules.declared.messages import fill, with_suggestion
from governance.source import DataPath
from governance.text.length import count
from governance.text.safe_regex import PatternError, SafePattern, compile_pattern
from governance.text.terms import Term, TermMatcher
from governance.text.words import words

Checker = Callable[[Post, LintContext], Iterator[Problem]]
PerPostRule = ExistenceRule | SubstitutionRule | OccurrenceRule | PatternRule | ConditionalRule \
    | LengthRule


class CompileError(Exception):
    def __init__(self, where: DataPath, message: str) -> None:
        super().__init__(message)
        self.where = where
        self.message = message


@dataclass(frozen=True)
class DeclaredType:
    """How rules of one declared type become checks.

    ``compile(rule, policy, terms)`` returns the check or raises ``CompileError``.
    A ``post`` check is ``check(post, ctx)``, and the builder adds the rule's
    ``applies_to`` and runs its examples; a ``calendar`` check is
    ``check(posts, ctx)`` and honours ``applies_to`` itself.
    """

    target: Target
    compile: Callable[[Any, Policy, Sequence[Term]], Callable[..., Iterator[Problem]]]


_LINK_FIELDS = frozenset({"link", "media"})


def _matcher(terms: Sequence[Term], stem: str | None, where: DataPath,
             rule: ExistenceRule | SubstitutionRule | None = None) -> TermMatcher:
    # A rule on the link or media field reads nothing but links.
    inside_links = rule is not None and (rule.inside_links or rule.scope in _LINK_FIELDS)
    try:
        return TermMatcher(terms, stem_language=stem, inside_links=inside_links)
    except ValueError as exc:
        raise CompileError(where, str(exc)) from None


def _regex(pattern: str, ignore_case: bool, where: DataPath) -> SafePattern:
    try:
        return compile_pattern(pattern, ignore_case)
    except PatternError as exc:
        raise CompileError(where, str(exc)) from None


def _existence(rule: ExistenceRule) -> Checker:
    matcher = _matcher([Term(t, "", not rule.ignore_case) for t in rule.tokens], rule.stem,
                       ("tokens",), rule)
    read, scope, template = field_getter(rule.scope), rule.scope, rule.message

    def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
        for match in matcher.find(read(post)):
            yield Problem(fill(template, match=match.matched), post=post, field=scope,
                          data={"match": match.matched})

    return check


def _substitution(rule: SubstitutionRule, terms: Sequence[Term]) -> Checker:
    swaps = [Term(t, r, not rule.ignore_case) for t, r in rule.swap.items()]
    matcher = _matcher([*swaps, *terms], rule.stem, ("swap",), rule)
    read, scope, template = field_getter(rule.scope), rule.scope, rule.message

    def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
        for match in matcher.find(read(post)):
            replacement = match.term.replacement
            yield Problem(with_suggestion(template, match.matched, replacement), post=post,
                          field=scope, data={"match": match.matched, "replacement": replacement})

    return check


def _occurrence(rule: OccurrenceRule) -> Checker:
    if rule.token is not None:
        matcher = _matcher([Term(rule.token, "", not rule.ignore_case)], None, ("token",))

        def occurrences(text: str) -> int:
            return len(matcher.find(text))
    else:
        regex = _regex(rule.pattern or "", rule.ignore_case, ("pattern",))

        def occurrences(text: str) -> int:
            return sum(1 for _ in regex.finditer(text))
    return _bounds(rule.min, rule.max, occurrences, rule.scope, rule.message)


def _length(rule: LengthRule) -> Checker:
    unit = rule.unit

    def measure(text: str) -> int:
        return len(words(text)) if unit == "words" else count(text, unit)

    return _bounds(rule.min, rule.max, measure, rule.scope, rule.message)


def _bounds(low: int | None, high: int | None, measure: Callable[[str], int], scope: str,
            template: str) -> Checker:
    read = field_getter(scope)

    def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
        value = measure(read(post))
        limit = low if low is not None and value < low else \
            high if high is not None and value > high else None
        if limit is not None:
            yield Problem(fill(template, count=value, limit=limit), post=post, field=scope,
                          data={"count": value, "limit": limit})

    return check


def _pattern(rule: PatternRule) -> Checker:
    regex = _regex(rule.pattern, rule.ignore_case, ("pattern",))
    read, scope, template = field_getter(rule.scope), rule.scope, rule.message
    if rule.mode == "require":
        def require(post: Post, ctx: LintContext) -> Iterator[Problem]:
            if regex.search(read(post)) is None:
                yield Problem(fill(template, match=""), post=post, field=scope)

        return require

    def forbid(post: Post, ctx: LintContext) -> Iterator[Problem]:
        for match in regex.finditer(read(post)):
            found = match.text
            yield Problem(fill(template, match=found), post=post, field=scope,
                          data={"match": found})

    return forbid


def _conditional(rule: ConditionalRule) -> Checker:
    condition = compile_condition(rule.if_, ("if",))
    requirement = compile_condition(rule.then, ("then",))
    field, template = first_field(rule.then), rule.message

    def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
        if condition(post) and not requirement(post):
            yield Problem(fill(template), post=post, field=field)

    return check


Test = Callable[[Post], bool]


def compile_condition(condition: AnyCondition, where: DataPath) -> Test:
    """A condition as a test of a post: ``all``, ``any`` and ``not`` nest freely."""
    if isinstance(condition, AllOf):
        every = [compile_condition(c, (*where, "all", i)) for i, c in enumerate(condition.all)]
        return every[0] if len(every) == 1 else lambda post: all(t(post) for t in every)
    if isinstance(condition, AnyOf):
        some = [compile_condition(c, (*where, "any", i)) for i, c in enumerate(condition.any)]
        return some[0] if len(some) == 1 else lambda post: any(t(post) for t in some)
    if isinstance(condition, NotOf):
        inner = compile_condition(condition.not_, (*where, "not"))
        return lambda post: not inner(post)
    return _field_test(condition, where)


def first_field(condition: AnyCondition) -> str:
    """The first field a condition tests: where a finding about it points."""
    if isinstance(condition, AllOf | AnyOf):
        return first_field((condition.all if isinstance(condition, AllOf) else condition.any)[0])
    if isinstance(condition, NotOf):
        return first_field(condition.not_)
    return condition.field


def _field_test(condition: Condition, where: DataPath) -> Test:
    """All the tests a ``Condition`` names, and-ed; a condition naming none always holds."""
    if condition.field == "sponsored" and isinstance(condition.equals, bool) \
            and condition.pattern is None and condition.present is None and not condition.one_of:
        # The commonest condition of all ("if sponsored"), read straight off the post.
        flag = condition.equals
        return lambda post: post.sponsored is flag
    read = field_getter(condition.field)
    tests: list[Callable[[str], bool]] = []
    fold = str.casefold if condition.ignore_case else str
    if condition.equals is not None:
        expected = _expected(condition.equals)
        if isinstance(condition.equals, bool):
            tests.append(lambda value: value.strip().lower() == expected)
        else:
            wanted = fold(expected)
            tests.append(lambda value: fold(value.strip()) == wanted)
    if condition.one_of:
        allowed = frozenset(fold(v) for v in condition.one_of)
        tests.append(lambda value: fold(value.strip()) in allowed)
    if condition.present is not None:
        present = condition.present
        tests.append(lambda value: bool(value.strip()) is present)
    if condition.pattern is not None:
        tests.append(_pattern_test(condition, where))
    return _all_of(read, tests)


def _all_of(read: Callable[[Post], str], tests: list[Callable[[str], bool]]
            ) -> Callable[[Post], bool]:
    # Conditions run on every post: the common one-test case skips the loop.
    if not tests:
        return lambda post: True
    if len(tests) == 1:
        test = tests[0]
        return lambda post: test(read(post))

    def every(post: Post) -> bool:
        value = read(post)
        return all(test(value) for test in tests)

    return every


def _pattern_test(condition: Condition, where: DataPath) -> Callable[[str], bool]:
    regex = _regex(condition.pattern or "", condition.ignore_case, (*where, "pattern"))
    within = condition.within_first
    if within is None:
        return lambda value: regex.search(value) is not None

    def early(value: str) -> bool:
        match = regex.search(value)
        return match is not None and match.start < within

    return early


def _expected(value: str | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


#: The per-post declared types, by model.
CHECKERS: dict[type[RuleBase], DeclaredType] = {
    ExistenceRule: DeclaredType("post", lambda rule, policy, terms: _existence(rule)),
    SubstitutionRule: DeclaredType("post", lambda rule, policy, terms: _substitution(rule, terms)),
    OccurrenceRule: DeclaredType("post", lambda rule, policy, terms: _occurrence(rule)),
    PatternRule: DeclaredType("post", lambda rule, policy, terms: _pattern(rule)),
    ConditionalRule: DeclaredType("post", lambda rule, policy, terms: _conditional(rule)),
    LengthRule: DeclaredType("post", lambda rule, policy, terms: _length(rule)),
}
