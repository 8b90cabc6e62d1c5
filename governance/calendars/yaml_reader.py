"""YAML calendars: a list of posts, or a mapping ``{posts: [...]}``.

Parsed to nodes, so every post and value keeps its line and column, and never
to Python objects beyond ``SafeConstructor`` scalars; duplicate keys are
findings, and values are built only two levels deep, so aliases cannot blow a
small file up. Entries follow ``records`` (the ``PostRecord`` rules).

Parsing uses libyaml's event parser with PyYAML's Python composer: six times
faster than ``yaml.SafeLoader``, while libyaml's own composer recurses in C and
crashes the interpreter on deeply nested input, where the Python one raises
``RecursionError`` (a finding here).
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.resolver import Resolver

from governance.calendars.fields import normalize_mapping, zone
from governance.calendars.options import ReadOptions, Source
from governance.calendars.records import RecordConverter
from governance.calendars.text import read_text
from governance.findings import Finding, Location, Severity
from governance.models.post import Post

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_NESTED: dict[str, Any] = {}  # stands for a value nested too deep to build

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    _Loader: Any = yaml.SafeLoader
else:

    class _Loader(Composer, CParser, Resolver):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)


def read(source: Source, options: ReadOptions) -> Iterator[Post | Finding]:
    name = source.name
    text = read_text(source.path, options.encoding)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join((exc.problem or str(exc)).split())
        location = _at(name, mark) if mark is not None else Location(name)
        yield Finding("calendar.syntax", Severity.ERROR, f"YAML syntax: {problem}", location)
        return
    except yaml.YAMLError as exc:
        yield Finding("calendar.syntax", Severity.ERROR, f"YAML: {' '.join(str(exc).split())}",
                      Location(name))
        return
    except RecursionError:
        yield Finding("calendar.syntax", Severity.ERROR, "YAML nested too deeply to read",
                      Location(name))
        return
    entries = yield from _entries(root, name)
    if not entries:
        yield Finding("calendar.empty", Severity.WARNING, "the calendar has no posts",
                      Location(name))
        return
    builder = _Builder(name)
    converter = RecordConverter(zone(options.timezone), normalize_mapping(options.columns),
                                options.default_channel, source.fields)
    for node in entries:
        record, locations = builder.entry(node)
        yield from builder.take_findings()
        post = converter.convert(record, _at(name, node.start_mark), locations)
        if post is not None:
            yield post
        yield from converter.findings
        converter.findings.clear()


def _entries(root: yaml.Node | None, name: str) -> Generator[Finding, None, list[yaml.Node]]:
    """Yields findings about the document's shape; returns the nodes of its posts."""
    if root is None:
        return []
    if root.tag not in (_SEQ, _MAP):
        yield Finding("calendar.bad-value", Severity.ERROR,
                      f"expected a list of posts or a mapping with 'posts', not {root.tag}",
                      _at(name, root.start_mark))
        return []
    if isinstance(root, yaml.SequenceNode):
        items: list[yaml.Node] = root.value
        return items
    if isinstance(root, yaml.MappingNode):
        posts: list[yaml.Node] | None = None
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "posts":
                if isinstance(value, yaml.SequenceNode) and value.tag == _SEQ:
                    posts = value.value
                elif isinstance(value, yaml.ScalarNode) and value.tag == _NULL:
                    posts = []
                else:
                    yield Finding("calendar.bad-value", Severity.ERROR,
                                  "'posts' must be a list of posts", _at(name, value.start_mark))
                    return []
            else:
                yield Finding("calendar.bad-value", Severity.ERROR,
                              f"unknown top-level key {getattr(key, 'value', key)!r}: a calendar "
                              "has only 'posts'", _at(name, key.start_mark))
        if posts is not None:
            return posts
        if root.value:
            yield Finding("calendar.bad-value", Severity.ERROR,
                          "expected a list of posts or a mapping with 'posts'",
                          _at(name, root.start_mark))
        return []
    yield Finding("calendar.bad-value", Severity.ERROR,
                  "expected a list of posts or a mapping with 'posts', not a single value",
                  _at(name, root.start_mark))
    return []


class _Builder:
    """Plain values from the nodes of one post, with the location of each value."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.findings: list[Finding] = []
        self._constructor = yaml.constructor.SafeConstructor()

    def take_findings(self) -> list[Finding]:
        found, self.findings = self.findings, []
        return found

    def entry(self, node: yaml.Node) -> tuple[object, dict[str, Location]]:
        if not isinstance(node, yaml.MappingNode) or node.tag != _MAP:
            return self.value(node, 1), {}
        record: dict[Any, Any] = {}
        locations: dict[str, Location] = {}
        keys: dict[Any, Location] = {}
        for key_node, value_node in self._pairs(node):
            key = self.value(key_node, 2)
            key_location = _at(self.name, key_node.start_mark)
            if key in keys:
                self.findings.append(Finding(
                    "calendar.duplicate-key", Severity.ERROR,
                    f"duplicate key {key!r} (first at line {keys[key].line}); "
                    "only the first is read", key_location))
                continue
            try:
                keys[key] = key_location
            except TypeError:  # an unhashable key such as a list
                self.findings.append(Finding("calendar.bad-value", Severity.ERROR,
                                             "a key must be text; ignored", key_location))
                continue
            record[key] = self.value(value_node, 1)
            if isinstance(key, str):
                locations[key] = _at(self.name, value_node.start_mark)
        return record, locations

    def _pairs(self, node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node]]:
        """Key/value pairs with ``<<`` merges resolved (explicit keys win, as YAML says)."""
        own = [(k, v) for k, v in node.value if k.tag != _MERGE]
        merged: list[tuple[yaml.Node, yaml.Node]] = []
        for key, value in node.value:
            if key.tag != _MERGE:
                continue
            sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for src in sources:
                if isinstance(src, yaml.MappingNode):
                    merged.extend((k, v) for k, v in src.value if k.tag != _MERGE)
        if not merged:
            return own
        names = {k.value for k, _ in own if isinstance(k, yaml.ScalarNode)}
        seen: set[object] = set()
        for key, value in merged:
            if isinstance(key, yaml.ScalarNode) and key.value not in names | seen:
                seen.add(key.value)
                own.append((key, value))
        return own

    def value(self, node: yaml.Node, depth: int) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                return node.value
            try:
                return self._constructor.construct_object(node)
            except (yaml.constructor.ConstructorError, ValueError, OverflowError, TypeError):
                self.findings.append(Finding(
                    "calendar.bad-value", Severity.ERROR,
                    f"cannot read {node.value!r} as {node.tag}; ignored",
                    _at(self.name, node.start_mark)))
                return None
        if node.tag not in (_SEQ, _MAP):
            self.findings.append(Finding(
                "calendar.bad-value", Severity.ERROR, f"unsupported YAML tag {node.tag}; ignored",
                _at(self.name, node.start_mark)))
            return None
        if depth <= 0:
            return _NESTED
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, depth - 1) for item in node.value]
        return {"": _NESTED}


def _at(name: str, mark: Any) -> Location:
    return Location(name, mark.line + 1, mark.column + 1)
