"""``lint --baseline-write`` and ``--baseline``: known findings counted, new and stale ones named.

Fingerprints must survive reordering rows and editing unrelated posts, with and
without an id column; a broken baseline is one line and exit 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lint_helpers import write_policy

from governance.cli import cli
from governance.findings import Finding, Location, Severity
from governance.lint.baseline import BASELINE_STALE, apply, build, dump, load

HEADER = "id,publish_at,channel,text\n"
LONG_A = "Hello there everyone from Acme"
LONG_B = "Another rather long post text"
ROWS = [
    f"p1,2026-03-02T10:00,x-brand,{LONG_A}\n",
    "p2,2026-03-02T11:00,x-brand,Short\n",
    f"p3,2026-03-02T12:00,x-brand,{LONG_B}\n",
]


@pytest.fixture
def policy(tmp_path: Path) -> str:
    return str(write_policy(tmp_path, "networks:\n  x: {max_length: 10}\n"))


def write(tmp_path: Path, rows: list[str], name: str = "plan.csv",
          header: str = HEADER) -> str:
    path = tmp_path / name
    path.write_text(header + "".join(rows), encoding="utf-8")
    return str(path)


def lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", *args, "--today", "2026-11-23", "--no-color"])
    return result.exit_code, result.stdout, result.stderr


def test_writing_a_baseline_records_every_finding_and_passes(tmp_path: Path, policy: str) -> None:
    calendar, base = write(tmp_path, ROWS), tmp_path / "baseline.json"
    code, out, _ = lint(calendar, "--policy", policy, "--baseline-write", str(base))
    assert code == 0
    last = out.splitlines()[-1]
    assert last.startswith(f"{calendar}: no problems [3 posts, ") and last.endswith(" 2 baselined]")
    entries = json.loads(base.read_text(encoding="utf-8"))["entries"]
    assert [(e["rule"], e["posts"], e["field"]) for e in entries] == [
        ("post.length", ["p1"], "text"), ("post.length", ["p3"], "text")]


def test_without_a_baseline_the_same_calendar_fails(tmp_path: Path, policy: str) -> None:
    assert lint(write(tmp_path, ROWS), "--policy", policy)[0] == 1


def test_a_new_finding_is_reported_and_the_known_ones_counted(tmp_path: Path,
                                                               policy: str) -> None:
    base = tmp_path / "baseline.json"
    lint(write(tmp_path, ROWS), "--policy", policy, "--baseline-write", str(base))
    grown = write(tmp_path, [*ROWS, "p4,2026-03-02T13:00,x-brand,A third long post here\n"])
    code, out, _ = lint(grown, "--policy", policy, "--baseline", str(base))
    assert code == 1
    assert "(post.length)" in out and "post p4" in out and "post p1" not in out
    assert ": 1 error [4 posts, " in out and out.endswith(" rules, 2 baselined]\n")


def test_reordering_and_editing_unrelated_posts_keeps_fingerprints(tmp_path: Path,
                                                                   policy: str) -> None:
    base = tmp_path / "baseline.json"
    lint(write(tmp_path, ROWS), "--policy", policy, "--baseline-write", str(base))
    edited = [ROWS[2], ROWS[1].replace("Short", "Tiny"), ROWS[0]]
    code, out, _ = lint(write(tmp_path, edited), "--policy", policy, "--baseline", str(base))
    assert code == 0, out
    assert ": no problems [3 posts, " in out and out.endswith(" rules, 2 baselined]\n")


def test_without_an_id_column_posts_are_known_by_channel_time_and_text(tmp_path: Path,
                                                                       policy: str) -> None:
    header = "publish_at,channel,text\n"
    rows = [r.split(",", 1)[1] for r in ROWS]
    base = tmp_path / "baseline.json"
    lint(write(tmp_path, rows, header=header), "--policy", policy, "--baseline-write", str(base))
    posts = [e["posts"][0] for e in json.loads(base.read_text(encoding="utf-8"))["entries"]]
    assert all(p.startswith("sha256:") for p in posts)
    moved = write(tmp_path, [rows[1], rows[2], rows[0]], header=header)
    assert lint(moved, "--policy", policy, "--baseline", str(base))[0] == 0
    changed = write(tmp_path, [rows[0].replace("Acme", "Acme!"), rows[1], rows[2]], header=header)
    code, out, _ = lint(changed, "--policy", policy, "--baseline", str(base))
    assert code == 1  # an edited text is a different post: its finding is new
    assert f"({BASELINE_STALE})" in out


def test_an_entry_that_no_longer_occurs_is_reported_at_its_line(tmp_path: Path,
                                                                policy: str) -> None:
    base = tmp_path / "baseline.json"
    lint(write(tmp_path, ROWS), "--policy", policy, "--baseline-write", str(base))
    fixed = [ROWS[0], ROWS[1], ROWS[2].replace(LONG_B, "Fixed")]
    code, out, _ = lint(write(tmp_path, fixed), "--policy", policy, "--baseline", str(base))
    assert code == 0
    assert (f"{base}:5:5: info: baseline entry no longer occurs: post.length on p3 (text); "
            f"rewrite the baseline with --baseline-write ({BASELINE_STALE})") in out


def test_the_baseline_file_is_byte_identical_across_runs(tmp_path: Path, policy: str) -> None:
    calendar = write(tmp_path, ROWS)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    lint(calendar, "--policy", policy, "--baseline-write", str(first))
    lint(calendar, "--policy", policy, "--baseline-write", str(second))
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(("text", "where", "message"), [
    ("{not json", "1:10", "baseline: YAML syntax"),
    ('{"version": 1, "version": 1, "entries": []}', "1:16", "duplicate key"),
    ('{"version": 2, "entries": []}', "1:13", "version"),
    ('{"version": 1, "entries": [{"rule": "x"}]}', "1:28", "fingerprint"),
])
def test_a_broken_baseline_is_one_line_and_exit_2(tmp_path: Path, policy: str, text: str,
                                                  where: str, message: str) -> None:
    base = tmp_path / "baseline.json"
    base.write_text(text, encoding="utf-8")
    code, out, err = lint(write(tmp_path, ROWS), "--policy", policy, "--baseline", str(base))
    assert (code, out) == (2, "")
    assert err.startswith(f"{base}:{where}: error: ") and message in err
    assert err.rstrip().endswith("(lint.baseline-unreadable)") and err.count("\n") == 1


def test_a_missing_baseline_is_one_line_and_exit_2(tmp_path: Path, policy: str) -> None:
    missing = tmp_path / "nope.json"
    code, _, err = lint(write(tmp_path, ROWS), "--policy", policy, "--baseline", str(missing))
    assert code == 2
    assert err == f"{missing}: error: cannot read the baseline: No such file or directory " \
                  "(lint.baseline-unreadable)\n"


def test_fail_on_never_reports_and_exits_0(tmp_path: Path, policy: str) -> None:
    code, out, _ = lint(write(tmp_path, ROWS), "--policy", policy, "--fail-on", "never")
    assert code == 0 and "error:" in out and "(post.length)" in out


_findings = st.lists(st.builds(
    Finding, rule=st.sampled_from(["a.one", "b.two"]), severity=st.just(Severity.ERROR),
    message=st.text(max_size=20), location=st.just(Location("plan.csv", 2, 1)),
    post_ids=st.tuples(st.sampled_from(["p1", "p2", "p3"]))), max_size=12)


@settings(max_examples=60, deadline=None)
@given(_findings, st.randoms())
def test_a_baseline_knows_its_own_findings_in_any_order(findings: list[Finding],
                                                        shuffle: object) -> None:
    loaded = load(dump(build(findings)), "baseline.json")
    reordered = list(findings)
    shuffle.shuffle(reordered)  # type: ignore[attr-defined]
    applied = apply(reordered, loaded)
    assert (applied.findings, applied.known) == ([], len(findings))
