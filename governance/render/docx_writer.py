"""The staff policy as a Word document, built from the same view model as the templates.

Real structure rather than look-alike formatting: sections are ``Heading 1``,
subsections ``Heading 2``, lists ``List Bullet``, tables Word tables with a
header row, so the navigation pane, screen readers and restyling all work.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import docx
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
from governance.render.i18n import Catalogue
from governance.render.zipfix import stable_zip

_NOTE_COLOUR = RGBColor(0x55, 0x55, 0x55)
_RULE_COLOUR = RGBColor(0x1F, 0x5F, 0x99)


def _item(word: Any, item: Item, t: Catalogue) -> None:
    paragraph = word.add_paragraph(style="List Bullet")
    paragraph.add_run(item.text)
    if item.note:
        note = paragraph.add_run(f" {item.note}")
        note.font.color.rgb = _NOTE_COLOUR
    if item.rule:
        rule = paragraph.add_run(f" {t('doc.rule_ref', rule=item.rule)}")
        rule.font.size = Pt(9)
        rule.font.color.rgb = _RULE_COLOUR


def _table(word: Any, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    table = word.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row, values in zip(table.rows[1:], rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    word.add_paragraph()


def _examples(word: Any, block: Examples, t: Catalogue) -> None:
    header: tuple[str, ...] = (t("doc.dont"), t("doc.do"))
    if block.has_notes:
        header += (t("doc.why"),)
    rows = []
    for pair in block.pairs:
        row: tuple[str, ...] = (pair.dont or "—", pair.do or "—")
        if block.has_notes:
            rule = t("doc.rule_ref", rule=pair.rule) if pair.rule else ""
            row += (" ".join(part for part in (pair.why, rule) if part),)
        rows.append(row)
    _table(word, header, rows)


def _block(word: Any, block: Block, t: Catalogue) -> None:
    if isinstance(block, Paragraph):
        word.add_paragraph(block.text)
    elif isinstance(block, BulletList):
        for item in block.items:
            _item(word, item, t)
    elif isinstance(block, Table):
        _table(word, block.header, list(block.rows))
    else:
        _examples(word, block, t)


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


def build_docx(doc: Document, stamp: dt.datetime) -> bytes:
    """The DOCX bytes; ``stamp`` (from the effective date) replaces every timestamp."""
    t = Catalogue.for_language(doc.lang)
    word = docx.Document()
    _properties(word, doc, stamp)
    word.add_heading(doc.title, level=0)
    word.add_paragraph(doc.subtitle, style="Subtitle")
    for section in doc.sections:
        word.add_heading(f"{section.number}. {section.title}", level=1)
        for block in section.blocks:
            _block(word, block, t)
        for sub in section.subsections:
            word.add_heading(sub.title, level=2)
            for block in sub.blocks:
                _block(word, block, t)
    buffer = io.BytesIO()
    word.save(buffer)
    return stable_zip(buffer.getvalue(), stamp)
