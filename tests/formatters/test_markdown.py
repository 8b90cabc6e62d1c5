"""The Markdown summary (``--format markdown``): counts first, one escaped row per finding."""

from __future__ import annotations

from governance.findings import Finding, Location, Severity
from governance.formatters.markdown import MAX_ROWS, render
from governance.report import Report


def _finding(message: str, severity: Severity = Severity.ERROR, waived: str = "") -> Finding:
    return Finding("post.length", severity, message, Location("plan.csv", 3, 1),
                   post_ids=("p1",), waived_by=waived)


def test_counts_then_one_row_per_finding() -> None:
    report = Report("lint", "plan.csv", [_finding("too long"),
                                         _finding("no alt", Severity.INFO, waived="ok")],
                    checked={"posts": 2, "rules": 30})
    assert render(report).splitlines() == [
        "### governance lint: plan.csv",
        "",
        "| errors | warnings | infos | waived | checked |",
        "|---:|---:|---:|---:|---|",
        "| 1 | 0 | 0 | 1 | 2 posts, 30 rules |",
        "",
        "| where | severity | rule | message |",
        "|---|---|---|---|",
        "| plan.csv:3:1 | waived | post.length | no alt |",
        "| plan.csv:3:1 | error | post.length | too long |",
    ]


def test_a_cell_cannot_break_the_table_or_carry_html() -> None:
    text = render(Report("lint", "plan.csv", [_finding("a | b <script>\nx</script>")]))
    row = text.splitlines()[-1]
    assert row == r"| plan.csv:3:1 | error | post.length | a \| b \<script\> x\</script\> |"


def test_a_long_report_stops_and_says_how_many_more() -> None:
    findings = [_finding(f"m{i}") for i in range(MAX_ROWS + 3)]
    text = render(Report("lint", "plan.csv", findings))
    assert text.count("| error |") == MAX_ROWS
    assert text.endswith("… and 3 more findings.\n")
