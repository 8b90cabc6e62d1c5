"""A post stays on one of its channel's topics.

Posts on subjects unrelated to the account and the business lose the audience
the account was built for («Советы по ведению корпоративных аккаунтов» §6). A channel's ``topics``
lists what it is about; a post's ``topic`` must be one of them. Topics compare without regard
to case.

Fails::

    policy:
      channels:
        - {id: vk-brand, topics: [product, events]}
    posts:
      - {id: p1, channel: vk-brand, topic: politics}

Passes::

    policy:
      channels:
        - {id: vk-brand, topics: [product, events]}
    posts:
      - {id: p1, channel: vk-brand, topic: events}
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached

ID = "post.topic"
SUMMARY = "A post's topic is one of its channel's topics."
SEVERITY = Severity.WARNING
SOURCE = "«Советы по ведению корпоративных аккаунтов» §6 (stay on the account's topics)"
TARGET = "post"


def channel_topics(ctx: LintContext) -> dict[str, dict[str, str]]:
    """Channel id -> casefolded topic -> topic as the policy spells it."""
    return {cid: {t.casefold(): t for t in c.topics} for cid, c in ctx.channels.items() if c.topics}


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, channel_topics))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    topics = cached(ctx, ID, channel_topics).get(post.channel)
    if topics is None or not post.topic or post.topic.strip().casefold() in topics:
        return
    hint = difflib.get_close_matches(post.topic.casefold(), list(topics), n=1, cutoff=0.6)
    suggestion = f" (did you mean {topics[hint[0]]!r}?)" if hint else ""
    yield Problem(
        f"topic {post.topic!r} is not one of {post.channel!r}'s topics: "
        f"{', '.join(topics.values())}{suggestion}",
        post=post, field="topic")
