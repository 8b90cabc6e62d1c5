"""Every post rule, driven by one YAML case file per rule in ``cases/post/``.

Each case has a ``policy`` snippet over ``base.yaml``, the ``posts`` of a
calendar (``publish_at`` and ``channel`` default to a Monday morning on
``x-brand``) and ``expect``: the rule's findings as ``"<post> <severity>:
<message substring>"``. An empty ``expect`` is a passing case.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from lint_helpers import matches, rendered, run_lint

from governance.rules.base import Rule
from governance.rules.catalogue import Catalogue

CASES = Path(__file__).parent / "cases" / "post"
POST_RULES = tuple(Catalogue().rules("post"))
RULES = {rule.id: rule for rule in POST_RULES}


def case_files() -> dict[str, list[dict[str, Any]]]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
            for path in sorted(CASES.glob("*.yaml"))}


def all_cases() -> Iterator[Any]:
    for rule_id, cases in case_files().items():
        for case in cases:
            yield pytest.param(rule_id, case, id=f"{rule_id}: {case['name']}")


def check_case(rule_ids: set[str], case: dict[str, Any], root: Path) -> None:
    result = run_lint(root, case.get("policy") or "", case["posts"])
    assert result.linted, [str(f.location) + " " + f.message for f in result.report.findings]
    actual = [rendered(f) for f in result.report.findings if f.rule in rule_ids]
    unmatched = list(actual)
    for expected in case["expect"]:
        hit = next((a for a in unmatched if matches(expected, a)), None)
        assert hit is not None, f"expected {expected!r}; found {actual}"
        unmatched.remove(hit)
    assert not unmatched, f"unexpected findings: {unmatched}"


@pytest.mark.parametrize(("rule_id", "case"), list(all_cases()))
def test_post_rule_case(rule_id: str, case: dict[str, Any], tmp_path: Path) -> None:
    assert rule_id in RULES, f"cases/post/{rule_id}.yaml names no registered post rule"
    check_case({rule_id}, case, tmp_path)


@pytest.mark.parametrize("rule", POST_RULES, ids=lambda r: r.id)
def test_every_post_rule_has_a_failing_and_a_passing_case(rule: Rule) -> None:
    cases = case_files().get(rule.id)
    assert cases, f"no tests/lint/cases/post/{rule.id}.yaml"
    assert any(c["expect"] for c in cases), "no failing case"
    assert any(not c["expect"] for c in cases), "no passing case"


@pytest.mark.parametrize("rule", POST_RULES, ids=lambda r: r.id)
def test_every_post_rule_is_documented(rule: Rule) -> None:
    assert rule.target == "post" and not rule.declared
    assert rule.summary.endswith(".") and rule.source.strip()
    assert "Fails::" in rule.doc and "Passes::" in rule.doc
    assert rule.doc.index("Fails::") < rule.doc.index("Passes::")


def test_post_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in POST_RULES]
    assert len(ids) == len(set(ids))


def documented_example(doc: str, heading: str) -> dict[str, Any]:
    """The YAML block under ``heading::`` in a rule's documentation."""
    after = doc.split(f"{heading}::", 1)[1]
    lines = []
    for line in after.splitlines()[1:]:
        if line.strip() and not line.startswith("    "):
            break
        lines.append(line[4:])
    example: dict[str, Any] = yaml.safe_load("\n".join(lines))
    return example


@pytest.mark.parametrize("rule", POST_RULES, ids=lambda r: r.id)
def test_documented_examples_fail_and_pass(rule: Rule, tmp_path: Path) -> None:
    for heading, fails in (("Fails", True), ("Passes", False)):
        example = documented_example(rule.doc, heading)
        policy = yaml.safe_dump(example.get("policy", {}), allow_unicode=True)
        result = run_lint(tmp_path / heading, policy, example["posts"])
        assert result.linted, [f.message for f in result.report.findings]
        found = [f.message for f in result.report.findings if f.rule == rule.id]
        assert bool(found) is fails, f"{heading}:: gives {found}"
