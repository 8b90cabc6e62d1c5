"""Posts kept for the calendar rules, in as little memory as a ``Post`` allows.

Per-post rules see each post once, as it streams in; calendar rules (shares,
cadence, duplicates) need every post at once. 100,000 posts as read take about
1.5 KB each (per-cell locations, one string per cell, texts with an emoji stored
four bytes a character), so the store keeps a slimmer ``Post``: the text as
UTF-8 (decoded when a rule reads it), repeated strings and time zones shared,
the row location only. Calendar rules still receive ordinary ``Post`` objects.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from governance.findings import Location
from governance.models.post import Post

_NO_FIELDS: dict[str, Location] = {}
_NO_EXTRA: dict[str, str] = {}


class StoredPost(Post):
    """A ``Post`` whose text lives as UTF-8 bytes: a quarter of the memory of a str
    holding one emoji, at the cost of decoding it when read."""

    __slots__ = ("_utf8",)

    @property
    def text(self) -> str:
        return self._utf8.decode("utf-8")

    @text.setter
    def text(self, value: str) -> None:
        self._utf8 = value.encode("utf-8")


class PostStore:
    """Slim copies of the posts calendar rules will judge, in calendar order."""

    def __init__(self) -> None:
        self.posts: list[Post] = []
        self._strings: dict[str, str] = {}
        self._zones: dict[Any, dt.tzinfo] = {}

    def add(self, post: Post) -> None:
        share = self._share
        self.posts.append(StoredPost(
            id=post.id,
            publish_at=self._moment(post.publish_at),
            channel=share(post.channel),
            author=share(post.author),
            text=post.text,
            link=post.link,
            sponsored=post.sponsored,
            kind=share(post.kind),
            approved_by=tuple(share(r) for r in post.approved_by),
            topic=share(post.topic),
            tags=tuple(share(t) for t in post.tags),
            media=post.media,
            alt_text=post.alt_text,
            waive=post.waive,
            location=post.location,
            field_locations=_NO_FIELDS,
            extra=post.extra or _NO_EXTRA,
        ))

    def _share(self, value: str) -> str:
        return self._strings.setdefault(value, value)

    def _moment(self, moment: dt.datetime) -> dt.datetime:
        zone = moment.tzinfo
        if zone is None:
            return moment
        offset = moment.utcoffset()
        key = (type(zone), offset) if isinstance(zone, dt.timezone) else zone
        shared = self._zones.setdefault(key, zone)
        return moment if shared is zone else moment.replace(tzinfo=shared)
