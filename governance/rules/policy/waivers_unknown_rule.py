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
from governance.rules.base import PolicyContext, Problem

ID = "waivers.unknown-rule"
SUMMARY = "Every waiver names a shipped rule or one the policy declares."
SEVERITY = Severity.ERROR
SOURCE = "governance convention (stable rule ids)"
TARGET = "policy"


def check(ctx: PolicyContext) -> Iterator[Problem]:
    waivers = ctx.policy.waivers
    if not waivers:
        return
    # Imported here: the catalogue lists this module.
    from governance.rules.catalogue import Catalogue

    known = Catalogue(ctx.policy, build=False).known_ids()
    for index, waiver in enumerate(waivers):
        if waiver.rule in known:
            continue
        hint = difflib.get_close_matches(waiver.rule, sorted(known), n=1, cutoff=0.6)
        suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
        yield Problem(f"waiver names unknown rule {waiver.rule!r}{suggestion}",
                      ("waivers", index, "rule"), data={"rule": waiver.rule})
