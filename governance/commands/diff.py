"""``governance diff OLD NEW``: what changed in the policy, in words staff understand.

    governance diff old-policy/ policy/
    governance diff --policy policy/ v1.2 HEAD --format md --output CHANGES.md

OLD and NEW are two policy paths or, with ``--policy``, two git revisions of
that policy, read with ``git show`` (nothing is checked out); NEW ``.`` is the
policy as it is on disk. Exit 0 with the
changes (or none); 2 when a side cannot be read or its policy has errors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from governance.errors import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from governance.diff import PolicyChanges

#: As NEW with ``--policy``: the policy as it is on disk, not as committed.
WORKING_TREE = "."


@click.command("diff")
@click.argument("old")
@click.argument("new")
@click.option("--policy", "policy", default=None, type=click.Path(path_type=str),
              help="Compare two git revisions (OLD, NEW) of this policy path.")
@click.option("--format", "format_name", type=click.Choice(["text", "md", "json"]),
              default="text", show_default=True,
              help="text, md (the staff page), or json (the changes as data).")
@click.option("--lang", type=click.Choice(["en", "ru"]), default=None,
              help="Language of the words (default: the new policy's first language).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: standard output).")
def command(old: str, new: str, policy: str | None, format_name: str, lang: str | None,
            output: Path | None) -> None:
    """What changed between two versions of a policy: rules, roles, approvals, RACI, ..."""
    sys.exit(run(old, new, policy, format_name, lang, output))


def run(old: str, new: str, policy: str | None, format_name: str, lang: str | None,
        output: Path | None) -> int:
    from governance.diff import render
    from governance.diff.sources import BrokenPolicyError
    from governance.formatters.text import line
    from governance.writing import write_atomically

    try:
        changes, language = policy_changes(old, new, policy, lang)
    except BrokenPolicyError as exc:
        for finding in sorted(exc.findings, key=lambda f: f.sort_key()):
            click.echo(line(finding), err=True)
        click.echo(f"{exc.label}: the policy has errors; nothing compared", err=True)
        return EXIT_USAGE
    text = render(changes, format_name, language)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text.encode("utf-8"))
    return EXIT_OK


def policy_changes(old: str, new: str, policy: str | None, lang: str | None
                   ) -> tuple[PolicyChanges, str]:
    """The changes between the two sides, and the language to say them in."""
    import tempfile

    from governance.diff import PolicyChanges, compare
    from governance.diff.sources import load_path, load_revision
    from governance.render.i18n import choose_language
    from governance.rules.catalogue import Catalogue

    with tempfile.TemporaryDirectory(prefix="governance-diff-") as scratch:
        if policy is None:
            before, after = load_path(old), load_path(new)
        else:
            before = load_revision(policy, old, Path(scratch))
            after = (load_path(policy) if new == WORKING_TREE
                     else load_revision(policy, new, Path(scratch)))

    shipped = Catalogue(build=False)

    def default_severity(rule_id: str) -> str | None:
        rule = shipped.get(rule_id)
        return rule.severity.label if rule else None

    old_policy, new_policy = before.loaded.policy, after.loaded.policy
    changes = compare(old_policy, new_policy, default_severity)
    organisation = new_policy.organisation
    language = choose_language(lang, organisation.languages if organisation else ())
    return (PolicyChanges.of(old_policy, new_policy, changes, before.label, after.label),
            language)
