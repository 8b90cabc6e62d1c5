"""Longer posts speak as "we": the company is people, not an institution.

"Let your employee write about the company's events and news in their own
name, using the pronouns 'we', 'at our place'" («Советы по ведению корпоративных аккаунтов» §4). A
post longer than ``min_words`` words (40; set ``rules: {tone.we-voice: {options: {min_words:
N}}}``) with none of the first-person plural words of ``tone.first_person`` for
its language gets a note. Informational: not every post needs "we".

Fails::

    policy:
      tone:
        first_person: {en: [we, our, us]}
    posts:
      - id: p1
        text: >-
          The café on Main Street is closed today while the espresso machine is being
          repaired by the service engineer. The café reopens tomorrow morning at eight,
          and every guest who comes before ten gets a free cookie with any drink, as a
          small thank-you for their patience during the repair.

Passes::

    policy:
      tone:
        first_person: {en: [we, our, us]}
    posts:
      - id: p1
        text: >-
          Our café on Main Street is closed today while we repair the espresso machine
          with the service engineer. We reopen tomorrow morning at eight, and everyone
          who comes before ten gets a free cookie with any drink, as our small
          thank-you for your patience during the repair.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from governance.findings import Severity
from governance.models.post import Post
from governance.rules.base import LintContext, Problem
from governance.rules.post.common import cached, language_of
from governance.text._match import fold
from governance.text.spans import FOLD_TWINS, WORD_CHARS, folded_for_search
from governance.text.words import WORD

ID = "tone.we-voice"
SUMMARY = "Long posts use the first-person plural (we, our)."
SEVERITY = Severity.INFO
SOURCE = "«Советы по ведению корпоративных аккаунтов» §4 (write as «мы», «у нас»)"
TARGET = "post"
#: Typical microseconds a post (benchmarks/rule_costs.py).
COST = 5.9

DEFAULT_MIN_WORDS = 40


@dataclass(frozen=True)
class _Voice:
    """The first-person words of one language, and a search for any of them."""

    sample: str
    pattern: re.Pattern[str]
    #: The same search in the case-folded text (``folded_for_search``), if the
    #: words allow it.
    folded: re.Pattern[str] | None


def _voice(found: list[str]) -> _Voice:
    # Whole words, any case: one search decides most posts without splitting words.
    by_length = sorted(found, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in by_length)
    pattern = re.compile(f"(?<![{WORD_CHARS}])(?:{alternatives})(?![{WORD_CHARS}])",
                         re.IGNORECASE)
    return _Voice(", ".join(sorted(w.casefold() for w in found)[:3]), pattern,
                  _folded_pattern(by_length))


def _folded_pattern(words: list[str]) -> re.Pattern[str] | None:
    """``_voice``'s search for the folded text: each word's first letter comes before
    the look back at what precedes it, so that the regular expression engine skips
    ahead to those letters, which it cannot do for a case-insensitive pattern or one
    that opens with a look back."""
    if not all(words) or any(char in FOLD_TWINS for word in words for char in word):
        return None
    alternatives = "|".join(
        f"{re.escape(first)}(?<![{WORD_CHARS}]{re.escape(first)}){re.escape(rest)}"
        for first, rest in ((folded[0], folded[1:]) for folded in map(fold, words)))
    return re.compile(f"(?:{alternatives})(?![{WORD_CHARS}])")


def _speaks_as_we(text: str, voice: _Voice) -> bool:
    """Whether ``text`` holds a first-person word of ``voice``, by the cheaper search if it can."""
    if voice.folded is not None:
        folded = folded_for_search(text)
        if folded is not None:
            return voice.folded.search(folded) is not None
    return voice.pattern.search(text) is not None


def _build(ctx: LintContext) -> tuple[int, dict[str, _Voice]]:
    """(minimum words, channel id -> the first-person words of its language)."""
    option = ctx.policy.rule_options(ID).get("min_words", DEFAULT_MIN_WORDS)
    minimum = option if isinstance(option, int) and option > 0 else DEFAULT_MIN_WORDS
    voices = {lang: _voice(found) for lang, found in ctx.policy.tone.first_person.items()
              if found}
    table = {cid: voices[language_of(c, ctx.policy)] for cid, c in ctx.channels.items()
             if language_of(c, ctx.policy) in voices}
    default = language_of(None, ctx.policy)
    if default in voices:
        table[""] = voices[default]
    return minimum, table


def prepare(ctx: LintContext) -> bool:
    return bool(cached(ctx, ID, _build)[1])


def check(post: Post, ctx: LintContext) -> Iterator[Problem]:
    minimum, table = cached(ctx, ID, _build)
    text = post.text
    # A word and the space after it take two characters at least.
    if len(text) < 2 * minimum:
        return
    voice = table.get(post.channel) if post.channel in ctx.channels else table.get("")
    if voice is None or _speaks_as_we(text, voice):
        return
    count = len(WORD.findall(text))  # the words of ``words``, without their offsets
    if count > minimum:
        yield Problem(f"{count} words and no first-person plural ({voice.sample}...): "
                      "write as «we»", post=post, field="text", data={"words": count})
