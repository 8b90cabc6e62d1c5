"""The entry points: ``python -m governance`` and ``governance schema [--check]``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from governance import __version__
from governance.cli import cli
from governance.schemas import render_schemas

REPO = Path(__file__).resolve().parents[2]


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run([sys.executable, "-m", "governance", "--version"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (
        0, f"governance, version {__version__}\n", "")


def test_python_dash_m_checks_a_policy() -> None:
    done = subprocess.run([sys.executable, "-m", "governance", "check",
                           str(REPO / "policies" / "example"), "--today", "2026-11-01"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert re.search(r": no problems \[9 files, \d+ rules\]\n$", done.stdout)


def test_the_shipped_schemas_are_up_to_date() -> None:
    result = CliRunner().invoke(cli, ["schema", "--check"])
    assert (result.exit_code, result.output) == (0, "")


def test_schema_check_names_stale_files_and_writes_nothing(tmp_path: Path) -> None:
    names = list(render_schemas())  # in the order the models are listed
    result = CliRunner().invoke(cli, ["schema", "--check", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == "".join(f"{tmp_path / n}: out of date\n" for n in names)
    assert list(tmp_path.iterdir()) == []


def test_schema_writes_then_checks_clean(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(render_schemas())
    stale = tmp_path / sorted(render_schemas())[0]
    stale.write_text("{}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["schema", "--check", "--out", str(tmp_path)])
    assert (result.exit_code, result.output) == (1, f"{stale}: out of date\n")
    assert CliRunner().invoke(cli, ["schema", "--out", str(tmp_path)]).exit_code == 0
    assert CliRunner().invoke(cli, ["schema", "--check", "--out", str(tmp_path)]).exit_code == 0
