"""What a lint run is asked (``LintOptions``), what it gives back (``LintResult``),
and the error of a calendar it cannot read at all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from governance.errors import UsageError
from governance.report import Report


class UnreadableCalendarError(UsageError):
    """A calendar file that cannot be read at all (missing, not a calendar, broken container)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass
class LintOptions:
    calendars: Sequence[str]
    policy: str
    today: dt.date | None = None
    timezone: str | None = None
    sheet: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)
    calendar_format: str | None = None
    encoding: str | None = None
    #: Directories the policy may read beyond its root (``--allow-path``).
    allow_paths: Sequence[str] = ()
    default_channel: str | None = None
    date_order: str | None = None
    until: dt.date | None = None
    #: Keep every post's file and id for the report (JUnit lists passing posts).
    record_posts: bool = False
    keep_plan: bool = False  # keep the posts for a report that draws the calendar
    language: str | None = None  # of that report; default: the policy's first
    #: Processes to use (1: one; None: a second shares the rules where it pays).
    jobs: int | None = None


@dataclass
class LintResult:
    report: Report
    linted: bool  # False when the policy's own errors stopped the run
    #: Every policy file the run read (bases and term files too).
    policy_files: list[Path] = field(default_factory=list)
