"""A policy's own Markdown (an introduction, a section's body) as document blocks.

The body is parsed with markdown-it (CommonMark plus tables; raw HTML is kept as
text, never passed through) and mapped onto the blocks every output format lays
out: paragraphs, bullet lists, tables and subsections for headings. Inline
emphasis is kept as plain words and a link as its text followed by its address,
so the Word, PDF, HTML and Markdown documents all say the same thing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from governance.render.document import Block, BulletList, Item, Paragraph, Subsection, clean, table


@functools.cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def inline_text(token: Token) -> str:
    """The words of an inline token: emphasis dropped, links as "text (address)"."""
    parts: list[str] = []
    href = ""
    link_start = 0
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
        elif child.type == "link_open":
            href, link_start = str(child.attrs.get("href", "")), len(parts)
        elif child.type == "link_close":
            label = "".join(parts[link_start:]).strip()
            if href and href not in (label, f"mailto:{label}"):
                parts.append(f" ({href.removeprefix('mailto:')})")
    return clean("".join(parts))


@dataclass
class _Reader:
    """Walks the token stream once, filling blocks of the body or of the current heading."""

    blocks: list[Block] = field(default_factory=list)
    subsections: list[Subsection] = field(default_factory=list)
    heading: tuple[str, int] | None = None
    pending: list[Block] = field(default_factory=list)

    def add(self, block: Block) -> None:
        (self.pending if self.heading else self.blocks).append(block)

    def close_heading(self) -> None:
        if self.heading is not None:
            title, level = self.heading
            self.subsections.append(Subsection(title, tuple(self.pending), level))
        self.pending = []

    def read(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            index = self.step(tokens, index)
        self.close_heading()

    def step(self, tokens: list[Token], index: int) -> int:
        token = tokens[index]
        if token.type == "heading_open":
            self.close_heading()
            level = 2 if int(token.tag[1]) <= 2 else 3
            self.heading = (inline_text(tokens[index + 1]), level)
            return index + 3
        if token.type in ("bullet_list_open", "ordered_list_open"):
            return self.list_items(tokens, index)
        if token.type == "table_open":
            return self.table(tokens, index)
        if token.type == "inline":
            if text := inline_text(token):
                self.add(Paragraph(text))
        elif token.type in ("fence", "code_block") and token.content.strip():
            self.add(Paragraph(clean(token.content)))
        return index + 1

    def list_items(self, tokens: list[Token], index: int) -> int:
        """One bullet per top-level item; a nested list's words join its item's."""
        closing = tokens[index].type.replace("_open", "_close")
        depth, items, current = 0, [], list[str]()
        index += 1
        while not (tokens[index].type == closing and depth == 0):
            token = tokens[index]
            depth += token.nesting if token.type.endswith("list_open") or \
                token.type.endswith("list_close") else 0
            if token.type == "list_item_close" and depth == 0:
                items.append(Item(" ".join(current)))
                current = []
            elif token.type == "inline" and (text := inline_text(token)):
                current.append(text)
            index += 1
        if items:
            self.add(BulletList(tuple(items)))
        return index + 1

    def table(self, tokens: list[Token], index: int) -> int:
        rows: list[tuple[str, ...]] = []
        row: list[str] = []
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "inline":
                row.append(inline_text(token))
            elif token.type == "tr_close":
                rows.append(tuple(row))
                row = []
            index += 1
        if rows:
            self.add(table(rows[0], rows[1:]))
        return index + 1


def markdown_blocks(text: str) -> tuple[tuple[Block, ...], tuple[Subsection, ...]]:
    """The blocks before the first heading, and one subsection per heading."""
    reader = _Reader()
    reader.read(_parser().parse(text))
    return tuple(reader.blocks), tuple(reader.subsections)
