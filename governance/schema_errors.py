"""pydantic validation errors -> findings at the file position of the offending value."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from governance.findings import Finding, Location, Severity
from governance.source import DataPath, SourceMap

_TYPE_ERRORS = ("_type", "_parsing", "model_attributes_type")


def validation_findings(
    error: ValidationError, data: Any, smap: SourceMap, model: type[BaseModel], file: str
) -> list[Finding]:
    findings: dict[tuple[str, str, str], Finding] = {}
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        path, at_key = data_path(loc, data)
        rule, message = _describe(item, loc, path, data, model)
        on_key = at_key or item["type"] == "extra_forbidden"
        location = smap.locate(path, key=on_key) or Location(file)
        finding = Finding(rule, Severity.ERROR, message, location)
        # One finding per place and rule (a union reports each member's error), but
        # every missing key of a mapping: they all point at the mapping's key.
        distinct = message if rule == "schema.missing-key" else ""
        findings.setdefault((str(location), rule, distinct), finding)
    return list(findings.values())


def data_path(loc: tuple[Any, ...], data: Any) -> tuple[DataPath, bool]:
    """pydantic's ``loc`` without union/validator segments that are not in the data.

    Returns the path and whether the error is about a mapping key.
    """
    path: list[str | int] = []
    node = data
    at_key = False
    for seg in loc:
        if seg == "[key]":
            at_key = True
            continue
        if _has(node, seg):
            path.append(seg)
            node = node[seg]
        elif isinstance(node, dict) and isinstance(seg, str) and not _is_union_label(seg):
            path.append(seg)  # a missing or unknown key: the last real segment
            node = None
    return tuple(path), at_key


def _is_union_label(seg: str) -> bool:
    return "[" in seg or seg in {"str", "int", "bool", "float", "list", "dict"} or (
        seg.islower() and "-" not in seg and seg in _RULE_TYPE_TAGS
    )


def _rule_type_tags() -> frozenset[str]:
    """The ``type:`` of every declared rule model: pydantic's labels for the union."""
    from governance.models.rules import DeclaredRule

    (union, _) = typing.get_args(DeclaredRule)
    return frozenset(tag for model in typing.get_args(union)
                     for tag in typing.get_args(model.model_fields["type"].annotation))


_RULE_TYPE_TAGS = _rule_type_tags()


def _describe(
    item: Any, loc: tuple[Any, ...], path: DataPath, data: Any, model: type[BaseModel]
) -> tuple[str, str]:
    kind = item["type"]
    where = dotted(path)
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else ""
        allowed = sorted(allowed_keys(model, path[:-1], data))
        hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
        parent = dotted(path[:-1]) or "the top level"
        return "schema.unknown-key", f"unknown key {key!r} in {parent}{suggestion}"
    if kind == "missing":
        parent = dotted(path[:-1]) or "the top level"
        return "schema.missing-key", f"missing required key {str(path[-1])!r} in {parent}"
    message = _clean(item["msg"])
    if kind.startswith("union_tag"):
        return "schema.value", f"{where}: {message}"
    rule = "schema.type" if any(kind.endswith(t) for t in _TYPE_ERRORS) else "schema.value"
    return rule, f"{where}: {message}" if where else message


def _clean(msg: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            msg = msg[len(prefix):]
    return " ".join(msg.split())


def dotted(path: DataPath) -> str:
    text = ""
    for seg in path:
        text += f"[{seg}]" if isinstance(seg, int) else (f".{seg}" if text else str(seg))
    return text


def allowed_keys(model: type[BaseModel], path: DataPath, data: Any) -> set[str]:
    """Field names (aliases) accepted at ``path``, following the data through unions."""
    current: Any = model
    node = data
    for seg in path:
        parent = node
        node = node[seg] if _has(node, seg) else None
        current = _step(current, seg, node, parent)
        if current is None:
            return set()
    current = _pick_model(current, node)
    if current is None:
        return set()
    return {f.alias or name for name, f in current.model_fields.items()}


def _has(node: Any, seg: str | int) -> bool:
    if isinstance(node, dict):
        return seg in node
    return isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node)


def _step(annotation: Any, seg: str | int, node: Any, parent: Any = None) -> Any:
    model = _pick_model(annotation, node if isinstance(seg, int) else parent)
    if isinstance(seg, str) and model is not None:
        field = next((f for n, f in model.model_fields.items() if seg in (n, f.alias)), None)
        return field.annotation if field else None
    for inner in _members(annotation):
        origin = typing.get_origin(inner)
        if origin is list and isinstance(seg, int):
            return typing.get_args(inner)[0]
        if origin is dict and isinstance(seg, str):
            return typing.get_args(inner)[1]
    return None


def _members(annotation: Any) -> Iterator[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _members(typing.get_args(annotation)[0])
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _members(arg)
    else:
        yield annotation


def _pick_model(annotation: Any, node: Any) -> type[BaseModel] | None:
    models = [m for m in _members(annotation) if isinstance(m, type) and issubclass(m, BaseModel)]
    tag = node.get("type") if isinstance(node, dict) else None
    for candidate in models:
        field = candidate.model_fields.get("type")
        if tag is not None and field is not None and tag in typing.get_args(field.annotation):
            return candidate
    if isinstance(node, dict) and len(models) > 1:
        # Untagged unions (conditions): the model whose required keys are given, else the
        # one that knows most of the keys given.
        return max(models, key=lambda m: (len(set(node) & _aliases(m, required=True)),
                                          len(set(node) & _aliases(m))))
    return models[0] if models else None


def _aliases(model: type[BaseModel], required: bool = False) -> set[str]:
    return {f.alias or name for name, f in model.model_fields.items()
            if f.is_required() or not required}
