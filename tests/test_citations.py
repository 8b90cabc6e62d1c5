"""What ships cites its sources by their public titles, never by internal file names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from governance.rules.catalogue import SHIPPED as SHIPPED_RULES

ROOT = Path(__file__).resolve().parent.parent
#: "seed 003", "DOMAIN.md": names that mean nothing to a reader of the product.
INTERNAL = re.compile(r"\b[Ss]eeds? ?\d{3}\b|DOMAIN\.md|\bseeds/")
SHIPPED_FILES = sorted([*ROOT.glob("policies/**/*.yaml"), *ROOT.glob("governance/**/*.py"),
                  *ROOT.glob("templates/**/*.j2"), ROOT / "README.md",
                  *ROOT.glob("governance/render/messages/*.yaml")])


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_files_cite_public_titles(path: Path) -> None:
    found = [line for line in path.read_text(encoding="utf-8").splitlines()
             if INTERNAL.search(line)]
    assert found == []


def test_rule_documentation_and_sources_cite_public_titles() -> None:
    cited = [rule.id for rule in SHIPPED_RULES if INTERNAL.search(rule.doc + rule.source)]
    assert cited == []
    titled = [rule.id for rule in SHIPPED_RULES if "«" in rule.source]
    assert len(titled) >= 20  # the articles the rules come from, by their titles


def test_the_check_sees_an_internal_name() -> None:
    assert INTERNAL.search("promotions at most 25 % (seed 003 §5)")
    assert INTERNAL.search("see DOMAIN.md §5")
    assert not INTERNAL.search("«Советы по ведению корпоративных аккаунтов» §5")
