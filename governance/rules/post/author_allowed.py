"""A post is written by a role the channel lets author posts.

A channel's ``authors`` lists the roles that may write for it — the support
account by the service department, the brand account by marketing and PR
(«Советы по ведению корпоративных аккаунтов» §3). An empty list lets any role write.

Fails::

    policy:
      channels:
        - {id: tg-news, authors: [smm-manager]}
    posts:
      - {id: p1, channel: tg-news, author: support-agent}

Passes::

    policy:
      channels:
        - {id: tg-news, authors: [smm-manager]}
    posts:
      - {id: p1, channel: tg-news, author: smm-manager}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached

ID = "post.author-allowed"
SUMMARY = "The author's role may write for the channel."
SEVERITY = Severity.ERROR
SOURCE = ("«Советы по ведению корпоративных аккаунтов» §3 (who runs the account); «Политика в "
          "отношении социальных сетей: то, что растет, должно расти выше» §3 (who creates content)")
TARGET = "post"


def _build(ctx: LintContext) -> dict[str, frozenset[str]]:
    return {cid: frozenset(c.authors) for cid, c in ctx.channels.items() if c.authors}


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, _build))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    allowed = cached(ctx, ID, _build).get(post.channel)
    if allowed is None or post.author in allowed:
        return
    roles = ", ".join(sorted(allowed))
    if not post.author:
        message = f"no author; channel {post.channel!r} is written by {roles}"
    else:
        message = f"{post.author!r} may not author posts on {post.channel!r} (authors: {roles})"
    yield Problem(message, post=post, field="author")
