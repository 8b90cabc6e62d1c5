"""The review page in headless Chromium at 1,280 px: nothing wider than the window, not blank.

The screenshot helper is the calendar report's (``tests/calendar_report/browser.py``),
loaded by path: the two test folders are not packages.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from governance.cli import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "policies" / "example"
DATA = EXAMPLE / "review"


def _browser() -> ModuleType:
    if "browser" in sys.modules:  # the calendar report's tests imported it already
        return sys.modules["browser"]
    spec = importlib.util.spec_from_file_location(
        "browser", ROOT / "tests" / "calendar_report" / "browser.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["browser"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


browser = _browser()
pytestmark = browser.needs_chromium

#: Writes into the DOM how far the widest element reaches past the window's right
#: edge (px), the page's scroll width, and the charts drawn. Elements inside a
#: scrolling box are judged by the box, which must not need to scroll either.
_MEASURE = """<script>
const edge = document.documentElement.clientWidth;
const clipped = el => el.parentElement && el.parentElement.closest(".scroll, figure.chart");
const all = [...document.body.querySelectorAll("*")].filter(el => !clipped(el));
const worst = Math.max(0, ...all.map(el => el.getBoundingClientRect().right - edge));
const scrolling = [...document.querySelectorAll(".scroll, figure.chart")]
  .filter(box => box.scrollWidth > box.clientWidth + 1).map(box => box.parentElement.id);
const charts = document.querySelectorAll("figure.chart svg").length;
document.body.insertAdjacentHTML("beforeend", `<pre id="measured">${JSON.stringify(
  {worst, width: document.documentElement.scrollWidth, edge, scrolling, charts})}</pre>`);
</script>"""


def review_page(tmp_path: Path, lang: str) -> Path:
    out = tmp_path / f"review.{lang}.html"
    result = CliRunner().invoke(cli, [
        "review", "--policy", str(EXAMPLE), "--period", "2026-12", "--today", "2026-12-04",
        "--metrics", str(DATA / "metrics.csv"), "--inbox", str(DATA / "inbox.csv"),
        "--calendar", str(DATA / "published.csv"), "--format", "html", "--lang", lang,
        "--output", str(out)])
    assert result.exit_code == 1, result.output
    return out


def measured(page: Path, tmp_path: Path) -> dict[str, object]:
    # The page's policy forbids every script; the measuring copy drops it.
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "",
                  page.read_text(encoding="utf-8")).replace("</body>", f"{_MEASURE}</body>")
    probe = tmp_path / "measure.html"
    probe.write_text(text, encoding="utf-8")
    dom = browser.visit(probe.as_uri(), tmp_path / "profile", size="1280,900").dom
    found = re.search(r'<pre id="measured">(\{.*?)</pre>', dom)
    assert found, dom[-500:]
    result: dict[str, object] = json.loads(html.unescape(found.group(1)))
    return result


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_nothing_is_wider_than_a_1280px_window(tmp_path: Path, lang: str) -> None:
    result = measured(review_page(tmp_path, lang), tmp_path)
    assert result["charts"] == 3
    assert result["worst"] == 0, result
    assert result["width"] == result["edge"], result
    assert result["scrolling"] == [], result


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_page_loads_cleanly_and_its_screenshot_is_not_blank(tmp_path: Path,
                                                                lang: str) -> None:
    page = review_page(tmp_path, lang)
    seen = browser.visit(page.as_uri(), tmp_path / "profile")
    assert seen.console == []  # no CSP violation, nothing blocked
    png = tmp_path / f"review.{lang}.png"
    browser.screenshot(page.as_uri(), png, tmp_path / "profile", size="1280,2400")
    assert browser.png_colours(png) > 20
