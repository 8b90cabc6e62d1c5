"""Allow and deny list files of ``entities`` rules: one entry a line, beside the policy.

A roster of handles, a list of partner domains: kept as plain text so that the
people who own it edit it without touching YAML. Blank lines are skipped, and so
is a comment: a ``#`` followed by a space or ending the line, at its start or
after a space (``kubernetesio  # the project account``); ``#kubecon`` is a
hashtag, not a comment. The file is found relative to the YAML file that names
it and read only inside the policy's boundary (``governance.boundary``: its root,
the shipped packs, allowed paths), at most ``governance.limits.ENTITY_LIST``
long. Reading files is the loader's side of the work: rules only see entries.
"""

from __future__ import annotations

from pathlib import Path

from governance.boundary import BoundaryError, PolicyBoundary
from governance.findings import Finding, Location, Severity
from governance.limits import ENTITY_LIST
from governance.lint.terms_file import term_file_path
from governance.loader import LoadedPolicy
from governance.models.rules import EntitiesRule
from governance.source import DataPath
from governance.text.entities import EntityKind, entry_key

ENTITY_LIST_FILE = "policy.entity-list"


def attach_list_files(loaded: LoadedPolicy, path: DataPath, rule: EntitiesRule
                      ) -> list[Finding]:
    """Read the rule's ``allow_file`` and ``deny_file`` and give their entries to the rule."""
    findings: list[Finding] = []
    entries: dict[str, list[str]] = {"allow": [], "deny": []}
    for name, key in ((rule.allow_file, "allow"), (rule.deny_file, "deny")):
        if not name:
            continue
        where = loaded.locate((*path, f"{key}_file"))
        if Path(name).is_absolute():
            findings.append(_problem(f"list file {name!r} must be a path relative to the "
                                     "policy, not absolute", where))
            continue
        entries[key], problems = read_entity_list(term_file_path(where.file, name), rule.entity,
                                                  where, loaded.boundary)
        findings.extend(problems)
    rule.attach_file_entries(entries["allow"], entries["deny"])
    return findings


def read_entity_list(path: Path, kind: EntityKind, where: Location, boundary: PolicyBoundary
                     ) -> tuple[list[str], list[Finding]]:
    """The entries of a list file; problems are findings at the file's lines."""
    display = str(path)
    try:
        text = boundary.read_bytes(path, ENTITY_LIST, f"list file {display}").decode("utf-8-sig")
    except BoundaryError as exc:
        return [], [_problem(exc.message, where)]
    except FileNotFoundError:
        return [], [_problem(f"list file {display} not found", where)]
    except OSError as exc:
        return [], [_problem(f"list file {display} cannot be read: {exc.strerror}", where)]
    except UnicodeDecodeError as exc:
        return [], [_problem(f"list file {display} is not UTF-8 text (byte {exc.start})",
                             where)]
    entries: list[str] = []
    findings: list[Finding] = []
    for number, line in enumerate(text.splitlines(), start=1):
        entry = _uncommented(line)
        if not entry:
            continue
        problem = entry_problem(kind, entry)
        if problem:
            findings.append(_problem(problem, Location(display, number, 1)))
        else:
            entries.append(entry)
    if not entries and not findings:
        findings.append(_problem(f"list file {display} holds no entries", where))
    return entries, findings


def entry_problem(kind: EntityKind, entry: str) -> str:
    """Why ``entry`` cannot stand for a ``kind`` entity ("" when it can)."""
    if any(char.isspace() for char in entry.strip()):
        return f"{entry.strip()!r} holds a space; one {kind} a line"
    if not entry_key(kind, entry):
        return f"{entry.strip()!r} is not a {kind}"
    return ""


def _uncommented(line: str) -> str:
    stripped = line.strip()
    if stripped == "#" or stripped.startswith("# "):
        return ""
    for marker in (" # ", "\t# "):
        head, found, _ = stripped.partition(marker)
        if found:
            stripped = head
    if stripped.endswith((" #", "\t#")):
        stripped = stripped[:-1]
    return stripped.strip()


def _problem(message: str, where: Location) -> Finding:
    return Finding(ENTITY_LIST_FILE, Severity.ERROR, message, where)
