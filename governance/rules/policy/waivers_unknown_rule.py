"""Every waiver names a rule that exists.

A waiver of a misspelt or retired rule id waives nothing, while its author
believes the exception is in place. Known ids are the shipped rules
(``governance rules`` lists them) and the rules the policy declares in
``tone.rules`` and ``content.rules``.

Fails::

    waivers:
      - rule: raci.one-acountable
        reason: Two leads share the approval during the merger
        approved_by: ceo

Passes::

    waivers:
      - rule: raci.one-accountable
        reason: Two leads share the approval during the merger
        approved_by: ceo
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from governance.findings import Severity
from governance.models.policy import Policy
from governance.rules.base import PolicyContext, Problem

ID = "waivers.unknown-rule"
SUMMARY = "Every waiver names a shipped rule or one the policy declares."
SEVERITY = Severity.ERROR
SOURCE = "governance convention (stable rule ids)"
TARGET = "policy"


def known_rule_ids(policy: Policy, wanted: set[str]) -> set[str]:
    """Declared and shipped rule ids; post rules are loaded only if ``wanted`` needs them."""
    # Imported here: the registry imports this module.
    from governance.rules import POLICY_RULES, all_rules

    known = {rule.id for rule in (*policy.tone.rules, *policy.content.rules, *POLICY_RULES)}
    if wanted - known:  # post and calendar rules pull in the text engine; only when asked
        known |= {rule.id for rule in all_rules()}
    return known


def check(ctx: PolicyContext) -> Iterator[Problem]:
    waivers = ctx.policy.waivers
    if not waivers:
        return
    known = known_rule_ids(ctx.policy, {waiver.rule for waiver in waivers})
    for index, waiver in enumerate(waivers):
        if waiver.rule in known:
            continue
        hint = difflib.get_close_matches(waiver.rule, sorted(known), n=1, cutoff=0.6)
        suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
        yield Problem(f"waiver names unknown rule {waiver.rule!r}{suggestion}",
                      ("waivers", index, "rule"), data={"rule": waiver.rule})
