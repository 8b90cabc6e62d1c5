"""Every output format of the test and example policies, in both languages, against goldens.

Text formats are compared as they are; DOCX and XLSX by their content (paragraphs
with styles, table cells; cell values, fills and layout), not their zip bytes.
Update with ``GOVERNANCE_UPDATE_GOLDENS=1 pytest tests/render`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from render_helpers import as_text, check_golden, load

from governance.findings import Severity
from governance.render import (
    POLICY_FORMATS,
    RACI_FORMATS,
    RenderOptions,
    render_policy,
    render_raci,
)
from governance.render.policy_document import running_rules
from governance.render.templating import markdown_escape
from governance.rules import catalogue as rule_catalogue
from governance.rules.base import Rule

#: The post and calendar rules the goldens are rendered against, so that they show
#: citations and "other checks" without changing whenever a rule joins the registry;
#: test_every_rule_that_runs_is_in_the_example_document checks the real registry.
PINNED_RULES = tuple(
    Rule(rule_id, f"Summary of {rule_id}.", Severity.WARNING, "", target, "doc",
         lambda *_: iter(()))
    for rule_id, target in (
        ("approvals.required", "post"), ("post.topic", "post"), ("post.posting-hours", "post"),
        ("post.blackout", "post"), ("post.length", "post"), ("post.hashtags", "post"),
        ("post.personal-data", "post"), ("disclosure.sponsorship", "post"),
        ("disclosure.ru-advertising", "post"), ("tone.we-voice", "post"),
        ("tone.officialese", "post"), ("post.alt-text", "post"),
        ("content.promo-share", "calendar"), ("content.link-share", "calendar"),
        ("content.duplicates", "calendar"), ("cadence.max-per-day", "calendar"),
        ("cadence.silence", "calendar"),
    )
)
POLICIES = {
    "full": "tests/render/data/full",
    "example": "policies/example",
}
CASES = [
    (policy, lang, what, fmt)
    for policy in POLICIES
    for lang in ("en", "ru")
    for what, formats in (("policy", POLICY_FORMATS), ("raci", RACI_FORMATS))
    for fmt in formats
    if fmt != "pdf"  # its text depends on the fonts installed: test_render_pdf checks it
]


@pytest.mark.parametrize(("policy", "lang", "what", "fmt"), CASES,
                         ids=["-".join(case) for case in CASES])
def test_output_matches_its_golden_file(at_root: Path, policy: str, lang: str, what: str,
                                        fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rule_catalogue, "SHIPPED", (*rule_catalogue.policy_rules(), *PINNED_RULES))
    loaded = load(POLICIES[policy])
    render = render_policy if what == "policy" else render_raci
    data = render(loaded, fmt, RenderOptions(lang=lang))
    suffix = f"{fmt}.txt" if fmt in ("docx", "xlsx") else fmt
    check_golden(f"{policy}/{lang}/{what}.{suffix}", as_text(fmt, data))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_rule_that_runs_is_in_the_example_document(at_root: Path, lang: str) -> None:
    """Traceability against the real registry: each post or calendar rule that runs under
    the policy is cited by a statement or listed among the other checks, declared rules all
    appear, and a rule with nothing to check under the policy is not mentioned."""
    policy = load(POLICIES["example"]).policy
    text = render_policy(load(POLICIES["example"]), "md", RenderOptions(lang=lang)).decode()
    infos = rule_catalogue.Catalogue(policy).infos()
    assert policy.organisation is not None
    running = running_rules(policy, policy.organisation.effective_date)
    expected = [i.id for i in infos if i.target != "policy" and i.enabled
                and (i.declared or i.id in running)]
    assert len(expected) >= 10
    missing = [rule_id for rule_id in expected if markdown_escape(rule_id) not in text]
    assert missing == []
    idle = [i.id for i in infos if i.target != "policy" and not i.declared
            and i.id not in running]
    assert "post.links" in idle  # no channel of the example limits links
    assert [rule_id for rule_id in idle if markdown_escape(rule_id) in text] == []
