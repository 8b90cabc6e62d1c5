"""Posts avoid officialese: the bureaucratic phrases of announcements and letters.

"Do not use an official tone in your posts; keep it friendly, as if you were
talking to each reader personally" («Советы по ведению корпоративных аккаунтов» §4).
``tone.officialese`` lists the phrases to avoid per language; a post is read in its channel's
language (else the organisation's first). With ``tone.officialese_stem`` (the default)
inflected forms match too: "осуществлять" finds "осуществляется".

Fails::

    policy:
      tone:
        officialese: {ru: [в настоящее время, осуществлять]}
    posts:
      - {id: p1, channel: tg-news, text: "В настоящее время осуществляется замена оборудования."}

Passes::

    policy:
      tone:
        officialese: {ru: [в настоящее время, осуществлять]}
    posts:
      - {id: p1, channel: tg-news, text: "Меняем кофемашину — к обеду снова варим кофе."}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached, language_of, stemmer_for
from governance.text.terms import Term, TermMatcher

ID = "tone.officialese"
SUMMARY = "Posts avoid bureaucratic phrases (officialese)."
SEVERITY = Severity.WARNING
SOURCE = "«Советы по ведению корпоративных аккаунтов» §4 (friendly, not official)"
TARGET = "post"
#: Typical microseconds a post (benchmarks/rule_costs.py).
COST = 8.5


def _build(ctx: LintContext) -> dict[str, TermMatcher]:
    """Channel id -> the matcher of its language; channels of one language share it."""
    tone = ctx.policy.tone
    by_language: dict[str, TermMatcher] = {}
    for language, phrases in sorted(tone.officialese.items()):
        if phrases:
            stem = stemmer_for(language) if tone.officialese_stem else None
            by_language[language] = TermMatcher([Term(p) for p in phrases], stem_language=stem)
    table = {cid: by_language[language_of(c, ctx.policy)] for cid, c in ctx.channels.items()
             if language_of(c, ctx.policy) in by_language}
    default = language_of(None, ctx.policy)
    if default in by_language:
        table[""] = by_language[default]
    return table


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, _build))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    table = cached(ctx, ID, _build)
    matcher = table.get(post.channel) if post.channel in ctx.channels else table.get("")
    if matcher is None:
        return
    for match in matcher.find(post.text):
        yield Problem(f"officialese «{match.matched}»: say it as you would to a friend",
                      post=post, field="text", data={"match": match.matched})
