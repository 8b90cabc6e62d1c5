"""``governance lint``: a content calendar checked against the policy before anything is scheduled.

``lint(LintOptions(...))`` runs the whole pipeline and returns the ``Report``;
``policy_hooks()`` gives the post-load hooks that make ``governance check``
judge declared rules exactly as lint compiles them. The engine (and with it
every calendar reader) is imported on first use, so ``governance check`` does
not pay for readers it never runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from governance.lint.hooks import DeclaredRulesHook, policy_hooks

if TYPE_CHECKING:
    from governance.lint.engine import lint
    from governance.lint.run_options import LintOptions, LintResult

__all__ = ["DeclaredRulesHook", "LintOptions", "LintResult", "lint", "policy_hooks"]

_ENGINE = frozenset({"LintOptions", "LintResult", "lint"})


def __getattr__(name: str) -> Any:
    if name in _ENGINE:
        from governance.lint import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'governance.lint' has no attribute {name!r}")
