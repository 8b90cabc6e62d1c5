"""Posts kept for the calendar rules, in as little memory as a ``Post`` allows.

Per-post rules see each post once, as it streams in; calendar rules (shares,
cadence, duplicates) need every post at once. A post as read takes about 1.5 KB
(a Location object, one string per cell, a text with one emoji stored four bytes
a character), so the store keeps a slimmer ``Post``: the text as UTF-8 (decoded
when a rule reads it), the row as a line number, repeated strings and time zones
shared, no per-cell locations, and only the fields the active calendar rules
read. Calendar rules still receive ordinary ``Post`` objects.
"""

from __future__ import annotations

import datetime as dt

from governance.findings import Location
from governance.models.post import Post

_NO_FIELDS: dict[str, Location] = {}
_NO_EXTRA: dict[str, str] = {}


class StoredPost(Post):
    """A ``Post`` that holds a non-ASCII text as UTF-8 bytes (a quarter of the memory
    of a str holding one emoji) and its row as a line number, rebuilding both on access."""

    __slots__ = ("_file", "_stored_text", "_where")

    @property
    def text(self) -> str:
        stored = self._stored_text
        return stored if isinstance(stored, str) else stored.decode("utf-8")

    @text.setter
    def text(self, value: str) -> None:
        # An ASCII str takes a byte a character already: keep it, skip the decoding.
        self._stored_text: str | bytes = value if value.isascii() else value.encode("utf-8")

    @property
    def location(self) -> Location:
        where = self._where
        return where if isinstance(where, Location) else Location(self._file, where, 1)

    @location.setter
    def location(self, value: Location) -> None:
        # A row is a file and a line: keep the line, not a Location object per post.
        self._file = value.file
        self._where = value.line if value.column == 1 and not value.anchor else value


#: Fields a calendar rule may read; a rule module's ``FIELDS`` names the ones it does.
STORABLE = frozenset({"author", "text", "link", "sponsored", "kind", "approved_by", "topic",
                      "tags", "media", "alt_text", "waive", "extra", "action", "target"})
#: What every stored post keeps: enough to name it, place it in time and find its row.
ALWAYS_KEPT = frozenset({"id", "publish_at", "channel", "location"})
_NONE: tuple[str, ...] = ()


class PostStore:
    """Slim copies of the posts calendar rules will judge, in calendar order.

    ``fields`` are the fields besides ``id``, ``publish_at``, ``channel`` and the
    row that the active calendar rules read (``STORABLE`` when any rule does not
    say); the others are left empty, so a calendar judged only on kinds and
    times does not keep 100,000 texts.
    """

    def __init__(self, fields: frozenset[str] = STORABLE) -> None:
        self.posts: list[Post] = []
        self.fields = fields
        self._strings: dict[str, str] = {}
        self._zones: dict[dt.tzinfo, dt.tzinfo] = {}

    def add(self, post: Post) -> None:
        keep, share = self.fields, self._share
        self.posts.append(StoredPost(
            id=post.id,
            publish_at=self._moment(post.publish_at),
            channel=share(post.channel),
            author=share(post.author) if "author" in keep else "",
            text=post.text if "text" in keep else "",
            link=post.link if "link" in keep else "",
            sponsored=post.sponsored if "sponsored" in keep else False,
            kind=share(post.kind) if "kind" in keep else "",
            approved_by=self._shared(post.approved_by) if "approved_by" in keep else _NONE,
            topic=share(post.topic) if "topic" in keep else "",
            tags=self._shared(post.tags) if "tags" in keep else _NONE,
            media=post.media if "media" in keep else _NONE,
            alt_text=post.alt_text if "alt_text" in keep else "",
            waive=post.waive if "waive" in keep else (),
            location=post.location,
            field_locations=_NO_FIELDS,
            extra=(post.extra or _NO_EXTRA) if "extra" in keep else _NO_EXTRA,
            action=share(post.action) if "action" in keep else "post",
            target=post.target if "target" in keep else "",
        ))

    def _share(self, value: str) -> str:
        return self._strings.setdefault(value, value)

    def _shared(self, values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self._share(v) for v in values) if values else _NONE

    def _moment(self, moment: dt.datetime) -> dt.datetime:
        zone = moment.tzinfo
        if zone is None:
            return moment
        # Fixed offsets compare by offset: each row's own +03:00 becomes one shared zone.
        shared = self._zones.setdefault(zone, zone)
        return moment if shared is zone else moment.replace(tzinfo=shared)
