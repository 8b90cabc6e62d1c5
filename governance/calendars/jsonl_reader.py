"""JSON Lines calendars: one post object per line, blank lines ignored.

Streamed line by line (memory does not grow with the file); a line that is not
JSON is a ``calendar.syntax`` finding at its line and column and reading goes
on. Entries follow ``records`` (the ``PostRecord`` rules).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from governance.calendars.errors import CalendarError
from governance.calendars.fields import normalize_mapping, zone
from governance.calendars.json_reader import DECODER, duplicate_key_findings
from governance.calendars.options import ReadOptions, Source
from governance.calendars.records import RecordConverter
from governance.calendars.text import LineSource, sniff
from governance.findings import Finding, Location, Severity
from governance.models.post import Post


def read(source: Source, options: ReadOptions) -> Iterator[Post | Finding]:
    name = source.name
    head = source.head or sniff(source.path, options.encoding)
    converter = RecordConverter(zone(options.timezone), normalize_mapping(options.columns),
                                options.default_channel, source.fields)
    try:
        binary = source.path.open("rb")
    except OSError as exc:
        raise CalendarError(f"cannot read the file: {exc.strerror or exc}") from None
    count = 0
    with binary:
        lines = LineSource(binary, name, head)
        for line in lines.lines():
            number = lines.first
            lines.commit()
            if lines.findings:
                yield from lines.findings
                lines.findings.clear()
            if not line.strip():
                continue
            count += 1
            try:
                obj = DECODER.decode(line)
            except json.JSONDecodeError as exc:
                yield Finding("calendar.syntax", Severity.ERROR, f"JSON syntax: {exc.msg}",
                              Location(name, number, exc.colno))
                continue
            except RecursionError:
                yield Finding("calendar.syntax", Severity.ERROR, "JSON nested too deeply",
                              Location(name, number, 1))
                continue
            location = Location(name, number, 1)
            yield from duplicate_key_findings(obj, location)
            post = converter.convert(obj, location)
            if post is not None:
                yield post
            if converter.findings:
                yield from converter.findings
                converter.findings.clear()
    if count == 0:
        yield Finding("calendar.empty", Severity.WARNING, "the calendar has no posts",
                      Location(name))
