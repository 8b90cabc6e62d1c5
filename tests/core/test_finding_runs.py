"""Findings handed over in runs come back as one sort of them all would give them."""

from __future__ import annotations

import errno
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance import finding_runs
from governance.finding_runs import FindingRuns, Tally, as_fields
from governance.findings import NOTICES, Finding, Location, Severity, sort_findings

_locations = st.one_of(
    st.none(),
    st.builds(Location, st.sampled_from(["a.csv", "b.csv", "ü.yaml"]),
              st.integers(0, 6), st.integers(0, 3), st.sampled_from(["", "Sheet1!A2"])))
_findings = st.builds(
    Finding,
    rule=st.sampled_from(["post.length", "tone.lexicon", "content.duplicates",
                          *sorted(NOTICES)]),
    severity=st.sampled_from(list(Severity)),
    message=st.sampled_from(["too long", "say «we»", "repeats P1", ""]),
    location=_locations,
    post_ids=st.lists(st.sampled_from(["P1", "P2", "P3"]), max_size=2).map(tuple),
    channel=st.sampled_from(["", "x-main"]),
    waived_by=st.sampled_from(["", "waiver w1"]),
    data=st.fixed_dictionaries({}, optional={"window": st.just({"start": "2026-03-02"})}),
)


def _handed_over(findings: list[Finding], sizes: list[int], run: int) -> FindingRuns:
    runs, pending, start = FindingRuns(run), [], 0
    for size in sizes:
        pending.extend(findings[start:start + size])
        start += size
        runs.spill(pending)
        assert pending == []
    return runs.finish(findings[start:])


def _tally(findings: list[Finding]) -> Tally:
    tally = Tally()
    tally.add(findings)
    return tally


@settings(max_examples=150, deadline=None)
@given(st.lists(_findings, max_size=60), st.lists(st.integers(0, 12), max_size=8),
       st.integers(1, 5))
def test_runs_read_back_as_one_stable_sort(findings: list[Finding], sizes: list[int],
                                           chunk: int) -> None:
    finding_runs.CHUNK, saved = chunk, finding_runs.CHUNK
    try:
        runs = _handed_over(findings, sizes, run=4)
        expected = sort_findings(findings)
        # Field by field, data too: a stable sort keeps equal findings in their order.
        assert [as_fields(f) for f in runs] == [as_fields(f) for f in expected]
        assert [as_fields(f) for f in runs] == [as_fields(f) for f in expected]  # again
        assert len(runs) == len(findings) and bool(runs) == bool(findings)
        assert runs.tally == _tally(findings)
    finally:
        finding_runs.CHUNK = saved


@settings(max_examples=100, deadline=None)
@given(st.lists(_findings, max_size=40), st.lists(st.integers(0, 10), max_size=5))
def test_dropping_reaches_written_runs_and_recounts(findings: list[Finding],
                                                   sizes: list[int]) -> None:
    def unwanted(finding: Finding) -> bool:
        return finding.rule == "post.length"

    runs = FindingRuns(4)
    pending, start = [], 0
    for size in sizes:
        pending.extend(findings[start:start + size])
        start += size
        runs.spill(pending)
    runs.drop(unwanted)
    runs.finish(findings[start:])
    kept = [f for f in findings[:start] if not unwanted(f)] + findings[start:]
    assert [as_fields(f) for f in runs] == [as_fields(f) for f in sort_findings(kept)]
    assert len(runs) == len(kept) and runs.tally == _tally(kept)


def test_the_tally_is_what_a_report_opens_with() -> None:
    where = Location("plan.csv", 2, 1)
    tally = _tally([
        Finding("post.length", Severity.ERROR, "too long", where),
        Finding("post.length", Severity.ERROR, "too long", where, waived_by="w1"),
        Finding("calendar.rule-skipped", Severity.INFO, "skipped", where),
        Finding("tone.lexicon", Severity.WARNING, "say «we»", where),
    ])
    assert tally.counts == {Severity.ERROR: 1, Severity.WARNING: 1, Severity.INFO: 1}
    assert tally.waived == 1 and tally.worst is Severity.ERROR
    assert tally.rules == {"post.length", "calendar.rule-skipped", "tone.lexicon"}
    notices_only = _tally([Finding("calendar.rule-skipped", Severity.INFO, "skipped", where)])
    assert notices_only.worst is None  # a notice never fails a run


def test_small_runs_stay_in_memory() -> None:
    runs = FindingRuns(4).finish([Finding("post.length", Severity.ERROR, "too long")])
    assert runs._file is None and len(list(runs)) == 1


def test_without_room_for_a_temporary_file_runs_stay_in_memory(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_room(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(finding_runs.tempfile, "TemporaryFile", no_room)
    findings = [Finding("post.length", Severity.ERROR, f"too long {n}", Location("a.csv", 9 - n))
                for n in range(9)]
    runs = _handed_over(findings, [4, 4], run=4)
    assert runs._file is None
    assert [as_fields(f) for f in runs] == [as_fields(f) for f in sort_findings(findings)]


@settings(max_examples=100, deadline=None)
@given(st.lists(_findings, max_size=30), st.lists(_findings, max_size=30),
       st.integers(1, 6))
def test_a_rollback_forgets_the_runs_since_its_mark(kept: list[Finding], taken_back: list[Finding],
                                                    run: int) -> None:
    runs = FindingRuns(run)
    pending = list(kept)
    runs.spill(pending)
    mark = runs.mark()
    for start in range(0, len(taken_back), run):
        pending.extend(taken_back[start:start + run])
        runs.spill(pending)
    runs.rollback(mark)
    runs.finish([])
    assert [as_fields(f) for f in runs] == [as_fields(f) for f in sort_findings(kept)]
    assert len(runs) == len(kept) and runs.tally == _tally(kept)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 9), max_size=40), st.integers(1, 6), st.integers(1, 12))
def test_pieces_keep_the_order_and_their_bounds(named: list[int], count: int, ids: int) -> None:
    findings = [Finding("content.link-share", Severity.WARNING, f"share {n}",
                        post_ids=tuple(f"P{k}" for k in range(n))) for n in named]
    cut = list(finding_runs.pieces(iter(findings), count, ids))  # any iterable
    assert [f for piece in cut for f in piece] == findings
    for piece in cut:
        assert piece and len(piece) <= count
        assert len(piece) == 1 or sum(len(f.post_ids) for f in piece) <= ids
    # As few pieces as the bounds allow: each piece but the last is full by one bound.
    for piece, following in itertools.pairwise(cut):
        assert len(piece) == count or \
            sum(len(f.post_ids) for f in [*piece, following[0]]) > ids


def test_a_few_findings_naming_many_posts_go_to_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(finding_runs, "RUN_IDS", 10)
    wide = Finding("content.link-share", Severity.WARNING, "over 30 %",
                   post_ids=tuple(f"P{n}" for n in range(12)))
    runs = FindingRuns(100)
    runs.spill([wide])
    assert runs._file is not None  # one finding, but it names more posts than a run may
    assert [as_fields(f) for f in runs.finish([])] == [as_fields(wide)]
