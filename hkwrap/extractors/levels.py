"""Technical levels: support, resistance and targets that a report names for an index."""

from __future__ import annotations

from hkwrap.model import Level
from hkwrap.text.lexicon import Lexicon
from hkwrap.text.prepare import Prepared

_KINDS = ("support", "resistance", "target")
# How far (characters) a level's number may stand from its keyword, before or after it.
_REACH = 30
# Index-like values only: levels of the Hang Seng family are in the thousands.
_MIN_VALUE = 1000.0


# Where each index has stood (2015-2026, with room): a level outside its range is another's.
_RANGES = {"HSI": (10_000, 45_000), "HSCEI": (3_500, 20_000), "HSTECH": (2_000, 12_000),
           "HSCI": (1_500, 7_000)}


def _plausible(index: str, value: float) -> str | None:
    """``index`` if ``value`` can be its level, else the benchmark if it fits, else None."""
    lo, hi = _RANGES.get(index, (0, float("inf")))
    if lo <= value <= hi:
        return index
    lo, hi = _RANGES["HSI"]
    return "HSI" if lo <= value <= hi else None


def extract_levels(prep: Prepared, lexicon: Lexicon) -> list[Level]:
    """Every (index, kind, value) level, once, in order of appearance."""
    out: list[Level] = []
    seen: set[tuple[str, str, float]] = set()
    folded = prep.folded
    last_index = "HSI"
    for start, end in prep.sentences:
        words = prep.words(lexicon, start, end)
        index_here = None
        for w in words:
            ids = [r[6:] for r in w.roles if r.startswith("index:")]
            if not ids or ids[0] in ("@other", "@derived"):
                continue
            # "the index" is the index last named; the market named as a whole is the benchmark
            index = last_index if ids[0] == "@previous" else "HSI" if ids[0] == "@market" else ids[0]
            index_here = index_here or index
            last_index = index
        keys = [(w, k) for w in words for k in _KINDS if k in w.roles]
        if not keys:
            continue
        numbers = [q for q in prep.quantities(start, end)
                   if q.kind in ("pts", "num") and q.value >= _MIN_VALUE and not q.magnitude]
        for w, kind in keys:
            best = None
            for q in numbers:
                dist = q.start - w.end if q.start >= w.end else w.start - q.end
                between = folded[min(w.end, q.end):max(w.start, q.start)]
                if dist > _REACH or any(c in between for c in ",;。"):
                    continue
                if best is None or dist < best[0]:
                    best = (dist, q)
            if best is None:
                continue
            q = best[1]
            index = _plausible(index_here or last_index, q.value)
            if index is None:
                continue
            key = (index, kind, q.value)
            if key in seen:
                continue
            seen.add(key)
            out.append(Level(index, kind, q.value, prep.evidence(start, end)))
    return out
