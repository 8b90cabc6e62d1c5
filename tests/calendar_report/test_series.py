"""The numbers behind the charts: rolling shares, daily counts, post states."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from governance.calendar_report.grid import post_states
from governance.calendar_report.plan import PlannedPost
from governance.calendar_report.series import daily_counts, plan_days, rolling_shares
from governance.findings import Finding, Severity
from governance.models.content import ShareLimit

ZONE = ZoneInfo("Europe/Moscow")
START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=ZONE)


def post(day: int, promotional: bool = False, channel: str = "x", post_id: str = "p"
         ) -> PlannedPost:
    return PlannedPost(id=post_id, file="plan.csv",
                       local=START + dt.timedelta(days=day), channel=channel,
                       kind="promo" if promotional else "news", text="", has_link=False,
                       promotional=promotional)


def test_a_share_is_over_the_window_ending_each_day() -> None:
    posts = [post(0, True), post(1), post(2), post(3, True), post(4)]
    days = plan_days(posts)
    points = rolling_shares(posts, days, lambda p: p.promotional, ShareLimit(
        max_percent=25, window_days=3, min_posts=2))
    assert [(p.matching, p.total) for p in points] == [(1, 1), (1, 2), (1, 3), (1, 3), (1, 3)]
    assert [None if p.percent is None else round(p.percent) for p in points] == [
        None, 50, 33, 33, 33]


def test_days_and_counts_are_local_days() -> None:
    late = PlannedPost(id="late", file="f",
                       local=dt.datetime(2026, 3, 2, 23, 30, tzinfo=dt.timezone.utc
                                         ).astimezone(ZONE),
                       channel="x", kind="", text="", has_link=False, promotional=False)
    assert plan_days([late]) == [dt.date(2026, 3, 3)]
    assert daily_counts([late, post(1)]) == {("x", dt.date(2026, 3, 3)): 2}


@given(st.lists(st.tuples(st.integers(0, 20), st.booleans()), max_size=40),
       st.integers(1, 10), st.integers(1, 5))
def test_rolling_shares_match_counting_each_window(entries: list[tuple[int, bool]],
                                                    window: int, min_posts: int) -> None:
    posts = [post(day, promotional) for day, promotional in entries]
    days = plan_days(posts)
    limit = ShareLimit(max_percent=25, window_days=window, min_posts=min_posts)
    for point in rolling_shares(posts, days, lambda p: p.promotional, limit):
        inside = [p for p in posts
                  if point.day - dt.timedelta(days=window) < p.local.date() <= point.day]
        matching = sum(p.promotional for p in inside)
        assert (point.matching, point.total) == (matching, len(inside))
        expected = 100 * matching / len(inside) if len(inside) >= min_posts else None
        assert point.percent == expected


def _finding(rule: str, severity: Severity, *ids: str, waived: str = "") -> Finding:
    return Finding(rule, severity, "m", post_ids=ids, waived_by=waived)


def test_a_post_takes_its_worst_unwaived_finding() -> None:
    states, off_hours = post_states([
        _finding("a", Severity.INFO, "p1", "p2"),
        _finding("b", Severity.ERROR, "p1", waived="legal agreed"),
        _finding("c", Severity.WARNING, "p2"),
        _finding("post.posting-hours", Severity.WARNING, "p3", waived="ok"),
    ])
    assert states == {"p1": "info", "p2": "warning", "p3": "waived"}
    assert off_hours == {"p3"}
