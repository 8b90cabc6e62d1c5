"""Values from input files reach the terminal and the CI log without control characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from security_helpers import HEADER, TODAY, example_policy, run

from governance.text_safety import printable

FORGED = "::error file=evil.py,line=1::injected"
RETITLE = "\x1b]0;pwned\x07"
CSI = "\x1b[2J\x1b[31m"


@pytest.mark.parametrize(("post_id", "channel"), [
    (FORGED, "vk-community"),
    (f'"x\n{FORGED}"', "vk-community"),
    (f"{RETITLE}p1", f"vk{CSI}-community"),
    ("p1", f'"\r{FORGED}"'),
    (f"p1\u202e{RETITLE}", FORGED),
])
def test_the_text_report_prints_no_controls_and_no_workflow_command(
        tmp_path: Path, post_id: str, channel: str) -> None:
    policy = example_policy(tmp_path)
    plan = tmp_path / "plan.csv"
    plan.write_text(HEADER + f"{post_id},2026-12-01T10:00,{channel},agency,Привет всем,,,"
                    "engagement,smm-lead,кофе\n", encoding="utf-8")
    code, out, err = run("lint", plan, "--policy", policy, "--today", TODAY)
    assert code in (0, 1), err
    for stream in (out, err):
        assert not any(line.lstrip().startswith("::") for line in stream.splitlines())
        assert not [ch for ch in stream if (ch < " " and ch != "\n") or "\x7f" <= ch <= "\x9f"]
        assert "\u202e" not in stream


def test_one_line_errors_are_cleaned_too(tmp_path: Path) -> None:
    policy = example_policy(tmp_path)
    plan = tmp_path / f"plan{RETITLE}.csv"
    plan.write_text("", encoding="utf-8")
    code, _, err = run("lint", plan, "--policy", policy)
    assert code == 2
    assert err == f"{tmp_path}/plan]0;pwned.csv: error: no posts in {tmp_path}/plan]0;pwned.csv " \
                  "(calendar.unreadable)\n"


@pytest.mark.parametrize(("raw", "shown"), [
    ("plain text", "plain text"),
    ("tab\tkept", "tab\tkept"),
    (FORGED, "error file=evil.py,line=1::injected"),
    ("  :: ::set-output name=x::y", "set-output name=x::y"),
    (f"a\r\n{FORGED}", f"a {FORGED}"),
    (f"{RETITLE}title", "]0;pwnedtitle"),
    (f"red{CSI}text", "red[2J[31mtext"),
    ("\x85next\u2028line", " next line"),
    ("bidi\u202eevil\u2066", "bidievil"),
    ("nul\x00del\x7fc1\x9b", "nuldelc1"),
])
def test_printable(raw: str, shown: str) -> None:
    assert printable(raw) == shown
