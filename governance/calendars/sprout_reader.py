"""Sprout Social bulk-scheduling CSVs: ``date, time_24hr, message_text`` and more.

Recognised by those three headers. ``date`` is ``DD/MM/YYYY`` or, with
``ReadOptions.date_order = "mdy"``, ``MM/DD/YYYY`` (Sprout asks which on
import; ISO dates are read too); ``time_24hr`` is ``HH:MM`` and joins the date
into ``publish_at``. ``link``, ``image_url`` and ``tags`` columns map to those
fields; a ``channel`` column, ``ReadOptions.default_channel`` or one
``calendar.missing-column`` finding gives the channel (see ``buffer_reader``).
Other columns are kept in ``Post.extra``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from governance.calendars.csv_reader import Layout, read_delimited
from governance.calendars.fields import EXPECTED_SLASHED, parse_slashed
from governance.calendars.options import ReadOptions, Source
from governance.calendars.tabular import DateParser
from governance.findings import Finding
from governance.models.post import Post

COLUMNS = {"date": "publish_at", "message_text": "text", "image_url": "media",
           "image_urls": "media", "link": "link", "tags": "tags"}
REQUIRED = ("date", "time_24hr", "message_text")


def matches(names: list[str]) -> bool:
    return all(name in names for name in REQUIRED)


class SproutLayout(Layout):
    label = "the Sprout Social CSV"
    prepares = True

    def __init__(self) -> None:
        self._date = -1
        self._time = -1

    def bind(self, names: list[str]) -> list[str]:
        fields = [COLUMNS.get(name, name) for name in names]
        if "time_24hr" in names and "date" in names:
            self._date, self._time = names.index("date"), names.index("time_24hr")
            fields[self._time] = ""
        return fields

    def prepare(self, cells: list[str]) -> list[str]:
        if 0 <= self._time < len(cells) and self._date < len(cells):
            time = cells[self._time].strip()
            if time:
                cells[self._date] = f"{cells[self._date].strip()} {time}"
        return cells

    def date_parser(self, options: ReadOptions) -> DateParser:
        parse: DateParser = partial(parse_slashed, order=options.date_order or "dmy")
        return parse

    def expected_dates(self, options: ReadOptions) -> str:
        return EXPECTED_SLASHED[options.date_order or "dmy"]


def read(source: Source, options: ReadOptions) -> Iterator[Post | Finding]:
    return read_delimited(source, options, SproutLayout())
