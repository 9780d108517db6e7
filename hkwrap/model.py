"""The document model: what one report yields. Field names follow docs/output-contract.md.

Every class has ``to_dict()`` returning plain JSON types in contract order. Fields beyond the
contract (``restated``, ``title`` ...) are additions, which the contract allows.
"""

from __future__ import annotations

from typing import Any

from hkwrap.plain import dataclass_record, fresh

SCHEMA_VERSION = 1

# Each record class below is a dataclass whose __init__ is written out, and whose __repr__ and
# __eq__ (and a frozen one's __hash__) are shared functions that read its fields: the
# dataclass decorator otherwise compiles each of these from source for every class at import,
# ~0.5 ms a class on every start, and needs the dataclasses module (~9 ms; hkwrap/plain.py).
# They behave as the generated ones: __eq__ compares the fields in order with a record of the
# same class, a mutable record is unhashable, a frozen one hashes its fields;
# dataclasses.fields(), replace() and asdict() work as before.
_FRESH: Any = object()  # a field's default that each record makes afresh (default_factory)


@dataclass_record(frozen=True)
class Evidence:
    """Where a fact came from: ``text == source_text[start:end]``; ``line`` is 1-based."""

    text: str
    start: int
    end: int
    line: int

    def __init__(self, text: str, start: int, end: int, line: int) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "line", line)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "line": self.line}


def _ev(evidence: Evidence | None) -> dict[str, Any] | None:
    return evidence.to_dict() if evidence else None


def _whole(value: float | None) -> float | int | None:
    """An amount or a count as a JSON integer when it is whole (``215600000000``, not
    ``215600000000.0``); a fraction stays a float."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@dataclass_record()
class IndexMove:
    index: str
    name: str
    level: float | None = None
    change_pct: float | None = None
    change_points: float | None = None
    qualifier: str = "exact"
    session: str | None = None
    evidence: Evidence | None = None
    restated: list[Evidence] = fresh(list)

    def __init__(
        self, index: str, name: str, level: float | None = None, change_pct: float | None = None,
        change_points: float | None = None, qualifier: str = "exact", session: str | None = None,
        evidence: Evidence | None = None, restated: list[Evidence] = _FRESH,
    ) -> None:
        self.index = index
        self.name = name
        self.level = level
        self.change_pct = change_pct
        self.change_points = change_points
        self.qualifier = qualifier
        self.session = session
        self.evidence = evidence
        self.restated = [] if restated is _FRESH else restated

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "name": self.name,
            "level": self.level,
            "change_pct": self.change_pct,
            "change_points": self.change_points,
            "qualifier": self.qualifier,
            "session": self.session,
            "evidence": _ev(self.evidence),
            "restated": [e.to_dict() for e in self.restated],
        }


@dataclass_record()
class StockMove:
    code: str
    name: str | None = None
    name_zh: str | None = None
    change_pct: float | None = None
    price: float | None = None
    currency: str = "HKD"
    turnover: float | None = None
    qualifier: str = "exact"
    session: str | None = None
    evidence: Evidence | None = None
    restated: list[Evidence] = fresh(list)

    def __init__(
        self, code: str, name: str | None = None, name_zh: str | None = None,
        change_pct: float | None = None, price: float | None = None, currency: str = "HKD",
        turnover: float | None = None, qualifier: str = "exact", session: str | None = None,
        evidence: Evidence | None = None, restated: list[Evidence] = _FRESH,
    ) -> None:
        self.code = code
        self.name = name
        self.name_zh = name_zh
        self.change_pct = change_pct
        self.price = price
        self.currency = currency
        self.turnover = turnover
        self.qualifier = qualifier
        self.session = session
        self.evidence = evidence
        self.restated = [] if restated is _FRESH else restated

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "name_zh": self.name_zh,
            "change_pct": self.change_pct,
            "price": self.price,
            "currency": self.currency,
            "turnover": _whole(self.turnover),
            "qualifier": self.qualifier,
            "session": self.session,
            "evidence": _ev(self.evidence),
            "restated": [e.to_dict() for e in self.restated],
        }


@dataclass_record(frozen=True)
class Mention:
    code: str
    name: str | None
    text: str
    start: int
    end: int
    name_zh: str | None = None

    def __init__(
        self, code: str, name: str | None, text: str, start: int, end: int,
        name_zh: str | None = None,
    ) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "name_zh", name_zh)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name_zh": self.name_zh,
        }


@dataclass_record()
class Amount:
    """A money figure of the whole market: ``value`` in currency units, signed for flows.

    Its evidence is written once, in ``Market.evidence`` under the figure's name, beside the
    evidence of the counts (which have no object of their own to carry it)."""

    value: float
    currency: str = "HKD"
    qualifier: str = "exact"
    evidence: Evidence | None = None

    def __init__(
        self, value: float, currency: str = "HKD", qualifier: str = "exact",
        evidence: Evidence | None = None,
    ) -> None:
        self.value = value
        self.currency = currency
        self.qualifier = qualifier
        self.evidence = evidence

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": _whole(self.value),
            "currency": self.currency,
            "qualifier": self.qualifier,
        }


@dataclass_record()
class Market:
    turnover: Amount | None = None
    southbound: Amount | None = None
    northbound: Amount | None = None
    advancers: int | None = None
    decliners: int | None = None
    unchanged: int | None = None
    short_selling_ratio: float | None = None
    evidence: dict[str, Evidence] = fresh(dict)

    def __init__(
        self, turnover: Amount | None = None, southbound: Amount | None = None,
        northbound: Amount | None = None, advancers: int | None = None,
        decliners: int | None = None, unchanged: int | None = None,
        short_selling_ratio: float | None = None, evidence: dict[str, Evidence] = _FRESH,
    ) -> None:
        self.turnover = turnover
        self.southbound = southbound
        self.northbound = northbound
        self.advancers = advancers
        self.decliners = decliners
        self.unchanged = unchanged
        self.short_selling_ratio = short_selling_ratio
        self.evidence = {} if evidence is _FRESH else evidence

    def to_dict(self) -> dict[str, Any]:
        evidence = dict(self.evidence)
        for role in ("turnover", "southbound", "northbound"):
            amount = getattr(self, role)
            if amount is not None and amount.evidence is not None:
                evidence.setdefault(role, amount.evidence)
        return {
            "turnover": self.turnover.to_dict() if self.turnover else None,
            "southbound": self.southbound.to_dict() if self.southbound else None,
            "northbound": self.northbound.to_dict() if self.northbound else None,
            "advancers": _whole(self.advancers),
            "decliners": _whole(self.decliners),
            "unchanged": _whole(self.unchanged),
            "short_selling_ratio": self.short_selling_ratio,
            "evidence": {k: v.to_dict() for k, v in evidence.items()},
        }


@dataclass_record()
class Level:
    index: str
    kind: str  # support | resistance | target
    value: float
    evidence: Evidence | None = None

    def __init__(
        self, index: str, kind: str, value: float, evidence: Evidence | None = None
    ) -> None:
        self.index = index
        self.kind = kind
        self.value = value
        self.evidence = evidence

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "kind": self.kind,
            "value": self.value,
            "evidence": _ev(self.evidence),
        }


@dataclass_record()
class Document:
    source: str
    language: str = "en"
    date: str | None = None
    indices: list[IndexMove] = fresh(list)
    stocks: list[StockMove] = fresh(list)
    mentions: list[Mention] = fresh(list)
    market: Market = fresh(Market)
    levels: list[Level] = fresh(list)
    warnings: list[str] = fresh(list)
    title: str | None = None
    metadata: dict[str, str] = fresh(dict)
    # Extraction steps that raised (each also a warning). Not part of the JSON: a caller (the
    # CLI) uses it to report the input as failed while still writing the facts that were found.
    failed_steps: list[str] = fresh(list)

    def __init__(
        self, source: str, language: str = "en", date: str | None = None,
        indices: list[IndexMove] = _FRESH, stocks: list[StockMove] = _FRESH,
        mentions: list[Mention] = _FRESH, market: Market = _FRESH, levels: list[Level] = _FRESH,
        warnings: list[str] = _FRESH, title: str | None = None,
        metadata: dict[str, str] = _FRESH, failed_steps: list[str] = _FRESH,
    ) -> None:
        self.source = source
        self.language = language
        self.date = date
        self.indices = [] if indices is _FRESH else indices
        self.stocks = [] if stocks is _FRESH else stocks
        self.mentions = [] if mentions is _FRESH else mentions
        self.market = Market() if market is _FRESH else market
        self.levels = [] if levels is _FRESH else levels
        self.warnings = [] if warnings is _FRESH else warnings
        self.title = title
        self.metadata = {} if metadata is _FRESH else metadata
        self.failed_steps = [] if failed_steps is _FRESH else failed_steps

    def to_dict(self) -> dict[str, Any]:
        stocks = [f.to_dict() for f in self.stocks]
        mentions = [m.to_dict() for m in self.mentions]
        if self.language == "zh-Hans":
            stocks = [_with_hans(s) for s in stocks]
            mentions = [_with_hans(m) for m in mentions]
        return {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "language": self.language,
            "date": self.date,
            "indices": [f.to_dict() for f in self.indices],
            "stocks": stocks,
            "mentions": mentions,
            "market": self.market.to_dict(),
            "levels": [lv.to_dict() for lv in self.levels],
            "warnings": list(self.warnings),
            "title": self.title,
            "metadata": dict(self.metadata),
        }


def _with_hans(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with ``name_zh_hans`` (the Chinese name in Simplified characters) right after
    ``name_zh``, for a report written in Simplified Chinese."""
    from hkwrap import data
    from hkwrap.text.fold import to_simplified

    name_zh = record.get("name_zh")
    hans = to_simplified(name_zh, data.load().get("t2s") or {}) if name_zh else None
    out: dict[str, Any] = {}
    for key, value in record.items():
        out[key] = value
        if key == "name_zh":
            out["name_zh_hans"] = hans
    return out
