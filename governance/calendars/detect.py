"""Which reader a file needs: by ``ReadOptions.format``, its extension, its content.

A ``.csv`` (or ``.tsv``/``.txt``) file is classified by its first row: a
``publish_at`` column (after the column mapping) makes it a calendar CSV; else
``Text`` + ``Posting Time`` is Buffer, ``date`` + ``time_24hr`` +
``message_text`` is Sprout Social, a header-less first row of two or three cells
starting with a date is Hootsuite; anything else is read as a calendar CSV
(whose missing columns then get a finding). A file with an unknown extension is
recognised only by unambiguous signatures (an XLSX zip, ``BEGIN:VCALENDAR``,
JSON).
"""

from __future__ import annotations

import json
from pathlib import Path

from governance.calendars import buffer_reader, hootsuite_reader, sprout_reader
from governance.calendars.csv_reader import first_record, sniff_delimiter
from governance.calendars.errors import CalendarError
from governance.calendars.fields import normalize_mapping, normalize_name
from governance.calendars.options import FORMATS, ReadOptions
from governance.calendars.text import TextHead, read_bytes, sniff

EXTENSIONS = {
    ".csv": "csv", ".tsv": "csv", ".txt": "csv",
    ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".yaml": "yaml", ".yml": "yaml",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".ics": "ics", ".ical": "ics", ".ifb": "ics",
}
TEXT_TABLES = frozenset({"csv", "buffer", "hootsuite", "sprout"})
_UNSUPPORTED = {
    ".xls": "XLS (Excel 97-2003) workbooks are not supported: save the sheet as .xlsx or .csv",
    ".ods": "OpenDocument spreadsheets are not supported: save the sheet as .xlsx or .csv",
    ".numbers": "Numbers spreadsheets are not supported: export the sheet as .xlsx or .csv",
}


def detect(path: Path, options: ReadOptions) -> tuple[str, TextHead | None]:
    """The format of ``path`` and, for delimited text, its sniffed head."""
    forced = options.format
    if forced is not None:
        if forced not in FORMATS:
            raise CalendarError(f"unknown calendar format {forced!r} "
                                f"(expected one of: {', '.join(FORMATS)})")
        fmt = forced
    else:
        suffix = path.suffix.lower()
        if suffix in _UNSUPPORTED:
            raise CalendarError(_UNSUPPORTED[suffix])
        fmt = EXTENSIONS.get(suffix) or _by_content(path)
    if fmt not in TEXT_TABLES:
        return fmt, None
    head = sniff(path, options.encoding)
    return (fmt if forced else classify(head, options)), head


def classify(head: TextHead, options: ReadOptions) -> str:
    """Calendar CSV or which scheduler's export, from the first row."""
    first = first_record(head.text, sniff_delimiter(head.text))
    mapping = normalize_mapping(options.columns)
    names = [mapping.get(name, name) for name in (normalize_name(cell) for cell in first)]
    if "publish_at" in names:
        return "csv"
    if buffer_reader.matches(names):
        return "buffer"
    if sprout_reader.matches(names):
        return "sprout"
    if hootsuite_reader.matches(first, options):
        return "hootsuite"
    return "csv"


def _by_content(path: Path) -> str:
    raw = read_bytes(path, 4096)
    if raw.startswith(b"PK\x03\x04"):
        return "xlsx"
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text[:15].upper() == "BEGIN:VCALENDAR":
        return "ics"
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        first, _, rest = text.partition("\n")
        try:
            json.loads(first)
        except ValueError:
            return "json"
        return "jsonl" if rest.strip() else "json"
    suffix = path.suffix or "(none)"
    raise CalendarError(f"unsupported file type {suffix}: expected a calendar as "
                        + ", ".join(sorted(EXTENSIONS)))
