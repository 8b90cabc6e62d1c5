"""Fixtures of the render tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_helpers import ROOT


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the project root, so positions in outputs read ``policies/example/...``."""
    monkeypatch.chdir(ROOT)
    return ROOT
