"""``entities`` rules: mentions, hashtags, domains or links against allow and deny lists.

The entities are found as the networks find them (see
:mod:`governance.text.entities`) in the rule's ``scope`` field (the text by
default) and, for domains and links, in the ``link`` field too. An entity on the
deny list is a finding; with an allow list, so is any entity not on it. With
``max``, more such entities in one field than ``max`` is a finding, its message
given ``{count}`` and ``{limit}``. ``{match}`` is the entity as written (a
handle or hashtag without its ``@``/``#``, a host, a URL); an entity repeated in
one field is reported once.
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.models.post import Post
from governance.models.rules import EntitiesRule, RuleBase
from governance.rules.base import LintContext, Problem
from governance.rules.declared.filters import field_getter
from governance.rules.declared.messages import fill
from governance.rules.declared.types import Checker, CompileError, DeclaredType
from governance.text.entities import Entity, EntityList, find_entities, link_entity


def compile_entities(rule: EntitiesRule) -> Checker:
    """The check of an entities rule, with the entries the loader read from its list
    files; ``CompileError`` when they were not read."""
    files = rule.file_entries()
    if files is None:
        raise CompileError(("allow_file" if rule.allow_file else "deny_file",),
                           "the rule's list files were not read")
    kind, scope, template, limit = rule.entity, rule.scope, rule.message, rule.max
    allowed = EntityList(kind, [*rule.allow, *files["allow"]]) \
        if rule.allow or rule.allow_file else None
    denied = EntityList(kind, [*rule.deny, *files["deny"]])
    read = field_getter(scope)
    with_link = kind in ("domain", "url") and scope != "link"

    def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
        fields = [(scope, find_entities(kind, read(post)))]
        if with_link and post.link.strip():
            found = link_entity(kind, post.link)
            fields.append(("link", [found] if found is not None else []))
        for field, entities in fields:
            for entity in _distinct(entities):
                listed = "deny" if entity in denied else \
                    "allow" if allowed is not None and entity not in allowed else ""
                if listed:
                    yield Problem(fill(template, match=entity.value), post=post, field=field,
                                  data={"match": entity.value, "entity": kind, "list": listed})
            if limit is not None and len(entities) > limit:
                values = ", ".join(e.value for e in entities)
                yield Problem(fill(template, match=values, count=len(entities), limit=limit),
                              post=post, field=field,
                              data={"count": len(entities), "limit": limit, "entity": kind})

    return check


CHECKERS: dict[type[RuleBase], DeclaredType] = {
    EntitiesRule: DeclaredType("post", lambda rule, policy, terms: compile_entities(rule)),
}


def _distinct(entities: list[Entity]) -> Iterator[Entity]:
    seen: set[str] = set()
    for entity in entities:
        if entity.key not in seen:
            seen.add(entity.key)
            yield entity
