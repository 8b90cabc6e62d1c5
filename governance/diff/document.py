"""The changes as a section of the staff policy (``render policy --changes-since REV``)."""

from __future__ import annotations

from governance.diff.words import PolicyChanges, grouped, heading
from governance.render.document import BulletList, Item, Paragraph, Section, Subsection
from governance.render.i18n import Catalogue

ANCHOR = "changes"


def changes_section(result: PolicyChanges, t: Catalogue) -> Section:
    groups = grouped(result, t)
    intro = Paragraph(heading(result, t))
    if not groups:
        return Section(ANCHOR, t("changes.title"), (intro, Paragraph(t("changes.none"))))
    subsections = tuple(Subsection(title, (BulletList(tuple(Item(s) for s in sentences)),))
                        for title, sentences in groups)
    return Section(ANCHOR, t("changes.title"), (intro,), subsections)
