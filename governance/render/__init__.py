"""The staff social media policy and the RACI matrix, generated from the policy YAML.

``render_policy`` and ``render_raci`` return the bytes of one output format;
nothing here writes files or prints. The view models (``policy_document``,
``raci``) compute every sentence, cell and group; templates in ``templates/``
only lay them out, and the DOCX and XLSX builders read the same view models.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

from governance.cells import csv_row
from governance.loader import LoadedPolicy
from governance.render.document import Document, Section
from governance.render.i18n import Catalogue, choose_language
from governance.render.policy_document import build_document, document_context
from governance.render.raci import RaciMatrix, build_matrix
from governance.render.templating import render_template
from governance.render.zipfix import zip_stamp

POLICY_FORMATS = ("md", "html", "docx", "pdf")
RACI_FORMATS = ("md", "csv", "html", "xlsx", "pdf")
BINARY_FORMATS = frozenset({"docx", "xlsx", "pdf"})
_BLANK_RUNS = re.compile(r"\n{3,}")

__all__ = ["BINARY_FORMATS", "POLICY_FORMATS", "RACI_FORMATS", "RenderOptions",
           "raci_matrix", "render_policy", "render_raci"]


@dataclass(frozen=True)
class RenderOptions:
    lang: str | None = None  # None: the organisation's first language if supported, else en
    today: dt.date | None = None  # None: the policy's effective date
    templates: Path | None = None  # a directory whose templates override the shipped ones
    git_commit: str = ""
    #: Sections put before the numbered ones, e.g. what changed since a revision.
    preface: tuple[Section, ...] = ()
    #: Print the acknowledgement form staff sign as the last section.
    acknowledgement_form: bool = False
    reference_docx: Path | None = None  # a Word file whose styles, header and footer to use


def _effective_date(loaded: LoadedPolicy) -> dt.date:
    organisation = loaded.policy.organisation
    return organisation.effective_date if organisation else dt.date(1980, 1, 1)


def _language(loaded: LoadedPolicy, options: RenderOptions) -> str:
    organisation = loaded.policy.organisation
    return choose_language(options.lang, organisation.languages if organisation else ())


def tidy(text: str) -> str:
    """One blank line at most between blocks, no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"


def render_policy(loaded: LoadedPolicy, fmt: str, options: RenderOptions) -> bytes:
    ctx = document_context(loaded.policy, _language(loaded, options), options.today,
                           options.git_commit)
    doc = build_document(ctx)
    if options.preface:
        doc = with_preface(doc, options.preface)
    if options.acknowledgement_form:
        from governance.render.acknowledgement import acknowledgement_section

        form = acknowledgement_section(loaded.policy, ctx.t)
        doc = replace(doc, sections=(*doc.sections, replace(form, number=len(doc.sections) + 1)))
    if fmt == "docx":
        from governance.render.docx_writer import build_docx

        return build_docx(doc, zip_stamp(_effective_date(loaded)), options.reference_docx)
    if fmt not in POLICY_FORMATS:
        raise ValueError(f"unknown policy format {fmt!r}")
    template = "html" if fmt == "pdf" else fmt
    text = tidy(render_template(f"policy/policy.{template}.j2", options.templates, doc=doc,
                                t=ctx.t))
    return _pdf(text, loaded) if fmt == "pdf" else text.encode("utf-8")


def _pdf(html: str, loaded: LoadedPolicy) -> bytes:
    from governance.render.pdf import html_to_pdf

    return html_to_pdf(html, zip_stamp(_effective_date(loaded)))


def with_preface(doc: Document, preface: tuple[Section, ...]) -> Document:
    """``preface`` first, then the document's sections, numbered again from 1."""
    sections = (*preface, *doc.sections)
    numbered = tuple(replace(s, number=n) for n, s in enumerate(sections, start=1))
    return replace(doc, sections=numbered)


def raci_csv(matrix: RaciMatrix) -> str:
    """One row per activity; a UTF-8 byte order mark so spreadsheets read Cyrillic right."""
    t = Catalogue.for_language(matrix.lang)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = [t("raci.activity_id"), t("raci.activity")]
    header += [t("raci.cadence")] if matrix.has_cadence else []
    header += [role.title for role in matrix.roles]
    header += [t("raci.problem_rules")] if matrix.has_row_problems else []
    writer.writerow(csv_row(header))
    for row in matrix.rows:
        line = [row.activity, row.name]
        line += [row.cadence] if matrix.has_cadence else []
        line += [cell.letter for cell in row.cells]
        line += [", ".join(row.problems)] if matrix.has_row_problems else []
        writer.writerow(csv_row(line))
    return "\ufeff" + out.getvalue()


def raci_matrix(loaded: LoadedPolicy, options: RenderOptions) -> RaciMatrix:
    """The matrix with the RACI and leadership problems, judged as of ``options.today``."""
    return build_matrix(loaded, _language(loaded, options),
                        options.today or _effective_date(loaded))


def render_raci(loaded: LoadedPolicy, fmt: str, options: RenderOptions,
                matrix: RaciMatrix | None = None) -> bytes:
    matrix = matrix or raci_matrix(loaded, options)
    if fmt == "xlsx":
        from governance.render.xlsx_writer import build_xlsx

        organisation = loaded.policy.organisation
        return build_xlsx(matrix, zip_stamp(_effective_date(loaded)),
                          organisation.name if organisation else "")
    if fmt == "csv":
        return raci_csv(matrix).encode("utf-8")
    if fmt not in RACI_FORMATS:
        raise ValueError(f"unknown RACI format {fmt!r}")
    t = Catalogue.for_language(matrix.lang)
    template = "html" if fmt == "pdf" else fmt
    text = tidy(render_template(f"raci/raci.{template}.j2", options.templates, m=matrix, t=t))
    return _pdf(text, loaded) if fmt == "pdf" else text.encode("utf-8")
