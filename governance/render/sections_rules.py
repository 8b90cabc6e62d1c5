"""Staff policy sections about what may be posted: tone, content rules, disclosure and
legal, waivers in force, the other pre-publish checks, consequences and the version."""

from __future__ import annotations

from collections.abc import Iterable

from governance.models.channels import Channel
from governance.models.content import AdvertisingMarking, ShareLimit, SponsorshipDisclosure
from governance.render.document import (
    Block,
    ExamplePair,
    Examples,
    Item,
    Paragraph,
    Section,
    Subsection,
    bullets,
    clean,
)
from governance.render.wording import (
    SETTING_RULES,
    DocContext,
    applies_to_words,
    cadence_rules,
    cadence_words,
    declared_item,
    example_pairs,
    hours_words,
)
from governance.runner import active_waivers


def _for_language(table: dict[str, list[str]], lang: str) -> list[str]:
    """The phrases for the document's language, or every language's when it has none."""
    if lang in table:
        return list(table[lang])
    return [phrase for key in sorted(table) for phrase in table[key]]


def _examples(pairs: list[ExamplePair]) -> tuple[Block, ...]:
    return (Examples(tuple(pairs)),) if pairs else ()


def tone(ctx: DocContext) -> Section:
    t, policy = ctx.t, ctx.policy.tone
    blocks: list[Block] = []
    if policy.voice.strip():
        blocks.append(Paragraph(clean(policy.voice)))
    blocks += bullets([Item(clean(p)) for p in policy.principles])
    checks = []
    if we := _for_language(policy.first_person, t.lang):
        checks.append(Item(t("tone.first_person", words=ctx.quoted(we)), "",
                           ctx.cite("first_person")))
    if officialese := _for_language(policy.officialese, t.lang):
        checks.append(Item(t("tone.officialese", terms=ctx.quoted(officialese)), "",
                           ctx.cite("officialese")))
    declared = ctx.unplaced(policy.rules)
    checks += [declared_item(rule, ctx) for rule in declared]
    pairs = [ExamplePair(clean(e.dont), clean(e.do), clean(e.why)) for e in policy.examples]
    pairs += [pair for rule in declared for pair in example_pairs(rule, t)]
    subsections = []
    if checks:
        subsections.append(Subsection(t("tone.checks"), bullets(checks)))
    if pairs:
        subsections.append(Subsection(t("tone.examples"), _examples(pairs)))
    return Section("tone", t("section.tone"), tuple(blocks), tuple(subsections))


def _share(key: str, limit: ShareLimit, ctx: DocContext, setting: str, kinds: str = "") -> Item:
    t = ctx.t
    text = t(key, percent=t.percent(limit.max_percent),
             days=t("unit.days", count=limit.window_days), kinds=kinds)
    notes = [t("content.share_min_posts", count=limit.min_posts), _source(limit.source, ctx)]
    return Item(text, " ".join(n for n in notes if n), ctx.cite(setting))


def _source(source: str, ctx: DocContext) -> str:
    """Where a limit or a legal duty comes from, as the policy states it."""
    return ctx.t("doc.source", source=clean(source)) if source.strip() else ""


def _mix(ctx: DocContext) -> list[Item]:
    t, content = ctx.t, ctx.policy.content
    items = []
    if content.promo_share is not None:
        promo = [k.id for k in content.kinds if k.promotional]
        if promo:
            items.append(_share("content.promo_share_kinds", content.promo_share, ctx,
                                "promo_share", kinds=ctx.kinds(promo)))
        else:
            items.append(_share("content.promo_share", content.promo_share, ctx, "promo_share"))
    if content.link_share is not None:
        items.append(_share("content.link_share", content.link_share, ctx, "link_share"))
    if content.duplicates is not None:
        dup = content.duplicates
        items.append(Item(t("content.duplicates", days=t("unit.days", count=dup.window_days)),
                          t("content.similarity", percent=t.percent(dup.similarity * 100)),
                          ctx.cite("duplicates")))
    return items


def _per_channel(ctx: DocContext, key: str,
                 words: Iterable[tuple[Channel, str, Iterable[str]]]) -> list[Item]:
    """One statement per channel, citing the rules (of those given) that run."""
    return [Item(ctx.t(key, channel=ctx.channel(c), what=w), "", ", ".join(ctx.enabled(rules)))
            for c, w, rules in words if w]


def _limits(channel: Channel, ctx: DocContext) -> tuple[Channel, str, list[str]]:
    """The channel's length, hashtag and link limits (its own, else its network's)."""
    t = ctx.t
    network = ctx.policy.networks.get(channel.network)
    own = channel.limits
    length = (own.max_length if own and own.max_length else None) or (
        network.max_length if network else None)
    hashtags = own.max_hashtags if own and own.max_hashtags is not None else (
        network.max_hashtags if network else None)
    parts, rules = [], []
    if length:
        parts.append(t("limits.length", count=length))
        rules.append("post.length")
    if hashtags is not None:
        parts.append(t("limits.hashtags", count=hashtags))
        rules.append("post.hashtags")
    if own and own.max_links is not None:
        parts.append(t("limits.links", count=own.max_links))
        rules.append("post.links")
    return channel, t.join(parts), rules


def _when(ctx: DocContext) -> list[Item]:
    t, content = ctx.t, ctx.policy.content
    items = []
    if content.posting_hours is not None:
        items.append(Item(t("content.hours_default", what=hours_words(content.posting_hours, t)),
                          "", ctx.cite("posting_hours")))
    items += _per_channel(ctx, "content.hours_channel", (
        (c, hours_words(c.posting_hours, t), SETTING_RULES["posting_hours"])
        for c in ctx.policy.channels if c.posting_hours))
    for blackout in content.blackouts:
        where = t.join(ctx.channel_ref(c) for c in blackout.channels) or t("content.all_channels")
        notes = [t("content.blackout_allowed", kinds=ctx.kinds(blackout.allow_kinds))
                 ] if blackout.allow_kinds else []
        items.append(Item(t("content.blackout", start=t.date(blackout.start),
                            end=t.date(blackout.end), reason=clean(blackout.reason), where=where),
                          " ".join(notes), ctx.cite("blackouts")))
    organisation = ctx.policy.organisation
    if items and organisation is not None:
        items.append(Item(t("content.timezone", zone=organisation.timezone)))
    return items


def _kinds(ctx: DocContext) -> list[Item]:
    """The kinds of post the policy knows, so staff can read rules that name them."""
    t, items = ctx.t, []
    for kind in ctx.policy.content.kinds:
        text = t.quote(kind.id)
        if kind.description.strip():
            text = t("content.kind", kind=text, description=clean(kind.description))
        note = t("content.kind_promotional") if kind.promotional else ""
        items.append(Item(text, note, ctx.cite("kinds")))
    return items


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _fields(ctx: DocContext) -> list[Item]:
    """The post fields the policy declares, so staff know what to fill in and how."""
    t, items = ctx.t, []
    for name, spec in ctx.policy.calendar.fields.items():
        text = t.quote(name)
        if spec.description.strip():
            text = t("content.field", name=text, description=_sentence(clean(spec.description)))
        kind = t("content.field_enum", values=ctx.quoted(spec.values, "or")) \
            if spec.type == "enum" else t(f"content.field_{spec.type}")
        notes = [kind]
        if spec.required:
            notes.append(t("content.field_required"))
        items.append(Item(text, " ".join(notes)))
    return items


def content(ctx: DocContext) -> Section:
    t, policy = ctx.t, ctx.policy
    rules = ctx.unplaced(policy.content.rules)
    parts = [
        ("content.kinds", _kinds(ctx)),
        ("content.fields", _fields(ctx)),
        ("content.mix", _mix(ctx)),
        ("content.topics", _per_channel(ctx, "content.channel_topics", (
            (c, ctx.quoted(c.topics), SETTING_RULES["topics"]) for c in policy.channels))),
        ("content.cadence", _per_channel(ctx, "content.channel_cadence", (
            (c, cadence_words(c.cadence, t), cadence_rules(c.cadence))
            for c in policy.channels if c.cadence))),
        ("content.when", _when(ctx)),
        ("content.limits", _per_channel(ctx, "content.channel_limits", (
            _limits(c, ctx) for c in policy.channels))),
        ("content.declared", [declared_item(rule, ctx) for rule in rules]),
    ]
    subsections = [Subsection(t(key), bullets(items)) for key, items in parts if items]
    pairs = [pair for rule in rules for pair in example_pairs(rule, t)]
    if pairs:
        subsections.append(Subsection(t("content.examples"), _examples(pairs)))
    blocks = bullets([Item(clean(p)) for p in policy.content.principles])
    return Section("content", t("section.content"), blocks, tuple(subsections))


def _sponsorship(rule: SponsorshipDisclosure, ctx: DocContext) -> Item:
    t = ctx.t
    notes = [applies_to_words(rule.applies_to, ctx),
             t("disclosure.also_kinds", kinds=ctx.kinds(rule.kinds)) if rule.kinds else "",
             _source(rule.source, ctx)]
    return Item(t("disclosure.sponsorship", labels=ctx.quoted(rule.labels, "or"),
                  count=rule.within_first), " ".join(n for n in notes if n),
                ctx.cite("sponsorship"))


def _advertising(rule: AdvertisingMarking, ctx: DocContext) -> Item:
    t = ctx.t
    needs = [t("disclosure.advertising_label", label=t.quote(rule.label))]
    if rule.require_advertiser:
        needs.append(t("disclosure.advertising_advertiser"))
    if rule.require_erid:
        needs.append(t("disclosure.advertising_erid"))
    notes = [applies_to_words(rule.applies_to, ctx),
             t("disclosure.also_kinds", kinds=ctx.kinds(rule.kinds)) if rule.kinds else "",
             _source(rule.source, ctx)]
    return Item(t("disclosure.advertising", needs=t.join(needs)), " ".join(n for n in notes if n),
                ctx.cite("advertising_ru"))


def disclosure(ctx: DocContext) -> Section:
    t, policy = ctx.t, ctx.policy
    legal = []
    if policy.disclosure.sponsorship is not None:
        legal.append(_sponsorship(policy.disclosure.sponsorship, ctx))
    if policy.disclosure.advertising_ru is not None:
        legal.append(_advertising(policy.disclosure.advertising_ru, ctx))
    data = policy.content.personal_data
    if data is not None and (data.emails or data.phones):
        what = [t("disclosure.emails")] if data.emails else []
        what += [t("disclosure.phones")] if data.phones else []
        note = t("disclosure.allowed", items=t.join(data.allow)) if data.allow else ""
        legal.append(Item(t("disclosure.personal_data", what=t.join(what)), note,
                          ctx.cite("personal_data")))
    subsections = []
    if policy.content.confidential:
        subsections.append(Subsection(t("disclosure.confidential"), (
            Paragraph(t("disclosure.confidential_intro")),
            *bullets([Item(clean(c)) for c in policy.content.confidential]))))
    return Section("disclosure", t("section.disclosure"), bullets(legal), tuple(subsections))


def waivers(ctx: DocContext) -> Section:
    t = ctx.t
    items = []
    for waiver in active_waivers(ctx.policy, ctx.today):
        target = waiver.target
        where = [ctx.channel_ref(target.channel)] if target.channel else []
        where += [t("waiver.activity", activity=target.activity)] if target.activity else []
        where += [t("waiver.post", post=target.post)] if target.post else []
        until = t.date(waiver.expires) if waiver.expires else t("waiver.no_end")
        text = t("waiver.line", where=t.join(where) or t("waiver.everywhere"), until=until)
        note = t("waiver.reason", reason=clean(waiver.reason), role=ctx.role(waiver.approved_by))
        items.append(Item(text, note, waiver.rule))
    blocks: tuple[Block, ...] = ()
    if items:
        blocks = (Paragraph(t("waiver.intro", date=t.date(ctx.today))), *bullets(items))
    return Section("waivers", t("section.waivers"), blocks)


def other_checks(ctx: DocContext, cited: set[str]) -> Section:
    """Shipped post and calendar rules no statement above has cited, so none goes unmentioned.

    The review's rules judge the month's numbers, not what staff write: not listed.

    English uses each rule's own summary; other languages translate it in the catalogue.
    """
    t = ctx.t
    items = []
    for info in ctx.rules.values():
        if info.declared or info.target in ("policy", "review") or info.id in cited | ctx.placed \
                or not ctx.enabled([info.id]):
            continue
        key = f"rule_summary.{info.id}"
        items.append(Item(t(key) if t.has(key) else info.summary, "", info.id))
    blocks: tuple[Block, ...] = ()
    if items:
        blocks = (Paragraph(t("checks.intro")), *bullets(items))
    return Section("checks", t("section.checks"), blocks)


def consequences(ctx: DocContext) -> Section:
    t = ctx.t
    org = ctx.policy.organisation
    blocks: list[Block] = [Paragraph(t("consequences.check"))]
    if org and org.consequences.strip():
        blocks.append(Paragraph(clean(org.consequences)))
    else:
        blocks.append(Paragraph(t("consequences.breach")))
    if org and org.contact.strip():
        blocks.append(Paragraph(t("consequences.contact", contact=org.contact.strip())))
    return Section("consequences", t("section.consequences"), tuple(blocks))


def version(ctx: DocContext) -> Section:
    t, org = ctx.t, ctx.policy.organisation
    items = []
    if org is not None:
        items.append(Item(t("version.version", version=org.policy_version)))
        items.append(Item(t("version.effective", date=t.date(org.effective_date))))
        if org.website.strip():
            items.append(Item(t("version.website", website=org.website.strip())))
    if ctx.git_commit:
        items.append(Item(t("version.commit", commit=ctx.git_commit)))
    blocks: tuple[Block, ...] = (*bullets(items), Paragraph(t("version.generated")))
    return Section("version", t("section.version"), blocks)
