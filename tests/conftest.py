"""Fixtures shared by the test suites: the clean base policy and the golden-file switch.

Golden files are rewritten, for review as a diff, with ``pytest --update-goldens``
(or ``GOVERNANCE_UPDATE_GOLDENS=1 pytest``).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

#: A complete policy every process rule accepts; cases change one thing in it.
BASE_POLICY = Path(__file__).parent / "policy_rules" / "base.yaml"
TESTS = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    # Test policies are written to temporary directories and extend the base
    # policies kept here, outside their root: allowed, as a user would allow a
    # shared directory of bases. Tests of the boundary itself clear it.
    from governance.boundary import ALLOW_ENV

    present = os.environ.get(ALLOW_ENV, "")
    os.environ[ALLOW_ENV] = os.pathsep.join(filter(None, [present, str(TESTS)]))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite golden files from the current output")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens")
                or os.environ.get("GOVERNANCE_UPDATE_GOLDENS"))


@pytest.fixture
def policy_over_base(tmp_path: Path) -> Callable[[str], Path]:
    """Writes a snippet as ``policy.yaml`` in a directory that extends the base policy.

    The snippet's own lines keep their numbers, so expected positions read
    straight off the snippet.
    """

    def write(snippet: str) -> Path:
        root = Path(tempfile.mkdtemp(dir=tmp_path))
        (root / "_extends.yaml").write_text(f"extends: {json.dumps(str(BASE_POLICY))}\n",
                                            encoding="utf-8")
        (root / "policy.yaml").write_text(snippet, encoding="utf-8")
        return root

    return write
