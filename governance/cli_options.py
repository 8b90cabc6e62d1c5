"""Options shared by several commands, defined once."""

from __future__ import annotations

import click

#: ``--allow-path DIR`` (repeatable) on every command that reads a policy.
ALLOW_PATH = click.option(
    "--allow-path", "allow_paths", multiple=True, metavar="DIR",
    type=click.Path(file_okay=False, path_type=str),
    help="Let the policy read files under DIR too (extends, terms_file). Repeatable.")
