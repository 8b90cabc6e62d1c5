"""The review run: policy and exports in, the month's measurements and a ``Report`` out.

1. Load the policy; a policy with errors stops the run, its findings are the report.
2. Read the metrics and inbox exports (``ReviewInputError`` for one that cannot be used).
3. Measure: each KPI with a target (``kpis``), each channel's responses and each
   escalation of the messages received in the month (``responses``).
4. Run the review rules on the measurements; waivers apply as in lint (a waiver
   may target a ``kpi`` or a ``channel``).
5. Content: the period's calendar (or published export) goes through the lint
   engine itself; its findings about posts of the month join the report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from governance.findings import Finding, Location
from governance.loader import LoadedPolicy, load_policy
from governance.models.goals import KPI
from governance.models.review import KpiMeasure
from governance.report import Report
from governance.review import kpis, responses
from governance.review.data import ReviewData
from governance.review.inbox import read_inbox
from governance.review.metrics import read_metrics
from governance.review.periods import Span, parse_month
from governance.review.rules import MODULES
from governance.rules.base import Problem
from governance.rules.severity import effective_severity
from governance.runner import active_waivers, waiver_for, waiver_label


@dataclass
class ReviewOptions:
    policy: str
    period: str
    metrics: Sequence[str] = ()
    inbox: Sequence[str] = ()
    calendars: Sequence[str] = ()
    today: dt.date | None = None
    allow_paths: Sequence[str] = ()


@dataclass
class ReviewResult:
    report: Report
    data: ReviewData | None  # None when the policy's own errors stopped the run
    content_checked: int = 0
    policy_files: list[str] = field(default_factory=list)


def review(options: ReviewOptions) -> ReviewResult:
    month = parse_month(options.period)
    loaded_result = load_policy(options.policy, allow=tuple(options.allow_paths))
    target = f"{options.policy} {options.period}"
    if loaded_result.policy is None:
        return ReviewResult(Report("review", target, list(loaded_result.findings)), None)
    loaded = loaded_result.policy
    policy = loaded.policy
    zone = ZoneInfo(policy.organisation.timezone if policy.organisation else "UTC")
    samples = read_metrics(options.metrics, policy, zone)
    messages = responses.in_month(read_inbox(options.inbox, policy, zone), month, zone)
    measured = list(_measured_kpis(loaded)) if options.metrics else []
    data = ReviewData(
        policy, month,
        tuple(kpis.evaluate(kpi, goal, measure, samples, month)
              for kpi, goal, measure in measured),
        tuple(responses.per_channel(policy, messages)),
        tuple(responses.escalations(policy, messages)),
        {kpi.id: kpis.history(kpi, goal, measure, samples, month)
         for kpi, goal, measure in measured})
    today = options.today or dt.date.today()
    findings = list(loaded_result.findings) + list(_rule_findings(loaded, data, today))
    content = _content_findings(options, loaded, month, zone) if options.calendars else []
    findings.extend(content)
    checked = {"kpis": len(data.kpis), "messages": len(messages)}
    return ReviewResult(Report("review", target, findings, checked,
                               meta={"period": options.period}), data)


def _measured_kpis(loaded: LoadedPolicy) -> Iterable[tuple[KPI, str, KpiMeasure]]:
    """Each KPI with a target, its goal's id and where its numbers come from."""
    measures = loaded.policy.review.kpis
    for goal in loaded.policy.goals:
        for kpi in goal.kpis:
            if kpi.target is not None:
                yield kpi, goal.id, measures.get(kpi.id) or KpiMeasure(metric=kpi.id)


def _rule_findings(loaded: LoadedPolicy, data: ReviewData, today: dt.date) -> Iterable[Finding]:
    policy = loaded.policy
    waivers = active_waivers(policy, today)
    for module in MODULES:
        severity = effective_severity(module.ID, module.SEVERITY, policy)
        if severity is None:
            continue
        for problem in module.check(data):
            waiver = waiver_for(module.ID, problem, waivers)
            yield Finding(module.ID, severity, problem.message, _where(loaded, problem),
                          tuple(problem.data.get("messages", ())), problem.channel,
                          waiver_label(waiver) if waiver else "",
                          {"kpi": problem.data["kpi"]} if "kpi" in problem.data else {})


def _where(loaded: LoadedPolicy, problem: Problem) -> Location:
    where = problem.data.get("where")
    if isinstance(where, Location):
        return where
    kpi_id = problem.data.get("kpi")
    for g, goal in enumerate(loaded.policy.goals):
        for k, kpi in enumerate(goal.kpis):
            if kpi.id == kpi_id:
                return loaded.locate(("goals", g, "kpis", k, "target"))
    return loaded.locate(())


def _content_findings(options: ReviewOptions, loaded: LoadedPolicy, month: Span,
                      zone: ZoneInfo) -> list[Finding]:
    """Lint's findings on the calendars that concern posts published in the month."""
    from governance.calendars import ReadOptions, iter_posts
    from governance.lint import LintOptions, lint
    from governance.models.post import Post

    result = lint(LintOptions(calendars=list(options.calendars), policy=options.policy,
                              today=options.today, allow_paths=tuple(options.allow_paths)))
    layout = loaded.policy.calendar  # read as lint reads them, to date each post
    reading = ReadOptions(timezone=str(zone), columns=dict(layout.columns), sheet=layout.sheet,
                          default_channel=layout.default_channel, date_order=layout.date_order)
    in_month: set[str] = set()
    for path in options.calendars:
        for item in iter_posts(path, reading):
            if isinstance(item, Post) and _local_day(item.publish_at, zone) in month:
                in_month.add(item.id)
    calendars = set(options.calendars)
    return [f for f in result.report.findings
            if f.location is not None and f.location.file in calendars
            and (not f.post_ids or any(post in in_month for post in f.post_ids))]


def _local_day(moment: dt.datetime, zone: ZoneInfo) -> dt.date:
    return (moment.astimezone(zone) if moment.tzinfo else moment).date()
