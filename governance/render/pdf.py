"""PDF from the HTML documents, with WeasyPrint: the print stylesheet lays out the pages.

The HTML is self-contained, so nothing is fetched: any URL a template names is
refused. The creation and modification dates are the policy's effective date and
the file identifier is derived from the document itself, so the same policy always
gives the same bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
from collections.abc import Iterator
from typing import Any, NoReturn

from governance.errors import UsageError

#: The reproducible-builds variable fontTools reads for the date of a font it saves.
_EPOCH = "SOURCE_DATE_EPOCH"


def _refuse(url: str, *_args: Any, **_kwargs: Any) -> NoReturn:
    # WeasyPrint reports a failed fetch as a warning and lays the page out without it.
    raise ValueError(f"{url}: PDF output fetches nothing")


def html_to_pdf(html: str, stamp: dt.datetime) -> bytes:
    """The PDF of a self-contained HTML page; ``stamp`` dates it."""
    try:
        import weasyprint
    except OSError as exc:  # Pango is missing: WeasyPrint cannot load its libraries
        raise UsageError(f"PDF output needs Pango (libpango-1.0-0, libpangoft2-1.0-0): {exc}"
                         ) from None
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)  # CSS a browser understands but WeasyPrint does not
    try:
        document = weasyprint.HTML(string=html, url_fetcher=_refuse).render()
    finally:
        logger.setLevel(level)
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    document.metadata.created = document.metadata.modified = when
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    with _fonts_dated(stamp):
        data: bytes = document.write_pdf(pdf_identifier=identifier)
    return data


@contextlib.contextmanager
def _fonts_dated(stamp: dt.datetime) -> Iterator[None]:
    """Dates the embedded font subsets ``stamp`` instead of now.

    fontTools writes the time it saves a font into the font's ``head`` table
    unless ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) says
    otherwise: without it, the same policy would give other bytes every second.
    """
    moment = stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)
    before = os.environ.get(_EPOCH)
    os.environ[_EPOCH] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        if before is None:
            del os.environ[_EPOCH]
        else:
            os.environ[_EPOCH] = before

