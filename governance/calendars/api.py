"""``read_calendar`` and ``iter_posts``: any supported calendar file -> posts + findings.

Readers live one per module and are listed in ``readers.READERS``; this module checks
the file and the options, picks the reader (``detect``), and adds what every
format shares: duplicate post ids are findings on the later post, naming where
the first one is (both posts are kept, since the later one may be a different
post with a mistyped id and still needs checking); a publishing time outside
``PUBLISH_YEARS`` is a finding on its cell (the post is skipped), since times
near the ends of the calendar overflow once moved to another timezone; and a
file that holds no post at all, nor any broken one, is a ``CalendarError``
(``no posts in FILE``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from governance.calendars.detect import detect
from governance.calendars.errors import CalendarError
from governance.calendars.fields import zone
from governance.calendars.first_seen import FirstSeen
from governance.calendars.options import (
    DATE_ORDERS,
    CalendarReadResult,
    ReadOptions,
    Source,
)
from governance.calendars.text import check_encoding, check_file
from governance.findings import Finding, Location, Severity
from governance.heap import cyclic_gc_paused
from governance.models.post import Post

#: The rule id of a post whose id an earlier post of the stream has.
DUPLICATE_ID = "calendar.duplicate-id"


def open_calendar(
    path: str | Path, options: ReadOptions | None = None
) -> tuple[str, Iterator[Post | Finding]]:
    """The format of ``path`` and a lazy stream of its posts and findings (see ``open_source``)."""
    fmt, items, _ = open_source(path, options)
    return fmt, items


def open_source(
    path: str | Path, options: ReadOptions | None = None
) -> tuple[str, Iterator[Post | Finding], set[str]]:
    """The format of ``path`` and a lazy stream of its posts and findings.

    Raises ``CalendarError`` at once for a missing file, bad options or an
    unsupported format; a problem found while streaming (an XLSX or ICS container
    that cannot be opened, a file that turns out not to be text) raises it from
    the iterator. The set holds the post fields the file has, complete once the
    stream is exhausted (``Source.fields``).
    """
    options = options or ReadOptions()
    _check_options(options)
    name = str(path)
    file = Path(path)
    check_file(file)
    reader, head = detect(file, options)
    source = Source(file, name, head)
    items = reader.read(source, options)
    checked = _publish_in_range(items)
    if options.check_ids:
        checked = _flag_duplicate_ids(checked)
    stream = _require_posts(name, checked)
    return reader.name, stream, source.fields


def iter_posts(path: str | Path, options: ReadOptions | None = None) -> Iterator[Post | Finding]:
    """Posts and findings in file order; CSV and JSONL are read in constant memory
    (apart from the set of post ids seen, which duplicate detection needs)."""
    return open_calendar(path, options)[1]


def read_calendar(path: str | Path, options: ReadOptions | None = None) -> CalendarReadResult:
    """All posts and findings of a calendar file."""
    fmt, items = open_calendar(path, options)
    posts: list[Post] = []
    findings: list[Finding] = []
    add_post, add_finding = posts.append, findings.append
    # Every object built here lives until the result is returned.
    with cyclic_gc_paused():
        for item in items:
            if type(item) is Post:
                add_post(item)
            else:
                add_finding(item)  # type: ignore[arg-type]
    return CalendarReadResult(posts, findings, fmt)


def _check_options(options: ReadOptions) -> None:
    zone(options.timezone)
    if options.encoding:
        check_encoding(options.encoding)
    if options.date_order is not None and options.date_order not in DATE_ORDERS:
        raise CalendarError(f"unknown date order {options.date_order!r} "
                            f"(expected one of: {', '.join(DATE_ORDERS)})")


#: The years a publishing time may fall in.
PUBLISH_YEARS = range(1900, 3000)


def _publish_in_range(items: Iterator[Post | Finding]) -> Iterator[Post | Finding]:
    first, last = PUBLISH_YEARS[0], PUBLISH_YEARS[-1]
    for item in items:
        if type(item) is Post and not first <= item.publish_at.year <= last:
            yield Finding(
                "calendar.bad-date", Severity.ERROR,
                f"publish_at {item.publish_at.isoformat()} is not between the years {first} "
                f"and {last}; the post is skipped", item.location_of("publish_at"),
                post_ids=(item.id,), channel=item.channel)
            continue
        yield item


def _require_posts(name: str, items: Iterator[Post | Finding]) -> Iterator[Post | Finding]:
    """The items; ``CalendarError`` at the end when there was neither a post nor an error."""
    found = False
    for item in items:
        found = found or type(item) is Post or item.severity is Severity.ERROR  # type: ignore[union-attr]
        yield item
    if not found:
        raise CalendarError(f"no posts in {name}")


def _flag_duplicate_ids(items: Iterator[Post | Finding]) -> Iterator[Post | Finding]:
    # Only the line (or, for a sheet cell or an event, the Location) of each id
    # is kept, in about 40 bytes a post (``FirstSeen``).
    first_of = FirstSeen().first
    for item in items:
        if type(item) is Post:
            location = item.location
            first = first_of(item.id, location if location.anchor else location.line)
            if first is not None:
                where = f"line {first}" if isinstance(first, int) else _describe(first)
                yield Finding(
                    DUPLICATE_ID, Severity.ERROR,
                    f"duplicate post id {item.id!r}: first used at {where}",
                    item.location, post_ids=(item.id,), channel=item.channel)
        yield item


def _describe(location: Location) -> str:
    if location.anchor.startswith("VEVENT") and location.line > 0:
        return f"{location.anchor} (line {location.line})"
    return location.anchor
