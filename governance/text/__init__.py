"""Pure text analysis for the post rules: no files, no printing, offsets everywhere.

Lexicon terms (:mod:`governance.text.terms`)
    ``Term(term, replacement="", case_sensitive=False, key=None)``
    ``TermMatcher(terms, stem_language=None)``, ``.find(text) -> list[TermMatch]``
    ``TermMatch(start, end, matched, term)``
"""

from governance.text.spans import Span
from governance.text.terms import Term, TermMatch, TermMatcher

__all__ = ["Span", "Term", "TermMatch", "TermMatcher"]
