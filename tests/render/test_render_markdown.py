"""A policy's own Markdown becomes document blocks: structure kept, nothing passed through raw."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from render_helpers import load

from governance.render import RenderOptions, render_policy
from governance.render.document import BulletList, Paragraph, Table
from governance.render.markdown_blocks import markdown_blocks


def test_paragraphs_lists_tables_and_headings() -> None:
    blocks, subsections = markdown_blocks(textwrap.dedent("""\
        Messaging should be **positive**, see [the forum](https://forum.example).

        1. First
        2. Second with `code`
           - nested detail

        ## Releases

        | Kind | Who |
        |---|---|
        | major | release manager |

        ### Embargoes
        Nothing before the advisory.
        """))
    assert blocks[0] == Paragraph("Messaging should be positive, see the forum "
                                  "(https://forum.example).")
    assert isinstance(blocks[1], BulletList)
    assert [i.text for i in blocks[1].items] == ["First", "Second with code nested detail"]
    assert [(s.title, s.level) for s in subsections] == [("Releases", 2), ("Embargoes", 3)]
    assert subsections[0].blocks == (Table(("Kind", "Who"), (("major", "release manager"),)),)
    assert subsections[1].blocks == (Paragraph("Nothing before the advisory."),)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab <>&*_#-|`[]()!\n1.:@/\"'")), max_size=120))
def test_any_markdown_reads_without_error_into_plain_text(text: str) -> None:
    blocks, subsections = markdown_blocks(text)
    for block in (*blocks, *(b for s in subsections for b in s.blocks)):
        assert isinstance(block, (Paragraph, BulletList, Table))


def test_raw_html_in_a_section_body_is_shown_as_text(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(textwrap.dedent("""\
        organisation: {name: Acme, policy_version: "1", effective_date: 2027-01-01}
        document:
          sections:
            - title: "<i>Ours</i>"
              body: |
                <script>alert(1)</script> and <b>bold</b>
        """), encoding="utf-8")
    html = render_policy(load(policy), "html", RenderOptions(lang="en")).decode()
    assert "<script>alert" not in html and "<b>bold" not in html and "<i>Ours" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt;" in html
