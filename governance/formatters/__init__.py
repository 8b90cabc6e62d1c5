"""Formatters: a report in, text out. Plain functions keyed by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from governance import calendar_report
from governance.formatters import github, json_format, junit, markdown, sarif, text
from governance.report import Report

Formatter = Callable[[Report, bool], str]  # (report, colour) -> text

FORMATTERS: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "markdown": markdown.render,
    "html": calendar_report.render,
}
#: Formats that draw the calendar itself, so the lint keeps its posts for them.
PLAN_FORMATS = frozenset({"html"})


#: The same reports, written a piece at a time: a file gets each piece as it is
#: encoded, so a report of many findings never exists whole in memory.
Stream = Callable[[Report, bool], Iterator[str]]
STREAMS: dict[str, Stream] = {
    "text": text.chunks,
    "json": json_format.chunks,
    "sarif": sarif.chunks,
    "junit": junit.chunks,
    "github": github.chunks,
}


def formatter(name: str) -> Formatter:
    return FORMATTERS[name]


def stream(name: str) -> Stream:
    """The report of format ``name`` a piece at a time; a format that is laid out
    whole (a page, a summary table) is one piece."""
    pieces = STREAMS.get(name)
    if pieces is not None:
        return pieces
    whole = FORMATTERS[name]
    return lambda report, colour: iter((whole(report, colour),))
