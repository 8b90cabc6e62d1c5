"""The month grid: for each month of the plan, one small calendar per channel.

A day cell holds the day's posts as chips (local time and kind), each coloured
by the worst finding about the post (``post_states``); days in a blackout that
covers the channel are shaded, posts outside the posting hours are marked.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from babel.dates import format_date, get_day_names

from governance.calendar_report.plan import Plan, PlannedPost
from governance.findings import Finding
from governance.models.content import Blackout
from governance.render.i18n import Catalogue
from governance.rules.post.posting_hours import ID as POSTING_HOURS

#: A post's state in the grid, best to worst; the CSS colours by these names.
STATES = ("clean", "waived", "info", "warning", "error")


@dataclass(frozen=True)
class Chip:
    anchor: str  # the element id findings link to
    post_id: str
    time: str
    kind: str
    state: str  # one of STATES
    off_hours: bool
    title: str  # the tooltip: id, where, kind and the start of the text


@dataclass(frozen=True)
class DayCell:
    day: int
    blackout: str  # the blackout's id and reason, or ""
    weekend: bool
    chips: tuple[Chip, ...]


@dataclass(frozen=True)
class ChannelMonth:
    channel: str
    posts: int
    weeks: tuple[tuple[DayCell | None, ...], ...]  # Monday first; None outside the month


@dataclass(frozen=True)
class Month:
    title: str
    weekdays: tuple[str, ...]
    channels: tuple[ChannelMonth, ...]


def post_anchor(index: int) -> str:
    return f"post-{index + 1}"


def post_states(findings: Iterable[Finding]) -> tuple[dict[str, str], set[str]]:
    """Post id -> its worst state, and the ids of posts outside the posting hours."""
    rank = {state: n for n, state in enumerate(STATES)}
    states: dict[str, str] = {}
    off_hours: set[str] = set()
    for finding in findings:
        state = "waived" if finding.waived else finding.severity.label
        for post_id in finding.post_ids:
            if rank[state] > rank[states.get(post_id, "clean")]:
                states[post_id] = state
            if finding.rule == POSTING_HOURS:
                off_hours.add(post_id)
    return states, off_hours


def months(plan: Plan, channels: Sequence[str], findings: Iterable[Finding],
           words: Catalogue) -> list[Month]:
    states, off_hours = post_states(findings)
    by_month: dict[tuple[int, int], dict[str, list[tuple[int, PlannedPost]]]] = defaultdict(
        lambda: defaultdict(list))
    for index, post in enumerate(plan.posts):
        by_month[(post.local.year, post.local.month)][post.channel].append((index, post))
    names = get_day_names("abbreviated", context="stand-alone", locale=words.locale)
    weekdays = tuple(str(names[day]) for day in range(7))  # babel counts from Monday
    span = (min(p.local.date() for p in plan.posts), max(p.local.date() for p in plan.posts)
            ) if plan.posts else None
    result = []
    for (year, number), lanes in sorted(by_month.items()):
        title = format_date(dt.date(year, number, 1), "LLLL y", locale=words.locale)
        rows = tuple(
            _channel_month(year, number, channel, lanes[channel], span,
                           plan.policy.content.blackouts, states, off_hours, words)
            for channel in channels if channel in lanes)
        result.append(Month(str(title).capitalize(), weekdays, rows))
    return result


def _channel_month(year: int, month: int, channel: str, posts: list[tuple[int, PlannedPost]],
                   span: tuple[dt.date, dt.date] | None, blackouts: Sequence[Blackout],
                   states: dict[str, str], off_hours: set[str], words: Catalogue
                   ) -> ChannelMonth:
    """The month's weeks that overlap the plan, each day with its posts' chips."""
    by_day: dict[int, list[Chip]] = defaultdict(list)
    for index, post in sorted(posts, key=lambda item: (item[1].local, item[0])):
        by_day[post.local.day].append(_chip(index, post, states, off_hours, words))
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        if span is not None and (week[-1] < span[0] or week[0] > span[1]):
            continue  # a week of the month outside the plan would only be empty cells
        weeks.append(tuple(
            DayCell(day.day, _blackout(day, channel, blackouts, words), day.weekday() >= 5,
                    tuple(by_day.get(day.day, ())))
            if day.month == month else None
            for day in week))
    return ChannelMonth(channel, len(posts), tuple(weeks))


def _chip(index: int, post: PlannedPost, states: dict[str, str], off_hours: set[str],
          words: Catalogue) -> Chip:
    kind = post.kind or words("grid.no_kind")
    time = post.local.strftime("%H:%M")
    title = f"{post.id}\n{post.text}" if post.text else post.id
    return Chip(post_anchor(index), post.id, time, kind, states.get(post.id, "clean"),
                post.id in off_hours, title)


def _blackout(day: dt.date, channel: str, blackouts: Sequence[Blackout], words: Catalogue
              ) -> str:
    for blackout in blackouts:
        if blackout.start <= day <= blackout.end and (
                not blackout.channels or channel in blackout.channels):
            return words("grid.blackout", id=blackout.id, reason=" ".join(blackout.reason.split()))
    return ""
