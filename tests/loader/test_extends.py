"""Composition: ``extends`` of packs and paths, ``key+``/``key-``, merge by id, cycles.

Each test writes a small tree of policy files and checks the composed policy,
or the findings, where they point.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import governance.resources
from governance.loader import LoadResult, load_policy

ORG = "organisation: {name: Test, policy_version: '1', effective_date: 2026-01-01}\n"
BASE = ORG + """\
roles:
  - {id: ceo, title: CEO, executive: true}
  - {id: smm-lead, title: Head of SMM}
  - {id: agency, title: Agency, type: agency}
channels:
  - id: vk
    network: vk
    handle: old
    purpose: brand
    owner: ceo
    responders: [smm-lead, agency]
tone:
  principles: [friendly, no officialese]
"""


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def load(root: Path, files: dict[str, str], entry: str = "policy.yaml") -> LoadResult:
    write(root, files)
    return load_policy(root / entry)


def findings(result: LoadResult, root: Path) -> list[str]:
    return [f"{str(f.location).replace(f'{root}/', '')} {f.rule}: {f.message}"
            for f in result.findings]


def test_a_child_overrides_scalars_and_keeps_the_rest(tmp_path: Path) -> None:
    result = load(tmp_path, {"base.yaml": BASE, "policy.yaml": (
        "extends: ./base.yaml\norganisation: {name: Child}\n")})
    assert result.policy is not None, findings(result, tmp_path)
    org = result.policy.policy.organisation
    assert org is not None and (org.name, org.policy_version) == ("Child", "1")
    assert [r.id for r in result.policy.policy.roles] == ["ceo", "smm-lead", "agency"]


def test_lists_with_ids_merge_item_by_item(tmp_path: Path) -> None:
    result = load(tmp_path, {"base.yaml": BASE, "policy.yaml": (
        "extends: ./base.yaml\n"
        "roles:\n  - {id: smm-lead, title: SMM lead}\n  - {id: legal, title: Legal}\n"
        "channels:\n  - {id: vk, handle: new}\n")})
    assert result.policy is not None, findings(result, tmp_path)
    policy = result.policy.policy
    assert [(r.id, r.title) for r in policy.roles] == [
        ("ceo", "CEO"), ("smm-lead", "SMM lead"), ("agency", "Agency"), ("legal", "Legal")]
    [channel] = policy.channels
    assert (channel.handle, channel.owner) == ("new", "ceo")


def test_plain_lists_replace_the_base_list(tmp_path: Path) -> None:
    result = load(tmp_path, {"base.yaml": BASE, "policy.yaml": (
        "extends: ./base.yaml\ntone: {principles: [warm]}\n"
        "channels:\n  - {id: vk, responders: [smm-lead]}\n")})
    assert result.policy is not None
    assert result.policy.policy.tone.principles == ["warm"]
    assert result.policy.policy.channels[0].responders == ["smm-lead"]


def test_key_plus_adds_and_key_minus_removes(tmp_path: Path) -> None:
    result = load(tmp_path, {"base.yaml": BASE, "policy.yaml": (
        "extends: ./base.yaml\n"
        "tone: {principles+: [warm, friendly]}\n"
        "roles-: [agency]\n"
        "channels:\n  - {id: vk, responders-: [agency]}\n")})
    assert result.policy is not None, findings(result, tmp_path)
    policy = result.policy.policy
    assert policy.tone.principles == ["friendly", "no officialese", "warm"]
    assert [r.id for r in policy.roles] == ["ceo", "smm-lead"]
    assert policy.channels[0].responders == ["smm-lead"]


def test_key_plus_on_a_list_with_ids_merges_by_id(tmp_path: Path) -> None:
    result = load(tmp_path, {"base.yaml": BASE, "policy.yaml": (
        "extends: ./base.yaml\nroles+:\n  - {id: ceo, title: Founder}\n  - {id: hr, title: HR}\n")})
    assert result.policy is not None
    assert [(r.id, r.title) for r in result.policy.policy.roles] == [
        ("ceo", "Founder"), ("smm-lead", "Head of SMM"), ("agency", "Agency"), ("hr", "HR")]


def test_key_plus_needs_a_list(tmp_path: Path) -> None:
    result = load(tmp_path, {"base.yaml": BASE, "policy.yaml": (
        "extends: ./base.yaml\nroles+: legal\n")})
    assert findings(result, tmp_path) == [
        "policy.yaml:2:1 policy.merge: 'key+' and 'key-' take a list of items to add or remove"]


def test_without_a_base_key_plus_is_the_key_and_both_at_once_conflict(tmp_path: Path) -> None:
    result = load(tmp_path, {"policy.yaml": ORG + "roles: []\nroles+: []\n"})
    assert findings(result, tmp_path) == [
        "policy.yaml:3:1 policy.merge: 'roles' is given both plainly and with '+'"]


def test_an_id_given_twice_over_a_base_is_still_a_duplicate(tmp_path: Path) -> None:
    result = load(tmp_path, {"base.yaml": BASE, "policy.yaml": (
        "extends: ./base.yaml\nroles:\n  - {id: hr, title: HR}\n  - {id: hr, title: People}\n")})
    assert findings(result, tmp_path) == [
        "policy.yaml:4:10 ref.duplicate-id: role id 'hr' is declared twice (first at line 3)"]


def test_values_from_the_base_keep_their_position(tmp_path: Path) -> None:
    result = load(tmp_path, {"base/roles.yaml": BASE.replace("owner: ceo", "owner: cfo"),
                             "policy.yaml": "extends: ./base\norganisation: {name: Child}\n"})
    assert findings(result, tmp_path) == [
        "base/roles.yaml:11:12 ref.unknown-role: unknown role 'cfo' (did you mean 'ceo'?)"]


def test_extends_a_shipped_pack_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "shipped"
    write(shipped, {"packs/limits/networks.yaml": (
        "pack: {name: limits}\nnetworks:\n  x: {max_length: 280, counting: x}\n")})
    monkeypatch.setattr(governance.resources, "data_dir", lambda name: shipped)
    result = load(tmp_path, {"policy.yaml": "extends: limits\n" + ORG})
    assert result.policy is not None, findings(result, tmp_path)
    policy = result.policy.policy
    assert policy.pack is None, "a pack's own marker is not inherited"
    assert [(n.value, lim.max_length) for n, lim in policy.networks.items()] == [("x", 280)]
    unknown = load(tmp_path, {"policy.yaml": "extends: limit\n" + ORG})
    assert findings(unknown, tmp_path) == [
        "policy.yaml:1:10 policy.extends: unknown pack 'limit' (shipped packs: limits)"]


def test_extends_several_bases_in_order(tmp_path: Path) -> None:
    result = load(tmp_path, {
        "a.yaml": ORG + "tone: {voice: from a, principles: [a]}\n",
        "b.yaml": "pack: {name: b}\ntone: {voice: from b}\n",
        "policy.yaml": "extends: [./a.yaml, ./b.yaml]\n"})
    assert result.policy is not None, findings(result, tmp_path)
    assert (result.policy.policy.tone.voice, result.policy.policy.tone.principles) == (
        "from b", ["a"])


@pytest.mark.parametrize(("files", "expected"), [
    pytest.param({"policy.yaml": "extends: ./policy.yaml\n" + ORG},
                 ["policy.yaml:1:10 policy.extends: 'extends' loops back to ./policy.yaml"],
                 id="itself"),
    pytest.param({"policy.yaml": "extends: ./a.yaml\n" + ORG,
                  "a.yaml": "extends: ./policy.yaml\npack: {name: a}\n"},
                 ["a.yaml:1:10 policy.extends: 'extends' loops back to ./policy.yaml"],
                 id="through another file"),
])
def test_extends_cycles_are_findings(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    result = load(tmp_path, files)
    assert result.policy is None
    assert findings(result, tmp_path) == expected


def test_a_base_used_twice_is_not_a_cycle(tmp_path: Path) -> None:
    result = load(tmp_path, {
        "common.yaml": "pack: {name: common}\ntone: {voice: shared}\n",
        "a.yaml": "extends: ./common.yaml\npack: {name: a}\n",
        "b.yaml": "extends: ./common.yaml\npack: {name: b}\n",
        "policy.yaml": "extends: [./a.yaml, ./b.yaml]\n" + ORG})
    assert result.policy is not None, findings(result, tmp_path)
    assert result.policy.policy.tone.voice == "shared"


@pytest.mark.parametrize(("extends", "message"), [
    ("./missing.yaml", "base policy './missing.yaml' not found"),
    ("./empty", "empty: no policy files (*.yaml) in this directory"),
    ("42", "'extends' takes a pack name or a path"),
])
def test_a_base_that_cannot_be_used_is_a_finding_at_extends(
    tmp_path: Path, extends: str, message: str
) -> None:
    (tmp_path / "empty").mkdir()
    result = load(tmp_path, {"policy.yaml": f"extends: {extends}\n" + ORG})
    [finding] = result.findings
    assert (finding.rule, str(finding.location)) == ("policy.extends",
                                                     f"{tmp_path}/policy.yaml:1:10")
    assert message in finding.message


def test_a_broken_base_reports_in_the_base(tmp_path: Path) -> None:
    result = load(tmp_path, {"base.yaml": "roles: [\n",
                             "policy.yaml": "extends: ./base.yaml\n" + ORG})
    assert result.policy is None
    assert [f.rule for f in result.findings] == ["yaml.syntax"]
    assert str(result.findings[0].location).endswith("base.yaml:2:1")
