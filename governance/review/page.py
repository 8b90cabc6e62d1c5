"""The review as one self-contained HTML page: summary, charts, tables, findings.

Every value the template lays out is computed and worded here (the tables come
from ``tables_view``, the charts from ``figures``); the template
(``templates/review/review.html.j2``) only places them and escapes them. The
page carries the calendar report's stylesheet and a few rules of its own, no
script, and a Content-Security-Policy that allows none. The same inputs give
byte-identical pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from governance.calendar_report.view import Stat  # the same summary boxes, the same CSS
from governance.findings import Finding, Severity
from governance.report import Report
from governance.review.data import ReviewData
from governance.review.figures import Figure, figures
from governance.review.tables_view import sections, words

TEMPLATE = "review/review.html.j2"
#: The calendar report's stylesheet, then the review's own additions to it.
STYLES = ("report/report.css", "review/review.css")


@dataclass(frozen=True)
class Table:
    anchor: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class FindingRow:
    severity: str  # error, warning, info: shown as lint shows it, and the CSS hook
    rule: str
    channel: str
    where: str
    message: str
    state: str  # the waiver, for a waived finding


@dataclass(frozen=True)
class Page:
    lang: str
    title: str
    words: dict[str, str]
    stats: tuple[Stat, ...]
    figures: tuple[Figure, ...]
    tables: tuple[Table, ...]
    findings: tuple[FindingRow, ...]
    summary: str


def build_page(report: Report, data: ReviewData | None, language: str) -> Page:
    w = words(language)
    title = f"{w['title']} {data.month.start:%Y-%m}" if data else w["title"]
    if data is not None and data.policy.organisation is not None:
        title = f"{title} · {data.policy.organisation.name}"
    tables = tuple(Table(anchor, section, tuple(rows[0]), tuple(map(tuple, rows[1:])))
                   for anchor, (section, rows) in zip(("kpis", "responses", "escalations"),
                                                      sections(data, language), strict=True)
                   ) if data else ()
    return Page(
        lang=language, title=title, words=w, stats=_stats(report, data, w),
        figures=figures(data, w, language) if data else (),
        tables=tables, findings=tuple(_finding(f, w) for f in report.findings),
        summary=report.summary())


def _stats(report: Report, data: ReviewData | None, w: dict[str, str]) -> tuple[Stat, ...]:
    stats = []
    if data is not None and data.kpis:
        met = sum(1 for r in data.kpis if r.status in ("met", "on-track"))
        stats.append(Stat(w["kpis_met"], f"{met} / {len(data.kpis)}",
                          "" if met == len(data.kpis) else "warning"))
    if data is not None and data.responses:
        stats.append(Stat(w["messages"], str(sum(r.received for r in data.responses)), ""))
    counts = report.counts
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    stats += [Stat(w["errors"], str(errors), "error" if errors else ""),
              Stat(w["warnings"], str(warnings), "warning" if warnings else ""),
              Stat(w["waived"], str(report.waived), "waived" if report.waived else "")]
    return tuple(stats)


def _finding(finding: Finding, w: dict[str, str]) -> FindingRow:
    severity = finding.severity.label
    return FindingRow(severity=severity, rule=finding.rule,
                      channel=finding.channel, where=str(finding.location or ""),
                      message=finding.message,
                      state=f"{w['waived']}: {finding.waived_by}" if finding.waived else "")


def render_page(report: Report, data: ReviewData | None, language: str) -> str:
    from markupsafe import Markup

    from governance.render.templating import environment, shipped_templates

    style = "\n".join((shipped_templates() / name).read_text(encoding="utf-8").strip()
                      for name in STYLES)
    return environment().get_template(TEMPLATE).render(
        page=build_page(report, data, language), style=Markup(style))
