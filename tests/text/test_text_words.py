"""Words, sentences, and the third-person-brand heuristic of the tone rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.text import brand_as_subject, first_person_plural_ratio, sentences, words

BRANDS = ["Северный Ветер", "Nordwind", "Βόρειος Άνεμος"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Привет, мир!", ["Привет", "мир"]),
    ("кто-то сказал: world-class, don't", ["кто-то", "сказал", "world-class", "don't"]),
    ("Καλημέρα, κόσμε", ["Καλημέρα", "κόσμε"]),
    ("l’été 2026 — 4.2", ["l’été", "2026", "4", "2"]),
    ("🚀 #ad @user", ["ad", "user"]),
    ("и\u0306ога", ["и\u0306ога"]),
    ("-- — ...", []),
])
def test_words(text: str, expected: list[str]) -> None:
    assert [span.text for span in words(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Привет! Как дела? Хорошо.", ["Привет!", "Как дела?", "Хорошо."]),
    ("Это т. е. пример. Следующее.", ["Это т. е. пример.", "Следующее."]),
    ("Mr. Smith came. Dr. Who too.", ["Mr. Smith came.", "Dr. Who too."]),
    ("А. С. Пушкин родился в г. Москве. Да.", ["А. С. Пушкин родился в г. Москве.", "Да."]),
    ("Wait... what? «Да!» Он ушёл.", ["Wait... what?", "«Да!»", "Он ушёл."]),
    ("Τι κάνεις; Καλά.", ["Τι κάνεις;", "Καλά."]),
    ("First; Second.", ["First; Second."]),
    ("Τι κάνεις\u037e Καλά.", ["Τι κάνεις\u037e", "Καλά."]),
    ("Line one\nLine two\n\n#tags #more", ["Line one", "Line two", "#tags #more"]),
    ("version 4.2 is out. ok", ["version 4.2 is out. ok"]),
    ("  ", []),
])
def test_sentences(text: str, expected: list[str]) -> None:
    assert [span.text for span in sentences(text)] == expected


# What the heuristic catches: the company as the subject of a sentence.
@pytest.mark.parametrize(("text", "brand"), [
    ("Компания «Северный Ветер» рада сообщить о новой акции.", "Северный Ветер"),
    ("Nordwind is proud to announce our new app.", "Nordwind"),
    ("Северный Ветер открывает новую кофейню", "Северный Ветер"),
    ("Сегодня «Северный Ветер» открыл кофейню.", "Северный Ветер"),
    ("В эту субботу «Северный Ветер» открывает кофейню.", "Северный Ветер"),
    ("Северному Ветру исполнилось 10 лет!", "Северному Ветру"),
    ("Северный Ветер — лидер рынка.", "Северный Ветер"),
    ("Команда «Северного Ветра» рада видеть вас.", "Северного Ветра"),
    ("Мы рады! Северный Ветер снова открывает двери.", "Северный Ветер"),
    ("ООО «Северный Ветер» с радостью объявляет конкурс.", "Северный Ветер"),
    ("The Nordwind team is proud to present dark mode.", "Nordwind"),
    ("This week, Nordwind launched dark mode.", "Nordwind"),
    ("NORDWIND has opened a new office.", "NORDWIND"),
    ("Η Nordwind ανακοινώνει νέο προϊόν.", "Nordwind"),
    ("Ο Βόρειος Άνεμος είναι εδώ.", "Βόρειος Άνεμος"),
])
def test_brand_as_subject_catches(text: str, brand: str) -> None:
    found = brand_as_subject(text, BRANDS)
    assert [hit.brand.text for hit in found] == [brand]
    hit = found[0]
    assert text[hit.brand.start:hit.brand.end] == brand
    assert text[hit.sentence.start:hit.sentence.end] == hit.sentence.text


# What it leaves alone: "we" as the subject, the reader as the subject, the brand
# as a place, an owner or a product name.
@pytest.mark.parametrize("text", [
    "Мы в «Северном Ветре» открываем новую кофейню.",
    "В «Северном Ветре» открылась выставка.",
    "Follow Nordwind on Telegram.",
    "Nordwind's new app is here.",
    "Nordwind Cloud is now 20% off.",
    "Nordwind stores are open today.",
    "Nordwind news: we shipped dark mode.",
    "Подписывайтесь на Северный Ветер в Telegram.",
    "Мы — Северный Ветер, и мы открываем кофейню.",
    "Welcome to Nordwind!",
    "Nordwind",
    "",
])
def test_brand_as_subject_leaves_alone(text: str) -> None:
    assert brand_as_subject(text, BRANDS) == []


def test_brand_as_subject_reports_each_sentence() -> None:
    text = "Nordwind is here. We are too. Северный Ветер открыл кофейню."
    found = brand_as_subject(text, BRANDS)
    assert [(hit.name, hit.sentence.text) for hit in found] == [
        ("Nordwind", "Nordwind is here."), ("Северный Ветер", "Северный Ветер открыл кофейню.")]


def test_no_brands_no_findings() -> None:
    assert brand_as_subject("Nordwind is here.", []) == []
    assert brand_as_subject("Nordwind is here.", ["  "]) == []


@pytest.mark.parametrize(("text", "ratio"), [
    ("Мы открыли кофейню. Nordwind is proud. Our app is here.", 2 / 3),
    ("Εμείς είμαστε εδώ. Η ομάδα μας.", 1.0),
    ("Nordwind is proud.", 0.0),
    ("", 0.0),
])
def test_first_person_plural_ratio(text: str, ratio: float) -> None:
    assert first_person_plural_ratio(text) == pytest.approx(ratio)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*" .!?,\n«»—-'", "Nordwind", "Северный", "Ветер", "Ветре",
                                  "is", "открывает", "Мы", "Mr", "т", "е", "🚀", "\u0301"]),
                max_size=30).map("".join) | st.text(max_size=150))
def test_spans_slice_the_text(text: str) -> None:
    for finder in (words, sentences):
        for span in finder(text):
            assert text[span.start:span.end] == span.text
    for hit in brand_as_subject(text, BRANDS):
        assert text[hit.brand.start:hit.brand.end] == hit.brand.text
        assert hit.sentence.start <= hit.brand.start < hit.brand.end <= hit.sentence.end
    assert 0.0 <= first_person_plural_ratio(text) <= 1.0
