"""The one user-facing error type, and the exit codes, in one place."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_BUG = 3


class UsageError(Exception):
    """Input that cannot be used at all: a missing file, an unknown option value.

    The CLI prints it as one line and exits with ``EXIT_USAGE``; never a traceback.
    """
