"""The document says what the policy says: its own sections, title, wording family, country."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from render_helpers import load

from governance.cli import cli
from governance.render import RenderOptions, render_policy
from governance.render.document import BulletList, Document, Paragraph, Section
from governance.render.policy_document import build_document, document_context

BASE = """\
organisation:
  name: Acme
  policy_version: "3"
  effective_date: 2027-01-10
roles:
  - {id: lead, title: Comms lead, executive: true}
  - {id: vol, title: Volunteer}
channels:
  - {id: m, network: mastodon, handle: "@acme", purpose: community, owner: lead}
workflow:
  activities:
    - {id: review, name: Monthly review, kind: review, raci: {lead: A, vol: R}}
content:
  rules:
    - id: acme.no-jargon
      type: existence
      tokens: [synergy]
      message: "Avoid {match}."
      examples: {fail: ["pure synergy"], pass: ["plain words"]}
    - id: acme.short
      type: length
      max: 280
      message: "{count} characters; keep to {limit}."
      examples: {fail: ["%s"], pass: ["short"]}
""" % ("x" * 281)


def document(tmp_path: Path, extra: str = "", lang: str = "en") -> Document:
    path = tmp_path / "policy.yaml"
    path.write_text(BASE + textwrap.dedent(extra), encoding="utf-8")
    return build_document(document_context(load(path).policy, lang))


def every_text(doc: Document) -> str:
    parts = [doc.title, *(b.text for b in doc.intro if isinstance(b, Paragraph))]
    for section in doc.sections:
        parts.append(section.title)
        blocks = [*section.blocks, *(b for s in section.subsections for b in s.blocks)]
        parts += [s.title for s in section.subsections]
        for block in blocks:
            if isinstance(block, Paragraph):
                parts.append(block.text)
            elif isinstance(block, BulletList):
                parts += [f"{i.text} {i.note} {i.rule}" for i in block.items]
    return "\n".join(parts)


def rule_ids(section: Section) -> list[str]:
    blocks = [*section.blocks, *(b for s in section.subsections for b in s.blocks)]
    return [i.rule for b in blocks if isinstance(b, BulletList) for i in b.items if i.rule]


SECTIONS = """\
document:
  title: Acme community social media guidelines
  intro: |
    These guidelines cover the accounts run by the **comms team**.
  sections:
    - title: General guidelines
      body: |
        Messaging should be positive and uplifting.

        - Credit people by name.
        - Link to [the forum](https://forum.acme.example).
      rules: [acme.no-jargon]
    - {generated: roles, title: Who runs the accounts}
    - {generated: channels}
    - title: Release announcements
      body: "We don't announce releases before the tag exists."
"""


def test_the_policy_orders_its_own_and_generated_sections(tmp_path: Path) -> None:
    doc = document(tmp_path, SECTIONS)
    assert doc.title == "Acme community social media guidelines"
    assert [b.text for b in doc.intro if isinstance(b, Paragraph)] == [
        "These guidelines cover the accounts run by the comms team."]
    assert [(s.number, s.anchor, s.title) for s in doc.sections] == [
        (1, "general-guidelines", "General guidelines"),
        (2, "roles", "Who runs the accounts"),
        (3, "channels", "Our channels"),
        (4, "release-announcements", "Release announcements"),
        (5, "content", "Content rules"),  # not listed: the unplaced rules still appear
    ]
    own = doc.sections[0]
    assert isinstance(own.blocks[0], Paragraph)
    listed = own.blocks[1]
    assert isinstance(listed, BulletList)
    assert [i.text for i in listed.items] == [
        "Credit people by name.", "Link to the forum (https://forum.acme.example)."]
    assert rule_ids(own) == ["acme.no-jargon"]
    assert "acme.no-jargon" not in rule_ids(doc.sections[4])
    assert "acme.short" in rule_ids(doc.sections[4])


def test_a_listed_rules_section_takes_its_place_and_title(tmp_path: Path) -> None:
    doc = document(tmp_path, SECTIONS + "    - {generated: rules, title: What the check enforces}\n"
                   "    - {generated: version}\n")
    assert [s.title for s in doc.sections][-2:] == ["What the check enforces",
                                                   "Version and effective date"]


def test_without_sections_the_usual_order_stays_and_the_intro_states_the_purpose(
        tmp_path: Path) -> None:
    doc = document(tmp_path, "document: {intro: 'We talk with our users, not at them.'}\n")
    assert [s.anchor for s in doc.sections][:2] == ["purpose", "scope"]
    purpose = doc.sections[0].blocks[0]
    assert isinstance(purpose, Paragraph)
    assert purpose.text == "We talk with our users, not at them."
    assert "This policy sets out" not in every_text(doc)


@pytest.mark.parametrize(("kind", "says", "never"), [
    ("company", "the company’s official account", "the project’s"),
    ("open-source", "the project’s official account", "company"),
    ("community", "the community’s official account", "company"),
    ("public-body", "It covers the official account", "company"),
])
def test_the_wording_follows_the_kind_of_organisation(tmp_path: Path, kind: str, says: str,
                                                      never: str) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(BASE.replace('  effective_date: 2027-01-10\n',
                                 f"  effective_date: 2027-01-10\n  kind: {kind}\n"), "utf-8")
    text = every_text(build_document(document_context(load(path).policy, "en")))
    assert says in text
    assert never not in text


def test_nothing_is_said_about_features_the_policy_does_not_declare(tmp_path: Path) -> None:
    """No agency, no support channel, no disclosure packs: none of their wording."""
    text = every_text(document(tmp_path))
    for absent in ("agency", "Agency", "customer", "Реклама", "#ad", "disclosure.",
                   "approvals.required", "post.links", "post.topic"):
        assert absent not in text, absent
    assert "Leadership steps in at four moments" in text


def test_an_agency_and_a_support_channel_bring_their_wording(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(BASE.replace("  - {id: vol, title: Volunteer}\n",
                                 "  - {id: vol, title: Volunteer}\n"
                                 "  - {id: pr, title: PR agency, type: agency}\n").replace(
        "purpose: community, owner: lead}",
        "purpose: support, owner: lead, responders: [vol]}"), "utf-8")
    text = every_text(build_document(document_context(load(path).policy, "en")))
    assert "an agency or our own staff" in text
    assert "connect the customer" in text


def test_a_rules_source_is_printed_as_the_policy_gives_it(tmp_path: Path) -> None:
    doc = document(tmp_path)
    assert "Source:" not in every_text(doc)
    path = tmp_path / "policy.yaml"
    path.write_text(BASE.replace("      message: \"Avoid {match}.\"\n",
                                 "      message: \"Avoid {match}.\"\n"
                                 "      source: Board decision 2027/4 (plain words)\n"), "utf-8")
    text = every_text(build_document(document_context(load(path).policy, "en")))
    assert "Source: Board decision 2027/4 (plain words)" in text


def test_placeholders_read_as_words(tmp_path: Path) -> None:
    text = every_text(document(tmp_path))
    assert "{" not in text and "…" not in text and "«" not in text


@pytest.mark.parametrize(("country", "paper", "date"), [
    ("", "a4", "January 10, 2027"),
    ("  country: GB\n", "a4", "10 January 2027"),
    ("  country: DE\n", "a4", "10 January 2027"),
    ("  country: US\n", "letter", "January 10, 2027"),
    ("  country: CA\n", "letter", "January 10, 2027"),
])
def test_the_country_picks_paper_and_date_style(tmp_path: Path, country: str, paper: str,
                                                date: str) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(BASE.replace('  effective_date: 2027-01-10\n',
                                 f"  effective_date: 2027-01-10\n{country}"), "utf-8")
    doc = build_document(document_context(load(path).policy, "en"))
    assert (doc.paper, doc.effective_date) == (paper, date)


def test_document_paper_overrides_the_country(tmp_path: Path) -> None:
    doc = document(tmp_path, "document: {paper: letter}\n")
    assert doc.paper == "letter"


@pytest.mark.parametrize(("extra", "expected"), [
    ("document:\n  sections:\n    - {title: T, rules: [acme.nope]}\n",
     "policy.yaml:27:26: error: unknown rule 'acme.nope' (did you mean 'acme.short'?) "
     "(ref.unknown-rule)"),
    ("document:\n  sections:\n    - {generated: faq}\n", "(schema."),
    ("organisation:\n  country: XX\n", "not an ISO 3166 code"),
])
def test_check_reports_a_bad_document_section_at_its_line(tmp_path: Path, extra: str,
                                                          expected: str) -> None:
    text = BASE + extra if not extra.startswith("organisation") else BASE.replace(
        '  effective_date: 2027-01-10\n', '  effective_date: 2027-01-10\n  country: XX\n')
    (tmp_path / "policy.yaml").write_text(text, "utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "policy.yaml")])
    assert result.exit_code == 1, result.output
    assert expected in result.output
    assert "Traceback" not in result.output


def test_the_markdown_document_has_no_unfilled_placeholder(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(BASE + SECTIONS, "utf-8")
    text = render_policy(load(path), "md", RenderOptions(lang="ru")).decode()
    assert "{" not in text.replace("\\{", "") and "…" not in text
