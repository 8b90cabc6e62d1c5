"""The report opened in headless Chromium: it loads cleanly, shows every post, filters, resists."""

from __future__ import annotations

import re
from pathlib import Path

from browser import needs_chromium, png_colours, screenshot, visit
from report_helpers import example_report, report_of

pytestmark = needs_chromium

ROW = re.compile(r'<tr data-severity="([^"]*)"[^>]*?( hidden="")?><td>[^<]*</td>'
                 r'<td><code>([^<]*)</code></td><td>([^<]*)</td>')
CHIP = re.compile(r'<a class="post [^"]*" id="post-\d+"')
PWN = ("document.documentElement.setAttribute('data-pwned','1')")


def test_the_example_loads_without_console_messages(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    example_report(page)
    seen = visit(page.as_uri(), tmp_path / "profile")
    assert seen.console == []
    assert 'data-filter-ready="1"' in seen.dom  # the script ran: its CSP hash is right


def test_the_grid_shows_the_examples_43_posts(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    example_report(page)
    assert len(CHIP.findall(visit(page.as_uri(), tmp_path / "profile").dom)) == 43


def test_a_rule_in_the_address_leaves_only_its_findings(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    example_report(page)
    dom = visit(page.as_uri() + "?rule=tone.officialese", tmp_path / "profile").dom
    rows = ROW.findall(dom)
    assert len(rows) == 15
    shown = [rule for _, hidden, rule, _ in rows if not hidden]
    assert shown == ["tone.officialese"] * 3
    assert "Показано 3 из 15" in dom


def test_severity_and_channel_filters_combine(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    example_report(page)
    dom = visit(page.as_uri() + "?severity=error&channel=tg-careers", tmp_path / "profile").dom
    rows = ROW.findall(dom)
    shown = [(severity, channel) for severity, hidden, _, channel in rows if not hidden]
    assert shown == [("error", "tg-careers")] * 2
    assert len(rows) == 15


def test_a_post_in_the_address_leaves_its_findings(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    example_report(page)
    dom = visit(page.as_uri() + "?post=tg-04", tmp_path / "profile").dom
    shown = [rule for _, hidden, rule, _ in ROW.findall(dom) if not hidden]
    assert shown == ["tone.officialese"] * 3


def test_a_hostile_post_text_is_not_executed(tmp_path: Path) -> None:
    report_of(tmp_path, [
        {"id": "p1", "text": f"<script>{PWN}</script>"},
        {"id": "p2", "text": f'<img src=x onerror="{PWN}">', "kind": f"<svg onload=\"{PWN}\">"},
    ])
    seen = visit((tmp_path / "plan.html").as_uri(), tmp_path / "profile")
    root = re.search(r"<html[^>]*>", seen.dom)
    assert root is not None and "data-pwned" not in root.group(0)
    assert "&lt;script&gt;" in seen.dom
    assert seen.console == []


def test_a_screenshot_is_not_blank(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    example_report(page)
    png = tmp_path / "plan.png"
    screenshot(page.as_uri(), png, tmp_path / "profile")
    assert png_colours(png) > 20
