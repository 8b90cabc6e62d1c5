"""KPI without data: a KPI with a target has no numbers in the metrics export for the month.

A KPI nobody measures is not reviewed; the export must carry its metric (map it
under ``review.kpis``), or the KPI has no place in the policy («Политика в отношении
социальных сетей: то, что растет, должно расти выше» §5).

In the example policy ``applications`` has a target of at least 60 a month.

Fails::

    # metrics.csv, governance review --period 2026-12: no applications rows
    date,channel,metric,value

Passes::

    date,channel,metric,value
    2026-12-03,tg-careers,applications,70
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.review.data import ReviewData
from governance.rules.base import Problem

ID = "review.kpi-no-data"
SUMMARY = "A KPI with a target has no numbers for the month."
SEVERITY = Severity.WARNING
SOURCE = "«Политика в отношении социальных сетей: то, что растет, должно расти выше», § 5"


def check(data: ReviewData) -> Iterator[Problem]:
    for result in data.kpis:
        if result.status == "no-data":
            yield Problem(f"KPI {result.kpi}: no {result.metric!r} numbers in the metrics "
                          "export to judge it by", data={"kpi": result.kpi})
