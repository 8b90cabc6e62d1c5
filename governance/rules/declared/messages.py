"""A declared rule's ``message`` with its placeholders filled in.

Only ``{match}``, ``{replacement}``, ``{count}`` and ``{limit}`` are replaced;
any other brace stays as written, so a message can never fail to format.
"""

from __future__ import annotations

PLACEHOLDERS = ("match", "replacement", "count", "limit")

#: The placeholders each rule type fills; another in its message would be shown
#: as written («{match}»), so ``governance check`` refuses it (``unfillable``).
FILLED_BY: dict[str, tuple[str, ...]] = {
    "existence": ("match",),
    "substitution": ("match", "replacement"),
    "occurrence": ("count", "limit"),
    "length": ("count", "limit"),
    "pattern": ("match",),
    "conditional": (),
    "share": ("count", "limit"),
    "cadence": ("count", "limit"),
}


def fills_of(rule: object) -> tuple[str, ...] | None:
    """The placeholders a declared rule fills; None for a type this table does not know."""
    kind = str(getattr(rule, "type", ""))
    if kind == "pattern" and getattr(rule, "mode", "forbid") == "require":
        return ()  # a required pattern that is missing has no match to show
    return FILLED_BY.get(kind)


def unfillable(rule: object) -> list[str]:
    """The placeholders in a declared rule's ``message`` that it cannot fill."""
    fills = fills_of(rule)
    if fills is None:
        return []
    message = str(getattr(rule, "message", ""))
    return [name for name in PLACEHOLDERS if "{" + name + "}" in message and name not in fills]


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
