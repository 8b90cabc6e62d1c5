"""Term files: the lexicon of a ``substitution`` rule, kept beside the policy as CSV or TSV.

One row per term: ``term, replacement, case_sensitive``; an optional header row
names those columns; the delimiter follows the extension (``.tsv``: tab, else
comma). An empty replacement bans the term outright; an empty ``case_sensitive``
takes the rule's ``ignore_case``. The file is found relative to the YAML file
that declares the rule, so a base policy's lexicon travels with it, and read
only inside the policy's boundary (``governance.boundary``), up to the
``governance.limits.TERMS_FILE`` size. Reading files is the loader's side of
the work: rules only ever see the terms.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from governance.boundary import BoundaryError, PolicyBoundary
from governance.findings import Finding, Location, Severity
from governance.limits import TERMS_FILE as TERMS_FILE_LIMIT
from governance.resources import pack_path
from governance.text.terms import Term

TERMS_FILE = "policy.terms-file"

_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n"}
_HEADER = ("term", "replacement", "case_sensitive")


def term_file_path(declaring_file: str, name: str) -> Path:
    """Where ``name`` lives, given the display name of the YAML file that declares it.

    Shipped packs display as ``pack:NAME`` or ``pack:NAME/file.yaml``.
    """
    if declaring_file.startswith("pack:"):
        pack, _, rest = declaring_file[len("pack:"):].partition("/")
        root = pack_path(pack)
        if root is not None:
            base = root if root.is_dir() else root.parent
            return base / Path(rest).parent / name if rest else base / name
    return Path(declaring_file).parent / name


def read_terms(path: Path, default_case_sensitive: bool, where: Location,
               boundary: PolicyBoundary) -> tuple[list[Term], list[Finding]]:
    """The terms of a term file; problems are findings, at the file's rows when they can be."""
    display = str(path)
    try:
        text = boundary.read_bytes(path, TERMS_FILE_LIMIT, f"terms file {display}"
                                   ).decode("utf-8-sig")
    except BoundaryError as exc:
        return [], [_problem(exc.message, where)]
    except FileNotFoundError:
        return [], [_problem(f"terms file {display} not found", where)]
    except OSError as exc:
        return [], [_problem(f"terms file {display} cannot be read: {exc.strerror}", where)]
    except UnicodeDecodeError as exc:
        return [], [_problem(f"terms file {display} is not UTF-8 text (byte {exc.start})",
                             where)]
    return _parse(text, display, path.suffix.lower() == ".tsv", default_case_sensitive)


def _parse(text: str, display: str, tabbed: bool, default_case_sensitive: bool
           ) -> tuple[list[Term], list[Finding]]:
    if tabbed:
        rows = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        rows = csv.reader(io.StringIO(text, newline=""))
    terms: list[Term] = []
    findings: list[Finding] = []
    try:
        for row in rows:
            line = rows.line_num
            cells = [c.strip() for c in row]
            if not any(cells) or (line == 1 and tuple(c.lower() for c in cells[:3]) == _HEADER):
                continue
            term, problem = _term(cells, default_case_sensitive)
            if problem:
                findings.append(_problem(problem, Location(display, line, 1)))
            elif term is not None:
                terms.append(term)
    except csv.Error as exc:
        findings.append(_problem(f"not valid CSV: {exc}", Location(display, rows.line_num, 1)))
    if not terms and not findings:
        findings.append(_problem(f"terms file {display} holds no terms", Location(display)))
    return terms, findings


def _term(cells: list[str], default_case_sensitive: bool) -> tuple[Term | None, str]:
    if len(cells) > 3:
        return None, f"{len(cells)} columns; expected term, replacement, case_sensitive"
    term = cells[0]
    replacement = cells[1] if len(cells) > 1 else ""
    flag = cells[2].lower() if len(cells) > 2 else ""
    if flag in _TRUE:
        case_sensitive = True
    elif flag in _FALSE:
        case_sensitive = False
    elif not flag:
        case_sensitive = default_case_sensitive
    else:
        return None, f"case_sensitive is {cells[2]!r}; expected true or false"
    try:
        return Term(term, replacement, case_sensitive), ""
    except ValueError as exc:
        return None, str(exc)


def _problem(message: str, where: Location) -> Finding:
    return Finding(TERMS_FILE, Severity.ERROR, message, where)
