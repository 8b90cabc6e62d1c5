"""The RACI matrix as a view model: activities x roles, one letter a cell, problems beside it.

Roles are grouped (internal staff, agency, external, executives) and keep policy
order within a group; activities keep policy order. The RACI and leadership
rules of ``governance check`` run here too, and their findings are attached to
the rows (and, where the finding points at one role, the cell) they concern,
so a broken matrix is never printed as if it were sound.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from governance.findings import Finding, Location, sort_findings
from governance.loader import LoadedPolicy
from governance.models.roles import Role
from governance.render.document import page_size
from governance.render.i18n import Catalogue
from governance.rules.catalogue import policy_rules
from governance.runner import run_policy_rules
from governance.source import DataPath

LETTERS = ("R", "A", "C", "I")
#: Fill colours (RGB hex) per letter, shared by the HTML and XLSX outputs.
COLOURS = {"R": "C8E6C9", "A": "FFCC80", "C": "BBDEFB", "I": "E0E0E0"}
PROBLEM_COLOUR = "EF5350"
GROUP_ORDER = ("internal", "agency", "external", "executive")
RULE_PREFIXES = ("raci.", "leadership.")


@dataclass(frozen=True)
class RaciRole:
    id: str
    title: str
    group: str


#: Width of a role column (rem): room for a title of three short lines, turned upright.
ROLE_COLUMN_REM = 2.8
#: Roughly the width of one character of a bold group label, and a cell's padding (rem).
_LABEL_CHAR_REM, _LABEL_PADDING_REM = 0.55, 1.0


@dataclass(frozen=True)
class RoleGroup:
    key: str
    label: str
    roles: tuple[RaciRole, ...]

    @property
    def column_rem(self) -> float:
        """Each role column's width: wide enough that the group's label never splits a word."""
        longest = max((len(word) for word in self.label.split()), default=0)
        needed = longest * _LABEL_CHAR_REM + _LABEL_PADDING_REM
        return round(max(ROLE_COLUMN_REM, needed / max(len(self.roles), 1)), 2)


@dataclass(frozen=True)
class Cell:
    role: str
    letter: str  # "" when the role has no part in the activity
    meaning: str  # "Responsible", ... in the document's language
    problem: bool = False


@dataclass(frozen=True)
class Row:
    activity: str
    name: str
    kind: str
    cadence: str
    cells: tuple[Cell, ...]
    problems: tuple[str, ...] = ()  # rule ids of findings on this activity


@dataclass(frozen=True)
class LegendEntry:
    letter: str
    name: str
    meaning: str
    colour: str


@dataclass(frozen=True)
class RaciProblem:
    rule: str
    severity: str  # in the document's language
    level: str  # error, warning, info: as governance check prints it
    message: str
    where: str
    waived: str = ""
    activity: str = ""


@dataclass(frozen=True)
class RaciMatrix:
    lang: str
    title: str
    subtitle: str
    groups: tuple[RoleGroup, ...]
    rows: tuple[Row, ...]
    legend: tuple[LegendEntry, ...]
    problems: tuple[RaciProblem, ...]
    paper: str = "a4"  # "a4" or "letter"; printed landscape

    @property
    def roles(self) -> tuple[RaciRole, ...]:
        return tuple(role for group in self.groups for role in group.roles)

    @property
    def problem_colour(self) -> str:
        return PROBLEM_COLOUR

    @property
    def has_cadence(self) -> bool:
        return any(row.cadence for row in self.rows)

    @property
    def has_row_problems(self) -> bool:
        return any(row.problems for row in self.rows)


def role_group(role: Role) -> str:
    return "executive" if role.executive else role.type.value


def _groups(loaded: LoadedPolicy, t: Catalogue) -> tuple[RoleGroup, ...]:
    roles = [RaciRole(r.id, r.title, role_group(r)) for r in loaded.policy.roles]
    return tuple(
        RoleGroup(key, t(f"raci.group.{key}"), tuple(r for r in roles if r.group == key))
        for key in GROUP_ORDER if any(r.group == key for r in roles)
    )


def _location_index(loaded: LoadedPolicy) -> dict[Location, tuple[int, str]]:
    """File position -> (activity index, role id or "") for everything inside an activity.

    Role keys go in first and anything else at the same position overrides them: the
    start of a RACI mapping is also the position of its first key, and a finding about
    the whole mapping must not be pinned on that first role.
    """
    index: dict[Location, tuple[int, str]] = {}
    tables = (loaded.source.keys, loaded.source.values)
    for table in tables:
        for path, location in table.items():
            if _is_role_path(path):
                index[location] = (int(path[2]), str(path[4]))
    for table in tables:
        for path, location in table.items():
            if _in_activity(path) and not _is_role_path(path):
                index[location] = (int(path[2]), "")
    return index


def _in_activity(path: DataPath) -> bool:
    return len(path) >= 3 and path[:2] == ("workflow", "activities") and isinstance(path[2], int)


def _is_role_path(path: DataPath) -> bool:
    return len(path) == 5 and _in_activity(path) and path[3] == "raci"


def raci_findings(loaded: LoadedPolicy, today: dt.date) -> list[Finding]:
    rules = [r for r in policy_rules() if r.id.startswith(RULE_PREFIXES)]
    return sort_findings(run_policy_rules(loaded, rules, today))


@dataclass
class _Placed:
    """Findings placed on the matrix: rule ids per activity row, and pinned cells."""

    problems: list[RaciProblem]
    row_rules: dict[int, list[str]]
    cells: set[tuple[int, str]]


def _place(loaded: LoadedPolicy, findings: list[Finding], t: Catalogue) -> _Placed:
    where = _location_index(loaded)
    activities = loaded.policy.workflow.activities
    placed = _Placed([], {}, set())
    for finding in findings:
        spot = where.get(finding.location) if finding.location else None
        if spot is not None:
            placed.row_rules.setdefault(spot[0], []).append(finding.rule)
            if spot[1]:
                placed.cells.add(spot)
        placed.problems.append(RaciProblem(
            finding.rule, t(f"severity.{finding.severity.label}"), finding.severity.label,
            finding.message, str(finding.location or ""), finding.waived_by,
            activities[spot[0]].id if spot is not None else ""))
    return placed


def _rows(loaded: LoadedPolicy, groups: tuple[RoleGroup, ...], placed: _Placed,
          t: Catalogue) -> tuple[Row, ...]:
    names = {letter: t(f"raci.letter.{letter}") for letter in LETTERS}
    rows = []
    for index, activity in enumerate(loaded.policy.workflow.activities):
        letters = [activity.raci.get(role.id, "") for group in groups for role in group.roles]
        roles = [role.id for group in groups for role in group.roles]
        cells = tuple(Cell(role, letter, names.get(letter, ""), (index, role) in placed.cells)
                      for role, letter in zip(roles, letters, strict=True))
        cadence = t(f"cadence.{activity.cadence.value}") if activity.cadence else ""
        rows.append(Row(activity.id, " ".join(activity.name.split()),
                        t(f"activity_kind.{activity.kind.value}"), cadence, cells,
                        tuple(dict.fromkeys(placed.row_rules.get(index, [])))))
    return tuple(rows)


def build_matrix(loaded: LoadedPolicy, lang: str, today: dt.date) -> RaciMatrix:
    """The matrix in ``lang``, with the problems ``governance check`` finds as of ``today``."""
    organisation = loaded.policy.organisation
    t = Catalogue.for_language(lang, organisation.kind.value if organisation else "company",
                               organisation.country if organisation else None)
    groups = _groups(loaded, t)
    placed = _place(loaded, raci_findings(loaded, today), t)
    legend = tuple(LegendEntry(letter, t(f"raci.letter.{letter}"), t(f"raci.meaning.{letter}"),
                               COLOURS[letter]) for letter in LETTERS)
    subtitle = ""
    if organisation is not None:
        subtitle = t("doc.subtitle", version=organisation.policy_version,
                     date=t.date(organisation.effective_date))
    name = organisation.name if organisation else ""
    return RaciMatrix(lang, t("raci.title", organisation=name), subtitle, groups,
                      _rows(loaded, groups, placed, t), legend, tuple(placed.problems),
                      page_size(loaded.policy))
