"""Posts publish no personal data: no private e-mail addresses or phone numbers.

Personal data of guests and staff never goes into a public post (
personal data in posts). With ``content.personal_data`` set, e-mail addresses
(``emails: true``) and phone numbers (``phones: true``) in the text are
findings, except those in ``allow`` (the press office, the care line; ``@domain``
allows a whole domain), which compare without regard to case, or to spaces and
punctuation in numbers. What counts as a phone number is told in
``governance.text.personal_data``: dates, prices, tax numbers and erid tokens
do not.

Fails::

    policy:
      content: {personal_data: {allow: [care@nordwind.example]}}
    posts:
      - {id: p1, text: "Write to Anna directly: anna.petrova@gmail.com"}

Passes::

    policy:
      content: {personal_data: {allow: [care@nordwind.example]}}
    posts:
      - {id: p1, text: "Write to us: care@nordwind.example"}
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached
from governance.text.personal_data import find_emails, find_phones
from governance.text.spans import Span

ID = "post.personal-data"
SUMMARY = "Posts publish no e-mail addresses or phone numbers except allowed ones."
SEVERITY = Severity.ERROR
SOURCE = "Federal Law 152-FZ «О персональных данных»; GDPR"
TARGET = "post"
#: Typical microseconds a post (benchmarks/rule_costs.py).
COST = 5.0


@dataclass(frozen=True)
class _Check:
    emails: bool
    phones: bool
    allow: tuple[str, ...]


def _may_hold_a_phone(text: str) -> bool:
    """False when ``text`` cannot hold a phone number: ASCII with fewer than 10 digits.

    Phone numbers have 10 digits at least; counting ASCII digits takes ten C
    calls, far less than the phone pattern, and most posts stop here.
    """
    return not text.isascii() or sum(map(text.count, "0123456789")) >= 10


def _build(ctx: LintContext) -> _Check | None:
    settings = ctx.policy.content.personal_data
    if settings is None or not (settings.emails or settings.phones):
        return None
    return _Check(settings.emails, settings.phones, tuple(settings.allow))


def prepare(ctx: LintContext) -> bool:
    return cached(ctx, ID, _build) is not None


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    rule = cached(ctx, ID, _build)
    if rule is None:
        return
    text = post.text
    found: list[tuple[str, Span]] = []
    if rule.emails:
        found += [("e-mail", span) for span in find_emails(text, rule.allow)]
    if rule.phones and _may_hold_a_phone(text):
        found += [("phone number", span) for span in find_phones(text, rule.allow)]
    for what, span in sorted(found, key=lambda item: item[1].start):
        yield Problem(f"{what} {span.text!r} in the text: personal data is not published "
                      "(add it to content.personal_data.allow if it is a public contact)",
                      post=post, field="text", data={"match": span.text})
