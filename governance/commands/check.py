"""``governance check``: the policy itself, validated."""

from __future__ import annotations

import datetime as dt
import sys

import click

from governance.errors import EXIT_FINDINGS, EXIT_OK
from governance.findings import Severity
from governance.formatters import formatter
from governance.lint.hooks import policy_hooks
from governance.loader import load_policy
from governance.report import Report
from governance.rules.catalogue import policy_rules
from governance.runner import run_policy_rules


def run(policy_path: str, format_name: str, fail_on: str, today: dt.date | None,
        allow_paths: tuple[str, ...] = ()) -> int:
    result = load_policy(policy_path, hooks=policy_hooks(), allow=allow_paths)
    findings = list(result.findings)
    rules = policy_rules()
    if result.policy is not None:
        findings.extend(run_policy_rules(result.policy, rules, today or dt.date.today()))
    report = Report("check", policy_path, findings,
                    checked={"files": len(result.files), "rules": len(rules)})
    colour = format_name == "text" and sys.stdout.isatty()
    click.echo(formatter(format_name)(report, colour), nl=False)
    return EXIT_FINDINGS if report.fails(Severity.parse(fail_on)) else EXIT_OK
