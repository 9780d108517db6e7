"""The document model: what one report yields. Field names follow docs/output-contract.md.

Every class has ``to_dict()`` returning plain JSON types in contract order. Fields beyond the
contract (``restated``, ``title`` ...) are additions, which the contract allows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact came from: ``text == source_text[start:end]``; ``line`` is 1-based."""

    text: str
    start: int
    end: int
    line: int

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


@dataclass(slots=True)
class IndexMove:
    index: str
    name: str
    level: float | None = None
    change_pct: float | None = None
    change_points: float | None = None
    qualifier: str = "exact"
    session: str | None = None
    evidence: Evidence | None = None
    restated: list[Evidence] = field(default_factory=list)

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


@dataclass(slots=True)
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
    restated: list[Evidence] = field(default_factory=list)

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


@dataclass(frozen=True, slots=True)
class Mention:
    code: str
    name: str | None
    text: str
    start: int
    end: int
    name_zh: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name_zh": self.name_zh,
        }


@dataclass(slots=True)
class Amount:
    """A money figure of the whole market: ``value`` in currency units, signed for flows.

    Its evidence is written once, in ``Market.evidence`` under the figure's name, beside the
    evidence of the counts (which have no object of their own to carry it)."""

    value: float
    currency: str = "HKD"
    qualifier: str = "exact"
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": _whole(self.value),
            "currency": self.currency,
            "qualifier": self.qualifier,
        }


@dataclass(slots=True)
class Market:
    turnover: Amount | None = None
    southbound: Amount | None = None
    northbound: Amount | None = None
    advancers: int | None = None
    decliners: int | None = None
    unchanged: int | None = None
    short_selling_ratio: float | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)

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


@dataclass(slots=True)
class Level:
    index: str
    kind: str  # support | resistance | target
    value: float
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "kind": self.kind,
            "value": self.value,
            "evidence": _ev(self.evidence),
        }


@dataclass(slots=True)
class Document:
    source: str
    language: str = "en"
    date: str | None = None
    indices: list[IndexMove] = field(default_factory=list)
    stocks: list[StockMove] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    market: Market = field(default_factory=Market)
    levels: list[Level] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    title: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    # Extraction steps that raised (each also a warning). Not part of the JSON: a caller (the
    # CLI) uses it to report the input as failed while still writing the facts that were found.
    failed_steps: list[str] = field(default_factory=list)

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
