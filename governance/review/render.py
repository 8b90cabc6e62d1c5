"""The review's outputs: text, Markdown and a self-contained HTML page (JSON is lint's).

Each lays out the tables of ``tables_view`` and then the findings, as lint shows them.
"""

from __future__ import annotations

from governance.formatters import markdown
from governance.formatters.text import line
from governance.report import Report
from governance.review.data import ReviewData
from governance.review.tables_view import sections, words
from governance.text_safety import printable


def text(report: Report, data: ReviewData | None, language: str) -> str:
    out: list[str] = []
    if data is not None:
        w = words(language)
        out.append(f"{w['title']} {data.month.start:%Y-%m}")
        for title, rows in sections(data, language):
            out += ["", title]
            out += _aligned(rows) if len(rows) > 1 else [f"  {w['none']}"]
        out.append("")
    out += [line(f, clean=True) + (f" [{printable(f.waived_by)}]" if f.waived else "")
            for f in report.findings]
    out.append(printable(report.summary()))
    return "\n".join(out) + "\n"


def _aligned(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(printable(c).ljust(widths[i]) for i, c in enumerate(row)).rstrip()
            for row in rows]


def markdown_report(report: Report, data: ReviewData | None, language: str) -> str:
    out: list[str] = []
    if data is not None:
        w = words(language)
        out += [f"## {w['title']} {data.month.start:%Y-%m}", ""]
        for title, rows in sections(data, language):
            out += [f"#### {title}", ""]
            if len(rows) == 1:
                out += [w["none"], ""]
                continue
            out.append("| " + " | ".join(markdown.cell(c) for c in rows[0]) + " |")
            out.append("|" + "---|" * len(rows[0]))
            out += ["| " + " | ".join(markdown.cell(c) for c in row) + " |" for row in rows[1:]]
            out.append("")
    return "\n".join(out) + markdown.render(report)


def html_page(report: Report, data: ReviewData | None, language: str) -> str:
    """The self-contained page with its charts (``governance.review.page``)."""
    from governance.review.page import render_page  # vl-convert loads only for the page

    return render_page(report, data, language)
