"""A post that needs approval names enough approvers whose role may approve it.

"Who has final approval" is part of every workflow («Политика в отношении социальных сетей: то, что
растет, должно расти выше» §3). A policy lists approval requirements by kind of content, channel
and sponsorship under ``workflow.approvals``; the calendar's ``approved_by`` column records who
signed off. The author never approves their own post unless the requirement allows it.
``author`` and ``approved_by`` take roles or people of the staff register (``people:``); a
person approves in any of their roles.

``approvers`` with ``required: N`` means any N of them; ``all_of`` lists roles every one of
which must approve (a sponsored post signed off by legal *and* marketing). Where an entry has
both, every ``all_of`` role approves and so do N of the other ``approvers``. The finding says
who approved and who is missing.

Fails::

    policy:
      workflow:
        approvals:
          - {id: promo-signoff, when: {kinds: [promo]}, approvers: [marketing-lead]}
          - {id: paid, when: {sponsored: true}, all_of: [legal, marketing-lead]}
    posts:
      - {id: p1, kind: promo, author: smm-manager, approved_by: [smm-manager]}
      - {id: p2, sponsored: true, author: smm-manager, approved_by: [legal]}

Passes::

    policy:
      workflow:
        approvals:
          - {id: promo-signoff, when: {kinds: [promo]}, approvers: [marketing-lead]}
          - {id: paid, when: {sponsored: true}, all_of: [legal, marketing-lead]}
    posts:
      - {id: p1, kind: promo, author: smm-manager, approved_by: [marketing-lead]}
      - {id: p2, sponsored: true, author: smm-manager, approved_by: [marketing-lead, legal]}
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from governance.findings import Severity
from governance.models.post import Post
from governance.models.workflow import Approval
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached, roles_of

ID = "approvals.required"
SUMMARY = "Posts that need approval are approved by enough roles that may approve them."
SEVERITY = Severity.ERROR
SOURCE = ("«Политика в отношении социальных сетей: то, что растет, должно расти выше» §3 (who has "
          "final approval); approvals recorded by a role that may approve")
#: Without this column in the calendar the rule is skipped, with one notice.
REQUIRES = ("approved_by",)
TARGET = "post"


@dataclass(frozen=True)
class _Requirement:
    approval: Approval
    kinds: frozenset[str]
    channels: frozenset[str]
    approvers: frozenset[str]  # any ``required`` of these, besides every ``all_of`` role
    all_of: tuple[str, ...]

    def matches(self, post: Post) -> bool:
        sponsored = self.approval.when.sponsored
        return ((not self.kinds or post.kind in self.kinds)
                and (not self.channels or post.channel in self.channels)
                and (sponsored is None or post.sponsored == sponsored))


def _build(ctx: LintContext) -> list[_Requirement]:
    return [
        _Requirement(a, frozenset(a.when.kinds), frozenset(a.when.channels),
                     frozenset(a.approvers) - frozenset(a.all_of), tuple(dict.fromkeys(a.all_of)))
        for a in ctx.policy.workflow.approvals
    ]


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, _build))


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    for requirement in cached(ctx, ID, _build):
        if requirement.matches(post):
            problem = _judge(post, requirement, ctx)
            if problem is not None:
                yield problem


@dataclass(frozen=True)
class _Tally:
    """The approvals a post records, sorted against one requirement.

    A name in ``approved_by`` is a role or a person; ``roles`` maps each to the roles
    it approves in (a person: all of theirs).
    """

    given: list[str]
    counted: list[str]  # may approve, and is not a self-approval the entry forbids
    self_approved: bool  # the author approved and the entry forbids it
    roles: dict[str, frozenset[str]]  # each approver's roles (a role is its own)

    @classmethod
    def of(cls, post: Post, requirement: _Requirement, ctx: LintContext) -> _Tally:
        approval = requirement.approval
        given = list(dict.fromkeys(r for r in post.approved_by if r))
        eligible = requirement.approvers | set(requirement.all_of)
        roles = {r: frozenset(roles_of(r, ctx)) for r in given}
        self_approved = (not approval.allow_self_approval and bool(post.author)
                         and post.author in given and bool(roles[post.author] & eligible))
        counted = [r for r in given if roles[r] & eligible
                   and (approval.allow_self_approval or r != post.author)]
        return cls(given, counted, self_approved, roles)

    def has_role(self, role: str) -> bool:
        return any(role in self.roles[r] for r in self.counted)


def _judge(post: Post, requirement: _Requirement, ctx: LintContext) -> Problem | None:
    tally = _Tally.of(post, requirement, ctx)
    approval = requirement.approval
    missing = [r for r in requirement.all_of if not tally.has_role(r)]
    some = [r for r in tally.counted if tally.roles[r] & requirement.approvers]
    short = bool(requirement.approvers) and len(some) < approval.required
    if not missing and not short:
        return None
    needs = []
    if requirement.all_of:
        needs.append(f"every one of {', '.join(requirement.all_of)}")
    if requirement.approvers:
        count = approval.required
        needs.append(f"{count} approval{'s' if count > 1 else ''} from "
                     f"{', '.join(sorted(requirement.approvers))}")
    notes = _notes(post, requirement, tally, missing, some)
    message = f"needs {' and '.join(needs)} (requirement {approval.id!r}); {'; '.join(notes)}"
    data = {"approval": approval.id, "approved": tally.counted, "missing": missing}
    return Problem(message, post=post, field="approved_by", data=data)


def _notes(post: Post, requirement: _Requirement, tally: _Tally, missing: list[str],
           some: list[str]) -> list[str]:
    notes = []
    if not tally.given:
        notes.append("none recorded")
    elif requirement.all_of:
        notes.append(f"approved by {', '.join(tally.counted) or 'none of them'}")
    else:
        notes.append(f"has {len(some)}")
    if missing:
        notes.append(f"missing {', '.join(missing)}")
    eligible = requirement.approvers | set(requirement.all_of)
    outsiders = [r for r in tally.given if not tally.roles[r] & eligible]
    if outsiders:
        notes.append(f"{', '.join(outsiders)} may not approve it")
    if tally.self_approved:
        notes.append(f"the author {post.author!r} cannot approve their own post")
    return notes
