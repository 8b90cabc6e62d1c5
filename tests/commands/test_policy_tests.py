"""``governance test``: a policy's own cases, judged and reported as text, JSON and JUnit.

The example policy's tests are golden outputs; failing cases, broken test files
and a broken policy each have their exit code and their one-line messages.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.cli import cli

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden" / "test"
BASE = REPO / "tests" / "lint" / "base.yaml"

PASSING = """\
cases:
  - name: too long on X
    posts:
      - {id: p1, publish_at: 2026-03-02T10:00, channel: x-brand, text: Hello there everyone}
      - {id: p2, publish_at: 2026-03-02T11:00, channel: x-brand, text: Hello}
    expect:
      - {rule: post.length, post: p1, severity: error}
    expect_not:
      - {rule: post.length, post: p2}
"""
FAILING = """\
cases:
  - name: expects what does not happen
    posts:
      - {id: p1, publish_at: 2026-03-02T10:00, channel: x-brand, text: Hello there everyone}
      - {id: p2, publish_at: 2026-03-02T11:00, channel: x-brand, text: Hello}
    expect:
      - {rule: post.length, post: p2}
      - {rule: post.length, post: p1, severity: warning}
    expect_not:
      - {rule: post.length}
"""


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["test", *args])
    return result.exit_code, result.stdout, result.stderr


def make_policy(tmp_path: Path, *tests: str) -> Path:
    policy = tmp_path / "policy"
    (policy / "tests").mkdir(parents=True)
    (policy / "_extends.yaml").write_text(f"extends: {json.dumps(str(BASE))}\n", "utf-8")
    (policy / "policy.yaml").write_text("networks:\n  x: {max_length: 10}\n", "utf-8")
    for index, text in enumerate(tests):
        (policy / "tests" / f"case-{index}.yaml").write_text(text, "utf-8")
    return policy


@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
def test_the_example_policy_passes_its_own_tests(fmt: str, update_goldens: bool,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    before = {p: p.read_bytes() for p in (REPO / "policies" / "example").rglob("*.*")}
    code, out, err = invoke("policies/example", "--today", "2026-11-23", "--format", fmt)
    assert (code, err) == (0, "")
    golden = GOLDEN / f"example.{fmt}"
    if update_goldens:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert {p: p.read_bytes() for p in (REPO / "policies" / "example").rglob("*.*")} == before


def test_a_passing_case(tmp_path: Path) -> None:
    policy = make_policy(tmp_path, PASSING)
    code, out, _ = invoke(str(policy))
    assert code == 0
    assert out == (f"PASS {policy}/tests/case-0.yaml:2:5: too long on X\n"
                   f"{policy}/tests: 1 case, 1 passed, 0 failed\n")


def test_a_failing_case_says_what_was_missing_and_what_must_not_appear(tmp_path: Path) -> None:
    policy = make_policy(tmp_path, PASSING, FAILING)
    code, out, _ = invoke(str(policy))
    assert code == 1
    assert out.splitlines() == [
        f"PASS {policy}/tests/case-0.yaml:2:5: too long on X",
        f"FAIL {policy}/tests/case-1.yaml:2:5: expects what does not happen",
        "  - expected post.length on p2: not found; post.length found on: p1 (error)",
        "  - expected post.length on p1 (warning): not found; post.length found on: p1 (error)",
        "  - unexpected post.length on p1 (error): 20 characters; a post on x takes at most 10",
        f"{policy}/tests: 2 cases, 1 passed, 1 failed",
    ]


def test_json_and_junit_carry_each_case(tmp_path: Path) -> None:
    policy = make_policy(tmp_path, PASSING, FAILING)
    report = tmp_path / "out" / "report.json"
    assert invoke(str(policy), "--format", "json", "--output", str(report))[0] == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"] == {"cases": 2, "passed": 1, "failed": 1}
    assert [(c["name"], c["passed"], len(c["failures"])) for c in data["cases"]] == [
        ("too long on X", True, 0), ("expects what does not happen", False, 3)]
    code, out, _ = invoke(str(policy), "--format", "junit")
    assert code == 1
    root = ET.fromstring(out)
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    failures = root.findall(".//testcase/failure")
    assert len(failures) == 1 and failures[0].get("message", "").startswith("expected post.length")


def test_a_case_can_name_a_calendar_file(tmp_path: Path) -> None:
    case = """\
cases:
  - name: from a file
    calendar: ../../plan.csv
    expect: [{rule: post.length, post: p1}]
"""
    policy = make_policy(tmp_path, case)
    (tmp_path / "plan.csv").write_text(
        "id,publish_at,channel,text\np1,2026-03-02T10:00,x-brand,Hello there everyone\n", "utf-8")
    assert invoke(str(policy))[0] == 0


@pytest.mark.parametrize(("text", "where", "message"), [
    ("cases: [", "1:9", "YAML syntax"),
    ("cases: []\n", "1:8", "cases"),
    ("cases:\n  - name: x\n    posts: []\n    expect: [{rule: a.b}]\n    colour: red\n",
     "5:5", "colour"),
    ("cases:\n  - name: x\n    posts: []\n    calendar: a.csv\n    expect: [{rule: a.b}]\n",
     "2:5", "either 'posts' or 'calendar'"),
    ("cases:\n  - name: x\n    posts: []\n", "2:5", "expects something"),
    ("cases:\n  - name: x\n    calendar: nowhere.csv\n    expect: [{rule: a.b}]\n",
     "3:15", "calendar file 'nowhere.csv' not found"),
    ("cases:\n  - name: x\n    posts: []\n    expect: [{rule: a.b, severity: fatal}]\n",
     "4:36", "severity"),
])
def test_a_broken_test_file_is_one_line_at_its_position_and_exit_2(
        tmp_path: Path, text: str, where: str, message: str) -> None:
    policy = make_policy(tmp_path, text)
    code, out, err = invoke(str(policy))
    assert (code, out) == (2, "")
    assert err.startswith(f"{policy}/tests/case-0.yaml:{where}: error: "), err
    assert message in err and err.count("\n") == 1


def test_a_policy_without_tests_is_a_usage_error(tmp_path: Path) -> None:
    policy = make_policy(tmp_path)
    code, _, err = invoke(str(policy))
    assert code == 2
    assert err == f"governance: error: {policy}/tests: no policy tests here " \
                  "(a directory of *.yaml files)\n"


def test_a_broken_policy_fails_before_any_case(tmp_path: Path) -> None:
    policy = make_policy(tmp_path, PASSING)
    (policy / "policy.yaml").write_text("networks:\n  x: {max_length: many}\n", "utf-8")
    code, out, err = invoke(str(policy))
    assert (code, out) == (1, "")
    assert f"{policy}/policy.yaml:2:19: error: " in err
    assert err.endswith("the policy has errors; fix them before testing it\n")
