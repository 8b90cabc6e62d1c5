"""Every calendar rule, shipped or declared, driven by one YAML case file per rule.

``cases/<rule-id>.yaml`` holds the cases of a shipped rule; ``cases/declared.*.yaml``
those of ``share`` and ``cadence`` rules declared in the policy (every declared
rule of the snippet runs). Each case has a ``policy`` snippet over ``base.yaml``,
its ``posts`` (see ``calendar_rule_helpers``) and ``expect``: the findings, in any
order. An empty ``expect`` is a passing case.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from calendar_rule_helpers import expand, load, matches, run

from governance.rules import calendar
from governance.rules.base import Rule

CASES = Path(__file__).parent / "cases"
CALENDAR_RULES = tuple(Rule.from_module(m) for m in calendar.MODULES)
RULES = {rule.id: rule for rule in CALENDAR_RULES}


def case_files() -> dict[str, list[dict[str, Any]]]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
            for path in sorted(CASES.glob("*.yaml"))}


def all_cases() -> Iterator[Any]:
    for rule_id, cases in case_files().items():
        for case in cases:
            yield pytest.param(rule_id, case, id=f"{rule_id}: {case['name']}")


@pytest.mark.parametrize(("rule_id", "case"), list(all_cases()))
def test_calendar_rule_case(rule_id: str, case: dict[str, Any], tmp_path: Path) -> None:
    policy = load(tmp_path / "policy", case.get("policy") or "")
    if rule_id.startswith("declared."):
        from governance.rules.catalogue import Catalogue

        rules = [rule for rule in Catalogue(policy).rules("calendar") if rule.declared]
    else:
        assert rule_id in RULES, f"cases/{rule_id}.yaml names no registered calendar rule"
        rules = [RULES[rule_id]]
    found = run(rules, policy, expand(case["posts"]))
    actual = [text for text, _ in found]
    unmatched = list(found)
    for expected in case["expect"]:
        hit = next((f for f in unmatched if matches(expected, *f)), None)
        assert hit is not None, f"expected {expected!r}; found {actual}"
        unmatched.remove(hit)
    assert not unmatched, f"unexpected findings: {[text for text, _ in unmatched]}"


@pytest.mark.parametrize("rule", CALENDAR_RULES, ids=lambda r: r.id)
def test_every_calendar_rule_has_a_failing_and_a_passing_case(rule: Rule) -> None:
    cases = case_files().get(rule.id)
    assert cases, f"no tests/calendar_rules/cases/{rule.id}.yaml"
    assert any(c["expect"] for c in cases), "no failing case"
    assert any(not c["expect"] for c in cases), "no passing case"


@pytest.mark.parametrize("kind", ["share", "cadence"])
def test_every_declared_type_has_a_failing_and_a_passing_case(kind: str) -> None:
    cases = case_files().get(f"declared.{kind}")
    assert cases, f"no tests/calendar_rules/cases/declared.{kind}.yaml"
    assert any(c["expect"] for c in cases) and any(not c["expect"] for c in cases)


@pytest.mark.parametrize("rule", CALENDAR_RULES, ids=lambda r: r.id)
def test_every_calendar_rule_is_documented(rule: Rule) -> None:
    assert rule.target == "calendar" and not rule.declared
    assert rule.summary.endswith(".") and rule.source.strip()
    assert "Fails::" in rule.doc and "Passes::" in rule.doc
    assert rule.doc.index("Fails::") < rule.doc.index("Passes::")


def test_calendar_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in CALENDAR_RULES]
    assert len(ids) == len(set(ids))


def test_the_registry_lists_every_calendar_rule() -> None:
    from governance.rules.catalogue import Catalogue

    registered = Catalogue().rules("calendar")
    assert [r.id for r in registered] == [r.id for r in CALENDAR_RULES]


def example(doc: str, heading: str) -> tuple[str, list[dict[str, Any]]]:
    """The policy snippet and the posts of the block under ``heading::``."""
    after = doc.split(f"{heading}::", 1)[1]
    lines = []
    for line in after.splitlines()[1:]:
        if line.strip() and not line.startswith("    "):
            break
        lines.append(line[4:])
    policy, _, calendar = "\n".join(lines).partition("# calendar")
    return policy, yaml.safe_load(calendar)


@pytest.mark.parametrize("rule", CALENDAR_RULES, ids=lambda r: r.id)
@pytest.mark.parametrize(("heading", "fails"), [("Fails", True), ("Passes", False)])
def test_documented_examples_fail_and_pass(rule: Rule, heading: str, fails: bool,
                                           tmp_path: Path) -> None:
    snippet, posts = example(rule.doc, heading)
    found = run([rule], load(tmp_path / "policy", snippet), expand(posts))
    assert bool(found) is fails, [text for text, _ in found]
