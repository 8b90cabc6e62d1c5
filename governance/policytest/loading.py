"""Policy test files: found beside the policy, parsed with positions, validated by the model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from governance.errors import UsageError
from governance.findings import Finding, Location, Severity
from governance.models.policy_tests import PolicyTestCase, PolicyTestFile
from governance.schema_errors import validation_findings
from governance.source import SourceMap, parse_yaml

TEST_FILE_PROBLEM = "test.bad-case"
TEST_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadedCase:
    case: PolicyTestCase
    location: Location  # where the case starts in its file
    posts: list[dict[str, Any]] | None  # the posts as written, for a calendar file
    calendar: Path | None


def tests_dir(policy: str) -> Path:
    """``tests/`` beside the policy: inside a policy directory, beside a policy file."""
    root = Path(policy)
    return root / "tests" if root.is_dir() else root.parent / "tests"


def load_cases(directory: Path) -> tuple[list[LoadedCase], list[Finding]]:
    """Every case of ``directory/*.yaml`` in file order, and every problem of the files."""
    if not directory.is_dir():
        raise UsageError(f"{directory}: no policy tests here (a directory of *.yaml files)")
    files = sorted(p for p in directory.iterdir() if p.suffix in TEST_SUFFIXES and p.is_file())
    if not files:
        raise UsageError(f"{directory}: no policy tests here (a directory of *.yaml files)")
    cases: list[LoadedCase] = []
    problems: list[Finding] = []
    for file in files:
        found, wrong = _load_file(file)
        cases.extend(found)
        problems.extend(wrong)
    return cases, problems


def _load_file(file: Path) -> tuple[list[LoadedCase], list[Finding]]:
    name = str(file)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Finding(TEST_FILE_PROBLEM, Severity.ERROR, f"cannot read: {exc}",
                            Location(name))]
    root, problems = parse_yaml(text, name)
    if root is None or any(p.severity is Severity.ERROR for p in problems):
        return [], problems
    data, smap = root.plain(), SourceMap.of(root)
    try:
        document = PolicyTestFile.model_validate(data)
    except ValidationError as exc:
        return [], validation_findings(exc, data, smap, PolicyTestFile, name)
    cases, missing = [], []
    for index, case in enumerate(document.cases):
        where = smap.locate(("cases", index)) or Location(name)
        calendar = file.parent / case.calendar if case.calendar is not None else None
        if calendar is not None and not calendar.is_file():
            at = smap.locate(("cases", index, "calendar")) or where
            missing.append(Finding(TEST_FILE_PROBLEM, Severity.ERROR,
                                   f"calendar file {case.calendar!r} not found", at))
        cases.append(LoadedCase(case, where, data["cases"][index].get("posts"), calendar))
    return cases, missing
