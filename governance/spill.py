"""Texts kept out of the way: each row's pair of texts written once as UTF-8.

A text held as its own ``str`` costs 33 to 49 bytes besides its characters, and
a calendar's texts are most of its size; the calendar rules read few of them
back (the duplicates rule each once, the link rules only the links). The JUnit
report keeps its findings' lines and its posts' ids the same way. A spill
keeps the pairs one after another in memory up to ``spill_at`` bytes, then in an
unnamed temporary file, and knows each by its row: 16 bytes a row in arrays of
machine numbers, not a Python object.
"""

from __future__ import annotations

import tempfile
from array import array

#: Bytes of text a spill holds in memory before it moves them to a temporary
#: file: about 5,000 posts' texts and links. A text read back costs a seek and a
#: read, a microsecond at most; 1,000,000 posts' texts stay out of memory.
SPILL_AT = 1024 * 1024
#: The longest text a row may hold, in bytes of UTF-8 (a length is 4 bytes).
_LONGEST = (1 << 32) - 1


class TextSpill:
    """Each row's two texts (a post's text and its link, say), by row number in the
    order ``append`` was called: in memory up to ``spill_at`` (default ``SPILL_AT``)
    bytes, then on disk."""

    def __init__(self, spill_at: int | None = None) -> None:
        # Closed by close(), or with the spill: the texts live as long as their reader.
        self._file = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=SPILL_AT if spill_at is None else spill_at)
        self._starts = array("q")
        self._firsts = array("I")  # bytes of each row's first text
        self._seconds = array("I")  # bytes of its second, just after the first
        self._end = 0
        self._at_end = True

    def __len__(self) -> int:
        return len(self._starts)

    def append(self, first: str, second: str = "") -> None:
        """Keeps the pair as the next row's; two empty texts write nothing."""
        self._starts.append(self._end)
        self._firsts.append(0)
        self._seconds.append(0)
        self.replace(len(self._starts) - 1, first, second)

    def replace(self, row: int, first: str, second: str = "") -> None:
        """Gives ``row`` another pair (written anew at the end; the old bytes stay)."""
        if not first and not second:
            self._firsts[row] = self._seconds[row] = 0
            return
        # surrogatepass: whatever a str holds comes back as it was.
        one = first.encode("utf-8", "surrogatepass")
        two = second.encode("utf-8", "surrogatepass")
        if len(one) > _LONGEST or len(two) > _LONGEST:
            raise ValueError("a text of 4 GiB or more")
        if not self._at_end:
            self._file.seek(self._end)
            self._at_end = True
        self._file.write(one + two)
        self._starts[row] = self._end
        self._firsts[row], self._seconds[row] = len(one), len(two)
        self._end += len(one) + len(two)

    def get(self, row: int, second: bool = False) -> str:
        """The first text of ``row``, or with ``second`` its second."""
        size = self._seconds[row] if second else self._firsts[row]
        if not size:
            return ""
        spill = self._file
        self._at_end = False
        spill.seek(self._starts[row] + (self._firsts[row] if second else 0))
        data: bytes = spill.read(size)
        return data.decode("utf-8", "surrogatepass")

    @property
    def on_disk(self) -> bool:
        """Whether the texts have moved to the temporary file."""
        return bool(getattr(self._file, "_rolled", False))

    def close(self) -> None:
        self._file.close()


class PackedTexts:
    """Short texts (post ids) by row, in memory: each as UTF-8 one after another,
    with where it ends: about 8 bytes a text besides its characters, not 50."""

    __slots__ = ("_ends", "_text")

    def __init__(self) -> None:
        self._text = bytearray()
        self._ends = array("q")

    def __len__(self) -> int:
        return len(self._ends)

    def append(self, text: str) -> None:
        # surrogatepass: whatever a str holds comes back as it was.
        self._text += text.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._text))

    def __getitem__(self, row: int) -> str:
        ends = self._ends
        start = ends[row - 1] if row else 0
        return self._text[start:ends[row]].decode("utf-8", "surrogatepass")
