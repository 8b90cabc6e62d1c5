"""The metrics export: one number per day, channel and metric, however the tool lays it out.

Three layouts are read, told apart by their header:

- ``long``: one row a number, columns ``date, channel, metric, value`` (or the
  names the policy maps under ``review.columns``);
- ``x-ads``: the campaign export of X Ads, as its help page "Export .CSV
  definitions" documents it: a ``Time`` column (the day of the row) and one
  column a metric (``Impressions``, ``Engagements``, ``Retweets``/``Reposts``,
  ``Replies``, ``Follows``, ``Likes``, ``Clicks``, ``Unfollows``...). The file is
  one account's, so its rows belong to ``review.default_channel``, else to the
  policy's only channel on X;
- ``union-metrics``: the "Tweets" sheet of a Union Metrics snapshot CSV export
  ("Understanding the snapshot CSV export"): ``Id, Screen_Name, Text, Time`` (UTC)
  and ``Retweets`` per tweet; ``Screen_Name`` is matched to a channel's handle.

In the wide layouts a metric is named by its column in lower case
(``Engagement rate`` -> ``engagement rate``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from governance.findings import Location
from governance.models.common import Network
from governance.models.policy import Policy
from governance.review.tables import ReviewInputError, Row, header_mapping, map_fields, read_rows

LONG_FIELDS = ("date", "channel", "metric", "value")
_LONG_ALIASES = {"day": "date", "account": "channel", "name": "metric", "count": "value"}
_X_ADS_MARKERS = {"time", "impressions", "engagements"}
_X_ADS_METRICS = ("impressions", "engagements", "billed engagements", "retweets", "reposts",
                  "replies", "follows", "likes", "clicks", "media engagements",
                  "card engagements", "unfollows", "engagement rate", "spend")
_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+")
_UNION_MARKERS = {"id", "screen_name", "text", "time", "retweets"}


@dataclass(frozen=True)
class Sample:
    """One number of the export: a metric of a channel on a local day."""

    day: dt.date
    channel: str
    metric: str
    value: float
    where: Location


def read_metrics(paths: Sequence[str], policy: Policy, zone: dt.tzinfo) -> list[Sample]:
    samples: list[Sample] = []
    for path in paths:
        names, rows = read_rows(path)
        folded = {name.casefold() for name in names}
        if folded >= _X_ADS_MARKERS:
            samples.extend(_x_ads(path, names, rows, policy, zone))
        elif folded >= _UNION_MARKERS:
            samples.extend(_union_metrics(names, rows, policy, zone))
        else:
            samples.extend(_long(path, names, rows, policy, zone))
    return samples


def _long(path: str, names: list[str], rows: Iterator[Row], policy: Policy,
          zone: dt.tzinfo) -> Iterator[Sample]:
    mapping = header_mapping(names, policy.review.columns, LONG_FIELDS, _LONG_ALIASES)
    needed = {"date", "metric", "value"} | ({"channel"} if not policy.review.default_channel
                                              else set())
    missing = sorted(needed - set(mapping.values()))
    if missing:
        raise ReviewInputError(Location(path, 1, 1), f"no {', '.join(missing)} column (map "
                               "other names under review.columns, or use a known export)")
    for raw in rows:
        row = map_fields(raw, mapping)
        channel = row.get("channel") or policy.review.default_channel or ""
        _known_channel(row, channel, policy)
        metric = row.get("metric")
        if not metric:
            raise row.fail("metric", "empty metric name")
        yield Sample(_day(row, "date", zone), channel, metric, _number(row, "value"), row.where)


def _x_ads(path: str, names: list[str], rows: Iterator[Row], policy: Policy,
           zone: dt.tzinfo) -> Iterator[Sample]:
    channel = policy.review.default_channel or _only_channel_on_x(path, policy)
    metric_columns = [name for name in names if name.casefold() in _X_ADS_METRICS]
    time_column = next(name for name in names if name.casefold() == "time")
    for row in rows:
        day = _day(row, time_column, zone)
        for column in metric_columns:
            if row.get(column):
                yield Sample(day, channel, column.casefold(), _number(row, column), row.at(column))


def _union_metrics(names: list[str], rows: Iterator[Row], policy: Policy,
                   zone: dt.tzinfo) -> Iterator[Sample]:
    column = {name.casefold(): name for name in names}
    handles = {c.handle.lstrip("@").casefold(): c.id for c in policy.channels}
    for row in rows:
        handle = row.get(column["screen_name"]).lstrip("@").casefold()
        if handle not in handles:
            raise row.fail(column["screen_name"],
                           f"screen name {handle!r} is the handle of no channel of the policy")
        day = _day(row, column["time"], dt.timezone.utc, zone)
        yield Sample(day, handles[handle], "retweets", _number(row, column["retweets"]),
                     row.at(column["retweets"]))


def _only_channel_on_x(path: str, policy: Policy) -> str:
    on_x = [c.id for c in policy.channels if c.network is Network.X]
    if len(on_x) != 1:
        raise ReviewInputError(Location(path, 1, 1), "an X Ads export holds one account: "
                               "name its channel under review.default_channel")
    return on_x[0]


def _known_channel(row: Row, channel: str, policy: Policy) -> None:
    if policy.channel(channel) is None:
        known = ", ".join(c.id for c in policy.channels)
        raise row.fail("channel", f"unknown channel {channel!r} (the policy has: {known})")


def _day(row: Row, field: str, zone: dt.tzinfo, local: dt.tzinfo | None = None) -> dt.date:
    """The local day of a date or date-time cell (naive times are in ``zone``)."""
    text = row.get(field)
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise row.fail(field, f"{text!r} is not a date such as 2026-12-01") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(local or zone).date()


def _number(row: Row, field: str) -> float:
    text = row.get(field).replace("\u00a0", "").replace(" ", "")
    if text.endswith("%"):
        text = text[:-1]
    if "." not in text and not _THOUSANDS.fullmatch(text):
        text = text.replace(",", ".")  # a decimal comma: 12,5
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        raise row.fail(field, f"{row.get(field)!r} is not a number") from None
    if not math.isfinite(value):
        raise row.fail(field, f"{row.get(field)!r} is not a finite number")
    return value
