"""``hkwrap series``: an index or a stock across dates, each date reconciled across sources.

An index series gives, per date, the agreed level, change in points and in percent of one
session (the close by default); a stock series the agreed price and change. A date whose figures
are disputed keeps its row, value blank when no value has a majority, and says so.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from hkwrap.store.reconcile import Figure, Statement, reconcile, support

# Sparkline: eight block heights, lowest first. A column of them down the table, one per date,
# draws the series turned on its side; the bar column draws each level as a horizontal bar.
SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
BAR_EIGHTHS = " ▏▎▍▌▋▊▉"
BAR_WIDTH = 20  # characters of the longest bar: a month of closes reads at a glance


_SERIES = {
    # kind: (table, subject column, figures)
    "index": ("index_moves", "index_code", ("level", "change_points", "change_pct")),
    "stock": ("stock_moves", "code", ("price", "change_pct")),
}
_NO_START, _NO_END = "0000-00-00", "9999-99-99"


def index_series(
    conn: sqlite3.Connection, index: str, *, session: str = "close",
    date_from: str | None = None, date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Rows ``{date, level, change_points, change_pct, sources, disputed, figures}``."""
    return _series(conn, "index", index, session, date_from, date_to)


def stock_series(
    conn: sqlite3.Connection, code: str, *, session: str = "close",
    date_from: str | None = None, date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Rows ``{date, price, change_pct, sources, disputed, figures}``."""
    return _series(conn, "stock", code, session, date_from, date_to)


def _series(
    conn: sqlite3.Connection, kind: str, subject: str, session: str,
    date_from: str | None, date_to: str | None,
) -> list[dict[str, Any]]:
    """Alike statements are counted in SQL (one row per date and distinct set of figures), so
    a long history costs a row per figure variant, not per report; only a date where the
    variants disagree is read again fact by fact, for its sources and evidence."""
    table, column, names = _SERIES[kind]
    figures = ", ".join(names)
    grouped = conn.execute(
        f"SELECT date, {figures}, qualifier, COUNT(DISTINCT document_id) FROM {table}"
        f" WHERE {column} = ? AND record_session = ? AND date BETWEEN ? AND ?"
        f" GROUP BY date, {figures}, qualifier ORDER BY date",
        (subject, session, date_from or _NO_START, date_to or _NO_END),
    ).fetchall()
    by_date: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in grouped:
        by_date[row[0]].append(row)
    out = []
    for date, group in by_date.items():
        record = _reconciled(date, names, [
            # one statement per variant, standing for the documents that state it
            (f"#{i}", row[1:-2], row[-2], row[-1], None) for i, row in enumerate(group)
        ])
        if record["disputed"]:
            detail = conn.execute(
                f"SELECT d.source, {', '.join('m.' + n for n in names)}, m.qualifier, m.id"
                f" FROM {table} m JOIN documents d ON d.id = m.document_id"
                f" WHERE m.{column} = ? AND m.record_session = ? AND m.date = ?",
                (subject, session, date),
            ).fetchall()
            record = _reconciled(date, names, [
                (r[0], r[1:-2], r[-2], 1, r[-1]) for r in detail
            ])
        out.append(record)
    _fill_evidence(conn, table, out)
    return out


def _reconciled(
    date: str, names: tuple[str, ...],
    variants: list[tuple[str, tuple[Any, ...], str | None, int, int | None]],
) -> dict[str, Any]:
    figures: dict[str, Figure | None] = {}
    for i, name in enumerate(names):
        figures[name] = reconcile([
            Statement(source=source, value=float(values[i]), qualifier=qualifier or "exact",
                      fact_id=fact_id, weight=weight)
            for source, values, qualifier, weight, fact_id in variants
            if values[i] is not None
        ])
    record: dict[str, Any] = {"date": date}
    for name in names:
        fig = figures[name]
        record[name] = fig.value if fig else None
    record["sources"] = support(
        Statement(source, 0.0, weight=weight) for source, _, _, weight, _ in variants)
    record["disputed"] = any(f is not None and f.disputed for f in figures.values())
    record["figures"] = figures
    return record


def _fill_evidence(conn: sqlite3.Connection, table: str, records: list[dict[str, Any]]) -> None:
    """Evidence is read only for the statements that dissent (few), not for every fact."""
    wanted = {
        s.fact_id
        for r in records if r["disputed"]
        for f in r["figures"].values() if f is not None
        for s in f.dissenting
        if s.fact_id is not None
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
        for f in r["figures"].values():
            if f is not None:
                f.dissenting = [_with_evidence(s, found.get(s.fact_id)) for s in f.dissenting]


def _with_evidence(s: Statement, ev: tuple[Any, ...] | None) -> Statement:
    text, start, end, line = ev if ev else (None, None, None, None)
    return Statement(s.source, s.value, s.qualifier, text, start, end, line, s.exact_count,
                     s.fact_id, s.weight)


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
