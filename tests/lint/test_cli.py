"""The CLI contract of ``governance lint``: exit codes, formats and outputs, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lint_helpers import write_calendar, write_policy

from governance.cli import cli

CSV_HEADER = "id,publish_at,channel,text,media\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def policy(tmp_path: Path) -> str:
    return str(write_policy(tmp_path, "networks:\n  x: {max_length: 10}\n"))


def calendar(tmp_path: Path, rows: str, name: str = "plan.csv") -> str:
    path = tmp_path / name
    path.write_text(CSV_HEADER + rows, encoding="utf-8")
    return str(path)


CLEAN = "p1,2026-03-02T10:00,x-brand,Hello,\n"
INFO_ONLY = "p1,2026-03-02T10:00,x-brand,Hello,a.jpg\n"
TOO_LONG = "p1,2026-03-02T10:00,x-brand,Hello there everyone,\n"


def test_a_clean_calendar_exits_0_with_a_summary(tmp_path: Path, policy: str) -> None:
    path = calendar(tmp_path, CLEAN)
    code, out, err = run(path, "--policy", policy)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1].startswith(f"{path}: no problems [1 post, ")


def test_findings_are_grouped_under_their_post(tmp_path: Path, policy: str) -> None:
    path = calendar(tmp_path, TOO_LONG + INFO_ONLY.replace("p1", "p2"))
    code, out, _ = run(path, "--policy", policy)
    assert code == 1
    assert out.splitlines()[:6] == [
        "post p1 · x-brand · 2026-03-02 10:00",
        f"{path}:2:1: error: 20 characters; a post on x takes at most 10 (post.length)",
        "",
        "post p2 · x-brand · 2026-03-02 10:00",
        f"{path}:3:1: info: 1 media file without alternative text (post.alt-text)",
        "",
    ]
    assert out.splitlines()[-1].startswith(f"{path}: 1 error, 1 info [2 posts, ")


@pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("warning", 0), ("info", 1)])
def test_fail_on_sets_the_threshold(tmp_path: Path, policy: str, fail_on: str,
                                    code: int) -> None:
    path = calendar(tmp_path, INFO_ONLY)
    assert run(path, "--policy", policy, "--fail-on", fail_on)[0] == code


def test_formats_pair_with_outputs_in_order(tmp_path: Path, policy: str) -> None:
    path = calendar(tmp_path, TOO_LONG)
    report = tmp_path / "out" / "lint.json"
    code, out, _ = run(path, "--policy", policy, "--format", "json", "--output", str(report),
                       "--format", "text")
    assert code == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["command"] == "lint" and data["summary"]["errors"] == 1
    assert [f["rule"] for f in data["findings"]] == ["post.length"]
    assert data["findings"][0]["post_ids"] == ["p1"]
    assert out.startswith("post p1 · x-brand")


def test_every_output_is_written_even_when_the_policy_is_broken(tmp_path: Path) -> None:
    broken = write_policy(tmp_path, "channels:\n  - {id: x-brand, colour: red}\n")
    path = calendar(tmp_path, CLEAN)
    report = tmp_path / "lint.json"
    code, out, _ = run(path, "--policy", str(broken), "--format", "json", "--output",
                       str(report))
    assert (code, out) == (1, "")
    assert [f["rule"] for f in json.loads(report.read_text())["findings"]] == \
        ["schema.unknown-key"]


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "yaml"], "governance: error: unknown format 'yaml' (available: "),
    (["--format", "json", "--format", "text"],
     "governance: error: only one --format can go to stdout; give the others an --output"),
    (["--output", "a.txt", "--output", "b.txt"],
     "governance: error: 2 --output for 1 --format: give each output its format"),
    (["--column", "text"], "governance: error: --column 'text': expected SRC=FIELD"),
    (["--timezone", "Mars/Olympus"], "governance: error: unknown timezone 'Mars/Olympus'"),
])
def test_bad_options_are_one_line_and_exit_2(tmp_path: Path, policy: str, args: list[str],
                                             message: str) -> None:
    code, out, err = run(calendar(tmp_path, CLEAN), "--policy", policy, *args)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


def test_a_missing_calendar_is_one_line_and_exit_2(tmp_path: Path, policy: str) -> None:
    code, out, err = run(str(tmp_path / "nope.csv"), "--policy", policy)
    assert (code, out) == (2, "")
    assert err.startswith(f"{tmp_path / 'nope.csv'}: error: ")
    assert err.endswith("(calendar.unreadable)\n") and err.count("\n") == 1


def test_a_missing_policy_is_one_line_and_exit_2(tmp_path: Path) -> None:
    code, _, err = run(calendar(tmp_path, CLEAN), "--policy", str(tmp_path / "nowhere"))
    assert code == 2
    assert err == f"governance: error: {tmp_path / 'nowhere'}: no such file or directory\n"


def test_without_policy_the_policy_directory_is_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = calendar(tmp_path, CLEAN)
    assert run(path)[2] == "governance: error: --policy is required (there is no ./policy here)\n"
    write_policy(tmp_path, "")
    assert run(path)[0] == 0


def test_columns_map_a_spreadsheets_headers(tmp_path: Path, policy: str) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Номер,Когда,Канал,Текст\np1,2026-03-02T10:00,x-brand,Hello there everyone\n",
                    encoding="utf-8")
    code, out, _ = run(str(path), "--policy", policy, "--column", "Номер=id", "--column",
                       "Когда=publish_at", "--column", "Канал=channel", "--column", "Текст=text")
    assert code == 1 and "(post.length)" in out


def test_the_timezone_option_reads_times_without_offset(tmp_path: Path) -> None:
    policy = write_policy(tmp_path, 'content:\n  posting_hours: {start: "09:00", end: "18:00"}\n')
    path = calendar(tmp_path, "p1,2026-03-02T20:00,x-brand,Hi,\n")
    assert run(path, "--policy", str(policy))[0] == 0  # a warning only
    code, out, _ = run(path, "--policy", str(policy), "--timezone", "Asia/Tokyo",
                       "--fail-on", "warning")
    assert code == 1 and "2026-03-02 20:00 (Asia/Tokyo)" in out


def test_garbage_calendars_never_end_in_a_traceback(tmp_path: Path, policy: str) -> None:
    for name, data in [("a.csv", b"\x00\x01\x02"), ("b.yaml", b"posts: [\n"),
                       ("c.xlsx", b"PK\x03\x04 not a zip"), ("d.json", b"{")]:
        path = tmp_path / name
        path.write_bytes(data)
        code, out, err = run(str(path), "--policy", policy)
        assert code in (1, 2), (name, code, out, err)
        assert "Traceback" not in out + err


def test_a_yaml_calendar_points_at_the_field(tmp_path: Path, policy: str) -> None:
    path = write_calendar(tmp_path, [{"id": "p1", "text": "Hello there everyone"}])
    code, out, _ = run(str(path), "--policy", policy, "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert code == 1 and finding["line"] > 1


def test_governance_check_judges_declared_rules_as_lint_does(tmp_path: Path) -> None:
    policy = write_policy(tmp_path, """content:
  rules:
    - {id: acme.bad, type: pattern, pattern: '(unclosed', message: x}
""")
    result = CliRunner().invoke(cli, ["check", str(policy), "--today", "2026-11-23"])
    assert result.exit_code == 1
    assert f"{policy / 'policy.yaml'}:3:46: error: invalid pattern '(unclosed'" in result.output
    assert "(policy.bad-pattern)" in result.output


def test_every_registered_format_writes_its_file(tmp_path: Path, policy: str) -> None:
    from governance.formatters import FORMATTERS

    path = calendar(tmp_path, TOO_LONG)
    args = [path, "--policy", policy]
    for name in sorted(FORMATTERS):
        args += ["--format", name, "--output", str(tmp_path / f"report.{name}")]
    code, out, err = run(*args)
    assert (code, out, err) == (1, "", "")
    for name in FORMATTERS:
        text = (tmp_path / f"report.{name}").read_text(encoding="utf-8")
        assert "post.length" in text, name
    json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))


def test_long_calendars_are_estimated_by_their_lines(tmp_path: Path) -> None:
    from governance.commands.lint import _estimate_posts

    text = tmp_path / "a.csv"
    text.write_text(CSV_HEADER + CLEAN * 3, encoding="utf-8")
    sheet = tmp_path / "b.xlsx"
    sheet.write_bytes(b"PK\x03\x04" + b"\n" * 10)
    assert _estimate_posts([str(text), str(text)]) == 8
    assert _estimate_posts([str(text), str(sheet)]) == 0
    assert _estimate_posts([str(tmp_path / "missing.csv")]) == 0
