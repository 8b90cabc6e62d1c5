"""iCalendar feeds: one post per VEVENT."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from calendar_helpers import DATA, Writer, ids, read, rules

from governance.calendars import CalendarError
from governance.findings import Location, Severity
from governance.models.post import PostWaiver


def ics(*events: str) -> str:
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n" for event in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n"


def test_events_become_posts() -> None:
    path = DATA / "good.ics"
    result = read(path, timezone="UTC")
    assert result.format == "ics" and result.findings == []
    launch, poll = result.posts
    assert launch.id == "launch-1"
    assert launch.publish_at == datetime(2026, 3, 2, 7, 0, tzinfo=timezone.utc)
    assert launch.text == "New roast, out today.\nTwo lines."
    assert launch.extra == {"summary": "Spring launch"}
    assert (launch.channel, launch.kind, launch.tags) == ("vk-main", "promo", ("launch",))
    assert launch.link == "https://example.com/roast"
    assert launch.author == "smm-manager"
    assert launch.sponsored is True and launch.approved_by == ("smm-lead", "legal")
    assert launch.waive == (PostWaiver("content.links", "launch week"),)
    assert launch.location == Location(str(path), 4, 1, "VEVENT 1")
    assert poll.text == "Morning poll: espresso or filter?"
    assert (poll.channel, poll.tags, poll.author) == ("tg-news", ("poll",), "agency")
    assert poll.location == Location(str(path), 17, 1, "VEVENT 2")


def test_all_day_and_floating_times_use_the_timezone(write: Writer) -> None:
    content = ics("UID:a\r\nDTSTART;VALUE=DATE:20260302\r\nCATEGORIES:vk",
                  "UID:b\r\nDTSTART:20260302T100000\r\nCATEGORIES:vk",
                  "UID:c\r\nDTSTART:20260302T100000Z\r\nCATEGORIES:vk")
    posts = read(write("plan.ics", content), timezone="Asia/Yekaterinburg").posts
    offsets = [p.publish_at.utcoffset() for p in posts]
    assert offsets == [timedelta(hours=5), timedelta(hours=5), timedelta(0)]
    assert posts[0].publish_at.hour == 0


def test_organizer_address_and_prefixed_categories(write: Writer) -> None:
    content = ics("UID:a\r\nDTSTART:20260302T100000Z\r\nSUMMARY:Hi\r\n"
                  "ORGANIZER:mailto:smm@example.com\r\n"
                  "CATEGORIES:news,Topic:coffee,tag:one\r\nCATEGORIES:channel:tg-news,two")
    post = read(write("plan.ics", content)).posts[0]
    assert post.author == "smm@example.com"
    assert (post.channel, post.topic) == ("tg-news", "coffee")
    assert post.tags == ("one", "news", "two")


def test_event_problems(write: Writer) -> None:
    content = ics(
        "UID:a\r\nDTSTART:not-a-date\r\nSUMMARY:x\r\nCATEGORIES:vk",
        "UID:b\r\nDTSTART:20260302T100000Z\r\nSUMMARY:no channel",
        "UID:c\r\nSUMMARY:no start\r\nCATEGORIES:vk",
        "UID:d\r\nDTSTART:20260302T100000Z\r\nCATEGORIES:vk\r\nRRULE:FREQ=DAILY",
        "UID:e\r\nDTSTART:20260302T100000Z\r\nCATEGORIES:vk\r\nX-SPONSORED:often",
        "UID:e\r\nDTSTART:20260303T100000Z\r\nCATEGORIES:vk",
        "UID:g\r\nDTSTART:20260303T100000Z\r\nCATEGORIES:vk\r\nSTATUS:CANCELLED",
    )
    result = read(write("plan.ics", content))
    found = [(f.rule, f.location.anchor if f.location else "") for f in result.findings]
    assert found == [
        ("calendar.bad-date", "VEVENT 1"),
        ("calendar.missing-field", "VEVENT 2"),
        ("calendar.missing-field", "VEVENT 3"),
        ("calendar.bad-value", "VEVENT 5"),
        ("calendar.duplicate-id", "VEVENT 6"),
    ]
    assert "'not-a-date'" in result.findings[0].message
    assert result.findings[3].severity is Severity.ERROR
    assert "VEVENT 5" in result.findings[-1].message
    # The daily event recurs over the span of the file's other events.
    assert ids(result) == ["d@20260302T100000Z", "d@20260303T100000Z", "e", "e"]


def test_missing_uid_and_default_channel(write: Writer) -> None:
    content = ics("DTSTART:20260302T100000Z\r\nSUMMARY:one", "DTSTART:20260302T110000Z")
    result = read(write("plan.ics", content), default_channel="vk-main")
    assert [(p.id, p.channel) for p in result.posts] == [("event-1", "vk-main"),
                                                          ("event-2", "vk-main")]


def test_a_broken_feed_is_a_finding(write: Writer) -> None:
    result = read(write("plan.ics", "hello\r\n"))
    assert result.posts == []
    assert rules(result) == ["calendar.syntax"]


@pytest.mark.parametrize(
    "content",
    ["", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
     "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261201T1000"],
)
def test_empty_or_truncated_feeds_are_an_error(write: Writer, content: str) -> None:
    with pytest.raises(CalendarError, match=r"^no posts in .*plan\.ics$"):
        read(write("plan.ics", content))


def test_multiple_calendars_in_one_file(write: Writer) -> None:
    one = ics("UID:a\r\nDTSTART:20260302T100000Z\r\nCATEGORIES:vk")
    two = ics("UID:b\r\nDTSTART:20260302T100000Z\r\nCATEGORIES:vk")
    result = read(write("plan.ics", one + two))
    assert [(p.id, p.location.anchor) for p in result.posts] == [("a", "VEVENT 1"),
                                                                 ("b", "VEVENT 2")]


RECURRING = (
    "UID:tip\r\nDTSTART:20260302T100000Z\r\nSUMMARY:Tip\r\nCATEGORIES:vk\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE:20260309T100000Z\r\nRDATE:20260320T100000Z",
    "UID:tip\r\nRECURRENCE-ID:20260316T100000Z\r\nDTSTART:20260316T120000Z\r\n"
    "SUMMARY:Tip moved\r\nCATEGORIES:vk",
    "UID:launch\r\nDTSTART:20260401T100000Z\r\nSUMMARY:Launch\r\nCATEGORIES:vk",
)


def test_recurring_events_are_one_post_per_occurrence(write: Writer) -> None:
    result = read(write("plan.ics", ics(*RECURRING)))
    assert result.findings == []
    assert [(p.id, p.publish_at.isoformat()[:16], p.text) for p in result.posts] == [
        ("tip@20260302T100000Z", "2026-03-02T10:00", "Tip"),
        ("tip@20260316T100000Z", "2026-03-16T12:00", "Tip moved"),
        ("tip@20260320T100000Z", "2026-03-20T10:00", "Tip"),
        ("tip@20260323T100000Z", "2026-03-23T10:00", "Tip"),
        ("launch", "2026-04-01T10:00", "Launch"),
    ]
    assert {p.location.anchor for p in result.posts[:4]} == {"VEVENT 1"}


def test_until_bounds_the_occurrences(write: Writer) -> None:
    result = read(write("plan.ics", ics(*RECURRING)), until=date(2026, 3, 16))
    assert ids(result) == ["tip@20260302T100000Z", "tip@20260316T100000Z", "launch"]


def test_an_endless_rule_stops_a_year_after_the_first_event(write: Writer) -> None:
    endless = "UID:d\r\nDTSTART;VALUE=DATE:20260302\r\nCATEGORIES:vk\r\nRRULE:FREQ=MONTHLY"
    result = read(write("plan.ics", ics(endless)))
    assert ids(result)[0] == "d@20260302" and len(result.posts) == 12
