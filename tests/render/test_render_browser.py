"""The HTML pages open in a real browser and print; skipped where Chromium is not installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from render_helpers import DATA, load

from governance.render import RenderOptions, render_policy, render_raci

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


def chromium(*args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                           "--no-first-run", "--disable-extensions", *args],
                          capture_output=True, timeout=120, check=False)


@pytest.mark.parametrize("what", ["policy", "raci"])
def test_the_page_loads_and_prints(tmp_path: Path, what: str) -> None:
    render = render_policy if what == "policy" else render_raci
    page = tmp_path / f"{what}.html"
    page.write_bytes(render(load(DATA / "full"), "html", RenderOptions(lang="ru")))
    dom = chromium("--dump-dom", page.as_uri()).stdout.decode("utf-8")
    assert "</html>" in dom
    if what == "policy":
        assert '<a href="#purpose">' in dom and '<section id="purpose">' in dom
    else:
        assert 'class="letter l-A' in dom
    pdf = tmp_path / f"{what}.pdf"
    chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.read_bytes().startswith(b"%PDF")
