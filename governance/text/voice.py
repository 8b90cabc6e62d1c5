"""Tone-of-voice heuristics: the company written about in the third person.

Policies ask staff to write as "we", never "the company" («Советы по ведению корпоративных
аккаунтов» §4). These helpers find the sentences that break that habit. They are heuristics, tuned
to miss rather than to nag; the tests list what they catch and what they leave.

:func:`brand_as_subject` flags a sentence whose subject is the brand:

1. The sentence *starts* with the brand, or with an introductory phrase and then
   the brand. An introductory phrase is up to four words closed by a comma
   ("Сегодня, ...", "This week, ..."), one of a few opening words ("Сегодня",
   "Today", "Σήμερα", "А", "And"), or a preposition with up to two more words
   ("В эту субботу ...", "This Saturday ..."). After such a phrase the brand must
   be in the form listed (its nominative): "В «Северном Ветре» открылась
   выставка" is about a place, not a subject.
2. Before the brand may stand a descriptor: "Компания", "Бренд", "ООО", "The",
   "The company", "Η εταιρεία"...; after it "team" or "команда". Quotes around
   the brand («», "", „“) are fine.
3. The brand (or descriptor + brand) is followed by a verb-like word, possibly
   after one adverb ("уже", "now", "с радостью"...), or by a dash (the Russian
   "X — лидер рынка"). Verb-like means a known auxiliary or predicate ("is",
   "has", "will", "рад", "готова", "είναι"), or a lower-case word with a verb
   ending: English "-s"/"-ed" ("opens", "launched"), Russian present and past
   endings ("открывает", "открыл", "открылась"), Greek ("ανακοινώνει",
   "άνοιξε").

So "Компания «Северный Ветер» рада сообщить…", "Nordwind is proud to
announce…" and "Северный Ветер открывает новую кофейню" are flagged, while "Мы в
«Северном Ветре» открываем…" (we are the subject), "Follow Nordwind on
Telegram" (an imperative: the reader is the subject) and "Nordwind's new app is
here" (a possessive) are not.

Brand names match case-insensitively at word boundaries; each Cyrillic word of a
name also matches its inflected forms (a stem plus a common case ending, with a
fleeting vowel dropped: "Ветер" -> "Ветра", "Ветре").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from governance.text.brand_names import OPEN_QUOTES, Brands, brands, every_match
from governance.text.spans import WORD_CHARS, Span, folded_for_search, word_set
from governance.text.words import WORD as _WORD
from governance.text.words import sentence_at, sentences, words

__all__ = ["BrandSubject", "brand_as_subject", "first_person_plural_ratio"]


@dataclass(frozen=True)
class BrandSubject:
    """A sentence with the brand as its subject: where the sentence and the name are."""

    sentence: Span
    brand: Span
    name: str


_OPENERS = word_set("""
сегодня вчера завтра теперь сейчас скоро наконец итак а и но также кстати
today yesterday tomorrow now soon finally so and but also meanwhile
σήμερα χθες αύριο τώρα σύντομα επιτέλους και αλλά επίσης
""")
_PREPOSITIONS = word_set("""
в во на с со к по за до после перед этой этим эту этот этого этом всю весь
in on at this next last every after before from since during
στις στο στη στην την το τον από μετά αυτή αυτό αυτόν
""")
_DESCRIPTORS = word_set("""
компания компании бренд сеть группа банк магазин сервис ресторан кофейня команда
ооо оао ао пао зао ип холдинг
the company team brand
η ο το οι εταιρεία εταιρία ομάδα
""")
_TRAILING_NOUNS = word_set("team company crew family команда ομάδα")
_ADVERBS = word_set("""
уже теперь снова вновь тоже также ещё еще наконец официально впервые традиционно радостью
гордостью с
now also just already proudly again officially finally today still
πλέον ήδη τώρα επίσης ξανά επιτέλους
""")
_KNOWN_VERBS = word_set("""
is was are were has have had will would can could should shall may might must does
did do isn't wasn't won't can't doesn't didn't hasn't
рад рада радо рады готов готова готово готовы горд горда горды должен должна должно
должны намерен намерена будет будут стал стала стало стали является являются это был
была было были может могут хочет хотим
είναι ήταν έχει είχε θα δεν μπορεί
""")
_NOT_VERBS = word_set("""
news this its his hers plus us yes series always perhaps sometimes across towards
besides thanks analytics sales kids wins
""")
_EN_VERB = re.compile(r"[a-z]+(?:[^s]s|ed)$")
_RU_VERB = re.compile(
    r"(?:[ауеоыяиюэ]ет|[ёи]т|[ую]т|[ая]т|[её]тся|[ия]тся|[уюая]тся|"
    r"[аеёиоуыэюя]л[аои]?|[аеёиоуыэюя]л(?:ся|ась|ось|ись))$")
_EL_VERB = re.compile(r"(?:ει|εί|ουν|ούν|ται|ηκε|ήκε|σε|ξε|ψε|νε|ησαν|ούσε|αν)$")
_DASHES = ("—", "–", "-")
#: Words an introductory phrase may take before the subject (descriptors aside).
_MAX_WORDS_BEFORE_SUBJECT = 4
#: Characters looked back from a brand name for the words before it.
_LOOK_BACK = 160
#: What follows a brand name: an apostrophe, a dash, or the next word.
_AFTER_BRAND = re.compile(f"(['’])|\\s*[—–-]|[^{WORD_CHARS}]*({_WORD.pattern})")
_WE = word_set("""
мы нас нам нами наш наша наше наши нашего нашей нашему нашим нашими наших нашу
we us our ours ourselves εμείς μας
""")


def brand_as_subject(text: str, brand_names: Iterable[str]) -> list[BrandSubject]:
    """Sentences of ``text`` whose subject is one of ``brand_names`` (see the module docs)."""
    names = brands(tuple(brand_names))
    if not names.patterns:
        return []
    # A sentence can only start with a brand it holds: find the brand names
    # first, then split and read only the sentences that may start with one.
    found: list[BrandSubject] = []
    read: set[int] = set()
    for place in _brand_places(text, names):
        sentence = _sentence_starting_near(text, place)
        if sentence is None or sentence.start in read:
            continue
        read.add(sentence.start)
        hit = _subject_in(text, sentence, names.patterns)
        if hit is not None:
            found.append(hit)
    found.sort(key=lambda hit: hit.sentence.start)
    return found


def first_person_plural_ratio(text: str) -> float:
    """Share of the sentences of ``text`` that speak as "we" (мы, наш, we, our, μας...)."""
    all_sentences = sentences(text)
    if not all_sentences:
        return 0.0
    with_we = sum(any(w.text.lower() in _WE for w in words(s.text)) for s in all_sentences)
    return with_we / len(all_sentences)


def _brand_places(text: str, names: Brands) -> list[int]:
    """Offsets where a brand name stands with a verb-like word after it.

    Every match of every pattern, overlapping ones included, is tried: the
    sentence that holds a subject holds one of these. Most mentions of a brand
    ("in Nordwind Cloud", "nordwind.example") have no verb after them and stop here.
    """
    places: set[int] = set()
    folded = folded_for_search(text)
    for pattern, start in names.searches:
        for match in every_match(text, pattern, folded, start):
            if _predicate_may_follow(text, match.end()):
                places.add(match.start())
    return sorted(places)


def _predicate_may_follow(text: str, end: int) -> bool:
    """False only where ``_predicate_follows`` is False for every sentence holding
    ``text[:end]``'s end: the words after the brand, read past the sentence end,
    hold the words the sentence has, and the verb test is looser here."""
    after = _AFTER_BRAND.match(text, end)
    if after is None or after.group(1) is not None:
        return False  # no word follows, or a possessive: "Nordwind's app"
    word = after.group(2)
    if word is None:
        return True  # a dash: "Северный Ветер — лидер рынка"
    lowered = word.lower()
    if lowered not in _TRAILING_NOUNS and lowered not in _ADVERBS:
        return _may_be_verb(word)  # nearly every mention of a brand ends here
    rest = islice(_WORD.finditer(text, after.end()), 3)  # the verb is among the first four
    following = [word, *(match.group() for match in rest)]
    if following[0].lower() in _TRAILING_NOUNS:
        following = following[1:]
    while following and following[0].lower() in _ADVERBS:
        following = following[1:]
    return bool(following) and _may_be_verb(following[0])


@lru_cache(maxsize=4096)
def _may_be_verb(word: str) -> bool:
    """``_verb_like`` without the look at the word after, which the sentence may lack."""
    lowered = word.lower()
    if lowered in _KNOWN_VERBS:
        return True
    if word != lowered or lowered in _NOT_VERBS:
        return False
    return bool(_EN_VERB.fullmatch(lowered) or _RU_VERB.search(lowered)
                or _EL_VERB.search(lowered))


def _sentence_starting_near(text: str, place: int) -> Span | None:
    """The sentence holding ``place``, or None when a brand there cannot be its subject.

    A subject stands after at most four words (an introductory phrase) and any
    number of descriptors: so the sentence must start after the fifth other word
    before ``place``, and only the sentence ends from there on need judging.
    """
    low = max(0, place - _LOOK_BACK)
    before = list(_WORD.finditer(text, low, place))
    if low > 0:
        if len(before) <= _MAX_WORDS_BEFORE_SUBJECT + 1:
            before = list(_WORD.finditer(text, 0, place))  # too few to tell: look further
        else:
            del before[0]  # may be the tail of a longer word
    counted = 0
    for word in reversed(before):
        if word.group().lower() in _DESCRIPTORS:
            continue
        counted += 1
        if counted > _MAX_WORDS_BEFORE_SUBJECT:
            return sentence_at(text, place, word.end())
    return sentence_at(text, place)


class _FirstWords:
    """The words of a sentence, split only as far as a caller looks.

    The heuristic reads a handful of words at the start of a sentence and a few
    after the brand: splitting the whole sentence would be most of its cost.
    """

    #: Words split at once: enough for every subject position but a long chain
    #: of descriptors.
    FIRST = 8

    def __init__(self, text: str) -> None:
        self._pending = _WORD.finditer(text)
        self.words: list[re.Match[str]] = list(islice(self._pending, self.FIRST))
        self._complete = len(self.words) < self.FIRST

    def has(self, index: int) -> bool:
        """True if the sentence has a word at ``index``."""
        words = self.words
        if index < len(words):
            return True
        while not self._complete and len(words) <= index:
            match = next(self._pending, None)
            if match is None:
                self._complete = True
            else:
                words.append(match)
        return index < len(words)


def _subject_in(text: str, sentence: Span, patterns: Sequence[tuple[str, re.Pattern[str]]],
                ) -> BrandSubject | None:
    tokens = _FirstWords(sentence.text)
    for index, nominative_only in _subject_positions(sentence.text, tokens):
        position = index
        while tokens.has(position) and tokens.words[position].group().lower() in _DESCRIPTORS:
            position += 1
        if not tokens.has(position):
            continue
        start = _quote_start(sentence.text, tokens.words[position].start())
        for name, pattern in patterns:
            match = pattern.match(sentence.text, start)
            if match is None:
                continue
            exact = " ".join(match.group(1).split()).casefold() == " ".join(name.split()).casefold()
            if nominative_only and position == index and not exact:
                continue
            if _predicate_follows(sentence.text, match.end()):
                base = sentence.start
                brand = Span(base + match.start(1), base + match.end(1), match.group(1))
                return BrandSubject(sentence, brand, name)
    return None


def _quote_start(text: str, word_start: int) -> int:
    return word_start - 1 if word_start > 0 and text[word_start - 1] in OPEN_QUOTES \
        else word_start


def _subject_positions(text: str, tokens: _FirstWords) -> list[tuple[int, bool]]:
    """Word indexes where a subject may start, and whether only a nominative fits there."""
    positions = [(0, False)]
    # Up to four words closed by a comma: the gaps after the first four words, of
    # which there are as many as words follow them.
    for count in range(1, 5):
        if not tokens.has(count):
            break
        gap = text[tokens.words[count - 1].end():tokens.words[count].start()]
        if "," in gap:
            positions.append((count, True))
            break
    first = tokens.words[0].group().lower() if tokens.has(0) else ""
    if first in _OPENERS:
        positions.append((1, True))
    if first in _PREPOSITIONS:
        positions.extend((count, True) for count in (2, 3) if tokens.has(count))
    return positions


def _predicate_follows(text: str, end: int) -> bool:
    rest = text[end:]
    if rest[:1] in ("'", "’"):
        return False  # a possessive: "Nordwind's app"
    stripped = rest.lstrip()
    if stripped.startswith(_DASHES) and stripped[1:2].isspace():
        return True
    following = [match.group() for match in islice(_WORD.finditer(rest), 4)]
    if following and following[0].lower() in _TRAILING_NOUNS:
        following = following[1:]
    while following and following[0].lower() in _ADVERBS:
        following = following[1:]
    return bool(following) and _verb_like(following[0], following[1:2])


def _verb_like(word: str, after: list[str]) -> bool:
    lowered = word.lower()  # not casefold: it would turn a final ς into σ
    if lowered in _KNOWN_VERBS:
        return True
    if word != lowered or lowered in _NOT_VERBS:
        return False  # verbs after a subject are written in lower case
    if _EN_VERB.fullmatch(lowered):
        # "Nordwind stores are open": a plural noun, then the real verb.
        return lowered.endswith("ed") or not (after and after[0].lower() in _KNOWN_VERBS)
    return bool(_RU_VERB.search(lowered) or _EL_VERB.search(lowered))
