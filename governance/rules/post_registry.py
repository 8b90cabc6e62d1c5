"""Post and calendar rules (``governance lint``), listed explicitly."""

from __future__ import annotations

from governance.rules import calendar as calendar_rules
from governance.rules import post as post_rules
from governance.rules.base import Rule

POST_RULES: tuple[Rule, ...] = tuple(Rule.from_module(m) for m in post_rules.MODULES)
CALENDAR_RULES: tuple[Rule, ...] = tuple(Rule.from_module(m) for m in calendar_rules.MODULES)
