"""The shipped policies in every format and both languages, read back for their structure:
headings and contents, page size, header and footer, no unfilled placeholder, and nothing
about features a policy does not declare."""

from __future__ import annotations

import dataclasses
import functools
import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Inches
from render_helpers import SHIPPED, load, pdf_pages

from governance.render import (
    POLICY_FORMATS,
    RACI_FORMATS,
    RenderOptions,
    render_policy,
    render_raci,
)
from governance.render.document import Document
from governance.render.docx_writer import word_room
from governance.render.policy_document import build_document, document_context

LANGS = ("en", "ru")
CASES = [(policy, lang) for policy in SHIPPED for lang in LANGS]
IDS = [f"{policy}-{lang}" for policy, lang in CASES]
#: What an unfilled placeholder looks like in any output.
UNFILLED = re.compile(r"\{[a-z_]+\}|«…»|…»|\bNone\b|Undefined")
#: Words the community sample must never be told: it has no agency, no customer
#: service, no advertising and no sponsorship labels.
UNDECLARED = {
    "en": ("agency", "Agency", "customer", "Advertising aimed at Russia", "erid", "#ad",
           "company’s", "Other network"),
    "ru": ("агентств", "Агентств", "клиент", "Реклама", "erid", "#ad", "компании"),
}


@functools.cache
def document(policy: str, lang: str) -> Document:
    loaded = load(SHIPPED[policy])
    return build_document(document_context(loaded.policy, lang))


@functools.cache
def rendered(policy: str, lang: str, what: str, fmt: str) -> bytes:
    render = render_policy if what == "policy" else render_raci
    return render(load(SHIPPED[policy]), fmt, RenderOptions(lang=lang))


def headings(doc: Document) -> list[str]:
    return [f"{s.number}. {s.title}" for s in doc.sections]


@pytest.mark.parametrize(("policy", "lang"), CASES, ids=IDS)
def test_markdown_and_html_list_every_section_in_their_contents(policy: str, lang: str) -> None:
    doc = document(policy, lang)
    markdown = rendered(policy, lang, "policy", "md").decode()
    html = rendered(policy, lang, "policy", "html").decode()
    assert len(doc.sections) >= 10
    for section in doc.sections:
        assert f"\n{section.number}\\. {section.title}\n" in markdown.replace(
            f"\n{section.number}. ", f"\n{section.number}\\. ") or \
            f"\n{section.number}. {section.title}\n" in markdown
        assert f'<li><a href="#{section.anchor}">' in html
        assert f'<section id="{section.anchor}">' in html
    for text in (markdown, html):
        assert not UNFILLED.search(text), UNFILLED.search(text)


def test_the_community_sample_keeps_its_own_sections_and_words() -> None:
    doc = document("community", "en")
    titles = [s.title for s in doc.sections]
    assert doc.title == "Tessera Maps contributor social media guidelines"
    assert titles[:2] == ["General guidelines", "Who runs the accounts"]
    assert {"Release announcements", "Security issues", "What the check enforces"} <= set(titles)
    assert doc.paper == "letter"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_nothing_is_said_about_what_the_community_does_not_declare(lang: str, fmt: str) -> None:
    text = rendered("community", lang, "policy", fmt).decode()
    own = load(SHIPPED["community"]).policy
    assert own.organisation is not None
    found = [word for word in UNDECLARED[lang] if word in text.replace(
        "a company that employs a maintainer", "").replace("sound like a company", "")]
    assert found == []
    assert "disclosure.ru-advertising" not in text and "disclosure.sponsorship" not in text


def docx_document(policy: str, lang: str) -> docx.document.Document:
    return docx.Document(io.BytesIO(rendered(policy, lang, "policy", "docx")))


@pytest.mark.parametrize(("policy", "lang"), CASES, ids=IDS)
def test_word_has_contents_page_numbers_header_and_real_styles(policy: str, lang: str) -> None:
    doc, word = document(policy, lang), docx_document(policy, lang)
    paragraphs = word.paragraphs
    toc = [p.text for p in paragraphs if p.style.name == "TOC 1"]
    assert toc == headings(doc)  # filled in, so the contents show before Word updates them
    body = word.element.body.xml
    assert 'TOC \\o "1-3"' in body and 'w:dirty="true"' in body
    assert word.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    assert [p.text for p in paragraphs if p.style.name == "Heading 1"] == headings(doc)
    styles = {p.style.name for p in paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet", "TOC Heading"} <= styles
    section = word.sections[0]
    footer = section.footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    header = section.header.paragraphs[0].text
    assert header.startswith(doc.title) and doc.version in header
    assert section.different_first_page_header_footer  # the title page goes without
    assert not UNFILLED.search("\n".join(p.text for p in paragraphs))


@pytest.mark.parametrize(("policy", "size", "margin"), [
    ("example", (Cm(21), Cm(29.7)), Cm(2)),  # Russia: A4, metric margins
    ("community", (Inches(8.5), Inches(11)), Inches(1)),  # United States: Letter
])
def test_word_paper_follows_the_country(policy: str, size: tuple[int, int], margin: int) -> None:
    section = docx_document(policy, "en").sections[0]
    tolerance = Cm(0.01)  # Word stores twentieths of a point
    assert abs(section.page_width - size[0]) < tolerance
    assert abs(section.page_height - size[1]) < tolerance
    assert abs(section.left_margin - margin) < tolerance
    assert abs(section.right_margin - margin) < tolerance


@pytest.mark.parametrize("policy", list(SHIPPED))
def test_word_tables_repeat_their_header_and_never_split_a_word(policy: str) -> None:
    word = docx_document(policy, "ru")
    assert word.tables
    for table in word.tables:
        rows = table.rows
        assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])
        for index, column in enumerate(table.columns):
            longest = max(word_room(word) for row in rows for word in
                          row.cells[index].text.split() or [""])
            # 9 pt text: no letter of Cyrillic or bold header text is wider than 5.6 pt;
            # an e-mail or web address may break, as Word breaks it anyway
            assert column.width >= longest * 5.6 * 12700, (table.rows[0].cells[index].text,
                                                           longest, column.width)


def pdf_text(pages: list[tuple[float, float, list[tuple[float, float, str]]]]) -> str:
    return " ".join(word for _, _, words in pages for _, _, word in words)


@pytest.mark.parametrize(("policy", "lang"), CASES, ids=IDS)
def test_the_pdf_has_its_pages_contents_with_page_numbers_and_footer(
        policy: str, lang: str, tmp_path: Path) -> None:
    doc = document(policy, lang)
    data = rendered(policy, lang, "policy", "pdf")
    assert data == render_policy(load(SHIPPED[policy]), "pdf", RenderOptions(lang=lang))
    pages = pdf_pages(data, tmp_path)
    expected = (612, 792) if doc.paper == "letter" else (595.28, 841.89)
    assert all(abs(w - expected[0]) < 1 and abs(h - expected[1]) < 1 for w, h, _ in pages)
    assert len(pages) >= 5
    first = " ".join(word for _, _, word in pages[0][2])
    for heading in headings(doc):  # the contents list every section with its page number
        assert " ".join(heading.split()) in first
    numbers = re.findall(r"\.\s(\d+)(?=\s\d+\.\s|\s1 /|$)", first)
    assert numbers, first
    for number, (_, _, words) in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in " ".join(word for _, _, word in words)
    margin = 72 if doc.paper == "letter" else 72 / 2.54 * 2  # an inch; 2 cm
    right = max(x1 for _, _, words in pages for _, x1, _ in words)
    assert right <= expected[0] - margin + 0.5  # no table or citation runs off the page
    text = pdf_text(pages)
    assert not UNFILLED.search(text)
    assert "\ufffd" not in text  # every Cyrillic letter had a glyph


@pytest.mark.parametrize("policy", list(SHIPPED))
def test_the_pdf_carries_cyrillic_and_greek(policy: str, tmp_path: Path) -> None:
    loaded = load(SHIPPED[policy])
    titled = loaded.policy.document.model_copy(update={"title": "Ποιος είναι Σεβερνι Βέτερ"})
    greek = dataclasses.replace(loaded, policy=loaded.policy.model_copy(
        update={"document": titled}))
    pages = pdf_pages(render_policy(greek, "pdf", RenderOptions(lang="ru")), tmp_path)
    text = pdf_text(pages)
    assert "Ποιος είναι Σεβερνι Βέτερ" in text
    assert "Содержание" in text


@pytest.mark.parametrize(("policy", "lang"), CASES, ids=IDS)
def test_the_raci_pdf_is_landscape_with_every_role_inside_the_page(
        policy: str, lang: str, tmp_path: Path) -> None:
    pages = pdf_pages(rendered(policy, lang, "raci", "pdf"), tmp_path)
    width, height, _ = pages[0]
    assert width > height
    words = [(x0, x1, word) for _, _, page_words in pages for x0, x1, word in page_words]
    assert all(x0 >= 0 and x1 <= width + 0.5 for x0, x1, _ in words)
    loaded = load(SHIPPED[policy])
    printed = {word for _, _, word in words}
    for role in loaded.policy.roles:
        assert set(role.title.split()) <= printed, role.title


@pytest.mark.parametrize(("policy", "lang"), CASES, ids=IDS)
@pytest.mark.parametrize(("what", "fmt"), [("policy", f) for f in POLICY_FORMATS] +
                         [("raci", f) for f in RACI_FORMATS])
def test_every_format_renders_the_same_bytes_twice(policy: str, lang: str, what: str,
                                                   fmt: str) -> None:
    if fmt == "pdf":
        pytest.skip("the PDF tests above render it twice already")
    render = render_policy if what == "policy" else render_raci
    first = rendered(policy, lang, what, fmt)
    assert first == render(load(SHIPPED[policy]), fmt, RenderOptions(lang=lang))
    assert len(first) > 500
