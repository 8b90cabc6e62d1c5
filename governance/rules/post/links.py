"""A post carries no more links than its channel allows.

A feed of links turns the account into the website's RSS feed («Советы по ведению корпоративных
аккаунтов» §22–23); a channel may cap links per post with ``limits.max_links``. The post's ``link``
column counts too, once, when the text does not repeat it.

Fails::

    policy:
      channels:
        - {id: tg-news, limits: {max_links: 1}}
    posts:
      - {id: p1, channel: tg-news, text: "Menu https://a.example/menu and shop https://b.example"}

Passes::

    policy:
      channels:
        - {id: tg-news, limits: {max_links: 1}}
    posts:
      - {id: p1, channel: tg-news, text: "Our new menu: https://a.example/menu"}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached
from governance.text.length import extract_urls

ID = "post.links"
SUMMARY = "A post has no more links than its channel allows."
SEVERITY = Severity.WARNING
SOURCE = "«Советы по ведению корпоративных аккаунтов» §22–23 (not an RSS feed of the website)"
TARGET = "post"
#: Typical microseconds a post (benchmarks/rule_costs.py).
COST = 5.9


def _build(ctx: LintContext) -> dict[str, int]:
    return {cid: c.limits.max_links for cid, c in ctx.channels.items()
            if c.limits is not None and c.limits.max_links is not None}


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, _build))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    limit = cached(ctx, ID, _build).get(post.channel)
    if limit is None:
        return
    urls = {url.text for url in extract_urls(post.text)} if "." in post.text else set()
    if post.link.strip():
        urls.add(post.link.strip())
    if len(urls) > limit:
        yield Problem(f"{len(urls)} links; channel {post.channel!r} allows at most {limit}",
                      post=post, field="text", data={"count": len(urls), "limit": limit})
