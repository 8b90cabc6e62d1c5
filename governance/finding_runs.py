"""A lint run's findings in report order, most of them in a temporary file.

A lint run finds about one problem for every post or two with a strict policy:
750,000 findings at 1,000,000 posts, about 800 bytes each with their message,
location and data, most of a gigabyte held until the report is written. So the
run hands its findings over in *runs*: each run is sorted in report order and
written to an unnamed temporary file, a few hundred findings to a pickle, and
the report reads them back merged (``heapq.merge``, stable: equal findings keep
the order they were found in, as one sort of them all would). Memory then holds
one run while it is sorted and one pickle of each run while the report is
written, whatever the calendar's length; small runs never touch the disk.

The counts a report opens with (errors, warnings, waived, the rules seen) are
kept as findings arrive, so writing a report reads the file once.
"""

from __future__ import annotations

import copy
import heapq
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from governance.findings import NOTICES, Finding, Location, Severity, sort_findings

#: Findings held in memory before they are written as one sorted run (about 7 MB).
#: Writing the report holds a pickle of every run at once, so memory goes with
#: ``RUN + findings / RUN * CHUNK``: least, at 750,000 findings, near these two.
RUN = 8192
#: Post ids those findings may name before the run is written all the same: a
#: finding on a share of a channel's posts names every post it counts (64 bytes each).
RUN_IDS = 65_536
#: Findings a pickle of a run holds: what a run costs in memory while a report is written.
CHUNK = 64
#: Post ids a pickle may name, however few its findings (a finding naming more has
#: a pickle of its own).
CHUNK_IDS = 16_384

#: A finding as written: its fields in order, the location as a tuple.
FindingFields = tuple[Any, ...]


def as_fields(finding: Finding) -> FindingFields:
    # Field by field: a frozen dataclass with slots does not unpickle on Python 3.10.
    where = finding.location
    return (finding.rule, finding.severity, finding.message,
            None if where is None else (where.file, where.line, where.column, where.anchor),
            finding.post_ids, finding.channel, finding.waived_by, finding.data)


def from_fields(fields: FindingFields, messages: dict[str, str] | None = None) -> Finding:
    """The finding of ``as_fields``; ``messages`` keeps one copy of each message."""
    rule, severity, message, where, *rest = fields
    if messages is not None:
        message = messages.setdefault(message, message)
    return Finding(rule, severity, message, None if where is None else Location(*where), *rest)


def pieces(findings: Iterable[Finding], count: int, ids: int) -> Iterator[list[Finding]]:
    """``findings`` cut in order into pieces of at most ``count`` findings naming at
    most ``ids`` post ids between them (a finding naming more is a piece alone)."""
    piece: list[Finding] = []
    named = 0
    for finding in findings:
        weight = len(finding.post_ids)
        if piece and (len(piece) >= count or named + weight > ids):
            yield piece
            piece, named = [], 0
        piece.append(finding)
        named += weight
    if piece:
        yield piece


@dataclass
class Tally:
    """What a report says of its findings before listing them."""

    counts: dict[Severity, int] = field(default_factory=lambda: {s: 0 for s in Severity})
    waived: int = 0
    #: The highest severity of an unwaived finding that is not a notice.
    worst: Severity | None = None
    rules: set[str] = field(default_factory=set)

    def __len__(self) -> int:
        """The findings counted, waived or not."""
        return sum(self.counts.values()) + self.waived

    def add(self, findings: Iterable[Finding]) -> None:
        counts, rules, worst = self.counts, self.rules, self.worst
        for finding in findings:
            rules.add(finding.rule)
            if finding.waived_by:
                self.waived += 1
                continue
            counts[finding.severity] += 1
            if finding.rule not in NOTICES and (worst is None or finding.severity > worst):
                worst = finding.severity
        self.worst = worst


@dataclass
class _Spilled:
    """A run in the file: where its first pickle starts, how many pickles it has."""

    offset: int
    chunks: int
    #: Findings to leave out when reading it back (``FindingRuns.drop``).
    drops: list[Callable[[Finding], bool]] = field(default_factory=list)


@dataclass(frozen=True)
class Mark:
    """How many runs had been handed over, and their tally (``FindingRuns.mark``)."""

    runs: int
    tally: Tally


class FindingRuns:
    """Findings handed over in runs, read back as one list in report order.

    ``spill`` takes a run (emptying the caller's list, which it may go on
    filling); ``finish`` takes the last one; iterating yields every finding
    sorted by ``Finding.sort_key``, ties in the order they were handed over.
    """

    def __init__(self, run: int | None = None) -> None:
        #: Findings a caller may collect before handing them over.
        self.run = run or RUN
        self._runs: list[list[Finding] | _Spilled] = []
        self._file: IO[bytes] | None = None
        self._tally = Tally()

    def spill(self, findings: list[Finding]) -> None:
        """Takes ``findings`` as one run and empties the list: written sorted to the
        file, or, fewer than ``run`` naming fewer than ``RUN_IDS`` posts, kept sorted
        in memory."""
        if not findings:
            return
        self._tally.add(findings)
        ordered = sort_findings(findings)
        findings.clear()
        if len(ordered) < self.run and sum(len(f.post_ids) for f in ordered) < RUN_IDS:
            self._runs.append(ordered)
            return
        try:
            self._runs.append(self._write(ordered))
        except OSError:
            # No room for a temporary file: the run stays in memory, the report the same.
            self._runs.append(ordered)

    def _write(self, ordered: list[Finding]) -> _Spilled:
        if self._file is None:
            # Lives as long as the runs; unnamed, so it goes with the process whatever
            # happens.
            self._file = tempfile.TemporaryFile()  # noqa: SIM115
        spill = self._file
        spill.seek(0, 2)
        start, chunks = spill.tell(), 0
        for piece in pieces(ordered, CHUNK, CHUNK_IDS):
            pickle.dump([as_fields(f) for f in piece], spill, protocol=pickle.HIGHEST_PROTOCOL)
            chunks += 1
        return _Spilled(start, chunks)

    def finish(self, findings: Iterable[Finding]) -> FindingRuns:
        """Takes the last run, kept in memory; the runs can be read from now on."""
        last = sort_findings(findings)
        self._tally.add(last)
        self._runs.append(last)
        return self

    def mark(self) -> Mark:
        """Where the runs handed over so far end, for ``rollback``."""
        return Mark(len(self._runs), copy.deepcopy(self._tally))

    def rollback(self, mark: Mark) -> None:
        """Forgets the runs handed over since ``mark``."""
        del self._runs[mark.runs:]
        self._tally = copy.deepcopy(mark.tally)

    def drop(self, unwanted: Callable[[Finding], bool]) -> None:
        """Leaves out the findings handed over so far for which ``unwanted`` is true."""
        for index, run in enumerate(self._runs):
            if isinstance(run, _Spilled):
                run.drops.append(unwanted)
            else:
                self._runs[index] = [f for f in run if not unwanted(f)]
        # The counts of what was written are known again only by reading it back.
        tally = Tally()
        tally.add(self)
        self._tally = tally

    @property
    def tally(self) -> Tally:
        return self._tally

    def __len__(self) -> int:
        return len(self._tally)

    def __bool__(self) -> bool:
        return len(self._tally) > 0

    def __contains__(self, item: object) -> bool:
        return any(finding == item for finding in self)

    def __iter__(self) -> Iterator[Finding]:
        readers = [iter(run) if isinstance(run, list) else self._read(run) for run in self._runs]
        if len(readers) == 1:
            return readers[0]
        return heapq.merge(*readers, key=Finding.sort_key)

    def _read(self, run: _Spilled) -> Iterator[Finding]:
        spill = self._file
        assert spill is not None
        offset = run.offset
        for _ in range(run.chunks):
            # Runs are read in turns: each reader finds its place again.
            spill.seek(offset)
            batch = pickle.load(spill)  # written by this process, read by it only
            offset = spill.tell()
            drops = run.drops
            for fields in batch:
                # One at a time: a list of each run's next findings would be held
                # for every run at once while they are merged. A pickle keeps one
                # copy of a message its findings shared when written.
                finding = from_fields(fields)
                if not drops or not any(drop(finding) for drop in drops):
                    yield finding
