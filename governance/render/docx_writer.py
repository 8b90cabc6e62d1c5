"""The staff policy as a Word document, built from the same view model as the templates.

Real structure rather than look-alike formatting: sections are ``Heading 1``,
subsections ``Heading 2``, lists ``List Bullet``, tables Word tables with a
header row, so the navigation pane, screen readers and restyling all work.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from governance.render.document import (
    Block,
    BulletList,
    Document,
    Examples,
    Item,
    Paragraph,
    Table,
)
from governance.render.docx_layout import (
    ensure_styles,
    header_and_footer,
    open_document,
    page_setup,
    repeat_header_row,
    table_of_contents,
)
from governance.render.i18n import Catalogue
from governance.render.zipfix import stable_zip

_NOTE_COLOUR = RGBColor(0x55, 0x55, 0x55)
_RULE_COLOUR = RGBColor(0x1F, 0x5F, 0x99)
#: Built-in styles, by name; resolved to ids once per document because python-docx
#: looks a style name up by scanning every style, paragraph by paragraph.
_STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Normal",
           "TOC Heading", "TOC 1", "TOC 2", "TOC 3")


_TABLE_TEXT = Pt(9)


#: A generous width of one character of 9 pt text (wide Cyrillic letters, bold header
#: text), and a cell's left and right padding, in EMU.
_CHAR_WIDTH = int(5.6 * 12700)
_CELL_PADDING = 2 * 72000


#: An e-mail address, a web address or a handle: Word may break these anywhere.
_ADDRESS = re.compile(r"[@/]|\w\.\w")
#: Characters of an address kept on one line before the column may break it.
ADDRESS_ROOM = 12


def word_room(word: str) -> int:
    """Characters a word needs on one line: all of a word, some of an address."""
    return min(len(word), ADDRESS_ROOM) if _ADDRESS.search(word) else len(word)


def column_widths(header: tuple[str, ...], rows: list[tuple[str, ...]], total: int) -> list[int]:
    """Widths (EMU) that fit each column's longest word first, so no word breaks
    letter by letter, then share the rest in proportion to how much text each holds."""
    needs, wants = [], []
    for index, title in enumerate(header):
        cells = [row[index] for row in rows if row[index]]
        typical = sum(len(cell) for cell in cells) / len(cells) if cells else 0
        longest = max(word_room(word) for text in [title, *cells] for word in text.split() or [""])
        needs.append((longest + 1) * _CHAR_WIDTH + _CELL_PADDING)
        wants.append(max(typical - longest, 0) + 1)
    spare = total - sum(needs)
    if spare <= 0:  # even the words do not fit: shrink every column alike
        return [int(need * total / sum(needs)) for need in needs]
    return [int(need + spare * want / sum(wants)) for need, want in zip(needs, wants, strict=True)]


@dataclass
class _Builder:
    word: Any
    t: Catalogue
    style_ids: dict[str, str] = field(default_factory=dict)

    @property
    def text_width(self) -> int:
        section = self.word.sections[-1]
        return int(section.page_width - section.left_margin - section.right_margin)

    def paragraph(self, text: str = "", style: str = "Normal") -> Any:
        paragraph = self.word.add_paragraph()
        paragraph._p.style = self.style_ids[style]
        if text:
            paragraph.add_run(text)
        return paragraph

    def item(self, item: Item) -> None:
        paragraph = self.paragraph(item.text, "List Bullet")
        if item.note:
            note = paragraph.add_run(f" {item.note}")
            note.font.color.rgb = _NOTE_COLOUR
        if item.rule:
            rule = paragraph.add_run(f" {self.t('doc.rule_ref', item.rule_count, rule=item.rule)}")
            rule.font.size = Pt(9)
            rule.font.color.rgb = _RULE_COLOUR

    def table(self, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
        table = self.word.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        table.autofit = False
        widths = column_widths(header, rows, self.text_width)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the grid, which LibreOffice and Google Docs read
        for cell, text, width in zip(table.rows[0].cells, header, widths, strict=True):
            cell.width = width
            run = cell.paragraphs[0].add_run(text)
            run.bold, run.font.size = True, _TABLE_TEXT
        for row, values in zip(table.rows[1:], rows, strict=True):
            for cell, text, width in zip(row.cells, values, widths, strict=True):
                cell.width = width
                if text:
                    cell.paragraphs[0].add_run(text).font.size = _TABLE_TEXT
        repeat_header_row(table)
        self.paragraph()

    def examples(self, block: Examples) -> None:
        t = self.t
        header: tuple[str, ...] = (t("doc.dont"), t("doc.do"))
        if block.has_notes:
            header += (t("doc.why"),)
        rows = []
        for pair in block.pairs:
            row: tuple[str, ...] = (pair.dont or "—", pair.do or "—")
            if block.has_notes:
                rule = t("doc.rule_ref", 1, rule=pair.rule) if pair.rule else ""
                row += (" ".join(part for part in (pair.why, rule) if part),)
            rows.append(row)
        self.table(header, rows)

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block.text)
        elif isinstance(block, BulletList):
            for item in block.items:
                self.item(item)
        elif isinstance(block, Table):
            self.table(block.header, list(block.rows))
        else:
            self.examples(block)


#: The language Word spell-checks and hyphenates the text in.
_WORD_LANGUAGES = {"en": "en-US", "ru": "ru-RU"}


def _language(word: Any, lang: str) -> None:
    """Set the default text language (the template says en-US) to the document's."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    tag = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}") \
        if defaults is not None else None
    if tag is not None:
        tag.set(qn("w:val"), _WORD_LANGUAGES.get(lang, lang))


def _properties(word: Any, doc: Document, stamp: dt.datetime) -> None:
    core = word.core_properties
    core.title = doc.title
    core.subject = doc.subtitle
    core.author = doc.organisation
    core.last_modified_by = doc.organisation
    core.language = doc.lang
    core.version = doc.version
    core.revision = 1
    core.created = stamp
    core.modified = stamp
    core.last_printed = stamp
    core.comments = ""
    core.keywords = ""
    core.category = ""


def _headings(doc: Document) -> list[tuple[int, str]]:
    """``(level, text)`` of every heading, in order: what the table of contents lists."""
    entries = []
    for section in doc.sections:
        entries.append((1, f"{section.number}. {section.title}"))
        entries += [(sub.level, sub.title) for sub in section.subsections]
    return entries


def build_docx(doc: Document, stamp: dt.datetime, reference: Path | None = None) -> bytes:
    """The DOCX bytes; ``stamp`` (from the effective date) replaces every timestamp.
    ``reference``: a Word file whose styles, page setup, header and footer to use."""
    word = open_document(reference)
    ensure_styles(word, _STYLES)
    _properties(word, doc, stamp)
    _language(word, doc.lang)
    if reference is None:
        page_setup(word, doc.paper)
    header_and_footer(word, doc.title, doc.subtitle)
    builder = _Builder(word, Catalogue.for_language(doc.lang),
                       {name: word.styles[name].style_id for name in _STYLES})
    builder.paragraph(doc.title, "Title")
    builder.paragraph(doc.subtitle, "Subtitle")
    for block in doc.intro:
        builder.block(block)
    table_of_contents(word, _headings(doc), builder.t("doc.contents"), builder.style_ids)
    for index, section in enumerate(doc.sections):
        heading = builder.paragraph(f"{section.number}. {section.title}", "Heading 1")
        heading.paragraph_format.page_break_before = index == 0  # after the contents page
        for block in section.blocks:
            builder.block(block)
        for sub in section.subsections:
            builder.paragraph(sub.title, f"Heading {sub.level}")
            for block in sub.blocks:
                builder.block(block)
    buffer = io.BytesIO()
    word.save(buffer)
    return stable_zip(buffer.getvalue(), stamp)
