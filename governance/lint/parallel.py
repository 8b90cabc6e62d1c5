"""The calendar rules, and some per-post rules, in a second process.

Once the policy is loaded, a lint run's rules are independent of one another,
and a per-post rule judges each post alone: the calendar rules (shares,
cadence, duplicates) judge the calendar as a whole once every post is read.
On a machine with a second core, a forked process reads the same files
itself, keeps the posts, runs the calendar rules and the per-post rules
``share_out`` gives it, looks for duplicate post ids (it keeps the ids anyway),
and sends back their findings; the first process runs the other per-post
rules, reports what else the reading finds and writes the report, and keeps
nothing that grows with the calendar. One rule may be split by posts (``PostShare``),
each process judging its share of them, so that a policy whose time is one
rule (a long lexicon) is shared too. Each rule judges each post in one process
only, and the report sorts findings by place, rule and message, so it is the
same as in one process, byte for byte.

It is used only where it cannot change the result or cost more than it saves:
every calendar a regular file (standard input cannot be read twice), work
for the second process, ``fork`` available, more than one core, and calendars
large enough (``PARALLEL_FROM_BYTES``) for a second process to pay; ``jobs=1``
keeps one process. Should the second process fail, the first does its part
itself.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection

from governance import finding_runs
from governance.finding_runs import FindingFields, FindingRuns, as_fields, from_fields, pieces
from governance.findings import Finding
from governance.lint.context import ActiveRule

#: Findings sent back in one message: the first process then holds one batch's
#: bytes besides the findings, not a copy of them all, and hands the findings
#: over to disk at ``finding_runs.RUN`` or ``RUN_IDS``, before they pile up.
BATCH = 1024
#: Post ids the findings of one message may name (a share finding names every
#: post it counts: hundreds of thousands in a long calendar).
BATCH_IDS = 65_536

#: Calendars smaller than this together (about 5,000 posts) are linted in one
#: process: forking and reading them twice would cost more than it saves.
PARALLEL_FROM_BYTES = 1 << 20

#: What each process does besides its rules, in the unit of ``Rule.cost``
#: (microseconds a post, as ``benchmarks/rule_costs.py`` measures them): the
#: first makes findings of what its rules report and writes the report, whose
#: length grows with the rules that fill it (so much for each rule); the second
#: keeps the posts and puts them in time order (the store and the timeline).
#: All on one scale, measured the same day: a stale one tips the balance.
REPORT_COST = 1.0
STORE_COST = 11.0
#: Posts are shared in cycles of this many: the second process takes the first
#: ``PostShare.taken`` of each cycle, the first the others.
CYCLE = 16


@dataclass(frozen=True)
class PostShare:
    """The posts one process runs the split rule on, by their order in the reading."""

    taken: int  # posts of each cycle the second process takes
    second: bool  # this is the second process

    def mine(self, ordinal: int) -> bool:
        return (ordinal % CYCLE < self.taken) is self.second


@dataclass(frozen=True)
class Sharing:
    """The per-post rules the second process runs on every post (``moved``), and the
    one it runs on ``taken`` posts of every ``CYCLE`` (``split``), the first process
    running that one on the others."""

    moved: tuple[ActiveRule, ...] = ()
    split: ActiveRule | None = None
    taken: int = 0

    def __bool__(self) -> bool:
        return bool(self.moved) or (self.split is not None and self.taken > 0)


#: The second process's work: its findings, in any order.
CalendarHalf = Callable[[], Iterable[Finding]]


def wanted(jobs: int | None, calendars: Sequence[str], work_to_share: bool) -> bool:
    """Whether to share the run with a second process (``jobs`` None: decide)."""
    if jobs == 1 or not work_to_share or not calendars:
        return False
    # A fork copies the loaded policy and compiled rules for free; macOS forbids
    # forking a process that may have touched its system frameworks.
    if sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods():
        return False
    sizes = [_regular_size(path) for path in calendars]
    if any(size is None for size in sizes):
        return False
    if jobs is not None:
        return True
    return _cores() > 1 and sum(s or 0 for s in sizes) >= PARALLEL_FROM_BYTES


def share_out(post_rules: Sequence[ActiveRule],
              calendar_rules: Sequence[ActiveRule]) -> Sharing:
    """The per-post rules the second process takes beside the calendar rules.

    Costliest first, a rule moves to the second process while that brings the
    two processes' loads (``Rule.cost``, the typical microseconds a post) closer
    without tipping them; the rule that would tip them is split by posts, in the
    share that evens them. A policy whose time is one rule (a long lexicon) is
    so shared too. Whole rules keep their caches in one process and send few
    findings back: the costliest rules mostly find little.
    """
    report = REPORT_COST * (len(post_rules) + len(calendar_rules))
    mine = report + sum(active.rule.cost for active in post_rules)
    theirs = (STORE_COST if calendar_rules else 0.0) + sum(
        active.rule.cost for active in calendar_rules)
    moved: list[ActiveRule] = []
    for active in sorted(post_rules, key=lambda active: -active.rule.cost):
        cost = active.rule.cost
        if theirs + cost <= mine - cost:
            moved.append(active)
            mine, theirs = mine - cost, theirs + cost
            continue
        taken = round(CYCLE * (mine - theirs) / (2 * cost)) if cost > 0 else 0
        return Sharing(tuple(moved), active, max(0, min(CYCLE, taken)))
    return Sharing(tuple(moved))


def _regular_size(path: str) -> int | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


class Background:
    """The second process's work running in a fork; ``findings()`` waits for it."""

    def __init__(self, half: CalendarHalf) -> None:
        self._half = half
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_serve, args=(half, send), daemon=True)
        self._process.start()
        send.close()  # the child holds the sending end; EOF here means it is gone

    def receive(self, take: Callable[[list[Finding]], None]) -> bool:
        """Hands the second process's findings to ``take`` a batch at a time, as they
        come. False when the process failed: the batches taken are not all of them,
        and ``recompute`` gives them all."""
        status = "failed"
        try:
            while True:
                status, batch = self._receive.recv()
                if status != "more":
                    break
                # One copy of each message in a batch, as in the process that found them.
                messages: dict[str, str] = {}
                take([from_fields(fields, messages) for fields in batch])
        except (EOFError, OSError):
            status = "failed"
        finally:
            self.stop()
        return status == "ok"

    def recompute(self) -> Iterable[Finding]:
        """The second process's findings, computed in this one."""
        return self._half()

    def stop(self) -> None:
        self._receive.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


def receive(background: Background, kept: FindingRuns, pending: list[Finding]) -> None:
    """The second process's findings, handed over to ``kept`` as they arrive (through
    ``pending``, the first process's list of findings not yet handed over); should
    it fail, those it sent are taken back and its part is done in this process."""
    kept.spill(pending)  # the first process's own, before the mark
    mark = kept.mark()
    named = 0  # post ids the findings not yet handed over name

    def take(batch: list[Finding]) -> None:
        nonlocal named
        pending.extend(batch)
        named += sum(len(finding.post_ids) for finding in batch)
        if len(pending) >= kept.run or named >= finding_runs.RUN_IDS:
            kept.spill(pending)
            named = 0

    if not background.receive(take):
        pending.clear()
        kept.rollback(mark)
        pending.extend(background.recompute())


def _serve(half: CalendarHalf, send: Connection) -> None:
    # Ctrl-C is the first process's to handle; it stops this one.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        for batch in _batches(half):
            send.send(("more", batch))
        send.send(("ok", None))
    except BaseException:  # any failure at all: the first process does the work
        with contextlib.suppress(OSError):  # unless it is gone: nobody to tell
            send.send(("failed", None))
    finally:
        send.close()


def _batches(half: CalendarHalf) -> Iterator[list[FindingFields]]:
    for batch in pieces(half(), BATCH, BATCH_IDS):
        yield [as_fields(finding) for finding in batch]
