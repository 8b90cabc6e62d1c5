"""Sponsored posts say so plainly, up front: not behind "more", not among the hashtags.

Readers must see that a post is paid for before they read it as advice (the FTC
Endorsement Guides: required disclosures). A post marked sponsored,
or of a kind listed in ``disclosure.sponsorship.kinds``, carries one of the
``labels`` (whole word, any case), starting within the first ``within_first``
characters, and not only inside the block of hashtags that ends the post.
Inactive unless the policy has ``disclosure.sponsorship`` (the shipped
``ftc-disclosure`` pack sets it).

Fails::

    policy:
      disclosure: {sponsorship: {labels: ["#ad"], within_first: 100}}
    posts:
      - {id: p1, sponsored: true, text: "Our new blend is here! #coffee #morning #ad"}

Passes::

    policy:
      disclosure: {sponsorship: {labels: ["#ad"], within_first: 100}}
    posts:
      - {id: p1, sponsored: true, text: "#ad Our new blend is here! #coffee #morning"}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from governance.findings import Severity
from governance.models.content import SponsorshipDisclosure
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import DisclosureDuty, cached
from governance.text.spans import WORD_CHARS

ID = "disclosure.sponsorship"
SUMMARY = "Sponsored posts carry a clear disclosure label near the start."
SEVERITY = Severity.ERROR
SOURCE = "FTC Endorsement Guides (16 CFR 255)"
TARGET = "post"
#: Typical microseconds a post (benchmarks/rule_costs.py).
COST = 2.4

_TOKEN = re.compile(r"\S+")
#: Characters read from the end of a text for its closing tags, before all of it.
CLOSING_LOOK_BACK = 300


@dataclass(frozen=True)
class _Check:
    settings: SponsorshipDisclosure
    duty: DisclosureDuty
    labels: re.Pattern[str]


def _build(ctx: LintContext) -> _Check | None:
    settings = ctx.policy.disclosure.sponsorship
    if settings is None or not settings.labels:
        return None
    # Labels are the policy's literal words, escaped; whole words, so "#ad" is
    # not found in "#adventure".
    alternatives = "|".join(re.escape(label) for label in
                            sorted(settings.labels, key=len, reverse=True))
    pattern = re.compile(f"(?<![{WORD_CHARS}])(?:{alternatives})(?![{WORD_CHARS}])",
                         re.IGNORECASE)
    duty = DisclosureDuty.of(settings.kinds, settings.applies_to, ctx.policy)
    return _Check(settings, duty, pattern)


def prepare(ctx: LintContext) -> bool:
    return cached(ctx, ID, _build) is not None


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    rule = cached(ctx, ID, _build)
    if rule is None or not rule.duty.owed_by(post):
        return
    message = _verdict(post.text, rule)
    if message:
        yield Problem(message, post=post, field="text")


def _verdict(text: str, rule: _Check) -> str:
    labels = ", ".join(rule.settings.labels)
    found = list(rule.labels.finditer(text))
    if not found:
        return f"sponsored post without a disclosure label ({labels})"
    tail_start = _closing_tags(text)
    visible = [m for m in found if m.start() < tail_start]
    if not visible:
        return (f"the disclosure «{found[0].group(0)}» is buried among the closing hashtags; "
                f"put it at the start")
    within = rule.settings.within_first
    if visible[0].start() >= within:
        return (f"the disclosure «{visible[0].group(0)}» starts at character "
                f"{visible[0].start() + 1}; put it within the first {within}")
    return ""


def _closing_tags(text: str) -> int:
    """Where the run of hashtags, mentions and links that closes the post begins.

    A label found only there is buried among the tags; a run of fewer than two
    tags is no crowd to hide in, so it does not count (``len(text)`` then).
    The end of the text is read first: the run seldom reaches further back.
    """
    found = _closing_tags_since(text, max(0, len(text) - CLOSING_LOOK_BACK))
    if found is None:  # the run may reach further back: read the whole text
        found = _closing_tags_since(text, 0)
    assert found is not None  # read from the start, the run always begins in the text
    return found


def _closing_tags_since(text: str, since: int) -> int | None:
    """``_closing_tags`` reading from ``since``; None when the run may start before it."""
    start, tags = len(text), 0
    tokens = list(_TOKEN.finditer(text, since))
    for index in range(len(tokens) - 1, -1, -1):
        if index == 0 and since > 0:
            return None  # the first token may be the end of a longer one
        token = tokens[index]
        word = token.group(0)
        if word[0] in "#@":
            tags += 1
        elif not word.startswith(("http://", "https://")):
            break
        start = token.start()
    else:
        if since > 0:
            return None
    return start if tags > 1 else len(text)
