"""A field the policy declares required: one error for a calendar without its column,
one per post for a post that leaves it empty."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from governance.cli import cli

POLICY = """\
extends: [network-limits]
organisation: {name: Pallas, languages: [en], timezone: UTC, policy_version: "1.0",
               effective_date: 2026-01-01}
roles: [{id: comms, title: Comms, type: internal}]
channels: [{id: x-main, network: x, handle: pallas, purpose: brand, owner: comms,
            answers: false}]
workflow:
  activities: [{id: publish, name: Publish, raci: {comms: A}}]
calendar:
  fields:
    rights: {type: enum, values: [own, licensed], required: true}
"""


def lint(tmp_path: Path, calendar: str) -> tuple[int, str]:
    (tmp_path / "policy.yaml").write_text(POLICY, encoding="utf-8")
    (tmp_path / "plan.csv").write_text(calendar, encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", str(tmp_path / "plan.csv"), "--policy",
                                      str(tmp_path / "policy.yaml"), "--today", "2026-02-01"])
    return result.exit_code, result.output


def test_a_missing_required_column_is_one_error(tmp_path: Path) -> None:
    code, out = lint(tmp_path, "publish_at,channel,text\n2026-03-02T10:00,x-main,Hello\n"
                               "2026-03-03T10:00,x-main,Again\n")
    assert code == 1
    assert out.count("(calendar.missing-column)") == 1
    assert "(calendar.missing-field)" not in out
    assert "no 'rights' column" in out


def test_an_empty_required_cell_is_an_error_on_its_post(tmp_path: Path) -> None:
    code, out = lint(tmp_path, "publish_at,channel,text,rights\n2026-03-02T10:00,x-main,Hello,own\n"
                               "2026-03-03T10:00,x-main,Again,\n")
    assert code == 1
    assert out.count("(calendar.missing-field)") == 1
    assert "plan.csv:3:" in out and "(calendar.missing-column)" not in out
