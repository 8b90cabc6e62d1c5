"""The policy's own sections: its Markdown, then the rules it states there, in its words."""

from __future__ import annotations

import re

from governance.models.document import OwnSection
from governance.render.document import (
    Block,
    Examples,
    Item,
    Section,
    Subsection,
    bullets,
    clean,
)
from governance.render.markdown_blocks import markdown_blocks
from governance.render.wording import DocContext, declared_item, example_pairs

_NOT_IN_ANCHOR = re.compile(r"[^\w]+")


def anchor(title: str, taken: set[str]) -> str:
    """A stable HTML id from the title, unique within the document."""
    base = _NOT_IN_ANCHOR.sub("-", title.casefold()).strip("-") or "section"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _declared(ctx: DocContext) -> dict[str, object]:
    return {rule.id: rule for rule in (*ctx.policy.tone.rules, *ctx.policy.content.rules)}


def rule_blocks(rule_ids: list[str], ctx: DocContext) -> tuple[Block, ...]:
    """The rules a section states: declared ones in full with their examples, shipped ones
    by their summary; a shipped rule that does not run under the policy is left out."""
    declared, t = _declared(ctx), ctx.t
    items, pairs = [], []
    for rule_id in rule_ids:
        if rule_id in declared:
            items.append(declared_item(declared[rule_id], ctx))
            pairs += example_pairs(declared[rule_id], t)
        elif ctx.enabled([rule_id]):
            key = f"rule_summary.{rule_id}"
            items.append(Item(t(key) if t.has(key) else clean(ctx.rules[rule_id].summary), "",
                              rule_id))
    return (*bullets(items), *((Examples(tuple(pairs)),) if pairs else ()))


def own_section(section: OwnSection, ctx: DocContext, taken: set[str]) -> Section:
    blocks, subsections = markdown_blocks(section.body)
    rules = rule_blocks(section.rules, ctx)
    if subsections:  # the rules follow the text they belong to
        last = subsections[-1]
        subsections = (*subsections[:-1],
                       Subsection(last.title, (*last.blocks, *rules), last.level))
    else:
        blocks = (*blocks, *rules)
    return Section(anchor(section.title, taken), clean(section.title), blocks, subsections)
