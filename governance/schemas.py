"""JSON Schemas of every file format, generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

SCHEMA_BASE = "https://json-schema.org/draft/2020-12/schema"


def _models() -> dict[str, type[BaseModel]]:
    from governance.formatters.report_model import ReportDocument
    from governance.lint.baseline import BaselineDocument
    from governance.models.policy import Policy
    from governance.models.policy_tests import PolicyTestFile
    from governance.models.post import CalendarDocument, PostRecord

    return {
        "policy.schema.json": Policy,
        "calendar.schema.json": CalendarDocument,
        "post.schema.json": PostRecord,
        "report.schema.json": ReportDocument,
        "baseline.schema.json": BaselineDocument,
        "policy-tests.schema.json": PolicyTestFile,
    }


def schema_of(model: type[BaseModel], name: str) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": SCHEMA_BASE, "$id": name, **schema}


def render_schemas() -> dict[str, str]:
    """File name -> JSON text, stable across runs (sorted keys, trailing newline)."""
    return {
        name: json.dumps(schema_of(model, name), indent=2, ensure_ascii=False, sort_keys=True)
        + "\n"
        for name, model in _models().items()
    }
