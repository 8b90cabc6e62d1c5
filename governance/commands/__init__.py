"""One module per command. ``COMMANDS`` lists the click commands defined outside cli.py."""

from __future__ import annotations

import click


def COMMANDS() -> list[click.Command]:  # noqa: N802 - reads as the list it returns
    from governance.commands import diff, init, lint, render, review, rules, schema, test

    return [schema.command, render.command, rules.rules_command, rules.explain_command,
            lint.command, init.command, test.command, diff.command,
            review.command]
