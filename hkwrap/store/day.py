"""``hkwrap day``: one trading day's market record, reconciled across every report of it.

For each index and session (open, midday, close) the agreed level, change in points and in
percent; for each stock the agreed change and price (the day's top gainers and losers come from
the close); for each market figure (turnover, flows, breadth, short selling) the agreed value.
Each figure says how many sources state it and which sources disagree, with their figures and
evidence. Intraday moves (a high, a low, "as much as") are moments rather than one figure of the
day: they stay in the database and are not reconciled here.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from hkwrap.store.reconcile import Figure, Statement, reconcile

DAY_SESSIONS = ("open", "midday", "close")  # in the order a day runs
INDEX_ORDER = ("HSI", "HSCEI", "HSTECH", "HSCI")  # the headline indices first, others after
INDEX_FIGURES = ("level", "change_points", "change_pct")
STOCK_FIGURES = ("change_pct", "price")
MARKET_ORDER = (
    "turnover", "southbound", "northbound", "advancers", "decliners", "unchanged",
    "short_selling_ratio",
)
COUNT_FIGURES = frozenset({"advancers", "decliners", "unchanged"})  # exact to the unit
DEFAULT_TOP = 5

_SESSION_RANK = {s: i for i, s in enumerate(DAY_SESSIONS)}


def _statement(row: sqlite3.Row, figure: str, exact_count: bool = False) -> Statement | None:
    value = row[figure]
    if value is None:
        return None
    return Statement(
        source=row["source"], value=float(value), qualifier=row["qualifier"] or "exact",
        evidence=row["evidence_text"], start=row["evidence_start"], end=row["evidence_end"],
        line=row["evidence_line"], exact_count=exact_count,
    )


def _figures(rows: Sequence[sqlite3.Row], names: Iterable[str]) -> dict[str, Figure | None]:
    out: dict[str, Figure | None] = {}
    for name in names:
        statements = [s for r in rows if (s := _statement(r, name)) is not None]
        out[name] = reconcile(statements)
    return out


def _index_key(code: str) -> tuple[int, str]:
    return (INDEX_ORDER.index(code) if code in INDEX_ORDER else len(INDEX_ORDER), code)


def day_record(conn: sqlite3.Connection, date: str, *, top: int = DEFAULT_TOP) -> dict[str, Any]:
    """The reconciled record of ``date`` (YYYY-MM-DD) as plain data (see docs/store.md)."""
    conn.row_factory = sqlite3.Row
    sessions = ",".join("?" * len(DAY_SESSIONS))
    documents = [
        dict(r)
        for r in conn.execute(
            "SELECT source, title, language, session, loaded_at FROM documents WHERE date = ?"
            " ORDER BY source",
            (date,),
        )
    ]

    by_index: dict[tuple[str, str], list[sqlite3.Row]] = defaultdict(list)
    names: dict[str, str] = {}
    for r in conn.execute(
        "SELECT m.index_code, m.name, m.record_session, m.level, m.change_pct, m.change_points,"
        " m.qualifier, d.source, m.evidence_text, m.evidence_start, m.evidence_end,"
        " m.evidence_line FROM documents d JOIN index_moves m ON m.document_id = d.id"
        f" WHERE d.date = ? AND m.record_session IN ({sessions})",
        (date, *DAY_SESSIONS),
    ):
        by_index[(r["index_code"], r["record_session"])].append(r)
        names.setdefault(r["index_code"], r["name"] or "")
    indices = []
    for (code, session), rows in sorted(
        by_index.items(), key=lambda kv: (_index_key(kv[0][0]), _SESSION_RANK[kv[0][1]])
    ):
        indices.append(
            {"index": code, "name": names.get(code), "session": session,
             **_figures(rows, INDEX_FIGURES)}
        )

    by_stock: dict[tuple[str, str], list[sqlite3.Row]] = defaultdict(list)
    for r in conn.execute(
        "SELECT m.code, m.record_session, m.change_pct, m.price, m.currency, m.qualifier,"
        " d.source, m.evidence_text, m.evidence_start, m.evidence_end, m.evidence_line,"
        " s.name, s.name_zh FROM documents d JOIN stock_moves m ON m.document_id = d.id"
        " LEFT JOIN securities s ON s.code = m.code"
        f" WHERE d.date = ? AND m.record_session IN ({sessions})",
        (date, *DAY_SESSIONS),
    ):
        by_stock[(r["code"], r["record_session"])].append(r)
    stocks = []
    for (code, session), rows in by_stock.items():
        currencies = sorted({r["currency"] or "HKD" for r in rows})
        figures = _figures(rows, STOCK_FIGURES)
        stocks.append(
            {"code": code, "name": rows[0]["name"], "name_zh": rows[0]["name_zh"],
             "session": session, "currency": currencies[0] if len(currencies) == 1 else None,
             **figures}
        )
    stocks.sort(key=lambda s: (_SESSION_RANK[s["session"]], s["code"]))
    closes = [
        s for s in stocks
        if s["session"] == "close" and s["change_pct"] is not None
        and s["change_pct"].value is not None
    ]
    gainers = sorted(
        (s for s in closes if s["change_pct"].value > 0), key=lambda s: -s["change_pct"].value
    )[:top]
    losers = sorted(
        (s for s in closes if s["change_pct"].value < 0), key=lambda s: s["change_pct"].value
    )[:top]

    by_figure: dict[tuple[str, str, str | None], list[sqlite3.Row]] = defaultdict(list)
    for r in conn.execute(
        "SELECT f.figure, f.record_session, f.value, f.currency, f.qualifier, d.source,"
        " f.evidence_text, f.evidence_start, f.evidence_end, f.evidence_line"
        " FROM documents d JOIN market_figures f ON f.document_id = d.id"
        f" WHERE d.date = ? AND f.record_session IN ({sessions})",
        (date, *DAY_SESSIONS),
    ):
        by_figure[(r["figure"], r["record_session"], r["currency"])].append(r)
    market = []
    for (figure, session, currency), rows in sorted(
        by_figure.items(),
        key=lambda kv: (_SESSION_RANK[kv[0][1]], MARKET_ORDER.index(kv[0][0])
                        if kv[0][0] in MARKET_ORDER else len(MARKET_ORDER), kv[0][2] or ""),
    ):
        statements = [
            s for r in rows if (s := _statement(r, "value", figure in COUNT_FIGURES)) is not None
        ]
        market.append(
            {"figure": figure, "session": session, "currency": currency,
             "value": reconcile(statements)}
        )

    record = {
        "date": date,
        "documents": documents,
        "indices": indices,
        "gainers": gainers,
        "losers": losers,
        "market": market,
        "stocks": stocks,
    }
    record["disputes"] = disputes(record)
    return record


def disputes(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every disputed figure of a day record, flat: subject, session, figure, agreed value and
    the dissenting statements."""
    out: list[dict[str, Any]] = []

    def add(kind: str, subject: str, session: str, figure: str, fig: Figure | None) -> None:
        if fig is not None and fig.disputed:
            out.append({
                "kind": kind, "subject": subject, "session": session, "figure": figure,
                "agreed": fig.value, "stated_by": sorted({s.source for s in fig.agreeing}),
                "dissent": [s.to_dict() for s in fig.dissenting],
            })

    for m in record["indices"]:
        for name in INDEX_FIGURES:
            add("index", m["index"], m["session"], name, m[name])
    for m in record["market"]:
        label = m["figure"] + (f" ({m['currency']})" if m["currency"] else "")
        add("market", label, m["session"], m["figure"], m["value"])
    for s in record["stocks"]:
        for name in STOCK_FIGURES:
            add("stock", s["code"], s["session"], name, s[name])
    return out


def to_plain(value: Any) -> Any:
    """A day record (or any part of it) with every Figure turned into a dict, for JSON."""
    if isinstance(value, Figure):
        return value.to_dict()
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    return value
