"""Posts publish no personal data: no private e-mail addresses or phone numbers.

Personal data of guests and staff never goes into a public post (DOMAIN.md:
personal data in posts). With ``content.personal_data`` set, e-mail addresses
(``emails: true``) and phone numbers (``phones: true``) in the text are
findings, except those in ``allow`` (the press office, the care line), which
compare without regard to case, spaces or punctuation in numbers.

Fails::

    content: {personal_data: {allow: [care@nordwind.example]}}
    - {id: p1, text: "Write to Anna directly: anna.petrova@gmail.com"}

Passes::

    - {id: p1, text: "Write to us: care@nordwind.example"}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post import cached
from governance.text import find_emails, find_phones

ID = "post.personal-data"
SUMMARY = "Posts publish no e-mail addresses or phone numbers except allowed ones."
SEVERITY = Severity.ERROR
SOURCE = "DOMAIN.md (personal data in posts); 152-FZ / GDPR"
TARGET = "post"

_NOT_DIGITS = re.compile(r"\D")


@dataclass(frozen=True)
class _Check:
    emails: bool
    phones: bool
    allowed: frozenset[str]


def _key(value: str) -> str:
    """What two spellings of one address or number share."""
    if "@" in value:
        return value.strip().casefold()
    digits = _NOT_DIGITS.sub("", value)
    return digits[-10:] if len(digits) >= 10 else digits


def _build(ctx: LintContext) -> _Check | None:
    settings = ctx.policy.content.personal_data
    if settings is None or not (settings.emails or settings.phones):
        return None
    return _Check(settings.emails, settings.phones, frozenset(_key(a) for a in settings.allow))


def prepare(ctx: LintContext) -> bool:
    return cached(ctx, ID, _build) is not None


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    rule = cached(ctx, ID, _build)
    if rule is None:
        return
    text = post.text
    found: list[tuple[str, str]] = []
    if rule.emails and "@" in text:
        found += [("e-mail", str(e)) for e in find_emails(text)]
    if rule.phones:
        found += [("phone number", str(p)) for p in find_phones(text)]
    for what, value in found:
        if _key(value) not in rule.allowed:
            yield Problem(f"{what} {value!r} in the text: personal data is not published "
                          "(add it to content.personal_data.allow if it is a public contact)",
                          post=post, field="text", data={"match": value})
