"""The review's outputs: text, Markdown and a self-contained HTML page (JSON is lint's).

Each lays out the tables of ``tables_view`` and then the findings, as lint shows them.
"""

from __future__ import annotations

import html

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


_STYLE = ("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
          "margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
          "th{background:#f3f3f3}.error{color:#b00020}.warning{color:#8a5a00}"
          ".waived{color:#777}")


def html_page(report: Report, data: ReviewData | None, language: str) -> str:
    w = words(language)
    title = f"{w['title']} {data.month.start:%Y-%m}" if data else w["title"]
    parts = [f'<!DOCTYPE html>\n<html lang="{html.escape(language)}"><head>'
             f'<meta charset="utf-8"><title>{html.escape(title)}</title>'
             f"<style>{_STYLE}</style></head><body><h1>{html.escape(title)}</h1>"]
    if data is not None:
        for section, rows in sections(data, language):
            parts.append(f"<h2>{html.escape(section)}</h2>")
            parts.append(_table(rows) if len(rows) > 1 else f"<p>{html.escape(w['none'])}</p>")
    parts.append(f"<h2>{html.escape(w['findings'])}</h2>")
    findings = [[str(f.location or ""), "waived" if f.waived else f.severity.label, f.rule,
                 f.message] for f in report.findings]
    parts.append(_table([[w["where"], w["severity"], w["rule"], w["message"]], *findings])
                 if findings else f"<p>{html.escape(w['none'])}</p>")
    parts.append(f"<p>{html.escape(report.summary())}</p></body></html>\n")
    return "\n".join(parts)


def _table(rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows[1:])
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
