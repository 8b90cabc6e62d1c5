"""``render policy --acknowledgement-form``: the form staff sign, one row per registered person."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner
from docx import Document

from governance.cli import cli

BASE = Path(__file__).resolve().parents[1] / "policy_rules" / "base.yaml"
PEOPLE = """\
people:
  - {id: anna, name: "Anna <b>Ivanova</b>", roles: [smm-manager], acknowledged_version: "1.0"}
  - {id: oleg, name: Oleg Petrov, roles: [smm-lead, agency]}
"""


def policy(tmp_path: Path, snippet: str) -> Path:
    root = tmp_path / "policy"
    root.mkdir()
    (root / "_extends.yaml").write_text(f"extends: {json.dumps(str(BASE))}\n", "utf-8")
    (root / "policy.yaml").write_text(snippet, "utf-8")
    return root


def render(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["render", "policy", "--policy", str(root), "--lang", "en",
                                      "--acknowledgement-form", *args])
    return result.exit_code, result.stdout


def test_the_form_closes_the_document_with_a_row_per_person(tmp_path: Path) -> None:
    code, out = render(policy(tmp_path, PEOPLE), "--format", "md")
    assert code == 0
    form = out.split("## ", )[-1]
    assert form.splitlines()[0].endswith(". Acknowledgement")
    assert "I have read Example Bank's social media policy, version 1.0, in force from " \
           "January 1, 2026" in form
    assert "| Name | Roles | Last acknowledged | Date | Signature |" in form
    assert r"| Anna \<b\>Ivanova\</b\> | SMM manager | 1\.0 |  |  |" in form
    assert "| Oleg Petrov | Head of SMM, Agency account manager |  |  |  |" in form


def test_without_a_register_the_form_has_blank_rows(tmp_path: Path) -> None:
    code, out = render(policy(tmp_path, "{}\n"), "--format", "md")
    assert code == 0
    assert out.endswith("|  |  |  |  |  |\n")
    assert out.count("|  |  |  |  |  |") == 8


def test_html_escapes_names_and_docx_carries_the_form(tmp_path: Path) -> None:
    root = policy(tmp_path, PEOPLE)
    code, html = render(root, "--format", "html")
    assert code == 0
    assert "<td>Anna &lt;b&gt;Ivanova&lt;/b&gt;</td>" in html and "<b>Ivanova" not in html
    target = tmp_path / "policy.docx"
    assert render(root, "--format", "docx", "--output", str(target))[0] == 0
    document = Document(io.BytesIO(target.read_bytes()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Anna <b>Ivanova</b>" in cells and "Signature" in cells


def test_the_form_is_only_printed_when_asked(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["render", "policy", "--policy",
                                      str(policy(tmp_path, PEOPLE)), "--lang", "en"])
    assert result.exit_code == 0 and "Acknowledgement" not in result.stdout
