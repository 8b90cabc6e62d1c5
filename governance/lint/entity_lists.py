"""Allow and deny list files of ``entities`` rules: one entry a line, beside the policy.

A roster of handles, a list of partner domains: kept as plain text so that the
people who own it edit it without touching YAML. Blank lines are skipped, and so
is a comment: a ``#`` followed by a space or ending the line, at its start or
after a space (``kubernetesio  # the project account``); ``#kubecon`` is a
hashtag, not a comment. The file is found relative to the YAML file that names
it and must lie inside the policy's directory (or the declaring file's own, for
a base policy or a pack), so a policy cannot read files it does not ship.
Reading files is the loader's side of the work: rules only ever see the entries.
"""

from __future__ import annotations

from pathlib import Path

from governance.findings import Finding, Location, Severity
from governance.lint.terms_file import term_file_path
from governance.loader import LoadedPolicy
from governance.models.rules import EntitiesRule
from governance.source import DataPath
from governance.text.entities import EntityKind, entry_key

ENTITY_LIST_FILE = "policy.entity-list"
#: A list larger than this is a wrong file, not a roster.
MAX_BYTES = 5_000_000


def attach_list_files(loaded: LoadedPolicy, path: DataPath, rule: EntitiesRule
                      ) -> list[Finding]:
    """Read the rule's ``allow_file`` and ``deny_file`` and give their entries to the rule."""
    findings: list[Finding] = []
    entries: dict[str, list[str]] = {"allow": [], "deny": []}
    for name, key in ((rule.allow_file, "allow"), (rule.deny_file, "deny")):
        if not name:
            continue
        where = loaded.locate((*path, f"{key}_file"))
        file, why = entity_list_path(where.file, name, loaded.base_dir)
        if file is None:
            findings.append(_problem(why, where))
            continue
        entries[key], problems = read_entity_list(file, rule.entity, where)
        findings.extend(problems)
    rule.attach_file_entries(entries["allow"], entries["deny"])
    return findings


def entity_list_path(declaring_file: str, name: str, policy_dir: Path
                     ) -> tuple[Path | None, str]:
    """Where list file ``name`` lives, or why it may not be read."""
    if Path(name).is_absolute():
        return None, f"list file {name!r} must be a path relative to the policy, not absolute"
    path = term_file_path(declaring_file, name)
    # Resolved, so neither '..' nor a symbolic link leads out of the policy.
    resolved = path.resolve()
    roots = (policy_dir.resolve(), term_file_path(declaring_file, "").resolve())
    if not any(resolved.is_relative_to(root) for root in roots):
        return None, f"list file {name!r} lies outside the policy's directory"
    return path, ""


def read_entity_list(path: Path, kind: EntityKind, where: Location
                     ) -> tuple[list[str], list[Finding]]:
    """The entries of a list file; problems are findings at the file's lines."""
    display = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            return [], [_problem(f"list file {display} is larger than {MAX_BYTES:,} bytes",
                                 where)]
        text = path.read_bytes().decode("utf-8-sig")
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
