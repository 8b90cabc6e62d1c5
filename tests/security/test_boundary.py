"""What a policy may read: regular files inside its root, the packs, allowed directories."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from security_helpers import TODAY, calendar, example_policy, run

from governance.boundary import ALLOW_ENV, PolicyBoundary


@pytest.fixture(autouse=True)
def no_allowed_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ALLOW_ENV, raising=False)


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    return example_policy(tmp_path)


def set_terms_file(policy: Path, name: str) -> None:
    content = policy / "content.yaml"
    text = content.read_text(encoding="utf-8")
    assert "terms_file: terms.csv" in text
    content.write_text(text.replace("terms_file: terms.csv", f"terms_file: {name}"),
                       encoding="utf-8")


def set_extends(policy: Path, base: str) -> None:
    organisation = policy / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(text.replace("extends:\n", f"extends:\n  - {base}\n", 1),
                            encoding="utf-8")


def check(policy: Path, *extra: str | Path) -> tuple[int, str]:
    code, out, err = run("check", policy, "--today", TODAY, *extra)
    return code, out + err


def test_the_example_policy_checks_clean(policy: Path) -> None:
    code, out = check(policy)
    assert code == 0
    assert re.fullmatch(rf"{re.escape(str(policy))}: no problems \[9 files, \d+ rules\]\n", out)


@pytest.mark.parametrize("base", ["/etc/passwd", "../outside.yaml", "../../etc/passwd"])
def test_extends_outside_the_root_is_refused(tmp_path: Path, policy: Path, base: str) -> None:
    (tmp_path / "outside.yaml").write_text("roles: [{id: x, title: SECRET_TOKEN}]\n",
                                           encoding="utf-8")
    set_extends(policy, base)
    code, out = check(policy)
    assert code == 1
    assert "(policy.extends)" in out and "is outside the policy's directory" in out
    assert "--allow-path" in out
    assert "SECRET_TOKEN" not in out and "root:" not in out


def test_extends_up_the_tree_works_inside_one_git_working_tree(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    policy = example_policy(repo)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shared = repo / "shared"
    shared.mkdir()
    (shared / "base.yaml").write_text("tone:\n  principles+: [Answer within a day]\n",
                                      encoding="utf-8")
    set_extends(policy, "../shared/base.yaml")
    assert check(policy)[0] == 0


def test_allow_path_widens_the_boundary(tmp_path: Path, policy: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "base.yaml").write_text("tone:\n  principles+: [Answer within a day]\n",
                                      encoding="utf-8")
    set_extends(policy, "../shared/base.yaml")
    assert check(policy)[0] == 1
    assert check(policy, "--allow-path", shared)[0] == 0


def test_a_terms_file_cannot_print_the_environment(
        policy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_TOKEN", "hunter2")
    set_terms_file(policy, "/proc/self/environ")
    code, out = check(policy)
    assert code == 1
    assert "(policy.terms-file)" in out and "is outside the policy's directory" in out
    assert "hunter2" not in out and "SECRET_TOKEN" not in out


def test_a_link_out_of_the_root_is_refused(tmp_path: Path, policy: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("SECRET_TOKEN,hunter2,perhaps\n", encoding="utf-8")
    (policy / "terms.csv").unlink()
    (policy / "terms.csv").symlink_to(secret)
    code, out = check(policy)
    assert code == 1 and "is outside the policy's directory" in out
    assert "hunter2" not in out and "perhaps" not in out
    (policy / "stolen.yaml").symlink_to(secret)
    code, out = check(policy)
    assert "stolen.yaml: error:" in out and "(policy.file)" in out


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_only_regular_files_are_read(tmp_path: Path, policy: Path, special: str) -> None:
    if special == "fifo":
        os.mkfifo(policy / "words.csv")  # opening it to read would wait for a writer forever
        set_terms_file(policy, "words.csv")
        code, out = check(policy)
    else:
        set_terms_file(policy, special)
        code, out = check(policy, "--allow-path", "/dev")
    assert code == 1
    assert "is not a regular file; a policy reads only files (policy.terms-file)" in out


@pytest.mark.parametrize(("variable", "victim", "rule"), [
    ("GOVERNANCE_MAX_POLICY_FILE_MB", "content.yaml", "policy.file"),
    ("GOVERNANCE_MAX_TERMS_FILE_MB", "terms.csv", "policy.terms-file"),
])
def test_files_over_their_size_limit_are_refused(
        policy: Path, monkeypatch: pytest.MonkeyPatch, variable: str, victim: str,
        rule: str) -> None:
    size = (policy / victim).stat().st_size
    monkeypatch.setenv(variable, str((size - 1) / 1_000_000))
    code, out = check(policy)
    assert code == 1
    assert f"the limit for a {'policy' if 'POLICY' in variable else 'terms'} file" in out
    assert f"raise the limit with {variable}=<megabytes> ({rule})" in out
    monkeypatch.setenv(variable, str(size / 1_000_000))
    assert check(policy)[0] == 0


def test_a_bad_limit_is_a_usage_error(policy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVERNANCE_MAX_POLICY_FILE_MB", "lots")
    code, out = check(policy)
    assert code == 2
    assert out == ("governance: error: GOVERNANCE_MAX_POLICY_FILE_MB='lots': expected a size in "
                   "megabytes, such as 50 or 0.5\n")


def test_lint_and_render_take_allow_path_too(tmp_path: Path, policy: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "base.yaml").write_text("tone:\n  principles+: [Answer within a day]\n",
                                      encoding="utf-8")
    set_extends(policy, "../shared/base.yaml")
    plan = calendar(tmp_path)
    assert run("lint", plan, "--policy", policy, "--today", TODAY)[0] == 1
    assert run("lint", plan, "--policy", policy, "--today", TODAY,
               "--allow-path", shared)[0] == 0
    assert run("render", "raci", "--policy", policy)[0] == 1
    assert run("render", "raci", "--policy", policy, "--allow-path", shared)[0] == 0


def test_the_root_is_the_work_tree_or_the_directory(tmp_path: Path) -> None:
    policy = tmp_path / "a" / "policy.yaml"
    policy.parent.mkdir()
    policy.write_text("{}\n", encoding="utf-8")
    assert PolicyBoundary.around(policy).root == policy.parent.resolve()
    (tmp_path / ".git").mkdir()
    boundary = PolicyBoundary.around(policy)
    assert (boundary.root, boundary.in_git) == (tmp_path.resolve(), True)
    assert boundary.problem(tmp_path / "b" / "base.yaml") is None
    assert boundary.problem(tmp_path.parent / "base.yaml") is not None
