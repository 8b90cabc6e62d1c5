"""Calendar rules in a second process: when it is used, and that nothing changes."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner

from governance import finding_runs
from governance.cli import cli
from governance.lint import parallel

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "policies" / "example"
COMMUNITY = REPO / "tests" / "community"
EXPORTS = REPO / "tests" / "lint" / "data" / "exports"

#: (calendar, policy, extra options): material with per-post and calendar findings,
#: waive cells, unknown channels, declared fields and recurring events.
CASES = {
    "example": (EXAMPLE / "calendar" / "calendar.csv", EXAMPLE, []),
    "community": (COMMUNITY / "calendar.yaml", COMMUNITY / "policy", []),
    "k8s": (COMMUNITY / "calendar.csv", COMMUNITY / "k8s-policy", []),
    "ics": (EXPORTS / "calendar-export.ics", EXAMPLE, ["--channel", "x-global"]),
    "hootsuite": (EXPORTS / "hootsuite-export.csv", EXAMPLE, ["--channel", "x-global"]),
    "duplicate-ids": (REPO / "tests" / "lint" / "data" / "duplicate-ids.csv", EXAMPLE, []),
}

#: Calendar rules with findings in each case: what the second process contributes.
CALENDAR_FINDINGS = {
    "example": ["nw.event-share"],
    "k8s": ["k8s.election-reminders", "k8s.repost-then-quote", "k8s.weekly-meeting-note"],
    "ics": ["content.duplicates", "cadence.min-per-week"],
    "hootsuite": ["cadence.silence"],
    # Ids are looked for where the posts are kept: in the second process.
    "duplicate-ids": ["calendar.duplicate-id"],
}


def lint_output(tmp_path: Path, case: str, jobs: str, fmt: str) -> tuple[int, bytes]:
    calendar, policy, extra = CASES[case]
    out = tmp_path / f"{case}-{jobs}.{fmt}"
    result = CliRunner().invoke(cli, [
        "lint", str(calendar), "--policy", str(policy), "--today", "2026-11-23",
        "--format", fmt, "--output", str(out), "--jobs", jobs, *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, out.read_bytes()


FORKS = sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


@pytest.mark.skipif(not FORKS, reason="a second process is forked")
@pytest.mark.parametrize("fmt", ["json", "text"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_two_processes_write_the_report_of_one(tmp_path: Path, case: str, fmt: str) -> None:
    one = lint_output(tmp_path, case, "1", fmt)
    two = lint_output(tmp_path, case, "2", fmt)
    assert two == one
    for rule in CALENDAR_FINDINGS.get(case, ()):  # the second process's findings are there
        assert rule.encode() in one[1]


def _moving(moved: tuple[str, ...], split: str, taken: int) -> object:
    """A ``share_out`` that moves the rules ``moved`` and splits ``split``."""
    def share_out(post_rules: list[Any], calendar_rules: list[Any]) -> parallel.Sharing:
        by_id = {active.rule.id: active for active in post_rules}
        return parallel.Sharing(tuple(by_id[rule] for rule in moved), by_id[split], taken)
    return share_out


@pytest.mark.skipif(not FORKS, reason="a second process is forked")
@pytest.mark.parametrize("taken", [1, 8, parallel.CYCLE - 1])
def test_rules_moved_and_split_find_what_one_process_finds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, taken: int) -> None:
    one = lint_output(tmp_path, "example", "1", "json")
    # officialese finds three posts: some fall to each process's share
    monkeypatch.setattr(parallel, "share_out", _moving(
        ("tone.third-person", "post.personal-data"), "tone.officialese", taken))
    two = lint_output(tmp_path, "example", "2", "json")
    assert two == one
    for rule in (b"tone.third-person", b"post.personal-data", b"tone.officialese"):
        assert rule in one[1]


def test_the_rule_that_would_tip_the_loads_is_split_by_posts() -> None:
    def active(rule_id: str, cost: float) -> Any:
        return SimpleNamespace(rule=SimpleNamespace(id=rule_id, cost=cost))

    lexicon, length = active("lexicon", 7.0), active("length", 1.0)
    alone = parallel.share_out([lexicon, length], [])
    assert alone.moved == () and alone.split is lexicon
    assert 0 < alone.taken < parallel.CYCLE  # both processes judge the lexicon
    heavy = active("duplicates", 20.0)
    busy = parallel.share_out([lexicon, length], [heavy])
    assert not busy  # the calendar rules load the second process enough
    # Costs in proportion to what each process does besides its rules, so that the
    # case holds whatever those measure on the day they are taken.
    start = parallel.STORE_COST + 1.0  # the second process's load with one calendar rule
    lexicon = active("lexicon", start)
    rules = [active("third", start + 1), lexicon, length, active("tags", start / 2),
             active("links", start / 2)]
    light = parallel.share_out(rules, [active("cadence", 1.0)])
    assert [a.rule.id for a in light.moved] == ["third"] and light.split is lexicon
    assert 0 < light.taken < parallel.CYCLE


def _fails_in_the_child(*_: object) -> None:
    os._exit(7)  # the second process dies without a word


def _raises_in_the_child(*_: object) -> tuple[object, ...]:
    raise RuntimeError("a calendar rule failed")


@pytest.mark.parametrize(("name", "broken"), [
    ("_serve", _fails_in_the_child), ("as_fields", _raises_in_the_child)])
def test_the_first_process_does_the_calendar_half_when_the_second_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, broken: object) -> None:
    one = lint_output(tmp_path, "example", "1", "json")
    monkeypatch.setattr(parallel, name, broken)
    assert lint_output(tmp_path, "example", "2", "json") == one


@pytest.mark.skipif(not FORKS, reason="a second process is forked")
def test_findings_come_back_in_batches_and_in_full(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = lint_output(tmp_path, "example", "1", "json")
    monkeypatch.setattr(parallel, "BATCH", 2)
    assert lint_output(tmp_path, "example", "2", "json") == one


@pytest.mark.skipif(not FORKS, reason="a second process is forked")
def test_a_second_process_is_used_only_where_it_pays(tmp_path: Path) -> None:
    small = tmp_path / "small.csv"
    small.write_text("id,publish_at,text\np1,2026-03-02T10:00,hello\n", encoding="utf-8")
    large = tmp_path / "large.csv"
    large.write_bytes(b"x" * parallel.PARALLEL_FROM_BYTES)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    cores = parallel._cores()
    assert parallel.wanted(2, [str(small)], work_to_share=True)  # asked for
    assert not parallel.wanted(None, [str(small)], work_to_share=True)  # too small to pay
    assert parallel.wanted(None, [str(large)], work_to_share=True) is (cores > 1)
    assert not parallel.wanted(1, [str(large)], work_to_share=True)  # one process asked for
    assert not parallel.wanted(2, [str(large)], work_to_share=False)  # nothing to share
    assert not parallel.wanted(2, ["-"], work_to_share=True)  # standard input: read once
    assert not parallel.wanted(2, [str(fifo)], work_to_share=True)  # a pipe: read once
    assert not parallel.wanted(2, [str(large), str(tmp_path / "missing.csv")], True)


def test_jobs_must_be_a_positive_number(tmp_path: Path) -> None:
    calendar, policy, _ = CASES["example"]
    result = CliRunner().invoke(cli, ["lint", str(calendar), "--policy", str(policy),
                                       "--jobs", "0"])
    assert result.exit_code == 2
    assert "--jobs" in result.output


def test_no_second_process_on_macos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calendar = tmp_path / "plan.csv"
    calendar.write_bytes(b"x" * parallel.PARALLEL_FROM_BYTES)
    monkeypatch.setattr(parallel.sys, "platform", "darwin")
    assert not parallel.wanted(2, [str(calendar)], work_to_share=True)


def test_the_second_process_ends_quietly_when_the_first_is_gone(
        monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    receive, send = multiprocessing.Pipe(duplex=False)
    receive.close()  # the first process died before asking
    monkeypatch.setattr(signal, "signal", lambda *_: None)
    parallel._serve(lambda: [], send)
    assert capfd.readouterr().err == ""


@pytest.mark.skipif(not FORKS, reason="a second process is forked")
def test_an_unreadable_calendar_stops_both_processes(tmp_path: Path) -> None:
    calendar, policy, _ = CASES["example"]
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"id,publish_at\x00\xff\n")
    result = CliRunner().invoke(cli, ["lint", str(calendar), str(broken), "--policy", str(policy),
                                      "--jobs", "2"])
    assert result.exit_code == 2
    assert "calendar.unreadable" in result.output
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(not FORKS, reason="a second process is forked")
def test_findings_the_second_process_sent_before_failing_are_taken_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = lint_output(tmp_path, "example", "1", "json")
    first = os.getpid()
    sent: list[int] = []
    real = finding_runs.as_fields

    def fails_after_a_few(finding: Any) -> tuple[object, ...]:
        if os.getpid() != first:  # in the second process only
            sent.append(1)
            if len(sent) > 3:
                raise RuntimeError("a calendar rule failed half way")
        return real(finding)

    monkeypatch.setattr(parallel, "BATCH", 1)
    monkeypatch.setattr(finding_runs, "RUN", 2)
    monkeypatch.setattr(parallel, "as_fields", fails_after_a_few)
    received: list[int] = []
    real_receive = parallel.Background.receive

    def receive(self: parallel.Background, take: Any) -> bool:
        def counting(batch: list[Any]) -> None:
            received.append(len(batch))
            take(batch)
        return real_receive(self, counting)

    monkeypatch.setattr(parallel.Background, "receive", receive)
    assert lint_output(tmp_path, "example", "2", "json") == one
    assert len(received) == 3  # three findings arrived, were handed over, then taken back
