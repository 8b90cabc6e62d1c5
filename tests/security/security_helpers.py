"""Helpers for the hostile-input tests: a small clean policy, calendars, the CLI in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from governance.cli import cli

EXAMPLE = Path(__file__).resolve().parents[2] / "policies" / "example"
HEADER = "id,publish_at,channel,author,text,link,sponsored,kind,approved_by,topic\n"
#: A post the example policy finds nothing wrong with.
ROW = ("p1,2026-12-01T10:00,vk-community,agency,Доброе утро! Что вы пьёте сегодня?,,,"
       "engagement,smm-lead,кофе\n")
TODAY = "2026-11-01"


def example_policy(root: Path) -> Path:
    """A copy of the shipped example policy (without its calendar) under ``root/policy``."""
    target = root / "policy"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("calendar"))
    return target


def calendar(root: Path, rows: str = ROW, name: str = "plan.csv") -> Path:
    path = root / name
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def snapshot(*roots: Path) -> dict[Path, bytes]:
    """The bytes of every file under ``roots``, to prove that a run changed none."""
    files: dict[Path, bytes] = {}
    for root in roots:
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        files.update((path, path.read_bytes()) for path in paths)
    return files
