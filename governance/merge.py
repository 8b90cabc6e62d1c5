"""Composition: a policy over its bases, without copying them.

Rules, applied to positioned trees so every value keeps the file it came from:
- mappings merge key by key; a scalar or a list replaces the base's;
- lists of mappings with an ``id`` merge item by item (same id: merged; new: appended);
- ``key+: [...]`` adds items to the base's list, ``key-: [...]`` removes items
  (by value, or by id for lists of mappings with ids).
"""

from __future__ import annotations

from governance.findings import Finding, Severity
from governance.source import Node


def merge(base: Node, child: Node, findings: list[Finding]) -> Node:
    """``child`` over ``base``; neither is modified."""
    if isinstance(base.value, dict) and isinstance(child.value, dict):
        return _merge_mappings(base, child, findings)
    if _is_id_list(base) and _is_id_list(child):
        return Node(_merge_by_id(base.value, child.value, findings), child.location,
                    child.key_location)
    return child


def strip_operators(node: Node, findings: list[Finding]) -> Node:
    """A policy with no base: ``key+`` means ``key``; ``key-`` has nothing to remove."""
    if isinstance(node.value, list):
        return Node([strip_operators(item, findings) for item in node.value], node.location,
                    node.key_location)
    if not isinstance(node.value, dict):
        return node
    result: dict[str, Node] = {}
    for key, child in node.value.items():
        if key.endswith("-") and len(key) > 1:
            continue
        name = key[:-1] if key.endswith("+") and len(key) > 1 else key
        if name in result:
            _conflict(name, child, findings)
            continue
        result[name] = strip_operators(child, findings)
    return Node(result, node.location, node.key_location)


def _merge_mappings(base: Node, child: Node, findings: list[Finding]) -> Node:
    result = dict(base.value)
    for key, value in child.value.items():
        if key.endswith("+") and len(key) > 1:
            name = key[:-1]
            result[name] = _add_items(result.get(name), value, findings)
        elif key.endswith("-") and len(key) > 1:
            name = key[:-1]
            if name in result:
                result[name] = _remove_items(result[name], value, findings)
        elif key in result:
            result[key] = merge(result[key], value, findings)
        else:
            result[key] = strip_operators(value, findings)
    return Node(result, child.location, child.key_location)


def _is_id_list(node: Node) -> bool:
    items = node.value
    return isinstance(items, list) and bool(items) and all(
        isinstance(i.value, dict) and "id" in i.value for i in items
    )


def _item_id(item: Node) -> object:
    if isinstance(item.value, dict) and "id" in item.value:
        return item.value["id"].value
    return item.value


def _merge_by_id(base: list[Node], child: list[Node], findings: list[Finding]) -> list[Node]:
    merged = list(base)
    index = {_item_id(item): pos for pos, item in enumerate(merged)}
    given: set[object] = set()
    for item in child:
        key = _item_id(item)
        # An id the child gives twice stays twice, so the duplicate-id check sees it.
        if key in index and key not in given:
            merged[index[key]] = merge(merged[index[key]], item, findings)
        else:
            index[key] = len(merged)
            merged.append(strip_operators(item, findings))
        given.add(key)
    return merged


def _add_items(base: Node | None, added: Node, findings: list[Finding]) -> Node:
    if not isinstance(added.value, list):
        _needs_list(added, findings)
        return base if base is not None else added
    if base is None or not isinstance(base.value, list):
        return Node(list(added.value), added.location, added.key_location)
    if _is_id_list(base) and _is_id_list(added):
        return Node(_merge_by_id(base.value, added.value, findings), base.location,
                    base.key_location)
    present = {_item_id(item) for item in base.value if not isinstance(item.value, dict)}
    extra = [item for item in added.value if _item_id(item) not in present]
    return Node([*base.value, *extra], base.location, base.key_location)


def _remove_items(base: Node, removed: Node, findings: list[Finding]) -> Node:
    if not isinstance(removed.value, list) or not isinstance(base.value, list):
        _needs_list(removed, findings)
        return base
    doomed = {item.value for item in removed.value if not isinstance(item.value, (dict, list))}
    kept = [item for item in base.value if _item_id(item) not in doomed]
    return Node(kept, base.location, base.key_location)


def _needs_list(node: Node, findings: list[Finding]) -> None:
    findings.append(Finding("policy.merge", Severity.ERROR,
                            "'key+' and 'key-' take a list of items to add or remove",
                            node.key_location or node.location))


def _conflict(name: str, node: Node, findings: list[Finding]) -> None:
    findings.append(Finding("policy.merge", Severity.ERROR,
                            f"{name!r} is given both plainly and with '+'",
                            node.key_location or node.location))
