"""KPI arithmetic against hand-computed cases: sums, levels, means, pro-rata, periods."""

from __future__ import annotations

import datetime as dt

import pytest

from governance.findings import Location
from governance.models.goals import KPI
from governance.models.review import KpiMeasure
from governance.review.kpis import evaluate
from governance.review.metrics import Sample
from governance.review.periods import Span, kpi_span, parse_month, previous_span

DECEMBER = parse_month("2026-12")
NOVEMBER = parse_month("2026-11")


def samples(metric: str, values: dict[str, float], channel: str = "vk") -> list[Sample]:
    return [Sample(dt.date.fromisoformat(day), channel, metric, value, Location("m.csv"))
            for day, value in values.items()]


def kpi(**fields: object) -> KPI:
    return KPI.model_validate({"id": "k", "metric": "m", "owner": "smm-lead", **fields})


def test_a_monthly_count_is_the_months_sum_against_the_target() -> None:
    data = samples("k", {"2026-11-30": 999, "2026-12-01": 100, "2026-12-31": 210,
                         "2027-01-01": 999})
    result = evaluate(kpi(target={"type": "absolute", "value": 400}, period="month"), "g",
                      KpiMeasure(metric="k"), data, DECEMBER)
    assert (result.actual, result.goal, result.ended, result.status) == (310, 400, True, "missed")
    assert result.trend == (None, 999, 310)


def test_a_relative_level_target_grows_from_the_level_before_the_period() -> None:
    # 1,000 followers on 30 November; doubling means 2,000 by 31 December.
    data = samples("followers", {"2026-11-30": 1000, "2026-12-15": 1500, "2026-12-31": 2100})
    result = evaluate(kpi(target={"type": "relative", "value": 100}, period="month"), "g",
                      KpiMeasure(metric="followers", aggregate="last"), data, DECEMBER)
    assert (result.actual, result.goal, result.status) == (2100, 2000, "met")


def test_levels_of_several_channels_add_up_on_the_last_day() -> None:
    data = samples("followers", {"2026-12-31": 700}) + samples(
        "followers", {"2026-12-31": 400, "2026-12-30": 9999}, channel="tg")
    result = evaluate(kpi(target={"type": "absolute", "value": 1000}), "g",
                      KpiMeasure(metric="followers", aggregate="last"), data, DECEMBER)
    assert result.actual == 1100


def test_a_quarter_in_its_second_month_is_judged_pro_rata_and_not_missed() -> None:
    # Q3 total 5,000 -> +20 % = 6,000 for Q4; by 30 November 61 of 92 days have passed:
    # 6,000 * 61 / 92 = 3,978.26 expected; 3,900 is behind: at risk, not missed.
    data = samples("clicks", {"2026-08-01": 5000, "2026-10-10": 2000, "2026-11-20": 1900})
    measure = KpiMeasure(metric="clicks")
    target = kpi(target={"type": "relative", "value": 20}, period="quarter")
    result = evaluate(target, "g", measure, data, NOVEMBER)
    assert result.period == Span(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert result.goal == pytest.approx(6000)
    assert result.expected == pytest.approx(6000 * 61 / 92)
    assert (result.actual, result.ended, result.status) == (3900, False, "at-risk")
    ahead = evaluate(target, "g", measure, [*data, *samples("clicks", {"2026-11-21": 100})],
                     NOVEMBER)
    assert ahead.status == "on-track"
    # The quarter ends with December: now it is judged, on the whole quarter.
    late = evaluate(target, "g", measure, data, DECEMBER)
    assert (late.actual, late.ended, late.status) == (3900, True, "missed")


def test_a_level_target_pro_rata_runs_from_the_level_at_the_start() -> None:
    # 1,000 at the end of September, 4,000 wanted by the end of the year (half-year
    # H2 started in July: level before = the last value before 1 July).
    data = samples("f", {"2026-06-30": 1000, "2026-10-31": 2000})
    result = evaluate(kpi(target={"type": "absolute", "value": 4000}, period="half-year"), "g",
                      KpiMeasure(metric="f", aggregate="last"),
                      data, parse_month("2026-10"))
    elapsed = 123 / 184  # 1 July to 31 October of 1 July to 31 December
    assert result.expected == pytest.approx(1000 + 3000 * elapsed)
    assert result.status == "at-risk"


def test_a_weekly_count_target_is_scaled_to_the_month_and_a_rate_is_not() -> None:
    data = samples("a", {"2026-12-05": 45})  # 10 a week * 31 / 7 = 44.3
    weekly = evaluate(kpi(target={"type": "absolute", "value": 10}, period="week"), "g",
                      KpiMeasure(metric="a"), data, DECEMBER)
    assert weekly.goal == pytest.approx(10 * 31 / 7)
    assert weekly.status == "met"
    rates = samples("r", {"2026-12-01": 8, "2026-12-02": 14})
    faster = evaluate(kpi(target={"type": "absolute", "value": 10, "direction": "decrease"},
                          period="week"), "g", KpiMeasure(metric="r", aggregate="mean"),
                      rates, DECEMBER)
    assert (faster.actual, faster.goal, faster.status) == (11, 10, "missed")


def test_channels_filter_the_rows_and_a_kpi_without_rows_has_no_data() -> None:
    data = samples("k", {"2026-12-01": 500}, channel="tg")
    result = evaluate(kpi(target={"type": "absolute", "value": 400}), "g",
                      KpiMeasure(metric="k", channels=["vk"]), data, DECEMBER)
    assert (result.actual, result.status) == (None, "no-data")


def test_periods_span_the_calendar_around_the_month() -> None:
    from governance.models.common import Period

    assert kpi_span(Period.YEAR, NOVEMBER) == Span(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert kpi_span(Period.WEEK, NOVEMBER) == NOVEMBER
    assert previous_span(Span(dt.date(2026, 1, 1), dt.date(2026, 3, 31))) == Span(
        dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert parse_month("2026-02").days == 28
