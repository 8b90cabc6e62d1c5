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

from collections.abc import Callable, Iterable, Iterator

import click

from governance.findings import Finding
from governance.formatters.text import line
from governance.report import Report
from governance.spill import TextSpill
from governance.text_safety import printable


def render(report: Report, colour: bool = False) -> str:
    return "".join(chunks(report, colour))


def chunks(report: Report, colour: bool = False) -> Iterator[str]:
    """The report of ``render``, a post's group of lines at a time.

    Findings come sorted by place, so a post's findings arrive together: a group
    is written once the findings have moved past its lines, and the report holds
    the groups of one line at a time (the occurrences of a recurring event share
    their event's line), never all findings. The findings about no single post
    are written after: their lines wait in a spill, so the findings are read once.
    """
    others = TextSpill()
    try:
        def aside(finding: Finding) -> None:
            others.append(_line(finding, colour))

        for group in _post_groups(report.findings, aside):
            lines = [_header(group[0], colour), *(_line(f, colour) for f in group), ""]
            yield "\n".join(lines) + "\n"
        for row in range(len(others)):
            yield others.get(row) + "\n"
        if len(others):
            yield "\n"
    finally:
        others.close()
    yield printable(report.summary()) + "\n"


def _post_of(finding: Finding) -> tuple[str, str] | None:
    post = finding.data.get("post")
    if isinstance(post, str) and finding.location is not None:
        return finding.location.file, post
    return None


def _post_groups(findings: Iterable[Finding],
                 aside: Callable[[Finding], None]) -> Iterator[list[Finding]]:
    """Each post's findings, in the order of their first finding; the findings about
    no single post go to ``aside``, in their order."""
    open_groups: dict[tuple[str, str], list[Finding]] = {}
    at: tuple[str, int] = ("", -1)  # the file and line the open groups reach
    for finding in findings:
        key = _post_of(finding)
        if key is None:
            aside(finding)
            continue
        group = open_groups.get(key)
        if group is None:
            assert finding.location is not None
            where = (finding.location.file, finding.location.line)
            if where != at:  # past the open groups' lines: they are whole
                yield from open_groups.values()
                open_groups = {}
            open_groups[key] = [finding]
        else:
            group.append(finding)
        at = (finding.location.file, finding.location.line) if finding.location else at
    yield from open_groups.values()


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
