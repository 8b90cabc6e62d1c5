"""The HTML pages open in a real browser and print; skipped where Chromium is not installed."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from render_helpers import DATA, SHIPPED, load, pdf_pages

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


#: Measures, in the browser, how far each role header and RACI cell reaches past the
#: page's right edge, and writes the worst overflow (px) and the counts into the DOM.
_MEASURE = """<script>
const edge = document.documentElement.clientWidth;
const cells = [...document.querySelectorAll("th.role, td.letter")];
const worst = Math.max(0, ...cells.map(c => c.getBoundingClientRect().right - edge));
const roles = document.querySelectorAll("th.role").length;
document.body.insertAdjacentHTML("beforeend",
  `<pre id="measured">${JSON.stringify({worst, roles, cells: cells.length})}</pre>`);
</script>"""
#: The printable width of A4 landscape with the RACI page's 1.2 cm margins, in CSS px.
A4_LANDSCAPE_PX = round((29.7 - 2.4) / 2.54 * 96)
SHIPPED_CASES = [(policy, lang) for policy in SHIPPED for lang in ("en", "ru")]


def measured(page: Path, width: int) -> dict[str, float]:
    dom = chromium(f"--window-size={width},900", "--dump-dom", page.as_uri()).stdout.decode()
    found = re.search(r'<pre id="measured">(\{".*?)</pre>', dom)
    assert found, dom[-500:]
    result: dict[str, float] = json.loads(html.unescape(found.group(1)))
    return result


def raci_page(tmp_path: Path, policy: str, lang: str, extra_css: str = "") -> Path:
    text = render_raci(load(SHIPPED[policy]), "html", RenderOptions(lang=lang)).decode()
    text = text.replace("</style>", f"{extra_css}</style>").replace("</body>",
                                                                   f"{_MEASURE}</body>")
    page = tmp_path / "raci.html"
    page.write_text(text, encoding="utf-8")
    return page


@pytest.mark.parametrize(("policy", "lang"), SHIPPED_CASES)
@pytest.mark.parametrize("width", [1280, A4_LANDSCAPE_PX])
def test_every_raci_column_fits_the_window_and_the_printed_width(
        tmp_path: Path, policy: str, lang: str, width: int) -> None:
    result = measured(raci_page(tmp_path, policy, lang), width)
    assert result["roles"] == len(load(SHIPPED[policy]).policy.roles)
    assert result["worst"] <= 0.5


def test_the_measurement_sees_a_matrix_that_does_not_fit(tmp_path: Path) -> None:
    page = raci_page(tmp_path, "example", "ru", "table.raci { width: 3000px; }")
    assert measured(page, A4_LANDSCAPE_PX)["worst"] > 1000


def printed_words(page: Path, tmp_path: Path) -> tuple[float, float, set[str], float]:
    """Print ``page`` with Chromium: page width and height, the words, the rightmost edge."""
    pdf = tmp_path / "printed.pdf"
    chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    pages = pdf_pages(pdf.read_bytes(), tmp_path)
    width, height, _ = pages[0]
    words = {word for _, _, page_words in pages for _, _, word in page_words}
    right = max(x1 for _, _, page_words in pages for _, x1, _ in page_words)
    return width, height, words, right


@pytest.mark.parametrize(("policy", "lang"), SHIPPED_CASES)
def test_the_printed_raci_is_landscape_with_every_column_on_the_page(
        tmp_path: Path, policy: str, lang: str) -> None:
    width, height, words, right = printed_words(raci_page(tmp_path, policy, lang), tmp_path)
    assert width > height
    assert right <= width
    for role in load(SHIPPED[policy]).policy.roles:
        assert set(role.title.split()) <= words, role.title


def test_the_printed_check_sees_columns_cut_off(tmp_path: Path) -> None:
    page = raci_page(tmp_path, "example", "ru", "table.raci { width: 3000px; }")
    width, _, words, right = printed_words(page, tmp_path)
    titles = {w for role in load(SHIPPED["example"]).policy.roles for w in role.title.split()}
    assert right > width or not titles <= words
