"""``governance lint``: check a content calendar against the policy before scheduling it.

    governance lint plan.csv --policy policies/acme
    governance lint plan.xlsx --policy policies/acme \
        --format sarif --output lint.sarif --format text

``--format`` and ``--output`` pair up in order; a format left without an output
goes to stdout (one at most). Exit 0: nothing at or above ``--fail-on``; 1:
findings that are (or the policy itself has errors); 2: bad options or a
calendar that cannot be read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from governance.cli_options import (
    ALLOW_PATH,
    FAIL_ON_RUN,
    OUTPUTS,
    TODAY,
    TableChoice,
    calendar_formats,
)
from governance.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError

#: The policy used when ``--policy`` is not given, if it exists.
DEFAULT_POLICY = "policy"
#: Calendars with fewer (estimated) posts finish too fast for a progress bar.
PROGRESS_FROM_POSTS = 5000
#: ``--fail-on never``: audit mode, the report is written and the exit code is 0.
NEVER_FAIL = "never"


@click.command("lint")
@click.argument("calendars", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--policy", "policy", default=None, metavar="PATH",
              help=f"Policy directory or file (default: ./{DEFAULT_POLICY} if it exists).")
# Not a click choice, so that an unknown name is one line; a test holds this help
# to the formatters' table.
@click.option("--format", "formats", multiple=True, metavar="NAME",
              help="Report format: text (default), json, sarif, junit, github, markdown, html. "
                   "Repeatable.")
@OUTPUTS
@FAIL_ON_RUN
@click.option("--sheet", default=None, help="XLSX sheet to read (default: policy, else the first).")
@click.option("--column", "columns", multiple=True, metavar="SRC=FIELD",
              help="Read calendar column SRC as post field FIELD (overrides calendar.columns).")
@click.option("--timezone", default=None,
              help="IANA timezone for times without an offset (default: the policy's).")
@TODAY
@click.option("--no-color", is_flag=True, help="No colour, even on a terminal.")
@ALLOW_PATH
@click.option("--channel", "default_channel", default=None, metavar="ID",
              help="Channel of every post that names none (default: calendar.default_channel).")
@click.option("--date-order", type=click.Choice(["dmy", "mdy", "ymd"]), default=None,
              help="Order of numeric dates such as 03/04/2026 (default: calendar.date_order, "
                   "else inferred from the first rows).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Last day of recurring iCalendar events (default: a year after the first).")
@click.option("--calendar-format", type=TableChoice(calendar_formats), default=None,
              help="Read the calendars as this format instead of detecting it.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="1: lint in one process. Default: on a machine with more than one core, "
                   "a second process takes the calendar rules and the costliest per-post "
                   "rules (one of them split by posts) of calendars over 1 MiB.")
@click.option("--baseline", "baseline", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Report only findings this baseline does not know; count the known ones.")
@click.option("--baseline-write", "baseline_write", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Record today's findings as the baseline FILE (then report against it).")
@click.option("--lang", type=click.Choice(["en", "ru"]), default=None,
              help="Language of the html report (default: the policy's first language).")
def command(calendars: tuple[str, ...], policy: str | None, formats: tuple[str, ...],
            outputs: tuple[Path, ...], fail_on: str, sheet: str | None, columns: tuple[str, ...],
            timezone: str | None, today: Any, no_color: bool, allow_paths: tuple[str, ...],
            baseline: Path | None, baseline_write: Path | None, lang: str | None,
            **reading: Any) -> None:
    """Lint content calendars (CSV, XLSX, YAML, JSON, JSONL, ICS, scheduler CSVs)."""
    if reading["until"] is not None:
        reading["until"] = reading["until"].date()
    from governance.heap import cyclic_gc_paused

    # Through the report's writing: a collection once the run is over would walk
    # every finding and kept post to free nothing.
    with cyclic_gc_paused():
        code = run(calendars, policy, formats, outputs, fail_on, sheet, columns, timezone,
                   today.date() if today else None, no_color, allow_paths,
                   baseline, baseline_write, lang, **reading)
    sys.exit(code)


def run(calendars: Sequence[str], policy: str | None, formats: Sequence[str],
        outputs: Sequence[Path], fail_on: str, sheet: str | None, columns: Sequence[str],
        timezone: str | None, today: dt.date | None, no_color: bool,
        allow_paths: Sequence[str] = (), baseline: Path | None = None,
        baseline_write: Path | None = None, lang: str | None = None, **reading: Any) -> int:
    """``reading``: ``LintOptions`` fields on how to read the calendars (``default_channel``,
    ``date_order``, ``until``, ``calendar_format``)."""
    from governance.calendars import UNREADABLE
    from governance.findings import Severity
    from governance.formatters import PLAN_FORMATS
    from governance.lint import LintOptions, lint
    from governance.lint.run_options import UnreadableCalendarError
    from governance.text_safety import printable
    from governance.writing import refuse_inputs

    targets = pair_outputs(formats, outputs)
    options = LintOptions(calendars=list(calendars), policy=_policy_path(policy), today=today,
                          timezone=timezone, sheet=sheet, columns=parse_columns(columns),
                          allow_paths=tuple(allow_paths),
                          keep_plan=any(name in PLAN_FORMATS for name, _ in targets),
                          record_posts=any(name == "junit" for name, _ in targets),
                          language=lang, **reading)
    # Before the run, so a long lint is not wasted; again after it, when the
    # policy's bases and term files are known.
    written = [*outputs, *([baseline_write] if baseline_write else [])]
    refuse_inputs(written, calendars)
    try:
        with _progress(calendars) as progress:
            result = lint(options, progress)
    except UnreadableCalendarError as exc:
        click.echo(printable(f"{exc.path}: error: {exc.message} ({UNREADABLE})"), err=True)
        return EXIT_USAGE
    refuse_inputs(written, [*calendars, *result.policy_files])
    if result.linted and (baseline or baseline_write):
        from governance.commands.baseline import BaselineError, compare

        try:
            compare(result.report, baseline, baseline_write)
        except BaselineError as exc:
            click.echo(printable(f"{exc.finding.location}: error: {exc.finding.message} "
                                 f"({exc.finding.rule})"), err=True)
            return EXIT_USAGE
    never = fail_on.lower() == NEVER_FAIL
    result.report.fail_on = None if never else Severity.parse(fail_on)
    colour = not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()
    _emit(result.report, targets, colour)
    if fail_on.lower() == NEVER_FAIL:
        return EXIT_OK
    if not result.linted:
        return EXIT_FINDINGS
    return EXIT_FINDINGS if result.report.fails(Severity.parse(fail_on)) else EXIT_OK


def pair_outputs(formats: Sequence[str], outputs: Sequence[Path]) -> list[tuple[str, Path | None]]:
    """Formats with their output files, in order; a format without one goes to stdout."""
    from governance.formatters import FORMATTERS

    names = list(formats) or ["text"]
    unknown = [n for n in names if n not in FORMATTERS]
    if unknown:
        available = ", ".join(sorted(FORMATTERS))
        raise UsageError(f"unknown format {unknown[0]!r} (available: {available})")
    if len(outputs) > len(names):
        raise UsageError(f"{len(outputs)} --output for {len(names)} --format: give each output "
                         "its format, in the same order")
    pairs = [(name, outputs[i] if i < len(outputs) else None) for i, name in enumerate(names)]
    if sum(1 for _, out in pairs if out is None) > 1:
        raise UsageError("only one --format can go to stdout; give the others an --output")
    return pairs


def parse_columns(columns: Sequence[str]) -> dict[str, str]:
    mapping = {}
    for spec in columns:
        source, sep, target = spec.partition("=")
        if not sep or not source.strip() or not target.strip():
            raise UsageError(f"--column {spec!r}: expected SRC=FIELD, e.g. 'Текст=text'")
        mapping[source.strip()] = target.strip()
    return mapping


def _policy_path(policy: str | None) -> str:
    if policy:
        return policy
    if Path(DEFAULT_POLICY).exists():
        return DEFAULT_POLICY
    raise UsageError(f"--policy is required (there is no ./{DEFAULT_POLICY} here)")


def _emit(report: Any, targets: list[tuple[str, Path | None]], colour: bool) -> None:
    from governance.formatters import stream
    from governance.lint.text_report import chunks as text_chunks
    from governance.writing import write_output_from

    for name, path in targets:
        # Written a piece at a time: a report of many findings is never whole in memory.
        chunks = text_chunks if name == "text" else stream(name)
        if path is None:
            for chunk in chunks(report, colour):
                click.echo(chunk, nl=False)
        else:
            write_output_from(path, (chunk.encode("utf-8")
                                     for chunk in chunks(report, False)))


@contextlib.contextmanager
def _progress(calendars: Sequence[str]) -> Iterator[Any]:
    """A progress bar on stderr for long calendars when stderr is a terminal; else nothing."""
    estimate = _estimate_posts(calendars) if sys.stderr.isatty() else 0
    if estimate < PROGRESS_FROM_POSTS:
        yield None
        return
    # The length is a line count, an estimate of the posts: show a share, not counts.
    with click.progressbar(length=estimate, label="linting", file=sys.stderr,
                           show_percent=True, show_pos=False) as bar:
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            bar.update(min(count, estimate) - done)
            done = min(count, estimate)

        yield advance
        bar.update(estimate - done)


def _estimate_posts(calendars: Sequence[str]) -> int:
    """Lines in the calendars: about one post each in CSV and JSONL; 0 for binary files."""
    total = 0
    for name in calendars:
        if not os.path.isfile(name):  # a pipe would block here, before the reader refuses it
            return 0
        try:
            with open(name, "rb") as handle:
                head = handle.read(1 << 20)
                if head.startswith(b"PK"):
                    return 0
                total += head.count(b"\n")
                while chunk := handle.read(1 << 20):
                    total += chunk.count(b"\n")
        except OSError:
            return 0
    return total
