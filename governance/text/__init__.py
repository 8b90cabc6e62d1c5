"""Pure text analysis for the post rules: no files, no printing, offsets everywhere.

Every function takes the text (and any term lists) as arguments and returns
plain values; every span is a :class:`Span` ``(start, end, text)`` with
``text == source[start:end]`` in character (code point) offsets.

Lexicon terms (:mod:`governance.text.terms`)
    ``Term(term, replacement="", case_sensitive=False, key=None)``
    ``TermMatcher(terms, stem_language=None)``, ``.find(text) -> list[TermMatch]``
    ``TermMatch(start, end, matched, term)``

Policy regular expressions (:mod:`governance.text.safe_regex`)
    ``compile_pattern(pattern, ignore_case=False) -> SafePattern`` or ``PatternError``
    ``SafePattern.search(text) -> Span | None``, ``.finditer(text) -> Iterator[Span]``

Length and entities (:mod:`governance.text.length`)
    ``count(text, method="chars")`` with method "chars", "x" or "utf16"
    ``extract_urls(text)``, ``hashtags(text)``, ``mentions(text)`` -> ``list[Span]``

Personal data (:mod:`governance.text.personal_data`)
    ``find_emails(text, allow=())``, ``find_phones(text, allow=())`` -> ``list[Span]``

Words, sentences, voice (:mod:`governance.text.words`, :mod:`governance.text.voice`)
    ``words(text)``, ``sentences(text)`` -> ``list[Span]``
    ``brand_as_subject(text, brand_names) -> list[BrandSubject]``
    ``first_person_plural_ratio(text) -> float``
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Bound here, not on first use: importing the submodule ``words`` would set this
# package's attribute ``words`` to the module rather than the function.
from governance.text.words import sentences, words

if TYPE_CHECKING:
    from governance.text.length import COUNT_METHODS, count, extract_urls, hashtags, mentions
    from governance.text.personal_data import find_emails, find_phones
    from governance.text.safe_regex import PatternError, SafePattern, compile_pattern
    from governance.text.spans import Span
    from governance.text.terms import Term, TermMatch, TermMatcher
    from governance.text.voice import BrandSubject, brand_as_subject, first_person_plural_ratio

#: Where each name lives: a rule imports the one module it needs, and a command
#: that reads no post text (``governance check``) compiles none of their patterns.
_HOMES = {
    "COUNT_METHODS": "length", "count": "length", "extract_urls": "length",
    "hashtags": "length", "mentions": "length",
    "find_emails": "personal_data", "find_phones": "personal_data",
    "PatternError": "safe_regex", "SafePattern": "safe_regex", "compile_pattern": "safe_regex",
    "Span": "spans", "Term": "terms", "TermMatch": "terms", "TermMatcher": "terms",
    "BrandSubject": "voice", "brand_as_subject": "voice", "first_person_plural_ratio": "voice",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'governance.text' has no attribute {name!r}")
    return getattr(import_module(f"governance.text.{home}"), name)


__all__ = [
    "COUNT_METHODS",
    "BrandSubject",
    "PatternError",
    "SafePattern",
    "Span",
    "Term",
    "TermMatch",
    "TermMatcher",
    "brand_as_subject",
    "compile_pattern",
    "count",
    "extract_urls",
    "find_emails",
    "find_phones",
    "first_person_plural_ratio",
    "hashtags",
    "mentions",
    "sentences",
    "words",
]
