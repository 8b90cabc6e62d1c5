"""Options shared by several commands, defined once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click


class TableChoice(click.Choice[str]):
    """A choice whose names come from a table (readers, formatters), read only when
    a command line or its help needs them: start-up does not import the table."""

    def __init__(self, names: Callable[[], tuple[str, ...]]) -> None:
        self._names = names
        self.case_sensitive = True

    @property  # type: ignore[override,unused-ignore]
    def choices(self) -> tuple[str, ...]:  # type: ignore[override,unused-ignore]
        return self._names()

    @choices.setter
    def choices(self, value: tuple[str, ...]) -> None:
        raise AttributeError("the names come from their table")


def calendar_formats() -> tuple[str, ...]:
    """The formats of the calendar readers' table."""
    from governance.calendars import FORMATS

    return tuple(FORMATS)


def report_formats() -> tuple[str, ...]:
    """The formats of the formatters' table."""
    from governance.formatters import FORMATTERS

    return tuple(FORMATTERS)

#: ``--allow-path DIR`` (repeatable) on every command that reads a policy.
ALLOW_PATH = click.option(
    "--allow-path", "allow_paths", multiple=True, metavar="DIR",
    type=click.Path(file_okay=False, path_type=str),
    help="Let the policy read files under DIR too (extends, terms_file). Repeatable.")


#: ``--output FILE`` (repeatable), paired in order with ``--format``.
OUTPUTS = click.option(
    "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
    help="File for the report of the --format at the same position. Repeatable.")

#: ``--fail-on`` of the commands that report findings of a run.
FAIL_ON_RUN = click.option(
    "--fail-on", type=click.Choice(["error", "warning", "info", "never"], case_sensitive=False),
    default="error", show_default=True,
    help="Lowest severity that makes the exit code 1; never: report only, exit 0.")

#: ``--today``: the date waivers' expiry is judged on.
TODAY = click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
                     help="Judge waiver expiry as of this date (default: today).")
