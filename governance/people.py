"""The staff register on loading: the ``people_file`` CSV read in, and person ids checked.

``attach_people(loaded)`` appends the people of ``people_file`` (a CSV inside
the policy's root, one person a row, columns ``PEOPLE_COLUMNS``, lists in a cell
separated by ``;``) to ``policy.people``, and records where each row and cell
is, so every later finding about a person from the file points at its row.
Problems of the file are findings at their row; a person id that is a role id
is an error, since ``author`` and ``approved_by`` take either.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from governance.findings import Finding, Location, Severity
from governance.models.people import PEOPLE_COLUMNS, Person

if TYPE_CHECKING:
    from governance.loader import LoadedPolicy as LoadedPolicyLike

PEOPLE_FILE = "policy.people-file"
PERSON_IS_ROLE = "ref.person-is-role"
#: An HR export larger than this is the wrong file.
MAX_BYTES = 5_000_000
_LIST_FIELDS = ("roles", "accounts", "training")


def attach_people(loaded: LoadedPolicyLike) -> list[Finding]:
    findings: list[Finding] = []
    policy = loaded.policy
    if policy.people_file:
        where = loaded.locate(("people_file",))
        shown = Path(loaded.display) if loaded.root.is_dir() else Path(loaded.display).parent
        findings.extend(_read_file(loaded, loaded.base_dir, shown, policy.people_file, where))
    roles = {role.id for role in policy.roles}
    for index, person in enumerate(policy.people):
        if person.id in roles:
            findings.append(Finding(
                PERSON_IS_ROLE, Severity.ERROR,
                f"person id {person.id!r} is also a role id; author and approved_by take "
                "either, so give the person an id of their own",
                loaded.locate(("people", index, "id"))))
    return findings


def _read_file(loaded: LoadedPolicyLike, root: Path, shown: Path, name: str,
               where: Location) -> list[Finding]:
    path = (root / name).resolve()
    if not path.is_relative_to(root.resolve()):
        return [_problem(f"people_file {name!r} is outside the policy's directory", where)]
    try:
        if path.stat().st_size > MAX_BYTES:
            return [_problem(f"people_file {name!r} is larger than {MAX_BYTES:,} bytes", where)]
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return [_problem(f"people_file {name!r} not found", where)]
    except OSError as exc:
        return [_problem(f"people_file {name!r} cannot be read: {exc.strerror}", where)]
    except UnicodeDecodeError as exc:
        return [_problem(f"people_file {name!r} is not UTF-8 text (byte {exc.start})", where)]
    return _parse(loaded, text, str(shown / name))


def _parse(loaded: LoadedPolicyLike, text: str, display: str) -> list[Finding]:
    reader = csv.reader(io.StringIO(text, newline=""))
    findings: list[Finding] = []
    try:
        header = [cell.strip().lower() for cell in next(reader, [])]
        unknown = [c for c in header if c not in PEOPLE_COLUMNS]
        if unknown or "id" not in header or "name" not in header or "roles" not in header:
            expected = ", ".join(PEOPLE_COLUMNS)
            what = f"unknown column {unknown[0]!r}" if unknown else "id, name and roles needed"
            return [_problem(f"{what} (columns: {expected})", Location(display, 1, 1))]
        for row in reader:
            if any(cell.strip() for cell in row):
                findings.extend(_person(loaded, header, row, display, reader.line_num))
    except csv.Error as exc:
        findings.append(_problem(f"not valid CSV: {exc}", Location(display, reader.line_num, 1)))
    return findings


def _person(loaded: LoadedPolicyLike, header: list[str], row: list[str], display: str,
            line: int) -> list[Finding]:
    values: dict[str, Any] = {}
    cells: dict[str, Location] = {}
    column = 1
    for name, cell in zip(header, row, strict=False):
        cells[name] = Location(display, line, column)
        column += len(cell) + 1
        value = cell.strip()
        if name in _LIST_FIELDS:
            values[name] = [v.strip() for v in value.split(";") if v.strip()]
        elif value:
            values[name] = value
    try:
        person = Person.model_validate(values)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        message = f"{field}: {first['msg']}" if field else first["msg"]
        return [_problem(message, cells.get(field, Location(display, line, 1)))]
    index = len(loaded.policy.people)
    loaded.policy.people.append(person)
    loaded.source.values[("people", index)] = Location(display, line, 1)
    for name, location in cells.items():
        loaded.source.values[("people", index, name)] = location
        if name in _LIST_FIELDS:  # a reference to one entry points at the cell
            for item in range(len(getattr(person, name))):
                loaded.source.values[("people", index, name, item)] = location
    return []


def _problem(message: str, where: Location) -> Finding:
    return Finding(PEOPLE_FILE, Severity.ERROR, message, where)
