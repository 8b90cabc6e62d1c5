"""The positioned YAML tree: positions, duplicate keys, tags, aliases, bombs."""

from __future__ import annotations

import pytest

from governance.findings import Location
from governance.source import SourceMap, parse_yaml


def rules_of(text: str) -> list[str]:
    return [f.rule for f in parse_yaml(text, "f.yaml")[1]]


@pytest.mark.parametrize(
    ("text", "path", "key", "expected"),
    [
        ("a: 1\nb: [x, {c: 2}]\n", ("b", 1, "c"), False, "f.yaml:2:12"),
        ("a: 1\nb: [x, {c: 2}]\n", ("b", 1, "c"), True, "f.yaml:2:9"),
        ("a: 1\nb: [x, {c: 2}]\n", ("b", 1, "missing"), False, "f.yaml:2:8"),
        ("a:\n  - id: x\n    role: y\n", ("a", 0, "role"), True, "f.yaml:3:5"),
        ("a: 1\n", ("zzz",), False, "f.yaml:1:1"),
    ],
)
def test_source_map_locates_values_keys_and_nearest_ancestor(
    text: str, path: tuple[str | int, ...], key: bool, expected: str
) -> None:
    tree, findings = parse_yaml(text, "f.yaml")
    assert tree is not None and not findings
    assert str(SourceMap.of(tree).locate(path, key=key)) == expected


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("a: 1\na: 2\n", "yaml.duplicate-key"),
        ("a: !!python/object:os.system x\n", "yaml.tag"),
        ("a: !custom x\n", "yaml.tag"),
        ("a: &x [*x]\n", "yaml.alias"),
        ("a: [1,\n", "yaml.syntax"),
        ("a: b: c\n", "yaml.syntax"),
        ("a: 1\n---\nb: 2\n", "yaml.syntax"),
        ("a: \x07\n", "yaml.syntax"),
        ("? [a, b]\n: 1\n", "yaml.key"),
    ],
)
def test_bad_yaml_is_a_finding_not_an_exception(text: str, rule: str) -> None:
    assert rule in rules_of(text)


def test_duplicate_key_names_the_first_line() -> None:
    _, findings = parse_yaml("roles: 1\nother: 2\nroles: 3\n", "f.yaml")
    assert [str(f.location) for f in findings] == ["f.yaml:3:1"]
    assert "first defined at line 1" in findings[0].message


def test_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    tree, findings = parse_yaml("\n".join(lines) + "\n", "bomb.yaml")
    assert tree is None
    assert [f.rule for f in findings] == ["yaml.too-large"]


def test_plain_aliases_and_merge_keys_still_work() -> None:
    text = "base: &b {x: 1, y: 2}\nchild:\n  <<: *b\n  y: 3\nlist: [*b]\n"
    tree, findings = parse_yaml(text, "f.yaml")
    assert not findings and tree is not None
    assert tree.plain() == {
        "base": {"x": 1, "y": 2},
        "child": {"y": 3, "x": 1},
        "list": [{"x": 1, "y": 2}],
    }


def test_keys_stay_text_even_when_yaml_would_read_them_as_booleans() -> None:
    tree, _ = parse_yaml("raci: {no: A, on: R, 1: I}\n", "f.yaml")
    assert tree is not None
    assert list(tree.plain()["raci"]) == ["no", "on", "1"]


def test_empty_document_is_an_empty_mapping() -> None:
    tree, findings = parse_yaml("# only a comment\n", "f.yaml")
    assert tree is not None and tree.plain() == {} and not findings


def test_location_formats() -> None:
    assert str(Location("a.csv", 12, 0)) == "a.csv:12:1"
    assert str(Location("a.xlsx", 12, 2, "Posts!B12")) == "a.xlsx:Posts!B12"
    assert str(Location("a.yaml")) == "a.yaml"
