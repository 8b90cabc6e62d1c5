"""A post's kind is one the policy declares.

The promo share, approvals and disclosures all key on the kind of content
(promo, news, engagement, support...); a misspelt kind silently escapes them
(«Советы по ведению корпоративных аккаунтов» §5). When the policy declares ``content.kinds``, every
post's kind must be one of them; a post without a kind is not judged here.

Fails::

    policy:
      content:
        kinds: [{id: promo, promotional: true}, {id: news}]
    posts:
      - {id: p1, kind: promotion}

Passes::

    policy:
      content:
        kinds: [{id: promo, promotional: true}, {id: news}]
    posts:
      - {id: p1, kind: promo}
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached

ID = "post.kind-known"
SUMMARY = "A post's kind is one of the kinds the policy declares."
SEVERITY = Severity.WARNING
SOURCE = "«Советы по ведению корпоративных аккаунтов» §5 (promo share needs kinds)"
TARGET = "post"


def _build(ctx: LintContext) -> frozenset[str]:
    return frozenset(k.id for k in ctx.policy.content.kinds)


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, _build))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    kinds = cached(ctx, ID, _build)
    if not kinds or not post.kind or post.kind in kinds:
        return
    hint = difflib.get_close_matches(post.kind, sorted(kinds), n=1, cutoff=0.6)
    suggestion = f"did you mean {hint[0]!r}?" if hint else f"declared: {', '.join(sorted(kinds))}"
    yield Problem(f"unknown kind {post.kind!r} ({suggestion})", post=post, field="kind")
