"""A declared rule's ``message`` with its placeholders filled in.

Only ``{match}``, ``{replacement}``, ``{count}`` and ``{limit}`` are replaced;
any other brace stays as written, so a message can never fail to format.
"""

from __future__ import annotations

PLACEHOLDERS = ("match", "replacement", "count", "limit")


def fill(template: str, **values: object) -> str:
    text = template
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def with_suggestion(template: str, match: str, replacement: str) -> str:
    """The message of a substitution, naming the preferred term even when the
    policy's message does not."""
    message = fill(template, match=match, replacement=replacement)
    if replacement and "{replacement}" not in template:
        message += f" (use «{replacement}» instead of «{match}»)"
    return message
