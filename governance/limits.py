"""Size limits on what a run reads, each with the environment variable that raises it.

A policy file, a terms file or a part of an XLSX workbook larger than its limit
is far more likely a wrong or hostile file (``/dev/zero``, a zip bomb) than a
real one, and reading it would take the machine's memory. The limits are in
megabytes (decimals allowed: ``0.5``); a company with a larger real file raises
one with its variable, e.g. ``GOVERNANCE_MAX_XLSX_PART_MB=500``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from governance.errors import UsageError

_MB = 1_000_000


@dataclass(frozen=True)
class Limit:
    what: str  # "a policy file", as the error message names it
    variable: str  # the environment variable that overrides the default
    default_mb: float

    def bytes(self) -> int:
        """The limit in force, in bytes; ``UsageError`` for a variable that is no size."""
        raw = os.environ.get(self.variable, "").strip()
        if not raw:
            return int(self.default_mb * _MB)
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if not value > 0 or value == float("inf"):
            raise UsageError(f"{self.variable}={raw!r}: expected a size in megabytes, "
                             "such as 50 or 0.5")
        return int(value * _MB)

    def exceeded(self, name: str) -> str:
        """The one-line problem for ``name``, naming the limit and how to raise it."""
        limit = self.bytes() / _MB
        shown = f"{limit:g}"
        return (f"{name} is larger than {shown} MB, the limit for {self.what}; "
                f"if it is right, raise the limit with {self.variable}=<megabytes>")


POLICY_FILE = Limit("a policy file", "GOVERNANCE_MAX_POLICY_FILE_MB", 10)
TERMS_FILE = Limit("a terms file", "GOVERNANCE_MAX_TERMS_FILE_MB", 20)
XLSX_PART = Limit("one part of an XLSX workbook, decompressed", "GOVERNANCE_MAX_XLSX_PART_MB",
                  200)
