"""Hootsuite bulk-composer CSVs: no header; date-time, message, optional link.

Recognised when the first row has two or three cells and the first one is a
date: ``DD/MM/YYYY HH:MM``, ``MM/DD/YYYY HH:MM`` (Hootsuite lets the user
choose; ``ReadOptions.date_order`` says which, else the first rows do) or ISO
8601. Channel as in
``buffer_reader``: ``ReadOptions.default_channel`` or one
``calendar.missing-column`` finding. Ids are ``row-<line>``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from governance.calendars.csv_reader import Layout, read_delimited
from governance.calendars.fields import EXPECTED_SLASHED, parse_slashed, zone
from governance.calendars.options import DATE_ORDERS, ReadOptions, Source
from governance.calendars.tabular import DateParser
from governance.findings import Finding
from governance.models.post import Post

NAMES = ["publish_at", "text", "link"]


def matches(first_row: list[str], options: ReadOptions) -> bool:
    if not 2 <= len(first_row) <= len(NAMES):
        return False
    tz = zone(options.timezone)
    orders = (options.date_order,) if options.date_order else DATE_ORDERS
    return any(parse_slashed(first_row[0].strip(), tz, order) is not None for order in orders)


class HootsuiteLayout(Layout):
    label = "the Hootsuite CSV"
    has_header = False

    def bind(self, names: list[str]) -> list[str]:
        return list(NAMES)

    def date_parser(self, options: ReadOptions) -> DateParser:
        parse: DateParser = partial(parse_slashed, order=options.date_order or "dmy")
        return parse

    def expected_dates(self, options: ReadOptions) -> str:
        return EXPECTED_SLASHED[options.date_order or "dmy"]


def read(source: Source, options: ReadOptions) -> Iterator[Post | Finding]:
    return read_delimited(source, options, HootsuiteLayout())
