"""The text report of ``governance lint``: findings grouped under the post they concern.

::

    post P000012 · tg-news · 2026-11-24 09:00
    plan.csv:13:1: error: sponsored post without a disclosure label (#ad) (disclosure.sponsorship)

    plan.csv:40:1: warning: promotional posts are 41 % of tg-news ... (content.promo-share)
    plan.csv: 1 error, 1 warning [40 posts, 23 rules]

Each post with findings gets a header line (id, channel, local publishing time)
and its findings in the usual ``file:line:col: severity: message (rule-id)``
form, so editors still jump to them; findings about the calendar as a whole,
the file or the policy follow; the summary line closes the report.
"""

from __future__ import annotations

from collections.abc import Iterator

import click

from governance.findings import Finding
from governance.formatters.text import line
from governance.report import Report
from governance.text_safety import printable


def render(report: Report, colour: bool = False) -> str:
    return "".join(chunks(report, colour))


def chunks(report: Report, colour: bool = False) -> Iterator[str]:
    """The report of ``render``, a post's group of lines at a time."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    others: list[Finding] = []
    for finding in report.findings:
        post = finding.data.get("post")
        if isinstance(post, str) and finding.location is not None:
            # A post's findings all point into its own file.
            groups.setdefault((finding.location.file, post), []).append(finding)
        else:
            others.append(finding)
    for findings in groups.values():
        lines = [_header(findings[0], colour), *(_line(f, colour) for f in findings), ""]
        yield "\n".join(lines) + "\n"
    for finding in others:
        yield _line(finding, colour) + "\n"
    if others:
        yield "\n"
    yield printable(report.summary()) + "\n"


def _header(finding: Finding, colour: bool) -> str:
    parts = [f"post {finding.data.get('post', '?')}"]
    if finding.channel:
        parts.append(finding.channel)
    if finding.data.get("when"):
        parts.append(str(finding.data["when"]))
    text = " · ".join(printable(part) for part in parts)
    return click.style(text, bold=True) if colour else text


def _line(finding: Finding, colour: bool) -> str:
    text = line(finding, colour, clean=True)
    return f"{text} [{printable(finding.waived_by)}]" if finding.waived else text
