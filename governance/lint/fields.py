"""Declared post fields (``calendar.fields``), typed and checked on each post.

A reader keeps every column it does not know in ``Post.extra`` as text; here each
declared field's value is read by its type (the same booleans and dates as the
built-in columns) and written back in one canonical form, so rules compare
``true`` with ``true`` and ``own`` with ``own`` whatever the spreadsheet said. A
value the type does not accept is a finding at its cell, and so is a required
field left empty; the post is still checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from governance.calendars.fields import (
    EXPECTED_BOOLEANS,
    EXPECTED_DATES,
    parse_bool,
    parse_datetime,
)
from governance.findings import Finding, Severity
from governance.models.policy import DeclaredField
from governance.models.post import Post

BAD_VALUE = "calendar.bad-value"
MISSING_FIELD = "calendar.missing-field"

#: Reads a non-empty cell: its canonical text, or None with what was expected.
Parse = Callable[[str], tuple[str | None, str]]


class DeclaredFields:
    """The policy's declared fields, compiled once per run."""

    def __init__(self, fields: Mapping[str, DeclaredField], timezone: dt.tzinfo) -> None:
        self._fields = [(name, spec.required, _parser(spec, timezone))
                        for name, spec in fields.items()]

    def __bool__(self) -> bool:
        return bool(self._fields)

    def read(self, post: Post) -> list[Finding]:
        """Types the post's declared fields in place; the findings of values it refused."""
        findings = []
        for name, required, parse in self._fields:
            raw = post.extra.get(name, "").strip()
            if not raw:
                if required:
                    findings.append(Finding(
                        MISSING_FIELD, Severity.ERROR,
                        f"{name} is required by the policy and has no value",
                        post.location_of(name), post_ids=(post.id,), channel=post.channel,
                        data={"field": name}))
                continue
            value, expected = parse(raw)
            if value is None:
                findings.append(Finding(
                    BAD_VALUE, Severity.ERROR, f"{name} {raw!r} is not valid: {expected}",
                    post.location_of(name), post_ids=(post.id,), channel=post.channel))
                post.extra.pop(name, None)  # a rule must not read what the policy refuses
            else:
                post.extra[name] = value
        return findings


def _parser(spec: DeclaredField, timezone: dt.tzinfo) -> Parse:
    if spec.type == "enum":
        allowed = {value.casefold(): value for value in spec.values}
        listed = "expected one of " + ", ".join(spec.values)
        return lambda raw: (allowed.get(raw.casefold()), listed)
    if spec.type == "bool":
        return lambda raw: (_bool_text(parse_bool(raw)), f"expected {EXPECTED_BOOLEANS}")
    if spec.type == "number":
        return lambda raw: (_number_text(raw), "expected a number such as 12 or 3.5")
    if spec.type == "date":
        return lambda raw: (_date_text(raw, timezone), "expected a date such as 2026-03-01")
    if spec.type == "datetime":
        return lambda raw: (_datetime_text(raw, timezone), EXPECTED_DATES)
    return lambda raw: (raw, "")


def _bool_text(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


def _number_text(raw: str) -> str | None:
    try:
        number = float(raw.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return str(int(number)) if number.is_integer() else repr(number)


def _date_text(raw: str, timezone: dt.tzinfo) -> str | None:
    moment = parse_datetime(raw, timezone)
    if moment is None or (moment.hour, moment.minute, moment.second) != (0, 0, 0):
        return None
    return moment.date().isoformat()


def _datetime_text(raw: str, timezone: dt.tzinfo) -> str | None:
    moment = parse_datetime(raw, timezone)
    return None if moment is None else moment.isoformat()
