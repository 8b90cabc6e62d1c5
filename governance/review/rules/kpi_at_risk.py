"""KPI at risk: a KPI whose period is still running is behind its pro-rata target.

A quarter's target is judged only when the quarter ends; until then the review
shows progress to date against a straight line from the period's start to its
goal, so the owner can act while there is time («Политика в отношении социальных
сетей: то, что растет, должно расти выше» §5).

In the example policy ``shop-clicks`` wants 20 % more clicks in a quarter than in
the quarter before: 7,200 after a third quarter of 6,000, so about 4,770 are
expected by the end of November (61 of the quarter's 92 days).

Fails::

    # metrics.csv, governance review --period 2026-11: 3,000 clicks by November's end
    date,channel,metric,value
    2026-07-03,vk-community,shop-clicks,6000
    2026-10-03,vk-community,shop-clicks,3000

Passes::

    date,channel,metric,value
    2026-07-03,vk-community,shop-clicks,6000
    2026-10-03,vk-community,shop-clicks,6000
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.review.data import ReviewData, number
from governance.rules.base import Problem

ID = "review.kpi-at-risk"
SUMMARY = "A running KPI is behind its pro-rata target."
SEVERITY = Severity.WARNING
SOURCE = "«Политика в отношении социальных сетей: то, что растет, должно расти выше», § 5"


def check(data: ReviewData) -> Iterator[Problem]:
    for result in data.kpis:
        if result.status != "at-risk":
            continue
        owner = f" (owner: {result.owner})" if result.owner else ""
        yield Problem(
            f"KPI {result.kpi} at risk: {number(result.actual)} to date against "
            f"{number(result.expected)} expected pro rata (goal {number(result.goal)} by "
            f"{result.period.end:%Y-%m-%d}){owner}",
            data={"kpi": result.kpi})
