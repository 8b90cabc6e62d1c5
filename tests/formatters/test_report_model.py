"""The JSON report and its documented model stay in step."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from formatter_samples import clean_report, sample_report

from governance.formatters import json_format
from governance.formatters.report_model import ReportDocument
from governance.report import Report

SCHEMA = ReportDocument.model_json_schema(by_alias=True, mode="validation")


def written(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json_format.render(report, False))
    return data


@pytest.mark.parametrize("report", [sample_report(), clean_report(),
                                    Report("check", "policy/", [], checked={"files": 3})],
                         ids=["sample", "clean", "check"])
def test_the_json_report_validates_against_the_model_schema(report: Report) -> None:
    data = written(report)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    errors = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    assert ReportDocument.model_validate(data).model_dump(mode="json", exclude_none=True) == \
        {k: v for k, v in data.items()} | {"findings": [
            {k: v for k, v in f.items() if v is not None} for f in data["findings"]]}


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d["findings"][0].update(extra=1), "an unknown field"),
    (lambda d: d["findings"][0].update(severity="fatal"), "an unknown severity"),
    (lambda d: d["findings"][0].update(line=0), "line 0"),
    (lambda d: d.pop("summary"), "a missing summary"),
    (lambda d: d.update(version=2), "another version"),
])
def test_the_schema_rejects_drift(change: Any, where: str) -> None:
    data = written(sample_report())
    change(data)
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(data), where


def test_the_schema_documents_every_field() -> None:
    finding = SCHEMA["$defs"]["FindingRecord"]
    assert set(finding["required"]) == set(json_format.finding_dict(
        sample_report().findings[0]).keys())
    assert set(SCHEMA["required"]) == {"version", "tool", "command", "target", "summary",
                                       "findings"}
