"""What a caller tells a reader, and what a reader hands back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from governance.calendars.errors import CalendarError
from governance.calendars.text import TextHead
from governance.findings import Finding
from governance.models.post import Post

#: Order of numeric dates: ``DD/MM/YYYY``, ``MM/DD/YYYY`` or ``YYYY/MM/DD``.
DATE_ORDERS = ("dmy", "mdy", "ymd")
#: Rows of a delimited file read ahead to infer the date order: bounded, so a
#: calendar on stdin still streams.
DATE_ORDER_LOOKAHEAD = 1000
#: The ``info`` line that says which date order was inferred.
DATE_ORDER_RULE = "calendar.date-order"


@dataclass
class ReadOptions:
    """How to read a calendar.

    ``timezone``: IANA name; a ``publish_at`` without an offset is read in it.
    ``columns``: source column (or key) name -> canonical field name, applied first.
    ``sheet``: XLSX sheet to read; the first sheet by default.
    ``format``: one of ``readers.FORMATS`` to skip detection by extension and content.
    ``encoding``: force a text encoding instead of UTF-8 with a cp1251 fallback.
    ``default_channel``: the channel of every post when the file has no channel
    column (scheduler exports never have one).
    ``date_order``: ``dmy``, ``mdy`` or ``ymd``, how delimited files write slash
    dates (Hootsuite and Sprout let the user pick when uploading); None infers
    it from the first ``DATE_ORDER_LOOKAHEAD`` rows.
    ``until``: last day of the occurrences of recurring iCalendar events
    (default: one year after the first event).
    ``check_ids``: False skips looking for duplicate post ids, and the memory their
    set takes, where the other reading of a file reports them (lint in two processes).
    """

    timezone: str = "UTC"
    columns: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None
    format: str | None = None
    encoding: str | None = None
    default_channel: str | None = None
    date_order: str | None = None
    until: date | None = None
    check_ids: bool = True


@dataclass
class CalendarReadResult:
    """All posts of a calendar, the reader's findings, and the format it was read as."""

    posts: list[Post]
    findings: list[Finding]
    format: str


@dataclass(frozen=True)
class Source:
    """The file a reader reads: its path, its name as the user gave it (for
    locations), and for text tables the sniffed head of the file.

    ``fields``: the post fields the file has (its columns, or the keys of any of
    its entries), filled by the reader as it reads; a rule whose input field the
    whole file lacks is skipped rather than reported on every post.
    """

    path: Path
    name: str
    head: TextHead | None = None
    fields: set[str] = field(default_factory=set, compare=False)

    def text_head(self) -> TextHead:
        if self.head is None:
            raise CalendarError("internal: a text table was opened without sniffing its head")
        return self.head
