"""Every process rule of ``governance check``, driven by one YAML case file per rule.

``cases/<rule-id>.yaml`` holds ``cases:``, each with a ``name``, a ``policy``
snippet laid over ``base.yaml`` (through ``extends``, so merge by id, ``key+``
and ``key-`` work) and ``expect``: the findings of that rule, each written
``"line:col text"``. ``line:col`` is in the snippet (``base.yaml:line:col`` for
a value the base policy provides), and ``text`` is a substring of
``"severity: message"`` (``waived: ...`` for a waived finding). An empty
``expect`` is a passing case. ``today`` defaults to 2026-11-23. The policy must
load without findings, unless ``loader`` lists the rule ids of those expected
(a case about how a rule treats an undeclared role, say).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from governance.findings import Finding
from governance.loader import load_policy
from governance.rules.base import PolicyContext, Rule
from governance.rules.catalogue import policy_rules
from governance.runner import run_policy_rules

CASES = Path(__file__).parent / "cases"
POLICY_RULES = policy_rules()
RULES = {rule.id: rule for rule in POLICY_RULES}
TODAY = dt.date(2026, 11, 23)
RULE_ID = re.compile(r"^[a-z]+(\.[a-z0-9-]+)+$")


def case_files() -> dict[str, list[dict[str, Any]]]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
            for path in sorted(CASES.glob("*.yaml"))}


def all_cases() -> Iterator[Any]:
    for rule_id, cases in case_files().items():
        for case in cases:
            yield pytest.param(rule_id, case, id=f"{rule_id}: {case['name']}")


def rendered(finding: Finding, root: Path) -> str:
    loc = finding.location
    assert loc is not None, finding
    file = "" if loc.file == str(root / "policy.yaml") else f"{Path(loc.file).name}:"
    label = "waived" if finding.waived else finding.severity.label
    return f"{file}{loc.line}:{loc.column} {label}: {finding.message}"


def run_rule(
    rule: Rule, root: Path, today: dt.date = TODAY, loader: tuple[str, ...] = ()
) -> list[str]:
    """The rule's findings on the policy at ``root``, which loads with ``loader`` findings."""
    result = load_policy(root)
    assert result.policy is not None, [str(f) for f in result.findings]
    assert sorted(f.rule for f in result.findings) == sorted(loader), [
        f"{f} {f.message}" for f in result.findings]
    return [rendered(f, root) for f in run_policy_rules(result.policy, [rule], today)]


def matches(expected: str, actual: str) -> bool:
    where, _, text = expected.partition(" ")
    found_where, _, found_text = actual.partition(" ")
    return where == found_where and text in found_text


@pytest.mark.parametrize(("rule_id", "case"), list(all_cases()))
def test_rule_case(rule_id: str, case: dict[str, Any],
                   policy_over_base: Callable[[str], Path]) -> None:
    assert rule_id in RULES, f"cases/{rule_id}.yaml names no registered rule"
    root = policy_over_base(case["policy"])
    actual = run_rule(RULES[rule_id], root, case.get("today", TODAY), tuple(case.get("loader", ())))
    unmatched = list(actual)
    for expected in case["expect"]:
        hit = next((a for a in unmatched if matches(expected, a)), None)
        assert hit is not None, f"expected {expected!r}; the rule found {actual}"
        unmatched.remove(hit)
    assert not unmatched, f"unexpected findings: {unmatched}"


def test_the_base_policy_is_clean(policy_over_base: Callable[[str], Path]) -> None:
    result = load_policy(policy_over_base(""))
    assert result.policy is not None and not result.findings
    findings = list(run_policy_rules(result.policy, POLICY_RULES, TODAY))
    assert [str(f.location) + " " + f.message for f in findings] == []


@pytest.mark.parametrize("rule", POLICY_RULES, ids=lambda r: r.id)
def test_every_rule_has_a_failing_and_a_passing_case(rule: Rule) -> None:
    cases = case_files().get(rule.id)
    assert cases, f"no tests/policy_rules/cases/{rule.id}.yaml"
    assert any(c["expect"] for c in cases), "no failing case"
    assert any(not c["expect"] for c in cases), "no passing case"


@pytest.mark.parametrize("rule", POLICY_RULES, ids=lambda r: r.id)
def test_every_rule_is_documented(rule: Rule) -> None:
    assert RULE_ID.match(rule.id), rule.id
    assert rule.target == "policy"
    assert rule.summary.endswith(".") and rule.source.strip()
    assert "Fails::" in rule.doc and "Passes::" in rule.doc
    assert rule.doc.index("Fails::") < rule.doc.index("Passes::")


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in POLICY_RULES]
    assert len(ids) == len(set(ids))


def example(doc: str, heading: str) -> str:
    """The indented block under ``heading::`` in a rule's documentation."""
    after = doc.split(f"{heading}::", 1)[1]
    lines = []
    for line in after.splitlines()[1:]:
        if line.strip() and not line.startswith("    "):
            break
        lines.append(line[4:])
    return "\n".join(lines).strip() + "\n"


@pytest.mark.parametrize("rule", POLICY_RULES, ids=lambda r: r.id)
def test_documented_examples_fail_and_pass(
    rule: Rule, policy_over_base: Callable[[str], Path]
) -> None:
    assert run_rule(rule, policy_over_base(example(rule.doc, "Fails"))), "Fails:: passes"
    assert run_rule(rule, policy_over_base(example(rule.doc, "Passes"))) == [], "Passes:: fails"


@pytest.mark.parametrize("rule", POLICY_RULES, ids=lambda r: r.id)
def test_rules_leave_the_policy_as_they_found_it(
    rule: Rule, policy_over_base: Callable[[str], Path]
) -> None:
    result = load_policy(policy_over_base(example(rule.doc, "Fails")))
    assert result.policy is not None
    before = result.policy.policy.model_dump_json()
    assert list(rule.check(PolicyContext(result.policy.policy, TODAY)))
    assert result.policy.policy.model_dump_json() == before


def test_waivers_may_name_post_and_calendar_rules(
    policy_over_base: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from governance.findings import Severity
    from governance.rules import catalogue

    shipped = Rule("calendar.example-share", "An example.", Severity.WARNING, "test", "calendar",
                   "Fails:: Passes::", lambda ctx: iter(()))
    monkeypatch.setattr(catalogue, "SHIPPED", (*catalogue.SHIPPED, shipped))
    root = policy_over_base("waivers:\n  - {rule: calendar.example-share, reason: r, "
                            "approved_by: ceo}\n  - {rule: calendar.example-shar, reason: r, "
                            "approved_by: ceo}\n")
    assert run_rule(RULES["waivers.unknown-rule"], root) == [
        "3:12 error: waiver names unknown rule 'calendar.example-shar' "
        "(did you mean 'calendar.example-share'?)"]
