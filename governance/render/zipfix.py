"""Byte-stable Office files: the same policy gives the same DOCX and XLSX bytes.

python-docx and openpyxl stamp every zip entry with the current local time (and
the host's file system type), so two runs a second apart differ. ``stable_zip``
rewrites the archive with the entries in their original order, the same
contents, one fixed timestamp, fixed permissions and a fixed compression level.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

#: The oldest and the latest time a zip entry can hold.
ZIP_EPOCH = dt.datetime(1980, 1, 1)
ZIP_LAST = dt.datetime(2107, 12, 31, 23, 59, 58)
_UNIX = 3
_FILE_MODE = 0o644 << 16


def zip_stamp(day: dt.date) -> dt.datetime:
    """Midnight of ``day`` (the policy's effective date), within the times a zip can hold."""
    return min(max(dt.datetime.combine(day, dt.time()), ZIP_EPOCH), ZIP_LAST)


def stable_zip(data: bytes, stamp: dt.datetime) -> bytes:
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=date_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = _UNIX
            fixed.external_attr = _FILE_MODE
            target.writestr(fixed, source.read(entry), compresslevel=6)
    return out.getvalue()
