"""Finding the items (securities found in the text) that fall in a span, without scanning all
of them for every sentence: a long report names thousands, and sentences are thousands too."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Any

# How far a pattern anchored at a position may read. The regex module looks for a pattern's
# required literal ("price" in "... offer price") across the rest of the string before it
# matches, so an anchored match without an end reads the whole text: hundreds of microseconds
# a call on a long report, for patterns whose matches are a few dozen characters.
MATCH_WINDOW = 300

# A relative clause set off by commas: an aside about the noun before it (", whose earnings
# depend on turnover,", ", who have been steady buyers this year,"). Its words are not the
# sentence's: the binder and the market figures both skip them. A pattern's source, compiled
# where it is used.
RELATIVE_ASIDE_CHARS = 80
RELATIVE_ASIDE = rf",\s(?:who|which|whose)\s[^,;.\n]{{1,{RELATIVE_ASIDE_CHARS}}},"


class SpanIndex:
    """Items with ``start``/``end`` offsets, sorted once, looked up by span with bisect."""

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = sorted(items, key=lambda x: (x.start, x.end))
        self._starts = [x.start for x in self.items]

    def within(self, start: int, end: int) -> list[Any]:
        """Items that start in ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.items[lo:hi]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class Overlaps:
    """Spans to test overlap against in O(log n): sorted starts and the running maximum of
    ends, so a run-on sentence of many names costs no more per name than a short one."""

    __slots__ = ("_max_end", "_starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [s for s, _ in spans]
        self._max_end: list[int] = []
        top = -1
        for _, e in spans:
            top = max(top, e)
            self._max_end.append(top)

    def overlaps(self, a_start: int, a_end: int) -> bool:
        """Does any span [s, e) have s < a_end and e > a_start?"""
        k = bisect.bisect_left(self._starts, a_end)  # spans starting before a_end
        return k > 0 and self._max_end[k - 1] > a_start
