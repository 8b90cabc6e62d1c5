"""A post fits its network's hard limit, counted the way that network counts.

A network refuses or cuts off a text that is too long, and each counts in its
own way: X weighs every URL as 23 characters and emoji or CJK as 2, Telegram
counts UTF-16 code units and allows a media caption far less than a message,
Bluesky counts graphemes (a family emoji is one) under a ceiling of 3,000
UTF-8 bytes, Mastodon counts every link as 23.
The limits come from the policy's ``networks:`` table (the shipped
``network-limits`` pack); a channel may be stricter with ``limits.max_length``.

Fails::

    policy:
      networks: {x: {max_length: 280, counting: x}}
    posts:
      - id: p1
        channel: x-brand
        text: >-
          🎉🎉🎉 Our autumn menu is here! Pumpkin spice latte, maple cold brew and a
          cinnamon flat white made with the beans we roasted this week. Come to any of
          our cafés before Sunday, show this post at the counter and get a second cup
          on us. Menu and opening hours: https://nordwind.example/autumn 🎉🎉🎉

Passes::

    policy:
      networks: {x: {max_length: 280, counting: x}}
    posts:
      - id: p1
        channel: x-brand
        text: >-
          Our autumn menu is here: pumpkin spice latte, maple cold brew and a cinnamon
          flat white. Show this post at the counter before Sunday for a second cup on us.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached
from governance.text.length import count as network_count

ID = "post.length"
SUMMARY = "A post fits the length limit of its network and channel."
SEVERITY = Severity.ERROR
SOURCE = "each network's published post limits"
TARGET = "post"

_UNITS = {
    "chars": "characters",
    "x": "characters as X counts them (URLs 23, emoji and CJK 2)",
    "utf16": "UTF-16 code units",
    "graphemes": "characters (graphemes: a combined emoji counts 1)",
    "mastodon": "characters as Mastodon counts them (links 23)",
}


@dataclass(frozen=True)
class _Limits:
    text: int | None
    caption: int | None
    counting: str
    text_from: str  # who sets each limit, for the message
    caption_from: str
    max_bytes: int | None = None


def _build(ctx: LintContext) -> dict[str, _Limits]:
    table = {}
    for cid, channel in ctx.channels.items():
        network = ctx.policy.networks.get(channel.network)
        own = channel.limits.max_length if channel.limits else None
        text, text_from = _stricter(network.max_length if network else None, own,
                                    channel.network.value, cid)
        caption_base = network.caption_max_length if network else None
        caption, caption_from = _stricter(caption_base or (network.max_length if network else
                                                           None), own, channel.network.value, cid)
        max_bytes = network.max_bytes if network else None
        if text is not None or caption is not None or max_bytes is not None:
            counting = network.counting if network else "chars"
            table[cid] = _Limits(text, caption, counting, text_from,
                                 caption_from if caption_base else text_from, max_bytes)
    return table


def _stricter(network: int | None, own: int | None, network_name: str, channel: str
              ) -> tuple[int | None, str]:
    if own is not None and (network is None or own < network):
        return own, f"channel {channel!r}"
    return network, network_name


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, _build))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    limits = cached(ctx, ID, _build).get(post.channel)
    if limits is None:
        return
    text = post.text
    if limits.max_bytes is not None and len(text) * 4 > limits.max_bytes:
        size = len(text.encode("utf-8"))
        if size > limits.max_bytes:
            yield Problem(
                f"{size} bytes in UTF-8; a post on {post.channel!r} takes at most "
                f"{limits.max_bytes} bytes", post=post, field="text",
                data={"count": size, "limit": limits.max_bytes})
    caption = bool(post.media)
    limit = limits.caption if caption else limits.text
    # Code points are never fewer than chars or graphemes: most posts stop here.
    if limit is None or (limits.counting in ("chars", "graphemes") and len(text) <= limit):
        return
    count = network_count(text, limits.counting)
    if count > limit:
        what = "a media caption" if caption else "a post"
        source = limits.caption_from if caption else limits.text_from
        yield Problem(
            f"{count} {_UNITS[limits.counting]}; {what} on {source} takes at most {limit}",
            post=post, field="text", data={"count": count, "limit": limit})
