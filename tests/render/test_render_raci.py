"""The RACI view model: grouped roles, one letter a cell, problems on their row and cell."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from render_helpers import load, xlsx_contents

from governance.render import RenderOptions, render_raci
from governance.render.raci import RaciMatrix, build_matrix

POLICY = """\
organisation:
  name: Acme
  policy_version: "1"
  effective_date: 2027-01-10
roles:
  - {id: ceo, title: CEO, executive: true}
  - {id: agency, title: Agency, type: agency}
  - {id: smm, title: SMM}
  - {id: freelancer, title: Freelancer, type: external}
  - {id: legal, title: Legal}
workflow:
  activities:
{activities}
"""
CLEAN = """\
    - {id: plan, name: Plan, cadence: weekly, raci: {smm: R, ceo: A, agency: C, legal: I}}
    - {id: write, name: Write, raci: {agency: R, freelancer: R, smm: A}}
"""


def matrix(tmp_path: Path, activities: str = CLEAN, extra: str = "",
           today: dt.date = dt.date(2027, 1, 10)) -> RaciMatrix:
    path = tmp_path / "policy.yaml"
    path.write_text(POLICY.replace("{activities}", activities) + textwrap.dedent(extra),
                    encoding="utf-8")
    return build_matrix(load(path), "en", today)


def test_roles_are_grouped_internal_agency_external_executive(tmp_path: Path) -> None:
    m = matrix(tmp_path)
    assert [(g.label, [r.id for r in g.roles]) for g in m.groups] == [
        ("Internal", ["smm", "legal"]), ("Agency", ["agency"]), ("External", ["freelancer"]),
        ("Executive", ["ceo"])]


def test_one_letter_per_cell_in_policy_order(tmp_path: Path) -> None:
    m = matrix(tmp_path)
    assert [(r.activity, r.cadence, "".join(c.letter or "." for c in r.cells)) for r in m.rows] == [
        ("plan", "weekly", "RIC.A"),
        ("write", "", "A.RR."),
    ]
    assert m.rows[0].cells[0].meaning == "Responsible"
    assert m.has_cadence and not m.has_row_problems
    assert {p.rule for p in m.problems} == {"leadership.activities-declared"}  # no review etc.


@pytest.mark.parametrize(("raci", "row_rules", "cells"), [
    # Two Accountable roles: the second one is pinned.
    ("{smm: A, legal: A, agency: R}", ("raci.one-accountable",), ["legal"]),
    # No Accountable: the finding is about the whole mapping, so no role is pinned,
    # not even the first key, which shares the mapping's position.
    ("{smm: R, legal: C}", ("raci.one-accountable",), []),
    ("{smm: A, legal: C}", ("raci.responsible",), []),
])
def test_problems_sit_on_their_row_and_cell(tmp_path: Path, raci: str, row_rules: tuple[str, ...],
                                            cells: list[str]) -> None:
    m = matrix(tmp_path, CLEAN + f"    - {{id: broken, name: Broken, raci: {raci}}}\n")
    broken = m.rows[-1]
    assert broken.problems == row_rules
    assert [c.role for c in broken.cells if c.problem] == cells
    assert [p.activity for p in m.problems if p.rule in row_rules] == ["broken"]
    assert all(not c.problem for r in m.rows[:-1] for c in r.cells)


def test_problems_outside_any_activity_are_listed_too(tmp_path: Path) -> None:
    m = matrix(tmp_path, "    - {id: plan, name: Plan, raci: {smm: R, ceo: A}}\n")
    rules = {p.rule for p in m.problems}
    assert "leadership.activities-declared" in rules
    assert all(p.where for p in m.problems)


def test_a_waived_problem_is_shown_as_waived_not_hidden(tmp_path: Path) -> None:
    activities = CLEAN + "    - {id: broken, name: Broken, raci: {smm: A, legal: C}}\n"
    waiver = """\
        waivers:
          - rule: raci.responsible
            target: {activity: broken}
            reason: Being reorganised
            approved_by: ceo
            expires: 2027-02-01
        """
    waived = [p for p in matrix(tmp_path, activities, waiver).problems
              if p.rule == "raci.responsible"]
    assert [(p.activity, bool(p.waived)) for p in waived] == [("broken", True)]
    expired = [p for p in matrix(tmp_path, activities, waiver, dt.date(2027, 3, 1)).problems
               if p.rule == "raci.responsible"]
    assert [(p.activity, bool(p.waived)) for p in expired] == [("broken", False)]


def test_the_html_matrix_has_a_grouped_header_legend_and_problems(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(POLICY.replace("{activities}", CLEAN + (
        "    - {id: broken, name: Broken, raci: {smm: A, legal: A, agency: R}}\n")),
        encoding="utf-8")
    html = render_raci(load(path), "html", RenderOptions(lang="en")).decode()
    assert '<th colspan="2" scope="colgroup" class="group">Internal</th>' in html
    assert '<td class="letter l-A problem" title="Accountable">A</td>' in html
    assert '<tr id="activity-broken" class="has-problem">' in html
    assert "<h2>Legend</h2>" in html and "<h2>Problems</h2>" in html
    assert ".l-R { background: #C8E6C9; }" in html
    assert "<link" not in html and "<script" not in html and "src=" not in html


def test_the_spreadsheet_marks_the_problem_cell_and_row(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(POLICY.replace("{activities}", CLEAN + (
        "    - {id: broken, name: Broken, raci: {smm: A, legal: A, agency: R}}\n")),
        encoding="utf-8")
    sheet = xlsx_contents(render_raci(load(path), "xlsx", RenderOptions(lang="en")))
    assert "  C5 FFFFCC80 - 'A'" in sheet
    assert "  D5 FFFFCC80 ! 'A'" in sheet  # legal's second A: a thick red border
    assert "  A5 - B 'Broken'" in sheet  # the activity in bold red
    assert "  H5 - B 'raci.one-accountable'" in sheet
    assert sheet.splitlines()[0] == "[sheet RACI] freeze=C3 merged=['C1:D1']"
