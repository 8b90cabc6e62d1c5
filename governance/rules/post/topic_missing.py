"""A post on a channel with topics says which topic it is on.

Without a topic nobody can tell whether the post stays on the account's
subjects («Советы по ведению корпоративных аккаунтов» §6); the ``topic`` column makes it
explicit. Only channels that declare ``topics`` ask for it. A calendar without a ``topic``
column skips the rule, with one ``calendar.rule-skipped`` notice.

Fails::

    policy:
      channels:
        - {id: vk-brand, topics: [product, events]}
    posts:
      - {id: p1, channel: vk-brand, topic: ""}
      - {id: p2, channel: vk-brand, topic: events}

Passes::

    policy:
      channels:
        - {id: vk-brand, topics: [product, events]}
    posts:
      - {id: p1, channel: vk-brand, topic: product}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached
from governance.rules.post.topic import channel_topics

ID = "post.topic-missing"
SUMMARY = "Posts on channels with topics name their topic."
SEVERITY = Severity.INFO
SOURCE = "«Советы по ведению корпоративных аккаунтов» §6 (stay on the account's topics)"
#: Without this column in the calendar the rule is skipped, with one notice.
REQUIRES = ("topic",)
TARGET = "post"


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, channel_topics))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    topics = cached(ctx, ID, channel_topics).get(post.channel)
    if topics is not None and not post.topic.strip():
        yield Problem(f"no topic; {post.channel!r} posts on {', '.join(topics.values())}",
                      post=post, field="topic")
