"""The review page's figures as inline SVG: KPIs by month, response shares, response times.

This module turns the month's measurements into chart rows (labels in the
page's language, targets from the policy) and hands them to ``review.charts``.
A figure without rows is left out: a review without metrics has no KPI chart,
one without an inbox no response charts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from governance.calendar_report.charts import to_markup
from governance.review import charts
from governance.review.data import ReviewData, number


@dataclass(frozen=True)
class Figure:
    anchor: str  # the section's id, and the prefix of the SVG's own ids
    title: str
    intro: str
    svg: Markup


def figures(data: ReviewData, w: dict[str, str], language: str) -> tuple[Figure, ...]:
    """The page's figures in page order, each only when it has something to show."""
    found = []
    kpis = kpi_rows(data, w)
    if kpis:
        found.append(Figure("kpi-chart", w["chart_kpis"], w["chart_kpis_intro"],
                            to_markup(charts.kpi_history(kpis, w), language, "kpi-chart")))
    shares = share_rows(data)
    if shares:
        required = data.policy.review.response_share_percent / 100
        intro = w["chart_shares_intro"].format(percent=number(required * 100))
        found.append(Figure("share-chart", w["chart_shares"], intro,
                            to_markup(charts.response_shares(shares, required, w), language,
                                      "share-chart")))
    times = time_rows(data)
    if times:
        found.append(Figure("time-chart", w["chart_times"], w["chart_times_intro"],
                            to_markup(charts.response_times(times, w), language, "time-chart")))
    return tuple(found)


def kpi_rows(data: ReviewData, w: dict[str, str]) -> list[dict[str, Any]]:
    """Each KPI's months with a number: actual to date and the target it was judged against."""
    rows = []
    for result in data.kpis:
        for judged in data.history.get(result.kpi, (result,)):
            if judged.actual is None:
                continue
            rows.append({"kpi": result.kpi, "month": judged.month.start.isoformat(),
                         "actual": _round(judged.actual), "expected": _round(judged.expected),
                         "status": w[judged.status], "state": judged.status})
    return rows


def share_rows(data: ReviewData) -> list[dict[str, Any]]:
    """Channels with a response target: the share of messages answered within it."""
    required = data.policy.review.response_share_percent
    rows = []
    for result in data.responses:
        share = result.share_within
        if share is None:
            continue
        rows.append({"channel": result.channel, "share": round(share / 100, 4),
                     "label": f"{result.within_target} / {result.received}",
                     "ok": share >= required})
    return rows


def time_rows(data: ReviewData) -> list[dict[str, Any]]:
    """Channels with answered messages: median and 90th percentile minutes, and the target."""
    return [{"channel": r.channel, "median": _round(r.median_minutes),
             "p90": _round(r.p90_minutes), "target": r.target_minutes}
            for r in data.responses if r.median_minutes is not None]


def _round(value: float | None) -> float | None:
    # Rows go into the SVG's data: rounding keeps float noise out of byte-compared pages.
    return None if value is None else round(value, 2)
