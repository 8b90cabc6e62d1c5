"""The one error a calendar reader raises: the file as a whole cannot be read.

Everything narrower (a bad row, a bad date, a duplicate id) is a ``Finding``, so
one broken row never hides the rest of the calendar. The CLI maps this error to
exit code 2 and ``file: error: message (calendar.unreadable)``.
"""

from __future__ import annotations

#: The rule id the CLI prints for a ``CalendarError``.
UNREADABLE = "calendar.unreadable"


class CalendarError(Exception):
    """The calendar file is missing, not a file, not text in any supported encoding,
    of an unsupported format, or an XLSX/ICS container that cannot be opened."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
