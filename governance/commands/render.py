"""``governance render policy|raci``: the staff policy and the RACI matrix from the policy YAML."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from governance.cli_options import ALLOW_PATH
from governance.errors import EXIT_FINDINGS, EXIT_OK, UsageError

_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
             ".docx": "docx", ".csv": "csv", ".xlsx": "xlsx", ".pdf": "pdf"}
_FORMAT_NAMES = {"markdown": "md"}


def _options(formats: tuple[str, ...]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        options = [
            click.option("--policy", "policy_path", required=True,
                         type=click.Path(path_type=str), help="Policy directory or file."),
            click.option("--format", "fmt", type=click.Choice([*formats, "markdown"]),
                         default=None,
                         help="Output format (default: from the --output suffix, else md)."),
            click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                         default=None, help="File to write (default: standard output)."),
            click.option("--lang", type=click.Choice(["en", "ru"]), default=None,
                         help="Document language (default: the organisation's first "
                              "language if supported, else en)."),
            click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
                         help="Judge waivers as of this date (default: the effective date)."),
            click.option("--templates", "templates", default=None,
                         type=click.Path(file_okay=False, path_type=Path),
                         help="Directory of templates that override the shipped ones."),
            click.option("--git-commit", is_flag=True,
                         help="Print the policy directory's git commit in the document."),
            ALLOW_PATH,
        ]
        for option in reversed(options):
            func = option(func)
        return func
    return decorate


@click.group("render")
def command() -> None:
    """Generate the staff social media policy or the RACI matrix from a policy."""


@command.command("policy")
@_options(("md", "html", "docx", "pdf"))
@click.option("--changes-since", "changes_since", default=None, metavar="REV",
              help="Open the document with what changed since this git revision.")
@click.option("--acknowledgement-form", "acknowledgement_form", is_flag=True,
              help="End the document with the acknowledgement form staff sign.")
@click.option("--reference-docx", "reference_docx", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Word file whose styles, header, footer and first page the docx uses.")
def policy_command(changes_since: str | None, acknowledgement_form: bool,
                   **options: Any) -> None:
    """The staff social media policy: Markdown, one HTML page, Word (docx) or PDF."""
    raise SystemExit(run("policy", changes_since=changes_since,
                         acknowledgement_form=acknowledgement_form, **options))


@command.command("raci")
@_options(("md", "csv", "html", "xlsx", "pdf"))
def raci_command(**options: Any) -> None:
    """The RACI matrix: Markdown, CSV, one HTML page, a spreadsheet (xlsx) or PDF."""
    raise SystemExit(run("raci", **options))


def choose_format(fmt: str | None, output: Path | None, allowed: tuple[str, ...]) -> str:
    if fmt:
        return _FORMAT_NAMES.get(fmt, fmt)
    if output is not None:
        inferred = _SUFFIXES.get(output.suffix.lower())
        if inferred is None or inferred not in allowed:
            raise UsageError(f"{output}: cannot tell the format from the file name; "
                             f"give --format ({', '.join(allowed)})")
        return inferred
    return "md"


def policy_commit(directory: Path) -> str:
    """``git rev-parse HEAD`` of the policy's directory, for ``--git-commit``."""
    import subprocess

    try:
        done = subprocess.run(["git", "-C", str(directory), "rev-parse", "HEAD"],
                              capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"--git-commit: cannot run git: {exc}") from None
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "no commit"
        raise UsageError(f"--git-commit: {directory} is not in a git repository ({reason})")
    return done.stdout.strip()


def run(what: str, *, policy_path: str, fmt: str | None, output: Path | None,
        lang: str | None, today: dt.datetime | None, templates: Path | None,
        git_commit: bool, allow_paths: tuple[str, ...] = (),
        changes_since: str | None = None, acknowledgement_form: bool = False,
        reference_docx: Path | None = None) -> int:
    from governance import render
    from governance.findings import Severity
    from governance.formatters.text import line
    from governance.loader import load_policy

    allowed = render.POLICY_FORMATS if what == "policy" else render.RACI_FORMATS
    chosen = choose_format(fmt, output, allowed)
    if chosen in render.BINARY_FORMATS and output is None:
        raise UsageError(f"{chosen} is a binary format: give --output FILE")
    if templates is not None and not templates.is_dir():
        raise UsageError(f"{templates}: templates directory not found")
    if reference_docx is not None and chosen != "docx":
        raise UsageError("--reference-docx applies to Word output (--format docx) only")
    if reference_docx is not None and not reference_docx.is_file():
        raise UsageError(f"{reference_docx}: reference Word file not found")
    result = load_policy(policy_path, allow=allow_paths)
    _refuse_inputs(output, result.read, templates)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if result.policy is None or errors:
        for finding in sorted(result.findings, key=lambda f: f.sort_key()):
            click.echo(line(finding, clean=True), err=True)
        click.echo(f"{policy_path}: the policy has errors; nothing written", err=True)
        return EXIT_FINDINGS
    loaded = result.policy
    options = render.RenderOptions(
        lang=lang, today=today.date() if today else None, templates=templates,
        git_commit=policy_commit(loaded.base_dir) if git_commit else "",
        preface=_changes_since(policy_path, changes_since, lang) if changes_since else (),
        acknowledgement_form=acknowledgement_form, reference_docx=reference_docx)
    from jinja2 import TemplateError

    try:
        data = _render(what, loaded, chosen, options)
    except TemplateError as exc:
        raise UsageError(template_problem(exc)) from None
    _write(data, output)
    return EXIT_OK


def _render(what: str, loaded: Any, fmt: str, options: Any) -> bytes:
    from governance import render
    from governance.text_safety import printable

    if what == "policy":
        return render.render_policy(loaded, fmt, options)
    matrix = render.raci_matrix(loaded, options)
    for problem in matrix.problems:
        state = "waived" if problem.waived else problem.level
        click.echo(printable(f"{problem.where}: {state}: {problem.message} ({problem.rule})"),
                   err=True)
    return render.render_raci(loaded, fmt, options, matrix)


def _changes_since(policy_path: str, revision: str, lang: str | None) -> tuple[Any, ...]:
    """The "What changed" section: the policy at ``revision`` against the one on disk."""
    from governance.commands.diff import WORKING_TREE, policy_changes
    from governance.diff.document import changes_section
    from governance.diff.sources import BrokenPolicyError
    from governance.render.i18n import Catalogue

    try:
        changes, language = policy_changes(revision, WORKING_TREE, policy_path, lang)
    except BrokenPolicyError as exc:
        raise UsageError(f"--changes-since {revision}: {exc.label}: the policy has errors"
                         ) from None
    return (changes_section(changes, Catalogue.for_language(language)),)


def template_problem(exc: Any) -> str:
    """A template that does not parse, or names a value the view model lacks, in one line."""
    where = getattr(exc, "filename", None) or getattr(exc, "name", None) or "template"
    line = getattr(exc, "lineno", None)
    return f"{where}{f':{line}' if line else ''}: template error: {exc.message or exc}"


def _refuse_inputs(output: Path | None, policy_files: list[Path],
                   templates: Path | None) -> None:
    from governance.writing import refuse_inputs

    if output is None:
        return
    template_files = [p for p in templates.rglob("*") if p.is_file()] if templates else []
    refuse_inputs([output], [*policy_files, *template_files])


def _write(data: bytes, output: Path | None) -> None:
    from governance.writing import STDOUT_NAMES, write_output

    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    write_output(output, data)
    if str(output) not in STDOUT_NAMES:
        click.echo(f"{output}: written", err=True)
