"""The staff register: ``people:`` and ``people_file:``, checked by ``check``, used by ``lint``.

A person from the CSV is located at its row and cell, so every finding about
them points into the HR file; a broken file is a finding, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.cli import cli
from governance.loader import load_policy

TESTS = Path(__file__).resolve().parents[1]
#: check's clean base policy, and lint's (which adds channels on four networks).
CHECK_BASE = TESTS / "policy_rules" / "base.yaml"
LINT_BASE = TESTS / "lint" / "base.yaml"
HEADER = "id,name,roles,accounts,acknowledged_version,acknowledged_on,training\n"


def policy_with(tmp_path: Path, people_csv: str | None, snippet: str = "",
                base: Path = CHECK_BASE) -> Path:
    root = tmp_path / "policy"
    root.mkdir()
    (root / "_extends.yaml").write_text(f"extends: {json.dumps(str(base))}\n", "utf-8")
    text = snippet + ("people_file: people.csv\n" if people_csv is not None else "")
    (root / "policy.yaml").write_text(text or "{}\n", "utf-8")
    if people_csv is not None:
        (root / "people.csv").write_text(people_csv, "utf-8")
    return root


def check(root: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["check", str(root), "--today", "2026-11-23"])
    return result.exit_code, result.stdout.splitlines()[:-1]


def test_a_stale_acknowledgement_points_at_its_cell(tmp_path: Path) -> None:
    root = policy_with(tmp_path, HEADER + "anna,Anna Ivanova,smm-manager,,1.0,2026-01-10,\n"
                                          "oleg,Oleg Petrov,smm-lead;agency,vk-brand,0.9,,basics\n")
    code, lines = check(root)
    assert lines == [f"{root}/people.csv:3:43: warning: Oleg Petrov (oleg) acknowledged "
                     "version 0.9, not 1.0; the policy asks again after every change "
                     "(people.acknowledged)"]
    assert code == 0


@pytest.mark.parametrize(("rows", "expected"), [
    ("anna,Anna,smm-manger,,1.0,,\n",
     "people.csv:2:11: error: unknown role 'smm-manger' (did you mean 'smm-manager'?) "
     "(ref.unknown-role)"),
    ("anna,Anna,smm-manager,vk-brnd,1.0,,\n",
     "people.csv:2:23: error: unknown channel 'vk-brnd' (did you mean 'vk-brand'?) "
     "(ref.unknown-channel)"),
    ("agency,Lena,agency,,1.0,,\n",
     "people.csv:2:1: error: person id 'agency' is also a role id; author and approved_by take "
     "either, so give the person an id of their own (ref.person-is-role)"),
    ("Anna!,Anna,smm-manager,,1.0,,\n",
     "people.csv:2:1: error: id: String should match pattern '^[a-z0-9][a-z0-9_.-]*$' "
     "(policy.people-file)"),
    ("anna,Anna,smm-manager,,1.0,someday,\n",
     "people.csv:2:28: error: acknowledged_on: Input should be a valid date or datetime, "
     "input is too short (policy.people-file)"),
    ("anna,Anna,smm-manager,,1.0,,\nanna,Anna Two,smm-lead,,1.0,,\n",
     "people.csv:3:1: error: person id 'anna' is declared twice (first at line 2) "
     "(ref.duplicate-id)"),
])
def test_a_bad_row_is_one_finding_at_its_cell(tmp_path: Path, rows: str, expected: str) -> None:
    root = policy_with(tmp_path, HEADER + rows)
    code, lines = check(root)
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{root}/{expected}"), lines


@pytest.mark.parametrize(("setup", "expected"), [
    ("missing", "policy.yaml:1:14: error: people_file 'people.csv' not found"),
    ("header", "people.csv:1:1: error: unknown column 'mail' (columns: id, name, roles, "),
    ("outside", "policy.yaml:1:14: error: people_file '../people.csv' is outside the "
                "policy's directory"),
])
def test_a_file_that_cannot_be_used_is_one_finding(tmp_path: Path, setup: str,
                                                   expected: str) -> None:
    root = policy_with(tmp_path, HEADER)
    if setup == "missing":
        (root / "people.csv").unlink()
    elif setup == "header":
        (root / "people.csv").write_text("id,name,roles,mail\n", "utf-8")
    else:
        (tmp_path / "people.csv").write_text(HEADER, "utf-8")
        (root / "policy.yaml").write_text("people_file: ../people.csv\n", "utf-8")
    code, lines = check(root)
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{root}/{expected}"), lines


def test_lint_takes_a_person_from_the_file_as_author_and_approver(tmp_path: Path) -> None:
    snippet = ("channels:\n  - {id: x-brand, authors: [smm-manager]}\nworkflow:\n  approvals:\n"
               "    - {id: promo, when: {kinds: [promo]}, approvers: [marketing-lead]}\n")
    root = policy_with(tmp_path, HEADER + "anna,Anna,smm-manager,,1.0,,\n"
                                          "maria,Maria,marketing-lead,,1.0,,\n", snippet, LINT_BASE)
    plan = tmp_path / "plan.csv"
    plan.write_text("id,publish_at,channel,author,kind,approved_by,text\n"
                    "p1,2026-03-02T10:00,x-brand,anna,promo,maria,Hello\n"
                    "p2,2026-03-02T11:00,x-brand,maria,promo,anna,Hello\n", "utf-8")
    result = CliRunner().invoke(cli, ["lint", str(plan), "--policy", str(root), "--no-color"])
    findings = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert [f.split(": error: ")[1] for f in findings] == [
        "needs 1 approval from marketing-lead (requirement 'promo'); has 0; anna may not "
        "approve it (approvals.required)",
        "'maria' (marketing-lead) may not author posts on 'x-brand' (authors: smm-manager) "
        "(post.author-allowed)",
    ]
    assert findings[0].startswith(f"{plan}:3:") and findings[1].startswith(f"{plan}:3:")


_ids = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
_names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                 max_size=30).filter(str.strip)


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(_ids, _names, min_size=1, max_size=5))
def test_every_row_of_a_written_register_is_read_back(tmp_path_factory: pytest.TempPathFactory,
                                                      people: dict[str, str]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "name", "roles", "acknowledged_version"])
    for person, name in people.items():
        writer.writerow([f"p-{person}", name, "smm-manager;smm-lead", "1.0"])
    root = policy_with(tmp_path_factory.mktemp("register"), buffer.getvalue())
    result = load_policy(root)
    assert result.policy is not None, result.findings
    assert result.findings == []
    read = {p.id: p.name for p in result.policy.policy.people}
    assert read == {f"p-{k}": v.strip() for k, v in people.items()}
