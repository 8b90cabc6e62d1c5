"""Headless Chromium for the report tests: the DOM after scripts ran, console lines, screenshots.

Chromium writes every console message (errors, CSP violations, uncaught
exceptions) to stderr as ``...:CONSOLE...`` with ``--enable-logging=stderr``;
the tests read them from there.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or ""

needs_chromium = pytest.mark.skipif(not CHROMIUM, reason="headless Chromium is not installed")


@dataclass(frozen=True)
class Visit:
    dom: str
    console: list[str]


def _flags(profile: Path) -> list[str]:
    return [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0",
            f"--user-data-dir={profile}"]


def visit(url: str, profile: Path, size: str = "") -> Visit:
    """The DOM of ``url`` once its scripts ran, and the console lines it logged.

    ``size`` (``"1280,900"``) sets the window, for scripts that measure the layout.
    """
    window = [f"--window-size={size}"] if size else []
    done = subprocess.run([*_flags(profile), *window, "--virtual-time-budget=3000",
                           "--dump-dom", url],
                          capture_output=True, text=True, timeout=120, check=True)
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return Visit(done.stdout, console)


def screenshot(url: str, png: Path, profile: Path, size: str = "1280,1600") -> None:
    subprocess.run([*_flags(profile), f"--window-size={size}", f"--screenshot={png}", url],
                   capture_output=True, timeout=120, check=True)


def png_colours(png: Path) -> int:
    """Distinct colours of an 8-bit RGB(A) PNG, as Chromium writes them."""
    data = png.read_bytes()
    width, height, depth, colour_type = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and colour_type in (2, 6), (depth, colour_type)
    channels = 3 if colour_type == 2 else 4
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        if kind == b"IDAT":
            chunks.append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    colours: set[bytes] = set()
    for row in range(height):
        start = row * (stride + 1)
        line = _unfilter(raw[start], bytearray(raw[start + 1:start + 1 + stride]), previous,
                         channels)
        colours.update(bytes(line[i:i + 3]) for i in range(0, stride, channels * 7))
        previous = line
    return len(colours)


def _unfilter(kind: int, line: bytearray, previous: bytearray, bpp: int) -> bytearray:
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = previous[i]
        corner = previous[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            line[i] = (line[i] + _paeth(left, up, corner)) & 0xFF
    return line


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c
