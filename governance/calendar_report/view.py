"""The report's view model: every value the template lays out, computed and worded here.

The template only places these values; it formats and counts nothing. Findings
rows carry what the filter script matches on (severity, rule, channel) and a
link to their post's chip in the grid.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from governance.calendar_report import grid
from governance.calendar_report.figures import Figures, figures
from governance.calendar_report.plan import Plan
from governance.calendar_report.wording import catalogue, rule_explanations
from governance.findings import Finding, Severity
from governance.render.i18n import DEFAULT_LANGUAGE, Catalogue
from governance.report import Report


@dataclass(frozen=True)
class Stat:
    label: str
    value: str
    tone: str  # "error", "warning", "waived" or "" for the CSS


@dataclass(frozen=True)
class FindingRow:
    severity: str
    severity_label: str
    rule: str
    channel: str
    post_id: str
    post_anchor: str  # "" when the post is not in the grid
    where: str
    message: str
    waived: bool
    state: str


@dataclass(frozen=True)
class RuleNote:
    id: str
    explanation: str
    count: int


@dataclass(frozen=True)
class View:
    lang: str
    title: str
    subtitle: str
    timezone_note: str
    stats: tuple[Stat, ...]
    months: tuple[grid.Month, ...]
    figures: Figures | None
    findings: tuple[FindingRow, ...]
    severities: tuple[tuple[str, str], ...]  # (value, label) for the filter
    rules: tuple[str, ...]
    channels: tuple[str, ...]
    glossary: tuple[RuleNote, ...]  # each rule of the findings once, with its explanation


def build_view(report: Report, plan: Plan | None) -> View:
    words = catalogue(plan.language if plan else DEFAULT_LANGUAGE)
    policy = plan.policy if plan else None
    organisation = policy.organisation if policy else None
    name = organisation.name if organisation else report.target
    version = organisation.policy_version if organisation and organisation.policy_version else "—"
    channels = _channel_order(plan) if plan else []
    anchors = ({post.id: grid.post_anchor(n) for n, post in reversed(list(enumerate(plan.posts)))}
               if plan else {})
    calendars = {post.file for post in plan.posts} if plan else set()
    # One calendar: its name is in the subtitle, rows say the line (or cell) only.
    single = next(iter(calendars)) if len(calendars) == 1 else None
    rows = tuple(_row(f, anchors, single, words) for f in report.findings)
    return View(
        lang=words.lang,
        title=words("title", organisation=name),
        subtitle=words("subtitle", target=report.target, version=version),
        timezone_note=words("generated_note", timezone=str(plan.timezone)) if plan else "",
        stats=_stats(report, plan, channels, version, words),
        months=tuple(grid.months(plan, channels, report.findings, words)) if plan else (),
        figures=figures(plan, channels, words) if plan else None,
        findings=rows,
        severities=tuple((s.label, words(f"legend.{s.label}"))
                         for s in sorted(Severity, reverse=True)),
        rules=tuple(sorted({row.rule for row in rows})),
        channels=tuple(sorted({row.channel for row in rows if row.channel})),
        glossary=_glossary(rows, rule_explanations(policy)),
    )


def _glossary(rows: Sequence[FindingRow], explanations: dict[str, str]) -> tuple[RuleNote, ...]:
    counts = Counter(row.rule for row in rows)
    return tuple(RuleNote(rule, explanations.get(rule, ""), counts[rule])
                 for rule in sorted(counts))


def _channel_order(plan: Plan) -> list[str]:
    """The policy's channels in its order, then any other channel the calendar names."""
    used = {post.channel for post in plan.posts}
    declared = [c.id for c in plan.policy.channels if c.id in used]
    return declared + sorted(used - set(declared))


def _stats(report: Report, plan: Plan | None, channels: Sequence[str], version: str,
           words: Catalogue) -> tuple[Stat, ...]:
    counts = report.counts
    stats = []
    if plan is not None:
        stats += [Stat(words("summary.posts"), words.number(len(plan.posts)), ""),
                  Stat(words("summary.channels"), words.number(len(channels)), "")]
    stats += [
        Stat(words("summary.errors"), words.number(counts[Severity.ERROR]),
             "error" if counts[Severity.ERROR] else ""),
        Stat(words("summary.warnings"), words.number(counts[Severity.WARNING]),
             "warning" if counts[Severity.WARNING] else ""),
        Stat(words("summary.waived"), words.number(report.waived),
             "waived" if report.waived else ""),
    ]
    if plan is not None and plan.posts:
        first = min(post.local.date() for post in plan.posts)
        last = max(post.local.date() for post in plan.posts)
        stats.append(Stat(words("summary.span"), words("summary.span_value",
                                                       first=words.date(first),
                                                       last=words.date(last)), ""))
    stats.append(Stat(words("summary.policy_version"), version, ""))
    return tuple(stats)


def _row(finding: Finding, anchors: dict[str, str], single: str | None, words: Catalogue
         ) -> FindingRow:
    post_id = finding.post_ids[0] if finding.post_ids else ""
    severity = finding.severity.label
    return FindingRow(
        severity=severity, severity_label=words(f"legend.{severity}"), rule=finding.rule,
        channel=finding.channel,
        post_id=post_id, post_anchor=anchors.get(post_id, ""),
        where=_where(finding, single),
        message=finding.message, waived=finding.waived,
        state=words("findings.waived", reason=finding.waived_by) if finding.waived
        else "")


def _where(finding: Finding, single: str | None) -> str:
    location = finding.location
    if location is None:
        return ""
    if location.file == single and (location.line > 0 or location.anchor):
        return str(location).removeprefix(f"{single}:")
    return str(location)
