"""The pages' charts: Vega-Lite specifications rendered to inline SVG, offline.

The calendar report (``lint --format html``) and the monthly review's page
draw with the same settings and helpers from here.

``vl-convert`` bundles Vega-Lite and a JavaScript engine in one wheel and needs
no network or browser, so the page carries finished SVG and no script to draw
it. Vega escapes every text it writes into the SVG. Specs get their data as
plain rows computed in Python (``series``); days are ISO dates read as UTC, so
the output does not depend on the machine's timezone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

import vl_convert
from markupsafe import Markup

#: d3 locales for numbers and month names, per report language.
_Locale = Literal["en-US", "ru-RU"]
_LOCALES: dict[str, _Locale] = {"en": "en-US", "ru": "ru-RU"}
_FONT = "DejaVu Sans, Verdana, sans-serif"
_CONFIG: dict[str, Any] = {
    "font": _FONT,
    "view": {"stroke": None},
    # Marks without aria labels: a 10,000-post heat map would carry one per cell.
    "mark": {"aria": False},
    "axis": {"labelColor": "#33415c", "titleColor": "#33415c", "gridColor": "#e6e9ef",
             "domainColor": "#b8c0cc", "tickColor": "#b8c0cc", "labelFontSize": 11},
    "legend": {"labelColor": "#33415c", "titleColor": "#33415c", "labelFontSize": 11},
    "header": {"labelColor": "#1f2a44", "labelFontSize": 12, "labelFontWeight": "bold",
               "titleFontSize": 0},
}
_DAY_AXIS = {"format": "%d %b", "labelAngle": -90, "labelOverlap": True}
#: A long plan's day axis names each month once, at its first day.
_MONTH_AXIS = {"labelExpr": "utcdate(datum.value) === 1 ? utcFormat(datum.value, '%b %Y') : ''",
               "labelAngle": 0, "labelAlign": "left", "labelOverlap": False, "ticks": False}
#: Kinds beyond the palette's length repeat its colours; the legend still names each.
_KIND_COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948",
                 "#ff9da7", "#9c755f", "#bab0ac", "#e15759"]
LIMIT_COLOUR = "#c0392b"
#: Element ids Vega writes (clip paths, gradients); numbered per process, not per chart.
_SVG_ID = re.compile(r'\bid="([^"]+)"')


def to_svg(spec: dict[str, Any], language: str, name: str) -> str:
    """``spec`` as an SVG document, numbers and dates in ``language``.

    Vega numbers clip paths and gradients with counters that run on across
    charts, so the same chart drawn twice differs and two charts on one page may
    clash; every id is renamed ``<name>-<n>`` in order of appearance.
    """
    locale: _Locale = _LOCALES.get(language, "en-US")
    full = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "config": _CONFIG, "background": "white", **spec}
    svg: str = vl_convert.vegalite_to_svg(full, format_locale=locale, time_format_locale=locale)
    return _renumber_ids(svg.strip(), name)


def to_markup(spec: dict[str, Any], language: str, name: str) -> Markup:
    """``to_svg`` for a template: vl-convert escapes every text it writes, so the SVG
    is markup as it stands."""
    return Markup(to_svg(spec, language, name))


def in_order(rows: Sequence[dict[str, Any]], field: str) -> list[Any]:
    """The values of ``field`` in the rows' order, each once: the order an axis keeps."""
    return list(dict.fromkeys(row[field] for row in rows))


def _renumber_ids(svg: str, name: str) -> str:
    ids = {old: f"{name}-{n}" for n, old in enumerate(dict.fromkeys(_SVG_ID.findall(svg)), 1)}
    if not ids:
        return svg
    pattern = re.compile(r'(\bid="|url\(#|href="#)(' + "|".join(map(re.escape, ids)) + r')(?=[")])')
    return pattern.sub(lambda m: m.group(1) + ids[m.group(2)], svg)


#: Plans up to this many days get the count written in each heat-map cell and a dot
#: on each day of a share line; longer plans would only crowd (and weigh) the page.
DETAILED_DAYS = 62


def heat_map(rows: Sequence[dict[str, Any]], labels: dict[str, str], days: int
             ) -> dict[str, Any]:
    """Posts per day (x) and channel (y); cells over the channel's daily limit outlined.

    ``rows``: ``{day, channel, posts, over}``; ``channel`` is the axis label.
    """
    channels = in_order(rows, "channel")
    return {
        "data": {"values": list(rows)},
        "width": {"step": 22 if days <= DETAILED_DAYS else 6}, "height": {"step": 24},
        "encoding": {
            "x": {"field": "day", "type": "ordinal", "timeUnit": "utcyearmonthdate",
                  "title": None, "axis": _DAY_AXIS if days <= DETAILED_DAYS else _MONTH_AXIS},
            "y": {"field": "channel", "type": "nominal", "title": None, "sort": channels,
                  "axis": {"labelLimit": 420}},
        },
        "layer": [
            {"mark": {"type": "rect", "strokeWidth": 2},
             "encoding": {
                 "color": {"field": "posts", "type": "quantitative", "title": labels["posts"],
                           "scale": {"scheme": "blues", "domainMin": 0}},
                 "stroke": {"condition": {"test": "datum.over", "value": LIMIT_COLOUR},
                            "value": "#ffffff"}}},
            *([{"mark": {"type": "text", "fontSize": 9},
                "transform": [{"filter": "datum.posts > 0"}],
                "encoding": {"text": {"field": "posts", "type": "quantitative"},
                             "color": {"condition": {"test": "datum.posts >= 3",
                                                     "value": "white"},
                                       "value": "#1f2a44"}}}] if days <= DETAILED_DAYS else []),
        ],
    }


def shares(rows: Sequence[dict[str, Any]], labels: dict[str, str], days: int
           ) -> dict[str, Any]:
    """Rolling shares (y) by day (x): one panel per channel (row) and measure (column).

    ``rows``: ``{day, channel, measure, share, limit}``, shares and limits as
    fractions of 1; ``share`` is None where the window is not judged.
    """
    channels = in_order(rows, "channel")
    measures = in_order(rows, "measure")
    x = {"field": "day", "type": "temporal", "scale": {"type": "utc"}, "title": None,
         "axis": {"format": "%d %b", "labelAngle": 0, "tickCount": 6}}
    return {
        "data": {"values": list(rows)},
        "facet": {"row": {"field": "channel", "type": "nominal", "sort": channels,
                          "title": None, "header": {"labelAngle": 0, "labelAlign": "left"}},
                  "column": {"field": "measure", "type": "nominal", "sort": measures,
                             "title": None}},
        "spacing": {"row": 10, "column": 24},
        "spec": {
            "width": 320, "height": 60,
            "layer": [
                {"mark": {"type": "line", "point": {"size": 18} if days <= DETAILED_DAYS else False,
                          "color": "#2f6fb3",
                          "interpolate": "monotone"},
                 "encoding": {"x": x,
                              "y": {"field": "share", "type": "quantitative", "title": None,
                                    "scale": {"domain": [0, 1]},
                                    "axis": {"tickCount": 3, "format": ".0%"}}}},
                {"mark": {"type": "rule", "color": LIMIT_COLOUR, "strokeDash": [4, 3]},
                 "encoding": {"y": {"field": "limit", "type": "quantitative",
                                    "aggregate": "max"}}},
            ],
        },
        "resolve": {"scale": {"x": "shared"}},
    }


def kind_mix(rows: Sequence[dict[str, Any]], labels: dict[str, str]) -> dict[str, Any]:
    """Posts per channel (y) stacked by kind. ``rows``: ``{channel, kind, posts}``."""
    channels = in_order(rows, "channel")
    kinds = sorted({row["kind"] for row in rows})
    return {
        "data": {"values": list(rows)},
        "width": 460, "height": {"step": 22},
        "mark": {"type": "bar", "cornerRadius": 1},
        "encoding": {
            "y": {"field": "channel", "type": "nominal", "title": None, "sort": channels},
            "x": {"field": "posts", "type": "quantitative", "aggregate": "sum",
                  "title": labels["posts"], "axis": {"tickMinStep": 1}},
            "color": {"field": "kind", "type": "nominal", "title": labels["kind"],
                      "scale": {"domain": kinds, "range": _KIND_COLOURS}},
            "order": {"field": "kind", "type": "nominal"},
        },
    }
