"""The one switch that rewrites golden files, for every golden helper of the suite.

``GOVERNANCE_UPDATE_GOLDENS=1 pytest`` (or ``pytest --update-goldens``) rewrites
them, for review as a diff. Only ``1`` does: unset, empty or ``0`` compare, and
any other value stops the run, so a typo neither rewrites nor quietly compares.
"""

from __future__ import annotations

import os

import pytest

VARIABLE = "GOVERNANCE_UPDATE_GOLDENS"


def updating_goldens(option: bool = False) -> bool:
    value = os.environ.get(VARIABLE, "")
    if value not in ("", "0", "1"):
        raise pytest.UsageError(f"{VARIABLE}={value!r}: set it to 1 to rewrite the golden files, "
                                "or leave it unset")
    return option or value == "1"
