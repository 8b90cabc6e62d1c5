"""The rule catalogue: one list of rules and ids, asked by every command."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest

from governance.findings import Severity
from governance.loader import load_policy
from governance.models.rules import DeclaredRule
from governance.references import _REFERENCES
from governance.rules import catalogue
from governance.rules.base import LintContext
from governance.rules.catalogue import INPUT_IDS, SHIPPED, Catalogue

ROOT = Path(__file__).resolve().parents[2]
#: A literal that looks like an id of a finding about the input.
_ID_LITERAL = re.compile(r"\"((?:yaml|schema|policy|ref|calendar|lint)\.[a-z][a-z0-9-]*)\"")
#: Literals of that shape that are not finding ids.
_NOT_IDS = {"calendar.timeline"}  # the key of a per-run cache

POLICY = """\
organisation: {name: Acme, policy_version: "1", effective_date: 2026-01-01}
rules:
  acme.cheap: warning
  acme.quiet: error
  tone.we-voice: off
tone:
  rules:
    - id: acme.cheap
      type: existence
      tokens: [cheap]
      message: Say affordable
      severity: error
    - id: acme.quiet
      type: existence
      tokens: [loud]
      message: Quieter
      severity: off
content:
  rules:
    - id: acme.daily
      type: cadence
      max_per_day: 3
      message: Too many posts
"""


@pytest.fixture
def policy_catalogue(tmp_path: Path) -> Catalogue:
    (tmp_path / "policy.yaml").write_text(POLICY, encoding="utf-8")
    loaded = load_policy(tmp_path / "policy.yaml")
    assert loaded.policy is not None, [str(f) for f in loaded.findings]
    return Catalogue(loaded.policy.policy)


def test_every_declared_type_has_a_checker() -> None:
    (union, _) = typing.get_args(DeclaredRule)
    assert set(typing.get_args(union)) == set(catalogue.DECLARED_TYPES)


def test_every_id_a_finding_of_the_input_carries_is_catalogued() -> None:
    found = {match for path in (ROOT / "governance").rglob("*.py")
             for match in _ID_LITERAL.findall(path.read_text(encoding="utf-8"))}
    assert len(found) > 30  # the scan sees the code's ids
    assert sorted(found - set(INPUT_IDS) - _NOT_IDS) == []


def test_every_kind_of_reference_has_its_unknown_id() -> None:
    kinds = {kind.replace(" ", "-") for _, kind in _REFERENCES}
    assert {f"ref.unknown-{kind}" for kind in kinds} <= set(INPUT_IDS)


def test_input_ids_and_rule_ids_do_not_overlap_and_each_has_a_summary() -> None:
    assert not set(INPUT_IDS) & {rule.id for rule in SHIPPED}
    assert all(summary.endswith(".") for summary in INPUT_IDS.values())
    assert len({rule.id for rule in SHIPPED}) == len(SHIPPED)


def test_declared_rules_join_the_shipped_ones(policy_catalogue: Catalogue) -> None:
    assert [rule.id for rule in policy_catalogue.declared] == ["acme.cheap", "acme.daily"]
    assert [r.id for r in policy_catalogue.rules("calendar")][-1] == "acme.daily"
    assert [r.id for r in policy_catalogue.rules("post")][-1] == "acme.cheap"
    assert {"acme.cheap", "acme.quiet", "acme.daily", "raci.one-accountable"} <= \
        policy_catalogue.known_ids()
    assert policy_catalogue.get("acme.quiet") is None  # declared off: nothing to run
    rule = policy_catalogue.get("acme.cheap")
    assert rule is not None and rule.declared and rule.target == "post"


def test_the_policy_decides_severity_for_shipped_and_declared_rules(
        policy_catalogue: Catalogue) -> None:
    cheap, we_voice = policy_catalogue.get("acme.cheap"), policy_catalogue.get("tone.we-voice")
    hours = policy_catalogue.get("post.posting-hours")
    assert cheap is not None and we_voice is not None and hours is not None
    assert cheap.severity is Severity.ERROR
    assert policy_catalogue.severity(cheap) is Severity.WARNING  # rules: overrides the rule
    assert policy_catalogue.severity(we_voice) is None
    assert policy_catalogue.severity(hours) is hours.severity
    infos = {info.id: info for info in policy_catalogue.infos()}
    assert (infos["acme.quiet"].severity, infos["acme.quiet"].effective) == \
        (None, Severity.ERROR)
    assert infos["acme.daily"].target == "calendar" and infos["acme.daily"].declared


def test_every_finding_id_has_a_summary(policy_catalogue: Catalogue) -> None:
    ids = policy_catalogue.finding_ids()
    assert {"acme.quiet", "yaml.syntax", "calendar.bad-value", "post.length"} <= ids
    assert policy_catalogue.summary("acme.quiet") == "Quieter"
    assert policy_catalogue.summary("yaml.duplicate-key") == "A key appears twice in one mapping."
    assert policy_catalogue.summary("acme.nope") is None
    assert all(policy_catalogue.summary(i) for i in ids)


def test_prepare_is_kept_on_the_rule(policy_catalogue: Catalogue) -> None:
    import datetime as dt

    assert policy_catalogue.policy is not None
    ctx = LintContext(policy_catalogue.policy, dt.date(2026, 1, 1), dt.timezone.utc)
    blackout = policy_catalogue.get("post.blackout")
    assert blackout is not None and blackout.prepare is not None
    assert policy_catalogue.prepare(blackout, ctx) is False  # the policy has no blackouts
    cheap = policy_catalogue.get("acme.cheap")
    assert cheap is not None and policy_catalogue.prepare(cheap, ctx) is True


def test_no_rule_module_is_found_by_importing_it_again() -> None:
    # The rules and the runners get rules from the catalogue; the text package's
    # import-on-first-use of its helpers is another matter.
    sources = [p for where in ("rules", "lint", "render", "commands")
               for p in (ROOT / "governance" / where).rglob("*.py")
               if "importlib" in p.read_text(encoding="utf-8")]
    assert sources == []
