"""Golden-file comparison for the formatter tests (``--update-goldens`` rewrites them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def golden(update_goldens: bool) -> Callable[[str, str], None]:
    """Compares ``text`` with ``golden/<name>``, or rewrites it with --update-goldens."""

    def compare(name: str, text: str) -> None:
        path = GOLDEN / name
        if update_goldens:
            path.write_text(text, encoding="utf-8", newline="")
        assert path.read_bytes().decode("utf-8") == text, f"golden/{name} differs"

    return compare
