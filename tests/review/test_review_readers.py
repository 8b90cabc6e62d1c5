"""The review's readers: malformed exports give one located line, never a traceback."""

from __future__ import annotations

import string
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.loader import load_policy
from governance.models.policy import Policy
from governance.review.inbox import read_inbox
from governance.review.metrics import read_metrics
from governance.review.tables import ReviewInputError

EXAMPLE = Path(__file__).resolve().parents[2] / "policies" / "example"
MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture(scope="module")
def policy() -> Policy:
    loaded = load_policy(EXAMPLE).policy
    assert loaded is not None
    return loaded.policy


METRICS_CASES = [
    ("date,channel,metric\n2026-12-01,vk-community,reposts\n", "1:1", "no value column"),
    ("date,channel,metric,value\n2026-13-01,vk-community,reposts,4\n", "2:1", "not a date"),
    ("date,channel,metric,value\n2026-12-01,vk-community,reposts,many\n", "2:4",
     "'many' is not a number"),
    ("date,channel,metric,value\n2026-12-01,vk-community,reposts,nan\n", "2:4", "not a finite"),
    ("date,channel,metric,value\n2026-12-01,ok-group,reposts,4\n", "2:2", "unknown channel"),
    ("date,channel,metric,value\n2026-12-01,vk-community,,4\n", "2:3", "empty metric"),
    ("date,Date,metric,value\n", "1:2", "appears twice"),
    ("date,channel,metric,value\n2026-12-01,\"vk-community,reposts,4\n", "2:1", "broken CSV"),
    ("", "", "no header row"),
]


@pytest.mark.parametrize(("content", "where", "message"), METRICS_CASES)
def test_malformed_metrics(tmp_path: Path, policy: Policy, content: str, where: str,
                           message: str) -> None:
    path = tmp_path / "m.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReviewInputError) as caught:
        read_metrics([str(path)], policy, MOSCOW)
    assert message in caught.value.message
    assert str(caught.value.location).startswith(f"{path}:{where}".rstrip(":"))


INBOX_CASES = [
    ("message_id,received_at\nm1,2026-12-01 10:00\n", "1:1", "no channel column"),
    ("message_id,channel,received_at\nm1,tg-support,yesterday\n", "2:3", "not a date-time"),
    ("message_id,channel,received_at\nm1,tg-support,\n", "2:3", "empty received_at"),
    ("message_id,channel,received_at,responded_at\nm1,tg-support,2026-12-01 10:00,"
     "2026-12-01 09:00\n", "2:4", "before received_at"),
    ("message_id,channel,received_at,negative\nm1,tg-support,2026-12-01 10:00,maybe\n", "2:4",
     "expected yes or no"),
]


@pytest.mark.parametrize(("content", "where", "message"), INBOX_CASES)
def test_malformed_inbox(tmp_path: Path, policy: Policy, content: str, where: str,
                         message: str) -> None:
    path = tmp_path / "i.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReviewInputError) as caught:
        read_inbox([str(path)], policy, MOSCOW)
    assert message in caught.value.message
    assert str(caught.value.location) == f"{path}:{where}"


def test_binary_and_broken_workbooks_are_refused(tmp_path: Path, policy: Policy) -> None:
    for name, data in [("x.csv", b"\xff\xfe\x00\x01"), ("y.xlsx", b"PK\x03\x04broken")]:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ReviewInputError):
            read_metrics([str(path)], policy, MOSCOW)


def test_an_xlsx_export_points_at_its_cells(tmp_path: Path, policy: Policy) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Data"
    sheet.append(["date", "channel", "metric", "value"])
    sheet.append(["2026-12-01", "vk-community", "reposts", 12])
    sheet.append(["2026-12-02", "vk-community", "reposts", "lots"])
    path = tmp_path / "m.xlsx"
    book.save(path)
    with pytest.raises(ReviewInputError) as caught:
        read_metrics([str(path)], policy, MOSCOW)
    assert str(caught.value.location) == f"{path}:Data!D3"


def test_the_x_ads_and_union_metrics_layouts(tmp_path: Path, policy: Policy) -> None:
    ads = tmp_path / "ads.csv"
    ads.write_text("Time,Impressions,Engagements,Retweets,Engagement rate\n"
                   "2026-12-01,1200,80,\"1,004\",\"6,7%\"\n", encoding="utf-8")
    union = tmp_path / "union.csv"
    union.write_text("Id,Screen_Name,Text,Time,Retweets\n"
                     "1,NordwindCoffee,hello,2026-12-31 22:30:00,5\n", encoding="utf-8")
    got = {(s.day.isoformat(), s.channel, s.metric, s.value)
           for s in read_metrics([str(ads), str(union)], policy, MOSCOW)}
    assert got == {("2026-12-01", "x-global", "impressions", 1200),
                   ("2026-12-01", "x-global", "engagements", 80),
                   ("2026-12-01", "x-global", "retweets", 1004),
                   ("2026-12-01", "x-global", "engagement rate", 6.7),
                   # 22:30 UTC on 31 December is 1 January in Moscow.
                   ("2027-01-01", "x-global", "retweets", 5)}


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.text(string.printable + "ё,\"", max_size=12), max_size=5),
                max_size=6))
def test_any_csv_is_read_or_refused_with_a_location(tmp_path: Path, policy: Policy,
                                                   rows: list[list[str]]) -> None:
    path = tmp_path / "fuzz.csv"
    header = "date,channel,metric,value,message_id,received_at\n"
    path.write_text(header + "\n".join(",".join(r) for r in rows), encoding="utf-8")
    for reader in (read_metrics, read_inbox):
        try:
            reader([str(path)], policy, MOSCOW)
        except ReviewInputError as exc:
            assert str(exc.location).startswith(str(path))
