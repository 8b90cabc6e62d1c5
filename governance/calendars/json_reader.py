"""JSON calendars: a list of posts, or ``{"posts": [...]}``, as one document.

The top level is walked by hand and each post decoded with
``JSONDecoder.raw_decode`` at its offset, so every post knows its line and
column, and a syntax error stops the reading at its position with the posts
before it kept. Keys repeated in a post are findings. Entries follow
``records`` (the ``PostRecord`` rules).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Generator, Iterator
from typing import Any

from governance.calendars.fields import normalize_mapping, zone
from governance.calendars.options import ReadOptions, Source
from governance.calendars.records import RecordConverter
from governance.calendars.text import read_text
from governance.findings import Finding, Location, Severity
from governance.models.post import Post

_SPACE = re.compile(r"[ \t\n\r]*")


class JsonObject(dict[str, Any]):
    """A decoded JSON object that remembers the keys it had more than once."""

    repeated: tuple[str, ...] = ()


def object_pairs(pairs: list[tuple[str, Any]]) -> JsonObject:
    obj = JsonObject(pairs)
    if len(obj) != len(pairs):
        counts = Counter(key for key, _ in pairs)
        obj.repeated = tuple(key for key, count in counts.items() if count > 1)
    return obj


class _Decoder(json.JSONDecoder):
    """Python converts integers of at most 4,300 digits (longer ones take quadratic
    time); a longer number is a syntax error at its value, not a crash."""

    def raw_decode(self, s: str, idx: int = 0) -> tuple[Any, int]:
        try:
            return super().raw_decode(s, idx)
        except json.JSONDecodeError:
            raise
        except ValueError:
            raise json.JSONDecodeError("a number with too many digits", s, idx) from None


DECODER = _Decoder(object_pairs_hook=object_pairs)


def duplicate_key_findings(obj: object, location: Location) -> list[Finding]:
    if not isinstance(obj, JsonObject) or not obj.repeated:
        return []
    return [Finding("calendar.duplicate-key", Severity.ERROR,
                    f"key {key!r} appears more than once in this post; the last one is read",
                    location) for key in dict.fromkeys(obj.repeated)]


class _Text:
    """A JSON document with offset -> line/column conversion."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self._offset = 0  # line count of text[:_offset] is _line - 1
        self._line = 1

    def skip(self, offset: int) -> int:
        match = _SPACE.match(self.text, offset)
        return match.end() if match else offset

    def at(self, offset: int) -> Location:
        # Posts come in order, so counting from the previous one keeps this linear.
        if offset < self._offset:
            self._offset, self._line = 0, 1
        line = self._line + self.text.count("\n", self._offset, offset)
        self._offset, self._line = offset, line
        return Location(self.name, line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1)

    def error(self, message: str, offset: int) -> Finding:
        return Finding("calendar.syntax", Severity.ERROR, f"JSON syntax: {message}",
                       self.at(offset))


def read(source: Source, options: ReadOptions) -> Iterator[Post | Finding]:
    doc = _Text(source.name, read_text(source.path, options.encoding))
    converter = RecordConverter(zone(options.timezone), normalize_mapping(options.columns),
                                options.default_channel, source.fields)
    count = 0
    for item in _elements(doc):
        if isinstance(item, Finding):
            yield item
            continue
        obj, offset = item
        count += 1
        location = doc.at(offset)
        yield from duplicate_key_findings(obj, location)
        post = converter.convert(obj, location)
        if post is not None:
            yield post
        yield from converter.findings
        converter.findings.clear()
    if count == 0:
        yield Finding("calendar.empty", Severity.WARNING, "the calendar has no posts",
                      Location(source.name))


def _elements(doc: _Text) -> Iterator[Finding | tuple[Any, int]]:
    """Each post with its offset, and findings; stops at the first syntax error."""
    start = doc.skip(0)
    if start == len(doc.text):
        return
    opener = doc.text[start]
    if opener == "[":
        end = yield from _array(doc, start)
    elif opener == "{":
        end = yield from _document(doc, start)
    else:
        try:
            _, end = DECODER.raw_decode(doc.text, start)
        except (json.JSONDecodeError, RecursionError):
            yield doc.error("expected a list of posts or an object with \"posts\"", start)
            return
        yield Finding("calendar.bad-value", Severity.ERROR,
                      "expected a list of posts or an object with \"posts\", not a single value",
                      doc.at(start))
    if end >= 0 and doc.skip(end) < len(doc.text):
        yield doc.error("extra data after the calendar", doc.skip(end))


def _array(doc: _Text, start: int) -> Generator[Finding | tuple[Any, int], None, int]:
    """The elements of the array at ``start``; returns the offset after it, -1 on error."""
    offset = doc.skip(start + 1)
    if doc.text.startswith("]", offset):
        return offset + 1
    while True:
        try:
            value, end = DECODER.raw_decode(doc.text, offset)
        except json.JSONDecodeError as exc:
            yield doc.error(exc.msg, exc.pos)
            return -1
        except RecursionError:
            yield doc.error("nested too deeply", offset)
            return -1
        yield value, offset
        offset = doc.skip(end)
        if doc.text.startswith(",", offset):
            offset = doc.skip(offset + 1)
        elif doc.text.startswith("]", offset):
            return offset + 1
        else:
            yield doc.error("expected ',' or ']' after a post", offset)
            return -1


def _document(doc: _Text, start: int) -> Generator[Finding | tuple[Any, int], None, int]:
    """The posts of ``{"posts": [...]}``; other keys are findings."""
    offset = doc.skip(start + 1)
    found = False
    if doc.text.startswith("}", offset):
        return offset + 1
    while True:
        try:
            key, end = DECODER.raw_decode(doc.text, offset)
            if not isinstance(key, str):
                raise json.JSONDecodeError("expected a key in double quotes", doc.text, offset)
            colon = doc.skip(end)
            if not doc.text.startswith(":", colon):
                raise json.JSONDecodeError("expected ':' after a key", doc.text, colon)
            value_at = doc.skip(colon + 1)
            if key == "posts" and doc.text.startswith("[", value_at) and not found:
                found = True
                end = yield from _array(doc, value_at)
                if end < 0:
                    return -1
            else:
                _, end = DECODER.raw_decode(doc.text, value_at)
                what = "a second 'posts'" if key == "posts" and found else f"key {key!r}"
                if key == "posts" and not found:
                    what = "'posts' that is not a list"
                yield Finding("calendar.bad-value", Severity.ERROR,
                              f"{what} at the top level: a calendar has only a 'posts' list",
                              doc.at(offset))
        except json.JSONDecodeError as exc:
            yield doc.error(exc.msg, exc.pos)
            return -1
        except RecursionError:
            yield doc.error("nested too deeply", offset)
            return -1
        offset = doc.skip(end)
        if doc.text.startswith(",", offset):
            offset = doc.skip(offset + 1)
        elif doc.text.startswith("}", offset):
            return offset + 1
        else:
            yield doc.error("expected ',' or '}'", offset)
            return -1
