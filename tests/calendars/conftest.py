"""Fixtures for the calendar reader tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from calendar_helpers import Writer


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    """Write text (UTF-8, line ends as given) or bytes to ``tmp_path / name``."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return _write
