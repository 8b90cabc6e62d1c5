"""The message catalogues: same keys and placeholders in every language, nothing missing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel import Locale
from render_helpers import ROOT

from governance.models.channels import Purpose
from governance.models.common import Cadence, Network, Period
from governance.models.goals import BusinessGoal
from governance.models.roles import RoleType
from governance.models.workflow import ActivityKind
from governance.render.i18n import (
    PLURAL_CATEGORIES,
    SUPPORTED_LANGUAGES,
    Catalogue,
    MissingMessageError,
    choose_language,
    load_messages,
    placeholders,
)
from governance.render.sections_org import LEADERSHIP_KINDS
from governance.rules.catalogue import SHIPPED

OTHER = [lang for lang in SUPPORTED_LANGUAGES if lang != "en"]
#: Keys built at run time from the values of an enum or a fixed set.
DYNAMIC = {
    "network": [n.value for n in Network],
    "business_goal": [g.value for g in BusinessGoal],
    "channel_purpose": [p.value for p in Purpose],
    "activity_kind": [k.value for k in ActivityKind],
    "cadence": [c.value for c in Cadence],
    "period": [p.value for p in Period],
    "role_type": [t.value for t in RoleType],
    "leadership": [k.value for k in LEADERSHIP_KINDS],
    "severity": ["error", "warning", "info"],
    "raci.letter": list("RACI"),
    "raci.meaning": list("RACI"),
    "raci.group": ["internal", "agency", "external", "executive"],
    "approval": ["posts_any", "posts_sponsored", "posts_unsponsored"],
    "declared": ["share_per_channel", "share_per_calendar"] + [
        f"entities_{what}_{kind}" for what in ("allow", "deny", "max")
        for kind in ("mention", "hashtag", "domain", "url")] + [
        f"{kind}_{bound}" for kind in ("occurrence", "length_chars", "length_words")
        for bound in ("min", "max", "between")],
    "target": [f"{t}_{d}" for t in ("absolute", "relative") for d in ("increase", "decrease")],
}
_LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_]+(?:\.[A-Za-z_-]+)+)["']""")


def literal_keys() -> set[str]:
    """Every ``t("section.key")`` written out in the render code and the shipped templates."""
    files = list((ROOT / "governance" / "render").glob("*.py"))
    files += list((ROOT / "templates").rglob("*.j2"))
    return {key for path in files for key in _LITERAL_KEY.findall(path.read_text("utf-8"))}


def document_keys(lang: str) -> set[str]:
    """The catalogue's keys except rule summaries, which English takes from the rules."""
    return {key for key in load_messages(lang) if not key.startswith("rule_summary.")}


@pytest.mark.parametrize("lang", OTHER)
def test_every_language_has_the_same_keys_as_english(lang: str) -> None:
    english, other = document_keys("en"), document_keys(lang)
    assert sorted(english - other) == [], f"missing in {lang}.yaml"
    assert sorted(other - english) == [], f"only in {lang}.yaml"


@pytest.mark.parametrize("lang", OTHER)
def test_every_message_uses_the_same_placeholders(lang: str) -> None:
    english, other = load_messages("en"), load_messages(lang)
    differ = {key: (placeholders(english[key]), placeholders(other[key]))
              for key in english if key in other
              and placeholders(english[key]) != placeholders(other[key])}
    assert differ == {}


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_plural_messages_have_every_form_the_language_needs(lang: str) -> None:
    needed = set(Locale.parse(lang).plural_form.tags) | {"other"}
    for key, message in load_messages(lang).items():
        if isinstance(message, dict):
            assert set(message) <= PLURAL_CATEGORIES, key
            assert needed <= set(message), f"{lang}: {key} lacks {needed - set(message)}"


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_every_key_the_code_uses_exists(lang: str) -> None:
    messages = load_messages(lang)
    used = literal_keys() | {f"{prefix}.{name}" for prefix, names in DYNAMIC.items()
                             for name in names}
    assert len(used) > 150  # the scan found the code's keys
    assert sorted(key for key in used if key not in messages) == []


@pytest.mark.parametrize("lang", OTHER)
def test_every_post_and_calendar_rule_has_a_translated_summary(lang: str) -> None:
    # The staff document lists enabled rules no statement cites, by this summary;
    # without it a Russian document would print an English sentence.
    messages = load_messages(lang)
    missing = [r.id for r in SHIPPED
               if r.target != "policy" and f"rule_summary.{r.id}" not in messages]
    assert missing == [], f"add rule_summary entries to {lang}.yaml"


def test_english_has_no_rule_summaries_of_its_own() -> None:
    assert [key for key in load_messages("en") if key.startswith("rule_summary.")] == []


def test_a_missing_key_fails_loudly() -> None:
    with pytest.raises(MissingMessageError, match=r"no message .doc\.nothing-here."):
        Catalogue.for_language("ru")("doc.nothing-here")


def test_a_plural_message_without_a_count_fails_loudly() -> None:
    with pytest.raises(MissingMessageError, match="needs a count"):
        Catalogue.for_language("en")("unit.days")


@pytest.mark.parametrize(("lang", "count", "expected"), [
    ("en", 1, "1 day"), ("en", 3, "3 days"),
    ("ru", 1, "1 дня"), ("ru", 3, "3 дней"), ("ru", 5, "5 дней"), ("ru", 21, "21 дня"),
])
def test_plural_forms_follow_the_language(lang: str, count: int, expected: str) -> None:
    assert Catalogue.for_language(lang)("unit.days", count=count) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ("March 1, 2027", "1,234.5", "22.5%", "9:00\u202fAM", "a, b, and c")),
    ("ru", ("1 марта 2027\u202fг.", "1\xa0234,5", "22,5\xa0%", "09:00", "a, b и c")),
])
def test_dates_and_numbers_are_formatted_for_the_language(lang: str, expected: tuple[str, ...]
                                                          ) -> None:
    t = Catalogue.for_language(lang)
    assert (t.date(dt.date(2027, 3, 1)), t.number(1234.5), t.percent(22.5),
            t.time(dt.time(9, 0)), t.join(["a", "b", "c"])) == expected


def test_a_sentence_ending_in_a_value_gets_one_full_stop() -> None:
    t = Catalogue.for_language("ru")
    assert t("version.effective", date=t.date(dt.date(2027, 3, 1))) == (
        "Действует с 1 марта 2027\u202fг.")


@pytest.mark.parametrize(("requested", "declared", "expected"), [
    (None, ["ru", "en"], "ru"),
    (None, ["el", "ru"], "en"),  # the first language is not supported: English
    (None, [], "en"),
    ("en", ["ru"], "en"),
])
def test_the_document_language(requested: str | None, declared: list[str], expected: str
                               ) -> None:
    assert choose_language(requested, declared) == expected


def test_an_unsupported_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language 'de'"):
        choose_language("de", ["ru"])


def test_catalogues_are_yaml_files_beside_the_code() -> None:
    files = sorted(p.name for p in (ROOT / "governance" / "render" / "messages").iterdir())
    assert files == [f"{lang}.yaml" for lang in sorted(SUPPORTED_LANGUAGES)]
    assert isinstance(Path, type)
