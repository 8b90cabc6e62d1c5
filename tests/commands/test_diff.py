"""``governance diff`` and ``render policy --changes-since``: changes as data and in words.

A copy of the example policy is changed in known ways; the report in each format
is a golden file. Direction (stricter, looser) is checked case by case; bad
input is one line and exit 2.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.cli import cli
from governance.diff import compare
from governance.models.policy import Policy

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "policies" / "example"
GOLDEN = Path(__file__).parent / "golden" / "diff"

#: (file, old text, new text): each edit is one change staff should hear about.
EDITS = [
    ("organisation.yaml", 'policy_version: "2.1"', 'policy_version: "2.2"'),
    ("rules.yaml", "  post.alt-text: {severity: warning}",
     "  post.alt-text: {severity: error}\n  tone.we-voice: off"),
    ("workflow.yaml", "approvers: [legal-counsel]",
     "approvers: [legal-counsel, marketing-director]\n      required: 2"),
    ("workflow.yaml", "        marketing-director: R\n        smm-lead: C",
     "        marketing-director: R\n        smm-lead: R"),
    ("waivers.yaml", "expires: 2027-06-30", "expires: 2027-12-31"),
    ("content.yaml", "max_percent: 25", "max_percent: 20"),
]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def changed_copy(target: Path) -> Path:
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("tests", "calendar",
                                                                       "review"))
    for name, old, new in EDITS:
        path = target / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


@pytest.fixture
def sides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    shutil.copytree(EXAMPLE, tmp_path / "old", ignore=shutil.ignore_patterns("tests", "calendar",
                                                                       "review"))
    changed_copy(tmp_path / "new")
    monkeypatch.chdir(tmp_path)
    return "old", "new"


@pytest.mark.parametrize(("fmt", "lang"), [("text", "en"), ("md", "ru"), ("md", "en"),
                                           ("json", "en")])
def test_diff_output_matches_golden(sides: tuple[str, str], fmt: str, lang: str,
                                    update_goldens: bool) -> None:
    code, out, err = invoke("diff", *sides, "--format", fmt, "--lang", lang)
    assert (code, err) == (0, "")
    golden = GOLDEN / f"example.{lang}.{fmt}"
    if update_goldens:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_the_json_names_each_change_and_its_direction(sides: tuple[str, str]) -> None:
    data = json.loads(invoke("diff", *sides, "--format", "json")[1])
    found = {(c["area"], c["subject"], c["field"], c["change"]) for c in data["changes"]}
    assert found == {
        ("organisation", "", "policy_version", "changed"),
        ("rules", "post.alt-text", "severity", "stricter"),
        ("rules", "tone.we-voice", "severity", "looser"),
        ("approvals", "sponsored", "approvers", "changed"),
        ("approvals", "sponsored", "required", "stricter"),
        ("raci", "set-goals", "smm-lead", "changed"),
        ("waivers", "nw.event-share channel=x-global", "expires", "changed"),
        ("content", "", "promo_share.max_percent", "stricter"),
    }
    assert (data["old"]["policy_version"], data["new"]["policy_version"]) == ("2.1", "2.2")


def test_the_same_policy_has_no_changes(sides: tuple[str, str]) -> None:
    code, out, _ = invoke("diff", sides[0], sides[0], "--lang", "en")
    assert code == 0 and "Nothing changed that staff need to know." in out


def _policy(snippet: dict[str, object]) -> Policy:
    base = {"organisation": {"name": "A", "policy_version": "1", "effective_date": "2026-01-01",
                             "timezone": "UTC", "languages": ["en"]}}
    return Policy.model_validate({**base, **snippet})


ROLE = {"id": "smm", "title": "SMM"}
APPROVAL = {"id": "promo", "when": {"kinds": ["promo"]}, "approvers": ["smm"]}
WAIVER = {"rule": "post.length", "reason": "long-form", "expires": "2027-01-01"}


@pytest.mark.parametrize(("old", "new", "expected"), [
    ({}, {"rules": {"post.length": "warning"}}, ("rules", "post.length", "severity", "looser")),
    ({"rules": {"post.alt-text": "warning"}}, {},
     ("rules", "post.alt-text", "severity", "looser")),
    ({"roles": [ROLE]}, {"roles": [ROLE], "workflow": {"approvals": [APPROVAL]}},
     ("approvals", "promo", "", "stricter")),
    ({"roles": [ROLE], "workflow": {"approvals": [APPROVAL]}}, {"roles": [ROLE]},
     ("approvals", "promo", "", "looser")),
    ({}, {"waivers": [WAIVER]}, ("waivers", "post.length", "", "looser")),
    ({"waivers": [WAIVER]}, {}, ("waivers", "post.length", "", "stricter")),
    ({"networks": {"x": {"max_length": 280}}}, {"networks": {"x": {"max_length": 200}}},
     ("networks", "x", "max_length", "stricter")),
    ({"roles": [ROLE]}, {}, ("roles", "smm", "", "removed")),
    ({"roles": [ROLE, {**ROLE, "id": "pr"}]}, {"roles": [{**ROLE, "id": "pr"}, ROLE]}, None),
], ids=["severity-below-default", "setting-removed", "approval-added", "approval-removed",
        "waiver-added", "waiver-removed", "limit-lowered", "role-removed", "reordered"])
def test_each_change_has_its_direction(old: dict[str, object], new: dict[str, object],
                                       expected: tuple[str, str, str, str] | None) -> None:
    def severity(rule: str) -> str | None:
        return {"post.length": "error", "post.alt-text": "info"}.get(rule)

    changes = compare(_policy(old), _policy(new), severity)
    assert [(c.area, c.subject, c.field, c.change) for c in changes] == (
        [expected] if expected else [])


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org",
                    *args], check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copytree(EXAMPLE, repo / "policy", ignore=shutil.ignore_patterns("tests", "calendar",
                                                                       "review"))
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "v1")
    _git(repo, "tag", "v1")
    shutil.rmtree(repo / "policy")
    changed_copy(repo / "policy")
    _git(repo, "commit", "-q", "-am", "v2")
    monkeypatch.chdir(repo)
    return repo


def test_two_git_revisions_are_compared_without_a_checkout(repository: Path) -> None:
    before = {p: p.read_bytes() for p in (repository / "policy").iterdir()}
    code, out, err = invoke("diff", "--policy", "policy", "v1", "HEAD", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["old"]["source"], data["new"]["source"]) == ("v1:policy", "HEAD:policy")
    assert len(data["changes"]) == 8
    assert {p: p.read_bytes() for p in (repository / "policy").iterdir()} == before
    assert invoke("diff", "--policy", "policy", "v1", "v1")[1].count("\n  - ") == 0


def test_render_policy_opens_with_the_changes_since_a_revision(repository: Path) -> None:
    code, out, _ = invoke("render", "policy", "--policy", "policy", "--changes-since", "v1",
                          "--lang", "en", "--format", "md")
    assert code == 0
    assert "1. What changed in our social media policy" in out
    section = out.split("## 1. What changed in our social media policy\n", 1)[1]
    assert section.startswith("\nFrom version 2.1 to version 2.2\n")
    assert "- post.alt-text: severity changed from warning to error (stricter)" in section
    assert "## 2. " in section


@pytest.mark.parametrize(("args", "message"), [
    (["--policy", "policy", "nope", "HEAD"], "governance: error: 'nope' is not a revision of "),
    (["--policy", "elsewhere", "v1", "HEAD"], "governance: error: elsewhere: not in revision v1"),
])
def test_bad_revisions_are_one_line_and_exit_2(repository: Path, args: list[str],
                                               message: str) -> None:
    (repository / "elsewhere").mkdir()
    code, out, err = invoke("diff", *args)
    assert (code, out) == (2, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_outside_a_repository_is_one_line_and_exit_2(sides: tuple[str, str]) -> None:
    code, _, err = invoke("diff", "--policy", "old", "v1", "HEAD")
    assert code == 2 and err.startswith("governance: error: git rev-parse: ")
    assert err.count("\n") == 1


def test_a_broken_side_is_reported_and_nothing_compared(sides: tuple[str, str]) -> None:
    (Path(sides[1]) / "roles.yaml").write_text("roles: [\n", encoding="utf-8")
    code, out, err = invoke("diff", *sides)
    assert (code, out) == (2, "")
    assert err.startswith("new/roles.yaml:") and "(yaml.syntax)" in err
    assert err.endswith("new: the policy has errors; nothing compared\n")


def test_a_missing_side_is_one_line_and_exit_2(sides: tuple[str, str]) -> None:
    code, _, err = invoke("diff", sides[0], "nowhere")
    assert code == 2 and err == "governance: error: nowhere: no such file or directory\n"

