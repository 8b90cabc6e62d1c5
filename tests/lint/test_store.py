"""The post store's text spill: every text comes back as it went in, in memory or on disk."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from governance.lint.store import PostStore, TextSpill
from governance.models.post import Post


@settings(max_examples=200, deadline=None)
@given(pairs=st.lists(st.tuples(st.text(), st.text()), max_size=30),
       spill_at=st.integers(0, 64), reads=st.lists(st.integers(0, 29), max_size=10))
def test_a_spilled_pair_reads_back_as_written(pairs: list[tuple[str, str]], spill_at: int,
                                              reads: list[int]) -> None:
    spill = TextSpill(spill_at)
    keys: list[int] = []
    try:
        for position, (text, link) in enumerate(pairs):
            keys.append(spill.put(text, link))
            # Reads between writes: the next pair still goes after the last one.
            for wanted in reads:
                if wanted <= position:
                    assert spill.get(keys[wanted]) == pairs[wanted][0]
                    assert spill.get(keys[wanted], second=True) == pairs[wanted][1]
        assert [(spill.get(key), spill.get(key, second=True)) for key in keys] == pairs
    finally:
        spill.close()


def test_a_store_past_its_spill_size_keeps_texts_on_disk_and_reads_them() -> None:
    store = PostStore(spill_at=100)  # a few posts' worth
    when = dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc)
    texts = [f"Пост {n}: кофе ☕ и новости" for n in range(50)]
    try:
        for n, text in enumerate(texts):
            store.add(Post(id=f"p{n}", publish_at=when, channel="x", text=text,
                           link=f"https://example.org/{n}" if n % 2 else ""))
        assert store._spill._file._rolled  # moved to a temporary file
        assert [post.text for post in store.posts] == texts
        assert [post.link for post in store.posts][:2] == ["", "https://example.org/1"]
        kept = store.posts[3]
        kept.text = "Исправлено"  # a rule never writes, but a post stays a post
        assert (kept.text, kept.link) == ("Исправлено", "https://example.org/3")
        kept.link = ""
        assert (kept.text, kept.link, store.posts[4].text) == ("Исправлено", "", texts[4])
    finally:
        store.close()
