"""Prepare a report for the extractors: fold it, mask what is not the report's own text, and
split it into sentences. Offsets everywhere refer to the original text."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from hkwrap.model import Evidence
from hkwrap.text.fold import fold


@dataclass(slots=True)
class Prepared:
    """A report ready for extraction.

    ``text``: the original decoded text. ``folded``: same length, folded (see ``fold``), with
    masked regions (front matter, link lists, cited headlines, navigation) blanked to spaces.
    ``sentences``: (start, end) spans of the sentences that carry facts, in order.
    """

    text: str
    folded: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list)

    def line_of(self, offset: int) -> int:
        """1-based line number of ``offset``."""
        if not self._line_starts:
            self._line_starts = [0] + [i + 1 for i, c in enumerate(self.text) if c == "\n"]
        return bisect.bisect_right(self._line_starts, offset)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for the span, trimmed of surrounding white space."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Evidence(self.text[start:end], start, end, self.line_of(start))


def prepare(text: str, body_start: int = 0) -> Prepared:
    """Minimal preparation (sentence splitting and masking land with the extractors)."""
    folded = fold(text)
    if body_start:
        folded = " " * body_start + folded[body_start:]
    return Prepared(text=text, folded=folded, sentences=[(body_start, len(text))])
