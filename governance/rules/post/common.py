"""What post rules share: the once-per-run cache, a post's language, who owes a disclosure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from governance.models.channels import Channel
from governance.models.policy import Policy
from governance.models.post import Post
from governance.models.rules import RuleFilter
from governance.rules.base import LintContext
from governance.rules.declared.filters import PostFilter, compile_filter

T = TypeVar("T")

#: Snowball stemmer names for the ISO 639-1 codes a policy uses.
SNOWBALL_LANGUAGES = {
    "ar": "arabic", "da": "danish", "de": "german", "el": "greek", "en": "english",
    "es": "spanish", "fi": "finnish", "fr": "french", "hu": "hungarian", "it": "italian",
    "nl": "dutch", "no": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian",
    "sv": "swedish", "tr": "turkish",
}


def cached(ctx: LintContext, key: str, build: Callable[[LintContext], T]) -> T:
    """What ``build`` compiles from the policy, once per run."""
    try:
        value: T = ctx.cache[key]
    except KeyError:
        value = ctx.cache[key] = build(ctx)
    return value


def default_language(policy: Policy) -> str:
    organisation = policy.organisation
    return organisation.languages[0] if organisation else "en"


def language_of(channel: Channel | None, policy: Policy) -> str:
    """The language of a channel's posts: its own, else the organisation's first."""
    if channel is not None and channel.language:
        return channel.language
    return default_language(policy)


def stemmer_for(language: str) -> str | None:
    return SNOWBALL_LANGUAGES.get(language)


@dataclass(frozen=True)
class DisclosureDuty:
    """Which posts owe a disclosure: sponsored ones or the listed kinds, where it applies."""

    kinds: frozenset[str]
    where: PostFilter

    @classmethod
    def of(cls, kinds: list[str], applies_to: RuleFilter, policy: Policy) -> DisclosureDuty:
        return cls(frozenset(kinds), compile_filter(applies_to, policy))

    def owed_by(self, post: Post) -> bool:
        return (post.sponsored or (bool(post.kind) and post.kind in self.kinds)) and (
            self.where.accepts(post))


@dataclass(frozen=True)
class Person:
    """A person of the staff register as the post rules need them."""

    roles: frozenset[str]
    accounts: frozenset[str]  # empty: every account their roles allow


def _people(ctx: LintContext) -> dict[str, Person]:
    return {p.id: Person(frozenset(p.roles), frozenset(p.accounts)) for p in ctx.policy.people}


def person(name: str, ctx: LintContext) -> Person | None:
    """The person ``name`` names in ``author`` or ``approved_by``, if it is a person id."""
    return cached(ctx, "people", _people).get(name)


def roles_of(name: str, ctx: LintContext) -> frozenset[str]:
    """The roles ``name`` acts in: a person's roles, or the role ``name`` itself."""
    found = person(name, ctx)
    return found.roles if found is not None else frozenset((name,))
