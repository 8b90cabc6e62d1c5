"""Policy test cases: ``tests/*.yaml`` beside a policy, run by ``governance test``.

Each case is a few posts (or a calendar file) and the findings the policy must
produce on them, and those it must not: a policy's own regression tests, in
the way conftest ``verify`` and kyverno ``test`` test theirs.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from governance.models.common import Strict, Text, empty_list
from governance.models.post import PostRecord


class ExpectedFinding(Strict):
    """A finding by its rule, on a post (any post when left out), of a severity (any when
    left out). A waived finding counts as found."""

    rule: Text
    post: str | None = None
    severity: Literal["error", "warning", "info"] | None = None


class PolicyTestCase(Strict):
    name: Text
    description: str = ""
    today: dt.date | None = Field(None, description="Judge waiver expiry as of this date.")
    posts: list[PostRecord] | None = Field(None, description="The posts, as in a YAML calendar.")
    calendar: str | None = Field(
        None, description="A calendar file instead of posts, relative to this test file.")
    expect: list[ExpectedFinding] = Field(
        default_factory=empty_list, description="Findings that must appear.")
    expect_not: list[ExpectedFinding] = Field(
        default_factory=empty_list, description="Findings that must not appear.")

    @model_validator(mode="after")
    def _posts_or_calendar(self) -> PolicyTestCase:
        if (self.posts is None) == (self.calendar is None):
            raise ValueError("a test case has either 'posts' or 'calendar', not both or neither")
        if not self.expect and not self.expect_not:
            raise ValueError("a test case expects something: give 'expect' or 'expect_not'")
        return self


class PolicyTestFile(Strict):
    """One file of policy tests."""

    cases: list[PolicyTestCase] = Field(min_length=1)
