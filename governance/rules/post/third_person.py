"""Posts never speak of the company in the third person.

"Do not use an official tone in messages about the company and do not write
about it in the third person" («Советы по ведению корпоративных аккаунтов» §4). A sentence whose
subject is one of ``organisation.brand_names`` ("Nordwind Coffee is pleased to announce...",
"Компания «Северный Ветер» информирует...") reads as a press release; write
"we". A brand name elsewhere in a sentence ("come to Nordwind") is fine.

Fails::

    policy:
      organisation: {brand_names: [Nordwind]}
    posts:
      - {id: p1, text: "Nordwind is pleased to announce a new single origin."}

Passes::

    policy:
      organisation: {brand_names: [Nordwind]}
    posts:
      - {id: p1, text: "We just roasted a new single origin: come to Nordwind and taste it!"}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached
from governance.text.links import inside, link_spans
from governance.text.voice import brand_as_subject

ID = "tone.third-person"
SUMMARY = "Posts do not write about the company in the third person."
SEVERITY = Severity.WARNING
SOURCE = ("«Советы по ведению корпоративных аккаунтов» §4 (never write about the company in the "
          "third person)")
TARGET = "post"
#: Typical microseconds a post (benchmarks/rule_costs.py).
COST = 8.7


def _build(ctx: LintContext) -> tuple[str, ...]:
    organisation = ctx.policy.organisation
    return tuple(organisation.brand_names) if organisation else ()


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, _build))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    brands = cached(ctx, ID, _build)
    if not brands:
        return
    links: list[tuple[int, int]] | None = None
    for found in brand_as_subject(post.text, brands):
        if links is None:
            links = link_spans(post.text)
        if inside(links, found.brand.start, found.brand.end):
            continue  # press@nordwind.example names no subject
        yield Problem(f"«{found.brand.text}» is the subject of a sentence: write about the "
                      "company as «we»", post=post, field="text", data={"match": found.brand.text})
