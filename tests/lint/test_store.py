"""The post store: every field of a kept post reads back as the post had it, texts
in memory or on disk."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.findings import Location
from governance.lint.store import STORABLE, PostStore
from governance.models.post import Post, PostWaiver
from governance.rules.calendar.timeline import build
from governance.spill import TextSpill


@settings(max_examples=200, deadline=None)
@given(pairs=st.lists(st.tuples(st.text(), st.text()), max_size=30),
       spill_at=st.integers(0, 64), reads=st.lists(st.integers(0, 29), max_size=10))
def test_a_spilled_pair_reads_back_as_written(pairs: list[tuple[str, str]], spill_at: int,
                                              reads: list[int]) -> None:
    spill = TextSpill(spill_at)
    try:
        for row, (text, link) in enumerate(pairs):
            spill.append(text, link)
            # Reads between writes: the next pair still goes after the last one.
            for wanted in reads:
                if wanted <= row:
                    assert spill.get(wanted) == pairs[wanted][0]
                    assert spill.get(wanted, second=True) == pairs[wanted][1]
        assert len(spill) == len(pairs)
        assert [(spill.get(row), spill.get(row, second=True))
                for row in range(len(pairs))] == pairs
    finally:
        spill.close()


def test_a_replaced_pair_reads_back_and_its_neighbours_stay() -> None:
    spill = TextSpill(8)
    try:
        for n in range(5):
            spill.append(f"текст {n}", f"https://example.org/{n}")
        spill.replace(2, "Исправлено")
        spill.replace(3, "", "")
        assert [(spill.get(r), spill.get(r, second=True)) for r in range(5)] == [
            ("текст 0", "https://example.org/0"), ("текст 1", "https://example.org/1"),
            ("Исправлено", ""), ("", ""), ("текст 4", "https://example.org/4")]
        assert spill.on_disk
    finally:
        spill.close()


_ZONES = [None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=5, minutes=30)),
          dt.timezone(dt.timedelta(hours=-3)), ZoneInfo("Europe/Berlin"),
          ZoneInfo("America/Sao_Paulo")]
_words = st.text(alphabet=st.sampled_from("ab кофе☕👋 \n"), max_size=12)
_names = st.sampled_from(["", "promo", "news", "a.b", "Ünïcode", "x" * 40])


@st.composite
def _moments(draw: st.DrawFn) -> dt.datetime:
    naive = draw(st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)))
    zone = draw(st.sampled_from(_ZONES))
    return naive.replace(tzinfo=zone, fold=draw(st.integers(0, 1)))


@st.composite
def _locations(draw: st.DrawFn) -> Location:
    file = draw(st.sampled_from(["a.csv", "b/cal.xlsx", ""]))
    if draw(st.booleans()):
        return Location(file, draw(st.integers(0, 2**40)), 1)
    return Location(file, draw(st.integers(0, 50)), draw(st.integers(0, 9)),
                    draw(st.sampled_from(["", "Sheet1!A12", "VEVENT 3"])))


_posts = st.builds(
    Post, id=st.text(max_size=8), publish_at=_moments(), channel=_names, author=_names,
    text=_words, link=_words, sponsored=st.booleans(), kind=_names,
    approved_by=st.lists(_names, max_size=3).map(tuple), topic=_names,
    tags=st.lists(_names, max_size=3).map(tuple), media=st.lists(_names, max_size=2).map(tuple),
    alt_text=_words,
    waive=st.lists(st.builds(PostWaiver, _names, _words), max_size=2).map(tuple),
    action=st.sampled_from(["post", "repost", "quote", "reply"]), target=_words,
    location=_locations(), field_locations=st.just({}),
    extra=st.dictionaries(_names, _words, max_size=2))
_FIELDS = [f.name for f in dataclasses.fields(Post)]


@settings(max_examples=150, deadline=None)
@given(posts=st.lists(_posts, max_size=25), spill_at=st.integers(0, 200),
       kept=st.sets(st.sampled_from(sorted(STORABLE))))
def test_a_kept_post_reads_as_the_post_it_copies(posts: list[Post], spill_at: int,
                                                 kept: set[str]) -> None:
    store = PostStore(frozenset(kept), spill_at=spill_at)
    empty = Post(id="", publish_at=dt.datetime(2026, 1, 1), channel="")
    try:
        for post in posts:
            store.add(post)
        assert len(store.posts) == len(posts)
        for copy, post in zip(store.posts, posts, strict=True):
            for name in _FIELDS:
                expected = getattr(post, name) if name in kept | {
                    "id", "publish_at", "channel", "location"} else getattr(empty, name)
                if name == "field_locations":
                    expected = {}
                assert getattr(copy, name) == expected, name
            assert copy.publish_at.tzinfo is post.publish_at.tzinfo or \
                copy.publish_at.utcoffset() == post.publish_at.utcoffset()
            assert copy.publish_at.isoformat() == post.publish_at.isoformat()
            assert copy.location_of("text") == post.location
    finally:
        store.close()


def test_a_store_past_its_spill_size_keeps_texts_on_disk_and_reads_them() -> None:
    store = PostStore(spill_at=100)  # a few posts' worth
    when = dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc)
    texts = [f"Пост {n}: кофе ☕ и новости" for n in range(50)]
    try:
        for n, text in enumerate(texts):
            store.add(Post(id=f"p{n}", publish_at=when, channel="x", text=text,
                           link=f"https://example.org/{n}" if n % 2 else ""))
        assert store._spill.on_disk
        assert [post.text for post in store.posts] == texts
        assert [post.link for post in store.posts][:2] == ["", "https://example.org/1"]
    finally:
        store.close()


def test_a_kept_post_is_not_written_to() -> None:
    store = PostStore()
    store.add(Post(id="p1", publish_at=dt.datetime(2026, 3, 2, 10), channel="x", text="a"))
    with pytest.raises(AttributeError):
        store.posts[0].text = "b"
    store.close()


def test_equal_values_are_kept_once() -> None:
    store = PostStore()
    for n in range(1000):
        offset = dt.timezone(dt.timedelta(hours=3))  # each row's own, equal, zone
        store.add(Post(id=f"p{n}", publish_at=dt.datetime(2026, 3, 2, 10, tzinfo=offset),
                       channel="x", kind="promo" if n % 2 else "news",
                       tags=("a", "b"), location=Location("c.csv", n + 2, 1)))
    try:
        # Every time in one zone, every post by nobody: no column at all.
        assert store._zones.values == [(dt.timezone(dt.timedelta(hours=3)), 0)]
        assert store._zones.rows is None
        assert store._interned["author"].rows is None
        assert store._interned["kind"].values == ["news", "promo"]
        assert store._interned["kind"].rows is not None
        assert store.posts[999].location == Location("c.csv", 1001, 1)
    finally:
        store.close()


def _kept(posts: list[Post]) -> PostStore:
    store = PostStore(frozenset({"text"}))
    for post in posts:
        store.add(post)
    return store


def test_stored_posts_read_as_a_list_each_made_when_read() -> None:
    posts = [Post(id=f"p{n}", publish_at=dt.datetime(2026, 3, 2, n), channel="x")
             for n in range(5)]
    store = _kept(posts)
    try:
        kept = store.posts
        assert len(kept) == 5
        assert [p.id for p in kept] == ["p0", "p1", "p2", "p3", "p4"]
        assert (kept[-1].id, kept[0].id) == ("p4", "p0")
        assert [p.id for p in kept[1:4:2]] == ["p1", "p3"]
        assert kept[2] == kept[2] and kept[2] is not kept[2]  # equal reads of one row
        assert kept[2] != kept[3] and len({kept[2], kept[2], kept[3]}) == 2
        with pytest.raises(IndexError):
            kept[5]
        with pytest.raises(IndexError):
            kept[-6]
    finally:
        store.close()


_in_range = st.datetimes(min_value=dt.datetime(1900, 1, 2), max_value=dt.datetime(2999, 12, 30))


@st.composite
def _timed(draw: st.DrawFn) -> Post:
    moment = draw(_in_range).replace(tzinfo=draw(st.sampled_from(_ZONES)),
                                     fold=draw(st.integers(0, 1)))
    return Post(id=draw(st.text(max_size=4)), publish_at=moment,
                channel=draw(st.sampled_from(["a", "b", "c"])), text=draw(_words))


@settings(max_examples=150, deadline=None)
@given(posts=st.lists(_timed(), max_size=30),
       zone=st.sampled_from([ZoneInfo("Europe/Berlin"), dt.timezone.utc,
                             ZoneInfo("Australia/Lord_Howe")]))
def test_a_timeline_of_stored_posts_is_that_of_the_posts(posts: list[Post],
                                                         zone: dt.tzinfo) -> None:
    store = _kept(posts)
    try:
        known = store.posts.instants()  # type: ignore[attr-defined]
        for instant, post in zip(known, posts, strict=True):
            if type(post.publish_at.tzinfo) is dt.timezone:
                assert instant == post.publish_at.timestamp()
            else:
                assert instant != instant  # NaN: the timeline asks the post
        stored, direct = build(store.posts, zone), build(posts, zone)
        for lane, expected in [(stored.everything, direct.everything),
                               *zip(stored.channels.values(), direct.channels.values(),
                                    strict=True)]:
            assert [p.id for p in lane.posts] == [p.id for p in expected.posts]
            assert [p.text for p in lane.posts] == [p.text for p in expected.posts]
            assert list(lane.instants) == list(expected.instants)
            assert list(lane.days) == list(expected.days)
        assert sorted(stored.channels) == sorted(direct.channels)
    finally:
        store.close()
