"""The declared-rule engine: every type, filter and load error, from ``cases/declared/``.

Cases look like the post-rule cases; the findings compared are those of rules
whose id starts with ``acme.`` (the ids the snippets declare). A case may write
``files`` beside the policy (term files) and, instead of ``posts`` and
``expect``, ``load_errors``: the policy's findings as ``"line:col rule-id severity:
message substring"``, ``file:line:col`` for a file other than the snippet.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from lint_helpers import matches, rendered, run_lint, write_policy

from governance.findings import Finding
from governance.lint import DeclaredRulesHook
from governance.loader import load_policy

CASES = Path(__file__).parent / "cases" / "declared"


def all_cases() -> Iterator[Any]:
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


def policy_finding(finding: Finding, policy: Path) -> str:
    loc = finding.location
    assert loc is not None
    name = Path(loc.file).name
    where = f"{loc.line}:{loc.column}" if name == "policy.yaml" else \
        f"{name}:{loc.line}:{loc.column}"
    return f"{where} {finding.rule} {finding.severity.label}: {finding.message}"


def _rule_into_where(line: str) -> str:
    """``"5:16 policy.x error: ..."`` -> ``"5:16@policy.x error: ..."``, for ``matches``."""
    where, rule, rest = line.split(" ", 2)
    return f"{where}@{rule} {rest}"


@pytest.mark.parametrize("case", list(all_cases()))
def test_declared_rule_case(case: dict[str, Any], tmp_path: Path) -> None:
    policy = write_policy(tmp_path, case["policy"])
    for name, text in case.get("files", {}).items():
        (policy / name).write_text(text, encoding="utf-8")
    result = run_lint(tmp_path, case["policy"], case.get("posts", []))
    if "load_errors" in case:
        assert not result.linted
        actual = [policy_finding(f, policy) for f in result.report.findings]
        expected_list = [_rule_into_where(e) for e in case["load_errors"]]
        actual = [_rule_into_where(a) for a in actual]
    else:
        assert result.linted, [str(f.location) + " " + f.message for f in result.report.findings]
        actual = [rendered(f) for f in result.report.findings if f.rule.startswith("acme.")]
        expected_list = case["expect"]
    unmatched = list(actual)
    for expected in expected_list:
        hit = next((a for a in unmatched if matches(expected, a)), None)
        assert hit is not None, f"expected {expected!r}; found {actual}"
        unmatched.remove(hit)
    assert not unmatched, f"unexpected findings: {unmatched}"


def test_declared_rules_are_documented_from_their_yaml(tmp_path: Path) -> None:
    policy = write_policy(tmp_path, """
content:
  rules:
    - id: acme.cheap
      type: existence
      tokens: [cheap]
      message: "«{match}» sounds cheap"
      description: Cheap sounds cheap. We say affordable.
      source: brand book §2
      severity: error
      examples:
        fail: [Cheap beans]
        pass: [Affordable beans]
""")
    hook = DeclaredRulesHook()
    result = load_policy(policy, hooks=(hook,))
    assert result.policy is not None and not result.findings
    (rule,) = hook.catalogue.declared
    assert (rule.id, rule.declared, rule.target, rule.source) == \
        ("acme.cheap", True, "post", "brand book §2")
    assert rule.summary == "Cheap sounds cheap."
    assert rule.severity.label == "error"
    assert rule.doc.index("Fails::") < rule.doc.index("Cheap beans") < rule.doc.index("Passes::")
