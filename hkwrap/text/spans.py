"""Finding the items (securities found in the text) that fall in a span, without scanning all
of them for every sentence: a long report names thousands, and sentences are thousands too."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Any


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
