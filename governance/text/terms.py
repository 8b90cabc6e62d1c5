"""Find the terms of a banned or preferred lexicon in post texts.

Matching rules, in the order a reader asks about them:

* **Whole words only.** A term matches where the character before it and the
  character after it are not word characters (Unicode ``\\w`` plus combining
  marks, see :mod:`governance.text.spans`), whatever the term's own first and
  last characters are: "#ad", "10x", "100% natural" and "master/slave" obey the
  same rule as "synergy", in Latin, Cyrillic or Greek script alike.
* **Case.** A case-insensitive term matches in any case (``str.casefold`` on term
  and text, offsets kept); a case-sensitive term matches exactly as written.
* **Whitespace.** A space inside a term matches any run of whitespace.
* **Overlaps.** Matches come back sorted by position and never overlap: the
  leftmost match wins, and at one position the longest term wins. When two terms
  share one form (same words once folded), the first one listed is reported.
* **Links.** A term never matches inside a link, an e-mail address or an
  @handle (``k8s.dev`` is not the word "k8s"), unless ``inside_links`` is set.
* **Stemming** (``stem_language``): case-insensitive terms match every inflected
  form of their words ("скидка" finds "скидки", "скидкой"); see
  :mod:`governance.text._stemmed` for the exact rule. Case-sensitive terms are
  spellings (of brand names, say) and stay literal.

Terms are literals: they are escaped, never interpreted as patterns, so a lexicon
cannot make matching slow. How the literal matcher stays fast on texts with no
match is told in :mod:`governance.text._literal`.
"""

from __future__ import annotations

from collections.abc import Iterable

from governance.text._literal import LiteralGroup, folds_into_ascii, screened
from governance.text._match import Term, TermMatch, select_longest
from governance.text._stemmed import StemGroup
from governance.text.links import inside, link_spans

__all__ = ["Term", "TermMatch", "TermMatcher"]


class TermMatcher:
    """A compiled lexicon. Build once per lexicon and reuse: compiling costs far more
    than matching one text.

    ``stem_language`` names a Snowball algorithm ("english", "russian", "greek",
    ...); ``ValueError`` if it is unknown.
    """

    def __init__(self, terms: Iterable[Term], stem_language: str | None = None,
                 inside_links: bool = False) -> None:
        self.terms: tuple[Term, ...] = tuple(terms)
        self.stem_language = stem_language
        self.inside_links = inside_links
        stemmed: list[Term] = []
        literal: list[Term] = []
        for term in self.terms:
            (stemmed if stem_language and StemGroup.accepts(term) else literal).append(term)
        self._stems = StemGroup(stemmed, stem_language) if stem_language and stemmed else None
        folded = LiteralGroup([t for t in literal if not t.case_sensitive], False)
        exact = LiteralGroup([t for t in literal if t.case_sensitive], True)
        self._folded = folded if folded else None
        self._exact = exact if exact else None
        self._keys = folded.keys | exact.keys
        self._literal = self._folded is not None or self._exact is not None
        # When both groups screen, a text holding no key word cannot match a literal.
        self._screens = folded.screens and exact.screens

    def find(self, text: str) -> list[TermMatch]:
        """All matches in ``text``: sorted, non-overlapping, longest at each position."""
        if not text:
            return []
        found = self._literal_candidates(text) if self._literal else []
        if self._stems is not None:
            found += self._stems.scan(text)
        if found and not self.inside_links:
            links = link_spans(text)
            if links:
                found = [m for m in found if not inside(links, m.start, m.end)]
        return select_longest(found) if len(found) > 1 else found

    def _literal_candidates(self, text: str) -> list[TermMatch]:
        """What the literal groups find in ``text``, case-insensitive ones first."""
        # Spelled out rather than looped: this runs for every post of a calendar.
        encoded, words = screened(text)
        hits = self._keys.intersection(words)
        if not self._screens or folds_into_ascii(text):
            return self._scan_groups(text, encoded, words, hits)
        if not hits:
            return []  # most posts: no key word of any term
        found: list[TermMatch] = []
        group = self._folded
        if group is not None and group.words_in(words, hits):
            found = group.scan(text)
        group = self._exact
        if group is not None and group.spelled_in(encoded, hits):
            found += group.scan(text)
        return found

    def _scan_groups(self, text: str, encoded: bytes, words: list[bytes],
                     hits: frozenset[bytes]) -> list[TermMatch]:
        """``_literal_candidates`` when a group cannot screen or the text folds into ASCII."""
        found: list[TermMatch] = []
        for group in (self._folded, self._exact):
            if group is not None and group.may_match(text, encoded, words, hits):
                found += group.scan(text)
        return found
