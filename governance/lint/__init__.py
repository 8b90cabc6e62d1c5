"""``governance lint``: a content calendar checked against the policy before anything is scheduled.

``lint(LintOptions(...))`` runs the whole pipeline and returns the ``Report``;
``policy_hooks()`` gives the post-load hooks that make ``governance check``
judge declared rules exactly as lint compiles them.
"""

from governance.lint.engine import LintOptions, LintResult, lint
from governance.lint.hooks import DeclaredRulesHook, policy_hooks

__all__ = ["DeclaredRulesHook", "LintOptions", "LintResult", "lint", "policy_hooks"]
