"""``action`` and ``target``: what a post does (post, repost, quote, reply) and to which post."""

from __future__ import annotations

from calendar_helpers import Writer, only, read, where
from hypothesis import given
from hypothesis import strategies as st

from governance.calendars.fields import parse_action
from governance.findings import Severity
from governance.models.post import ACTIONS

RELEASE = "https://x.com/kubernetesio/status/1850000000000000000"


def test_csv_actions_any_case_empty_is_a_post(write: Writer) -> None:
    content = (
        "id,publish_at,channel,text,action,target\r\n"
        f"a,2026-03-02 10:00,x,Release,,\r\n"
        f"b,2026-03-02 10:05,x,,Repost, {RELEASE} \r\n"
        f"c,2026-03-02 11:30,x,Our take,QUOTE,{RELEASE}\r\n"
        f"d,2026-03-02 12:00,x,Thanks!,reply,{RELEASE}\r\n"
    )
    result = read(write("plan.csv", content))
    assert result.findings == []
    assert [(p.action, p.target) for p in result.posts] == [
        ("post", ""), ("repost", RELEASE), ("quote", RELEASE), ("reply", RELEASE)]


def test_csv_unknown_action_is_a_finding_at_its_cell(write: Writer) -> None:
    content = "id,publish_at,channel,text,action\r\na,2026-03-02 10:00,x,Hi,retweet\r\n"
    result = read(write("plan.csv", content))
    finding = only(result, "calendar.bad-value")
    assert finding.severity is Severity.ERROR and where(finding) == (2, 25)
    assert finding.message == ("action 'retweet' is not one of post, repost, quote, reply or "
                               "empty (a post); read as a post")
    assert [p.action for p in result.posts] == ["post"]


def test_yaml_actions_and_targets(write: Writer) -> None:
    content = f"""\
posts:
  - {{id: a, publish_at: 2026-03-02 10:00, channel: x, action: repost, target: "{RELEASE}"}}
  - {{id: b, publish_at: 2026-03-02 11:00, channel: x, action: Quote, target: "{RELEASE}"}}
  - {{id: c, publish_at: 2026-03-02 12:00, channel: x}}
  - {{id: d, publish_at: 2026-03-02 13:00, channel: x, action: boost, target: 7}}
"""
    result = read(write("plan.yaml", content))
    assert [(p.id, p.action, p.target) for p in result.posts] == [
        ("a", "repost", RELEASE), ("b", "quote", RELEASE), ("c", "post", ""), ("d", "post", "")]
    assert [(f.message.split(";")[0], where(f)) for f in result.findings] == [
        ("action 'boost' is not one of post, repost, quote, reply or empty (a post)", (5, 63)),
        ("target must be text, not a number (7)", (5, 78)),
    ]


def test_ics_x_action_and_x_target(write: Writer) -> None:
    content = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:q\r\nDTSTART:20260302T100000Z\r\nCATEGORIES:x\r\n"
        f"DESCRIPTION:Our take\r\nX-ACTION:quote\r\nX-TARGET:{RELEASE}\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    result = read(write("plan.ics", content))
    assert result.findings == []
    assert [(p.action, p.target) for p in result.posts] == [("quote", RELEASE)]


@given(st.text(max_size=12))
def test_parse_action_is_an_action_or_none(value: str) -> None:
    action = parse_action(value)
    assert action is None or action in ACTIONS
    assert (action is not None) == (value.strip().lower() in (*ACTIONS, ""))
