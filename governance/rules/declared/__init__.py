"""Rules a policy declares in YAML (``tone.rules``, ``content.rules``), as ``Rule`` objects.

The per-post types are compiled here (``types.CHECKERS``): ``existence``,
``substitution``, ``occurrence``, ``pattern``, ``conditional`` and ``length``.
The calendar-level types (``share``, ``cadence``) are compiled by
``governance.rules.calendar.declared`` (its ``CHECKERS``). ``build`` turns either
into ``Rule`` objects; ``governance.rules.catalogue`` is what commands ask.

Every declared rule honours ``scope`` (the post field it reads: any column,
through ``Post.get``), ``applies_to`` (channels, networks, kinds, languages,
sponsored) and ``severity`` (``off`` builds nothing). Patterns run in linear time, so no
policy can make matching slow. What cannot be compiled, and examples that do not
behave as they claim, are ``BuildIssue``s with the data path to report them at.

Examples: a string is the value of the rule's ``scope`` field, judged by the
rule's check alone (``applies_to`` is not consulted, the text is the point); a
mapping is a whole post (``text``, ``kind``, ``channel``, ``sponsored``,
``media``...) and goes through ``applies_to`` like any calendar post.
"""

from governance.rules.declared.build import (
    BuildIssue,
    DeclaredBuild,
    build_rules,
    declared_entries,
    examples_context,
    first_sentence,
)

__all__ = ["BuildIssue", "DeclaredBuild", "build_rules", "declared_entries", "examples_context",
           "first_sentence"]
