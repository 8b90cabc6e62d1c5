"""E-mail addresses and phone numbers in posts, without crying wolf at dates and prices."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.text import find_emails, find_phones


@pytest.mark.parametrize(("text", "expected"), [
    ("+7 999 123-45-67", "+7 999 123-45-67"),
    ("Звоните: +7 (999) 123-45-67!", "+7 (999) 123-45-67"),
    ("тел.: +7(999)1234567", "+7(999)1234567"),
    ("+79991234567", "+79991234567"),
    ("+1 (555) 123-4567", "+1 (555) 123-4567"),
    ("+44 20 7946 0958", "+44 20 7946 0958"),
    ("+30 210 123 4567", "+30 210 123 4567"),
    ("8 (999) 123-45-67", "8 (999) 123-45-67"),
    ("8-800-555-35-35", "8-800-555-35-35"),
    ("89991234567", "89991234567"),
    ("1-555-123-4567", "1-555-123-4567"),
    ("(555) 123-4567", "(555) 123-4567"),
    ("999.123.45.67", "999.123.45.67"),
    ("8\u00a0999\u00a0123\u00a045\u00a067", "8\u00a0999\u00a0123\u00a045\u00a067"),
    ("Τηλ. 210 123 4567", "210 123 4567"),
])
def test_finds_phones(text: str, expected: str) -> None:
    assert [span.text for span in find_phones(text)] == [expected]


@pytest.mark.parametrize("text", [
    "2026-11-23", "23.11.2026", "01.11.2026-30.11.2026", "1.11.2026-2.11.2026",
    "с 10:00 до 12:00", "2019–2026", "1 000 000 руб", "1 000 000 000 руб", "10 000 000 000",
    "$1 000 000 000", "1 000 000 000 ₽", "1234567890", "3.14159265358",
    "ИНН 7701234567", "ОГРН 1027700132195", "erid: 2VtzqxYZ1234567",
    "Реклама. ООО «Ромашка», ИНН 7701234567, erid: LjN8KbXXX",
    "https://shop.example/order/89991234567", "заказ № 8 999 123 45 67",
    "order #89991234567", "ID-8999123456", "+20%", "12345", "9991234567",
    "123 456 789 012 345 678", "v8.999.123.45.67",
])
def test_leaves_numbers_that_are_not_phones(text: str) -> None:
    assert find_phones(text) == []


def test_allowed_phone_in_any_format() -> None:
    text = "Горячая линия 8 (800) 555-35-35, личный +7 999 123-45-67"
    found = find_phones(text, allow=["8-800-555-35-35"])
    assert [span.text for span in found] == ["+7 999 123-45-67"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Пишите ivan.petrov+news@mail.ru!", ["ivan.petrov+news@mail.ru"]),
    ("почта@пример.рф", ["почта@пример.рф"]),
    ("a.b-c@sub.example.co.uk.", ["a.b-c@sub.example.co.uk"]),
    ("«j.smith@example.com»", ["j.smith@example.com"]),
    ("x@a.gr y@b.com", ["x@a.gr", "y@b.com"]),
])
def test_finds_emails(text: str, expected: list[str]) -> None:
    assert [span.text for span in find_emails(text)] == expected


@pytest.mark.parametrize("text", [
    "@handle", "a@b", "user@localhost", "@example.com", "x@y.1", "mail@", "no at",
])
def test_not_emails(text: str) -> None:
    assert find_emails(text) == []


@pytest.mark.parametrize(("allow", "expected"), [
    (["PRESS@northwind.example"], ["ivan@northwind.example", "anna@mail.ru"]),
    (["@northwind.example"], ["anna@mail.ru"]),
    ([], ["press@northwind.example", "ivan@northwind.example", "anna@mail.ru"]),
])
def test_email_allow_list(allow: list[str], expected: list[str]) -> None:
    text = "press@northwind.example, ivan@northwind.example, anna@mail.ru"
    assert [span.text for span in find_emails(text, allow=allow)] == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"0123456789 -+().@a_", "\u00a0", "руб", "ИНН ", "x@y.ru",
                                  "8 (999) ", "https://e.com/", "2026-11-23"]),
                max_size=30).map("".join) | st.text(max_size=120))
def test_spans_slice_the_text(text: str) -> None:
    for finder in (find_emails, find_phones):
        for span in finder(text):
            assert text[span.start:span.end] == span.text
