"""Formatters: a report in, text out. Plain functions keyed by name."""

from __future__ import annotations

from collections.abc import Callable

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


def formatter(name: str) -> Formatter:
    return FORMATTERS[name]
