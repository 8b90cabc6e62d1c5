"""libyaml composes what the pure-Python composer does: same tags, values, start positions.

``parse_yaml`` lets libyaml compose a document when it can and falls back to
the pure-Python composer on any problem; these tests hold the two to the same
tree on every YAML file of the project and on generated documents.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.source import _compose, parse_yaml

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*ROOT.glob("*.yaml"), *(p for top in ("policies", "tests", "templates", "schemas")
                                        for p in (ROOT / top).glob("**/*.yaml"))])
PIECES = ["a", "b", ": ", "- ", "\n", "  ", "\t", "«ж»", "🚀", "й\u0306", '"', "'", "[", "]",
          "{", "}", ",", "#", "&x ", "*x", "<<: ", "!!str ", "|\n", ">-\n", "\r\n", "1", "?"]


def shape(node: yaml.Node | None) -> Any:
    if node is None:
        return None
    # Findings point at where a value starts; the end of an empty value is
    # placed differently by the two and read by nothing.
    marks = (node.start_mark.line, node.start_mark.column, node.start_mark.index)
    if isinstance(node, yaml.MappingNode):
        return (node.tag, marks, [(shape(k), shape(v)) for k, v in node.value])
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, marks, [shape(v) for v in node.value])
    # libyaml calls a plain scalar's style "", the pure-Python composer None;
    # nothing reads the style.
    return (node.tag, marks, node.value, node.style or None)


def python_shape(text: str) -> Any:
    return shape(yaml.compose(text, Loader=yaml.SafeLoader))


def test_libyaml_is_there() -> None:
    assert getattr(yaml, "CSafeLoader", None) is not None


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_tree_on_the_project_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        expected = python_shape(text)
    except yaml.YAMLError:
        return  # a broken file of the tests: the pure-Python composer reads it either way
    assert shape(_compose(text)) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_same_tree_or_the_same_error(text: str) -> None:
    try:
        expected = python_shape(text)
    except yaml.YAMLError as exc:
        with pytest.raises(type(exc)) as raised:
            _compose(text)
        assert str(raised.value) == str(exc)
        return
    assert shape(_compose(text)) == expected


def test_deep_nesting_is_refused_as_before() -> None:
    tree, findings = parse_yaml("[" * 5000 + "]" * 5000, "deep.yaml")
    assert tree is None
    assert [f.rule for f in findings] == ["yaml.too-large"]


def _bomb(levels: int) -> str:
    names = ["a", *(f"e{i}" for i in range(levels))]
    return "a: &a [1, 2]\n" + "".join(f"{name}: &{name} [*{before}, *{before}, *{before}]\n"
                                     for before, name in itertools.pairwise(names))


@pytest.mark.parametrize("text", ["a: &x [*x]", _bomb(40)])
def test_aliases_are_walked_once(text: str) -> None:
    tree, findings = parse_yaml(text, "alias.yaml")
    assert findings and tree is None
