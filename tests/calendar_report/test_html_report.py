"""``governance lint --format html``: one self-contained page, escaped, worded, deterministic."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from report_helpers import (
    EXAMPLE_CALENDAR,
    EXAMPLE_POLICY,
    example_report,
    lint,
    report_of,
    write_calendar,
    write_policy,
)

from governance.calendar_report.wording import MESSAGES_DIR, catalogue
from governance.cli import cli
from governance.render.i18n import placeholders

HOSTILE = "<script>alert(1)</script>"
CHIP = re.compile(r'<a class="post [^"]*" id="post-\d+"')


def finding_row(page: str, rule: str) -> str:
    table = page[page.index('id="findings-table"'):]
    return table[table.index(f"<code>{rule}</code></td>"):].split("</tr>")[0]


def test_the_example_report_shows_every_post_and_pairs_with_json(tmp_path: Path) -> None:
    page = example_report(tmp_path / "plan.html", "--format", "json",
                          "--output", str(tmp_path / "plan.json"))
    assert len(CHIP.findall(page)) == 43
    report = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert page.count("<tr data-severity=") == len(report["findings"]) == 15
    assert page.count("<svg") == 3  # heat map, shares, content mix


def test_the_report_is_byte_identical_across_runs(tmp_path: Path) -> None:
    first = example_report(tmp_path / "a.html")
    second = example_report(tmp_path / "b.html")
    assert first == second


def test_the_page_fetches_nothing(tmp_path: Path) -> None:
    page = example_report(tmp_path / "plan.html")
    assert not re.search(r"<link|\ssrc=|@import|url\((?!#)", page)
    assert "default-src 'none'" in page
    assert page.count("<script") == 1  # the filter script, allowed by its hash


def test_the_example_speaks_the_policys_first_language(tmp_path: Path) -> None:
    page = example_report(tmp_path / "plan.html")
    assert '<html lang="ru">' in page
    assert "контент-план" in page and "Замечания" in page
    assert "30 ноября 2026" in page  # the span, in Russian


def test_lang_picks_english(tmp_path: Path) -> None:
    page = example_report(tmp_path / "plan.html", "--lang", "en")
    assert '<html lang="en">' in page
    assert "content plan" in page and "Findings" in page
    assert "November 30, 2026" in page


def test_hostile_texts_are_shown_as_text(tmp_path: Path) -> None:
    page = report_of(tmp_path, [
        {"id": "p1", "text": HOSTILE, "kind": "<img src=x onerror=alert(2)>"},
        {"id": '"><script>alert(3)</script>', "channel": "<b>nowhere</b>"},
    ])
    assert page.count("<script") == 1
    assert "<img" not in page and "<b>nowhere" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page


def test_times_and_days_are_the_policys_timezone(tmp_path: Path) -> None:
    snippet = "organisation:\n  timezone: Europe/Moscow\n"
    page = report_of(tmp_path, [{"id": "late", "publish_at": "2026-03-02T22:30:00+00:00"}],
                     snippet)
    chip = page[page.index('id="post-1"'):]
    assert chip.split("</a>")[0].endswith("<b>01:30</b><span>—</span>") is False
    assert "<b>01:30</b>" in chip.split("</a>")[0]
    day_cell = page[:page.index('id="post-1"')].rsplit('<span class="day">', 1)[1]
    assert day_cell.startswith("3<")  # 22:30 UTC is 01:30 on March 3 in Moscow


def test_blackout_days_are_shaded_for_the_channels_they_cover(tmp_path: Path) -> None:
    snippet = """content:
  blackouts:
    - {id: agm, start: 2026-03-03, end: 2026-03-03, reason: Annual meeting, channels: [x-brand]}
"""
    page = report_of(tmp_path, [
        {"id": "a", "publish_at": "2026-03-02T10:00:00+00:00"},
        {"id": "b", "publish_at": "2026-03-04T10:00:00+00:00", "channel": "tg-news"},
    ], snippet)
    shaded = re.findall(r'<td class="[^"]*blackout" title="([^"]*)">\s*<span class="day">(\d+)',
                        page)
    assert shaded == [("Blackout agm: Annual meeting", "3")]


def test_findings_link_to_their_post_and_explain_their_rule(tmp_path: Path) -> None:
    snippet = "networks:\n  x: {max_length: 10}\n"
    page = report_of(tmp_path, [{"id": "long", "text": "Hello there everyone"}], snippet)
    row = finding_row(page, "post.length")
    assert '<a href="#post-1">long</a>' in row
    assert "<small>5:9</small>" in row  # the text's line:column; the calendar is the subtitle's
    note = page[page.index('<tr id="rule-post.length">'):].split("</tr>")[0]
    assert "A post fits the length limit of its network and channel." in note
    chip = page[page.index('id="post-1"') - 40:].split("</a>")[0]
    assert 'class="post error"' in chip


def test_waived_findings_say_so(tmp_path: Path) -> None:
    snippet = "networks:\n  x: {max_length: 10}\n"
    page = report_of(tmp_path, [{"id": "long", "text": "Hello there everyone",
                                 "waive": ["post.length: agreed with legal"]}], snippet)
    row = finding_row(page, "post.length")
    assert "waived: waived in the calendar: agreed with legal" in row
    assert 'class="post waived"' in page


def test_an_empty_calendar_is_an_error_and_writes_no_page(tmp_path: Path) -> None:
    out = tmp_path / "plan.html"
    code, _, err = lint(str(write_calendar(tmp_path, [])), "--policy",
                        str(write_policy(tmp_path)), "--format", "html", "--output", str(out))
    assert code == 2 and "no posts in" in err
    assert not out.exists()


def test_a_clean_calendar_says_it_has_no_findings(tmp_path: Path) -> None:
    page = report_of(tmp_path, [{"id": "fine", "text": "Hello"}])
    assert "No findings. The plan follows the policy." in page
    assert 'class="post clean"' in page


def test_check_writes_an_html_page_of_the_policy_findings(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(EXAMPLE_POLICY), "--format", "html",
                                      "--today", "2026-11-23"])
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert 'id="calendar"' not in result.stdout


def test_an_unknown_language_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = lint(str(EXAMPLE_CALENDAR), "--policy", str(EXAMPLE_POLICY),
                        "--format", "html", "--output", str(tmp_path / "p.html"), "--lang", "de")
    assert code == 2 and "Traceback" not in err
    assert not (tmp_path / "p.html").exists()


@pytest.mark.parametrize("lang", ["ru"])
def test_the_catalogues_have_the_same_messages(lang: str) -> None:
    english = catalogue("en").messages
    other = catalogue(lang).messages
    assert set(other) == set(english)
    for key, message in english.items():
        assert placeholders(other[key]) == placeholders(message), key
    assert sorted(p.name for p in MESSAGES_DIR.iterdir()) == ["en.yaml", "ru.yaml"]


def test_posts_sit_under_the_channel_the_lint_resolved(tmp_path: Path) -> None:
    page = report_of(tmp_path, [{"id": "by-network", "channel": "x"}])
    assert '<div class="month" data-channel="x-brand">' in page
    assert 'data-channel="x"' not in page


def test_a_policy_with_errors_gives_a_page_of_its_findings(tmp_path: Path) -> None:
    snippet = "channels:\n  - {id: broken, network: x}\n"
    page = report_of(tmp_path, [{"id": "p1"}], snippet)
    assert 'id="calendar"' not in page
    assert "<code>schema.missing-key</code>" in page


def test_lint_help_names_every_registered_format() -> None:
    from governance.formatters import FORMATTERS

    result = CliRunner().invoke(cli, ["lint", "--help"])
    help_text = " ".join(result.stdout.split())
    assert all(name in help_text for name in FORMATTERS)
    assert "--lang [en|ru]" in help_text
