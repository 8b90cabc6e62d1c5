"""The review page's charts as Vega-Lite specifications, drawn by ``calendar_report.charts``.

Each function takes plain rows computed in ``review.figures`` (labels already in
the page's language) and returns a specification; nothing here reads the policy
or computes a figure. Targets are drawn in the calendar report's limit colour,
so "the line not to cross" looks the same on both pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from governance.calendar_report.charts import LIMIT_COLOUR, in_order

#: Status -> colour: the calendar report's clean, info, warning and error tones.
STATUS_COLOURS = {"met": "#2e7d4f", "on-track": "#2e6da4", "at-risk": "#b9770e",
                  "missed": LIMIT_COLOUR, "no-data": "#9aa5b1"}
_MEDIAN_COLOUR = "#2e6da4"
_P90_COLOUR = "#1f2a44"
#: Minutes the response-time axis may name: on its log-like scale round numbers of
#: minutes and hours read better than Vega's evenly spaced ticks.
_MINUTE_TICKS = (0, 5, 10, 30, 60, 120, 240, 480, 1440, 2880, 10080)
#: Panels per row of the KPI chart: three fit the page's 1,280 px at 200 px each.
KPI_COLUMNS = 3


def kpi_history(rows: Sequence[dict[str, Any]], labels: dict[str, str]) -> dict[str, Any]:
    """One panel per KPI: each month's actual (bar, coloured by status) and target (tick).

    ``rows``: ``{kpi, month, actual, expected, status, state}``; ``month`` is the
    month's first day (ISO), ``status`` the worded state, ``state`` its key.
    ``expected`` is the target the month was judged against: pro rata while a
    longer period runs. Each panel has its own scale: KPIs count different things.
    """
    states = [state for state in STATUS_COLOURS if any(r["state"] == state for r in rows)]
    words = {r["state"]: r["status"] for r in rows}
    x = {"field": "month", "type": "ordinal", "timeUnit": "utcyearmonth", "title": None,
         "axis": {"format": "%b", "labelAngle": 0, "labelFontSize": 10}}
    return {
        "data": {"values": list(rows)},
        "facet": {"field": "kpi", "type": "nominal", "sort": in_order(rows, "kpi"),
                  "title": None, "header": {"labelLimit": 220, "labelAlign": "left",
                                            "labelAnchor": "start"}},
        "columns": KPI_COLUMNS,
        "spacing": {"row": 16, "column": 28},
        "spec": {
            "width": 220, "height": 110,
            "layer": [
                {"mark": {"type": "bar", "cornerRadius": 1, "width": {"band": 0.6}},
                 "encoding": {
                     "x": x,
                     "y": {"field": "actual", "type": "quantitative", "title": None,
                           "axis": {"tickCount": 4, "format": "~s",
                                    # Ticks share an SI prefix, which would label zero "0k".
                                    "labelExpr": "datum.value === 0 ? '0' : datum.label"}},
                     "color": {"field": "status", "type": "nominal", "title": labels["status"],
                               "scale": {"domain": [words[s] for s in states],
                                         "range": [STATUS_COLOURS[s] for s in states]}}}},
                {"mark": {"type": "tick", "color": LIMIT_COLOUR, "thickness": 2},
                 "encoding": {"x": x, "y": {"field": "expected", "type": "quantitative"}}},
            ],
        },
        # Each panel shows its own months: a KPI measured for three months is not
        # squeezed against another's six.
        "resolve": {"scale": {"x": "independent", "y": "independent"}},
    }


def response_shares(rows: Sequence[dict[str, Any]], required: float,
                    labels: dict[str, str]) -> dict[str, Any]:
    """Per channel (y) the share answered within its target (bar), against the share required.

    ``rows``: ``{channel, share, label, ok}``, shares as fractions of 1; ``label``
    is written at the bar's end (``64 / 80``).
    """
    y = {"field": "channel", "type": "nominal", "title": None, "sort": in_order(rows, "channel"),
         "axis": {"labelLimit": 260}}
    return {
        "data": {"values": list(rows)},
        "width": 520, "height": {"step": 26},
        "layer": [
            {"mark": {"type": "bar", "cornerRadius": 1, "height": {"band": 0.7}},
             "encoding": {
                 "y": y,
                 "x": {"field": "share", "type": "quantitative", "title": labels["within"],
                       "scale": {"domain": [0, 1]}, "axis": {"format": ".0%", "tickCount": 5}},
                 "color": {"condition": {"test": "datum.ok", "value": STATUS_COLOURS["met"]},
                           "value": STATUS_COLOURS["missed"]}}},
            {"mark": {"type": "text", "align": "right", "dx": -4, "color": "white",
                      "fontSize": 10},
             "encoding": {"y": y, "x": {"field": "share", "type": "quantitative"},
                          "text": {"field": "label", "type": "nominal"}}},
            {"mark": {"type": "rule", "color": LIMIT_COLOUR, "strokeDash": [4, 3],
                      "strokeWidth": 2},
             "encoding": {"x": {"datum": required}}},
        ],
    }


def response_times(rows: Sequence[dict[str, Any]], labels: dict[str, str]) -> dict[str, Any]:
    """Per channel (y) the median and 90th percentile response time against the target.

    ``rows``: ``{channel, median, p90, target}`` in minutes; ``target`` is None for
    a channel without one. The minutes axis is logarithmic-like (``symlog``): one
    page holds a support channel's 10 minutes and a careers channel's four hours.
    """
    y = {"field": "channel", "type": "nominal", "title": None, "sort": in_order(rows, "channel"),
         "axis": {"labelLimit": 260}}
    scale = {"type": "symlog", "constant": 5}
    most = max((r[f] or 0 for r in rows for f in ("median", "p90", "target")), default=0)
    ticks = [t for t in _MINUTE_TICKS if t <= most] or [0]
    legend = {"domain": [labels["legend_median"], labels["legend_p90"], labels["legend_target"]],
              "range": [_MEDIAN_COLOUR, _P90_COLOUR, LIMIT_COLOUR]}

    def minutes(field: str) -> dict[str, Any]:
        return {"field": field, "type": "quantitative", "scale": scale,
                "title": labels["minutes"], "axis": {"values": ticks, "format": "d"}}

    def marker(field: str, label: str, shape: str) -> dict[str, Any]:
        return {"mark": {"type": "point", "filled": True, "size": 70, "shape": shape},
                "encoding": {"y": y, "x": minutes(field),
                             "color": {"datum": label, "scale": legend, "title": None}}}

    return {
        "data": {"values": list(rows)},
        "width": 520, "height": {"step": 26},
        "layer": [
            {"mark": {"type": "rule", "color": "#b8c0cc", "strokeWidth": 2},
             "encoding": {"y": y, "x": minutes("median"), "x2": {"field": "p90"}}},
            {"mark": {"type": "tick", "thickness": 3},
             "transform": [{"filter": "datum.target != null"}],
             "encoding": {"y": y, "x": minutes("target"),
                          "color": {"datum": labels["legend_target"], "scale": legend,
                                    "title": None}}},
            marker("median", labels["legend_median"], "circle"),
            marker("p90", labels["legend_p90"], "diamond"),
        ],
    }
