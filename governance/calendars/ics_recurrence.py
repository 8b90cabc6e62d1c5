"""Recurring iCalendar events (``RRULE``, ``RDATE``, ``EXDATE``, moved instances)
as one event per occurrence, expanded by ``recurring-ical-events``.

Occurrences are taken from the first event of the file up to ``until`` (the
last day, inclusive) or, without it, up to the last event that does not recur,
and never more than a year after the first event: a weekly post "forever" is
checked over the span the calendar plans, not indefinitely. A file whose rules
expand to more than ``MAX_OCCURRENCES`` within that span, or that repeat by
the second or the minute (``FREQ=SECONDLY`` is 31 million a year, and a rule
that never matches would be searched to the year 9999), is not expanded: its
events are checked at their first occurrence, with an error that says why.
Each occurrence is
a post of its own whose id is the event's UID plus its start as a
``RECURRENCE-ID`` (``tip@example.com@20260302T100000Z``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from typing import Any

#: How far past the first event recurring events are expanded without ``until``.
DEFAULT_SPAN = timedelta(days=365)
#: Occurrences one file may expand to: an hourly post for a year, twice over.
MAX_OCCURRENCES = 20_000
#: Frequencies no post repeats at, and whose search alone is unbounded work.
_TOO_FINE = frozenset({"SECONDLY", "MINUTELY"})


class RecurrenceError(Exception):
    """The recurrence rules of a file cannot be expanded."""


def is_recurring(event: Any) -> bool:
    return event.get("RRULE") is not None or event.get("RDATE") is not None


def occurrences(calendars: Iterable[Any], events: list[Any], until: date | None
                ) -> dict[str, list[Any]]:
    """The occurrences of each recurring event's UID, in time order."""
    import recurring_ical_events

    starts = [day for day in (_day(event) for event in events) if day is not None]
    if not starts:
        return {}
    first = min(starts)
    end = until + timedelta(days=1) if until is not None else _default_end(events, first)
    recurring = {str(event.get("UID", "")) for event in events if is_recurring(event)}
    found: dict[str, list[Any]] = {uid: [] for uid in recurring}
    _check_count(events, end)
    try:
        expansion = recurring_ical_events.of(_only(calendars, recurring)).between(first, end)
    except Exception as exc:  # the library raises many kinds on broken rules
        raise RecurrenceError(" ".join(str(exc).split()) or type(exc).__name__) from None
    for occurrence in expansion:
        uid = str(occurrence.get("UID", ""))
        if uid in found:
            found[uid].append(occurrence)
    for listed in found.values():
        listed.sort(key=lambda occurrence: _sort_key(occurrence.get("DTSTART").dt))
    return found


def _check_count(events: list[Any], end: date) -> None:
    """``RecurrenceError`` when the rules would expand past ``MAX_OCCURRENCES`` before ``end``.

    Counted lazily, rule by rule, before the expansion builds every occurrence.
    """
    total = 0
    for event in events:
        for moment in _rule_moments(event, end):
            if _sort_key(moment) >= _sort_key(end):
                break
            total += 1
            if total > MAX_OCCURRENCES:
                raise RecurrenceError(
                    f"they repeat more than {MAX_OCCURRENCES:,} times before {end.isoformat()}; "
                    "give each RRULE a COUNT or an UNTIL, or lint a shorter span with --until")


def _rule_moments(event: Any, end: date) -> Iterable[datetime]:
    """The starts an event's RRULEs generate before ``end``, lazily; none for a rule that
    does not parse (the expansion reports it)."""
    from dateutil.rrule import rrule, rrulestr

    rules = event.get("RRULE")
    rules = rules if isinstance(rules, list) else [rules] if rules is not None else []
    for rule in rules:
        frequency = str((rule.get("FREQ") or [""])[0]).upper()
        if frequency in _TOO_FINE:
            raise RecurrenceError(f"FREQ={frequency}: no post repeats by the "
                                  f"{frequency[:-2].lower()}; use HOURLY or coarser")
    try:
        start = event.get("DTSTART").dt
        if not isinstance(start, datetime):
            start = datetime(start.year, start.month, start.day)
        stop = datetime(end.year, end.month, end.day, tzinfo=start.tzinfo)
        for rule in rules:
            parsed = rrulestr(rule.to_ical().decode(), dtstart=start)
            if isinstance(parsed, rrule) and getattr(parsed, "_count", None) is None:
                # A rule that never matches is searched up to its UNTIL: no further than end.
                until = getattr(parsed, "_until", None)
                parsed = parsed.replace(until=min(until, stop) if until else stop)
            yield from parsed
    except Exception:  # dateutil and icalendar raise many kinds on bad rules
        return


def _only(calendars: Iterable[Any], uids: set[str]) -> Any:
    """A calendar of the recurring events (and their time zones) alone: a broken
    event elsewhere in the file is reported on its own, not by the expansion."""
    from icalendar import Calendar

    kept = Calendar()
    for calendar in calendars:
        for component in calendar.subcomponents:
            if component.name == "VTIMEZONE" or (
                    component.name == "VEVENT" and str(component.get("UID", "")) in uids):
                kept.add_component(component)
    return kept


def occurrence_id(uid: str, occurrence: Any) -> str:
    """``UID@RECURRENCE-ID``: stable across runs and unique per occurrence."""
    recurrence = occurrence.get("RECURRENCE-ID") or occurrence.get("DTSTART")
    return f"{uid}@{_ical_stamp(recurrence.dt)}"


def recurrence_key(event: Any) -> tuple[str, str] | None:
    """``(UID, RECURRENCE-ID)`` of a moved or changed instance, else None."""
    recurrence = event.get("RECURRENCE-ID")
    if recurrence is None:
        return None
    return str(event.get("UID", "")), _ical_stamp(recurrence.dt)


def _default_end(events: list[Any], first: date) -> date:
    others = [day for day in (_day(e) for e in events if not is_recurring(e)) if day is not None]
    last = max(others, default=first)
    cap = first + DEFAULT_SPAN
    return min(last, cap) + timedelta(days=1) if last > first else cap


def _day(event: Any) -> date | None:
    try:  # a broken DTSTART raises on access; its event gets a bad-date finding
        value = getattr(event.get("DTSTART"), "dt", None)
    except Exception:
        return None
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _sort_key(value: date) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)


def _ical_stamp(value: date) -> str:
    if not isinstance(value, datetime):
        return value.strftime("%Y%m%d")
    if value.tzinfo is not None and value.utcoffset() == timedelta(0):
        return value.strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%dT%H%M%S")
