"""YAML, JSON and JSON Lines calendars."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from calendar_helpers import DATA, Writer, column_of, ids, only, read, rules, where

from governance.calendars import CalendarError
from governance.findings import Location, Severity
from governance.models.post import PostWaiver

# ----------------------------------------------------------------------- YAML


def test_yaml_mapping_form() -> None:
    result = read(DATA / "good.yaml", timezone="Europe/Moscow")
    assert result.format == "yaml" and result.findings == []
    y1, y2 = result.posts
    assert y1.publish_at.utcoffset() == timedelta(hours=3)
    assert y1.tags == ("poll", "coffee") and y1.kind == "engagement"
    assert y2.publish_at == datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    assert y2.text == "New roast, out today.\nTwo lines.\n"
    assert y2.sponsored is True and y2.approved_by == ("smm-lead", "legal")
    assert y2.waive == (PostWaiver("content.links", "launch week"),)
    assert y2.extra == {"campaign": "spring"}
    assert y1.location == Location(str(DATA / "good.yaml"), 3, 5)
    assert y2.location_of("text") == Location(str(DATA / "good.yaml"), 13, 11)


def test_yaml_list_form_with_merge_keys(write: Writer) -> None:
    content = """\
- &base
  id: a
  publish_at: 2026-03-02 10:00
  channel: vk
  author: ann
- <<: *base
  id: b
  text: Merged
"""
    result = read(write("plan.yml", content))
    assert result.findings == []
    assert [(p.id, p.channel, p.author, p.text) for p in result.posts] == [
        ("a", "vk", "ann", ""), ("b", "vk", "ann", "Merged")]


def test_yaml_problems_point_at_their_values(write: Writer) -> None:
    content = """\
posts:
  - id: a
    publish_at: 2026-03-02 10:00
    channel: vk
    text: one
    text: two
  - id: 7
    publish_at: 2026-03-02
    channel: vk
  - id: c
    publish_at: soon
    channel: vk
  - id: d
    publish_at: 2026-03-02
    channel: vk
    author: no
    sponsored: perhaps
    tags: {a: 1}
    chanel: typo
  - just a string
  - id: a
    publish_at: 2026-03-03
    channel: vk
"""
    result = read(write("plan.yaml", content))
    found = {f.rule: f for f in result.findings}
    assert where(found["calendar.duplicate-key"]) == (6, 5)
    assert "line 5" in found["calendar.duplicate-key"].message
    assert where(found["calendar.bad-date"]) == (11, 17)
    assert where(found["calendar.unknown-column"]) == (19, 13)
    assert found["calendar.unknown-column"].severity is Severity.WARNING
    assert where(found["calendar.bad-row"]) == (20, 5)
    assert where(found["calendar.duplicate-id"]) == (21, 5)
    bad_values = [f for f in result.findings if f.rule == "calendar.bad-value"]
    bad_values.sort(key=where)
    assert [where(f) for f in bad_values] == [(7, 9), (16, 13), (17, 16), (18, 11)]
    assert "quote it" in bad_values[0].message and "a boolean" in bad_values[1].message
    assert ids(result) == ["a", "d", "a"]
    assert result.posts[0].text == "one"
    assert result.posts[1].author == "" and result.posts[1].tags == ()


@pytest.mark.parametrize(
    ("content", "rule"),
    [
        ("posts: [", "calendar.syntax"),
        ("- a: 1\n b: 2\n", "calendar.syntax"),
        ("a: 1\n---\nb: 2\n", "calendar.syntax"),
        ("!!python/object:os.system {}\n", "calendar.bad-value"),
        ("!!python/object/apply:os.system [echo]\n", "calendar.bad-value"),
        ("- !!python/object/apply:os.system [echo]\n", "calendar.bad-value"),
        ("just text\n", "calendar.bad-value"),
        ("posts: 3\n", "calendar.bad-value"),
        ("other: []\n", "calendar.bad-value"),
        ("[" * 5000 + "]" * 5000, "calendar.syntax"),
        ("- " * 100000 + "x\n", "calendar.syntax"),
        ("[" * 100000 + "]" * 100000, "calendar.syntax"),
    ],
)
def test_yaml_that_is_not_a_calendar(write: Writer, content: str, rule: str) -> None:
    result = read(write("plan.yaml", content))
    assert result.posts == []
    assert rule in rules(result)


@pytest.mark.parametrize("content", ["", "# nothing\n", "posts: []\n", "[]\n", "posts:\n"])
def test_empty_yaml(write: Writer, content: str) -> None:
    with pytest.raises(CalendarError, match=r"^no posts in "):
        read(write("plan.yaml", content))


def test_yaml_alias_bombs_stay_small(write: Writer) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]"
              for i in range(8)]
    lines.append("posts:\n  - {id: p, publish_at: 2026-03-02, channel: vk, tags: *i}")
    result = read(write("bomb.yaml", "\n".join(lines) + "\n"))
    assert "calendar.bad-value" in rules(result)
    assert ids(result) == ["p"]


def test_yaml_timestamps_with_offsets(write: Writer) -> None:
    content = "- {id: a, publish_at: 2026-03-02 10:00:00 +05:00, channel: vk}\n"
    post = read(write("plan.yaml", content), timezone="Europe/Moscow").posts[0]
    assert post.publish_at == datetime(2026, 3, 2, 5, 0, tzinfo=timezone.utc)


# ----------------------------------------------------------------------- JSON


def test_json_list_form() -> None:
    result = read(DATA / "good.json")
    assert result.format == "json" and result.findings == []
    j1, j2 = result.posts
    assert j1.tags == ("a", "b") and j1.sponsored is False
    assert j2.sponsored is True
    assert [where_post.location.line for where_post in result.posts] == [2, 4]
    assert j2.location.column == 3


def test_json_mapping_form_and_its_problems(write: Writer) -> None:
    content = """{
  "version": 2,
  "posts": [
    {"id": "a", "publish_at": "2026-03-02T10:00Z", "channel": "vk", "text": "x", "text": "y"},
    {"id": "b", "publish_at": 1767000000, "channel": "vk"},
    {"id": "c", "publish_at": "2026-03-02", "channel": "vk", "approved_by": [1, 2]},
    "text"
  ]
}
"""
    result = read(write("plan.json", content))
    found = [(f.rule, where(f)) for f in result.findings]
    assert found == [
        ("calendar.bad-value", (2, 3)),
        ("calendar.duplicate-key", (4, 5)),
        ("calendar.bad-date", (5, 5)),
        ("calendar.bad-value", (6, 5)),
        ("calendar.bad-row", (7, 5)),
    ]
    assert result.posts[0].text == "y"
    assert ids(result) == ["a", "c"]


@pytest.mark.parametrize(
    ("content", "line", "kept"),
    [
        ('[{"id": "a", "publish_at": "2026-03-02", "channel": "vk"},\n {"id": }]', 2, 1),
        ('[{"id": "a", "publish_at": "2026-03-02", "channel": "vk"}\n {"id": "b"}]', 2, 1),
        ('{"posts": [], "x": }', 1, 0),
        ('[{"id": "a", "publish_at": "2026-03-02", "channel": "vk"}] trailing', 1, 1),
        ("[" * 100000, 1, 0),
        ('{"posts": [', 1, 0),
    ],
)
def test_json_syntax_errors_keep_the_posts_before_them(
    write: Writer, content: str, line: int, kept: int
) -> None:
    result = read(write("plan.json", content))
    assert where(only(result, "calendar.syntax"))[0] == line
    assert len(result.posts) == kept


@pytest.mark.parametrize("content", ["", "  \n", "[]", '{"posts": []}', "{}"])
def test_empty_json(write: Writer, content: str) -> None:
    with pytest.raises(CalendarError, match=r"^no posts in "):
        read(write("plan.json", content))


def test_json_scalar_document(write: Writer) -> None:
    assert rules(read(write("plan.json", "42"))) == ["calendar.bad-value", "calendar.empty"]


# ---------------------------------------------------------------- JSON Lines


def test_jsonl() -> None:
    result = read(DATA / "good.jsonl")
    assert result.format == "jsonl" and result.findings == []
    assert [(p.id, p.location.line) for p in result.posts] == [("l1", 1), ("l2", 3)]
    assert result.posts[1].approved_by == ("smm-lead",)


def test_jsonl_bad_lines_do_not_stop_the_reading(write: Writer) -> None:
    broken = '{"id": "b", "publish_at": "2026-03-02", "channel": "vk", oops}'
    content = (
        '{"id": "a", "publish_at": "2026-03-02", "channel": "vk"}\r\n'
        f"{broken}\r\n"
        "[1, 2]\r\n"
        '{"id": "a", "publish_at": "2026-03-03", "channel": "vk", "sponsored": "si"}\r\n'
        '{"id": "e", "channel": "vk"}\r\n'
    )
    result = read(write("plan.jsonl", content))
    found = [(f.rule, where(f)) for f in result.findings]
    assert found == [
        ("calendar.syntax", (2, column_of(broken, "oops"))),
        ("calendar.bad-row", (3, 1)),
        ("calendar.duplicate-id", (4, 1)),
        ("calendar.bad-value", (4, 1)),
        ("calendar.missing-field", (5, 1)),
    ]
    assert ids(result) == ["a", "a"]


def test_jsonl_column_mapping_and_default_channel(write: Writer) -> None:
    content = '{"Post": "a", "When": "05.03.2026 10:00", "Body": "hi"}\n'
    result = read(write("plan.ndjson", content),
                  columns={"post": "id", "when": "publish_at", "body": "text"},
                  default_channel="tg-news")
    assert result.findings == []
    assert [(p.id, p.channel, p.text) for p in result.posts] == [("a", "tg-news", "hi")]


def test_empty_jsonl(write: Writer) -> None:
    with pytest.raises(CalendarError, match=r"^no posts in "):
        read(write("plan.jsonl", "\n\n"))


# ------------------------------------------------- agreement with PostRecord

BASE = {"id": "a", "publish_at": "2026-03-02T10:00:00+03:00", "channel": "vk"}


@pytest.mark.parametrize(
    "change",
    [
        {}, {"text": "hi", "sponsored": True, "tags": ["a"], "waive": ["x: y"]},
        {"id": 7}, {"author": False}, {"text": ["a"]}, {"tags": {"a": 1}}, {"tags": [1]},
        {"publish_at": "soon"}, {"sponsored": "perhaps"}, {"channel": None},
        {"approved_by": ["smm-lead", "legal"], "link": "https://example.com"},
    ],
)
def test_json_entries_follow_post_record(write: Writer, change: dict[str, object]) -> None:
    import json

    from pydantic import ValidationError

    from governance.models.post import PostRecord

    record = {**BASE, **change}
    try:
        PostRecord.model_validate(record)
        schema_ok = True
    except ValidationError:
        schema_ok = False
    result = read(write("plan.json", json.dumps([record])))
    assert (result.findings == []) is schema_ok, result.findings
