"""``governance schema``: write (or verify) the JSON Schemas generated from the models."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("schema")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Directory to write to (default: the project's schemas/).")
@click.option("--check", "check_only", is_flag=True,
              help="Exit 1 if the files on disk differ from the models.")
def command(out_dir: Path | None, check_only: bool) -> None:
    """Regenerate schemas/*.json from the pydantic models."""
    from governance.resources import data_dir
    from governance.schemas import render_schemas
    from governance.writing import write_output

    target = out_dir or data_dir("schemas")
    stale = []
    for name, text in render_schemas().items():
        path = target / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(name)
        if not check_only:
            write_output(path, text.encode("utf-8"))
    verb = "out of date" if check_only else "written"
    for name in stale:
        click.echo(f"{target / name}: {verb}")
    if check_only and stale:
        sys.exit(1)
