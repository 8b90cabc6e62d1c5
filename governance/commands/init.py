"""``governance init DIR``: start a policy repository that ``check`` passes and ``lint`` runs on.

    governance init acme --name "Acme" --language en --networks x,linkedin --timezone Europe/Berlin

Writes ``DIR/policy/`` (a minimal, commented policy), ``DIR/calendars/`` (a CSV
and an XLSX calendar template), ``DIR/.pre-commit-config.yaml`` and a CI
workflow. On a terminal it asks for what the options leave out; elsewhere it
takes the defaults of the language. An existing file is never overwritten: it
is named and left as it is.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from governance.errors import EXIT_OK, UsageError


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default=None, help="The organisation's name.")
@click.option("--language", type=click.Choice(["en", "ru"]), default=None,
              help="Language of the policy and its staff document (default: en).")
@click.option("--networks", default=None, metavar="LIST",
              help="Comma-separated networks, e.g. x,linkedin,telegram.")
@click.option("--timezone", default=None, help="IANA timezone, e.g. Europe/Berlin.")
@click.option("--interactive/--no-interactive", default=None,
              help="Ask for what is missing (default: when stdin is a terminal).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The policy's effective date (default: today).")
def command(directory: Path, name: str | None, language: str | None, networks: str | None,
            timezone: str | None, interactive: bool | None, today: Any) -> None:
    """Start a policy repository: policy, calendar template, pre-commit and CI."""
    ask = sys.stdin.isatty() if interactive is None else interactive
    sys.exit(run(directory, name, language, networks, timezone, ask,
                 today.date() if today else dt.date.today()))


def run(directory: Path, name: str | None, language: str | None, networks: str | None,
        timezone: str | None, ask: bool, today: dt.date) -> int:
    from governance.scaffold import files, validate
    from governance.writing import write_atomically

    options = validate(_complete(directory, name, language, networks, timezone, ask, today))
    for relative, data in files(options).items():
        target = directory / relative
        if target.exists():
            click.echo(f"{target}: exists, left as it is")
            continue
        try:
            write_atomically(target, data)
        except OSError as exc:
            where = exc.filename or target
            raise UsageError(f"{where}: cannot write: {exc.strerror or exc}") from None
        click.echo(f"{target}: written")
    click.echo(f"next: governance check {directory / 'policy'} && governance lint "
               f"{directory / 'calendars' / 'calendar.csv'} --policy {directory / 'policy'}")
    return EXIT_OK


def _complete(directory: Path, name: str | None, language: str | None, networks: str | None,
              timezone: str | None, ask: bool, today: dt.date) -> Any:
    """The options, with what is missing asked for on a terminal or defaulted elsewhere."""
    from governance.scaffold import (
        DEFAULT_NETWORKS,
        DEFAULT_TIMEZONE,
        InitOptions,
        parse_networks,
    )

    default_name = directory.resolve().name or "Our company"
    if name is None:
        name = click.prompt("Organisation name", default=default_name) if ask else default_name
    if language is None:
        language = (click.prompt("Language", type=click.Choice(["en", "ru"]), default="en")
                    if ask else "en")
    if networks is None:
        default = ",".join(DEFAULT_NETWORKS[language])
        networks = click.prompt("Networks (comma-separated)", default=default) if ask else default
    if timezone is None:
        default = DEFAULT_TIMEZONE[language]
        timezone = click.prompt("Timezone", default=default) if ask else default
    return InitOptions(name=name, language=language, networks=parse_networks(networks),
                       timezone=timezone, today=today)
