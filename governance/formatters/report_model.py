"""The JSON report (``--format json``) as a pydantic model: its documented schema.

``governance.formatters.json_format`` writes the report; this model describes
what it writes, field by field, and is the source of ``schemas/report.schema.json``.
A test keeps the two in step: the JSON of real reports must validate against the
schema generated from this model. Bump ``version`` on any incompatible change.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ToolInfo(_Strict):
    name: Literal["governance"]
    version: str = Field(description="Version of the tool that wrote the report.")


class Summary(_Strict):
    errors: int = Field(ge=0, description="Unwaived findings of severity error.")
    warnings: int = Field(ge=0, description="Unwaived findings of severity warning.")
    infos: int = Field(ge=0, description="Unwaived findings of severity info.")
    waived: int = Field(ge=0, description="Findings a waiver covers (not counted above).")
    checked: dict[str, int] = Field(
        description="What was checked, e.g. {\"posts\": 1200, \"rules\": 31} or policy files."
    )


class Window(_Strict):
    """First and last local day (ISO dates) of a calendar finding."""

    start: str = Field(description="First day, e.g. 2026-03-02.")
    end: str = Field(description="Last day, inclusive.")


class FindingRecord(_Strict):
    """One finding; where a field does not apply it is null."""

    rule: str = Field(description="Rule id, e.g. content.promo-share.")
    severity: Literal["error", "warning", "info"]
    message: str
    file: str | None = Field(description="File the finding points at, as the user named it.")
    line: int | None = Field(ge=1, description="1-based line; null for the file as a whole.")
    column: int | None = Field(ge=1, description="1-based column.")
    anchor: str | None = Field(
        description="A place that is not a line: an XLSX cell (Sheet1!A12), an event (VEVENT 3)."
    )
    post_ids: list[str] = Field(description="Posts the finding is about, the first pointed at.")
    channel: str | None = Field(description="Channel id of the policy the finding concerns.")
    waived: bool
    waived_by: str | None = Field(description="Who waived it and why, when waived.")
    window: Window | None = Field(
        None, description="Calendar findings: the local days the finding covers.")


class ReportDocument(_Strict):
    """The report of ``governance check``, ``lint`` or ``review`` in JSON."""

    model_config = ConfigDict(extra="forbid", title="Report")

    version: Literal[1] = Field(description="Version of this format.")
    tool: ToolInfo
    command: Literal["check", "lint", "review"]
    target: str = Field(description="What was checked, as the user named it.")
    summary: Summary
    findings: list[FindingRecord] = Field(description="Sorted by file, line, column and rule.")
    meta: dict[str, Any] | None = Field(
        None, description="Further facts about the run; present only when there are some."
    )
