"""All formats of the example policy render in under a second together.

One-off costs are paid before the clock starts: module imports (python-docx,
openpyxl, the rule modules), reading the catalogues and compiling the templates.
"""

from __future__ import annotations

import time
from pathlib import Path

from render_helpers import load

import governance.render.docx_writer
import governance.render.xlsx_writer
from governance.render import (
    POLICY_FORMATS,
    RACI_FORMATS,
    RenderOptions,
    render_policy,
    render_raci,
)

BUDGET_SECONDS = 1.0


def test_every_format_of_the_example_policy_within_the_budget(at_root: Path) -> None:
    assert governance.render.docx_writer and governance.render.xlsx_writer  # imported above
    loaded = load("policies/example")

    def every_format() -> float:
        start = time.perf_counter()
        for fmt in POLICY_FORMATS:
            render_policy(loaded, fmt, RenderOptions())
        for fmt in RACI_FORMATS:
            render_raci(loaded, fmt, RenderOptions())
        return time.perf_counter() - start

    every_format()  # imports, catalogues, compiled templates
    elapsed = min(every_format() for _ in range(2))
    assert elapsed < BUDGET_SECONDS, f"{elapsed:.2f} s for all formats"
