"""Which reader a file needs: by ``ReadOptions.format``, its extension, its content.

The readers and their tests are the table in ``readers``: a delimited text file
(``.csv``, ``.tsv``, ``.txt``) is classified by its first row, the first reader
whose ``header`` test accepts it winning (a calendar CSV when none does); a file
with an unknown extension is recognised only by an unambiguous ``signature``
(an XLSX zip, ``BEGIN:VCALENDAR``, JSON).
"""

from __future__ import annotations

from pathlib import Path

from governance.calendars.csv_reader import first_record, sniff_delimiter
from governance.calendars.errors import CalendarError
from governance.calendars.fields import normalize_mapping, normalize_name
from governance.calendars.options import ReadOptions
from governance.calendars.readers import (
    BY_EXTENSION,
    BY_NAME,
    DEFAULT_TABLE,
    FORMATS,
    READERS,
    CalendarReader,
)
from governance.calendars.text import TextHead, read_bytes, sniff

_UNSUPPORTED = {
    ".xls": "XLS (Excel 97-2003) workbooks are not supported: save the sheet as .xlsx or .csv",
    ".ods": "OpenDocument spreadsheets are not supported: save the sheet as .xlsx or .csv",
    ".numbers": "Numbers spreadsheets are not supported: export the sheet as .xlsx or .csv",
}


def detect(path: Path, options: ReadOptions) -> tuple[CalendarReader, TextHead | None]:
    """The reader of ``path`` and, for delimited text, its sniffed head."""
    forced = options.format
    if forced is not None:
        reader = BY_NAME.get(forced)
        if reader is None:
            raise CalendarError(f"unknown calendar format {forced!r} "
                                f"(expected one of: {', '.join(FORMATS)})")
    else:
        suffix = path.suffix.lower()
        if suffix in _UNSUPPORTED:
            raise CalendarError(_UNSUPPORTED[suffix])
        reader = BY_EXTENSION.get(suffix) or _by_content(path)
    if reader.header is None:
        return reader, None
    head = sniff(path, options.encoding)
    return (reader if forced else classify(head, options)), head


def classify(head: TextHead, options: ReadOptions) -> CalendarReader:
    """The reader of a delimited text file, from its first row."""
    first = first_record(head.text, sniff_delimiter(head.text))
    mapping = normalize_mapping(options.columns)
    names = [mapping.get(name, name) for name in (normalize_name(cell) for cell in first)]
    for reader in READERS:
        if reader.header is not None and reader.header(first, names, options):
            return reader
    return DEFAULT_TABLE


def _by_content(path: Path) -> CalendarReader:
    raw = read_bytes(path, 4096)
    head = raw.decode("utf-8", errors="replace")
    if not head.startswith("PK"):
        head = head.lstrip("\ufeff \t\r\n")
    for reader in READERS:
        if reader.signature is not None and reader.signature(head):
            return reader
    suffix = path.suffix or "(none)"
    raise CalendarError(f"unsupported file type {suffix}: expected a calendar as "
                        + ", ".join(sorted(BY_EXTENSION)))
