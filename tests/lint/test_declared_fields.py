"""Declared post fields (``calendar.fields``): typed per row, named by rules, checked at load."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lint_helpers import rendered, run_lint, write_policy

from governance.findings import Finding
from governance.lint import LintOptions, lint
from governance.lint.fields import DeclaredFields
from governance.loader import load_policy
from governance.models.policy import DeclaredField
from governance.models.post import Post

FIELDS = """
calendar:
  fields:
    rights:        {type: enum, values: [own, licensed, cc-by, unknown], required: true}
    data_verified: {type: bool}
    event_at:      {type: datetime}
    audience:      {type: enum, values: [contributors, end-users]}
    budget:        {type: number}
    embargo:       {type: date}
"""
RULE = """
content:
  rules:
    - id: acme.no-unknown-rights
      type: conditional
      if: {field: media, present: true}
      then: {not: {field: rights, equals: unknown}}
      message: an image whose rights are unknown
      examples:
        fail: [{media: [a.jpg], rights: unknown}]
        pass: [{media: [a.jpg], rights: own}]
    - id: acme.verified-figures
      type: pattern
      mode: require
      pattern: 'source:'
      when: {all: [{field: audience, equals: end-users}, {field: data_verified, equals: false}]}
      message: unverified figures for end users name their source
"""


def findings(tmp_path: Path, posts: list[dict[str, object]]) -> list[str]:
    result = run_lint(tmp_path, FIELDS + RULE, posts)
    assert result.linted, [f.message for f in result.report.findings]
    return sorted(rendered(f) for f in result.report.findings
                  if f.rule.startswith(("acme.", "calendar.")))


def test_values_are_typed_and_bad_ones_are_findings(tmp_path: Path) -> None:
    assert findings(tmp_path, [
        {"id": "p1", "rights": "OWN", "data_verified": "yes", "event_at": "2026-03-05 18:00",
         "budget": "1,5", "embargo": "2026-03-01"},
        {"id": "p2", "rights": "stolen", "data_verified": "perhaps", "event_at": "soon",
         "budget": "lots", "embargo": "2026-03-01 10:00"},
        {"id": "p3"},
    ]) == [
        "p2 error: budget 'lots' is not valid: expected a number such as 12 or 3.5",
        "p2 error: data_verified 'perhaps' is not valid: expected true/false, yes/no, 1/0, "
        "да/нет, x or empty",
        "p2 error: embargo '2026-03-01 10:00' is not valid: expected a date such as 2026-03-01",
        "p2 error: event_at 'soon' is not valid: expected ISO 8601 (2026-03-01T10:00, "
        "2026-03-01 10:00:00+03:00, 2026-03-01) or DD.MM.YYYY HH:MM",
        "p2 error: rights 'stolen' is not valid: expected one of own, licensed, cc-by, unknown",
        "p3 error: rights is required by the policy and has no value",
    ]


def test_rules_read_declared_fields_in_their_canonical_form(tmp_path: Path) -> None:
    assert findings(tmp_path, [
        {"id": "p1", "rights": "Unknown", "media": ["a.jpg"]},
        {"id": "p2", "rights": "own", "media": ["a.jpg"]},
        {"id": "p3", "rights": "own", "audience": "End-Users", "data_verified": "no",
         "text": "Downloads doubled"},
        {"id": "p4", "rights": "own", "audience": "end-users", "data_verified": "да",
         "text": "Downloads doubled"},
    ]) == [
        "p1 warning: an image whose rights are unknown",
        "p3 warning: unverified figures for end users name their source",
    ]


def test_a_bad_value_points_at_its_cell_in_a_spreadsheet(tmp_path: Path) -> None:
    policy = write_policy(tmp_path, FIELDS)
    calendar = tmp_path / "plan.csv"
    calendar.write_text("id,publish_at,channel,text,rights\n"
                        "p1,2026-03-02 10:00,x-brand,Hello,own\n"
                        "p2,2026-03-02 11:00,x-brand,Hello,mine\n", encoding="utf-8")
    report = lint(LintOptions([str(calendar)], str(policy), today=dt.date(2026, 3, 1))).report
    [bad] = [f for f in report.findings if f.rule == "calendar.bad-value"]
    assert bad.location is not None and bad.location.line == 3
    assert bad.message.startswith("rights 'mine' is not valid")


def test_a_declared_field_is_read_from_the_column_the_policy_maps_to_it(tmp_path: Path) -> None:
    mapped = FIELDS.replace("calendar:\n", "calendar:\n  columns: {Права: rights}\n")
    policy = write_policy(tmp_path, mapped)
    calendar = tmp_path / "plan.csv"
    calendar.write_text("id,publish_at,channel,text,Права\n"
                        "p1,2026-03-02 10:00,x-brand,Hello,чужие\n", encoding="utf-8")
    report = lint(LintOptions([str(calendar)], str(policy), today=dt.date(2026, 3, 1))).report
    assert [f.message for f in report.findings if f.rule.startswith("calendar.")] == [
        "rights 'чужие' is not valid: expected one of own, licensed, cc-by, unknown"]


@pytest.mark.parametrize(("snippet", "expected"), [
    ("calendar: {fields: {kind: {type: text}}}",
     "1:27 policy.builtin-field: 'kind' is a built-in post field"),
    ("content:\n  rules:\n    - {id: acme.x, type: existence, tokens: [a], message: m, "
     "scope: txet}\n",
     "3:69 policy.unknown-field: unknown post field 'txet' (did you mean 'text'?)"),
    (FIELDS + "content:\n  rules:\n    - {id: acme.x, type: existence, tokens: [a], "
     "message: m,\n       when: {not: {field: rihgts, equals: own}}}\n",
     "13:28 policy.unknown-field: unknown post field 'rihgts' (did you mean 'rights'?)"),
    ("content:\n  rules:\n    - {id: acme.x, type: share, max_percent: 5, message: m,\n"
     "       match: {any: [{field: kindd, equals: promo}]}}\n",
     "4:30 policy.unknown-field: unknown post field 'kindd' (did you mean 'kind'?)"),
    ("calendar: {fields: {rights: {type: enum}}}",
     "1:29 schema.value: calendar.fields.rights: an enum field needs 'values'"),
])
def test_misnamed_fields_are_errors_of_check(tmp_path: Path, snippet: str,
                                              expected: str) -> None:
    policy = write_policy(tmp_path, snippet)
    result = load_policy(policy, hooks=_hooks())
    errors = [_where(f) for f in result.findings if f.severity.label == "error"]
    assert any(error.startswith(expected) for error in errors), errors


def _hooks() -> tuple[object, ...]:
    from governance.lint import policy_hooks

    return policy_hooks()


def _where(finding: Finding) -> str:
    loc = finding.location
    assert loc is not None
    return f"{loc.line}:{loc.column} {finding.rule}: {finding.message}"


@given(st.text(max_size=30))
def test_any_cell_is_read_or_refused_never_raises(cell: str) -> None:
    fields = DeclaredFields({name: DeclaredField.model_validate(spec) for name, spec in {
        "a": {"type": "number"}, "b": {"type": "bool"}, "c": {"type": "date"},
        "d": {"type": "datetime"}, "e": {"type": "enum", "values": ["x", "y"]}}.items()},
        dt.timezone.utc)
    post = Post("p", dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), "c",
                extra=dict.fromkeys("abcde", cell))
    problems = fields.read(post)
    assert len(problems) + len(post.extra) == 5  # each value kept, or refused and dropped


def test_a_bad_value_points_at_its_cell_in_a_workbook(tmp_path: Path) -> None:
    import openpyxl

    policy = write_policy(tmp_path, FIELDS)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Plan"
    sheet.append(["id", "publish_at", "channel", "text", "rights"])
    sheet.append(["p1", "2026-03-02 10:00", "x-brand", "Hello", "mine"])
    workbook.save(tmp_path / "plan.xlsx")
    report = lint(LintOptions([str(tmp_path / "plan.xlsx")], str(policy),
                              today=dt.date(2026, 3, 1))).report
    [bad] = [f for f in report.findings if f.rule == "calendar.bad-value"]
    assert bad.location is not None and bad.location.anchor == "Plan!E2"
