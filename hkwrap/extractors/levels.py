"""Technical levels: support, resistance and targets that a report names for an index."""

from __future__ import annotations

from functools import lru_cache

from hkwrap import patterns
from hkwrap.model import Level
from hkwrap.text.lexicon import Lexicon, Word, role_kind
from hkwrap.text.prepare import Prepared, inside

_KINDS = ("support", "resistance", "target")
# How far (characters) a level's number may stand from its keyword, before or after it.
_REACH = 30
# Index-like values only, for an index with no ``scale`` (the Hang Seng family's is 1,000).
_MIN_VALUE = 1000.0


def _plausible(lexicon: Lexicon, index: str, value: float) -> str | None:
    """``index`` if ``value`` can be its level (``scale.levels`` in indices.yaml: where it has
    stood, with room), else the benchmark if it fits, else None."""
    for candidate in (index, "HSI"):
        info = lexicon.indices.get(candidate)
        lo, hi = info.scale.levels if info else (0.0, float("inf"))
        if lo <= value <= hi:
            return candidate
    return None


# Per set of roles, not per word: a report's words share a few hundred sets of roles (each
# frozenset keeps its hash), so this is a dictionary lookup after the first.
@lru_cache(maxsize=4096)
def _index_and_kinds(roles: frozenset[str]) -> tuple[str | None, tuple[str, ...]]:
    """The index a word names (its ``index:`` role's kind, None for none, and None for another
    market's or a derived one), and the kinds of level it is a keyword of, in ``_KINDS`` order:
    both read with one lookup a word."""
    named = role_kind(roles, "index")
    return (None if named in ("@other", "@derived") else named), tuple(k for k in _KINDS if k in roles)


_NOTHING: tuple[str | None, tuple[str, ...]] = (None, ())  # a word that names no index and keys no level


def extract_levels(prep: Prepared, lexicon: Lexicon) -> list[Level]:
    """Every (index, kind, value) level, once, in order of appearance."""
    out: list[Level] = []
    seen: set[tuple[str, str, float]] = set()
    folded = prep.folded
    last_index = "HSI"
    # Only a word that names an index or is a level's keyword does anything below: those of the
    # whole text are picked out once, and each sentence takes its own by bisection (most have
    # none), instead of looking up every word of every sentence.
    told = [w for w in prep.words(lexicon, 0, len(folded)) if _index_and_kinds(w.roles) != _NOTHING]
    told_starts = [w.start for w in told]
    for start, end in prep.sentences:
        words = inside(told, told_starts, start, end)
        index_here = None
        keys: list[tuple[Word, str]] = []
        for w in words:
            named, kinds = _index_and_kinds(w.roles)
            if kinds:
                keys += [(w, k) for k in kinds]
            if named is None:
                continue
            # "the index" is the index last named; the market named as a whole is the benchmark
            index = last_index if named == "@previous" else "HSI" if named == "@market" else named
            index_here = index_here or index
            last_index = index
        if not keys:
            continue
        info = lexicon.indices.get(index_here or last_index)
        level_min = info.scale.level_min if info else _MIN_VALUE
        numbers = [q for q in prep.quantities(start, end)
                   if q.kind in ("pts", "num") and q.value >= level_min and not q.magnitude]
        for w, kind in keys:
            best = None
            for q in numbers:
                dist = q.start - w.end if q.start >= w.end else w.start - q.end
                if dist > _REACH:
                    continue
                between = folded[min(w.end, q.end):max(w.start, q.start)]
                if any(c in between for c in ",;。"):
                    continue
                if best is None or dist < best[0]:
                    best = (dist, q)
            if best is None:
                continue
            chosen = [best[1]]
            # "resistance at 20,800 and then 21,200", "支持位19,900及19,500點": a list of levels
            if chosen[0].start >= w.end:
                for q in numbers:
                    if q.start > chosen[-1].start and _LIST_JOIN.fullmatch(folded, chosen[-1].end, q.start):
                        chosen.append(q)
            for q in chosen:
                index = _plausible(lexicon, index_here or last_index, q.value)
                if index is None:
                    continue
                key = (index, kind, q.value)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Level(index, kind, q.value, prep.evidence(start, end)))
    return out


# Between two levels of one list: "20,800 and then 21,200", "19,900及19,500點", "24,000、23,500".
_LIST_JOIN = patterns.compile(r"\s?(?:点)?\s?(?:,|、|/)?\s?(?:and then|and|then|or|及|和|与|或)?\s?(?:then\s)?(?:at\s)?")
