"""YAML with positions: the one place that knows where a value came from.

``parse_yaml`` turns YAML text into a tree of ``Node`` (value + position) without
ever constructing Python objects from tags, rejecting duplicate keys, recursive
aliases and alias-expansion bombs, and reporting each problem as a finding.
``SourceMap`` maps a data path such as ``("channels", 2, "owner")`` to the
``Location`` of that value (or of its key).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from governance.findings import Finding, Location, Severity

DataPath = tuple[str | int, ...]

#: Values a single document may expand to, aliases included. A real policy has a
#: few thousand; a "billion laughs" document hits this long before memory runs out.
MAX_NODES = 50_000
MAX_DEPTH = 64

_SCALAR_CONSTRUCTOR = yaml.constructor.SafeConstructor()
#: libyaml's safe loader when PyYAML was built with it (see ``_compose``).
_C_LOADER: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)
_MERGE_TAG = "tag:yaml.org,2002:merge"
#: Plain mappings and lists; any other tag on a collection (!!set, !!python/...) is refused.
_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


@dataclass
class Node:
    """A YAML value with the position of the value and, for mapping values, of its key."""

    value: Any  # dict[str, Node] | list[Node] | scalar
    location: Location
    key_location: Location | None = None

    def plain(self) -> Any:
        """The value as plain Python data (dicts, lists, scalars)."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


@dataclass
class SourceMap:
    """Data path -> location, for values and for mapping keys."""

    values: dict[DataPath, Location] = field(default_factory=dict)
    keys: dict[DataPath, Location] = field(default_factory=dict)

    @classmethod
    def of(cls, root: Node) -> SourceMap:
        smap = cls()
        for path, node in walk(root):
            smap.values[path] = node.location
            if node.key_location is not None:
                smap.keys[path] = node.key_location
        return smap

    def locate(self, path: DataPath, key: bool = False) -> Location | None:
        """The location of ``path``, or of its nearest ancestor the map knows."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            found = table.get(prefix) or self.values.get(prefix)
            if found is not None:
                return found
        return None


def walk(node: Node, path: DataPath = ()) -> Iterator[tuple[DataPath, Node]]:
    yield path, node
    if isinstance(node.value, dict):
        for key, child in node.value.items():
            yield from walk(child, (*path, key))
    elif isinstance(node.value, list):
        for index, child in enumerate(node.value):
            yield from walk(child, (*path, index))


class _BudgetError(Exception):
    def __init__(self, rule: str, message: str, location: Location) -> None:
        super().__init__(message)
        self.rule = rule
        self.location = location


@dataclass
class _Builder:
    file: str
    findings: list[Finding] = field(default_factory=list)
    count: int = 0
    active: set[int] = field(default_factory=set)

    def loc(self, mark: Any) -> Location:
        return Location(self.file, mark.line + 1, mark.column + 1)

    def error(self, rule: str, message: str, mark: Any) -> None:
        self.findings.append(Finding(rule, Severity.ERROR, message, self.loc(mark)))

    def build(self, node: yaml.Node, depth: int = 0) -> Node:
        self.count += 1
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            raise _BudgetError(
                "yaml.too-large",
                f"document expands to more than {MAX_NODES:,} values or {MAX_DEPTH} levels "
                "(alias expansion?); refusing to load it",
                self.loc(node.start_mark),
            )
        if id(node) in self.active:
            raise _BudgetError(
                "yaml.alias", "recursive alias: a value contains itself", self.loc(node.start_mark)
            )
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.CollectionNode) and node.tag not in _COLLECTION_TAGS:
                self.error("yaml.tag", f"unsupported YAML tag {node.tag!r}", node.start_mark)
            if isinstance(node, yaml.MappingNode):
                return Node(self._mapping(node, depth), self.loc(node.start_mark))
            if isinstance(node, yaml.SequenceNode):
                items = [self.build(item, depth + 1) for item in node.value]
                return Node(items, self.loc(node.start_mark))
            return Node(self._scalar(node), self.loc(node.start_mark))
        finally:
            self.active.discard(id(node))

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            return _SCALAR_CONSTRUCTOR.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            self.error("yaml.tag", f"unsupported YAML tag {node.tag!r}", node.start_mark)
        except ValueError as exc:  # a date-shaped value that is no date: 2026-02-30
            self.error("yaml.value", f"{node.value!r} is not a valid value: {exc}",
                       node.start_mark)
        return None

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Node]:
        result: dict[str, Node] = {}
        merged: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merged.update(self._merge_source(value_node, depth))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.error("yaml.key", "mapping keys must be plain text", key_node.start_mark)
                continue
            key = str(key_node.value)
            if key in result:
                first = result[key].key_location
                where = f" (first defined at line {first.line})" if first else ""
                self.error("yaml.duplicate-key", f"duplicate key {key!r}{where}",
                           key_node.start_mark)
                continue
            child = self.build(value_node, depth + 1)
            child.key_location = self.loc(key_node.start_mark)
            result[key] = child
        for key, child in merged.items():
            result.setdefault(key, child)
        return result

    def _merge_source(self, node: yaml.Node, depth: int) -> dict[str, Node]:
        """``<<: *base`` or ``<<: [*a, *b]``: earlier sources win, as YAML specifies."""
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        merged: dict[str, Node] = {}
        for source in sources:
            built = self.build(source, depth + 1)
            if not isinstance(built.value, dict):
                self.error("yaml.merge", "'<<' takes a mapping or a list of mappings",
                           source.start_mark)
                continue
            for key, child in built.value.items():
                merged.setdefault(key, child)
        return merged


def _compose(text: str) -> yaml.Node | None:
    """The node tree of ``text``, composed by libyaml when it is there.

    libyaml's nodes carry the same tags and start positions as the pure-Python
    composer's, ten times sooner, but for empty values (``owner:`` with nothing
    after it), which it places elsewhere, and it reads some tabs the
    pure-Python scanner refuses: a document holding either, and any problem
    (libyaml also refuses nesting deeper than 1,000 levels), is left to the
    pure-Python composer, whose positions, messages and limits the findings
    are written for.
    """
    if _C_LOADER is not None and "\t" not in text:
        try:
            root = yaml.compose(text, Loader=_C_LOADER)
        except yaml.YAMLError:
            pass
        else:
            if not _holds_an_empty_value(root):
                return root
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _holds_an_empty_value(root: yaml.Node | None) -> bool:
    # Each node once: aliases make the tree a graph, recursive or exponentially wide.
    pending = [root] if root is not None else []
    seen: set[int] = set()
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if not node.value and not node.style:
                return True
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                pending.append(key)
                pending.append(value)
    return False


def parse_yaml(text: str, file: str) -> tuple[Node | None, list[Finding]]:
    """Parse one YAML document into a positioned tree; problems become findings.

    Returns ``(None, findings)`` when the text is not YAML at all, and an empty
    tree for an empty document.
    """
    builder = _Builder(file)
    try:
        root = _compose(text)
    except yaml.YAMLError as exc:
        return None, [_syntax_finding(exc, text, builder)]
    except RecursionError:  # the composer recurses once per nesting level
        return None, [Finding("yaml.too-large", Severity.ERROR,
                              f"document nests values more than {MAX_DEPTH} levels deep; "
                              "refusing to load it", Location(file))]
    if root is None:
        return Node({}, Location(file, 1, 1)), []
    try:
        tree = builder.build(root)
    except _BudgetError as exc:
        return None, [Finding(exc.rule, Severity.ERROR, str(exc), exc.location)]
    return tree, builder.findings


def _syntax_finding(exc: yaml.YAMLError, text: str, builder: _Builder) -> Finding:
    if isinstance(exc, yaml.reader.ReaderError):  # control characters
        before = _LINE_BREAK.split(text[: exc.position])
        where = Location(builder.file, len(before), len(before[-1]) + 1)
        char = exc.character
        code = f"#x{char:04x}" if isinstance(char, int) else repr(char)
        reason = f"character {code} is not allowed in YAML ({exc.reason})"
        return Finding("yaml.syntax", Severity.ERROR, f"YAML: {reason}", where)
    if not isinstance(exc, yaml.MarkedYAMLError):
        message = " ".join(str(exc).split())
        return Finding("yaml.syntax", Severity.ERROR, f"YAML: {message}", Location(builder.file))
    mark = exc.problem_mark or exc.context_mark
    location = builder.loc(mark) if mark else Location(builder.file)
    return Finding("yaml.syntax", Severity.ERROR, f"YAML syntax: {_explain(exc)}", location)


def _explain(exc: yaml.MarkedYAMLError) -> str:
    """The problem, with the context where PyYAML's problem alone reads as half a sentence."""
    problem = (exc.problem or str(exc)).strip()
    context = (exc.context or "").strip()
    if problem == "second occurrence" and context and exc.context_mark:
        # "found duplicate anchor 'x'; first occurrence" + "second occurrence"
        anchor = context.split(";")[0].removeprefix("found ")
        return f"{anchor} (first at line {exc.context_mark.line + 1})"
    if problem.startswith("but ") and context:
        return f"{context}, {problem}"
    return problem


_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
