"""The staff policy view model: what each section says, and that empty ones are left out."""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path

import pytest
from render_helpers import load

from governance.findings import Severity
from governance.render.document import BulletList, Examples, Item, Section
from governance.render.policy_document import build_document, document_context
from governance.render.wording import DocContext, example_pairs
from governance.rules.catalogue import RuleInfo

BASE = """\
organisation:
  name: Acme
  policy_version: "3"
  effective_date: 2027-01-10
roles:
  - {id: boss, title: Boss, executive: true}
  - {id: smm, title: SMM manager}
  - {id: pr, title: PR agency, type: agency}
"""


def context(tmp_path: Path, extra: str = "", lang: str = "en", **changes: object) -> DocContext:
    """The policy's context with no shipped rules running, unless ``rules`` says otherwise:
    the sections should not change whenever a rule is added to the registry."""
    path = tmp_path / "policy.yaml"
    path.write_text(BASE + textwrap.dedent(extra), encoding="utf-8")
    ctx = document_context(load(path).policy, lang)
    changes.setdefault("rules", {})
    changes.setdefault("running", None)
    return dataclasses.replace(ctx, **changes)


def sections(ctx: DocContext) -> dict[str, Section]:
    return {s.anchor: s for s in build_document(ctx).sections}


def items(section: Section) -> list[Item]:
    blocks = list(section.blocks) + [b for s in section.subsections for b in s.blocks]
    return [i for b in blocks if isinstance(b, BulletList) for i in b.items]


def texts(section: Section) -> list[str]:
    return [f"{i.text} {i.note}".strip() + (f" [{i.rule}]" if i.rule else "")
            for i in items(section)]


def test_a_policy_that_declares_little_gets_only_the_sections_it_fills(tmp_path: Path) -> None:
    assert list(sections(context(tmp_path))) == [
        "purpose", "scope", "roles", "consequences", "version"]


@pytest.mark.parametrize(("extra", "anchor"), [
    ("goals: [{id: g, statement: Sell more, business_goal: sales, kpis: [{id: k, metric: "
     "orders, target: {type: absolute, value: 10}, period: month, owner: smm}]}]",
     "measurement"),
    ("channels: [{id: c, network: vk, handle: h, purpose: brand, owner: smm}]", "channels"),
    ("workflow: {activities: [{id: p, name: Publish, kind: publish, raci: {smm: R, boss: A}}]}",
     "workflow"),
    ("workflow: {activities: [{id: r, name: Review, kind: review, raci: {smm: R, boss: A}}]}",
     "leadership"),
    ("workflow: {escalation: [{id: e, category: Complaint, to: smm}]}", "responding"),
    ("tone: {voice: Friendly.}", "tone"),
    ("content: {promo_share: {max_percent: 20}}", "content"),
    ("disclosure: {sponsorship: {}}", "disclosure"),
    ("content: {confidential: [Prices]}", "disclosure"),
    ("waivers: [{rule: x.y, reason: Launch, approved_by: boss}]", "waivers"),
])
def test_a_section_appears_once_its_part_of_the_policy_is_declared(tmp_path: Path, extra: str,
                                                                  anchor: str) -> None:
    assert anchor not in sections(context(tmp_path))
    assert anchor in sections(context(tmp_path, extra))


def test_sections_are_numbered_in_order_without_gaps(tmp_path: Path) -> None:
    numbers = [s.number for s in build_document(context(tmp_path)).sections]
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize(("rule", "expected"), [
    ("{id: r, type: existence, tokens: [cheap, free], message: m}",
     "Do not use “cheap” or “free”. [r]"),
    ("{id: r, type: substitution, swap: {clients: guests, bad: ''}, message: m, "
     "description: Our words.}",
     "Use the preferred wording: “guests”, not “clients”. Never use “bad”. Our words. [r]"),
    ("{id: r, type: occurrence, token: '#', max: 3, message: m}",
     "Use “#” at most 3 times in the text. [r]"),
    ("{id: r, type: occurrence, token: '!', min: 1, max: 2, message: m, scope: title}",
     "Use “!” 1 to 2 times in the “title” field. [r]"),
    ("{id: r, type: length, max: 1, unit: words, message: m, scope: alt_text}",
     "Keep the image description to at most 1 word. [r]"),
    ("{id: r, type: pattern, pattern: 'x+', message: 'Found {match} here', "
     "applies_to: {sponsored: true, kinds: [promo]}}",
     "Found the flagged wording here. Applies to posts of kind “promo”; sponsored posts only. [r]"),
    ("{id: r, type: cadence, max_per_day: 1, message: m, applies_to: {networks: [x]}}",
     "Post at most 1 post a day. Applies to posts on X (Twitter). [r]"),
    ("{id: r, type: share, match: {field: kind, equals: promo}, max_percent: 10, "
     "message: m, description: Rarely.}",
     "Rarely. At most 10% of the posts of each channel over any 30 days may do this. [r]"),
    ("{id: r, type: conditional, message: m, if: {all: [{field: text, pattern: released}, "
     "{not: {field: text, pattern: security}}]}, then: {any: [{field: link, present: true}, "
     "{field: kind, one_of: [promo]}]}}",
     "If the text matches “released” and not (the text matches “security”), then the link is "
     "filled in or the “kind” field is one of “promo”. [r]"),
    ("{id: r, type: existence, tokens: [cheap], message: m, "
     "applies_to: {networks: [x], except: {kinds: [promo]}}, "
     "when: {any: [{field: kind, equals: promo}, {field: text, pattern: sale, within_first: 9}]}}",
     "Do not use “cheap”. Applies to posts on X (Twitter); except posts of kind “promo”. "
     "Only for posts where the “kind” field is “promo” or the text matches “sale” within its "
     "first 9 characters. [r]"),
    ("{id: r, type: entities, entity: mention, allow: [kubernetesio, '@K8sContributors'], "
     "allow_file: handles.txt, max: 3, message: m}",
     "Mention only these accounts: “@kubernetesio”, “@K8sContributors”, and those listed in "
     "handles.txt. Mention at most 3 accounts in a post. [r]"),
    ("{id: r, type: entities, entity: domain, deny: [bit.ly], message: m}",
     "Never link to “bit.ly”. [r]"),
    ("{id: r, type: schedule, on: [wednesday, friday], at_least: 2, message: m, "
     "when: {field: text, pattern: meeting}}",
     "Publish at least 2 posts every Wednesday and Friday. Only for posts where the text "
     "matches “meeting”. [r]"),
    ("{id: r, type: pair, first: {field: action, equals: repost}, second: {field: action, "
     "equals: quote}, same: [target], within: {min_minutes: 60, max_minutes: 120}, message: m}",
     "After a post where the “action” field is “repost”, publish a post where the “action” "
     "field is “quote” with the same value in the “target” field, 60 to 120 minutes later. [r]"),
])
def test_declared_rules_are_worded_for_people(tmp_path: Path, rule: str, expected: str) -> None:
    ctx = context(tmp_path, f"content:\n  kinds: [{{id: promo}}]\n  rules: [{rule}]\n")
    content = sections(ctx)["content"]
    declared = next(sub for sub in content.subsections if sub.title == "Other content rules")
    assert texts(Section("", "", declared.blocks)) == [expected]


def test_schedules_name_their_event_and_show_example_calendars(tmp_path: Path) -> None:
    ctx = context(tmp_path, """\
        content:
          events:
            - {id: election, start: 2026-10-01, end: 2026-10-14, description: Steering election}
          rules:
            - id: r
              type: schedule
              before: {event: election, days: 21}
              at_least: 2
              include_partial: true
              message: m
              examples:
                fail: [{posts: [{publish_at: "2026-09-09T10:00:00Z", text: Vote!}]}]
        """)
    content = sections(ctx)["content"]
    declared = next(sub for sub in content.subsections if sub.title == "Other content rules")
    assert texts(Section("", "", declared.blocks)) == [
        "Publish at least 2 posts in the 21 days before Steering election (October 1, 2026). "
        "This holds at the first and last days of the calendar too. [r]"]
    assert [(p.dont, p.do) for p in example_pairs(ctx.policy.content.rules[0], ctx.t)] == [
        ("[September 9, 2026: 10:00\u202fAM] Vote!", "")]


def test_rule_examples_become_dont_and_do(tmp_path: Path) -> None:
    ctx = context(tmp_path, """\
        tone:
          examples: [{dont: The company says, do: We say, why: First person.}]
          rules:
            - id: t.r
              type: existence
              tokens: [synergy]
              message: m
              examples:
                fail: [Great synergy, {text: Synergy again, link: "https://a.example"}]
                pass: [Working together]
        """)
    block = sections(ctx)["tone"].subsections[-1].blocks[0]
    assert isinstance(block, Examples)
    assert [(p.dont, p.do, p.why, p.rule) for p in block.pairs] == [
        ("The company says", "We say", "First person.", ""),
        ("Great synergy", "Working together", "", "t.r"),
        ("Synergy again [link: https://a.example]", "", "", "t.r"),
    ]


def fake_rule(rule_id: str, enabled: bool = True, target: str = "post") -> RuleInfo:
    return RuleInfo(rule_id, f"Summary of {rule_id}.", Severity.WARNING, target,  # type: ignore[arg-type]
                    "", "", enabled=enabled, effective=Severity.WARNING if enabled else None)


def test_statements_cite_only_rules_that_run(tmp_path: Path) -> None:
    extra = "channels: [{id: c, network: vk, handle: h, purpose: brand, owner: smm, topics: [a]}]"
    topics = items(sections(context(tmp_path, extra))["content"])
    assert [i.rule for i in topics] == [""]
    running = {"post.topic": fake_rule("post.topic"),
               "post.topic-missing": fake_rule("post.topic-missing", enabled=False)}
    topics = items(sections(context(tmp_path, extra, rules=running))["content"])
    assert [i.rule for i in topics] == ["post.topic"]


def test_rules_no_statement_cites_are_listed_so_none_goes_unmentioned(tmp_path: Path) -> None:
    running = {"post.fake": fake_rule("post.fake"), "post.off": fake_rule("post.off", False),
               "policy.only": fake_rule("policy.only", target="policy")}
    checks = sections(context(tmp_path, rules=running))["checks"]
    assert texts(checks) == ["Summary of post.fake. [post.fake]"]


def test_waivers_in_force_on_the_effective_date_or_today(tmp_path: Path) -> None:
    extra = """\
        waivers:
          - {rule: a.b, reason: Launch, approved_by: boss, expires: 2027-02-01, target: {post: p1}}
          - {rule: c.d, reason: Old, approved_by: boss, expires: 2027-01-01}
          - {rule: e.f, reason: "", approved_by: boss}
        """
    assert texts(sections(context(tmp_path, extra))["waivers"]) == [
        "Exception for post “p1”, until February 1, 2027. Reason: Launch. Approved by Boss. [a.b]"]
    import datetime as dt

    later = context(tmp_path, extra, today=dt.date(2027, 3, 1))
    assert "waivers" not in sections(later)


def test_leadership_names_who_is_accountable_for_each_moment(tmp_path: Path) -> None:
    ctx = context(tmp_path, """\
        workflow:
          activities:
            - {id: d, name: Decide, kind: resolve_conflict, raci: {boss: A, smm: R, pr: C}}
            - {id: s, name: Set goals, kind: set_goals, raci: {boss: A, smm: R}}
        """, lang="ru")
    assert texts(sections(ctx)["leadership"]) == [
        "Постановка целей и показателей. Set goals: выполняет SMM manager, отвечает за "
        "результат Boss.",
        "Решение разногласий. Decide: выполняет SMM manager, отвечает за результат Boss. "
        "Консультирует: PR agency.",
    ]


def test_approvals_and_escalation_in_words(tmp_path: Path) -> None:
    ctx = context(tmp_path, """\
        workflow:
          approvals:
            - {id: a, when: {sponsored: true, kinds: [promo]}, approvers: [boss, smm], required: 2}
          escalation:
            - {id: e1, category: Complaint, to: smm, within_minutes: 90, then: e2}
            - {id: e2, category: Crisis, to: boss, within_minutes: 1440}
        content: {kinds: [{id: promo}]}
        """)
    assert texts(sections(ctx)["workflow"]) == [
        "Sponsored posts of kind “promo” need 2 approvals from Boss and SMM manager before "
        "publishing. The author cannot approve their own post."]
    assert texts(sections(ctx)["responding"]) == [
        "Complaint: pass to SMM manager within 90 minutes. If it is not resolved in time: "
        "follow the “Crisis” route.",
        "Crisis: pass to Boss within 1 day."]


def test_approvals_every_role_must_give(tmp_path: Path) -> None:
    ctx = context(tmp_path, """\
        workflow:
          approvals:
            - {id: a, when: {kinds: [promo]}, all_of: [boss, pr]}
            - {id: b, when: {sponsored: true}, all_of: [boss], approvers: [smm, pr]}
        content: {kinds: [{id: promo}]}
        """)
    assert texts(sections(ctx)["workflow"]) == [
        "All posts of kind “promo” need an approval from each of Boss and PR agency before "
        "publishing. The author cannot approve their own post.",
        "Sponsored posts need an approval from each of Boss, and one from SMM manager or "
        "PR agency, before publishing. The author cannot approve their own post."]


def test_kinds_of_posts_are_explained(tmp_path: Path) -> None:
    ctx = context(tmp_path, """\
        content:
          kinds:
            - {id: promo, description: Discounts and contests., promotional: true}
            - {id: news}
        """, rules={"post.kind-known": fake_rule("post.kind-known")})
    content = sections(ctx)["content"]
    assert content.subsections[0].title == "Kinds of posts"
    assert texts(Section("", "", content.subsections[0].blocks)) == [
        "“promo”: Discounts and contests. Counts as promotional. [post.kind-known]",
        "“news” [post.kind-known]"]


def test_declared_fields_tell_staff_what_to_fill_in(tmp_path: Path) -> None:
    ctx = context(tmp_path, """
        calendar:
          fields:
            rights: {type: enum, values: [own, cc-by], required: true,
                     description: Who may use the image}
            data_verified: {type: bool}
        """)
    fields = next(sub for sub in sections(ctx)["content"].subsections
                  if sub.title == "What the calendar records for each post")
    assert texts(Section("", "", fields.blocks)) == [
        "“rights”: Who may use the image. One of “own” or “cc-by”. Every post gives it.",
        "“data_verified” Yes or no.",
    ]


def test_an_account_that_replies_to_no_one_says_so(tmp_path: Path) -> None:
    ctx = context(tmp_path, """
        channels:
          - {id: x-news, network: x, handle: acmenews, purpose: news, owner: smm,
             answers: false}
          - {id: vk, network: vk, handle: acme, purpose: brand, owner: smm, responders: [smm]}
        """)
    assert texts(sections(ctx)["responding"]) == [
        "X (Twitter) acmenews: does not answer comments or messages.",
        "VK acme: answered by SMM manager.",
    ]
