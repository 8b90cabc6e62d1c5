"""Real exports lint on the first try: Buffer, Hootsuite (headerless, US dates) and
Sprout bulk files and an iCalendar export without CATEGORIES, each with ``--channel``,
against the example policy. Each finding listed here is one the content deserves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.calendars import ReadOptions, read_calendar
from governance.cli import cli

EXPORTS = Path(__file__).parent / "data" / "exports"
EXAMPLE = Path(__file__).parents[2] / "policies" / "example"
# The example declares a ``rights`` field for its own calendar; no export has it.
SKIPPED_WITHOUT_LINK = ["approvals.required", "nw.contest-rules-link", "nw.https-links",
                        "nw.image-rights", "nw.recruiting-link", "post.author-allowed",
                        "post.topic-missing"]
SKIPPED = ["approvals.required", "nw.image-rights", "post.author-allowed", "post.topic-missing"]

CASES = {
    "buffer-export.csv": ("buffer", [
        ("post.alt-text", "row-2"),  # an image, and Buffer's file has no alt text
    ], SKIPPED_WITHOUT_LINK),
    "hootsuite-export.csv": ("hootsuite", [
        # Nothing planned between 9 and 31 December on an account that promises two a week.
        ("cadence.min-per-week", "row-3"),
        ("cadence.silence", "row-3"),
    ], SKIPPED),
    "sprout-export.csv": ("sprout", [
        ("post.alt-text", "row-3"),
        ("post.blackout", "row-4"),  # a hiring post in the investor quiet period
    ], SKIPPED),
    "calendar-export.ics": ("ics", [
        ("post.blackout", "3b1f0c9e2a7d4c1fb7c2@google.com@20261215T110000"),
        ("cadence.min-per-week", "3b1f0c9e2a7d4c1fb7c2@google.com@20261222T110000"),
        # The weekly tip repeats one text three times: the series needs fresh tips.
        ("content.duplicates", "3b1f0c9e2a7d4c1fb7c2@google.com@20261215T110000"),
    ], SKIPPED_WITHOUT_LINK),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_export_lints_with_only_the_findings_its_content_deserves(name: str) -> None:
    fmt, expected, skipped = CASES[name]
    result = CliRunner().invoke(cli, [
        "lint", str(EXPORTS / name), "--policy", str(EXAMPLE), "--channel", "x-global",
        "--today", "2026-11-25", "--format", "json"])
    report = json.loads(result.stdout)
    findings = report["findings"]
    notices = {"calendar.rule-skipped", "calendar.date-order"}
    found = sorted((f["rule"], f["post_ids"][0]) for f in findings if f["rule"] not in notices)
    assert found == sorted(expected)
    skips = sorted(f["message"].split(" ")[0] for f in findings
                   if f["rule"] == "calendar.rule-skipped")
    assert skips == skipped
    assert result.exit_code == (1 if any(f["severity"] == "error" for f in findings) else 0)
    assert read_calendar(EXPORTS / name, ReadOptions(default_channel="x")).format == fmt
