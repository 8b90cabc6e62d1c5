"""The example calendar's page, kept as a reviewed golden file (charts left out).

The charts' SVG is Vega's drawing, byte for byte; what the project writes around
it (summary, grid, filters, findings) is compared exactly. Rewrite after a
deliberate change with ``pytest tests/calendar_report --update-goldens`` and
review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_helpers import EXAMPLE_CALENDAR, EXAMPLE_POLICY, ROOT, lint

GOLDEN = Path(__file__).parent / "golden"
SVG = re.compile(r"<svg\b.*?</svg>", re.S)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_example_page_matches_its_golden_file(
    lang: str, tmp_path: Path, update_goldens: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "plan.html"
    code, _, err = lint(EXAMPLE_CALENDAR.relative_to(ROOT).as_posix(), "--policy",
                        EXAMPLE_POLICY.relative_to(ROOT).as_posix(), "--format", "html",
                        "--output", str(out), "--lang", lang)
    assert (code, err) == (1, "")
    page = SVG.sub("<svg><!-- chart --></svg>", out.read_text(encoding="utf-8"))
    golden = GOLDEN / f"example.{lang}.html"
    if update_goldens:
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")
