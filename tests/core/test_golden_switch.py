"""Golden files are rewritten only when asked with exactly ``1`` (or ``--update-goldens``)."""

from __future__ import annotations

import pytest
from golden_switch import VARIABLE, updating_goldens


@pytest.mark.parametrize(("value", "updating"), [(None, False), ("", False), ("0", False),
                                                 ("1", True)])
def test_only_1_rewrites(monkeypatch: pytest.MonkeyPatch, value: str | None,
                         updating: bool) -> None:
    if value is None:
        monkeypatch.delenv(VARIABLE, raising=False)
    else:
        monkeypatch.setenv(VARIABLE, value)
    assert updating_goldens() is updating
    assert updating_goldens(option=True) is True


@pytest.mark.parametrize("value", ["yes", "true", "2", " 1"])
def test_any_other_value_stops_the_run(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(VARIABLE, value)
    with pytest.raises(pytest.UsageError, match="set it to 1"):
        updating_goldens()
