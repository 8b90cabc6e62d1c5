"""Formatters: a report in, text out. Plain functions keyed by name.

The table names each format's module; a module is imported when its format is
first asked for, so ``governance check`` does not load the HTML calendar or
the JUnit writer to print three lines of text.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from governance.report import Report

Formatter = Callable[[Report, bool], str]  # (report, colour) -> text


class _Functions(Mapping[str, Any]):
    """A read-only table of name -> function, each imported on first use."""

    def __init__(self, places: dict[str, str]) -> None:
        self._places = places  # name -> "module:function"

    def __getitem__(self, name: str) -> Any:
        module, _, function = self._places[name].partition(":")
        return getattr(importlib.import_module(module), function)

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)


FORMATTERS: Mapping[str, Formatter] = _Functions({
    "text": "governance.formatters.text:render",
    "json": "governance.formatters.json_format:render",
    "sarif": "governance.formatters.sarif:render",
    "junit": "governance.formatters.junit:render",
    "github": "governance.formatters.github:render",
    "markdown": "governance.formatters.markdown:render",
    "html": "governance.calendar_report:render",
})
#: Formats that draw the calendar itself, so the lint keeps its posts for them.
PLAN_FORMATS = frozenset({"html"})


#: The same reports, written a piece at a time: a file gets each piece as it is
#: encoded, so a report of many findings never exists whole in memory.
Stream = Callable[[Report, bool], Iterator[str]]
STREAMS: Mapping[str, Stream] = _Functions({
    "text": "governance.formatters.text:chunks",
    "json": "governance.formatters.json_format:chunks",
    "sarif": "governance.formatters.sarif:chunks",
    "junit": "governance.formatters.junit:chunks",
    "github": "governance.formatters.github:chunks",
})


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
