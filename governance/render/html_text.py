"""Text for HTML tables: addresses may break at their punctuation, words never break.

A table column is as wide as its longest unbreakable string; an e-mail or web
address in a narrow column would push the table off a printed page. ``<wbr>``
after an address's separators gives the browser (and WeasyPrint) a place to
break it, while ordinary words keep whole.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

#: An e-mail address, a web address or a handle such as @name@server.
_ADDRESS = re.compile(r"\S*(?:@|://|www\.)\S*")
_SEPARATOR = re.compile(r"(?<=[@/.\-_?&=])(?=.)")


def breakable(text: str) -> Markup:
    """``text`` escaped, with a break opportunity after each separator of an address."""
    parts, last = [], 0
    for found in _ADDRESS.finditer(text):
        parts.append(str(escape(text[last:found.start()])))
        pieces = _SEPARATOR.split(found.group(0))
        parts.append("<wbr>".join(str(escape(piece)) for piece in pieces))
        last = found.end()
    parts.append(str(escape(text[last:])))
    return Markup("".join(parts))
