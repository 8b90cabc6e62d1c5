"""Calendar rules: each judges the calendar as a whole, per channel.

A calendar rule module has the shape of every rule (see ``governance.rules.base``)
with ``TARGET = "calendar"`` and ``check(posts, ctx)``, where ``posts`` are all
the posts whose channel the lint engine resolved to a channel id of the policy.
Its optional ``prepare(ctx) -> bool`` tells the engine whether the policy gives
it anything to judge (no ``content.promo_share``, no channel with a cadence...),
so an idle rule costs nothing and the posts need not be kept.

Each finding names the channel, the stretch of time and the posts involved:
``Problem.posts`` (the finding points at the first), ``Problem.channel`` and a
message that says both. The shared parts: ``timeline`` (posts per channel in
time order, local days), ``windows`` (shares over rolling windows), ``rates``
(cadence), ``similarity`` (repeated texts) and ``declared`` (``share`` and
``cadence`` rules declared in the policy's YAML, built on the same code).
"""

from governance.rules.calendar import (
    cadence_max_per_day,
    cadence_max_per_hour,
    cadence_min_per_week,
    cadence_silence,
    content_duplicates,
    content_link_share,
    content_promo_share,
)

#: The shipped calendar rules, in the order the rule catalogue lists them.
MODULES = (
    content_promo_share,
    content_link_share,
    content_duplicates,
    cadence_max_per_hour,
    cadence_max_per_day,
    cadence_min_per_week,
    cadence_silence,
)

__all__ = ["MODULES"]
