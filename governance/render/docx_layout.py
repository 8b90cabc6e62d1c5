"""The parts of the Word document around the text: page, header, footer, contents, template.

Word builds a table of contents from a ``TOC`` field. The field written here
already holds one line per heading, so the contents show before anything is
updated, and the document asks Word to update its fields on opening, which adds
the page numbers. The footer's ``PAGE`` and ``NUMPAGES`` fields are updated by
every word processor as it lays out the pages.

A reference document (``--reference-docx``) works the way pandoc's does: its
styles, page setup, headers and footers (a distinct first page included) are
kept and its body is dropped; the generated header and footer are added only
when it has none of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt, RGBColor

from governance.errors import UsageError

#: Paper sizes, and the margins offices use with each: 2 cm with A4, an inch with Letter.
PAGES = {"a4": (Cm(21), Cm(29.7), Cm(2)), "letter": (Inches(8.5), Inches(11), Inches(1))}
#: Styles the document uses that a reference document may lack; added when missing.
_TOC_INDENT = {"TOC 1": Cm(0), "TOC 2": Cm(0.6), "TOC 3": Cm(1.2)}
_QUIET = RGBColor(0x55, 0x55, 0x55)
#: What follows ``w:updateFields`` in settings.xml; Word wants the schema's order.
_AFTER_UPDATE_FIELDS = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat",
                        "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                        "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                        "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                        "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
                        "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
                        "w:listSeparator")


def open_document(reference: Path | None) -> Any:
    """A new document, or the reference document emptied of its body."""
    if reference is None:
        return docx.Document()
    try:
        word = docx.Document(str(reference))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise UsageError(f"{reference}: not a Word document ({exc})") from None
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return word


def ensure_styles(word: Any, names: Iterable[str]) -> None:
    """Add the paragraph styles a reference document does not define (Word knows them
    by name, so they still take the user's theme)."""
    present = {style.name for style in word.styles}
    for name in names:
        if name in present:
            continue
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = word.styles["Normal"] if "Normal" in present else None
        if name in _TOC_INDENT:
            style.paragraph_format.left_indent = _TOC_INDENT[name]
            style.paragraph_format.space_after = Pt(2)
        elif name.startswith("Heading"):
            style.font.bold = True
        elif name == "List Bullet":
            style.paragraph_format.left_indent = Cm(0.63)


def page_setup(word: Any, paper: str) -> None:
    width, height, margin = PAGES[paper]
    for section in word.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """A complex field with ``shown`` as its result until it is updated."""
    _field_begin(paragraph, instruction)
    paragraph.add_run(shown)
    _field_char(paragraph, "end")


def _field_char(paragraph: Any, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        char.set(qn("w:dirty"), "true")  # out of date: Word recomputes it
    paragraph.add_run()._r.append(char)


def _field_begin(paragraph: Any, instruction: str) -> None:
    _field_char(paragraph, "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    _field_char(paragraph, "separate")


def header_and_footer(word: Any, title: str, version: str) -> None:
    """The title and version at the top of each page, "page / pages" at the foot; the
    first page (the title page) shows neither, as is usual. A reference document's own
    header and footer are kept."""
    section = word.sections[0]
    if _has_text(section.header) or _has_text(section.footer):
        return
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.text = ""
    run = header.add_run(f"{title}\t{version}")
    run.font.size, run.font.color.rgb = Pt(8), _QUIET
    _right_tab(header, section)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _field(footer, "PAGE", "1")
    footer.add_run(" / ")
    _field(footer, "NUMPAGES", "1")
    for run in footer.runs:
        run.font.size = Pt(8)


def _has_text(part: Any) -> bool:
    return not part.is_linked_to_previous and any(p.text.strip() for p in part.paragraphs)


def _right_tab(paragraph: Any, section: Any) -> None:
    width = section.page_width - section.left_margin - section.right_margin
    paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)


def table_of_contents(word: Any, entries: list[tuple[int, str]], heading: str,
                      style_ids: dict[str, str]) -> None:
    """A ``TOC`` field over Heading 1-3, already holding ``(level, text)`` for each heading."""
    title = word.add_paragraph(heading)
    title._p.style = style_ids["TOC Heading"]
    first = True
    paragraph = None
    for level, text in entries:
        paragraph = word.add_paragraph()
        paragraph._p.style = style_ids[f"TOC {min(level, 3)}"]
        if first:
            _field_begin(paragraph, 'TOC \\o "1-3" \\h \\z \\u')
            first = False
        paragraph.add_run(text)
    if paragraph is not None:
        _field_char(paragraph, "end")
    settings = word.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.insert_element_before(update, *_AFTER_UPDATE_FIELDS)


def repeat_header_row(table: Any) -> None:
    """Word repeats a row marked as a header at the top of each page the table runs onto;
    no row breaks across a page."""
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        if index == 0:
            properties.append(OxmlElement("w:tblHeader"))
        properties.append(OxmlElement("w:cantSplit"))
