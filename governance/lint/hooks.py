"""Post-load hooks: what the loader checks for lint beyond the schema.

``DeclaredRulesHook`` reads each substitution rule's term file and each
entities rule's list files (``policy.entity-list``), builds the rule catalogue
(a bad RE2 pattern: ``policy.bad-pattern``; the rules' own examples:
``policy.rule-example``), and rejects declared ids that clash with a shipped
rule or with each other (``policy.rule-id-clash``). It keeps the catalogue it
built, so the lint run compiles nothing twice. ``governance check`` runs the
same hook (``governance.lint.policy_hooks``), so a policy that checks clean
also lints.
"""

from __future__ import annotations

from governance.findings import Finding, Severity
from governance.lint.entity_lists import attach_list_files
from governance.lint.terms_file import read_terms, term_file_path
from governance.loader import LoadedPolicy
from governance.models.rules import EntitiesRule, SubstitutionRule
from governance.rules.catalogue import SHIPPED, Catalogue
from governance.rules.declared import declared_entries
from governance.source import DataPath
from governance.text.terms import Term

RULE_ID_CLASH = "policy.rule-id-clash"


class DeclaredRulesHook:
    """A post-load hook that leaves the policy's rule catalogue in ``catalogue``."""

    def __init__(self) -> None:
        self.catalogue = Catalogue()

    def __call__(self, loaded: LoadedPolicy) -> list[Finding]:
        policy = loaded.policy
        findings = self._id_clashes(loaded)
        terms: dict[str, list[Term]] = {}
        for path, declared in declared_entries(policy):
            if isinstance(declared, SubstitutionRule) and declared.terms_file:
                entries, problems = self._term_file(loaded, path, declared)
                terms[declared.id] = entries
                findings.extend(problems)
            elif isinstance(declared, EntitiesRule):
                findings.extend(attach_list_files(loaded, path, declared))
        self.catalogue = Catalogue(policy, terms=terms)
        findings.extend(Finding(issue.rule, Severity.ERROR, issue.message,
                                loaded.locate(issue.path)) for issue in self.catalogue.issues)
        return findings

    @staticmethod
    def _id_clashes(loaded: LoadedPolicy) -> list[Finding]:
        shipped = {rule.id for rule in SHIPPED}
        seen: dict[str, DataPath] = {}
        findings = []
        for path, declared in declared_entries(loaded.policy):
            where = loaded.locate((*path, "id"))
            if declared.id in shipped:
                findings.append(Finding(
                    RULE_ID_CLASH, Severity.ERROR,
                    f"rule id {declared.id!r} is a shipped rule's; give the declared rule "
                    "its own id (a company prefix such as 'acme.')", where))
            elif declared.id in seen:
                first = loaded.locate((*seen[declared.id], "id"))
                findings.append(Finding(
                    RULE_ID_CLASH, Severity.ERROR,
                    f"rule id {declared.id!r} is declared twice (first at {first})", where))
            else:
                seen[declared.id] = path
        return findings

    @staticmethod
    def _term_file(loaded: LoadedPolicy, path: DataPath, rule: SubstitutionRule
                   ) -> tuple[list[Term], list[Finding]]:
        where = loaded.locate((*path, "terms_file"))
        name = rule.terms_file or ""
        return read_terms(term_file_path(where.file, name), not rule.ignore_case, where,
                          loaded.boundary)


def policy_hooks() -> tuple[DeclaredRulesHook, ...]:
    """The hooks ``governance check`` passes to ``load_policy`` (fresh for each load)."""
    return (DeclaredRulesHook(),)
