"""Each review rule: documented like every rule, and its documented examples fail and pass.

The examples are the rule's docstring (what ``governance explain`` prints), run
against the example policy: a metrics or inbox export, told apart by its header.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
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


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout


def test_rules_lists_the_review_rules_with_their_target() -> None:
    code, out = invoke("rules")
    assert code == 0
    listed = {line.split()[0]: line.split()[1:3] for line in out.splitlines()
              if line.startswith("review.")}
    assert listed == {module.ID: ["review", module.SEVERITY.label] for module in MODULES}


def test_rules_in_json_and_markdown_carry_the_review_rules() -> None:
    rules = json.loads(invoke("rules", "--format", "json")[1])["rules"]
    review = [rule for rule in rules if rule["target"] == "review"]
    assert [rule["id"] for rule in review] == [module.ID for module in MODULES]
    assert all(rule["origin"] == "shipped" and rule["source"] for rule in review)
    markdown = invoke("rules", "--format", "markdown")[1]
    assert "| `review.response-sla` | review | error |" in markdown


def test_rules_with_a_policy_shows_a_review_rule_switched_off(
        policy_over_base: Callable[[str], Path]) -> None:
    policy = policy_over_base("rules:\n  review.unanswered: off\n  review.kpi-no-data: error\n")
    code, out = invoke("rules", "--policy", str(policy))
    assert code == 0, out
    states = {line.split()[0]: line.split()[3] for line in out.splitlines()
              if line.startswith("review.")}
    assert states["review.unanswered"] == "off" and states["review.kpi-no-data"] == "error"
    assert states["review.kpi-missed"] == "error"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.ID)
def test_explain_prints_a_review_rules_documentation(module: ModuleType) -> None:
    code, out = invoke("explain", module.ID)
    assert code == 0
    assert out.startswith(f"{module.ID}: {module.SUMMARY}\n")
    assert "Target: review (shipped, run by governance review)" in out
    assert f"Default severity: {module.SEVERITY.label}" in out
    assert "Fails::" in out and "Passes::" in out
    assert example(out, "Fails") == example(module.__doc__ or "", "Fails")


def test_explain_suggests_a_review_rule_for_a_typo() -> None:
    result = CliRunner().invoke(cli, ["explain", "review.kpi-mised"])
    assert result.exit_code == 2
    assert "did you mean 'review.kpi-missed'" in result.stderr
