"""Staff policy sections about people and process: purpose, scope, roles, channels,
publishing workflow, responding, leadership involvement and measurement."""

from __future__ import annotations

from governance.models.channels import Channel, Purpose
from governance.models.common import RoleRef
from governance.models.goals import KPI, Target
from governance.models.roles import RoleType
from governance.models.workflow import Activity, ActivityKind, Approval
from governance.render.document import (
    Block,
    Item,
    Paragraph,
    Section,
    Subsection,
    bullets,
    clean,
    join_phrases,
    table,
)
from governance.render.i18n import ListStyle
from governance.render.wording import DocContext, role_kind

PUBLISHING_KINDS = (ActivityKind.PLAN_CALENDAR, ActivityKind.CREATE_CONTENT,
                    ActivityKind.APPROVE_CONTENT, ActivityKind.PUBLISH,
                    ActivityKind.REPORT, ActivityKind.OTHER)
RESPONDING_KINDS = (ActivityKind.MONITOR, ActivityKind.RESPOND, ActivityKind.HANDLE_NEGATIVE)
#: The four moments leadership steps in, whoever runs the accounts («Не надо беспокоить
#: нашего директора, или кто должен контролировать работу компании в социальных сетях»).
LEADERSHIP_KINDS = (ActivityKind.SET_GOALS, ActivityKind.CHANGE_GOALS, ActivityKind.REVIEW,
                    ActivityKind.RESOLVE_CONFLICT)


def _letter(activity: Activity, letter: str) -> list[RoleRef]:
    return [role for role, value in activity.raci.items() if value == letter]


def activity_item(activity: Activity, ctx: DocContext) -> Item:
    """``Name: X does it; Y is accountable.`` with who is consulted and informed as a note."""
    t = ctx.t
    responsible = _letter(activity, "R")
    text = t("activity.line", count=max(len(responsible), 1), name=clean(activity.name),
             responsible=ctx.roles(responsible) or t("activity.nobody"),
             accountable=ctx.roles(_letter(activity, "A")) or t("activity.nobody"))
    notes = [clean(activity.description)] if activity.description.strip() else []
    if consulted := _letter(activity, "C"):
        notes.append(t("activity.consulted", roles=ctx.roles(consulted)))
    if informed := _letter(activity, "I"):
        notes.append(t("activity.informed", roles=ctx.roles(informed)))
    if activity.cadence is not None:
        notes.append(t("activity.cadence", cadence=t(f"cadence.{activity.cadence.value}")))
    return Item(text, " ".join(notes))


def _activities(ctx: DocContext, kinds: tuple[ActivityKind, ...]) -> list[Item]:
    return [activity_item(a, ctx) for a in ctx.policy.workflow.activities if a.kind in kinds]


def purpose(ctx: DocContext) -> Section:
    t, org = ctx.t, ctx.policy.organisation
    name = org.name if org else ""
    goals = [Item(t("purpose.goal", statement=clean(g.statement),
                    business_goal=t(f"business_goal.{g.business_goal.value}")),
                  clean(g.description))
             for g in ctx.policy.goals]
    blocks: list[Block] = [Paragraph(t("purpose.intro", organisation=name))]
    if goals:
        blocks += [Paragraph(t("purpose.goals_intro")), *bullets(goals)]
    return Section("purpose", t("section.purpose"), tuple(blocks))


def scope(ctx: DocContext) -> Section:
    t, policy = ctx.t, ctx.policy
    blocks: list[Block] = []
    if policy.organisation and policy.organisation.applies_to.strip():
        blocks.append(Paragraph(clean(policy.organisation.applies_to)))
    agencies = [r.title for r in policy.roles if r.type is RoleType.AGENCY]
    if agencies:
        blocks.append(Paragraph(t("scope.agencies", roles=t.join(agencies))))
    if policy.channels:
        blocks.append(Paragraph(t("scope.channels_line", count=len(policy.channels))))
    return Section("scope", t("section.scope"), tuple(blocks))


def roles(ctx: DocContext) -> Section:
    t = ctx.t
    header = (t("roles.role"), t("roles.type"), t("roles.department"), t("roles.duties"),
              t("roles.contact"))
    rows = [(r.title, role_kind(r, t), r.department.strip(), join_phrases(r.duties),
             r.contact.strip()) for r in ctx.policy.roles]
    blocks = (table(header, rows),) if rows else ()
    return Section("roles", t("section.roles"), blocks)


def channels(ctx: DocContext) -> Section:
    """A compact table of who runs each account, then what each account is for."""
    t = ctx.t
    header = (t("channels.account"), t("channels.purpose"), t("channels.owner"),
              t("channels.operated_by"), t("channels.address"))
    rows = [(ctx.channel(c), t(f"channel_purpose.{c.purpose.value}"), ctx.role(c.owner),
             ctx.role(c.operated_by), c.url.strip()) for c in ctx.policy.channels]
    details = [item for c in ctx.policy.channels if (item := _channel_details(c, ctx))]
    blocks: tuple[Block, ...] = (table(header, rows), *bullets(details)) if rows else ()
    return Section("channels", t("section.channels"), blocks)


def _channel_details(channel: Channel, ctx: DocContext) -> Item | None:
    t = ctx.t
    goal_titles = {g.id: clean(g.statement) for g in ctx.policy.goals}
    facts = []
    if channel.audience.strip():
        facts.append(t("channels.audience_line", audience=clean(channel.audience)))
    if channel.authors:
        facts.append(t("channels.authors_line", roles=ctx.roles(channel.authors)))
    if channel.language:
        facts.append(t("channels.language_line", language=channel.language))
    if channel.goals:
        facts.append(t("channels.goals_line", goals=join_phrases(
            [goal_titles.get(g, g) for g in channel.goals])))
    if not facts and not channel.description.strip():
        return None
    text = ctx.channel(channel)
    if channel.description.strip():
        text = t("channels.described", channel=text, description=clean(channel.description))
    return Item(text, " ".join(facts))


def _approval_posts(approval: Approval, ctx: DocContext) -> str:
    t, when = ctx.t, approval.when
    sponsored = {None: "any", True: "sponsored", False: "unsponsored"}[when.sponsored]
    posts = t(f"approval.posts_{sponsored}")
    if when.kinds:
        posts = t("approval.of_kinds", posts=posts, kinds=ctx.kinds(when.kinds))
    if when.channels:
        posts = t("approval.on_channels", posts=posts,
                  channels=t.join(ctx.channel_ref(c) for c in when.channels))
    return posts


def _any_of(approval: Approval) -> ListStyle:
    """"A or B" when any of the approvers will do; "A and B" when every one must approve."""
    return "standard" if approval.required >= len(approval.approvers) else "or"


def _approval_line(approval: Approval, ctx: DocContext) -> str:
    t, posts = ctx.t, _approval_posts(approval, ctx)
    others = [r for r in dict.fromkeys(approval.approvers) if r not in approval.all_of]
    if not approval.all_of:
        return t("approval.line", count=approval.required, posts=posts,
                 approvers=ctx.roles(approval.approvers, _any_of(approval)))
    every = ctx.roles(dict.fromkeys(approval.all_of))
    if not others:
        return t("approval.all_of", posts=posts, roles=every)
    style: ListStyle = "standard" if approval.required >= len(others) else "or"
    return t("approval.all_of_and", count=approval.required, posts=posts, roles=every,
             approvers=ctx.roles(others, style))


def approval_item(approval: Approval, ctx: DocContext) -> Item:
    t = ctx.t
    text = _approval_line(approval, ctx)
    notes = [clean(approval.description)] if approval.description.strip() else []
    notes.append(t("approval.self_allowed" if approval.allow_self_approval else "approval.no_self"))
    return Item(text, " ".join(notes), ctx.cite("approvals"))


def workflow(ctx: DocContext) -> Section:
    t = ctx.t
    steps = _activities(ctx, PUBLISHING_KINDS)
    approvals = [approval_item(a, ctx) for a in ctx.policy.workflow.approvals]
    subsections = []
    if approvals:
        subsections.append(Subsection(t("workflow.approvals"), bullets(approvals)))
    blocks: list[Block] = []
    if steps:
        blocks += [Paragraph(t("workflow.intro")), *bullets(steps)]
    return Section("workflow", t("section.workflow"), tuple(blocks), tuple(subsections))


def duration(minutes: int, ctx: DocContext) -> str:
    if minutes % 1440 == 0:
        return ctx.t("unit.days", count=minutes // 1440)
    if minutes % 60 == 0:
        return ctx.t("unit.hours", count=minutes // 60)
    return ctx.t("unit.minutes", count=minutes)


def _response_items(ctx: DocContext) -> list[Item]:
    t, items = ctx.t, []
    for c in ctx.policy.channels:
        if not c.answers:
            items.append(Item(t("responding.channel_silent", channel=ctx.channel(c))))
            continue
        if not c.responders and c.response_time_minutes is None:
            continue
        who = ctx.roles(c.responders) if c.responders else ctx.role(c.operated_by or c.owner)
        if c.response_time_minutes is not None:
            items.append(Item(t("responding.channel_within", channel=ctx.channel(c), roles=who,
                                within=duration(c.response_time_minutes, ctx))))
        else:
            items.append(Item(t("responding.channel", channel=ctx.channel(c), roles=who)))
    return items


def _escalation_items(ctx: DocContext) -> list[Item]:
    t, routes = ctx.t, ctx.policy.workflow.escalation
    categories = {r.id: clean(r.category) for r in routes}
    items = []
    for route in routes:
        key = "escalation.route_within" if route.within_minutes else "escalation.route"
        text = t(key, category=clean(route.category), role=ctx.role(route.to),
                 within=duration(route.within_minutes or 1, ctx))
        notes = [clean(route.description)] if route.description.strip() else []
        if route.then:
            notes.append(t("escalation.then", category=categories.get(route.then, route.then)))
        items.append(Item(text, " ".join(notes)))
    return items


def responding(ctx: DocContext) -> Section:
    t = ctx.t
    subsections = []
    if times := _response_items(ctx):
        subsections.append(Subsection(t("responding.times"), bullets(times)))
    if routes := _escalation_items(ctx):
        subsections.append(Subsection(t("responding.escalation"),
                                      (Paragraph(t("responding.escalation_intro")),
                                       *bullets(routes))))
    duties = _activities(ctx, RESPONDING_KINDS)
    blocks: list[Block] = list(bullets(duties))
    if blocks or subsections:
        intro = [t("responding.intro")]
        if any(c.purpose is Purpose.SUPPORT for c in ctx.policy.channels):
            intro.append(t("responding.support"))
        blocks.insert(0, Paragraph(" ".join(intro)))
    return Section("responding", t("section.responding"), tuple(blocks), tuple(subsections))


def leadership(ctx: DocContext) -> Section:
    t = ctx.t
    items = []
    for kind in LEADERSHIP_KINDS:
        for activity in ctx.policy.workflow.activities:
            if activity.kind is not kind:
                continue
            item = activity_item(activity, ctx)
            items.append(Item(t("leadership.line", moment=t(f"leadership.{kind.value}"),
                                line=item.text), item.note))
    blocks: tuple[Block, ...] = ()
    if items:
        agency = any(r.type is RoleType.AGENCY for r in ctx.policy.roles)
        blocks = (Paragraph(t("leadership.intro_agency" if agency else "leadership.intro")),
                  *bullets(items))
    return Section("leadership", t("section.leadership"), blocks)


def target_words(target: Target, ctx: DocContext) -> str:
    t = ctx.t
    if target.type == "relative":
        return t(f"target.relative_{target.direction}", change=t.percent(target.value))
    value = t.number(target.value)
    amount = t("target.amount", value=value, unit=target.unit) if target.unit else value
    return t(f"target.absolute_{target.direction}", amount=amount)


def _kpi_row(goal: str, kpi: KPI, ctx: DocContext) -> tuple[str, ...]:
    t = ctx.t
    metric = clean(kpi.metric)
    if kpi.description.strip():
        metric = t("measurement.metric_described", metric=metric,
                   description=clean(kpi.description))
    review = ""
    if kpi.review is not None:
        review = t("measurement.review", cadence=t(f"cadence.{kpi.review.cadence.value}"),
                   role=ctx.role(kpi.review.by))
    return (goal, metric, target_words(kpi.target, ctx) if kpi.target else "",
            t(f"period.{kpi.period.value}") if kpi.period else "", ctx.role(kpi.owner), review)


def measurement(ctx: DocContext) -> Section:
    t = ctx.t
    rows = [_kpi_row(clean(g.statement), k, ctx) for g in ctx.policy.goals for k in g.kpis]
    header = (t("measurement.goal"), t("measurement.kpi"), t("measurement.target"),
              t("measurement.period"), t("measurement.owner"), t("measurement.reviewed"))
    blocks: tuple[Block, ...] = ()
    if rows:
        blocks = (Paragraph(t("measurement.intro")), table(header, rows))
    return Section("measurement", t("section.measurement"), blocks)
