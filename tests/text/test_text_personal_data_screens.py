"""The personal-data finders skip texts cheaply; these tests hold them to the full search.

``find_emails`` looks for an ``@`` between two word characters and
``find_phones`` for ten chained digits before running their patterns; with
both screens switched off they must find exactly the same.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.text import personal_data
from governance.text.personal_data import find_emails, find_phones

PIECES = ["@", "a", "я", "_", ".", "-", "+", " ", "\u00a0", "(", ")", "1", "7", "8", "9", "0",
          "12", "345", "6789", "2026-11-23", "руб", "+7 ", "8 (999) ", "123-45-67",
          "https://x.example/", "ИНН ", "care", "@nordwind", ".example", "\u0301", "١", "🚀"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=80)



def both(text: str) -> tuple[list[object], list[object]]:
    return find_emails(text, ["care@nordwind.example"]), find_phones(text, ["+7 999 000-00-00"])


@pytest.mark.parametrize("text", [
    "Write to anna.petrova@gmail.com or call +7 999 123-45-67",
    "@nordwind thanks! 8 (800) 555-35-35", "a@b", "x@y.ru", "@@a.ru", "a@.ru",
    "version 4.14, 8:00 to 20:00, order 1234567890", "1-555-123-4567",
])
def test_screens_keep_every_finding(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    screened = both(text)
    monkeypatch.setattr(personal_data, "_TEN_DIGITS", re.compile(""))
    monkeypatch.setattr(personal_data, "_may_hold_an_email", lambda text: True)
    assert both(text) == screened


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_screens_keep_every_finding_on_any_text(text: str) -> None:
    screened = both(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(personal_data, "_TEN_DIGITS", re.compile(""))
        patch.setattr(personal_data, "_may_hold_an_email", lambda text: True)
        assert both(text) == screened


def test_the_screens_do_skip() -> None:
    assert not personal_data._may_hold_an_email("@nordwind and @ team")
    assert personal_data._TEN_DIGITS.search("version 4.14 at 8:00") is None
