"""The shared parts of the calendar rules, checked against slow obvious versions.

Local days against ``astimezone`` in zones with daylight saving and odd
offsets; repeated texts against comparing every pair of posts, so the
pigeonhole filter misses no near-duplicate; windows against counting each
window from scratch.
"""

from __future__ import annotations

import datetime as dt
import random
from array import array
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from governance.models.post import Post
from governance.rules.calendar import similarity as similarity_module
from governance.rules.calendar.similarity import repeats, words
from governance.rules.calendar.timeline import Lane, Picked, build
from governance.rules.calendar.windows import ShareLimit, overshares


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                                  "Asia/Kathmandu", "UTC"])
def test_local_days_match_astimezone(zone: str) -> None:
    tz, rng = ZoneInfo(zone), random.Random(zone)
    posts = []
    for n in range(3000):
        offset = dt.timezone(dt.timedelta(minutes=rng.randrange(-720, 841, 15)))
        moment = dt.datetime(2024, 1, 1, tzinfo=offset) + dt.timedelta(
            minutes=rng.randrange(60 * 24 * 365 * 3))
        posts.append(Post(id=str(n), publish_at=moment, channel="c"))
    posts.append(Post(id="naive", publish_at=dt.datetime(2025, 3, 30, 2, 30), channel="c"))
    calendar = build(posts, tz)
    for post, day in zip(calendar.everything.posts, calendar.everything.days, strict=True):
        moment = post.publish_at
        expected = (moment.astimezone(tz) if moment.tzinfo else moment).toordinal()
        assert day == expected, post.publish_at
    assert list(calendar.everything.instants) == sorted(calendar.everything.instants)


@pytest.mark.parametrize("arrangement", ["in order", "shuffled", "reversed"])
def test_lanes_are_a_stable_sort_by_time_per_channel(arrangement: str) -> None:
    rng = random.Random(arrangement)
    start = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    # Few distinct times, so ties abound: a tie keeps the calendar's order.
    moments = sorted(start + dt.timedelta(hours=rng.randrange(40)) for _ in range(400))
    posts = [Post(id=str(n), publish_at=moment, channel=rng.choice("abc"))
             for n, moment in enumerate(moments)]
    if arrangement == "shuffled":
        rng.shuffle(posts)
    elif arrangement == "reversed":
        posts.reverse()
    calendar = build(posts, ZoneInfo("UTC"))
    expected = sorted(posts, key=lambda post: post.publish_at)  # stable
    assert list(calendar.everything.posts) == expected
    assert list(calendar.everything.instants) == [p.publish_at.timestamp() for p in expected]
    assert sorted(calendar.channels) == ["a", "b", "c"]
    for channel, lane in calendar.channels.items():
        chosen = [p for p in expected if p.channel == channel]
        assert list(lane.posts) == chosen
        assert list(lane.instants) == [p.publish_at.timestamp() for p in chosen]
        assert list(lane.days) == [p.publish_at.toordinal() for p in chosen]


VOCABULARY = [f"w{n}" for n in range(40)]


def _corpus(rng: random.Random, size: int) -> list[Post]:
    """Texts built from a few templates with small edits, so near-duplicates abound."""
    templates = [rng.sample(VOCABULARY, rng.randint(3, 25)) for _ in range(6)]
    posts = []
    for n in range(size):
        text = list(rng.choice(templates))
        for _ in range(rng.randint(0, 3)):
            edit = rng.random()
            if edit < 0.4 and text:
                text.pop(rng.randrange(len(text)))
            elif edit < 0.8:
                text.insert(rng.randrange(len(text) + 1), rng.choice(VOCABULARY))
            else:
                text = [w.upper() for w in text] + ["https://x.example/" + str(n)]
        moment = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc) + dt.timedelta(
            hours=rng.randrange(24 * 60))
        posts.append(Post(id=f"p{n}", publish_at=moment, channel="c", text=" ".join(text)))
    return posts


def _brute_force(lane: Lane, similarity: float, window_days: int) -> set[frozenset[int]]:
    threshold = Fraction(repr(similarity))
    sets = [frozenset(words(p.text)) for p in lane.posts]
    texts = [words(p.text) for p in lane.posts]
    parent = list(range(len(lane)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(lane)):
        for j in range(i):
            if not sets[i] or not sets[j]:
                continue
            if lane.instants[i] - lane.instants[j] > window_days * 86400:
                continue
            shared = len(sets[i] & sets[j])
            union = len(sets[i] | sets[j])
            same = texts[i] == texts[j]
            near = threshold < 1 and shared * threshold.denominator >= threshold.numerator * union
            if same or near:
                parent[find(i)] = find(j)
    groups: dict[int, set[int]] = {}
    for i in range(len(lane)):
        groups.setdefault(find(i), set()).add(i)
    return {frozenset(g) for g in groups.values() if len(g) > 1}


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("similarity", [1.0, 0.9, 0.75, 0.5])
@pytest.mark.parametrize(("split", "sweep"), [(2, 5), (similarity_module.SPLIT,
                                                 similarity_module.SWEEP_FROM)])
def test_repeats_match_all_pairs(seed: int, similarity: float, split: int, sweep: int,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Also with range keys crowded from their third text on and what left the window
    swept out all the time, so those paths are checked as thoroughly as the plain one."""
    monkeypatch.setattr(similarity_module, "SPLIT", split)
    monkeypatch.setattr(similarity_module, "SWEEP_FROM", sweep)
    posts = _corpus(random.Random(seed), 160)
    lane = build(posts, ZoneInfo("UTC")).everything
    found = {frozenset(r.positions): r.identical for r in repeats(lane, similarity, 10)}
    assert set(found) == _brute_force(lane, similarity, 10)
    # A group is identical when its posts' words are: texts swept out stay known for repeats.
    for group, identical in found.items():
        assert identical == (len({tuple(words(lane.posts[p].text)) for p in group}) == 1)


def _windows_from_scratch(lane: Lane, flags: list[bool], limit: ShareLimit, first: int,
                          last: int) -> list[bool]:
    width = min(limit.window_days, last - first + 1)
    over = []
    for start in range(first, last - width + 2):
        inside = [f for d, f in zip(lane.days, flags, strict=True) if start <= d < start + width]
        over.append(len(inside) >= limit.min_posts
                    and 100 * sum(inside) > limit.max_percent * len(inside))
    return over


@pytest.mark.parametrize("seed", range(20))
def test_share_windows_match_counting_each_window(seed: int) -> None:
    rng = random.Random(seed)
    posts = [Post(id=f"p{n}", channel="c", kind=rng.choice(["promo", "news", "news"]),
                  publish_at=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
                  + dt.timedelta(hours=rng.randrange(24 * 40)))
             for n in range(rng.randint(5, 120))]
    calendar = build(posts, ZoneInfo("UTC"))
    lane = calendar.everything
    flags = [p.kind == "promo" for p in lane.posts]
    limit = ShareLimit(rng.choice([20, 33.3, 50]), rng.randint(1, 15), rng.randint(1, 8))
    over = _windows_from_scratch(lane, flags, limit, calendar.first_day, calendar.last_day)
    runs = overshares(lane, flags, limit, calendar)
    width = min(limit.window_days, calendar.last_day - calendar.first_day + 1)
    covered = [False] * len(over)
    for run in runs:
        for start in range(run.first_day, run.last_day - width + 2):
            covered[start - calendar.first_day] = True
        assert run.posts and all(p.kind == "promo" for p in run.posts)
    assert covered == over
    assert len(runs) == sum(1 for i, o in enumerate(over) if o and (i == 0 or not over[i - 1]))


def _count_comparisons(posts: list[Post], monkeypatch: pytest.MonkeyPatch) -> int:
    calls = 0
    similar = similarity_module._Finder._similar

    def counted(self: object, *args: object) -> bool:
        nonlocal calls
        calls += 1
        return bool(similar(self, *args))  # type: ignore[arg-type]

    monkeypatch.setattr(similarity_module._Finder, "_similar", counted)
    repeats(build(posts, ZoneInfo("UTC")).everything, 0.9, 30)
    return calls


def test_near_copies_cost_a_comparison_each(monkeypatch: pytest.MonkeyPatch) -> None:
    text = " ".join(f"word{i}" for i in range(30))
    posts = [Post(id=str(n), channel="c", text=f"{text} n{n}",
                  publish_at=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
                  + dt.timedelta(minutes=10 * n)) for n in range(2000)]
    assert _count_comparisons(posts, monkeypatch) < 2 * len(posts)


def test_fillings_of_one_template_are_not_compared_pairwise(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    template = [f"word{i}" for i in range(25)]
    fillers = [f"v{i}" for i in range(1000)]
    posts = [Post(id=str(n), channel="c", text=" ".join(template + rng.sample(fillers, 5)),
                  publish_at=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
                  + dt.timedelta(minutes=10 * n)) for n in range(2000)]
    # All pairs would be 1,000 a post; those sharing a rare word are about 50.
    assert _count_comparisons(posts, monkeypatch) < 100 * len(posts)


def test_picked_posts_read_as_the_list_they_pick_from() -> None:
    posts = [Post(id=f"p{n}", publish_at=dt.datetime(2026, 3, 2, 10), channel="a")
             for n in range(6)]
    picked = Picked(posts, array("I", [4, 1, 3]))
    assert [p.id for p in picked] == ["p4", "p1", "p3"]
    assert (picked[0].id, picked[-1].id, [p.id for p in picked[1:]]) == ("p4", "p3", ["p1", "p3"])
    again = Picked(picked, [2, 0])  # a pick of a pick reads the first list's posts
    assert [p.id for p in again] == ["p3", "p4"]
    with pytest.raises(IndexError):
        picked[3]
