"""The document's own wording, in one message catalogue per language.

Catalogues are YAML files in ``messages/`` (``en.yaml``, ``ru.yaml``): nested
mappings whose leaves are ``str.format`` templates, or, where a number decides
the form, a mapping of CLDR plural categories (``one``, ``few``, ``many``,
``other``). They are read once per process. Dates, times, numbers, percentages
and lists are formatted for the language with babel, so no template or view-model
code formats a value by hand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_day_names
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

MESSAGES_DIR = Path(__file__).resolve().parent / "messages"
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "ru")
DEFAULT_LANGUAGE = "en"
PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})

Messages = dict[str, str | dict[str, str]]
ListStyle = Literal["standard", "or"]

try:  # the C loader reads the catalogues several times faster, when it is built
    _SAFE_LOADER: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _SAFE_LOADER = yaml.SafeLoader


#: A full stop right after a value that already ends a sentence ("2027 г.", "…gone.").
_DOUBLE_STOP = re.compile(r"(?<!\.)([.!?…])\.(?!\.)")


class MissingMessageError(KeyError):
    """A message key the catalogue of a language does not have: a bug, never a blank."""


def choose_language(requested: str | None, declared: Iterable[str]) -> str:
    """``--lang`` if given, else the organisation's first language if supported, else English."""
    if requested:
        if requested not in SUPPORTED_LANGUAGES:
            raise ValueError(
                f"unsupported language {requested!r} (supported: {', '.join(SUPPORTED_LANGUAGES)})"
            )
        return requested
    first = next(iter(declared), DEFAULT_LANGUAGE).split("-")[0].lower()
    return first if first in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def flatten(tree: Mapping[str, Any], prefix: str = "") -> Messages:
    """Nested catalogue -> ``{"section.key": message}``; plural mappings stay whole."""
    flat: Messages = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and "other" in value and set(value) <= PLURAL_CATEGORIES:
            flat[name] = {str(k): str(v) for k, v in value.items()}
        elif isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


@functools.cache
def load_messages(lang: str) -> Messages:
    path = MESSAGES_DIR / f"{lang}.yaml"
    with path.open(encoding="utf-8") as handle:
        tree = yaml.load(handle, Loader=_SAFE_LOADER)
    return flatten(tree)


def placeholders(message: str | dict[str, str]) -> set[str]:
    """The ``{name}`` fields a message uses (all plural forms together)."""
    texts = message.values() if isinstance(message, dict) else [message]
    return {field for text in texts for _, field, _, _ in string.Formatter().parse(text) if field}


@dataclass(frozen=True)
class Catalogue:
    """Messages and locale-aware formatting for one language."""

    lang: str
    messages: Messages
    locale: Locale
    family: str = "company"  # organisation.kind: picks the "family.<kind>.*" wording
    date_locale: Locale | None = None  # the language as the organisation's country writes dates

    @classmethod
    def for_language(cls, lang: str, family: str = "company",
                     country: str | None = None) -> Catalogue:
        """The catalogue of ``lang``, worded for ``family``, dates as ``country`` writes them."""
        base = _catalogue(lang)
        if family == "company" and country is None:
            return base
        return dataclasses.replace(base, family=family, date_locale=_date_locale(lang, country))

    def has(self, key: str) -> bool:
        return key in self.messages or f"family.{self.family}.{key}" in self.messages

    def _message(self, key: str) -> str | dict[str, str]:
        """The organisation kind's own wording of ``key`` when it has one, else the usual."""
        variant = self.messages.get(f"family.{self.family}.{key}")
        return variant if variant is not None else self.messages[key]

    def __call__(self, key: str, count: float | None = None, **values: Any) -> str:
        """The message ``key`` with ``values`` filled in; ``count`` picks the plural form."""
        try:
            message = self._message(key)
        except KeyError:
            raise MissingMessageError(f"no message {key!r} in the {self.lang!r} catalogue"
                                      ) from None
        if isinstance(message, dict):
            if count is None:
                raise MissingMessageError(f"message {key!r} needs a count for its plural form")
            message = message.get(self.locale.plural_form(count), message["other"])
        if count is not None:
            values.setdefault("count", self.number(count))
        return _DOUBLE_STOP.sub(r"\1", message.format(**values))

    def date(self, value: dt.date) -> str:
        return str(format_date(value, format="long", locale=self.date_locale or self.locale))

    def time(self, value: dt.time) -> str:
        return str(format_time(value, format="short", locale=self.locale))

    def number(self, value: float) -> str:
        return str(format_decimal(value, locale=self.locale))

    def percent(self, value: float) -> str:
        """``value`` is in percent (25 -> "25 %" or "25%", as the language writes it)."""
        share = round(value, 2) / 100
        return str(format_percent(share, locale=self.locale, decimal_quantization=False))

    def language(self, code: str) -> str:
        """A language code as the document's language names it ("ru" -> "Russian")."""
        name = self.locale.languages.get(code)
        return str(name) if name else code

    def weekday(self, iso_day: int) -> str:
        return str(get_day_names("wide", locale=self.locale)[iso_day - 1])

    def join(self, items: Iterable[str], style: ListStyle = "standard") -> str:
        """``a, b and c``: ``style`` is ``standard`` (and) or ``or``."""
        listed = list(items)
        return str(format_list(listed, style=style, locale=self.locale)) if listed else ""

    def quote(self, text: str) -> str:
        return self("common.quoted", text=text)


def _date_locale(lang: str, country: str | None) -> Locale | None:
    """``en`` in ``GB`` writes "1 March 2027"; where CLDR has no such pair, English outside
    the US takes the international style and other languages keep their own."""
    if country is None:
        return None
    for name in (f"{lang}_{country}", f"{lang}_001"):
        if name.endswith("_001") and country == "US":
            break
        try:
            return Locale.parse(name)
        except (UnknownLocaleError, ValueError):
            continue
    return None


@functools.cache
def _catalogue(lang: str) -> Catalogue:
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    return Catalogue(lang, load_messages(lang), Locale.parse(lang))
