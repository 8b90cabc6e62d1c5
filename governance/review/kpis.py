"""Each KPI's actual for its period against its target, and its trend (pure arithmetic).

Every target becomes an absolute goal for the KPI's whole period:

- ``absolute``: the value (a count target of a day or week period, added up
  with ``sum``, is multiplied by the days or weeks of the month);
- ``relative``: the base times ``1 + value / 100``, where the base is the level
  before the period (``last``) or the previous period's total or mean.

A period that ends with the review month is judged: ``met`` or ``missed``. A
longer one still running is compared with its pro-rata goal, on a straight
line from the start over the days elapsed: ``on-track`` or ``at-risk``.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from governance.models.goals import KPI
from governance.models.review import Aggregate, KpiMeasure
from governance.review.metrics import Sample
from governance.review.periods import (
    Span,
    kpi_span,
    previous_month,
    previous_span,
    short_period_scale,
)

Status = Literal["met", "on-track", "at-risk", "missed", "no-data"]
#: Months of trend shown before the review month.
TREND_MONTHS = 2
#: Months the HTML page's chart looks back over, the review month included.
HISTORY_MONTHS = 6


@dataclass(frozen=True)
class KpiResult:
    kpi: str
    goal_id: str
    owner: str
    metric: str
    period: Span
    ended: bool
    actual: float | None
    goal: float | None
    expected: float | None  # the pro-rata goal to date (the goal itself once ended)
    status: Status
    decrease: bool
    trend: tuple[float | None, ...]  # the oldest month first, the review month last
    month: Span  # the review month it was judged in


def evaluate(kpi: KPI, goal_id: str, measure: KpiMeasure, samples: Sequence[Sample],
             month: Span) -> KpiResult:
    mine = [s for s in samples if s.metric == measure.metric
            and (not measure.channels or s.channel in measure.channels)]
    span = kpi_span(kpi.period, month)
    to_date = Span(span.start, month.end)
    actual = aggregate(mine, to_date, measure.aggregate)
    goal = _goal(kpi, measure, mine, span, month)
    ended = span.end == month.end
    expected = goal if ended or goal is None else _pro_rata(
        goal, measure.aggregate, _level_before(mine, span), (to_date.days / span.days))
    decrease = bool(kpi.target and kpi.target.direction == "decrease")
    trend = tuple(aggregate(mine, previous_month(month, back), measure.aggregate)
                  for back in range(TREND_MONTHS, -1, -1))
    return KpiResult(kpi.id, goal_id, kpi.owner or "", measure.metric, span, ended, actual, goal,
                     expected, _status(actual, expected, ended, decrease), decrease, trend, month)


def history(kpi: KPI, goal_id: str, measure: KpiMeasure, samples: Sequence[Sample],
            month: Span, months: int = HISTORY_MONTHS) -> tuple[KpiResult, ...]:
    """The KPI as each review up to ``month`` judged it, oldest first.

    Each month is evaluated as its own review would have been, so a quarter's
    month shows its actual to date against that month's pro-rata goal. Months
    before the export's first number are left out; the review month always stays.
    """
    judged = [evaluate(kpi, goal_id, measure, samples, previous_month(month, back))
              for back in range(months - 1, -1, -1)]
    first = next((n for n, r in enumerate(judged) if r.actual is not None), len(judged) - 1)
    return tuple(judged[first:])


def aggregate(samples: Sequence[Sample], span: Span, how: Aggregate) -> float | None:
    """The metric over ``span``: the sum, the mean, or the last day's total (None: no rows)."""
    inside = [s for s in samples if s.day in span]
    if not inside:
        return None
    if how == "sum":
        return sum(s.value for s in inside)
    if how == "mean":
        return statistics.fmean(s.value for s in inside)
    last_day = max(s.day for s in inside)
    return sum(s.value for s in inside if s.day == last_day)  # channels' levels add up


def _goal(kpi: KPI, measure: KpiMeasure, samples: Sequence[Sample], span: Span,
          month: Span) -> float | None:
    target = kpi.target
    if target is None:
        return None
    if target.type == "absolute":
        scale = short_period_scale(kpi.period, month) if measure.aggregate == "sum" else 1.0
        return target.value * scale
    if measure.aggregate == "last":
        base = _level_before(samples, span)
    else:
        base = aggregate(samples, previous_span(span), measure.aggregate)
    return None if base is None else base * (1 + target.value / 100)


def _level_before(samples: Sequence[Sample], span: Span) -> float | None:
    before = [s for s in samples if s.day < span.start]
    if not before:
        return None
    last_day = max(s.day for s in before)
    return sum(s.value for s in before if s.day == last_day)


def _pro_rata(goal: float, how: Aggregate, start: float | None, elapsed: float) -> float:
    if how == "sum":
        return goal * elapsed
    if how == "last" and start is not None:
        return start + (goal - start) * elapsed
    return goal  # a mean (a rate) is expected at its goal all along


def _status(actual: float | None, expected: float | None, ended: bool,
            decrease: bool) -> Status:
    if actual is None or expected is None:
        return "no-data"
    good = actual <= expected if decrease else actual >= expected
    if ended:
        return "met" if good else "missed"
    return "on-track" if good else "at-risk"
