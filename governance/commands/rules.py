"""``governance rules`` and ``governance explain``: what each rule checks, and why."""

from __future__ import annotations

from typing import Any

import click

from governance.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE


def _load(policy_path: str | None) -> Any:
    """The validated policy, or None; a policy with errors prints them and exits 1."""
    if policy_path is None:
        return None
    from governance.findings import Severity
    from governance.formatters.text import line
    from governance.loader import load_policy

    result = load_policy(policy_path)
    if result.policy is None or any(f.severity is Severity.ERROR for f in result.findings):
        for finding in sorted(result.findings, key=lambda f: f.sort_key()):
            click.echo(line(finding, clean=True), err=True)
        raise SystemExit(EXIT_FINDINGS)
    return result.policy


@click.command("rules")
@click.option("--policy", "policy_path", type=click.Path(path_type=str), default=None,
              help="Also list the policy's declared rules and whether each rule is enabled.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]),
              default="text", show_default=True, help="Output format.")
def rules_command(policy_path: str | None, fmt: str) -> None:
    """List every rule: id, target, default severity, state in the policy, summary."""
    from governance.render import rule_docs
    from governance.rules.catalogue import Catalogue

    loaded = _load(policy_path)
    infos = Catalogue(loaded.policy if loaded else None).infos()
    if fmt == "json":
        click.echo(rule_docs.rules_json(infos, policy_path), nl=False)
    elif fmt == "markdown":
        click.echo(rule_docs.rules_markdown(infos, loaded is not None), nl=False)
    else:
        click.echo(rule_docs.rules_text(infos, loaded is not None), nl=False)
    raise SystemExit(EXIT_OK)


@click.command("explain")
@click.argument("rule_id")
@click.option("--policy", "policy_path", type=click.Path(path_type=str), default=None,
              help="Explain the policy's declared rules too, and its severity for the rule.")
def explain_command(rule_id: str, policy_path: str | None) -> None:
    """Print a rule's documentation: why it exists, what fails and what passes."""
    from governance.render import rule_docs
    from governance.rules.catalogue import Catalogue, find_rule, suggestions

    loaded = _load(policy_path)
    infos = Catalogue(loaded.policy if loaded else None).infos()
    info = find_rule(rule_id, infos)
    if info is None:
        hints = suggestions(rule_id, (i.id for i in infos))
        hint = f" (did you mean {', '.join(repr(h) for h in hints)}?)" if hints else ""
        where = "" if loaded else "; rules a policy declares need --policy"
        click.echo(f"governance: error: unknown rule {rule_id!r}{hint}{where}", err=True)
        raise SystemExit(EXIT_USAGE)
    wording = ""
    if info.declaration is not None and loaded is not None:
        from governance.render.i18n import choose_language
        from governance.render.policy_document import document_context
        from governance.render.wording import declared_item

        organisation = loaded.policy.organisation
        lang = choose_language(None, organisation.languages if organisation else ())
        ctx = document_context(loaded.policy, lang)
        item = declared_item(info.declaration, ctx)
        wording = f"{item.text} {item.note}".strip()
    click.echo(rule_docs.explain_text(info, wording), nl=False)
    raise SystemExit(EXIT_OK)
