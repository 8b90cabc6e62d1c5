"""Post rules: each module checks one planned post against the policy.

A post rule module has the shape of every rule (see ``governance.rules.base``)
with ``TARGET = "post"`` and ``check(post, ctx)``. What a rule compiles from the
policy (limits per channel, term matchers) it builds once per run into
``ctx.cache[ID]`` through ``common.cached``; its optional ``prepare(ctx) ->
bool`` does that ahead of the first post and tells the lint engine whether the
rule has anything to check under this policy, so an inactive rule costs nothing
per post.

Each rule's "Fails::" and "Passes::" examples are a ``policy:`` excerpt (a
channel listed by id stands for that channel with the keys shown) and the
``posts:`` of a calendar; a test runs them.
"""

from governance.rules.post import (
    alt_text,
    approvals_required,
    author_allowed,
    blackout,
    hashtags,
    kind_known,
    length,
    links,
    officialese,
    personal_data,
    posting_hours,
    ru_advertising,
    sponsorship,
    third_person,
    topic,
    topic_missing,
    we_voice,
)

#: The shipped post rules, in the order the rule catalogue lists them.
MODULES = (
    length,
    hashtags,
    links,
    sponsorship,
    ru_advertising,
    approvals_required,
    author_allowed,
    topic,
    topic_missing,
    kind_known,
    posting_hours,
    blackout,
    personal_data,
    third_person,
    officialese,
    we_voice,
    alt_text,
)

__all__ = ["MODULES"]
