"""The two definitions of a post (file format and fast runtime object) must agree."""

from __future__ import annotations

import dataclasses

from governance.models.post import DEFAULT_COLUMNS, OPTIONAL_COLUMNS, Post, PostRecord

RUNTIME_ONLY = {"location", "field_locations", "extra"}


def test_post_and_post_record_have_the_same_fields() -> None:
    runtime = {f.name for f in dataclasses.fields(Post)} - RUNTIME_ONLY
    assert runtime == set(PostRecord.model_fields)


def test_documented_columns_are_the_record_fields_in_order() -> None:
    assert list(PostRecord.model_fields) == [*DEFAULT_COLUMNS, *OPTIONAL_COLUMNS]
