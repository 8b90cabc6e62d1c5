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
#: Bits of a key that hold the length in bytes of each of its two texts.
_LENGTH_BITS = 32
_LENGTH_MASK = (1 << _LENGTH_BITS) - 1


class TextSpill:
    """Pairs of texts (a post's text and link) kept one after another as UTF-8, each
    pair known by the one int ``put`` returns: in memory up to ``spill_at`` bytes,
    then in an unnamed temporary file.

    A text held as its own str or bytes object costs 33 to 49 bytes besides its
    characters, and all of them stay in memory however long the calendar; a key
    is one int a post.
    """

    def __init__(self, spill_at: int = SPILL_AT) -> None:
        # Closed by close(): the texts live as long as the store that reads them.
        self._file = tempfile.SpooledTemporaryFile(max_size=spill_at)  # noqa: SIM115
        self._end = 0
        self._at_end = True

    def put(self, first: str, second: str = "") -> int:
        """The key of the pair; 0 for two empty texts, which are not written."""
        if not first and not second:
            return 0
        # surrogatepass: whatever a str holds comes back as it was.
        one = first.encode("utf-8", "surrogatepass")
        two = second.encode("utf-8", "surrogatepass")
        if len(one) > _LENGTH_MASK or len(two) > _LENGTH_MASK:
            raise ValueError("a text of 4 GiB or more")
        if not self._at_end:
            self._file.seek(self._end)
            self._at_end = True
        self._file.write(one + two)
        start, self._end = self._end, self._end + len(one) + len(two)
        return (start << _LENGTH_BITS | len(one)) << _LENGTH_BITS | len(two)

    def get(self, key: int, second: bool = False) -> str:
        """The first text of the pair ``key`` names, or with ``second`` the second."""
        if not key:
            return ""
        two = key & _LENGTH_MASK
        one = key >> _LENGTH_BITS & _LENGTH_MASK
        start = (key >> 2 * _LENGTH_BITS) + (one if second else 0)
        size = two if second else one
        if not size:
            return ""
        spill = self._file
        self._at_end = False
        spill.seek(start)
        data: bytes = spill.read(size)
        return data.decode("utf-8", "surrogatepass")

    def close(self) -> None:
        self._file.close()


class StoredPost(Post):
    """A ``Post`` whose text and link live in a ``TextSpill`` (one key for both) and
    whose row is a line number, rebuilding each on access. Each store makes a
    subclass that names its spill (``_spill``), so no post holds it."""

    __slots__ = ("_file", "_key", "_where")
    _spill: TextSpill

    def __init__(self, text: str = "", link: str = "", **fields: Any) -> None:
        self._key = 0
        super().__init__(**fields)  # text and link empty, which writes nothing
        self._key = self._spill.put(text, link)

    @property
    def text(self) -> str:
        return self._spill.get(self._key)

    @text.setter
    def text(self, value: str) -> None:
        self._key = self._spill.put(value, self.link)

    @property
    def link(self) -> str:
        return self._spill.get(self._key, second=True)

    @link.setter
    def link(self, value: str) -> None:
        self._key = self._spill.put(self.text, value)

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

    def __init__(self, fields: frozenset[str] = STORABLE, spill_at: int = SPILL_AT) -> None:
        self.posts: list[Post] = []
        self.fields = fields
        self._spill = TextSpill(spill_at)
        self._post = type("StoredPost", (StoredPost,), {"__slots__": (), "_spill": self._spill})
        self._strings: dict[str, str] = {}
        self._zones: dict[dt.tzinfo, dt.tzinfo] = {}

    def add(self, post: Post) -> None:
        keep, share = self.fields, self._share
        self.posts.append(self._post(
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
