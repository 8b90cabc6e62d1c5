"""The calendar as the HTML report shows it: each post slimmed to what the page draws.

The lint streams posts through the rules and keeps none unless a calendar rule
needs them; the report needs every post, so ``PlanRecorder`` watches the stream
and keeps, per post, its id, file, local time, channel, kind, whether it is
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
    """Passes a stream of posts and findings through, keeping a slim copy of each post.

    A post is copied when the stream moves on from it: by then the lint has
    resolved its channel (a network name becomes the policy's channel id).
    """

    def __init__(self, policy: Policy, timezone: dt.tzinfo, language: str | None) -> None:
        from governance.render.i18n import choose_language

        declared = policy.organisation.languages if policy.organisation else []
        self._plan = Plan(policy, timezone, choose_language(language, declared))
        self._promotional = promotional_kinds(policy)

    def record(self, items: Iterable[Post | Finding]) -> Iterator[Post | Finding]:
        posts, timezone, promotional = self._plan.posts, self._plan.timezone, self._promotional
        pending: Post | None = None
        for item in items:
            if pending is not None:
                posts.append(_slim(pending, timezone, promotional))
                pending = None
            if isinstance(item, Post):
                pending = item
            yield item
        if pending is not None:
            posts.append(_slim(pending, timezone, promotional))

    def plan(self) -> Plan:
        return self._plan


def _slim(post: Post, timezone: dt.tzinfo, promotional: frozenset[str]) -> PlannedPost:
    moment = post.publish_at
    local = moment.astimezone(timezone) if moment.tzinfo else moment.replace(tzinfo=timezone)
    text = " ".join(post.text.split())
    if len(text) > TEXT_SHOWN:
        text = text[:TEXT_SHOWN - 1].rstrip() + "…"
    return PlannedPost(
        id=post.id, file=post.location.file, local=local,
        channel=post.channel, kind=post.kind, text=text, has_link=has_link(post),
        promotional=post.kind in promotional)
