"""``governance test POLICY``: run the policy's own test cases (``tests/*.yaml`` beside it).

    governance test policies/acme
    governance test policies/acme --format junit --output policy-tests.xml

Exit 0: every case passed; 1: a case failed, or the policy itself has errors;
2: a test file that cannot be used (each problem one line at its position).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from governance.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE


@click.command("test")
@click.argument("policy", type=click.Path(path_type=str))
@click.option("--tests", "tests", default=None, type=click.Path(path_type=Path),
              help="Directory of test cases (default: tests/ beside the policy).")
@click.option("--format", "format_name", type=click.Choice(["text", "json", "junit"]),
              default="text", show_default=True, help="Report format.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of stdout.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Judge waiver expiry as of this date in cases that do not set one.")
def command(policy: str, tests: Path | None, format_name: str, output: Path | None,
            today: Any) -> None:
    """Run the policy's test cases: posts in, the findings expected (and not) out."""
    sys.exit(run(policy, tests, format_name, output, today.date() if today else None))


def run(policy: str, tests: Path | None, format_name: str, output: Path | None,
        today: dt.date | None) -> int:
    from governance.formatters.text import line
    from governance.policytest import PolicyBrokenError, load_cases, run_cases, tests_dir
    from governance.policytest.formats import TEST_FORMATS
    from governance.writing import write_atomically

    directory = tests or tests_dir(policy)
    cases, problems = load_cases(directory)
    if problems:
        for problem in problems:
            click.echo(line(problem), err=True)
        return EXIT_USAGE
    try:
        results = run_cases(cases, policy, today or dt.date.today())
    except PolicyBrokenError as exc:
        for finding in exc.findings:
            click.echo(line(finding), err=True)
        click.echo(f"{policy}: the policy has errors; fix them before testing it", err=True)
        return EXIT_FINDINGS
    report = TEST_FORMATS[format_name](results, str(directory))
    if output is None:
        click.echo(report, nl=False)
    else:
        write_atomically(output, report.encode("utf-8"))
    return EXIT_OK if all(r.passed for r in results) else EXIT_FINDINGS
