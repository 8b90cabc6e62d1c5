"""Response-time arithmetic against hand-computed cases: time zones, month edges, percentiles."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from governance.loader import load_policy
from governance.models.policy import Policy
from governance.review.inbox import read_inbox
from governance.review.periods import parse_month
from governance.review.responses import escalations, in_month, nearest_rank, per_channel

EXAMPLE = Path(__file__).resolve().parents[2] / "policies" / "example"
MOSCOW = ZoneInfo("Europe/Moscow")
HEADER = ("message_id,channel,received_at,responded_at,sentiment,category,escalated_to,"
          "escalated_at\n")


@pytest.fixture(scope="module")
def policy() -> Policy:
    loaded = load_policy(EXAMPLE).policy
    assert loaded is not None
    return loaded.policy


def inbox(tmp_path: Path, policy: Policy, rows: str) -> list:  # type: ignore[type-arg]
    path = tmp_path / "inbox.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return in_month(read_inbox([str(path)], policy, MOSCOW), parse_month("2026-12"), MOSCOW)


def test_month_edges_are_local_and_late_answers_keep_their_real_time(
        tmp_path: Path, policy: Policy) -> None:
    messages = inbox(tmp_path, policy, "\n".join([
        # 21:30 UTC on 30 November is 00:30 on 1 December in Moscow: December's.
        "a,tg-support,2026-11-30T21:30:00Z,2026-11-30T21:38:00Z,,,,",
        # 21:55 UTC on 31 December is 00:55 on 1 January in Moscow: not December's.
        "b,tg-support,2026-12-31T21:55:00Z,,,,,",
        # A naive time is Moscow time: 23:50 on 31 December, answered 40 minutes later, in 2027.
        "c,tg-support,2026-12-31 23:50,2027-01-01T00:30:00+03:00,,,,",
        # Offsets mix: received 10:00 Moscow, answered 07:05 UTC = 10:05 Moscow: 5 minutes.
        "d,tg-support,2026-12-10T10:00:00+03:00,2026-12-10T07:05:00Z,,,,",
        "e,tg-support,2026-12-11T10:00:00+03:00,,,,,",
    ]) + "\n")
    assert [m.id for m in messages] == ["a", "c", "d", "e"]
    [support] = per_channel(policy, messages)
    # 10-minute target: a (8) and d (5) within; c (40) late; e unanswered counts as late.
    assert (support.received, support.answered, support.within_target) == (4, 3, 2)
    assert support.share_within == 50
    assert (support.median_minutes, support.p90_minutes) == (8, 40)
    assert [m.id for m in support.unanswered] == ["e"]
    assert [m.id for m in support.late] == ["c", "e"]


def test_nearest_rank_percentile() -> None:
    assert nearest_rank(list(range(1, 11)), 90) == 9
    assert nearest_rank(list(range(1, 12)), 90) == 10  # ceil(9.9) = 10th of 11
    assert nearest_rank([7], 90) == 7
    assert nearest_rank([], 90) is None


def test_escalations_follow_the_route_of_their_category(tmp_path: Path, policy: Policy) -> None:
    negative = "негативное упоминание"
    messages = inbox(tmp_path, policy, "\n".join([
        f"ok,vk-community,2026-12-02 10:00,2026-12-02 10:05,negative,{negative},support-lead,"
        "2026-12-02 10:30",
        f"slow,vk-community,2026-12-02 10:00,2026-12-02 10:05,negative,{negative},support-lead,"
        "2026-12-02T07:31:00Z",
        f"wrong,vk-community,2026-12-02 10:00,,negative,{negative},smm-manager,2026-12-02 10:01",
        f"never,vk-community,2026-12-02 10:00,,negative,{negative},,",
        "other,vk-community,2026-12-02 10:00,,negative,,,",
    ]) + "\n")
    judged = {e.message.id: (e.minutes, e.on_time) for e in escalations(policy, messages)}
    assert judged == {"ok": (30, True), "slow": (31, False), "wrong": (None, False),
                      "never": (None, False)}
