"""Advertising for a Russian audience is marked: «Реклама», the advertiser, an erid.

Internet advertising in Russia carries the label «реклама», an indication of the
advertiser, and the identifier (erid) the register assigned to it (38-FZ "On
Advertising", art. 18.1). A post marked sponsored, or of a kind in
``disclosure.advertising_ru.kinds``, is checked when the policy has
``disclosure.advertising_ru`` (the shipped ``ru-advertising`` pack sets it).

How each part is recognised:

* the label: the ``label`` word (``Реклама``) as a whole word, any case;
* the advertiser (``require_advertiser``): "Рекламодатель" (or "Рекламодатель:")
  followed by a name, a legal form followed by a name (ООО, ОАО, ЗАО, ПАО, АО,
  НКО, АНО, ИП, ООО «...»), or an ИНН/ОГРН number — enough to tell who
  advertises, not a proof that the name is right;
* the erid (``require_erid``): ``erid: TOKEN``, ``erid=TOKEN`` or ``erid TOKEN``
  (a token of four or more letters and digits) in the text or in the link.

Fails::

    policy:
      disclosure: {advertising_ru: {label: Реклама}}
    posts:
      - {id: p1, channel: vk-brand, sponsored: true, text: "Новый лот из Кении — скидка 20 %!"}

Passes::

    policy:
      disclosure: {advertising_ru: {label: Реклама}}
    posts:
      - id: p1
        channel: vk-brand
        sponsored: true
        text: "Реклама. ООО «Северный Ветер», ИНН 7801234567. erid: 2VtzqvWgxEU. Новый лот!"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from governance.findings import Severity
from governance.models.content import AdvertisingMarking
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import DisclosureDuty, cached
from governance.text.spans import WORD_CHARS

ID = "disclosure.ru-advertising"
SUMMARY = "Advertising carries «Реклама», the advertiser and an erid (38-FZ art. 18.1)."
SEVERITY = Severity.ERROR
SOURCE = "38-FZ «О рекламе», art. 18.1 (Реклама label, advertiser, erid)"
TARGET = "post"
#: Typical microseconds a post (benchmarks/rule_costs.py).
COST = 3.5

_NOT_WORD = f"(?<![{WORD_CHARS}])"
_END = f"(?![{WORD_CHARS}])"
# Legal forms and registry numbers are written in capitals; a lower-case "ип"
# or "ао" is some other word.
_ADVERTISER = re.compile(
    rf"{_NOT_WORD}(?:(?i:рекламодатель){_END}\s*:?\s*\S"
    rf"|(?:ООО|ОАО|ЗАО|ПАО|АО|НКО|АНО|ИП){_END}\s*[«\"“„'\w]"
    rf"|(?:ИНН|ОГРН|ОГРНИП){_END}\s*:?\s*\d{{10,15}})")
_ERID = re.compile(rf"{_NOT_WORD}erid\s*[:=]?\s*[A-Za-z0-9]{{4,}}", re.IGNORECASE)


@dataclass(frozen=True)
class _Check:
    settings: AdvertisingMarking
    duty: DisclosureDuty
    label: re.Pattern[str]


def _build(ctx: LintContext) -> _Check | None:
    settings = ctx.policy.disclosure.advertising_ru
    if settings is None:
        return None
    label = re.compile(f"{_NOT_WORD}{re.escape(settings.label)}{_END}", re.IGNORECASE)
    duty = DisclosureDuty.of(settings.kinds, settings.applies_to, ctx.policy)
    return _Check(settings, duty, label)


def prepare(ctx: LintContext) -> bool:
    return cached(ctx, ID, _build) is not None


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    rule = cached(ctx, ID, _build)
    if rule is None or not rule.duty.owed_by(post):
        return
    missing = _missing(post, rule)
    if missing:
        yield Problem(f"advertising without {', '.join(missing)}", post=post, field="text",
                      data={"missing": missing})


def _missing(post: Post, rule: _Check) -> list[str]:
    text, settings = post.text, rule.settings
    missing = []
    if rule.label.search(text) is None:
        missing.append(f"the label «{settings.label}»")
    if settings.require_advertiser and _ADVERTISER.search(text) is None:
        missing.append("the advertiser (Рекламодатель: ООО «…», ИП …, ИНН …)")
    if settings.require_erid and _ERID.search(text) is None and _ERID.search(post.link) is None:
        missing.append("an erid token (erid: …)")
    return missing
