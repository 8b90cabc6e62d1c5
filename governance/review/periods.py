"""Periods of the review: the month under review and the KPI periods around it.

Every boundary is a local date in the policy's timezone; a period is the closed
range ``[start, end]`` of days. A KPI period shorter than a month (day, week) is
judged over the whole review month; a longer one (quarter, half-year, year) is
the calendar period that contains the month, judged to date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from governance.errors import UsageError
from governance.models.common import Period

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
#: Months in a calendar period longer than a month.
_MONTHS_IN = {Period.QUARTER: 3, Period.HALF_YEAR: 6, Period.YEAR: 12}


@dataclass(frozen=True)
class Span:
    """A closed range of local days."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


def parse_month(text: str) -> Span:
    """``2026-11`` -> 1 to 30 November 2026; ``UsageError`` for anything else."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise UsageError(f"--period {text!r}: expected a month such as 2026-11")
    return month_span(int(match.group(1)), int(match.group(2)))


def month_span(year: int, month: int) -> Span:
    last = calendar.monthrange(year, month)[1]
    return Span(dt.date(year, month, 1), dt.date(year, month, last))


def previous_month(month: Span, back: int = 1) -> Span:
    index = month.start.year * 12 + month.start.month - 1 - back
    return month_span(index // 12, index % 12 + 1)


def kpi_span(period: Period | None, month: Span) -> Span:
    """The KPI period the review month falls in (the month itself for month or shorter)."""
    size = _MONTHS_IN.get(period) if period else None
    if size is None:
        return month
    first = (month.start.month - 1) // size * size + 1
    last = first + size - 1
    return Span(dt.date(month.start.year, first, 1), month_span(month.start.year, last).end)


def previous_span(span: Span) -> Span:
    """The period of the same length in months just before ``span``."""
    months = (span.end.year - span.start.year) * 12 + span.end.month - span.start.month + 1
    start = previous_month(month_span(span.start.year, span.start.month), months)
    end = previous_month(month_span(span.start.year, span.start.month))
    return Span(start.start, end.end)


def short_period_scale(period: Period | None, month: Span) -> float:
    """How many day- or week-periods the month holds: a weekly count target times this."""
    if period in (Period.DAY, Period.WEEK):
        return month.days / (1 if period is Period.DAY else 7)
    return 1.0
