"""Build the staff social media policy (the view model) from a loaded policy.

The order of sections follows published employee social media guidelines: why
and for whom, who does what, where we post and how, how we sound, what we may
post, what the law asks, how we answer people, what leadership does, how we
measure, exceptions, consequences, version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from governance.models.policy import Policy
from governance.render import sections_org as org
from governance.render import sections_rules as rules
from governance.render.document import BulletList, Document, Examples, Section
from governance.render.i18n import Catalogue
from governance.render.wording import DocContext
from governance.rules import catalogue as rule_catalogue

SectionBuilder = Callable[[DocContext], Section]

SECTIONS: tuple[SectionBuilder, ...] = (
    org.purpose,
    org.scope,
    org.roles,
    org.channels,
    org.workflow,
    rules.tone,
    rules.content,
    rules.disclosure,
    org.responding,
    org.leadership,
    org.measurement,
    rules.waivers,
)
CLOSING: tuple[SectionBuilder, ...] = (rules.consequences, rules.version)


def document_context(policy: Policy, lang: str, today: dt.date | None = None,
                     git_commit: str = "") -> DocContext:
    """``today`` defaults to the policy's effective date, so output depends on the policy only."""
    effective = policy.organisation.effective_date if policy.organisation else dt.date(1980, 1, 1)
    infos = {info.id: info for info in rule_catalogue.Catalogue(policy, build=False).infos()}
    return DocContext(policy, Catalogue.for_language(lang), infos, today or effective, git_commit)


def cited_rules(sections: tuple[Section, ...]) -> set[str]:
    cited: set[str] = set()
    for section in sections:
        blocks = list(section.blocks) + [b for s in section.subsections for b in s.blocks]
        for block in blocks:
            if isinstance(block, BulletList):
                cited.update(r.strip() for item in block.items for r in item.rule.split(","))
            elif isinstance(block, Examples):
                cited.update(pair.rule for pair in block.pairs)
    cited.discard("")
    return cited


def build_document(ctx: DocContext) -> Document:
    built = tuple(build(ctx) for build in SECTIONS)
    checks = rules.other_checks(ctx, cited_rules(built))
    closing = tuple(build(ctx) for build in CLOSING)
    present = [s for s in (*built, checks, *closing) if not s.empty]
    numbered = tuple(Section(s.anchor, s.title, s.blocks, s.subsections, number)
                     for number, s in enumerate(present, start=1))
    t, organisation = ctx.t, ctx.policy.organisation
    name = organisation.name if organisation else ""
    version = organisation.policy_version if organisation else ""
    effective = t.date(organisation.effective_date) if organisation else ""
    return Document(
        lang=t.lang,
        title=t("doc.title", organisation=name),
        organisation=name,
        subtitle=t("doc.subtitle", version=version, date=effective),
        version=version,
        effective_date=effective,
        sections=numbered,
    )
