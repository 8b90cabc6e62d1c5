"""The post fields a policy's rules may name: the built-in ones and those it declares.

A declared field (``calendar.fields``) may not take a built-in field's name, and
every ``scope`` and every condition's ``field`` must name a built-in or declared
field: a typo would otherwise make a rule that never fires. Both are issues of
loading, reported at the name.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from governance.models.policy import Policy
from governance.models.post import DEFAULT_COLUMNS, OPTIONAL_COLUMNS
from governance.models.rules import AllOf, AnyOf, Condition, NotOf
from governance.source import DataPath

UNKNOWN_FIELD = "policy.unknown-field"
BUILTIN_FIELD = "policy.builtin-field"

#: The fields every post has; a policy declares others in ``calendar.fields``.
BUILTIN_FIELDS = frozenset(DEFAULT_COLUMNS + OPTIONAL_COLUMNS)


def known_fields(policy: Policy) -> frozenset[str]:
    return BUILTIN_FIELDS | frozenset(policy.calendar.fields)


def field_problems(policy: Policy, rules: Iterator[tuple[DataPath, Any]]
                   ) -> Iterator[tuple[str, str, DataPath]]:
    """``(finding id, message, data path)`` for each misnamed field."""
    for name in policy.calendar.fields:
        if name in BUILTIN_FIELDS:
            yield (BUILTIN_FIELD, f"{name!r} is a built-in post field; a declared field needs "
                   "a name of its own", ("calendar", "fields", name))
    known = known_fields(policy)
    for path, rule in rules:
        named = [((*path, "scope"), rule.scope)]
        for key, value in _values(rule):
            named.extend(_condition_fields(value, (*path, key)))
        for where, name in named:
            if name not in known:
                yield UNKNOWN_FIELD, _unknown(name, known), where


def _values(rule: Any) -> Iterator[tuple[str, Any]]:
    for name, info in type(rule).model_fields.items():
        yield info.alias or name, getattr(rule, name)


def _condition_fields(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    """``(path of the field key, field name)`` of every field test in a condition."""
    if isinstance(value, Condition):
        yield (*path, "field"), value.field
    elif isinstance(value, AllOf | AnyOf):
        key = "all" if isinstance(value, AllOf) else "any"
        members = value.all if isinstance(value, AllOf) else value.any
        for index, member in enumerate(members):
            yield from _condition_fields(member, (*path, key, index))
    elif isinstance(value, NotOf):
        yield from _condition_fields(value.not_, (*path, "not"))


def _unknown(name: str, known: frozenset[str]) -> str:
    hint = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
    return (f"unknown post field {name!r}{suggestion}: a rule reads the built-in post fields "
            "and those declared under calendar.fields")
