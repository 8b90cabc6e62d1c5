"""``applies_to``, ``when`` and ``scope``, compiled: which posts a declared rule reads,
and which field.

Channels, networks and languages all narrow the set of channel ids a rule
applies to, so a post is judged by one set lookup, one kind lookup and one
comparison, whatever the filter says; ``except`` is such a filter too, whose
posts are left out. ``when`` (a compiled condition) is tested last.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from governance.models.policy import Policy
from governance.models.post import Post
from governance.models.rules import PostSelection, RuleFilter

#: Post fields held as plain strings: read as attributes, the fastest way.
_STRING_FIELDS = frozenset({"id", "channel", "author", "text", "link", "kind", "topic",
                            "alt_text", "action", "target"})

FieldGetter = Callable[[Post], str]


def field_getter(name: str) -> FieldGetter:
    """Reads field ``name`` of a post as text (see ``Post.get``)."""
    if name in _STRING_FIELDS:
        getter: FieldGetter = attrgetter(name)
        return getter
    if name == "sponsored":
        return lambda post: "true" if post.sponsored else "false"
    return lambda post: post.get(name)


@dataclass(frozen=True)
class PostFilter:
    """A compiled ``applies_to`` (and ``when``); ``None`` in a slot means "any"."""

    channels: frozenset[str] | None = None
    kinds: frozenset[str] | None = None
    sponsored: bool | None = None
    excluded: PostFilter | None = None  # ``except``
    condition: Callable[[Post], bool] | None = None  # ``when``

    @property
    def everything(self) -> bool:
        return self.channels is None and self.kinds is None and self.sponsored is None \
            and self.excluded is None and self.condition is None

    def accepts(self, post: Post) -> bool:
        return self.in_scope(post) and (self.condition is None or self.condition(post))

    def in_scope(self, post: Post) -> bool:
        """Whether ``applies_to`` (with its ``except``) selects the post; ``when`` aside."""
        return ((self.channels is None or post.channel in self.channels)
                and (self.kinds is None or post.kind in self.kinds)
                and (self.sponsored is None or post.sponsored is self.sponsored)
                and (self.excluded is None or not self.excluded.accepts(post)))


def compile_filter(applies_to: PostSelection, policy: Policy,
                   when: Callable[[Post], bool] | None = None) -> PostFilter:
    """``applies_to`` (a ``RuleFilter`` may carry ``except``) and ``when``, compiled."""
    excluded = None
    if isinstance(applies_to, RuleFilter) and applies_to.except_ is not None:
        excluded = compile_filter(applies_to.except_, policy)
        if excluded.everything:  # an empty 'except' leaves nothing out
            excluded = None
    selected = _selection(applies_to, policy)
    return PostFilter(selected.channels, selected.kinds, selected.sponsored, excluded, when)


def _selection(applies_to: PostSelection, policy: Policy) -> PostFilter:
    channels: set[str] | None = None
    if applies_to.channels:
        channels = set(applies_to.channels)
    if applies_to.networks:
        wanted = set(applies_to.networks)
        on_networks = {c.id for c in policy.channels if c.network in wanted}
        channels = on_networks if channels is None else channels & on_networks
    if applies_to.languages:
        default = policy.organisation.languages[0] if policy.organisation else "en"
        wanted_languages = set(applies_to.languages)
        speaking = {c.id for c in policy.channels if (c.language or default) in wanted_languages}
        channels = speaking if channels is None else channels & speaking
    return PostFilter(
        channels=frozenset(channels) if channels is not None else None,
        kinds=frozenset(applies_to.kinds) if applies_to.kinds else None,
        sponsored=applies_to.sponsored,
    )
