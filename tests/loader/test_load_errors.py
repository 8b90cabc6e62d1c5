"""Bad policy files become findings at their position, never exceptions.

Each case is a set of files (name -> text or bytes) and the findings expected,
written ``"file:line:col rule: message substring"``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.cli import cli
from governance.errors import UsageError
from governance.findings import Finding
from governance.loader import load_policy

ORG = "organisation: {name: Test, policy_version: '1', effective_date: 2026-01-01}\n"
ROLES = ("roles:\n  - {id: smm-lead, title: Head of SMM}\n"
         "  - {id: ceo, title: CEO, executive: true}\n")
#: Eight levels of nine aliases each: 9**8 values once expanded ("billion laughs").
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefg", "bcdefgh", strict=True)
)

CASES: list[tuple[str, dict[str, str | bytes], list[str]]] = [
    ("duplicate key", {"p.yaml": ORG + ROLES + "roles: []\n"},
     ["p.yaml:5:1 yaml.duplicate-key: duplicate key 'roles' (first defined at line 2)"]),
    ("duplicate key in a nested mapping", {"p.yaml": ORG + "tone:\n  voice: a\n  voice: b\n"},
     ["p.yaml:4:3 yaml.duplicate-key: duplicate key 'voice'"]),
    ("a section in two files", {"a.yaml": ORG + ROLES, "b.yaml": "roles: []\n"},
     ["b.yaml:1:1 policy.duplicate-section: section 'roles' is also defined at "]),
    ("unknown key with a suggestion", {"p.yaml": ORG + "chanels: []\n"},
     ["p.yaml:2:1 schema.unknown-key: unknown key 'chanels' in the top level "
      "(did you mean 'channels'?)"]),
    ("unknown nested key with a suggestion", {"p.yaml": ORG + ROLES.replace("title:", "titel:", 1)},
     ["p.yaml:3:20 schema.unknown-key: unknown key 'titel' in roles[0] (did you mean 'title'?)",
      "p.yaml:3:5 schema.missing-key: missing required key 'title' in roles[0]"]),
    ("a list where a mapping belongs", {"p.yaml": ORG + "workflow: [a, b]\n"},
     ["p.yaml:2:11 schema.type: workflow: Input should be a valid dictionary"]),
    ("a word where a number belongs", {"p.yaml": ORG + ROLES + (
        "channels:\n  - {id: vk, network: vk, handle: h, purpose: brand, owner: ceo,\n"
        "     response_time_minutes: soon}\n")},
     ["p.yaml:7:29 schema.type: channels[0].response_time_minutes: Input should be a valid "
      "integer"]),
    ("an unknown enum value", {"p.yaml": ORG + ROLES.replace("CEO,", "CEO, type: partner,")},
     ["p.yaml:4:33 schema.value: roles[1].type: Input should be 'internal', 'agency' or "
      "'external'"]),
    ("a missing reference with a suggestion", {"p.yaml": ORG + ROLES + (
        "workflow:\n  activities:\n    - {id: plan, name: Plan, raci: {ceo: A, smm-led: R}}\n")},
     ["p.yaml:7:45 ref.unknown-role: unknown role 'smm-led' (did you mean 'smm-lead'?)"]),
    ("a missing goal", {"p.yaml": ORG + ROLES + (
        "channels:\n  - {id: vk, network: vk, handle: h, purpose: brand, owner: ceo, "
        "goals: [sales]}\n")},
     ["p.yaml:6:74 ref.unknown-goal: unknown goal 'sales'"]),
    ("a typo deep in a nested condition", {"p.yaml": ORG + (
        "content:\n  rules:\n    - {id: a.b, type: existence, tokens: [x], message: m,\n"
        "       when: {any: [{field: kind, equals: a}, {not: {field: text, patern: b}}]}}\n")},
     ["p.yaml:5:67 schema.unknown-key: unknown key 'patern' in content.rules[0].when.any[1].not "
      "(did you mean 'pattern'?)"]),
    ("a key beside all", {"p.yaml": ORG + (
        "content:\n  rules:\n    - {id: a.b, type: existence, tokens: [x], message: m,\n"
        "       when: {all: [{field: kind, equals: a}], field: text}}\n")},
     ["p.yaml:5:48 schema.unknown-key: unknown key 'field' in content.rules[0].when"]),
    ("an unknown reference in an exception", {"p.yaml": ORG + ROLES + (
        "content:\n  rules:\n    - {id: a.b, type: existence, tokens: [x], message: m,\n"
        "       applies_to: {except: {channels: [nope]}}}\n")},
     ["p.yaml:8:41 ref.unknown-channel: unknown channel 'nope'"]),
    ("a Python tag", {"p.yaml": ORG + "tone: !!python/object/apply:os.system [ls]\n"},
     ["p.yaml:2:7 yaml.tag: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:"
      "os.system'"]),
    ("a Python tag on a mapping", {"p.yaml": ORG + "tone: !!python/object:x.Y {voice: a}\n"},
     ["p.yaml:2:7 yaml.tag: unsupported YAML tag 'tag:yaml.org,2002:python/object:x.Y'"]),
    ("a set", {"p.yaml": ORG + "tone: {principles: !!set {a, b}}\n"},
     ["p.yaml:2:20 yaml.tag: unsupported YAML tag 'tag:yaml.org,2002:set'"]),
    ("a local tag", {"p.yaml": ORG + "tone: {voice: !shout hi}\n"},
     ["p.yaml:2:15 yaml.tag: unsupported YAML tag '!shout'"]),
    ("a recursive alias", {"p.yaml": ORG + "tone: &t {examples: [*t]}\n"},
     ["p.yaml:2:7 yaml.alias: recursive alias: a value contains itself"]),
    ("an alias bomb", {"p.yaml": ORG + BOMB},
     ["p.yaml:2:26 yaml.too-large: document expands to more than 50,000 values"]),
    ("nesting deeper than the parser goes", {"p.yaml": "a: " + "[" * 3000 + "]" * 3000},
     ["p.yaml yaml.too-large: document nests values more than 64 levels deep"]),
    ("a duplicate anchor", {"p.yaml": ORG + "a: &x 1\nb: &x 2\n"},
     ["p.yaml:3:4 yaml.syntax: YAML syntax: duplicate anchor 'x' (first at line 2)"]),
    ("two documents in one file", {"p.yaml": ORG + "---\nroles: []\n"},
     ["p.yaml:2:1 yaml.syntax: YAML syntax: expected a single document in the stream, but "
      "found another document"]),
    ("a bad indentation", {"p.yaml": ORG + "tone:\n  voice: a\n   principles: []\n"},
     ["p.yaml:4:14 yaml.syntax: YAML syntax: mapping values are not allowed here"]),
    ("a date that does not exist", {"p.yaml": ORG.replace("2026-01-01", "2026-02-30")},
     ["p.yaml:1:65 yaml.value: '2026-02-30' is not a valid value: day is out of range"]),
    ("a control character", {"p.yaml": ORG + "tone: {voice: \"a\x07b\"}\n"},
     ["p.yaml:2:17 yaml.syntax: YAML: character #x0007 is not allowed in YAML"]),
    ("a file that is not UTF-8", {"p.yaml": (ORG + "tone: {voice: café}\n").encode("latin-1")},
     ["p.yaml yaml.encoding: not UTF-8 text (byte 93)"]),
    ("an empty file", {"p.yaml": ""},
     ["p.yaml:1:1 schema.value: a policy needs 'organisation' (or 'pack'"]),
    ("an empty file beside a full one", {"a.yaml": ORG + ROLES, "b.yaml": ""}, []),
    ("a file holding a list", {"p.yaml": "- roles\n- channels\n"},
     ["p.yaml:1:1 policy.not-mapping: a policy file holds a mapping of sections"]),
    ("a byte-order mark", {"p.yaml": "\ufeff" + ORG + ROLES}, []),
    ("an approval naming no approver", {"p.yaml": ORG + ROLES + (
        "workflow:\n  approvals:\n    - {id: paid, when: {sponsored: true}}\n")},
     ["p.yaml:7:7 schema.value: workflow.approvals[0]: an approval needs "
      "'approvers' (any N of them) or 'all_of'"]),
    ("an approval counting what all_of does not count", {"p.yaml": ORG + ROLES + (
        "workflow:\n  approvals:\n    - {id: paid, all_of: [ceo, smm-lead], required: 2}\n")},
     ["p.yaml:7:7 schema.value: workflow.approvals[0]: 'required' counts among "
      "'approvers'"]),
    ("an unknown role in all_of", {"p.yaml": ORG + ROLES + (
        "workflow:\n  approvals:\n    - {id: paid, all_of: [ceo, smm-led]}\n")},
     ["p.yaml:7:32 ref.unknown-role: unknown role 'smm-led' (did you mean 'smm-lead'?)"]),
]


def render(finding: Finding, root: Path) -> str:
    loc = finding.location
    assert loc is not None
    where = str(loc).replace(f"{root}/", "")
    return f"{where} {finding.rule}: {finding.message}"


def load(tmp_path: Path, files: dict[str, str | bytes]) -> list[str]:
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (tmp_path / name).write_bytes(data)
    result = load_policy(tmp_path)
    return [render(f, tmp_path) for f in result.findings]


@pytest.mark.parametrize(("files", "expected"), [pytest.param(f, e, id=n) for n, f, e in CASES])
def test_bad_files_are_findings(
    tmp_path: Path, files: dict[str, str | bytes], expected: list[str]
) -> None:
    found = load(tmp_path, files)
    assert len(found) == len(expected), found
    for want in expected:
        where, _, text = want.partition(" ")
        rule, _, message = text.partition(": ")
        assert any(f.startswith(f"{where} {rule}: ") and message in f for f in found), (want, found)


def test_an_alias_bomb_is_refused_by_its_size_not_by_memory(tmp_path: Path) -> None:
    # The node budget bounds the work whatever the machine; no clock needed.
    found = load(tmp_path, {"p.yaml": ORG + BOMB})
    assert [f.split(" ")[1] for f in found] == ["yaml.too-large:"]


def test_a_directory_without_yaml_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("not a policy\n", encoding="utf-8")
    with pytest.raises(UsageError, match="no policy files"):
        load_policy(tmp_path)
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output == (
        f"governance: error: {tmp_path}: no policy files (*.yaml) in this directory\n")
