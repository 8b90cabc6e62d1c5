"""Exact output of ``governance check`` on broken policies, kept as reviewed golden files.

Each directory under ``check/`` is a policy (most extend the clean base policy
and break one thing), ``expected.txt`` is the text report and ``exit-code`` the
exit status of ``governance check <dir> --today 2026-11-23``, run from the
repository root so paths in the report are stable. After a deliberate change,
rewrite them with ``pytest tests/golden --update-goldens`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.cli import cli

REPO = Path(__file__).resolve().parents[2]
CASES = sorted(p for p in (Path(__file__).parent / "check").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_check_output_matches_golden(
    case: Path, update_goldens: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    target = case.relative_to(REPO).as_posix()
    before = {p: p.read_bytes() for p in case.glob("*.yaml")}
    result = CliRunner().invoke(cli, ["check", target, "--today", "2026-11-23"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    expected_text, expected_code = case / "expected.txt", case / "exit-code"
    if update_goldens:
        expected_text.write_text(result.output, encoding="utf-8")
        expected_code.write_text(f"{result.exit_code}\n", encoding="utf-8")
    assert result.output == expected_text.read_text(encoding="utf-8")
    assert result.exit_code == int(expected_code.read_text(encoding="utf-8"))
    assert {p: p.read_bytes() for p in case.glob("*.yaml")} == before, "input files changed"


def test_every_golden_policy_has_its_expectations() -> None:
    for case in CASES:
        assert (case / "expected.txt").is_file() and (case / "exit-code").is_file(), case.name
    assert len(CASES) >= 9
