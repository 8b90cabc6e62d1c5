"""KPI missed: a KPI whose period ended with the review month fell short of its target.

Leadership agrees the KPIs and changes the goals when the KPIs say so («Не надо
беспокоить нашего директора» (Cossa.ru)); a missed KPI is what the monthly review is for,
named with its owner.

In the example policy ``reposts`` has a target of at least 400 a month.

Fails::

    # metrics.csv, governance review --period 2026-12: 310 reposts in December
    date,channel,metric,value
    2026-12-03,vk-community,reposts,310

Passes::

    date,channel,metric,value
    2026-12-03,vk-community,reposts,420
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.review.data import ReviewData, number
from governance.rules.base import Problem

ID = "review.kpi-missed"
SUMMARY = "A KPI whose period ended fell short of its target."
SEVERITY = Severity.ERROR
SOURCE = "«Не надо беспокоить нашего директора…» (Cossa.ru), п. 1–2"


def check(data: ReviewData) -> Iterator[Problem]:
    for result in data.kpis:
        if result.status != "missed":
            continue
        owner = f" (owner: {result.owner})" if result.owner else ""
        better = "at most" if result.decrease else "at least"
        yield Problem(
            f"KPI {result.kpi} missed: {number(result.actual)} against a target of "
            f"{better} {number(result.goal)} for {result.period.start:%Y-%m-%d} to "
            f"{result.period.end:%Y-%m-%d}{owner}",
            data={"kpi": result.kpi})
