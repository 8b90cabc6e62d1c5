"""``governance init``: a repository that ``check`` and ``test`` pass and ``lint`` runs on.

The files written for a fixed set of answers are golden files (``golden/init/``);
an existing file is never overwritten; bad answers are one line and exit 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from governance.cli import cli

GOLDEN = Path(__file__).parent / "golden" / "init"
ANSWERS = ["--name", "Acme Coffee", "--language", "en", "--networks", "x,linkedin",
           "--timezone", "Europe/Berlin", "--today", "2026-12-04"]


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def written(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_init_writes_the_golden_repository(tmp_path: Path, update_goldens: bool) -> None:
    code, out, err = invoke("init", str(tmp_path / "repo"), *ANSWERS)
    assert (code, err) == (0, "")
    files = written(tmp_path / "repo")
    assert sorted(files) == [
        ".github/workflows/governance.yml", ".pre-commit-config.yaml",
        "calendars/calendar.csv", "calendars/calendar.xlsx",
        "policy/channels.yaml", "policy/content.yaml", "policy/goals.yaml",
        "policy/organisation.yaml", "policy/roles.yaml", "policy/tests/promotions.yaml",
        "policy/workflow.yaml"]
    assert out.count(": written\n") == len(files)
    if update_goldens:
        for name, data in files.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(data)
    assert files == written(GOLDEN)


@pytest.mark.parametrize("answers", [
    ANSWERS,
    ["--name", "ООО «Ромашка»: кофе", "--language", "ru", "--networks", "vk,telegram,ok",
     "--timezone", "Asia/Yekaterinburg"],
    ["--name", 'Quote " colon: #hash', "--networks", "x,x,facebook"],
], ids=["en", "ru", "awkward-name"])
def test_check_passes_and_the_template_calendars_lint_clean(tmp_path: Path,
                                                            answers: list[str]) -> None:
    root = tmp_path / "repo"
    assert invoke("init", str(root), *answers)[0] == 0
    code, out, _ = invoke("check", str(root / "policy"), "--fail-on", "info")
    assert code == 0, out
    assert out.endswith(": no problems [6 files, " + out.rsplit(", ", 1)[-1])
    for calendar in ("calendar.csv", "calendar.xlsx"):
        code, out, _ = invoke("lint", str(root / "calendars" / calendar), "--policy",
                              str(root / "policy"), "--fail-on", "info", "--no-color")
        assert code == 0, out
        assert ": no problems [1 post, " in out
    code, out, _ = invoke("test", str(root / "policy"))
    assert code == 0 and out.endswith(": 1 case, 1 passed, 0 failed\n"), out
    name = answers[1]
    organisation = yaml.safe_load((root / "policy" / "organisation.yaml").read_text("utf-8"))
    assert organisation["organisation"]["name"] == name


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    mine = root / ".pre-commit-config.yaml"
    mine.parent.mkdir()
    mine.write_text("repos: []  # ours\n", encoding="utf-8")
    code, out, _ = invoke("init", str(root), *ANSWERS)
    assert code == 0
    assert f"{mine}: exists, left as it is" in out
    assert mine.read_text(encoding="utf-8") == "repos: []  # ours\n"
    before = written(root)
    assert invoke("init", str(root), "--name", "Other", "--language", "ru")[0] == 0
    assert written(root) == before


def test_init_is_byte_identical_across_runs(tmp_path: Path) -> None:
    invoke("init", str(tmp_path / "a"), *ANSWERS)
    invoke("init", str(tmp_path / "b"), *ANSWERS)
    assert written(tmp_path / "a") == written(tmp_path / "b")


def test_on_a_terminal_it_asks_for_what_is_missing(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    code, out, _ = invoke("init", str(root), "--interactive", "--today", "2026-12-04",
                          stdin="Nordwind\nru\nvk,telegram\nEurope/Moscow\n")
    assert code == 0, out
    assert "Organisation name [repo]: " in out and "Timezone [Europe/Moscow]: " in out
    organisation = (root / "policy" / "organisation.yaml").read_text(encoding="utf-8")
    assert 'name: "Nordwind"' in organisation and "languages: [ru]" in organisation
    assert "ru-advertising" in organisation


def test_elsewhere_it_takes_the_defaults_without_asking(tmp_path: Path) -> None:
    root = tmp_path / "nordwind"
    code, out, _ = invoke("init", str(root), "--today", "2026-12-04")
    assert code == 0 and "[" not in out
    organisation = (root / "policy" / "organisation.yaml").read_text(encoding="utf-8")
    assert 'name: "nordwind"' in organisation and 'timezone: "UTC"' in organisation
    channels = yaml.safe_load((root / "policy" / "channels.yaml").read_text(encoding="utf-8"))
    assert [c["network"] for c in channels["channels"]] == ["linkedin", "x"]


@pytest.mark.parametrize(("option", "message"), [
    (["--networks", "x,myspace"], "--networks: unknown network 'myspace' (known: "),
    (["--networks", " , "], "--networks: no network given"),
    (["--timezone", "Mars/Olympus"], "--timezone 'Mars/Olympus': not an IANA timezone"),
    (["--name", "  "], "--name: the organisation's name is empty"),
])
def test_bad_answers_are_one_line_and_exit_2(tmp_path: Path, option: list[str],
                                             message: str) -> None:
    code, out, err = invoke("init", str(tmp_path / "repo"), *option)
    assert (code, out) == (2, "")
    assert err.startswith(f"governance: error: {message}") and err.count("\n") == 1
    assert not (tmp_path / "repo").exists()


def test_a_file_where_a_directory_should_be_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "repo"
    blocker.write_text("not a directory", encoding="utf-8")
    code, _, err = invoke("init", str(blocker), *ANSWERS)
    assert code == 2 and "is a file" in err
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "policy").write_text("not a directory", encoding="utf-8")
    code, _, err = invoke("init", str(tmp_path / "other"), *ANSWERS)
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"governance: error: {tmp_path / 'other' / 'policy'}")
