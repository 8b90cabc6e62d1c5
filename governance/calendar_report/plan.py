"""The calendar as the HTML report shows it: each post slimmed to what the page draws.

The lint streams posts through the rules and keeps none unless a calendar rule
needs them; the report needs every post, so ``PlanRecorder`` watches the stream
and keeps, per post, its id, row, local time, channel, kind, whether it is
promotional or carries a link, and the start of its text for the tooltip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from governance.findings import Finding
from governance.models.policy import Policy
from governance.models.post import Post
from governance.rules.calendar.content_link_share import has_link
from governance.rules.calendar.content_promo_share import promotional_kinds

#: Characters of a post's text kept for its tooltip; the report shows no more.
TEXT_SHOWN = 60


@dataclass(frozen=True, slots=True)
class PlannedPost:
    id: str
    file: str
    where: str  # the row as the findings name it: file:line:col, or file:Sheet!A12
    local: dt.datetime  # publishing time in the policy's timezone
    channel: str
    kind: str
    text: str  # at most TEXT_SHOWN characters
    has_link: bool
    promotional: bool


@dataclass
class Plan:
    """Everything the HTML report needs besides the findings."""

    policy: Policy
    timezone: dt.tzinfo
    language: str
    posts: list[PlannedPost] = field(default_factory=list)


class PlanRecorder:
    """Passes a stream of posts and findings through, remembering the posts."""

    def __init__(self) -> None:
        self._posts: list[Post] = []

    def record(self, items: Iterable[Post | Finding]) -> Iterator[Post | Finding]:
        for item in items:
            if isinstance(item, Post):
                self._posts.append(item)
            yield item

    def plan(self, policy: Policy, timezone: dt.tzinfo, language: str | None) -> Plan:
        """The plan of the posts seen; their channels as the lint resolved them."""
        from governance.render.i18n import choose_language

        declared = policy.organisation.languages if policy.organisation else []
        promotional = promotional_kinds(policy)
        posts = [_slim(post, timezone, promotional) for post in self._posts]
        self._posts = []
        return Plan(policy, timezone, choose_language(language, declared), posts)


def _slim(post: Post, timezone: dt.tzinfo, promotional: frozenset[str]) -> PlannedPost:
    moment = post.publish_at
    local = moment.astimezone(timezone) if moment.tzinfo else moment.replace(tzinfo=timezone)
    text = " ".join(post.text.split())
    if len(text) > TEXT_SHOWN:
        text = text[:TEXT_SHOWN - 1].rstrip() + "…"
    return PlannedPost(
        id=post.id, file=post.location.file, where=str(post.location), local=local,
        channel=post.channel, kind=post.kind, text=text, has_link=has_link(post),
        promotional=post.kind in promotional)
