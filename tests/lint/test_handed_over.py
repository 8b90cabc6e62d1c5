"""A lint run hands its findings over in runs written to disk: the reports stay the same.

``FindingRuns.RUN`` findings are held before a run is written; here it is one
finding, so every case writes a run a post and merges them back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_parallel import CASES, FORKS, lint_output
from test_required_column import lint as lint_required

from governance import finding_runs
from governance.lint import engine

FORMATS = ["json", "sarif", "junit", "text", "github"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_reports_are_the_same_when_findings_go_to_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, fmt: str) -> None:
    jobs = ["1", "2"] if FORKS else ["1"]
    whole = {j: lint_output(tmp_path / "whole", case, j, fmt) for j in jobs}
    spilled: list[int] = []
    real_spill = finding_runs.FindingRuns.spill

    def spill(self: finding_runs.FindingRuns, findings: list) -> None:  # type: ignore[type-arg]
        spilled.append(len(findings))
        real_spill(self, findings)

    monkeypatch.setattr(finding_runs, "RUN", 1)
    monkeypatch.setattr(finding_runs.FindingRuns, "spill", spill)
    for j in jobs:
        assert lint_output(tmp_path / "runs", case, j, fmt) == whole[j]
    assert any(spilled)  # runs were written, and merged back


def test_a_missing_column_drops_the_per_row_errors_already_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "".join(f"2026-03-{day:02d}T10:00,x-main,Post {day}\n" for day in range(2, 12))
    calendar = "publish_at,channel,text\n" + rows
    for name in ("whole", "runs"):
        (tmp_path / name).mkdir()
    whole = lint_required(tmp_path / "whole", calendar)
    monkeypatch.setattr(finding_runs, "RUN", 2)
    handed: list[int] = []
    real = engine._Run._hand_over

    def hand_over(self: engine._Run) -> None:
        handed.append(len(self.findings))
        real(self)

    monkeypatch.setattr(engine._Run, "_hand_over", hand_over)
    code, out = lint_required(tmp_path / "runs", calendar)
    assert handed  # some per-row errors were on disk when the column was found missing
    assert (code, out.replace("/runs/", "/whole/")) == whole
    assert out.count("(calendar.missing-column)") == 1 and "(calendar.missing-field)" not in out
