"""A post carries no more hashtags than its network and channel allow.

A wall of hashtags reads as spam, and some networks cap them (Instagram takes
five). The network's ``max_hashtags`` comes from the ``networks:`` table; a
channel's ``limits.max_hashtags`` may be stricter.

Fails::

    policy:
      networks: {instagram: {max_hashtags: 5}}
    posts:
      - {id: p1, channel: insta, text: "New roast #coffee #beans #roast #fresh #morning #cafe"}

Passes::

    policy:
      networks: {instagram: {max_hashtags: 5}}
    posts:
      - {id: p1, channel: insta, text: "New roast #coffee #beans"}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached
from governance.text.length import hashtags

ID = "post.hashtags"
SUMMARY = "A post has no more hashtags than its network and channel allow."
SEVERITY = Severity.WARNING
SOURCE = "each network's published hashtag limits; «Советы по ведению корпоративных аккаунтов» §23"
TARGET = "post"
#: Typical microseconds a post (benchmarks/rule_costs.py).
COST = 4.4


def _build(ctx: LintContext) -> dict[str, tuple[int, str]]:
    table = {}
    for cid, channel in ctx.channels.items():
        network = ctx.policy.networks.get(channel.network)
        limit = network.max_hashtags if network else None
        source = channel.network.value
        own = channel.limits.max_hashtags if channel.limits else None
        if own is not None and (limit is None or own < limit):
            limit, source = own, f"channel {cid!r}"
        if limit is not None:
            table[cid] = (limit, source)
    return table


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, _build))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    found = cached(ctx, ID, _build).get(post.channel)
    if found is None:
        return
    limit, source = found
    text = post.text
    if text.count("#") <= limit:
        return
    count = len(hashtags(text))
    if count > limit:
        yield Problem(f"{count} hashtags; {source} allows at most {limit}",
                      post=post, field="text", data={"count": count, "limit": limit})
