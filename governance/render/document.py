"""The staff policy as a view model: everything computed, ready to lay out.

Templates (Markdown, HTML) and the DOCX builder read these dataclasses and only
lay them out: every sentence is already worded, translated and formatted here.
A block is one of a few kinds (``kind`` tells the template which); a section
with no blocks is never built, so no output prints an empty heading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from governance.models.policy import Policy

#: Countries whose offices print on US Letter.
LETTER_COUNTRIES = frozenset({"US", "CA"})


def page_size(policy: Policy) -> str:
    """``document.paper`` if given, else Letter in the US and Canada and A4 elsewhere."""
    if policy.document.paper is not None:
        return policy.document.paper.value
    country = policy.organisation.country if policy.organisation else None
    return "letter" if country in LETTER_COUNTRIES else "a4"


def clean(text: str) -> str:
    """Policy text on one line: YAML folded and literal blocks become plain sentences."""
    return " ".join(text.split())


def join_phrases(phrases: list[str]) -> str:
    """Sentences run on with a space; phrases without a full stop are joined with '; '."""
    cleaned = [clean(p) for p in phrases if p.strip()]
    if all(p.endswith((".", "!", "?", "…")) for p in cleaned):
        return " ".join(cleaned)
    return "; ".join(cleaned)


@dataclass(frozen=True)
class Item:
    """One statement: ``text``, an optional ``note`` (why, scope) and the rule that checks it."""

    text: str
    note: str = ""
    rule: str = ""  # one id, or several as "a, b"

    @property
    def rule_count(self) -> int:
        return len(self.rule.split(",")) if self.rule else 0


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True)
class BulletList:
    items: tuple[Item, ...]
    kind: Literal["list"] = "list"


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: Literal["table"] = "table"


@dataclass(frozen=True)
class ExamplePair:
    """A don't/do pair; either side may be empty when a rule has examples of one kind only."""

    dont: str
    do: str
    why: str = ""
    rule: str = ""

    @property
    def rule_count(self) -> int:
        return 1 if self.rule else 0


@dataclass(frozen=True)
class Examples:
    pairs: tuple[ExamplePair, ...]
    kind: Literal["examples"] = "examples"

    @property
    def has_notes(self) -> bool:
        """Whether any pair says why or names its rule (a third column is worth printing)."""
        return any(pair.why or pair.rule for pair in self.pairs)


Block = Paragraph | BulletList | Table | Examples


def table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> Table:
    """A table without the columns no row fills (the first column always stays)."""
    keep = [i for i in range(len(header)) if i == 0 or any(row[i] for row in rows)]
    return Table(tuple(header[i] for i in keep), tuple(tuple(row[i] for i in keep) for row in rows))


def bullets(items: list[Item]) -> tuple[BulletList, ...]:
    """A list block, or no block at all when there is nothing to list."""
    return (BulletList(tuple(items)),) if items else ()


@dataclass(frozen=True)
class Subsection:
    title: str
    blocks: tuple[Block, ...]
    level: int = 2  # 3: a heading under the one before it (from a policy's own Markdown)


@dataclass(frozen=True)
class Section:
    """A numbered top-level section; ``anchor`` is its stable HTML id."""

    anchor: str
    title: str
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Subsection, ...] = ()
    number: int = 0

    @property
    def empty(self) -> bool:
        return not self.blocks and not any(s.blocks for s in self.subsections)


@dataclass(frozen=True)
class Document:
    """The whole staff policy in one language."""

    lang: str
    title: str
    organisation: str
    subtitle: str
    version: str
    effective_date: str
    sections: tuple[Section, ...]
    intro: tuple[Block, ...] = ()  # the policy's own introduction, before the sections
    paper: str = "a4"  # "a4" or "letter", for Word and PDF
