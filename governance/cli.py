"""The command line: parses options and dispatches; each command lives in ``commands/``.

Only this layer prints and chooses exit codes (``governance.errors``). Command
modules are imported when their command runs, to keep start-up light.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from governance import __version__
from governance.cli_options import ALLOW_PATH, TableChoice, report_formats
from governance.errors import EXIT_BUG, EXIT_USAGE, UsageError
from governance.text_safety import printable

FAIL_ON = click.Choice(["error", "warning", "info"], case_sensitive=False)


class GovernanceGroup(click.Group):
    """Turns user errors into one line and exit 2, and bugs into one line and exit 3."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            click.echo(f"governance: error: {printable(str(exc))}", err=True)
            ctx.exit(EXIT_USAGE)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug: one line unless asked for the traceback
            if os.environ.get("GOVERNANCE_DEBUG"):
                raise
            click.echo(f"governance: internal error: {type(exc).__name__}: {printable(str(exc))} "
                       "(set GOVERNANCE_DEBUG=1 for the traceback)", err=True)
            ctx.exit(EXIT_BUG)


@click.group(cls=GovernanceGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="governance")
def cli() -> None:
    """Policy as code for corporate social media.

    Validate the policy (check), lint a content calendar before publishing (lint),
    and generate the staff policy and RACI matrix from the same YAML (render).
    """


@cli.command()
@click.argument("policy", type=click.Path(path_type=str))
@click.option("--format", "formats", type=TableChoice(report_formats), default="text",
              show_default=True, help="Report format.")
@click.option("--fail-on", type=FAIL_ON, default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Judge waiver expiry as of this date (default: today).")
@ALLOW_PATH
def check(policy: str, formats: str, fail_on: str, today: Any,
          allow_paths: tuple[str, ...]) -> None:
    """Validate a policy directory or file: schema, references and process rules."""
    from governance.commands.check import run

    sys.exit(run(policy, formats, fail_on, today.date() if today else None, allow_paths))


def _register_optional_commands() -> None:
    """Commands that live in their own modules register themselves here."""
    from governance.commands import COMMANDS

    for command in COMMANDS():
        cli.add_command(command)


_register_optional_commands()


def main() -> None:
    cli.main(prog_name="governance")
