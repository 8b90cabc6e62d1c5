"""What a cold ``governance check`` and ``governance --version`` import.

Most of a cold ``check`` is importing modules, so the ones it has no use for
stay unimported: ``regex`` (links, which the example's rule examples do not
hold), the review's figures, the lint engine and the calendar readers, git.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: Runs the command line given as arguments, then lists every module imported.
_LIST_MODULES = """
import contextlib, io, sys
from governance.cli import cli
with contextlib.redirect_stdout(io.StringIO()):
    try:
        cli.main(sys.argv[1:], prog_name="governance")
    except SystemExit:
        pass
print("\\n".join(sorted(sys.modules)))
"""


def imported_by(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", _LIST_MODULES, *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120, check=True)
    return set(done.stdout.split())


def test_check_imports_nothing_only_lint_or_review_use() -> None:
    imported = imported_by("check", str(REPO / "policies" / "example"), "--today", "2026-11-01")
    assert {"governance.loader", "governance.rules.catalogue"} <= imported  # it did check
    unused = {"regex", "subprocess", "governance.lint.engine", "governance.calendars",
              "governance.review.kpis", "governance.review.responses"}
    assert unused & imported == set()


def test_version_imports_no_policy_machinery() -> None:
    imported = imported_by("--version")
    assert {"pydantic", "yaml", "governance.models", "tempfile", "subprocess"} & imported == set()
