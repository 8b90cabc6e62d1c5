"""Buffer bulk-upload CSVs: ``Text, Image URL, Tags, Posting Time``.

Recognised by a header with both ``Text`` and ``Posting Time``. Buffer uploads
go to one channel at a time, so the file names none: the channel comes from a
``channel`` column if one is added (or mapped), else from
``ReadOptions.default_channel``; with neither, the file gets one
``calendar.missing-column`` finding and no posts. Ids are ``row-<line>``.
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.calendars.csv_reader import Layout, read_delimited
from governance.calendars.options import ReadOptions, Source
from governance.findings import Finding
from governance.models.post import Post

COLUMNS = {"text": "text", "image_url": "media", "tags": "tags", "posting_time": "publish_at"}


def matches(names: list[str]) -> bool:
    return "text" in names and "posting_time" in names


class BufferLayout(Layout):
    label = "the Buffer CSV"

    def bind(self, names: list[str]) -> list[str]:
        return [COLUMNS.get(name, name) for name in names]


def read(source: Source, options: ReadOptions) -> Iterator[Post | Finding]:
    return read_delimited(source, options, BufferLayout())
