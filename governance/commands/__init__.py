"""One module per command. ``COMMANDS`` lists the click commands defined outside cli.py."""

from __future__ import annotations

import click


def COMMANDS() -> list[click.Command]:  # noqa: N802 - reads as the list it returns
    from governance.commands import schema

    return [schema.command]
