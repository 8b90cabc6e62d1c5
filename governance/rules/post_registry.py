"""Post and calendar rules (``governance lint``), listed explicitly."""

from __future__ import annotations

from governance.rules.base import Rule

POST_RULES: tuple[Rule, ...] = ()
CALENDAR_RULES: tuple[Rule, ...] = ()
