"""Policy settings and declared rules in words a non-engineer understands.

Each function turns one piece of the policy into translated sentences (``Item``)
that carry the id of the rule that checks them, so a reader of the staff
document can trace every rule to ``governance explain RULE-ID``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from governance.models.channels import Channel, ChannelCadence, PostingHours
from governance.models.common import Network
from governance.models.policy import Policy
from governance.models.roles import Role
from governance.models.rules import (
    AllOf,
    AnyCondition,
    AnyOf,
    CadenceRule,
    Condition,
    ConditionalRule,
    EntitiesRule,
    ExistenceRule,
    LengthRule,
    NotOf,
    OccurrenceRule,
    PairRule,
    PostSelection,
    RuleFilter,
    ScheduleRule,
    ShareRule,
    SubstitutionRule,
)
from governance.render.declared_words import rule_words
from governance.render.document import ExamplePair, Item, clean
from governance.render.i18n import Catalogue, ListStyle
from governance.rules.catalogue import RuleInfo

#: Which shipped rules enforce a policy setting. A statement cites the ids that are
#: registered and enabled, so the document never names a rule that does not run.
SETTING_RULES: dict[str, tuple[str, ...]] = {
    "promo_share": ("content.promo-share",),
    "link_share": ("content.link-share",),
    "duplicates": ("content.duplicates",),
    "topics": ("post.topic", "post.topic-missing"),
    "kinds": ("post.kind-known",),
    "posting_hours": ("post.posting-hours",),
    "blackouts": ("post.blackout",),
    "personal_data": ("post.personal-data",),
    "sponsorship": ("disclosure.sponsorship",),
    "advertising_ru": ("disclosure.ru-advertising",),
    "approvals": ("approvals.required",),
    "first_person": ("tone.we-voice", "tone.third-person"),
    "officialese": ("tone.officialese",),
}

#: The cadence rule that enforces each cadence setting.
CADENCE_RULES = {
    "max_per_hour": "cadence.max-per-hour",
    "max_per_day": "cadence.max-per-day",
    "min_per_week": "cadence.min-per-week",
    "max_silence_days": "cadence.silence",
}

#: A message placeholder, with the quotes a message may put around it.
_PLACEHOLDER = re.compile(r"[«“\"']?\{(match|replacement|count|limit)\}[»”\"']?")


@dataclass(frozen=True)
class DocContext:
    """What every section builder reads: the policy, the wording and the rules that run."""

    policy: Policy
    t: Catalogue
    rules: dict[str, RuleInfo]
    today: dt.date
    git_commit: str = ""
    #: Shipped rules that would run under the policy (None: all that are enabled).
    running: frozenset[str] | None = None
    #: Rules the policy states in its own sections, so generated sections leave them out.
    placed: frozenset[str] = frozenset()

    def cite(self, setting: str) -> str:
        """The enabled rules that enforce ``setting``, as ``a, b``; empty if none runs."""
        return ", ".join(self.enabled(SETTING_RULES[setting]))

    def enabled(self, ids: Iterable[str]) -> list[str]:
        return [i for i in ids if i in self.rules and self.rules[i].enabled is not False
                and (self.running is None or self.rules[i].declared or i in self.running)]

    def unplaced(self, rules: Iterable[Any]) -> list[Any]:
        """Declared rules not stated in one of the policy's own sections."""
        return [rule for rule in rules if rule.id not in self.placed]

    def role(self, role_id: str | None) -> str:
        if role_id is None:
            return ""
        role = self.policy.role(role_id)
        return role.title if role else role_id

    def roles(self, role_ids: Iterable[str], style: ListStyle = "standard") -> str:
        return self.t.join((self.role(r) for r in role_ids), style=style)

    def network(self, network: Network) -> str:
        return self.t(f"network.{network.value}")

    def channel(self, channel: Channel) -> str:
        return self.t("channel.label", network=self.network(channel.network),
                      handle=channel.handle)

    def channel_ref(self, channel_id: str) -> str:
        channel = self.policy.channel(channel_id)
        return self.channel(channel) if channel else channel_id

    def kinds(self, kinds: Iterable[str]) -> str:
        return self.t.join(self.t.quote(k) for k in kinds)

    def quoted(self, terms: Iterable[str], style: ListStyle = "standard") -> str:
        return self.t.join((self.t.quote(term) for term in terms), style=style)


def role_kind(role: Role, t: Catalogue) -> str:
    kind = t(f"role_type.{role.type.value}")
    return t("role.executive", kind=kind) if role.executive else kind


def cadence_words(cadence: ChannelCadence | CadenceRule, t: Catalogue) -> str:
    parts = []
    if cadence.max_per_hour is not None:
        parts.append(t("frequency.max_per_hour", count=cadence.max_per_hour))
    if cadence.max_per_day is not None:
        parts.append(t("frequency.max_per_day", count=cadence.max_per_day))
    if cadence.min_per_week:
        parts.append(t("frequency.min_per_week", count=cadence.min_per_week))
    if cadence.max_silence_days is not None:
        parts.append(t("frequency.max_silence", count=cadence.max_silence_days))
    return t.join(parts)


def cadence_rules(cadence: ChannelCadence) -> list[str]:
    """The cadence rules that judge the settings this cadence makes."""
    return [rule for name, rule in CADENCE_RULES.items() if getattr(cadence, name)]


def hours_words(hours: PostingHours, t: Catalogue) -> str:
    window = t("hours.window", start=t.time(hours.start), end=t.time(hours.end))
    days = sorted(set(hours.weekdays))
    if days == list(range(1, 8)):
        return t("hours.every_day", window=window)
    return t("hours.on_days", window=window, days=t.join(t.weekday(d) for d in days))


def applies_to_words(scope: RuleFilter, ctx: DocContext) -> str:
    t = ctx.t
    parts = _selection_words(scope, ctx)
    left_out = _selection_words(scope.except_, ctx) if scope.except_ is not None else []
    if left_out and not parts:
        return t("applies.everything_except", what="; ".join(left_out))
    if left_out:
        parts.append(t("applies.except", what="; ".join(left_out)))
    return t("applies.summary", what="; ".join(parts)) if parts else ""


def _selection_words(scope: PostSelection, ctx: DocContext) -> list[str]:
    t = ctx.t
    parts = []
    if scope.channels:
        channels = t.join(ctx.channel_ref(c) for c in scope.channels)
        parts.append(t("applies.channels", channels=channels))
    if scope.networks:
        parts.append(t("applies.networks", networks=t.join(ctx.network(n) for n in scope.networks)))
    if scope.kinds:
        parts.append(t("applies.kinds", kinds=ctx.kinds(scope.kinds)))
    if scope.languages:
        parts.append(t("applies.languages",
                       languages=t.join(t.language(code) for code in scope.languages)))
    if scope.sponsored is not None:
        parts.append(t("applies.sponsored" if scope.sponsored else "applies.unsponsored"))
    return parts


def condition_words(condition: AnyCondition, ctx: DocContext, nested: bool = False) -> str:
    """A condition as a clause: field tests joined by "and", groups in parentheses."""
    t = ctx.t
    if isinstance(condition, AllOf | AnyOf):
        members = condition.all if isinstance(condition, AllOf) else condition.any
        style: ListStyle = "standard" if isinstance(condition, AllOf) else "or"
        words = t.join((condition_words(c, ctx, nested=True) for c in members), style=style)
        return t("condition.group", what=words) if nested and len(members) > 1 else words
    if isinstance(condition, NotOf):
        return t("condition.not", what=condition_words(condition.not_, ctx))
    return _test_words(condition, ctx)


def _test_words(condition: Condition, ctx: DocContext) -> str:
    t = ctx.t
    field = _field(condition.field, t)
    tests = []
    if condition.equals is not None:
        value = condition.equals
        shown = ("true" if value else "false") if isinstance(value, bool) else value
        tests.append(t("condition.equals", field=field, value=t.quote(shown)))
    if condition.one_of:
        tests.append(t("condition.one_of", field=field, values=ctx.quoted(condition.one_of)))
    if condition.present is not None:
        tests.append(t("condition.present" if condition.present else "condition.absent",
                       field=field))
    if condition.pattern is not None:
        pattern = t.quote(condition.pattern)
        tests.append(t("condition.pattern", field=field, pattern=pattern)
                     if condition.within_first is None else
                     t("condition.pattern_within", field=field, pattern=pattern,
                       count=condition.within_first))
    return t.join(tests)


def _field(scope: str, t: Catalogue) -> str:
    key = f"field.{scope}"
    return t(key) if t.has(key) else t("field.other", name=scope)


def _generated(rule: Any, ctx: DocContext) -> str:
    """The rule's own limits in words, for the types whose data reads as a sentence."""
    t = ctx.t
    if isinstance(rule, ExistenceRule):
        return t("declared.existence", terms=ctx.quoted(rule.tokens, "or"))
    if isinstance(rule, SubstitutionRule):
        return _substitution(rule, ctx)
    if isinstance(rule, OccurrenceRule) and rule.token is not None:
        return _bounded(t, "declared.occurrence", rule.min, rule.max, token=t.quote(rule.token),
                        field=_field(rule.scope, t))
    if isinstance(rule, LengthRule):
        unit = "words" if rule.unit == "words" else "chars"
        return _bounded(t, f"declared.length_{unit}", rule.min, rule.max,
                        field=_field(rule.scope, t))
    if isinstance(rule, CadenceRule):
        return t("declared.cadence", cadence=cadence_words(rule, t))
    if isinstance(rule, EntitiesRule | ScheduleRule | PairRule):
        return rule_words(rule, ctx)
    if isinstance(rule, ConditionalRule) and not rule.description.strip():
        # A conditional rule's patterns read poorly; its description, when it has one,
        # says the same in words.
        return t("condition.conditional", condition=condition_words(rule.if_, ctx),
                 requirement=condition_words(rule.then, ctx))
    return ""


def _bounded(t: Catalogue, key: str, low: int | None, high: int | None, **values: str) -> str:
    if low is not None and high is not None:
        return t(f"{key}_between", low=t.number(low), count=high, **values)
    if high is not None:
        return t(f"{key}_max", count=high, **values)
    return t(f"{key}_min", count=low or 0, **values)


def _substitution(rule: SubstitutionRule, ctx: DocContext) -> str:
    t = ctx.t
    swaps = sorted(rule.swap.items(), key=lambda kv: kv[0].casefold())
    pairs = [t("declared.swap_pair", term=t.quote(k), preferred=t.quote(v)) for k, v in swaps if v]
    banned = [k for k, v in swaps if not v]
    sentences = []
    if pairs:
        sentences.append(t("declared.substitution", pairs="; ".join(pairs)))
    if banned:
        sentences.append(t("declared.banned", terms=ctx.quoted(banned, "or")))
    if rule.terms_file:
        sentences.append(t("declared.terms_file", file=rule.terms_file))
    return " ".join(sentences)


def _rule_limit(rule: Any, t: Catalogue) -> str:
    """The number ``{limit}`` stands for, when the rule has a single one."""
    if isinstance(rule, ShareRule):
        return t.number(rule.max_percent)
    bounds = [getattr(rule, name, None) for name in ("max", "min")]
    known = [bound for bound in bounds if isinstance(bound, int)]
    return t.number(known[0]) if len(known) == 1 else t("placeholder.limit")


def message_words(rule: Any, t: Catalogue) -> str:
    """A finding message as a statement: each placeholder becomes words (or the rule's limit)."""
    def words(found: re.Match[str]) -> str:
        name = found.group(1)
        return _rule_limit(rule, t) if name == "limit" else t(f"placeholder.{name}")

    text = clean(_PLACEHOLDER.sub(words, rule.message))
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def declared_item(rule: Any, ctx: DocContext) -> Item:
    """A rule declared in the policy's YAML, as one statement with its scope and reason."""
    generated = _generated(rule, ctx)
    description = clean(rule.description)
    text = generated or description or message_words(rule, ctx.t)
    notes = []
    if generated and description:
        notes.append(description)
    if isinstance(rule, ShareRule):
        notes.append(ctx.t("declared.share", percent=ctx.t.percent(rule.max_percent),
                           days=ctx.t("unit.days", count=rule.window_days),
                           per=ctx.t(f"declared.share_per_{rule.per}")))
    scope = applies_to_words(rule.applies_to, ctx)
    if scope:
        notes.append(scope)
    if rule.when is not None:
        notes.append(ctx.t("condition.when", condition=condition_words(rule.when, ctx)))
    if rule.source.strip():  # as the policy gives it: an article, a law, a decision
        notes.append(ctx.t("doc.source", source=clean(rule.source)))
    return Item(text, " ".join(notes), rule.id)


#: Fields of an example post that add nothing a reader needs.
_EXAMPLE_HIDDEN = frozenset({"id", "publish_at", "channel", "author", "waive"})


def example_text(example: str | dict[str, Any], scope: str, t: Catalogue) -> str:
    """An example as the reader sees it: the text, or a whole post's text and other fields."""
    if isinstance(example, str):
        return clean(example)
    if isinstance(example.get("posts"), list):  # a small calendar: its posts in order
        return " · ".join(_calendar_post_text(post, scope, t) for post in example["posts"])
    main = scope if scope in example else "text"
    parts = [clean(str(example.get(main, "")))]
    for name in sorted(set(example) - _EXAMPLE_HIDDEN - {main}):
        value = example[name]
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else \
            ("true" if value else "false") if isinstance(value, bool) else str(value)
        key = f"example_field.{name}"
        label = t(key) if t.has(key) else name
        parts.append(t("example_field.line", name=label, value=clean(shown)))
    return " ".join(p for p in parts if p)


def _calendar_post_text(post: Any, scope: str, t: Catalogue) -> str:
    if not isinstance(post, dict):
        return clean(str(post))
    when = post.get("publish_at")
    if isinstance(when, str):
        with contextlib.suppress(ValueError):  # shown as written
            when = dt.datetime.fromisoformat(when)
    shown = t("example_field.line", name=t.date(when), value=t.time(when.time())) \
        if isinstance(when, dt.datetime) else clean(str(when or ""))
    text = example_text({k: v for k, v in post.items() if k != "publish_at"}, scope, t)
    return " ".join(part for part in (shown, text) if part)


def example_pairs(rule: Any, t: Catalogue) -> list[ExamplePair]:
    """A declared rule's examples: what fails is a don't, what passes is a do."""
    fails = [example_text(e, rule.scope, t) for e in rule.examples.fail]
    passes = [example_text(e, rule.scope, t) for e in rule.examples.pass_]
    length = max(len(fails), len(passes))
    fails += [""] * (length - len(fails))
    passes += [""] * (length - len(passes))
    return [ExamplePair(f, p, "", rule.id) for f, p in zip(fails, passes, strict=True) if f or p]
