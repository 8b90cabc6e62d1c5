"""iCalendar (``.ics``) calendars: each VEVENT is a post.

How event properties become post fields:

- ``DTSTART`` -> ``publish_at``; an all-day date is 00:00 and a floating time is
  read in the policy timezone;
- ``DESCRIPTION`` -> ``text`` (``SUMMARY`` when there is no description; when
  there is one, the summary is kept as ``extra["summary"]``);
- ``UID`` -> ``id`` (``event-<n>``, the event's 1-based index, when missing);
- ``CATEGORIES``: ``channel:<id>``, ``kind:<kind>``, ``topic:<topic>`` and
  ``tag:<tag>`` set those fields; without a ``channel:`` category the first
  plain category is the channel (else ``ReadOptions.default_channel``); other
  plain categories are tags. ``CATEGORIES:channel:vk-main,kind:promo,launch``
  is a promo on ``vk-main`` tagged ``launch``;
- ``URL`` -> ``link``; ``ATTACH`` (URIs) -> ``media``;
- ``X-AUTHOR``, else ``ORGANIZER`` (its ``CN``, else the address without
  ``mailto:``) -> ``author``;
- ``X-SPONSORED`` (yes/no), ``X-APPROVED-BY`` (a list), ``X-WAIVE``
  (``rule-id: reason; ...``), ``X-ALT-TEXT``, ``X-ACTION`` (post, repost, quote,
  reply) and ``X-TARGET`` (the URL of the post acted on) -> those fields.

``STATUS:CANCELLED`` events are skipped. A recurring event (``RRULE``,
``RDATE``, ``EXDATE``, moved instances) is one post per occurrence (see
``ics_recurrence``), located at the event that defines it. Locations are
``VEVENT <n>`` plus the line of the event's ``BEGIN:VEVENT``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from governance.calendars.fields import normalize_mapping, zone
from governance.calendars.ics_recurrence import (
    RecurrenceError,
    is_recurring,
    occurrence_id,
    occurrences,
    recurrence_key,
)
from governance.calendars.options import ReadOptions, Source
from governance.calendars.records import RecordConverter
from governance.calendars.text import read_text
from governance.findings import Finding, Location, Severity
from governance.models.post import Post

_BEGIN = re.compile(r"^[ \t]*BEGIN:VEVENT[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_PREFIXED = ("channel", "kind", "topic", "tag")
_X_FIELDS = {"X-SPONSORED": "sponsored", "X-APPROVED-BY": "approved_by", "X-WAIVE": "waive",
             "X-ALT-TEXT": "alt_text", "X-ACTION": "action", "X-TARGET": "target"}


def read(source: Source, options: ReadOptions) -> Iterator[Post | Finding]:
    # Imported here, so linting a CSV calendar does not pay for icalendar.
    from icalendar import Calendar

    name = source.name
    text = read_text(source.path, options.encoding)
    try:
        calendars = Calendar.from_ical(text, multiple=True)
        events = [event for cal in calendars for event in cal.walk("VEVENT")]
    except Exception as exc:  # icalendar raises value, key and index errors alike
        yield Finding("calendar.syntax", Severity.ERROR,
                      f"not a readable iCalendar file: {' '.join(str(exc).split())}",
                      Location(name))
        return
    if not events:
        yield Finding("calendar.empty", Severity.WARNING, "the calendar has no events",
                      Location(name))
        return
    lines = [text.count("\n", 0, match.start()) + 1 for match in _BEGIN.finditer(text)]
    if len(lines) != len(events):  # unusual layout: better no line than a wrong one
        lines = [0] * len(events)
    converter = RecordConverter(zone(options.timezone), normalize_mapping(options.columns),
                                options.default_channel, source.fields)
    expanded: dict[str, list[Any]] = {}
    if any(is_recurring(event) for event in events):
        try:
            expanded = occurrences(calendars, events, options.until)
        except RecurrenceError as exc:
            yield Finding("calendar.bad-value", Severity.ERROR,
                          f"recurring events cannot be expanded ({exc}); each is checked at "
                          "its first occurrence only", Location(name))
    for index, (event, line) in enumerate(zip(events, lines, strict=True), start=1):
        location = Location(name, line, 1 if line else 0, f"VEVENT {index}")
        if expanded and recurrence_key(event) is not None and \
                str(event.get("UID", "")) in expanded:
            continue  # a moved instance: its master's expansion includes it
        yield from _event_findings(event, location)
        uid = str(event.get("UID", ""))
        instances = expanded.get(uid) if expanded and is_recurring(event) else None
        for record in _records(event, index, instances):
            post = converter.convert(record, location)
            if post is not None:
                yield post
        yield from converter.findings
        converter.findings.clear()


def _records(event: Any, index: int, instances: list[Any] | None) -> Iterator[dict[str, Any]]:
    """The entries of one event: itself, or each of its occurrences."""
    if instances is None:
        if not _cancelled(event):
            yield _record(event, index)
        return
    uid = _text(event, "UID") or f"event-{index}"
    for occurrence in instances:
        if not _cancelled(occurrence):
            yield {**_record(occurrence, index), "id": occurrence_id(uid, occurrence)}


def _cancelled(event: Any) -> bool:
    return str(_first(event.get("STATUS")) or "").upper() == "CANCELLED"


def _record(event: Any, index: int) -> dict[str, Any]:
    """The event as a calendar entry, for ``RecordConverter``."""
    record: dict[str, Any] = {"id": _text(event, "UID") or f"event-{index}"}
    start = _first(event.get("DTSTART"))
    if start is not None:
        # An unparsable DTSTART stays text (icalendar's vBroken), for a bad-date finding.
        value = start if isinstance(start, str) else _attr(start, "dt", None)
        record["publish_at"] = value if value is not None else str(start)
    summary, description = _text(event, "SUMMARY"), _text(event, "DESCRIPTION")
    record["text"] = description or summary
    if description and summary:
        record["summary"] = summary
    record.update(_categories(event))
    if _text(event, "URL"):
        record["link"] = _text(event, "URL")
    media = [str(item) for item in _all(event.get("ATTACH"))
             if str(_attr(item, "params", {}).get("VALUE", "")).upper() != "BINARY"]
    if media:
        record["media"] = media
    author = _text(event, "X-AUTHOR") or _organizer(event)
    if author:
        record["author"] = author
    for prop, field in _X_FIELDS.items():
        if _text(event, prop):
            record[field] = _text(event, prop)
    return record


def _categories(event: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    plain: list[str] = []
    tags: list[str] = []
    for category in _all(event.get("CATEGORIES")):
        items = [category] if isinstance(category, str) else _attr(category, "cats", [])
        for item in items:
            value = str(item).strip()
            prefix, sep, rest = value.partition(":")
            prefix = prefix.strip().lower()
            if sep and prefix in _PREFIXED:
                if prefix == "tag":
                    tags.append(rest.strip())
                else:
                    fields.setdefault(prefix, rest.strip())
            elif value:
                plain.append(value)
    if plain and "channel" not in fields:
        fields["channel"] = plain.pop(0)
    tags.extend(plain)
    if tags:
        fields["tags"] = tags
    return fields


def _organizer(event: Any) -> str:
    organizer = _first(event.get("ORGANIZER"))
    if organizer is None:
        return ""
    name = _attr(organizer, "params", {}).get("CN", "")
    if name:
        return str(name).strip()
    address = str(organizer).strip()
    return address[7:] if address.lower().startswith("mailto:") else address


def _event_findings(event: Any, location: Location) -> Iterator[Finding]:
    for prop, message in _attr(event, "errors", []):
        if prop == "DTSTART":  # reported as publish_at by the record's date check
            continue
        yield Finding("calendar.bad-value", Severity.ERROR,
                      f"{prop}: {' '.join(str(message).split())}", location)


def _text(event: Any, prop: str) -> str:
    value = _first(event.get(prop))
    return "" if value is None else str(value).strip()


def _attr(value: Any, name: str, default: Any) -> Any:
    """An attribute of an icalendar value; broken values raise on any attribute."""
    try:
        return getattr(value, name, default)
    except Exception:
        return default


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _all(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
