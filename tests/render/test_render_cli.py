"""The CLI contract of ``governance render``, ``governance rules`` and ``governance explain``."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from render_helpers import DATA, docx_contents

from governance.cli import cli
from governance.rules.declared.types import CompileError

FULL = str(DATA / "full")


def _refuse(rule: object, policy: object, terms: object) -> object:
    raise CompileError((), "not built in this test")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_markdown_goes_to_standard_output_in_the_organisations_language() -> None:
    code, out, _ = run("render", "policy", "--policy", FULL)
    assert code == 0
    assert out.startswith("# Northwind Coffee: политика в социальных сетях\n")


@pytest.mark.parametrize(("name", "magic"), [
    ("policy.html", b"<!DOCTYPE html>"), ("policy.docx", b"PK"), ("policy.md", b"# "),
    ("policy.pdf", b"%PDF-")])
def test_the_format_follows_the_output_name(tmp_path: Path, name: str, magic: bytes) -> None:
    target = tmp_path / "nested" / "dir" / name
    code, out, err = run("render", "policy", "--policy", FULL, "--lang", "en", "-o", str(target))
    assert (code, out) == (0, "")
    assert err == f"{target}: written\n"
    assert target.read_bytes().startswith(magic)


def test_docx_has_real_headings_lists_and_tables(tmp_path: Path) -> None:
    target = tmp_path / "policy.docx"
    code, _, _ = run("render", "policy", "--policy", FULL, "--format", "docx", "--lang", "ru",
                     "--output", str(target))
    assert code == 0
    text = docx_contents(target.read_bytes())
    assert "[Heading 1] 1. Зачем эта политика и наши цели" in text
    assert "[Heading 2] Согласования" in text
    assert "[List Bullet] " in text and "[table Table Grid]" in text


def test_a_binary_format_needs_an_output_file() -> None:
    code, out, err = run("render", "raci", "--policy", FULL, "--format", "xlsx")
    assert (code, out) == (2, "")
    assert err == "governance: error: xlsx is a binary format: give --output FILE\n"


def test_an_unknown_output_suffix_needs_a_format(tmp_path: Path) -> None:
    code, _, err = run("render", "raci", "--policy", FULL, "-o", str(tmp_path / "raci.odt"))
    assert code == 2
    assert "cannot tell the format from the file name" in err
    assert not (tmp_path / "raci.odt").exists()


def test_a_policy_with_errors_is_reported_and_nothing_is_written(tmp_path: Path) -> None:
    broken = tmp_path / "policy.yaml"
    broken.write_text("organisation:\n  name: X\n  policy_version: '1'\n"
                      "  effective_date: 2027-01-01\nroles:\n  - {id: a, title: A}\n"
                      "channels:\n  - {id: c, network: vk, handle: h, purpose: brand, owner: b}\n",
                      encoding="utf-8")
    target = tmp_path / "out" / "policy.html"
    code, out, err = run("render", "policy", "--policy", str(broken), "-o", str(target))
    assert (code, out) == (1, "")
    assert f"{broken}:8:60: error: unknown role 'b'" in err
    assert err.endswith(": the policy has errors; nothing written\n")
    assert not target.parent.exists()


def test_a_missing_policy_is_a_usage_error() -> None:
    code, _, err = run("render", "policy", "--policy", "does/not/exist")
    assert code == 2
    assert err == "governance: error: does/not/exist: no such file or directory\n"


def test_raci_problems_are_printed_and_kept_in_the_matrix() -> None:
    code, out, err = run("render", "raci", "--policy", FULL, "--format", "csv", "--lang", "en")
    assert code == 0
    assert "workflow.yaml:24:13: error: activity 'approve-content' has no Responsible" in err
    header, *rows = out.lstrip("\ufeff").splitlines()
    assert header.split(",")[-1] == "Problems"
    assert "approve-content,Approve content,,A,I,,C,,,raci.responsible" in rows


def test_today_decides_which_waivers_are_in_force() -> None:
    _, in_force, _ = run("render", "policy", "--policy", FULL, "--lang", "en")
    _, later, _ = run("render", "policy", "--policy", FULL, "--lang", "en",
                      "--today", "2027-05-01")
    assert "Spring launch campaign" in in_force
    assert "Spring launch campaign" not in later and "Waivers in force" not in later


def test_a_broken_user_template_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "policy.md.j2").write_text("{{ doc.nope }}\n", encoding="utf-8")
    code, out, err = run("render", "policy", "--policy", FULL, "--templates", str(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith("governance: error: ") and "template error" in err and "nope" in err
    assert "Traceback" not in err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_commit_prints_the_policy_directorys_commit(tmp_path: Path) -> None:
    policy = tmp_path / "policy"
    shutil.copytree(FULL, policy)
    git = ["git", "-C", str(policy), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "policy"], check=True)
    head = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True,
                          text=True).stdout.strip()
    code, out, _ = run("render", "policy", "--policy", str(policy), "--lang", "en",
                       "--git-commit")
    assert code == 0
    assert f"- Policy source: commit {head}." in out


def test_git_commit_outside_a_repository_is_a_usage_error(tmp_path: Path) -> None:
    policy = tmp_path / "policy"
    shutil.copytree(FULL, policy)
    code, _, err = run("render", "policy", "--policy", str(policy), "--git-commit")
    assert code == 2
    assert "--git-commit:" in err


def test_rules_lists_shipped_and_declared_rules_with_their_state() -> None:
    code, out, _ = run("rules", "--policy", FULL)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["RULE", "TARGET", "DEFAULT", "POLICY", "SUMMARY"]
    assert any(line.split()[:4] == ["raci.one-accountable", "policy", "error", "error"]
               for line in lines)
    assert any(line.split()[:4] == ["content.contest-share", "calendar", "warning", "warning"]
               for line in lines)
    assert lines[-1].endswith("declared)")


def test_rules_as_json() -> None:
    code, out, _ = run("rules", "--policy", FULL, "--format", "json")
    assert code == 0
    data = json.loads(out)
    rules = {rule["id"]: rule for rule in data["rules"]}
    assert data["version"] == 1
    assert rules["tone.no-caps"] == {
        "id": "tone.no-caps", "summary": "Capitals read as shouting.",
        "default_severity": "warning", "target": "post", "origin": "declared",
        "declared_in": "tone", "source": None, "enabled": True, "severity": "warning"}


def test_rules_without_a_policy_has_no_policy_column() -> None:
    code, out, _ = run("rules", "--format", "markdown")
    assert code == 0
    assert out.splitlines()[0] == "| Rule | Target | Default | Summary |"
    assert "| `raci.one-accountable` | policy | error | Every activity has exactly one" in out


def test_a_rule_switched_off_by_the_policy_shows_off(tmp_path: Path) -> None:
    policy = tmp_path / "policy"
    shutil.copytree(FULL, policy)
    (policy / "rules.yaml").write_text("rules:\n  raci.responsible: 'off'\n  tone.no-caps: info\n",
                                       encoding="utf-8")
    _, out, _ = run("rules", "--policy", str(policy), "--format", "json")
    rules = {rule["id"]: rule for rule in json.loads(out)["rules"]}
    assert (rules["raci.responsible"]["enabled"], rules["raci.responsible"]["severity"]) == (
        False, "off")
    assert rules["tone.no-caps"]["severity"] == "info"


def test_explain_prints_the_rule_documentation() -> None:
    code, out, _ = run("explain", "raci.one-accountable")
    assert code == 0
    assert out.startswith("raci.one-accountable: Every activity has exactly one Accountable")
    assert "Default severity: error" in out
    assert "Fails::" in out and "Passes::" in out


def test_explain_a_declared_rule_shows_its_declaration_and_wording() -> None:
    code, out, _ = run("explain", "tone.preferred-terms", "--policy", FULL)
    assert code == 0
    assert "Declared in the policy (tone.rules), type: substitution." in out
    assert "In the staff policy: Пишем так, как принято у нас: «guests», а не «clients»" in out


@pytest.mark.parametrize(("rule", "hint"), [
    ("raci.one-acountable", "(did you mean 'raci.one-accountable'?)"),
    ("nothing-like-it", "; rules a policy declares need --policy"),
])
def test_explain_an_unknown_rule_exits_2_with_a_hint(rule: str, hint: str) -> None:
    code, out, err = run("explain", rule)
    assert (code, out) == (2, "")
    assert err.startswith(f"governance: error: unknown rule {rule!r}")
    assert hint in err


@pytest.mark.parametrize("what", ["policy", "raci"])
def test_the_lang_option_offers_every_catalogue(what: str) -> None:
    from governance.render.i18n import SUPPORTED_LANGUAGES

    command = cli.commands["render"].commands[what]  # type: ignore[attr-defined]
    lang = next(p for p in command.params if p.name == "lang")
    assert tuple(lang.type.choices) == SUPPORTED_LANGUAGES


def test_explain_falls_back_to_the_declaration_when_no_builder_documents_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from governance.rules import catalogue

    monkeypatch.setattr(catalogue, "DECLARED_TYPES", {
        model: catalogue.DeclaredType(kind.target, _refuse) for model, kind in
        catalogue.DECLARED_TYPES.items()})
    code, out, _ = run("explain", "tone.no-caps", "--policy", FULL)
    assert code == 0
    assert out.splitlines()[0] == "tone.no-caps: Capitals read as shouting."
    assert "Message: Avoid writing in capitals ({match})" in out
    assert "Fails::\n\n    HUGE SALE today" in out and "Passes::\n\n    A big sale today" in out


@pytest.mark.parametrize(("lang", "word_language"), [("ru", "ru-RU"), ("en", "en-US")])
def test_word_checks_spelling_in_the_documents_language(tmp_path: Path, lang: str,
                                                        word_language: str) -> None:
    import io
    import zipfile

    target = tmp_path / "policy.docx"
    run("render", "policy", "--policy", FULL, "--lang", lang, "-o", str(target))
    styles = zipfile.ZipFile(io.BytesIO(target.read_bytes())).read("word/styles.xml").decode()
    assert f'<w:lang w:val="{word_language}"' in styles


def test_word_tables_give_long_text_the_room(tmp_path: Path) -> None:
    import docx

    target = tmp_path / "policy.docx"
    run("render", "policy", "--policy", FULL, "--lang", "en", "-o", str(target))
    roles = docx.Document(str(target)).tables[0]
    widths = [column.width for column in roles.columns]
    header = [cell.text for cell in roles.rows[0].cells]
    assert header[3] == "Duties" and widths[3] > max(widths[:3])
    assert sum(widths) <= docx.shared.Cm(21 - 4) + 1000  # A4 within the 2 cm margins
    # an address may break, but not before a dozen characters of 9 pt text
    assert header[4] == "Contact" and widths[4] >= docx.shared.Pt(12 * 5.6)


def company_template(path: Path) -> Path:
    """A company's Word template: its own heading colour, header, footer and letterhead."""
    import docx
    from docx.shared import RGBColor

    template = docx.Document()
    template.styles["Heading 1"].font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
    template.styles["Normal"].font.name = "Liberation Serif"
    section = template.sections[0]
    section.header.paragraphs[0].text = "ACME Corp — internal"
    section.footer.paragraphs[0].text = "ACME Corp, 1 Example Street"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "ACME letterhead"
    template.add_paragraph("Template body text that must not appear in the policy.")
    template.save(str(path))
    return path


def test_a_reference_docx_gives_its_styles_header_footer_and_first_page(tmp_path: Path) -> None:
    import docx

    target = tmp_path / "policy.docx"
    reference = company_template(tmp_path / "company.docx")
    before = reference.read_bytes()
    code, _, err = run("render", "policy", "--policy", FULL, "--lang", "en", "-o", str(target),
                       "--reference-docx", str(reference))
    assert code == 0, err
    assert reference.read_bytes() == before  # inputs are never modified
    word = docx.Document(str(target))
    section = word.sections[0]
    assert section.header.paragraphs[0].text == "ACME Corp — internal"
    assert section.footer.paragraphs[0].text == "ACME Corp, 1 Example Street"
    assert section.first_page_header.paragraphs[0].text == "ACME letterhead"
    assert word.styles["Heading 1"].font.color.rgb == docx.shared.RGBColor(0x8B, 0x00, 0x00)
    texts = [p.text for p in word.paragraphs]
    assert "Template body text that must not appear in the policy." not in texts
    assert "1. Purpose and goals" in texts
    contents = [p.text for p in word.paragraphs if p.style.name == "TOC 1"]
    assert contents[0] == "1. Purpose and goals"


@pytest.mark.parametrize(("content", "output", "message"), [
    (None, "p.docx", "reference Word file not found"),
    (b"not a zip", "p.docx", "not a Word document"),
    (b"not a zip", "p.pdf", "applies to Word output"),
])
def test_a_bad_reference_docx_is_one_line_and_exit_2(tmp_path: Path, content: bytes | None,
                                                    output: str, message: str) -> None:
    reference = tmp_path / "company.docx"
    if content is not None:
        reference.write_bytes(content)
    code, _, err = run("render", "policy", "--policy", FULL, "-o", str(tmp_path / output),
                       "--reference-docx", str(reference))
    assert code == 2
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / output).exists()


def test_pdf_needs_an_output_file() -> None:
    code, _, err = run("render", "raci", "--policy", FULL, "--format", "pdf")
    assert code == 2
    assert "binary format" in err
