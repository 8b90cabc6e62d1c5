"""A report: the findings of one run plus what was checked, for every formatter."""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from governance.finding_runs import FindingRuns, Tally
from governance.findings import Finding, Severity, sort_findings
from governance.spill import TextSpill

if TYPE_CHECKING:
    from governance.calendar_report.plan import Plan


@dataclass
class Report:
    command: str  # "check" or "lint"
    target: str  # what was checked, as the user named it
    #: In report order: a list is sorted here; ``FindingRuns`` (a lint run's, most
    #: of them in a temporary file) are read back sorted.
    findings: Collection[Finding]
    checked: dict[str, int] = field(default_factory=dict)  # e.g. {"files": 7, "rules": 20}
    meta: dict[str, Any] = field(default_factory=dict)
    #: The lowest severity that fails the run (``--fail-on``; None: nothing does),
    #: for formats that say pass or fail per item (JUnit).
    fail_on: Severity | None = Severity.ERROR
    #: ``(file, post id)`` of every post linted, in order, when a format lists
    #: passing posts too (JUnit); empty otherwise.
    posts: Iterable[tuple[str, str]] = field(default_factory=list)
    plan: Plan | None = None  # the calendar itself, kept when a format draws it (html)

    def __post_init__(self) -> None:
        if not isinstance(self.findings, FindingRuns):
            self.findings = sort_findings(self.findings)

    @property
    def tally(self) -> Tally:
        """The counts of the findings; read from ``FindingRuns`` without reading them back."""
        if isinstance(self.findings, FindingRuns):
            return self.findings.tally
        tally = Tally()
        tally.add(self.findings)
        return tally

    @property
    def counts(self) -> dict[Severity, int]:
        return self.tally.counts

    @property
    def waived(self) -> int:
        return self.tally.waived

    def fails(self, threshold: Severity) -> bool:
        """True when an unwaived finding other than a notice is at or above ``threshold``."""
        worst = self.tally.worst
        return worst is not None and worst >= threshold

    def rule_ids(self) -> list[str]:
        """The rules of the findings, sorted."""
        return sorted(self.tally.rules)

    def summary(self) -> str:
        tally = self.tally
        counts = tally.counts
        parts = [f"{counts[s]} {s.label}{'' if counts[s] == 1 else 's'}"
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
        problems = ", ".join(parts) if parts else "no problems"
        if tally.waived:
            problems += f" ({tally.waived} waived)"
        checked = ", ".join(f"{n} {k[:-1] if n == 1 and k.endswith('s') else k}"
                            for k, n in self.checked.items())
        return f"{self.target}: {problems}" + (f" [{checked}]" if checked else "")


class LintedPosts:
    """``(file, post id)`` of every post a run lints, in order, for ``Report.posts``.

    Each id goes to a spill and each file is a 4-byte number: about 20 bytes a post
    rather than the 120 of a tuple of two strings, the ids on disk past a megabyte.
    """

    def __init__(self) -> None:
        self._files: list[str] = []
        self._numbers: dict[str, int] = {}
        self._file_of = array("I")
        self._ids = TextSpill()

    def append(self, post: tuple[str, str]) -> None:
        file, post_id = post
        number = self._numbers.get(file)
        if number is None:
            number = self._numbers[file] = len(self._files)
            self._files.append(file)
        self._file_of.append(number)
        self._ids.append(post_id)

    def __len__(self) -> int:
        return len(self._file_of)

    @property
    def on_disk(self) -> bool:
        """Whether the ids have moved to the temporary file."""
        return self._ids.on_disk

    def __iter__(self) -> Iterator[tuple[str, str]]:
        files, ids = self._files, self._ids
        for row, number in enumerate(self._file_of):
            yield files[number], ids.get(row)
