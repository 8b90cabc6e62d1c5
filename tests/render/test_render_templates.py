"""Templates only lay out: missing values fail, user templates override, policy text is escaped."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from render_helpers import DATA, docx_contents, load, xlsx_contents

from governance.render import RenderOptions, render_policy, render_raci
from governance.render.templating import environment, markdown_escape

HOSTILE = DATA / "hostile"
FULL = DATA / "full"


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return directory


def test_a_template_naming_a_missing_value_fails_instead_of_printing_a_blank(tmp_path: Path
                                                                             ) -> None:
    templates = write(tmp_path, "policy/policy.md.j2", "# {{ doc.title }}\n{{ doc.signatory }}\n")
    with pytest.raises(jinja2.UndefinedError, match="signatory"):
        render_policy(load(FULL), "md", RenderOptions(lang="en", templates=templates))


def test_a_missing_variable_fails_in_html_templates_too(tmp_path: Path) -> None:
    templates = write(tmp_path, "raci/raci.html.j2", "<p>{{ m.title }} {{ approver }}</p>\n")
    with pytest.raises(jinja2.UndefinedError, match="approver"):
        render_raci(load(FULL), "html", RenderOptions(lang="en", templates=templates))


def test_one_overridden_template_falls_back_to_the_shipped_ones_for_the_rest(tmp_path: Path
                                                                             ) -> None:
    templates = write(tmp_path, "policy/_style.css.j2", "body { color: rebeccapurple; }\n")
    loaded = load(FULL)
    html = render_policy(loaded, "html", RenderOptions(lang="en", templates=templates)).decode()
    assert "body { color: rebeccapurple; }" in html
    assert "Georgia" not in html  # the shipped stylesheet was replaced...
    assert '<nav class="toc"' in html  # ...while the shipped page layout still rendered it
    shipped = render_policy(loaded, "md", RenderOptions(lang="en")).decode()
    assert render_policy(loaded, "md", RenderOptions(lang="en", templates=templates)
                         ).decode() == shipped


def test_an_overriding_page_can_reuse_the_shipped_block_macros(tmp_path: Path) -> None:
    templates = write(tmp_path, "policy/policy.md.j2", (
        '{% from "policy/_blocks.md.j2" import block with context %}'
        "{% for s in doc.sections %}== {{ s.title }}\n"
        "{% for b in s.blocks %}{{ block(b)|safe }}{% endfor %}{% endfor %}"))
    text = render_policy(load(FULL), "md", RenderOptions(lang="en", templates=templates)).decode()
    assert text.startswith("== Purpose and goals\n")
    assert "| Role | Type | Department | Duties | Contact |" in text


def test_the_environment_is_strict_and_escapes_html_templates_only() -> None:
    env = environment()
    assert env.undefined is jinja2.StrictUndefined
    assert env.trim_blocks and env.lstrip_blocks
    assert env.from_string("{{ x }}").render(x="<b>") == "\\<b\\>"  # Markdown-escaped
    html = env.get_template("raci/raci.html.j2")
    assert html.environment.autoescape("raci/raci.html.j2") is True
    assert env.autoescape("raci/raci.md.j2") is False


@pytest.mark.parametrize(("text", "escaped"), [
    ("plain words", "plain words"),
    ("a | b", "a \\| b"),
    ("<script>", "\\<script\\>"),
    ("*bold* _it_ `code` [l](u)", "\\*bold\\* \\_it\\_ \\`code\\` \\[l\\](u)"),
    ("# heading\nnext line", "\\# heading next line"),
    ("- not a list", "\\- not a list"),
    ("12. not a list either", "12\\. not a list either"),
    ("a - b, 3.5 %", "a - b, 3.5 %"),
])
def test_markdown_escape(text: str, escaped: str) -> None:
    assert markdown_escape(text) == escaped


@pytest.mark.parametrize("what", ["policy", "raci"])
def test_policy_text_never_becomes_html(what: str) -> None:
    loaded = load(HOSTILE)
    render = render_policy if what == "policy" else render_raci
    html = render(loaded, "html", RenderOptions(lang="en")).decode()
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(" in html
    assert "<b>" not in html and "<img" not in html and "<em>" not in html
    assert "javascript:" not in html.replace("javascript:alert(1)", "")  # no live link
    assert 'href="javascript' not in html


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@pytest.mark.parametrize("what", ["policy", "raci"])
def test_policy_text_never_becomes_markdown_markup(what: str) -> None:
    loaded = load(HOSTILE)
    render = render_policy if what == "policy" else render_raci
    text = render(loaded, "md", RenderOptions(lang="en")).decode()
    assert re.search(r"(?<!\\)<", text) is None  # no raw HTML at all
    assert re.search(r"(?<!\\)\]\(", text) is None  # no link
    assert "\\<script\\>" in text
    tables = [block.splitlines() for block in text.split("\n\n") if block.startswith("|")]
    assert tables
    for rows in tables:  # a pipe in the policy never adds a table column
        assert len({len(_UNESCAPED_PIPE.findall(row)) for row in rows}) == 1, rows


@pytest.mark.parametrize("what", ["policy", "raci"])
def test_html_pages_are_self_contained(what: str) -> None:
    render = render_policy if what == "policy" else render_raci
    html = render(load(FULL), "html", RenderOptions(lang="en")).decode()
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert "<style>" in html and "@media print" in html
    for external in ("<link", "src=", "@import", "url(", "<script", "http://", "//fonts"):
        assert external not in html, external


def test_office_files_carry_policy_text_as_text() -> None:
    loaded = load(HOSTILE)
    doc = docx_contents(render_policy(loaded, "docx", RenderOptions(lang="en")))
    assert "Boss <script>alert('role')</script>" in doc
    sheet = xlsx_contents(render_raci(loaded, "xlsx", RenderOptions(lang="en")))
    assert "Set goals <script>alert('activity')</script>" in sheet


@pytest.mark.parametrize(("text", "expected"), [
    ("smm@northwind.example", "smm@<wbr>northwind.<wbr>example"),
    ("Руководитель <b>SMM</b>", "Руководитель &lt;b&gt;SMM&lt;/b&gt;"),  # words stay whole
    ("see https://a.example/x", "see https:/<wbr>/<wbr>a.<wbr>example/<wbr>x"),
])
def test_table_cells_let_addresses_break_and_nothing_else(text: str, expected: str) -> None:
    from governance.render.html_text import breakable

    assert str(breakable(text)) == expected
