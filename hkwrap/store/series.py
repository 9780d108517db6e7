"""``hkwrap series``: an index or a stock across dates, each date reconciled across sources.

An index series gives, per date, the agreed level, change in points and in percent of one
session (the close by default); a stock series the agreed price and change. A date whose figures
are disputed keeps its row, value blank when no value has a majority, and says so.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from hkwrap.store.reconcile import Figure, Statement, reconcile

# Sparkline: eight block heights, lowest first. A column of them down the table, one per date,
# draws the series turned on its side; the bar column draws each level as a horizontal bar.
SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
BAR_EIGHTHS = " ▏▎▍▌▋▊▉"
BAR_WIDTH = 20  # characters of the longest bar: a month of closes reads at a glance


def index_series(
    conn: sqlite3.Connection, index: str, *, session: str = "close",
    date_from: str | None = None, date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Rows ``{date, level, change_points, change_pct, sources, disputed, figures}``."""
    rows = conn.execute(
        "SELECT m.date, m.level, m.change_points, m.change_pct, m.qualifier, d.source, m.id"
        " FROM index_moves m JOIN documents d ON d.id = m.document_id"
        " WHERE m.index_code = ? AND m.record_session = ? AND m.date BETWEEN ? AND ?"
        " ORDER BY m.date",
        (index, session, date_from or "0000-00-00", date_to or "9999-99-99"),
    ).fetchall()
    return _reconcile_by_date(conn, "index_moves", rows, ("level", "change_points", "change_pct"))


def stock_series(
    conn: sqlite3.Connection, code: str, *, session: str = "close",
    date_from: str | None = None, date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Rows ``{date, price, change_pct, sources, disputed, figures}``."""
    rows = conn.execute(
        "SELECT m.date, m.price, m.change_pct, m.qualifier, d.source, m.id"
        " FROM stock_moves m JOIN documents d ON d.id = m.document_id"
        " WHERE m.code = ? AND m.record_session = ? AND m.date BETWEEN ? AND ?"
        " ORDER BY m.date",
        (code, session, date_from or "0000-00-00", date_to or "9999-99-99"),
    ).fetchall()
    return _reconcile_by_date(conn, "stock_moves", rows, ("price", "change_pct"))


def _reconcile_by_date(
    conn: sqlite3.Connection, table: str, rows: list[tuple[Any, ...]], names: tuple[str, ...]
) -> list[dict[str, Any]]:
    by_date: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        if row[0]:
            by_date[row[0]].append(row)
    out = []
    for date, group in by_date.items():
        figures: dict[str, Figure | None] = {}
        for i, name in enumerate(names, start=1):
            statements = [
                Statement(source=r[-2], value=float(r[i]), qualifier=r[-3] or "exact",
                          fact_id=r[-1])
                for r in group
                if r[i] is not None
            ]
            figures[name] = reconcile(statements)
        disputed = any(f is not None and f.disputed for f in figures.values())
        sources = sorted({r[-2] for r in group})
        record: dict[str, Any] = {"date": date}
        for name in names:
            fig = figures[name]
            record[name] = fig.value if fig else None
        record.update(sources=len(sources), disputed=disputed, figures=figures)
        out.append(record)
    _fill_evidence(conn, table, out)
    return out


def _fill_evidence(conn: sqlite3.Connection, table: str, records: list[dict[str, Any]]) -> None:
    """Evidence is read only for the statements that dissent (few), not for every fact."""
    wanted = {
        s.fact_id
        for r in records if r["disputed"]
        for f in r["figures"].values() if f is not None
        for s in f.dissenting
    }
    if not wanted:
        return
    found = {
        row[0]: row[1:]
        for row in conn.execute(
            f"SELECT id, evidence_text, evidence_start, evidence_end, evidence_line FROM {table}"
            f" WHERE id IN ({','.join('?' * len(wanted))})",
            sorted(wanted),
        )
    }
    for r in records:
        for _name, f in r["figures"].items():
            if f is None:
                continue
            f.dissenting = [_with_evidence(s, found.get(s.fact_id)) for s in f.dissenting]


def _with_evidence(s: Statement, ev: tuple[Any, ...] | None) -> Statement:
    text, start, end, line = ev if ev else (None, None, None, None)
    return Statement(s.source, s.value, s.qualifier, text, start, end, line, s.exact_count,
                     s.fact_id)


def spark(values: list[float | None]) -> list[str]:
    """One block character per value, scaled between the smallest and largest (blank when
    missing): read down a column, or joined into one line, it shows the shape of the series."""
    present = [v for v in values if v is not None]
    if not present:
        return ["" for _ in values]
    lo, hi = min(present), max(present)
    span = hi - lo
    top = len(SPARK_BLOCKS) - 1
    return [
        "" if v is None else SPARK_BLOCKS[round((v - lo) / span * top) if span else top // 2]
        for v in values
    ]


def bars(values: list[float | None], width: int = BAR_WIDTH) -> list[str]:
    """A horizontal bar per value, from the smallest (one eighth) to the largest (``width``),
    drawn in eighths of a character."""
    present = [v for v in values if v is not None]
    if not present:
        return ["" for _ in values]
    lo, hi = min(present), max(present)
    span = hi - lo
    out = []
    for v in values:
        if v is None:
            out.append("")
            continue
        eighths = 1 + round((v - lo) / span * (width * 8 - 1)) if span else width * 4
        full, part = divmod(eighths, 8)
        out.append("█" * full + (BAR_EIGHTHS[part] if part else ""))
    return out
