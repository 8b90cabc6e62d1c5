"""Text files as spreadsheets export them: encoding detection and numbered lines.

Spreadsheets save CSV as UTF-8 (with or without a BOM) or, on Russian Windows,
as cp1251; Excel's "Unicode text" is UTF-16 with a BOM. Detection tries UTF-8
first, then cp1251. cp1251 decodes almost any byte, so a NUL byte (never in a
text export) is what marks a binary file.

``LineSource`` decodes line by line instead of through ``io.TextIOWrapper`` so
that it can stream while the encoding is still undecided: as long as every line
so far was ASCII, switching to cp1251 at the first non-UTF-8 line changes nothing
already read. It also keeps the raw lines of the current CSV record, which is
how a finding learns the line and column of a cell without any per-row cost.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from governance.calendars.errors import CalendarError
from governance.findings import Finding, Location, Severity

HEAD_BYTES = 64 * 1024
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_AUTO = ("utf-8", "cp1251")


@dataclass(frozen=True)
class TextHead:
    """The start of a text file and how to decode the rest of it.

    ``encoding`` is empty while undecided (the head is all ASCII); ``bom`` is the
    number of bytes to skip; ``by_lines`` is False when the file must go through
    ``io.TextIOWrapper`` (UTF-16, or old Mac files whose lines end in CR alone).
    """

    text: str
    encoding: str
    bom: int
    by_lines: bool


def check_file(path: Path) -> None:
    if not path.exists():
        raise CalendarError("no such file")
    if not path.is_file():
        raise CalendarError("not a file")


def check_encoding(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise CalendarError(f"unknown encoding {name!r}") from None


def read_bytes(path: Path, limit: int = -1) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(limit)
    except OSError as exc:
        raise CalendarError(f"cannot read the file: {exc.strerror or exc}") from None


def sniff(path: Path, forced: str | None) -> TextHead:
    """Read the head of ``path`` and decide how to decode it."""
    raw = read_bytes(path, HEAD_BYTES)
    complete = len(raw) < HEAD_BYTES
    if forced:
        encoding = check_encoding(forced)
        by_lines = _ascii_compatible(encoding) and not _cr_only(raw)
        return TextHead(_decode_head(raw, encoding, complete), encoding, 0, by_lines)
    if raw.startswith(_UTF16_BOMS):
        return TextHead(_decode_head(raw, "utf-16", complete), "utf-16", 0, False)
    _reject_binary(raw)
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    body = raw[bom:]
    # All ASCII so far: undecided, unless the BOM or the end of the file decides.
    encoding = ("utf-8" if complete or bom else "") if body.isascii() else _detect(body, complete)
    text = _decode_head(body, encoding or "ascii", complete)
    if _cr_only(raw):
        return TextHead(text, encoding or "utf-8", bom, False)
    return TextHead(text, encoding, bom, True)


def read_text(path: Path, forced: str | None) -> str:
    """The whole file as text, by the same rules as ``sniff`` (for YAML, JSON, ICS)."""
    raw = read_bytes(path)
    if forced:
        try:
            return raw.decode(check_encoding(forced))
        except UnicodeDecodeError as exc:
            raise CalendarError(
                f"not valid {forced} text ({exc.reason} at byte {exc.start})") from None
    if raw.startswith(_UTF16_BOMS):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise CalendarError("not valid UTF-16 text despite its byte order mark") from None
    _reject_binary(raw)
    body = raw[len(codecs.BOM_UTF8):] if raw.startswith(codecs.BOM_UTF8) else raw
    return body.decode(_detect(body, True))


def _reject_binary(raw: bytes) -> None:
    if b"\x00" in raw:
        raise CalendarError("binary data, not text (a NUL byte); export the calendar as "
                            "CSV, XLSX, YAML, JSON or iCalendar")


def _detect(body: bytes, complete: bool) -> str:
    for encoding in _AUTO:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            decoder.decode(body, final=complete)
        except UnicodeDecodeError:
            continue
        return encoding
    raise CalendarError("not text in UTF-8 or cp1251; save the file as UTF-8")


def _decode_head(raw: bytes, encoding: str, complete: bool) -> str:
    """The head without a line the read may have cut (sniffing needs whole lines)."""
    if not complete:
        cut = max(raw.rfind(b"\n"), raw.rfind(b"\r"))
        if cut > 0 and _ascii_compatible(encoding):
            raw = raw[: cut + 1]
    return raw.decode(encoding, errors="replace")


def _ascii_compatible(encoding: str) -> bool:
    return "\n".encode(encoding) == b"\n" and not encoding.startswith(("utf-16", "utf-32"))


def _cr_only(raw: bytes) -> bool:
    return b"\r" in raw and b"\n" not in raw


class LineSource:
    """Decoded physical lines of a text file, numbered, grouped by record.

    ``buf`` holds the lines handed out since the last ``commit()``: the raw text
    of the record being parsed, which starts at line ``first``. Undecodable lines
    become findings in ``findings``, drained by the reader.
    """

    def __init__(self, binary: BinaryIO, name: str, head: TextHead) -> None:
        self.name = name
        self.first = 1
        self.buf: list[str] = []
        self.findings: list[Finding] = []
        self._pending: list[str] = []
        self._binary = binary
        self._encoding = head.encoding or "utf-8"
        self._decided = bool(head.encoding)
        self._text: io.TextIOWrapper | None = None
        binary.seek(head.bom)
        if not head.by_lines:
            self._text = io.TextIOWrapper(binary, encoding=self._encoding, newline="")

    def commit(self) -> None:
        """The current record is done: the next line starts a new one."""
        self.first += len(self.buf)
        self.buf.clear()

    def refeed(self) -> Iterator[str]:
        """Drop the first line of the current record and read the others again.

        For a quote that never closes: its cell swallowed the lines after it,
        which are most likely ordinary rows.
        """
        self._pending = self.buf[:0:-1]
        self.first += 1
        self.buf.clear()
        return self.lines()

    def lines(self) -> Iterator[str]:
        buf = self.buf
        pending = self._pending
        while pending:
            line = pending.pop()
            buf.append(line)
            yield line
        if self._text is not None:
            yield from self._text_lines()
            return
        encoding = self._encoding
        undecided = not self._decided
        for raw in self._binary:
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError:
                line = self._recover(raw)
                encoding = self._encoding
                undecided = False
            else:
                if undecided and not raw.isascii():
                    self._decided = True
                    undecided = False
            buf.append(line)
            yield line

    def _text_lines(self) -> Iterator[str]:
        assert self._text is not None
        try:
            for line in self._text:
                self.buf.append(line)
                yield line
        except UnicodeDecodeError as exc:
            raise CalendarError(f"not valid {self._encoding} text after line "
                                f"{self.first + len(self.buf) - 1} ({exc.reason})") from None

    def _recover(self, raw: bytes) -> str:
        line_no = self.first + len(self.buf)
        if not self._decided:
            # Every line so far was ASCII, so reading the whole file as cp1251
            # from here on gives the same text as having chosen it up front.
            self._decided = True
            try:
                line = raw.decode("cp1251")
            except UnicodeDecodeError:
                raise CalendarError(f"line {line_no} is not text in UTF-8 or cp1251; "
                                    "save the file as UTF-8") from None
            self._encoding = "cp1251"
            return line
        self.findings.append(Finding(
            "calendar.bad-encoding", Severity.ERROR,
            f"line {line_no} is not valid {self._encoding} like the rest of the file; "
            "unreadable characters were replaced with \ufffd",
            Location(self.name, line_no, 1),
        ))
        return raw.decode(self._encoding, errors="replace")
