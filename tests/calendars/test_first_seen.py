"""The compact index of post ids answers as a dict of first places would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from governance.calendars.first_seen import FirstSeen
from governance.findings import Location

_ids = st.text(alphabet=st.sampled_from("pP0129-_ кофе☕\ud800"), max_size=6)
_places = st.one_of(st.integers(-3, 10**12),
                    st.builds(Location, st.just("c.xlsx"), st.just(0), st.just(0),
                              st.sampled_from(["Sheet1!A2", "VEVENT 3"])))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_ids, _places), max_size=200), st.sampled_from([1, 2, 7, 10**6]))
def test_first_places_are_those_a_dict_keeps(seen: list[tuple[str, int | Location]],
                                             small: int) -> None:
    index, expected = FirstSeen(small), {}
    for post_id, place in seen:
        assert index.first(post_id, place) == expected.get(post_id)
        expected.setdefault(post_id, place)
    assert len(index) == len(expected)


def test_the_table_grows_and_keeps_every_id() -> None:
    index = FirstSeen(small=100)
    for n in range(5000):
        assert index.first(f"P{n:06d}", n + 2) is None
    assert [index.first(f"P{n:06d}", 0) for n in range(0, 5000, 499)] == \
        [n + 2 for n in range(0, 5000, 499)]
    assert index.first("P999999", 7) is None


class _Colliding(str):
    """Ids whose hash is all alike: the table must tell them apart by their text."""

    __slots__ = ()

    def __hash__(self) -> int:
        return 42


def test_ids_with_one_hash_are_told_apart() -> None:
    index = FirstSeen(small=1)
    ids = [_Colliding(f"id{n}") for n in range(50)]
    for line, post_id in enumerate(ids, start=2):
        assert index.first(post_id, line) is None
    assert [index.first(post_id, 0) for post_id in ids] == list(range(2, 52))
