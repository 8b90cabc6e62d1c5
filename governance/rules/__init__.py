"""Rules: what a rule is (``base``), the shipped rules (``policy``, ``post``,
``calendar``), the types a policy declares rules with (``declared``), and the one
catalogue every command asks about them (``catalogue``).
"""

from __future__ import annotations

from governance.rules.base import Problem, Rule

__all__ = ["Problem", "Rule"]
