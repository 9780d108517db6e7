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


def extract_levels(prep: Prepared, lexicon: Lexicon) -> list[Level]:
    """Every (index, kind, value) level, once, in order of appearance."""
    out: list[Level] = []
    seen: set[tuple[str, str, float]] = set()
    folded = prep.folded
    for start, end in prep.sentences:
        words = prep.words(lexicon, start, end)
        index_here = None
        for w in words:
            ids = [r[6:] for r in w.roles if r.startswith("index:") and r != "index:@previous"]
            if ids:
                index_here = index_here or ids[0]
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
            index = index_here or "HSI"  # a level without an index is the benchmark's
            key = (index, kind, q.value)
            if key in seen:
                continue
            seen.add(key)
            out.append(Level(index, kind, q.value, prep.evidence(start, end)))
    return out
