"""When do two reports agree on a figure, and what is the day's agreed value?

A report states a figure to some precision: ``24,802.56`` to the hundredth, a headline ``24802``
to the unit, ``HK$325.7 billion`` to a hundred million. Two statements **agree** when the less
precise one is the more precise one rounded or truncated to its own precision: ``24802`` agrees
with ``24,802.56`` (truncated) and with ``24,801.9`` (rounded), ``2%`` with ``2.45%``; ``25,300.28``
and ``25,030.28`` do not agree. The precision of a figure is read from the figure itself: its
last non-zero digit (trailing zeros are taken as not stated, so ``HK$325.7bn`` is precise to
HK$0.1bn); counts of stocks (advancers ...) are always exact.

Figures with a qualifier (``over 3%``, ``nearly 2%``, ``about``, ``as much as``) state a bound,
not a value: they never set the agreed value while an exact statement exists, and they dispute
it only when the bound is broken (``over 3%`` against an agreed ``-2.1%``).

The agreed value is the most precise value that the most sources agree with. Ties are not
broken: two sources, two different figures, no agreed value. Nothing is ever averaged.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

AGREED, DISPUTED = "agreed", "disputed"
EXACT = "exact"
# Figures are floats from the extractor; a precision finer than this many decimals is float
# noise (no report states a level or a percentage to a millionth).
MAX_DECIMALS = 6
# A relative tolerance for comparing floats at a figure's precision (binary fractions).
FLOAT_SLACK = 1e-9


# not frozen: a frozen dataclass sets each field through object.__setattr__, five times the
# cost of building one, and load builds a few dozen per date it summarizes; nothing changes
# a Statement once made
@dataclass(slots=True)
class Statement:
    """One source's figure, with where it said it."""

    source: str
    value: float
    qualifier: str = EXACT
    evidence: str | None = None
    start: int | None = None
    end: int | None = None
    line: int | None = None
    exact_count: bool = False  # a count of stocks: precise to the unit whatever its zeros
    fact_id: int | None = None  # the fact's row, to read its evidence later
    weight: int = 1  # how many sources state it (a series counts alike statements in SQL)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "value": self.value,
            "qualifier": self.qualifier,
            "evidence": {
                "text": self.evidence, "start": self.start, "end": self.end, "line": self.line
            }
            if self.evidence is not None
            else None,
        }


@dataclass(slots=True)
class Figure:
    """The reconciled figure: ``value`` is None when no value has a majority."""

    value: float | None
    qualifier: str
    status: str
    agreeing: list[Statement] = field(default_factory=list)
    dissenting: list[Statement] = field(default_factory=list)

    @property
    def disputed(self) -> bool:
        return self.status == DISPUTED

    @property
    def sources(self) -> int:
        """How many distinct sources state the agreed value."""
        return support(self.agreeing)

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "qualifier": self.qualifier,
            "status": self.status,
            "sources": self.sources,
            "stated_by": sorted({s.source for s in self.agreeing}),
            "dissent": [s.to_dict() for s in self.dissenting],
        }


def support(statements: Iterable[Statement]) -> int:
    """How many sources stand behind ``statements`` (a source counted once)."""
    return sum({s.source: s.weight for s in statements}.values())


@lru_cache(maxsize=1 << 16)
def unit(value: float, exact_count: bool = False) -> float:
    """The precision a figure is stated to: 0.01 for 24802.56, 1 for 24802, 1e8 for 3.257e11."""
    if exact_count:
        return 1.0
    text = f"{abs(value):.{MAX_DECIMALS}f}".rstrip("0")
    whole, _, decimals = text.partition(".")
    if decimals:
        return 10.0 ** -len(decimals)
    digits = whole.lstrip("0")
    if not digits:
        return 1.0
    return 10.0 ** (len(digits) - len(digits.rstrip("0")))


def _same_sign(a: float, b: float) -> bool:
    return a == 0 or b == 0 or (a > 0) == (b > 0)


def agree(a: Statement, b: Statement) -> bool:
    """Whether two exact statements agree to the precision of the less precise one."""
    return _agree(a.value, unit(a.value, a.exact_count), b.value, unit(b.value, b.exact_count))


def _agree(va: float, ua: float, vb: float, ub: float) -> bool:
    """``agree`` on values whose units are already known (a reconciliation compares each
    variant with every other: its unit is worked out once, not once per comparison)."""
    coarse, fine, u = (va, vb, ua) if ua >= ub else (vb, va, ub)
    if not _same_sign(coarse, fine):
        return False
    c, f = abs(coarse), abs(fine)
    slack = u * FLOAT_SLACK + FLOAT_SLACK
    # rounded: |f - c| <= u/2 (half up); truncated: c <= f < c + u
    return c - u / 2 - slack <= f < c + u - slack


def _exact_members(
    order: list[tuple[float, str, bool]], unit_of: dict[tuple[float, str, bool], float],
    value: float, u: float, finer: float,
) -> list[tuple[float, str, bool]] | None:
    """The variants (in ``order``) that agree with an exact candidate ``value`` stated to unit
    ``u``; None as soon as one of them is more precise than ``finer``, which then leads it."""
    members = []
    for k in order:
        ku = unit_of[k]
        if _agree(k[0], ku, value, u):
            if ku < finer:
                return None
            members.append(k)
    return members


def allowed(s: Statement) -> tuple[float, float]:
    """The magnitudes a statement allows: ``over 3%`` allows [3, inf), ``nearly 3%`` (0, 3.5],
    an exact ``2.45`` what rounds or truncates to it."""
    u = unit(s.value, s.exact_count)
    slack = u * FLOAT_SLACK + FLOAT_SLACK
    b = abs(s.value)
    q = s.qualifier
    if q == EXACT:
        return (b - u / 2 - slack, b + u - slack)
    if q == "over":
        return (b - slack, math.inf)
    if q in ("under", "nearly", "as_much_as"):
        return (0.0, b + u / 2 + slack)
    return (b - u - slack, b + u + slack)  # about, or a qualifier this version does not know


def consistent(bound: Statement, other: Statement) -> bool:
    """Whether a qualified statement (``over 3%``) allows what ``other`` states."""
    if not _same_sign(bound.value, other.value):
        return False
    lo, hi = allowed(bound)
    if other.qualifier == EXACT:
        return lo <= abs(other.value) <= hi
    olo, ohi = allowed(other)
    return lo <= ohi and olo <= hi


def reconcile(statements: Sequence[Statement]) -> Figure | None:
    """The agreed figure of ``statements`` (all about one subject, session and figure)."""
    if not statements:
        return None
    exact = [s for s in statements if s.qualifier == EXACT]
    bounds = [s for s in statements if s.qualifier != EXACT]
    if not bounds:  # the common case: the finest figure is stated once and all agree with it
        units = [unit(s.value, s.exact_count) for s in exact]
        fine_unit = min(units)
        finest = exact[units.index(fine_unit)]  # the first of the finest, as min() picks
        fv = finest.value
        if all(
            s.value == fv if u <= fine_unit else _agree(s.value, u, fv, fine_unit)
            for s, u in zip(exact, units, strict=True)
        ):
            return Figure(fv, EXACT, AGREED, list(exact), [])
    pool = exact or bounds
    # statements of the same figure are compared once, as one variant
    variants: dict[tuple[float, str, bool], list[Statement]] = {}
    for st in pool:
        variants.setdefault((st.value, st.qualifier, st.exact_count), []).append(st)
    unit_of = {k: unit(k[0], k[2]) for k in variants}
    order = sorted(variants, key=unit_of.__getitem__)
    first = {k: v[0] for k, v in variants.items()}
    best: list[Statement] | None = None
    best_size = 0
    best_key: tuple[float, str, bool] | None = None
    best_members: set[tuple[float, str, bool]] = set()
    tie = False
    for key in order:
        candidate = first[key]
        u = unit_of[key]
        finer = u - u * FLOAT_SLACK
        if exact:
            # the candidate must be the most precise figure of its group, or a finer one leads it
            found = _exact_members(order, unit_of, key[0], u, finer)
            if found is None:
                continue
            members = found
        else:  # only bounds: those that allow what the candidate allows
            members = [k for k in order if consistent(first[k], candidate)]
            if any(unit_of[k] < finer for k in members):
                continue
        group = [st for k in members for st in variants[k]]
        size = support(group)
        if best is None or size > best_size:
            best, best_size, best_key, best_members, tie = group, size, key, set(members), False
        elif size == best_size and key not in best_members:
            tie = True  # as many sources for a figure the leader's sources do not state
    if best is None or best_key is None or tie:
        return Figure(None, EXACT if exact else pool[0].qualifier, DISPUTED, [], list(statements))
    best_value = first[best_key]
    agreeing = list(best)
    dissenting = [st for st in exact if (st.value, st.qualifier, st.exact_count) not in best_members]
    for st in bounds:
        if (st.value, st.qualifier, st.exact_count) not in best_members:
            # a bound that allows the agreed figure supports it
            (agreeing if consistent(st, best_value) else dissenting).append(st)
    status = DISPUTED if dissenting else AGREED
    return Figure(best_value.value, best_value.qualifier, status, agreeing, dissenting)
