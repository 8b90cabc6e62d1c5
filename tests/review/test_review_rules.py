"""Each review rule: documented like every rule, and its documented examples fail and pass.

The examples are the rule's docstring (what ``governance explain`` prints), run
against the example policy: a metrics or inbox export, told apart by its header.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from governance.cli import cli
from governance.review.rules import MODULES

EXAMPLE = Path(__file__).resolve().parents[2] / "policies" / "example"
METRICS = "date,channel,metric,value"
INBOX = "message_id,channel,received_at,responded_at"
#: A rule's example: the block after ``Fails::`` or ``Passes::``, indented, up to the
#: next paragraph; ``#`` lines are comments.
BLOCK = r"^{title}::\n\n((?:    .*\n|\n)+)"


def example(doc: str, title: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(period, metrics rows, inbox rows) of a rule's documented example, headers included."""
    found = re.search(BLOCK.format(title=title), doc + "\n", re.M)
    assert found, f"no {title}:: block"
    rows = tuple(line.strip() for line in found.group(1).splitlines()
                 if line.strip() and not line.strip().startswith("#"))
    period = re.search(r"--period (\d{4}-\d{2})", doc)
    assert period, "the example names its --period"
    if rows[0].startswith("date,"):
        return period.group(1), rows, (INBOX,)
    return period.group(1), (METRICS,), rows


def findings(tmp_path: Path, period: str, metrics: tuple[str, ...],
             inbox: tuple[str, ...]) -> list[dict]:  # type: ignore[type-arg]
    (tmp_path / "m.csv").write_text("\n".join(metrics) + "\n", encoding="utf-8")
    (tmp_path / "i.csv").write_text("\n".join(inbox) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["review", "--policy", str(EXAMPLE), "--period", period,
                                      "--metrics", str(tmp_path / "m.csv"),
                                      "--inbox", str(tmp_path / "i.csv"), "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.ID)
def test_the_documented_examples_fail_and_pass(tmp_path: Path, module: ModuleType) -> None:
    rule, doc = module.ID, module.__doc__ or ""
    kpi = {"review.kpi-missed": "reposts", "review.kpi-at-risk": "shop-clicks",
           "review.kpi-no-data": "applications"}.get(rule)

    def fired(found: list[dict]) -> bool:  # type: ignore[type-arg]
        return any(f["rule"] == rule and (kpi is None or f" {kpi}" in f["message"])
                   for f in found)

    assert fired(findings(tmp_path, *example(doc, "Fails"))), "Fails:: passes"
    assert not fired(findings(tmp_path, *example(doc, "Passes"))), "Passes:: fails"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.ID)
def test_each_rule_documents_itself_as_the_lint_rules_do(module: ModuleType) -> None:
    doc = module.__doc__ or ""
    assert module.ID.startswith("review.")
    assert module.SUMMARY.endswith(".")
    assert "Fails::" in doc and "Passes::" in doc
    assert doc.index("Fails::") < doc.index("Passes::")

