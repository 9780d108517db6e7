"""Stock moves: change, price, turnover and session, bound to a security's HKEX code."""

from __future__ import annotations

from typing import Any

from hkwrap.extractors.consolidate import Draft, consolidate, round4
from hkwrap.extractors.moves import Move, expand
from hkwrap.model import StockMove
from hkwrap.text.prepare import Prepared
from hkwrap.text.stamps import stamp_at


def extract_stocks(prep: Prepared, moves: list[Move]) -> list[StockMove]:
    """Every stock move the report states, restatements merged."""
    return [fact for _, fact in stock_facts(prep, moves)]


def stock_facts(prep: Prepared, moves: list[Move]) -> list[tuple[Draft, StockMove]]:
    """The consolidated drafts, each with the fact it makes. A long document's pieces are
    joined on the drafts."""
    drafts: list[Draft] = []
    names: dict[str, Any] = {}
    for move in moves:
        if move.subjects[0].kind != "stock":
            continue
        single = len(move.subjects) == 1
        paired = len(move.prices) == len(move.subjects) > 1
        for i, (subject, pct, _pts) in enumerate(expand(move)):
            names.setdefault(subject.id, subject.entity)
            price_num = move.prices[i] if paired else move.price if single else None
            price = price_num.value if price_num else None
            turnover = move.turnover.value if (move.turnover and single) else None
            if pct is None and price_num is None:
                continue
            # (the earlier of the two figures told: one of them at least, as tested above)
            anchor = price_num.start if pct is None else pct.start if price_num is None else min(pct.start, price_num.start)
            drafts.append(
                Draft(
                    subject=subject.id,
                    position=anchor,
                    pct=round4(pct.value) if pct else None,
                    pct_q=pct.qualifier if pct else "exact",
                    price=round4(price),
                    currency=move.currency,
                    turnover=round4(turnover),
                    session=move.session,
                    evidence=prep.evidence(*move.sentence),
                    stamp=stamp_at(prep, anchor),
                )
            )
    out = []
    for d in consolidate(drafts):
        ent = names.get(d.subject)
        out.append((d, stock_move(d, getattr(ent, "name", None), getattr(ent, "name_zh", None))))
    return out


def stock_move(d: Draft, name: str | None, name_zh: str | None) -> StockMove:
    """The fact a consolidated draft states, under the security's names."""
    return StockMove(
        code=d.subject,
        name=name,
        name_zh=name_zh,
        change_pct=d.pct,
        price=d.price,
        currency=d.currency,
        turnover=d.turnover,
        qualifier=d.qualifier,
        session=d.session,
        evidence=d.evidence,
        restated=d.restated,
    )
