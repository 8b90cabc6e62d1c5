"""A post is written by a role the channel lets author posts.

A channel's ``authors`` lists the roles that may write for it — the support
account by the service department, the brand account by marketing and PR
(«Советы по ведению корпоративных аккаунтов» §3). An empty list lets any role write. The author
may be a role or a person of the staff register (``people:``): the person's roles decide, and a
person whose ``accounts`` are listed posts for those channels only, and only after completing
every training of the policy's ``training_required``.

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
from governance.rules.post.common import cached, person, roles_of

ID = "post.author-allowed"
SUMMARY = "The author's role may write for the channel."
SEVERITY = Severity.ERROR
SOURCE = ("«Советы по ведению корпоративных аккаунтов» §3 (who runs the account); «Политика в "
          "отношении социальных сетей: то, что растет, должно расти выше» §3 (who creates content)")
#: Without this column in the calendar the rule is skipped, with one notice.
REQUIRES = ("author",)
TARGET = "post"


def _build(ctx: LintContext) -> dict[str, frozenset[str]]:
    return {cid: frozenset(c.authors) for cid, c in ctx.channels.items() if c.authors}


def prepare(ctx: LintContext) -> bool:
    limited = any(p.accounts for p in ctx.policy.people) or (
        bool(ctx.policy.people) and bool(ctx.policy.training_required))
    return bool(cached(ctx, ID, _build)) or limited


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    who = person(post.author, ctx) if post.author else None
    if who is not None and who.accounts and post.channel not in who.accounts:
        accounts = ", ".join(sorted(who.accounts))
        yield Problem(f"{post.author!r} may post only for {accounts} (staff register), "
                      f"not for {post.channel!r}", post=post, field="author")
        return
    if who is not None and who.missing_training:
        missing = ", ".join(who.missing_training)
        yield Problem(f"{post.author!r} has not completed the training required before "
                      f"posting: {missing}", post=post, field="author")
        return
    allowed = cached(ctx, ID, _build).get(post.channel)
    if allowed is None or (post.author and roles_of(post.author, ctx) & allowed):
        return
    roles = ", ".join(sorted(allowed))
    if not post.author:
        message = f"no author; channel {post.channel!r} is written by {roles}"
    elif who is not None:
        theirs = ", ".join(sorted(who.roles))
        message = (f"{post.author!r} ({theirs}) may not author posts on {post.channel!r} "
                   f"(authors: {roles})")
    else:
        message = f"{post.author!r} may not author posts on {post.channel!r} (authors: {roles})"
    yield Problem(message, post=post, field="author")
