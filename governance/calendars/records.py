"""Mappings -> posts: the entries of YAML, JSON and JSON Lines calendars.

The field rules are ``PostRecord``'s (``models/post.py``), checked by hand
because a pydantic model per post is too slow for 100,000 posts:

- ``id``, ``publish_at`` and ``channel`` are required (``channel`` may come from
  ``ReadOptions.default_channel``); a post without them is skipped;
- text fields take strings only, so YAML's ``no``, ``7`` or ``2026-03-01`` in a
  text field is reported instead of silently becoming ``False``, ``"7"``...;
- ``publish_at`` takes the date forms of ``fields.parse_datetime`` or a YAML
  timestamp; ``sponsored`` a boolean or a yes/no word;
- ``action`` takes ``post``, ``repost``, ``quote`` or ``reply`` (``post`` when
  absent), ``target`` a string like the other text fields;
- list fields take a list of strings or, for convenience, one string read like a
  spreadsheet cell (``"a, b"``); ``waive`` takes ``rule-id: reason`` strings.

Keys are matched like spreadsheet headers (case-insensitively, after the column
mapping); other keys with scalar values are kept in ``Post.extra`` as text.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from typing import Any

from governance.calendars import coerce
from governance.calendars.fields import (
    EXPECTED_ACTIONS,
    EXPECTED_DATES,
    FIELD_SET,
    normalize_name,
    parse_action,
    split_list,
    suggest_field,
)
from governance.findings import Finding, Location, Severity
from governance.models.post import Post, PostWaiver

_TEXT_FIELDS = ("author", "link", "kind", "topic", "alt_text")
_EMPTY = ("",) * len(_TEXT_FIELDS)
_LIST_FIELDS = ("approved_by", "tags", "media")


class RecordConverter:
    """Turns the mappings of one file into posts; problems go to ``findings``."""

    def __init__(self, tz: tzinfo, mapping: dict[str, str],
                 default_channel: str | None = None, seen: set[str] | None = None) -> None:
        self.findings: list[Finding] = []
        #: Every field any entry has had (``Source.fields``).
        self.seen = seen if seen is not None else set()
        self._tz = tz
        self._mapping = mapping
        self._default_channel = default_channel or ""
        self._warned: set[str] = set()

    def convert(self, record: object, location: Location,
                locations: Mapping[str, Location] | None = None) -> Post | None:
        """The post of one entry. ``locations`` maps keys, as written, to their values."""
        if not isinstance(record, dict):
            self._error("calendar.bad-row",
                        f"a post must be a mapping of fields, not {_kind(record)}", location)
            return None
        where = _Locator(location, locations or {}, self._mapping)
        # Keys already canonical (the usual case) need no renaming or checks.
        plain = not self._mapping and record.keys() <= FIELD_SET
        values: dict[str, Any] = record if plain else self._fields(record, where)
        self.seen.update(values)
        get = values.get
        ident = get("id")
        ident = ident.strip() if type(ident) is str and ident.strip() else \
            self._string(values, "id", where, required=True)
        when = self._when(values, where)
        channel = self._string(values, "channel", where) or self._default_channel
        if not channel:
            self._missing("channel", where)
        if ident is None or when is None or not channel:
            return None
        author, link, kind, topic, alt_text = (
            value.strip() if type(value) is str else self._string(values, name, where) or ""
            for name, value in zip(_TEXT_FIELDS, map(get, _TEXT_FIELDS, _EMPTY), strict=True))
        text = get("text", "")
        if type(text) is not str:
            text = self._string(values, "text", where) or ""
        approved, tags, media = (
            () if value is None else self._list(values, name, where)
            for name, value in zip(_LIST_FIELDS, map(get, _LIST_FIELDS), strict=True))
        sponsored = get("sponsored")
        if type(sponsored) is not bool:
            sponsored = self._sponsored(values, where)
        return Post(
            ident, when, channel, author, text.replace("\r\n", "\n"), link, sponsored, kind,
            approved, topic, tags, media, alt_text,
            self._waivers(values, where) if "waive" in values else (),
            *self._action(values, where), location,
            where.fields(), {} if plain else self._extra(values, where),
        )

    def _fields(self, record: dict[Any, Any], where: _Locator) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, value in record.items():
            if not isinstance(key, str):
                self._error("calendar.bad-value", f"key {key!r} is not text; ignored",
                            where.row)
                continue
            name = where.name(key)
            if name in values:
                self._error("calendar.duplicate-key",
                            f"{key!r} repeats field {name!r}; only the first is read",
                            where.at(key))
                continue
            values[name] = value
            if name not in FIELD_SET and name not in self._warned:
                self._warned.add(name)
                hint = suggest_field(name)
                if hint is not None:
                    self.findings.append(Finding(
                        "calendar.unknown-column", Severity.WARNING,
                        f"{key!r} is not a post field; did you mean {hint!r}? It is kept as "
                        "an extra field", where.at(key)))
        return values

    def _string(self, values: dict[str, Any], name: str, where: _Locator,
                required: bool = False) -> str | None:
        value = values.get(name)
        if isinstance(value, str) and value.strip():
            return value if name == "text" else value.strip()
        if value is None or value == "":
            if required:
                self._missing(name, where)
            return None
        self._error("calendar.bad-value",
                    f"{name} must be text, not {_kind(value)}; quote it"
                    + ("; the post is skipped" if required else "; ignored"), where.at(name))
        return None

    def _when(self, values: dict[str, Any], where: _Locator) -> datetime | None:
        value = values.get("publish_at")
        if value is None or value == "":
            self._missing("publish_at", where)
            return None
        when = coerce.publish_at(value, self._tz)
        if when is None:
            self._error("calendar.bad-date", coerce.bad_date(value, EXPECTED_DATES, "the post"),
                        where.at("publish_at"))
        return when

    def _sponsored(self, values: dict[str, Any], where: _Locator) -> bool:
        flag, problem = coerce.sponsored(values.get("sponsored"))
        if problem:
            self._error("calendar.bad-value", problem, where.at("sponsored"))
        return flag

    def _action(self, values: dict[str, Any], where: _Locator) -> tuple[str, str]:
        """The post's ``action`` and ``target``; most posts have neither."""
        raw, target = values.get("action"), values.get("target")
        action = "post" if raw is None else parse_action(raw)
        if action is None:
            self._error("calendar.bad-value",
                        f"action {coerce.show(raw)} is not one of {EXPECTED_ACTIONS}; "
                        "read as a post",
                        where.at("action"))
            action = "post"
        if target is None:
            return action, ""
        return action, (target.strip() if type(target) is str
                        else self._string(values, "target", where) or "")

    def _list(self, values: dict[str, Any], name: str, where: _Locator) -> tuple[str, ...]:
        value = values.get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            return split_list(value)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(item.strip() for item in value if item.strip())
        self._error("calendar.bad-value",
                    f"{name} must be a list of text items, not {_kind(value)}; ignored",
                    where.at(name))
        return ()

    def _waivers(self, values: dict[str, Any], where: _Locator) -> tuple[PostWaiver, ...]:
        entries = self._list(values, "waive", where) if "waive" in values else ()
        if not entries:
            return ()
        waivers, problems = coerce.waivers("\n".join(entries))
        for problem in problems:
            self._error("calendar.bad-value", problem, where.at("waive"))
        return waivers

    def _extra(self, values: dict[str, Any], where: _Locator) -> dict[str, str]:
        extra: dict[str, str] = {}
        for name, value in values.items():
            if name in FIELD_SET or value is None:
                continue
            if isinstance(value, (list, dict)):
                self.findings.append(Finding(
                    "calendar.bad-value", Severity.WARNING,
                    f"extra field {name!r} holds {_kind(value)}; only text values are kept",
                    where.at(name)))
                continue
            extra[name] = _as_text(value)
        return extra

    def _missing(self, name: str, where: _Locator) -> None:
        self._error("calendar.missing-field", f"{name} is missing; the post is skipped",
                    where.at(name))

    def _error(self, rule: str, message: str, location: Location) -> None:
        self.findings.append(Finding(rule, Severity.ERROR, message, location))


class _Locator:
    """Locations of one entry's values, by field name, falling back to the entry."""

    def __init__(self, row: Location, by_key: Mapping[str, Location],
                 mapping: dict[str, str]) -> None:
        self.row = row
        self._mapping = mapping
        self._by_field = {self.name(key): loc for key, loc in by_key.items()} if by_key else {}

    def name(self, key: str) -> str:
        name = normalize_name(key)
        return self._mapping.get(name, name)

    def at(self, key: str) -> Location:
        return self._by_field.get(self.name(key), self.row) if self._by_field else self.row

    def fields(self) -> dict[str, Location]:
        # Extra keys too: a declared field's bad value is reported at its key.
        return dict(self._by_field)


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return f"a boolean ({_as_text(value)})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, (datetime, date)):
        return f"a date ({value.isoformat()})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return f"the text {coerce.show(value)}"
    return type(value).__name__

