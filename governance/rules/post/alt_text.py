"""A post with pictures or video describes them in alternative text.

Pictures and video are welcome («Советы по ведению корпоративных аккаунтов» §4); alternative text
lets readers who cannot see them, and screen readers, follow the post. Informational: networks
do not enforce it.

Fails::

    posts:
      - {id: p1, channel: insta, media: [launch.jpg]}

Passes::

    posts:
      - {id: p1, channel: insta, media: [launch.jpg], alt_text: The team on stage at the launch}
"""

from __future__ import annotations

from collections.abc import Iterator

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem

ID = "post.alt-text"
SUMMARY = "Posts with media have alternative text."
SEVERITY = Severity.INFO
SOURCE = ("«Советы по ведению корпоративных аккаунтов» §4 (pictures and video welcome); "
          "accessibility practice")
TARGET = "post"


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    if post.media and not post.alt_text.strip():
        count = len(post.media)
        yield Problem(f"{count} media file{'s' if count > 1 else ''} without alternative text",
                      post=post, field="alt_text")
