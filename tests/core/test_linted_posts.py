"""The posts a run lints, kept for JUnit: read back as they were appended, in order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance import spill
from governance.report import LintedPosts

PAIRS = st.lists(st.tuples(st.sampled_from(["plan.csv", "a/b.xlsx", "", "é.yaml"]),
                           st.text(max_size=12)), max_size=40)


@settings(max_examples=100, deadline=None)
@given(PAIRS)
def test_posts_read_back_as_appended(pairs: list[tuple[str, str]]) -> None:
    posts = LintedPosts()
    for pair in pairs:
        posts.append(pair)
    assert len(posts) == len(pairs)
    assert list(posts) == pairs
    assert list(posts) == pairs  # read again: nothing consumed


def test_many_posts_move_to_disk_and_still_read_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spill, "SPILL_AT", 64)
    pairs = [(f"plan-{n % 3}.csv", f"post-{n}") for n in range(500)]
    posts = LintedPosts()
    for pair in pairs:
        posts.append(pair)
    assert list(posts) == pairs
    assert posts.on_disk
