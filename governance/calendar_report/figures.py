"""The report's three figures, as inline SVG: heat map, rolling shares, content mix.

This module turns the plan into chart rows (labels in the report's language,
limits from the policy) and hands them to ``charts``; a plan without posts has
no figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from governance.calendar_report import charts, series
from governance.calendar_report.plan import Plan, PlannedPost
from governance.models.channels import ChannelCadence
from governance.models.content import ShareLimit
from governance.render.i18n import Catalogue


@dataclass(frozen=True)
class Figures:
    heat_map: Markup
    shares: Markup  # empty when the policy sets neither share
    shares_intro: str
    mix: Markup


def figures(plan: Plan, channels: Sequence[str], words: Catalogue) -> Figures | None:
    if not plan.posts:
        return None
    labels = {"posts": words("chart.posts"), "channel": words("chart.channel"),
              "kind": words("chart.kind")}
    days = series.plan_days(plan.posts)
    heat = charts.heat_map(_heat_rows(plan, channels, days, words), labels, len(days))
    mix_rows = [{"channel": channel, "kind": kind or words("grid.no_kind"), "posts": count}
                for (channel, kind), count in sorted(series.kind_mix(plan.posts).items(),
                                                     key=lambda item: _order(item[0], channels))]
    share_rows, intro = _share_rows(plan, channels, days, words)
    return Figures(
        heat_map=_svg(heat, words, "heat-map"),
        shares=_svg(charts.shares(share_rows, labels, len(days)), words, "shares") if share_rows
        else Markup(""),
        shares_intro=intro,
        mix=_svg(charts.kind_mix(mix_rows, labels), words, "mix"))


def _svg(spec: dict[str, object], words: Catalogue, name: str) -> Markup:
    return charts.to_markup(spec, words.lang, name)


def _order(key: tuple[str, str], channels: Sequence[str]) -> tuple[int, str]:
    return channels.index(key[0]), key[1]


def _heat_rows(plan: Plan, channels: Sequence[str], days: Sequence[dt.date],
               words: Catalogue) -> list[dict[str, object]]:
    counts = series.daily_counts(plan.posts)
    cadences = {c.id: c.cadence for c in plan.policy.channels if c.cadence}
    rows: list[dict[str, object]] = []
    for channel in channels:
        cadence = cadences.get(channel)
        limit = cadence.max_per_day if cadence else None
        label = " · ".join([channel, *_cadence_words(cadence, words)])
        for day in days:
            posts = counts.get((channel, day), 0)
            rows.append({"day": str(day), "channel": label, "posts": posts,
                         "over": bool(limit and posts > limit)})
    return rows


def _cadence_words(cadence: ChannelCadence | None, words: Catalogue) -> list[str]:
    """The channel's cadence limits, as the heat map's row label names them."""
    if cadence is None:
        return [words("heat_map.no_limit")]
    limits = [(cadence.max_per_day, "heat_map.per_day"),
              (cadence.max_per_hour, "heat_map.per_hour"),
              (cadence.min_per_week, "heat_map.per_week"),
              (cadence.max_silence_days, "heat_map.silence")]
    return [words(key, count=value) for value, key in limits if value] or [
        words("heat_map.no_limit")]


def _share_rows(plan: Plan, channels: Sequence[str], days: Sequence[dt.date],
                words: Catalogue) -> tuple[list[dict[str, object]], str]:
    content = plan.policy.content
    measures: list[tuple[ShareLimit, str, Callable[[PlannedPost], bool]]] = [
        (setting, words(key, limit=words.percent(setting.max_percent), days=setting.window_days),
         matches)
        for setting, key, matches in ((content.promo_share, "shares.promo", _promotional),
                                      (content.link_share, "shares.link", _with_link))
        if setting is not None]
    if not measures:
        return [], words("shares.none")
    by_channel: dict[str, list[PlannedPost]] = {}
    for post in plan.posts:
        by_channel.setdefault(post.channel, []).append(post)
    rows: list[dict[str, object]] = []
    for channel in channels:
        for setting, label, matches in measures:
            for point in series.rolling_shares(by_channel.get(channel, []), days, matches,
                                               setting):
                share = None if point.percent is None else round(point.percent / 100, 4)
                rows.append({"day": point.day.isoformat(), "channel": channel, "measure": label,
                             "share": share, "limit": setting.max_percent / 100})
    return rows, words("shares.intro")


def _promotional(post: PlannedPost) -> bool:
    return post.promotional


def _with_link(post: PlannedPost) -> bool:
    return post.has_link
