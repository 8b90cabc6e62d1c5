"""Entities, schedule and pair rules in words, for the staff document.

``rule_words`` gives the sentence that states such a rule ("Mention only these
accounts: ...", "Publish at least 2 posts in the 21 days before ...", "After a
post where ..., publish ...") or "" for the other declared types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from governance.models.rules import EntitiesRule, PairRule, ScheduleRule
from governance.render.i18n import Catalogue
from governance.rules.calendar.schedule import WEEKDAYS

if TYPE_CHECKING:
    from governance.render.wording import DocContext

_SIGILS = {"mention": "@", "hashtag": "#"}


def rule_words(rule: Any, ctx: DocContext) -> str:
    if isinstance(rule, EntitiesRule):
        return entities_words(rule, ctx)
    if isinstance(rule, ScheduleRule):
        return schedule_words(rule, ctx)
    if isinstance(rule, PairRule):
        return pair_words(rule, ctx)
    return ""


def entities_words(rule: EntitiesRule, ctx: DocContext) -> str:
    t, kind = ctx.t, rule.entity
    sentences = []
    for key, inline, file in (("allow", rule.allow, rule.allow_file),
                              ("deny", rule.deny, rule.deny_file)):
        if inline or file:
            sentences.append(t(f"declared.entities_{key}_{kind}",
                               entries=_entries(inline, file, kind, t)))
    if rule.max is not None:
        sentences.append(t(f"declared.entities_max_{kind}", count=rule.max))
    return " ".join(sentences)


def _entries(inline: list[str], file: str | None, kind: str, t: Catalogue) -> str:
    sigil = _SIGILS.get(kind, "")
    shown = [t.quote(sigil + entry.strip().lstrip(sigil + "＠＃")) for entry in inline]
    if file:
        shown.append(t("declared.entities_file", file=file))
    return t.join(shown)


def schedule_words(rule: ScheduleRule, ctx: DocContext) -> str:
    t = ctx.t
    if rule.before is not None:
        event = next((e for e in ctx.policy.content.events if e.id == rule.before.event), None)
        name = (event.description.strip() or event.id) if event is not None else rule.before.event
        date = t.date(event.start) if event is not None else ""
        text = t("declared.schedule_before", count=rule.at_least,
                 days=t("unit.days", count=rule.before.days), event=name, date=date)
    else:
        days = t.join(t.weekday(WEEKDAYS.index(day) + 1) for day in rule.on)
        text = t("declared.schedule_on", count=rule.at_least, days=days)
    if rule.include_partial:
        text += " " + t("declared.schedule_partial")
    return text


def pair_words(rule: PairRule, ctx: DocContext) -> str:
    # Imported here: wording asks this module for these rules' sentences.
    from governance.render.wording import condition_words

    t = ctx.t
    fields = [t(f"field.{name}") if t.has(f"field.{name}") else t("field.other", name=name)
              for name in rule.same]
    same = t("declared.pair_same", fields=t.join(fields)) if rule.same else ""
    return t("declared.pair", first=condition_words(rule.first, ctx),
             second=condition_words(rule.second, ctx), same=same,
             low=t.number(rule.within.min_minutes), count=rule.within.max_minutes)
