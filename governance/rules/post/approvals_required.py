"""A post that needs approval names enough approvers whose role may approve it.

"Who has final approval" is part of every workflow («Политика в отношении социальных сетей: то, что
растет, должно расти выше» §3). A policy lists approval requirements by kind of content, channel
and sponsorship under ``workflow.approvals``; the calendar's ``approved_by`` column records who
signed off. The author never approves their own post unless the requirement allows it.

Fails::

    policy:
      workflow:
        approvals:
          - {id: promo-signoff, when: {kinds: [promo]}, approvers: [marketing-lead]}
    posts:
      - {id: p1, kind: promo, author: smm-manager, approved_by: [smm-manager]}

Passes::

    policy:
      workflow:
        approvals:
          - {id: promo-signoff, when: {kinds: [promo]}, approvers: [marketing-lead]}
    posts:
      - {id: p1, kind: promo, author: smm-manager, approved_by: [marketing-lead]}
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from governance.findings import Severity
from governance.models.post import Post
from governance.models.workflow import Approval
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached

ID = "approvals.required"
SUMMARY = "Posts that need approval are approved by enough roles that may approve them."
SEVERITY = Severity.ERROR
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» §3 (who has "
          "final approval); approvals recorded by a role that may approve")
TARGET = "post"


@dataclass(frozen=True)
class _Requirement:
    approval: Approval
    kinds: frozenset[str]
    channels: frozenset[str]
    approvers: frozenset[str]

    def matches(self, post: Post) -> bool:
        sponsored = self.approval.when.sponsored
        return ((not self.kinds or post.kind in self.kinds)
                and (not self.channels or post.channel in self.channels)
                and (sponsored is None or post.sponsored == sponsored))


def _build(ctx: LintContext) -> list[_Requirement]:
    return [
        _Requirement(a, frozenset(a.when.kinds), frozenset(a.when.channels), frozenset(a.approvers))
        for a in ctx.policy.workflow.approvals
    ]


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, _build))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    for requirement in cached(ctx, ID, _build):
        if requirement.matches(post):
            message = _missing(post, requirement)
            if message:
                yield Problem(message, post=post, field="approved_by",
                              data={"approval": requirement.approval.id})


def _missing(post: Post, requirement: _Requirement) -> str:
    approval = requirement.approval
    given = list(dict.fromkeys(r for r in post.approved_by if r))
    valid = [r for r in given if r in requirement.approvers
             and (approval.allow_self_approval or r != post.author)]
    if len(valid) >= approval.required:
        return ""
    who = ", ".join(sorted(requirement.approvers))
    needed = (f"needs {approval.required} approval{'s' if approval.required > 1 else ''} "
              f"from {who} (requirement {approval.id!r})")
    notes = []
    if not given:
        notes.append("none recorded")
    else:
        notes.append(f"has {len(valid)}")
    outsiders = [r for r in given if r not in requirement.approvers]
    if outsiders:
        notes.append(f"{', '.join(outsiders)} may not approve it")
    if not approval.allow_self_approval and post.author and post.author in given \
            and post.author in requirement.approvers:
        notes.append(f"the author {post.author!r} cannot approve their own post")
    return f"{needed}; {'; '.join(notes)}"
