"""The text report groups a post's findings under it while reading them once, in order."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from governance.findings import Finding, Location, Severity, sort_findings
from governance.lint.text_report import _post_groups, render
from governance.report import Report

RULES = ["post.length", "tone.lexicon", "post.links"]


def _finding(post: str | None, line: int, rule: str, column: int = 1) -> Finding:
    data = {"post": post, "when": "2026-03-02 10:00"} if post else {}
    return Finding(rule, Severity.WARNING, f"{rule} on {post}", Location("plan.csv", line, column),
                   post_ids=(post,) if post else (), data=data)


def _grouped_whole(findings: list[Finding]) -> list[list[Finding]]:
    """The obvious version: every finding held, grouped by file and post."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        post = finding.data.get("post")
        if isinstance(post, str) and finding.location is not None:
            groups.setdefault((finding.location.file, post), []).append(finding)
    return list(groups.values())


def _ignore(finding: Finding) -> None:
    """Where findings about no single post go when a test does not look at them."""


@st.composite
def _calendars(draw: st.DrawFn) -> list[Finding]:
    """Posts one after another, each on its own lines (a record may span several), or
    several on one line (the occurrences of a recurring event); calendar findings
    about no single post anywhere."""
    findings, line = [], 2
    for number in range(draw(st.integers(0, 8))):
        # A record of several lines (a quoted CSV cell, a YAML mapping), or
        # occurrences of one event at the event's line, as the readers place them.
        sharing = draw(st.integers(1, 3))  # posts on this line
        span = draw(st.integers(1, 3)) if sharing == 1 else 1  # lines of the record
        for occurrence in range(sharing):
            post = f"P{number}-{occurrence}"
            for _ in range(draw(st.integers(0, 4))):
                findings.append(_finding(post, line + draw(st.integers(0, span - 1)),
                                         draw(st.sampled_from(RULES)), draw(st.integers(1, 4))))
        if draw(st.booleans()):
            findings.append(_finding(None, line, "content.duplicates"))
        line += span
    return sort_findings(findings)


@settings(max_examples=200, deadline=None)
@given(_calendars())
def test_groups_are_those_of_holding_every_finding(findings: list[Finding]) -> None:
    aside: list[Finding] = []
    assert list(_post_groups(findings, aside.append)) == _grouped_whole(findings)
    assert aside == [f for f in findings if "post" not in f.data]


def test_a_group_is_written_before_the_next_posts_are_read() -> None:
    read: list[int] = []

    def stream() -> Iterator[Finding]:
        for line in range(2, 1002):
            read.append(line)
            yield _finding(f"P{line}", line, "post.length")

    groups = _post_groups(stream(), _ignore)
    assert next(groups)[0].data["post"] == "P2"
    assert len(read) == 2  # the second post's first finding closed the first group


def test_two_rows_with_one_id_are_two_posts() -> None:
    findings = sort_findings([_finding("P1", 2, "post.length"), _finding("P2", 3, "post.length"),
                              _finding("P1", 4, "tone.lexicon")])
    groups = _post_groups(findings, _ignore)
    assert [[f.location.line for f in g if f.location] for g in groups] == [[2], [3], [4]]
    assert render(Report("lint", "plan.csv", findings)).count("post P1 ·") == 2
