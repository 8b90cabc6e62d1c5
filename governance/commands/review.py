"""``governance review``: the monthly review of KPIs, responses and content against the policy.

    governance review --policy policies/acme --period 2026-12 \
        --metrics metrics.csv --inbox inbox.csv --calendar published.csv

Exit codes as lint: 0 nothing at or above ``--fail-on``; 1 findings that are
(or the policy has errors); 2 bad options or an export that cannot be used.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from governance.cli_options import ALLOW_PATH, FAIL_ON_RUN, OUTPUTS, TODAY
from governance.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError

#: The formats of the review (a subset of lint's, plus the tables).
REVIEW_FORMATS = ("text", "json", "markdown", "html")


@click.command("review")
@click.option("--policy", "policy", required=True, metavar="PATH", help="Policy directory or file.")
@click.option("--period", required=True, metavar="YYYY-MM", help="The month under review.")
@click.option("--metrics", multiple=True, type=click.Path(path_type=str),
              help="Metrics export (CSV/XLSX: date, channel, metric, value). Repeatable.")
@click.option("--inbox", multiple=True, type=click.Path(path_type=str),
              help="Inbox export (CSV/XLSX: message_id, channel, received_at, ...). Repeatable.")
@click.option("--calendar", "calendars", multiple=True, type=click.Path(path_type=str),
              help="The period's calendar or published posts, linted for content. Repeatable.")
@click.option("--format", "formats", multiple=True, metavar="NAME",
              help=f"Report format: {', '.join(REVIEW_FORMATS)}. Repeatable.")
@OUTPUTS
@FAIL_ON_RUN
@TODAY
@click.option("--lang", type=click.Choice(["en", "ru"]), default=None,
              help="Language of the tables (default: the policy's first language).")
@ALLOW_PATH
def command(policy: str, period: str, metrics: tuple[str, ...], inbox: tuple[str, ...],
            calendars: tuple[str, ...], formats: tuple[str, ...], outputs: tuple[Path, ...],
            fail_on: str, today: Any, lang: str | None, allow_paths: tuple[str, ...]) -> None:
    """Review a month: KPIs against targets, response times, escalations, content."""
    sys.exit(run(policy, period, metrics, inbox, calendars, formats, outputs, fail_on,
                 today.date() if today else None, lang, allow_paths))


def run(policy: str, period: str, metrics: tuple[str, ...], inbox: tuple[str, ...],
        calendars: tuple[str, ...], formats: tuple[str, ...], outputs: tuple[Path, ...],
        fail_on: str, today: Any, lang: str | None, allow_paths: tuple[str, ...]) -> int:
    from governance.commands.lint import pair_outputs
    from governance.findings import Severity
    from governance.review.engine import ReviewOptions, review
    from governance.review.tables import ReviewInputError
    from governance.text_safety import printable
    from governance.writing import refuse_inputs

    unknown = [name for name in formats if name not in REVIEW_FORMATS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r} (available: {', '.join(REVIEW_FORMATS)})")
    targets = pair_outputs(formats, outputs)
    refuse_inputs(outputs, [*metrics, *inbox, *calendars])
    try:
        result = review(ReviewOptions(policy, period, metrics, inbox, calendars, today,
                                      allow_paths))
    except ReviewInputError as exc:
        click.echo(printable(f"{exc.location}: error: {exc.message} ({exc.rule})"), err=True)
        return EXIT_USAGE
    language = lang or _policy_language(result)
    for name, path in targets:
        rendered = _render(name, result, language)
        if path is None:
            click.echo(rendered, nl=False)
        else:
            from governance.writing import write_output

            write_output(path, rendered.encode("utf-8"))
    if fail_on.lower() == "never":
        return EXIT_OK
    if result.data is None:
        return EXIT_FINDINGS
    failed = result.report.fails(Severity.parse(fail_on))
    return EXIT_FINDINGS if failed else EXIT_OK


def _policy_language(result: Any) -> str:
    data = result.data
    if data is None or data.policy.organisation is None:
        return "en"
    first = data.policy.organisation.languages[0]
    return first if first in ("en", "ru") else "en"


def _render(name: str, result: Any, language: str) -> str:
    from governance.formatters import json_format
    from governance.review import render
    from governance.review.tables_view import meta

    report, data = result.report, result.data
    if name == "json":
        if data is not None:
            report.meta = {**report.meta, **meta(data)}
        return json_format.render(report)
    if name == "markdown":
        return render.markdown_report(report, data, language)
    if name == "html":
        return render.html_page(report, data, language)
    return render.text(report, data, language)
