"""The JSON Schemas in ``schemas/`` are the models' own, and every shipped YAML file obeys them.

Editors validate policy files through the ``# yaml-language-server: $schema=...``
line at the top of each file, so a schema that drifts from the pydantic models,
or a shipped file the schema rejects, shows users red squiggles in files the
project itself ships.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from governance.schemas import render_schemas

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
POLICIES = ROOT / "policies"
SHIPPED_YAML = sorted(p for p in POLICIES.rglob("*") if p.suffix in (".yaml", ".yml")
                      and "tests" not in p.relative_to(POLICIES).parts)
#: Policy test cases (``governance test``) live in ``tests/`` beside a policy.
SHIPPED_TESTS = sorted(p for p in POLICIES.rglob("tests/*.yaml"))
DIRECTIVE = "# yaml-language-server: $schema="


def _shipped_id(path: Path) -> str:
    return str(path.relative_to(POLICIES))


def _json_ready(value: Any) -> Any:
    """YAML data as JSON would carry it: dates and times become ISO 8601 text."""
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def _file_validator() -> jsonschema.Draft202012Validator:
    """The policy schema as it applies to one file of a policy directory.

    A policy is split into files that each hold some top-level sections, and
    packs hold ``pack:`` with a few sections. The schema describes the whole
    policy, so each file is validated against it with the top-level
    ``required`` list dropped (today it has none): every section a file does
    hold must be complete and free of unknown keys, while whether the policy
    as a whole is complete is what ``governance check`` judges after loading.
    """
    schema = json.loads((SCHEMAS / "policy.schema.json").read_text(encoding="utf-8"))
    schema.pop("required", None)
    return jsonschema.Draft202012Validator(schema)


def _errors(data: Any) -> list[str]:
    """Every error, including those under ``anyOf`` (optional sections are ``X | null``)."""
    found: list[str] = []
    pending = list(_file_validator().iter_errors(_json_ready(data)))
    while pending:
        error = pending.pop()
        found.append(f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}")
        pending.extend(error.context or ())
    return sorted(found)


@pytest.mark.parametrize(("name", "text"), sorted(render_schemas().items()))
def test_schema_files_match_the_models(name: str, text: str) -> None:
    path = SCHEMAS / name
    assert path.is_file(), f"{path} is missing: run 'python -m governance schema'"
    assert path.read_text(encoding="utf-8") == text, (
        f"{path} differs from the models: run 'python -m governance schema' and commit it")


def test_no_stale_schema_files() -> None:
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(render_schemas())


def test_policies_are_shipped() -> None:
    # Guards the parametrized tests below against silently checking nothing.
    assert {p.parent.name for p in SHIPPED_YAML} >= {
        "example", "network-limits", "ftc-disclosure", "ru-advertising"}


@pytest.mark.parametrize("path", SHIPPED_YAML, ids=_shipped_id)
def test_shipped_file_validates_against_the_policy_schema(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path} holds no sections"
    assert _errors(data) == []


@pytest.mark.parametrize("path", SHIPPED_YAML, ids=_shipped_id)
def test_shipped_file_points_editors_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(DIRECTIVE), f"{path} does not start with {DIRECTIVE!r}"
    target = (path.parent / first[len(DIRECTIVE):].strip()).resolve()
    assert target == (SCHEMAS / "policy.schema.json").resolve()


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["channels"][0].update(colour="red"), "Additional properties"),
        (lambda d: d["channels"][0].update(network="myspace"), "is not one of"),
        (lambda d: d["channels"][0].pop("owner"), "'owner' is a required property"),
        (lambda d: d["channels"][0]["cadence"].update(max_per_day=0), "less than the minimum"),
    ],
    ids=["unknown-key", "unknown-network", "missing-owner", "below-minimum"],
)
def test_the_file_schema_still_rejects_broken_sections(mutate: Any, expected: str) -> None:
    data = yaml.safe_load((POLICIES / "example" / "channels.yaml").read_text(encoding="utf-8"))
    broken = copy.deepcopy(data)
    mutate(broken)
    assert _errors(data) == []
    assert any(expected in error for error in _errors(broken)), _errors(broken)


def test_example_policy_tests_are_shipped() -> None:
    assert [p.parent.parent.name for p in SHIPPED_TESTS][:1] == ["example"]


@pytest.mark.parametrize("path", SHIPPED_TESTS, ids=_shipped_id)
def test_shipped_policy_tests_validate_against_their_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(DIRECTIVE)
    target = (path.parent / first[len(DIRECTIVE):].strip()).resolve()
    assert target == (SCHEMAS / "policy-tests.schema.json").resolve()
    schema = json.loads(target.read_text(encoding="utf-8"))
    data = _json_ready(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
