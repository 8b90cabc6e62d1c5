"""Keys of word sets that every near-identical pair shares: the filters behind repeats.

Two exact filters, both necessary conditions for Jaccard similarity >= s, so
no near-identical pair escapes either:

* **Ranges (pigeonhole).** Split the word universe into B ranges, the same for
  every text. Two sets that differ in fewer than B words hold exactly the same
  words in at least one range. At similarity s, sets of which the smaller has n
  words differ in at most n(1-s)/s words, so with B = that + 1 every such pair
  shares a *range key* (a hash of one range's words). A set computes its keys
  for every B a similar set of another size may use.
* **Prefix.** Order all words once (words rarest in the calendar first); two
  sets sharing at least c words share one of their first n - c + 1 words. At
  similarity s, c >= ceil(s * n) for each of them, so every pair shares a word
  of their *prefixes*.

Ranges alone are cheap and selective for most calendars; prefixes keep a crowd
of texts that fill the same template with other words (a range key shared by
all of them) from being compared with one another. The ranges are quantiles,
and rarity is counted, on a sample of the calendar's own words, so Latin and
Cyrillic texts spread evenly; a word the sample lacks counts as rarest.
"""

from __future__ import annotations

import bisect
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from fractions import Fraction

#: Texts sampled for the range boundaries and the rarity of words, at most.
SAMPLE_TEXTS = 2000


class WordKeys:
    def __init__(self, texts: Sequence[Sequence[bytes]], threshold: Fraction) -> None:
        """``texts``: word lists of the sample; ``threshold``: the similarity s."""
        self.threshold = threshold
        counts: Counter[bytes] = Counter()
        for text in texts:
            counts.update(set(text))
        self.sample = sorted(counts.elements())
        ordered = sorted(counts.items(), key=lambda item: (item[1], item[0]))
        self.rank = {word: place for place, (word, _) in enumerate(ordered)}
        self.known = frozenset(self.rank)
        self.plans: dict[int, list[tuple[list[bytes], list[int]]]] = {}

    def count(self, size: int) -> int:
        """Ranges that leave a shared one to any similar pair whose smaller set has ``size``."""
        t = self.threshold
        return size * (t.denominator - t.numerator) // t.numerator + 1

    def least_shared(self, size: int) -> int:
        """The fewest words a set of ``size`` words shares with any set similar to it."""
        t = self.threshold
        return -(-size * t.numerator // t.denominator)

    def range_keys(self, distinct: list[bytes]) -> list[int]:
        """The range keys of a sorted word set, for every range count it may share."""
        plan = self.plans.get(len(distinct))
        if plan is None:
            plan = self.plans[len(distinct)] = self._plan(len(distinct))
        keys = []
        for bounds, salts in plan:
            start = 0
            for bound, salt in zip(bounds, salts, strict=False):  # salts: one more
                end = bisect.bisect_left(distinct, bound, start)
                keys.append(hash(tuple(distinct[start:end])) ^ salt)
                start = end
            keys.append(hash(tuple(distinct[start:])) ^ salts[-1])
        return keys

    def prefix(self, distinct: set[bytes]) -> list[bytes]:
        """The rarest n - ceil(s * n) + 1 words of a set of n words."""
        length = len(distinct) - self.least_shared(len(distinct)) + 1
        unseen = sorted(distinct - self.known)
        if len(unseen) >= length:
            return unseen[:length]
        by_rank: Callable[[bytes], int] = self.rank.__getitem__
        return unseen + sorted(distinct & self.known, key=by_rank)[:length - len(unseen)]

    def _plan(self, size: int) -> list[tuple[list[bytes], list[int]]]:
        """For each range count a set of ``size`` words may share with a similar one:
        where the ranges split the words (quantiles of the sample), and their salts."""
        sample, plan = self.sample, []
        for ranges in range(self.count(self.least_shared(size)), self.count(size) + 1):
            bounds = [sample[len(sample) * k // ranges] if sample else b""
                      for k in range(1, ranges)]
            salts = [zlib.crc32(f"{ranges}/{k}".encode()) << 32 for k in range(ranges)]
            plan.append((bounds, salts))
        return plan
