"""Posts kept for the calendar rules, in as little memory as a ``Post`` allows.

Per-post rules see each post once, as it streams in; calendar rules (shares,
cadence, duplicates) need every post at once. A post as read takes about 1.5 KB
(a Location object, one string per cell, a text with one emoji stored four bytes
a character), so the store keeps a slimmer ``Post``: the text and the link as
UTF-8 in a ``TextSpill`` (read back when a rule asks for them), the row as a
line number, repeated strings and time zones shared, no per-cell locations, and
only the fields the active calendar rules read. Calendar rules still receive
ordinary ``Post`` objects.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from typing import Any

from governance.findings import Location
from governance.models.post import Post

_NO_FIELDS: dict[str, Location] = {}
_NO_EXTRA: dict[str, str] = {}
#: Bytes of text a store holds in memory before it moves them to a temporary
#: file: about 40,000 posts' texts and links. A text read back costs a seek and
#: a read, a microsecond at most; 1,000,000 posts' texts stay out of memory.
SPILL_AT = 8 * 1024 * 1024
#: Low bits of a spilled text's key that hold its length in bytes.
_LENGTH_BITS = 40


class TextSpill:
    """Texts kept one after another as UTF-8, each known by the int ``put`` returns:
    in memory up to ``spill_at`` bytes, then in an unnamed temporary file.

    A text held as its own str or bytes object costs 33 to 49 bytes besides its
    characters, and all of them stay in memory however long the calendar.
    """

    def __init__(self, spill_at: int = SPILL_AT) -> None:
        # Closed by close(): the texts live as long as the store that reads them.
        self._file = tempfile.SpooledTemporaryFile(max_size=spill_at)  # noqa: SIM115
        self._end = 0
        self._at_end = True

    def put(self, text: str) -> int:
        """The key of ``text``; 0 for the empty text, which is not written."""
        if not text:
            return 0
        # surrogatepass: whatever a str holds comes back as it was.
        data = text.encode("utf-8", "surrogatepass")
        if not self._at_end:
            self._file.seek(self._end)
            self._at_end = True
        self._file.write(data)
        start, self._end = self._end, self._end + len(data)
        return start << _LENGTH_BITS | len(data)

    def get(self, key: int) -> str:
        if not key:
            return ""
        spill = self._file
        self._at_end = False
        spill.seek(key >> _LENGTH_BITS)
        data: bytes = spill.read(key & ((1 << _LENGTH_BITS) - 1))
        return data.decode("utf-8", "surrogatepass")

    def close(self) -> None:
        self._file.close()


class StoredPost(Post):
    """A ``Post`` whose text and link live in a ``TextSpill`` and whose row is a line
    number, rebuilding each on access."""

    __slots__ = ("_file", "_link_key", "_spill", "_text_key", "_where")

    def __init__(self, spill: TextSpill, **fields: Any) -> None:
        self._spill = spill
        super().__init__(**fields)

    @property
    def text(self) -> str:
        return self._spill.get(self._text_key)

    @text.setter
    def text(self, value: str) -> None:
        self._text_key = self._spill.put(value)

    @property
    def link(self) -> str:
        return self._spill.get(self._link_key)

    @link.setter
    def link(self, value: str) -> None:
        self._link_key = self._spill.put(value)

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
        self._spill = TextSpill()
        self._strings: dict[str, str] = {}
        self._zones: dict[dt.tzinfo, dt.tzinfo] = {}

    def add(self, post: Post) -> None:
        keep, share = self.fields, self._share
        self.posts.append(StoredPost(
            self._spill,
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

    def close(self) -> None:
        """Lets the texts go: the kept posts' texts and links cannot be read after."""
        self._spill.close()

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
