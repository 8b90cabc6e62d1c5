"""SARIF 2.1.0: valid against the specification's schema, complete, and byte-stable."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from formatter_samples import clean_report, sample_report

from governance.findings import Finding, Location, Severity
from governance.formatters import FORMATTERS, sarif
from governance.report import Report
from governance.rules.catalogue import SHIPPED

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0-subset.schema.json")
                    .read_text(encoding="utf-8"))


def rendered(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(sarif.render(report, False))
    return data


@pytest.mark.parametrize("report", [sample_report(), clean_report()], ids=["sample", "clean"])
def test_the_log_is_valid_sarif(report: Report) -> None:
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(rendered(report)), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_the_schema_rejects_what_the_specification_forbids() -> None:
    log = rendered(sample_report())
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not jsonschema.Draft7Validator(SCHEMA).is_valid(log)
    log = rendered(sample_report())
    located = next(r for r in log["runs"][0]["results"] if "region" in
                   r.get("locations", [{}])[0].get("physicalLocation", {}))
    located["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert not jsonschema.Draft7Validator(SCHEMA).is_valid(log)


def test_golden(golden: Callable[[str, str], None]) -> None:
    golden("sample.sarif", sarif.render(sample_report(), False))
    golden("clean.sarif", sarif.render(clean_report(), False))


def test_every_result_points_at_its_rule() -> None:
    run = rendered(sample_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({r["id"] for r in rules})
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert len(run["results"]) == len(sample_report().findings)


@pytest.mark.parametrize(("severity", "level"), [
    (Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "note")])
def test_levels(severity: Severity, level: str) -> None:
    report = Report("lint", "p.csv", [Finding("post.length", severity, "m", Location("p.csv", 1))])
    assert rendered(report)["runs"][0]["results"][0]["level"] == level


def test_shipped_rules_bring_their_metadata() -> None:
    rule = next(r for r in SHIPPED if r.id == "content.promo-share")
    descriptors = {d["id"]: d for d in rendered(sample_report())["runs"][0]["tool"]["driver"]
                   ["rules"]}
    promo = descriptors["content.promo-share"]
    assert promo["shortDescription"]["text"] == rule.summary
    assert promo["help"]["text"] == rule.doc
    assert promo["defaultConfiguration"]["level"] == "warning"
    assert promo["properties"]["source"] == rule.source


def test_declared_rules_from_the_report_meta_and_unknown_rules_by_id() -> None:
    descriptors = {d["id"]: d for d in rendered(sample_report())["runs"][0]["tool"]["driver"]
                   ["rules"]}
    assert descriptors["nw.event-share"]["shortDescription"]["text"] == "Events stay under 40 %."
    assert descriptors["nw.event-share"]["fullDescription"]["text"] == "Declared."
    assert descriptors["nw.event-share"]["defaultConfiguration"]["level"] == "note"
    unknown = descriptors["policy.rule-example"]
    assert unknown == {"id": "policy.rule-example",
                       "shortDescription": {"text": "policy.rule-example"},
                       "fullDescription": {"text": "policy.rule-example"},
                       "help": {"text": "policy.rule-example"}}


@pytest.mark.parametrize("meta", [
    {"rules": {"nw.x": {"summary": "By id.", "severity": "error"}}},
    {"rules": [{"id": "nw.x", "summary": "By id.", "severity": "error"}]},
    {"rules": [{"summary": "no id"}, "junk", {"id": "nw.x", "summary": "By id.",
                                               "severity": "error"}]},
    {"rules": {"nw.x": {"summary": "By id.", "severity": "error"}, "nw.y": "junk"}},
])
def test_rule_metadata_shapes(meta: dict[str, Any]) -> None:
    report = Report("lint", "p.csv", [Finding("nw.x", Severity.ERROR, "m")], meta=meta)
    descriptor = rendered(report)["runs"][0]["tool"]["driver"]["rules"][0]
    assert descriptor["shortDescription"]["text"] == "By id."
    assert descriptor["defaultConfiguration"]["level"] == "error"


def test_bad_metadata_is_ignored() -> None:
    report = Report("lint", "p.csv", [Finding("nw.x", Severity.ERROR, "m")],
                    meta={"rules": {"nw.x": {"severity": "catastrophic"}}})
    descriptor = rendered(report)["runs"][0]["tool"]["driver"]["rules"][0]
    assert "defaultConfiguration" not in descriptor


def test_locations() -> None:
    results = {r["message"]["text"][:12]: r for r in rendered(sample_report())["runs"][0]
               ["results"]}
    length = results["312 characte"]["locations"][0]["physicalLocation"]
    assert length == {"artifactLocation": {"uri": "plan.csv"},
                      "region": {"startLine": 12, "startColumn": 3}}
    cell = results["Events: 50% "]["locations"][0]
    assert cell == {"physicalLocation": {"artifactLocation": {"uri": "plan.xlsx"}},
                    "message": {"text": "Plan!C7"}}
    outside = results["100% sure: a"]["locations"][0]["physicalLocation"]
    assert outside["artifactLocation"]["uri"] == "file:///srv/plans/plan.csv"
    assert outside["region"] == {"startLine": 3, "startColumn": 1}
    whole_file = results["unknown chan"]["locations"][0]["physicalLocation"]
    assert whole_file == {"artifactLocation": {"uri": "plan.csv"}}
    assert "locations" not in results["the rule's e"]


@pytest.mark.parametrize(("file", "uri"), [
    ("plan.csv", "plan.csv"),
    ("calendars/March plan.csv", "calendars/March%20plan.csv"),
    ("calendars\\march.csv", "calendars%5Cmarch.csv"),
    ("планы/март.csv", "%D0%BF%D0%BB%D0%B0%D0%BD%D1%8B/%D0%BC%D0%B0%D1%80%D1%82.csv"),
    ("/srv/plan #1.csv", "file:///srv/plan%20%231.csv"),
])
def test_artifact_uris(file: str, uri: str) -> None:
    assert sarif.artifact_uri(file) == uri


def test_relative_to_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert sarif.artifact_uri(str(tmp_path / "plans" / "plan.csv")) == "plans/plan.csv"


def test_waived_findings_are_suppressed_not_dropped() -> None:
    results = rendered(sample_report())["runs"][0]["results"]
    waived = [r for r in results if "suppressions" in r]
    assert len(waived) == 1
    assert waived[0]["ruleId"] == "cadence.max-per-hour"
    assert waived[0]["suppressions"] == [{
        "kind": "external", "status": "accepted",
        "justification": "waived in the calendar: the night roast starts at 23:00"}]


def test_posts_channel_and_fingerprints() -> None:
    results = rendered(sample_report())["runs"][0]["results"]
    promo = next(r for r in results if r["ruleId"] == "content.promo-share")
    assert promo["properties"] == {"postIds": ["p1", "p2", "p3"], "channel": "x-brand"}
    prints = [r["partialFingerprints"]["governanceFinding/v1"] for r in results]
    assert len(set(prints)) == len(prints)


def test_a_moved_finding_keeps_its_fingerprint() -> None:
    def print_of(line: int) -> str:
        report = Report("lint", "p.csv", [Finding("post.length", Severity.ERROR, "too long",
                                                  Location("p.csv", line, 1), ("p1",))])
        fingerprint: str = rendered(report)["runs"][0]["results"][0]["partialFingerprints"][
            "governanceFinding/v1"]
        return fingerprint

    assert print_of(3) == print_of(30)


def test_registered() -> None:
    assert FORMATTERS["sarif"] is sarif.render


@pytest.mark.parametrize(("location", "region"), [
    (Location("plan.xlsx", 12, 2, "Plan!B12"), {"startLine": 12}),       # the row
    (Location("feed.ics", 19, 1, "VEVENT 4"), {"startLine": 19}),        # BEGIN:VEVENT
    (Location("plan.csv", 3, 7), {"startLine": 3, "startColumn": 7}),
    (Location("plan.xlsx", 0, 0, "Plan"), None),
])
def test_spreadsheet_rows_and_calendar_events_get_a_region(
        location: Location, region: dict[str, int] | None) -> None:
    report = Report("lint", location.file, [
        Finding("post.length", Severity.ERROR, "too long", location, ("p1",))])
    (result,) = rendered(report)["runs"][0]["results"]
    physical = result["locations"][0]["physicalLocation"]
    assert physical.get("region") == region
    if location.anchor:
        assert result["locations"][0]["message"] == {"text": location.anchor}
