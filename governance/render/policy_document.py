"""Build the staff social media policy (the view model) from a loaded policy.

Without ``document.sections`` the order of sections follows published employee
social media guidelines: why and for whom, who does what, where we post and how,
how we sound, what we may post, what the law asks, how we answer people, what
leadership does, how we measure, exceptions, consequences, version. With it,
the policy's own sections and the generated ones come in the policy's order, and
every rule no section states goes to the generated ``rules`` section.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from governance.lint.context import activate, build_context
from governance.models.document import GeneratedName, GeneratedSection, OwnSection
from governance.models.policy import Policy
from governance.render import sections_org as org
from governance.render import sections_rules as rules
from governance.render.document import (
    Block,
    BulletList,
    Document,
    Examples,
    Paragraph,
    Section,
    Subsection,
    page_size,
)
from governance.render.i18n import Catalogue
from governance.render.markdown_blocks import markdown_blocks
from governance.render.sections_own import own_section
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
#: The generated sections a policy may place among its own (``rules`` is built last).
GENERATED: dict[GeneratedName, SectionBuilder] = {
    GeneratedName.ROLES: org.roles,
    GeneratedName.CHANNELS: org.channels,
    GeneratedName.WORKFLOW: org.workflow,
    GeneratedName.TONE: rules.tone,
    GeneratedName.DISCLOSURE: rules.disclosure,
    GeneratedName.RESPONSES: org.responding,
    GeneratedName.LEADERSHIP: org.leadership,
    GeneratedName.KPIS: org.measurement,
    GeneratedName.WAIVERS: rules.waivers,
    GeneratedName.CONSEQUENCES: rules.consequences,
    GeneratedName.VERSION: rules.version,
}
#: The HTML ids the generated sections and the table of contents use.
GENERATED_ANCHORS = ("toc-title", "purpose", "scope", "roles", "channels", "workflow", "tone",
                     "content", "disclosure", "responding", "leadership", "measurement",
                     "waivers", "checks", "consequences", "version")


def running_rules(policy: Policy, today: dt.date) -> frozenset[str]:
    """The shipped rules a lint under this policy would run: enabled, with something to check."""
    ctx = build_context(policy, today, None)
    catalogue = rule_catalogue.Catalogue(policy, build=False)
    return frozenset(active.rule.id for active in activate(catalogue.shipped, catalogue, ctx))


def document_context(policy: Policy, lang: str, today: dt.date | None = None,
                     git_commit: str = "") -> DocContext:
    """``today`` defaults to the policy's effective date, so output depends on the policy only."""
    organisation = policy.organisation
    effective = organisation.effective_date if organisation else dt.date(1980, 1, 1)
    infos = {info.id: info for info in rule_catalogue.Catalogue(policy, build=False).infos()}
    family = organisation.kind.value if organisation else "company"
    country = organisation.country if organisation else None
    placed = frozenset(rule_id for section in policy.document.sections or ()
                       if isinstance(section, OwnSection) for rule_id in section.rules)
    return DocContext(policy, Catalogue.for_language(lang, family, country), infos,
                      today or effective, git_commit,
                      running=running_rules(policy, today or effective), placed=placed)


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


def _default_sections(ctx: DocContext) -> list[Section]:
    built = [build(ctx) for build in SECTIONS]
    intro = ctx.policy.document.intro
    if intro.strip():  # the policy's own statement of purpose replaces the generated one
        purpose = built[0]
        blocks, subsections = markdown_blocks(intro)
        built[0] = Section(purpose.anchor, purpose.title, (*blocks, *purpose.blocks[1:]),
                           (*subsections, *purpose.subsections))
    checks = rules.other_checks(ctx, cited_rules(tuple(built)))
    return [*built, checks, *(build(ctx) for build in CLOSING)]


def _rules_section(ctx: DocContext, cited: set[str], title: str) -> Section:
    """Content rules, then every other check no section has stated."""
    content = rules.content(ctx)
    checks = rules.other_checks(ctx, cited | cited_rules((content,)))
    extra = (Subsection(checks.title, checks.blocks),) if not checks.empty else ()
    return Section(content.anchor, title or content.title, content.blocks,
                   (*content.subsections, *extra))


def _placed_sections(ctx: DocContext) -> list[Section]:
    """The policy's order; the ``rules`` section (added at the end if missing) comes last
    in building, as it lists what the others have not stated."""
    layout = list(ctx.policy.document.sections or ())
    if not any(isinstance(s, GeneratedSection) and s.generated is GeneratedName.RULES
               for s in layout):
        layout.append(GeneratedSection(generated=GeneratedName.RULES))
    taken = set(GENERATED_ANCHORS)
    built: list[Section | str] = []
    for entry in layout:
        if isinstance(entry, OwnSection):
            built.append(own_section(entry, ctx, taken))
        elif entry.generated is GeneratedName.RULES:
            built.append(entry.title.strip())
        else:
            section = GENERATED[entry.generated](ctx)
            title = clean_title(entry.title) or section.title
            built.append(dataclasses.replace(section, title=title))
    cited = cited_rules(tuple(s for s in built if isinstance(s, Section)))
    return [s if isinstance(s, Section) else _rules_section(ctx, cited, s) for s in built]


def clean_title(title: str) -> str:
    return " ".join(title.split())


def build_document(ctx: DocContext) -> Document:
    custom = ctx.policy.document.sections is not None
    sections = _placed_sections(ctx) if custom else _default_sections(ctx)
    present = [s for s in sections if not s.empty]
    numbered = tuple(dataclasses.replace(s, number=number)
                     for number, s in enumerate(present, start=1))
    t, organisation = ctx.t, ctx.policy.organisation
    name = organisation.name if organisation else ""
    version = organisation.policy_version if organisation else ""
    effective = t.date(organisation.effective_date) if organisation else ""
    intro: tuple[Block, ...] = ()
    if custom and ctx.policy.document.intro.strip():
        blocks, subsections = markdown_blocks(ctx.policy.document.intro)
        intro = (*blocks, *(b for s in subsections for b in (Paragraph(s.title), *s.blocks)))
    return Document(
        lang=t.lang,
        title=clean_title(ctx.policy.document.title) or t("doc.title", organisation=name),
        organisation=name,
        subtitle=t("doc.subtitle", version=version, date=effective),
        version=version,
        effective_date=effective,
        sections=numbered,
        intro=intro,
        paper=page_size(ctx.policy),
    )
