"""What a caller tells a reader, and what a reader hands back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from governance.calendars.errors import CalendarError
from governance.calendars.text import TextHead
from governance.findings import Finding
from governance.models.post import Post

#: Every format a reader exists for, as ``ReadOptions.format`` and
#: ``CalendarReadResult.format`` spell them.
FORMATS = ("csv", "xlsx", "yaml", "json", "jsonl", "ics", "buffer", "hootsuite", "sprout")

#: Day order of ``DD/MM/YYYY`` versus ``MM/DD/YYYY`` dates in scheduler CSVs.
DATE_ORDERS = ("dmy", "mdy")


@dataclass
class ReadOptions:
    """How to read a calendar.

    ``timezone``: IANA name; a ``publish_at`` without an offset is read in it.
    ``columns``: source column (or key) name -> canonical field name, applied first.
    ``sheet``: XLSX sheet to read; the first sheet by default.
    ``format``: one of ``FORMATS`` to skip detection by extension and content.
    ``encoding``: force a text encoding instead of UTF-8 with a cp1251 fallback.
    ``default_channel``: the channel of every post when the file has no channel
    column (scheduler exports never have one).
    ``date_order``: ``dmy`` or ``mdy``, how scheduler CSVs write slash dates;
    Hootsuite and Sprout let the user pick either when uploading.
    """

    timezone: str = "UTC"
    columns: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None
    format: str | None = None
    encoding: str | None = None
    default_channel: str | None = None
    date_order: str = "dmy"


@dataclass
class CalendarReadResult:
    """All posts of a calendar, the reader's findings, and the format it was read as."""

    posts: list[Post]
    findings: list[Finding]
    format: str


@dataclass(frozen=True)
class Source:
    """The file a reader reads: its path, its name as the user gave it (for
    locations), and for text tables the sniffed head of the file."""

    path: Path
    name: str
    head: TextHead | None = None

    def text_head(self) -> TextHead:
        if self.head is None:
            raise CalendarError("internal: a text table was opened without sniffing its head")
        return self.head
