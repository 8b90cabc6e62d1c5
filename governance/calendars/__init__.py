"""Content-calendar readers: any supported file -> ``Post`` objects and findings.

    result = read_calendar("plan.csv", ReadOptions(timezone="Europe/Moscow"))
    for item in iter_posts("plan.jsonl", options): ...   # streaming

Formats (``FORMATS``): calendar CSV, XLSX, YAML, JSON, JSON Lines, iCalendar,
and the bulk-upload CSVs of Buffer, Hootsuite and Sprout Social. Row-level
problems are findings (rule ids ``calendar.*``) and reading goes on;
``CalendarError`` means the file as a whole cannot be read.
"""

from governance.calendars.api import (
    DUPLICATE_ID,
    iter_posts,
    open_calendar,
    open_source,
    read_calendar,
)
from governance.calendars.errors import UNREADABLE, CalendarError
from governance.calendars.options import CalendarReadResult, ReadOptions
from governance.calendars.readers import FORMATS

__all__ = [
    "DUPLICATE_ID",
    "FORMATS",
    "UNREADABLE",
    "CalendarError",
    "CalendarReadResult",
    "ReadOptions",
    "iter_posts",
    "open_calendar",
    "open_source",
    "read_calendar",
]
