"""The lint engine: channel resolution, waivers, severities, calendar rules, the post store."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from lint_helpers import rendered, run_lint, write_calendar, write_policy

from governance import finding_runs
from governance.findings import Location, Severity
from governance.lint import LintOptions, lint
from governance.lint import engine as engine_module
from governance.lint.channels import ChannelResolver
from governance.lint.context import activate, build_context, fields_read
from governance.lint.store import STORABLE, PostStore, StoredPost
from governance.lint.terms_file import term_file_path
from governance.loader import load_policy
from governance.models.post import Post
from governance.resources import pack_path
from governance.rules import catalogue
from governance.rules.base import LintContext, Problem, Rule
from governance.rules.catalogue import Catalogue

TODAY_FOR_TESTS = engine_module.dt.date(2026, 11, 23)


def channels_of(tmp_path: Path, snippet: str = "") -> ChannelResolver:
    result = load_policy(write_policy(tmp_path, snippet))
    assert result.policy is not None
    return ChannelResolver(result.policy.policy.channels)


@pytest.mark.parametrize(("cell", "resolved", "why"), [
    ("x-brand", "x-brand", ""),
    ("X-Brand", "x-brand", ""),
    ("twitter", "x-brand", ""),
    ("Telegram", "tg-news", ""),
    ("vk", "vk-brand", ""),
    ("x-brnad", "", "unknown channel 'x-brnad' (did you mean 'x-brand'?)"),
    ("myspace", "", "unknown channel 'myspace' (channels: insta, tg-news, vk-brand, x-brand)"),
    ("", "", "no channel (set one, or calendar.default_channel in the policy)"),
])
def test_a_channel_cell_is_an_id_or_a_network_with_one_channel(
        tmp_path: Path, cell: str, resolved: str, why: str) -> None:
    assert channels_of(tmp_path).resolve(cell) == (resolved, why)


def test_a_network_with_two_channels_needs_the_channel_id(tmp_path: Path) -> None:
    resolver = channels_of(tmp_path, """
channels+:
  - {id: tg-support, network: telegram, handle: "@help", purpose: support, owner: smm-lead}
""")
    assert resolver.resolve("telegram") == (
        "", "network 'telegram' has 2 channels (tg-news, tg-support); name the channel id")


def test_an_unknown_channel_is_an_error_and_other_rules_still_run(tmp_path: Path) -> None:
    result = run_lint(tmp_path, "", [{"id": "p1", "channel": "myspace", "media": ["a.jpg"]}])
    assert sorted(f.rule for f in result.report.findings) == ["lint.unknown-channel",
                                                               "post.alt-text"]


def test_posts_on_network_names_are_judged_as_their_channel(tmp_path: Path) -> None:
    snippet = "networks:\n  x: {max_length: 5}\n"
    result = run_lint(tmp_path, snippet, [{"id": "p1", "channel": "twitter", "text": "123456"}])
    [finding] = result.report.findings
    assert (finding.rule, finding.channel) == ("post.length", "x-brand")


@pytest.mark.parametrize(("waiver", "waived"), [
    ("{rule: post.alt-text, target: {post: p1}, reason: Stock photo, approved_by: smm-lead}",
     ["p1"]),
    ("{rule: post.alt-text, target: {channel: x-brand}, reason: Test account, "
     "approved_by: smm-lead, expires: 2026-12-31}", ["p1", "p2"]),
    ("{rule: post.alt-text, reason: Everywhere, approved_by: smm-lead, expires: 2026-11-22}",
     []),
    # Judged on 2026-11-23: a waiver still covers its expiry day.
    ("{rule: post.alt-text, reason: Last day, approved_by: smm-lead, expires: 2026-11-23}",
     ["p1", "p2", "p3"]),
    ("{rule: post.alt-text, reason: Not approved}", []),
    ("{rule: post.length, reason: Another rule, approved_by: smm-lead}", []),
])
def test_policy_waivers_waive_findings_they_cover(
        tmp_path: Path, waiver: str, waived: list[str]) -> None:
    posts = [{"id": "p1", "media": ["a.jpg"]}, {"id": "p2", "media": ["b.jpg"]},
             {"id": "p3", "channel": "tg-news", "media": ["c.jpg"]}]
    result = run_lint(tmp_path, f"waivers:\n  - {waiver}\n", posts)
    assert result.linted
    assert sorted(f.post_ids[0] for f in result.report.findings if f.waived) == waived
    assert result.report.waived == len(waived)
    labels = {f.waived_by for f in result.report.findings if f.waived}
    assert all(label.startswith("policy waiver by smm-lead") for label in labels)


def test_the_waive_column_waives_a_rule_for_its_post_with_a_reason(tmp_path: Path) -> None:
    posts = [
        {"id": "p1", "media": ["a.jpg"], "waive": ["post.alt-text: stock photo, no people"]},
        {"id": "p2", "media": ["a.jpg"], "waive": ["post.alt-text"]},
        {"id": "p3", "media": ["a.jpg"], "waive": ["post.alt-txt: typo"]},
        {"id": "p4", "media": ["a.jpg"]},
    ]
    result = run_lint(tmp_path, "", posts)
    assert sorted(rendered(f) for f in result.report.findings) == [
        "p1 waived: 1 media file without alternative text",
        "p2 error: waiver of 'post.alt-text' gives no reason (write 'rule-id: why'); "
        "it waives nothing",
        "p2 info: 1 media file without alternative text",
        "p3 info: 1 media file without alternative text",
        "p3 warning: 'waive' names unknown rule 'post.alt-txt' (did you mean "
        "'post.alt-text'?); it waives nothing",
        "p4 info: 1 media file without alternative text",
    ]
    [waived] = [f for f in result.report.findings if f.waived]
    assert waived.waived_by == "waived in the calendar: stock photo, no people"
    assert "(1 waived)" in result.report.summary()


def test_declared_rule_ids_may_be_waived_per_post(tmp_path: Path) -> None:
    snippet = """
content:
  rules:
    - {id: acme.cheap, type: existence, tokens: [cheap], message: cheap}
"""
    posts = [{"id": "p1", "text": "cheap", "waive": ["acme.cheap: quoting a customer"]}]
    [finding] = run_lint(tmp_path, snippet, posts).report.findings
    assert finding.waived and finding.rule == "acme.cheap"


@pytest.mark.parametrize(("setting", "expected"), [
    ("", ["p1 info: 1 media file without alternative text"]),
    ("rules: {post.alt-text: warning}", ["p1 warning: 1 media file without alternative text"]),
    ("rules: {post.alt-text: {severity: error}}",
     ["p1 error: 1 media file without alternative text"]),
    ("rules: {post.alt-text: 'off'}", []),
])
def test_the_policy_sets_a_rules_severity_or_switches_it_off(
        tmp_path: Path, setting: str, expected: list[str]) -> None:
    result = run_lint(tmp_path, setting, [{"id": "p1", "media": ["a.jpg"]}])
    assert [rendered(f) for f in result.report.findings] == expected


def test_a_policy_with_errors_stops_the_lint(tmp_path: Path) -> None:
    result = run_lint(tmp_path, "channels:\n  - {id: x-brand, colour: red}\n",
                      [{"id": "p1", "media": ["a.jpg"]}])
    assert not result.linted
    assert [f.rule for f in result.report.findings] == ["schema.unknown-key"]
    assert "posts" not in result.report.checked


def test_several_calendars_are_linted_as_one(tmp_path: Path) -> None:
    policy = write_policy(tmp_path, "")
    first = write_calendar(tmp_path, [{"id": "a1", "media": ["a.jpg"]}], "first.yaml")
    second = write_calendar(tmp_path, [{"id": "b1"}, {"id": "b2", "media": ["b.jpg"]}],
                            "second.yaml")
    report = lint(LintOptions([str(first), str(second)], str(policy))).report
    assert report.checked["posts"] == 3
    assert [(Path(f.location.file).name, f.post_ids) for f in report.findings
            if f.location] == [("first.yaml", ("a1",)), ("second.yaml", ("b2",))]


def test_the_report_is_the_same_on_every_run(tmp_path: Path) -> None:
    posts = [{"id": f"p{i}", "media": ["a.jpg"], "channel": ch}
             for i, ch in enumerate(["vk-brand", "x-brand", "tg-news", "insta"] * 3)]
    first = run_lint(tmp_path / "a", "", posts).report
    second = run_lint(tmp_path / "b", "", posts).report
    assert [(f.rule, f.post_ids, f.location.line if f.location else 0) for f in first.findings] \
        == [(f.rule, f.post_ids, f.location.line if f.location else 0) for f in second.findings]
    assert [f.post_ids[0] for f in first.findings] == [f"p{i}" for i in range(12)]


class _PairRule:
    """A calendar rule for the engine's sake: flags each pair of posts on one channel."""

    def check(self, posts: Sequence[Post], ctx: LintContext) -> Iterator[Problem]:
        by_channel: dict[str, list[Post]] = {}
        for post in posts:
            by_channel.setdefault(post.channel, []).append(post)
        for channel, group in sorted(by_channel.items()):
            if len(group) > 1:
                yield Problem(f"{len(group)} posts on {channel}", posts=tuple(group),
                              channel=channel, field="text")


def _calendar_rule() -> Rule:
    return Rule("test.pairs", "Pairs.", Severity.WARNING, "test", "calendar", "doc",
                _PairRule().check)


def _only_calendar_rule(monkeypatch: pytest.MonkeyPatch, rule: Rule) -> None:
    """The shipped rules, with ``rule`` as the only calendar rule."""
    others = tuple(shipped for shipped in catalogue.SHIPPED if shipped.target != "calendar")
    monkeypatch.setattr(catalogue, "SHIPPED", (*others, rule))


def test_calendar_rules_see_every_post_and_point_at_the_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _only_calendar_rule(monkeypatch, _calendar_rule())
    posts = [{"id": "p1", "text": "Привет 👋"}, {"id": "p2", "channel": "twitter"},
             {"id": "p3", "channel": "tg-news"}, {"id": "p4", "channel": "myspace"}]
    report = run_lint(tmp_path, "", posts).report
    [pairs] = [f for f in report.findings if f.rule == "test.pairs"]
    assert (pairs.message, pairs.post_ids, pairs.channel) == ("2 posts on x-brand",
                                                             ("p1", "p2"), "x-brand")
    assert pairs.location is not None and pairs.location.line == 2
    assert "group" not in pairs.data
    assert report.checked["rules"] >= 1


def test_a_calendar_finding_is_waived_by_the_waive_cell_of_its_post(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _only_calendar_rule(monkeypatch, _calendar_rule())
    posts = [{"id": "p1", "waive": ["test.pairs: launch day"]}, {"id": "p2"}]
    [pairs] = run_lint(tmp_path, "", posts).report.findings
    assert pairs.waived_by == "waived in the calendar: launch day"


def _module_rule(name: str, active: bool) -> Rule:
    module = types.ModuleType(name, "A rule.\n\nFails::\n\n    x\n\nPasses::\n\n    y\n")
    module.ID, module.SUMMARY, module.SEVERITY = name, "A rule.", Severity.INFO
    module.SOURCE, module.TARGET = "test", "calendar"
    exec("def check(posts, ctx):\n    return iter(())\n", module.__dict__)
    exec(f"def prepare(ctx):\n    return {active}\n", module.__dict__)
    sys.modules[name] = module
    return Rule.from_module(module)


def test_rules_whose_prepare_says_inactive_do_not_run(tmp_path: Path) -> None:
    result = load_policy(write_policy(tmp_path, ""))
    assert result.policy is not None
    ctx = build_context(result.policy.policy, result.policy.policy.organisation.effective_date,
                        None)
    rules = [_module_rule("lint_test_on", True), _module_rule("lint_test_off", False)]
    active = activate(rules, Catalogue(result.policy.policy), ctx)
    assert [a.rule.id for a in active] == ["lint_test_on"]


def test_stored_posts_keep_what_calendar_rules_read() -> None:
    original = Post(id="p1", publish_at=engine_module.dt.datetime(2026, 3, 2, 10,
                    tzinfo=engine_module.dt.timezone.utc), channel="x-brand",
                    text="Кофе ☕ и 👋", kind="promo", location=Location("c.csv", 7, 1),
                    field_locations={"text": Location("c.csv", 7, 30)}, extra={"campaign": "a"})
    store = PostStore()
    store.add(original)
    [kept] = store.posts
    assert isinstance(kept, StoredPost)
    assert (kept.text, kept.kind, kept.get("campaign")) == ("Кофе ☕ и 👋", "promo", "a")
    assert kept.location_of("text") == Location("c.csv", 7, 1)
    assert kept.publish_at == original.publish_at


def test_term_files_are_found_beside_the_file_that_declares_them() -> None:
    assert term_file_path("policies/acme/content.yaml", "terms.csv") == \
        Path("policies/acme/terms.csv")
    root = pack_path("network-limits")
    assert root is not None
    assert term_file_path("pack:network-limits/networks.yaml", "t.csv") == root / "t.csv"


def _calendar_module(name: str, fields: set[str] | None) -> Rule:
    _module_rule(name, True)
    if fields is not None:
        sys.modules[name].FIELDS = frozenset(fields)
    return Rule.from_module(sys.modules[name])


@pytest.mark.parametrize(("fields", "kept"), [
    ([{"kind"}], {"kind", "text"}),  # the text all the same: a post without an id
    ([set()], {"text"}),
    ([{"kind"}, {"text", "link"}], {"kind", "text", "link"}),
    ([{"kind"}, None], set(STORABLE)),
    ([{"campaign"}], {"extra", "text"}),
])
def test_the_store_keeps_what_the_calendar_rules_read(
        tmp_path: Path, fields: list[set[str] | None], kept: set[str]) -> None:
    result = load_policy(write_policy(tmp_path, ""))
    assert result.policy is not None
    ctx = build_context(result.policy.policy, TODAY_FOR_TESTS, None)
    rules = [_calendar_module(f"lint_fields_{i}", f) for i, f in enumerate(fields)]
    assert fields_read(activate(rules, Catalogue(result.policy.policy), ctx)) == kept


def test_a_store_without_text_keeps_no_text() -> None:
    store = PostStore(frozenset({"kind"}))
    store.add(Post(id="p1", publish_at=engine_module.dt.datetime(2026, 3, 2, 10), channel="x",
                   text="long text", kind="promo", author="a"))
    [kept] = store.posts
    assert (kept.text, kept.kind, kept.author) == ("", "promo", "")


def test_no_calendar_rule_to_run_means_no_post_is_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("posts kept although no calendar rule runs")

    monkeypatch.setattr(engine_module, "PostStore", refuse)
    result = run_lint(tmp_path, "", [{"id": f"p{i}"} for i in range(50)])
    assert result.report.checked["posts"] == 50


def test_calendar_findings_naming_many_posts_are_handed_over_alike(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snippet = "content:\n  link_share: {max_percent: 20, window_days: 7, min_posts: 3}\n"
    posts = [{"id": f"p{n}", "publish_at": f"2026-03-{1 + n // 4:02d}T{8 + n % 4}:00:00+00:00",
              "link": f"https://example.org/{n}", "text": "see"} for n in range(60)]
    whole = run_lint(tmp_path / "whole", snippet, posts).report.findings
    monkeypatch.setattr(finding_runs, "RUN_IDS", 5)
    handed = run_lint(tmp_path / "handed", snippet, posts).report.findings
    shares = [f for f in handed if f.rule == "content.link-share"]
    assert shares and max(len(f.post_ids) for f in shares) > 5
    assert [(f.rule, f.message, f.post_ids, f.data) for f in handed] == \
        [(f.rule, f.message, f.post_ids, f.data) for f in whole]


_EVERY_CALENDAR_RULE = """
channels:
  - {id: x-brand, cadence: {max_per_hour: 1, max_per_day: 2, min_per_week: 5, max_silence_days: 2}}
content:
  kinds: [{id: promo, promotional: true}, {id: news}]
  promo_share: {max_percent: 20, window_days: 7, min_posts: 3}
  link_share: {max_percent: 20, window_days: 7, min_posts: 3}
  duplicates: {window_days: 30, similarity: 0.8}
"""


def test_calendar_rules_read_no_field_they_do_not_declare(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Spring blend is here www.example.org", "spring blend is here!", "Hiring baristas",
             "Our cafe opens at nine", "Visit https://example.org/menu today", ""]
    posts = [{"id": f"p{n}" if n % 7 else "", "text": texts[n % len(texts)],
              # three posts a day, two of them within an hour, and four silent days
              "publish_at": f"2026-03-{1 + n // 3 + (4 if n >= 27 else 0):02d}"
                            f"T{[9, 9, 15][n % 3]:02d}:{[0, 40, 0][n % 3]:02d}:00+00:00",
              "kind": ["promo", "news", ""][n % 3], "link": "https://example.org" if n % 4 else "",
              "author": "smm-manager", "sponsored": n % 5 == 0, "tags": ["a"] if n % 2 else []}
             for n in range(45)]

    def report(root: Path) -> list[tuple[object, ...]]:
        found = run_lint(root, _EVERY_CALENDAR_RULE, posts).report.findings
        return [(f.rule, f.message, f.post_ids, f.data) for f in found]

    declared = report(tmp_path / "declared")
    monkeypatch.setattr(engine_module, "fields_read", lambda rules: STORABLE)
    assert declared == report(tmp_path / "every")
    assert {rule for rule, *_ in declared} >= {
        "content.promo-share", "content.link-share", "content.duplicates",
        "cadence.max-per-hour", "cadence.max-per-day", "cadence.silence"}
