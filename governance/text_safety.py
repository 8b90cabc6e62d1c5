"""Text from input files, made safe to print on a terminal or into a CI log.

A post id, a channel cell, a sheet name or a file name can hold a terminal
escape sequence (that retitles the terminal or hides what follows) or a line
starting with ``::``, which GitHub Actions reads as a workflow command (a forged
annotation, a secret masked or a path added). ``printable`` turns line breaks
into spaces, removes every other control character (C0, DEL, C1) and the
invisible bidirectional controls that reorder what a reader sees, and removes
the ``::`` that would start a workflow command at the beginning of the text.
The text report and every one-line error apply it to each value they print.
"""

from __future__ import annotations

import re

_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]+")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_COMMAND_START = re.compile(r"^[\s:]*::")


def printable(text: str) -> str:
    """``text`` on one line, without control characters or a leading ``::``."""
    if text.isprintable():  # the common case: nothing to remove but a leading '::'
        return _COMMAND_START.sub("", text) if text.lstrip().startswith("::") else text
    cleaned = _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text))
    return _COMMAND_START.sub("", cleaned)
