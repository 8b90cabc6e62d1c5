"""The data a post's findings carry: the text report's post header and the
baseline's fingerprint, shared by the post's findings rather than copied."""

from __future__ import annotations

from governance.lint.baseline import fingerprint_data, post_identity
from governance.models.post import Post
from governance.rules.base import LintContext


def _post_data(post: Post, ctx: LintContext) -> dict[str, str]:
    """What the text report's post header shows; ``post`` with the finding's file keys
    the findings of one post together."""
    moment = post.publish_at
    local = moment.astimezone(ctx.timezone) if moment.tzinfo else moment
    return {"post": post.id, "when": local.isoformat(" ", "minutes")[:16]}


class PostHeaders:
    """The data a post's findings carry, built once for the post being linted.

    Tens of thousands of findings each held their own copy of their post's
    header and fingerprint (about 400 bytes); the findings of one post on one
    field now share one read-only dict, and its header strings with the rest.
    """

    def __init__(self, ctx: LintContext) -> None:
        self.ctx = ctx
        self.post: Post | None = None
        self._header: dict[str, str] = {}
        self._ids: tuple[str, ...] = ()
        self._by_field: dict[str, dict[str, object]] = {}

    def header(self, post: Post) -> dict[str, str]:
        """What the text report's post header shows (shared: read only)."""
        if post is not self.post:
            self.post, self._header, self._by_field = post, _post_data(post, self.ctx), {}
            self._ids = (post.id,)
        return self._header

    def ids(self, post: Post) -> tuple[str, ...]:
        """``(post.id,)``, one tuple for all the post's findings."""
        self.header(post)
        return self._ids

    def data(self, post: Post, field: str) -> dict[str, object]:
        """Fingerprint and header of a finding on ``post``'s ``field`` (shared: read only)."""
        header = self.header(post)
        found = self._by_field.get(field)
        if found is None:
            identity = post_identity(post)
            found = self._by_field[field] = {
                **fingerprint_data(field, self._ids if identity == post.id else (identity,)),
                **header}
        return found
