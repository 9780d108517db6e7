"""The per-day summary behind ``hkwrap series``: each date's reconciled figures, kept by `load`.

Reconciling a date needs only that date's facts of one subject and session, so the record of
each (subject, session, date) can be worked out once, when its facts change, instead of on
every query. ``index_days`` holds, per key, what `series` shows: the agreed value, qualifier
and status of each figure, how many statements there are, and the dissenting facts (JSON). An
index series over ten years is then one read of 2,500 rows instead of reconciling 100,000
facts. Stocks are not summarized: a stock is stated by fewer reports a day, its whole history
is read from the facts within the target (46 ms for 00700 on the bench), and keeping a summary
of every stock would cost load as much again as the indices do (docs/benchmarks.md, run S3).
The code is the same for both kinds: ``SUMMARY_TABLES`` says which are kept.

The loader collects the keys each document it adds, replaces or forgets touches and, in the
same transaction, recomputes those keys from the facts (``refresh``), with the same code that
answers `series` on a database without a summary (``series.computed_series``): a reader sees
the old facts and summary or the new ones, and a rolled-back load rolls both back.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from hkwrap.store.reconcile import Figure, Statement
from hkwrap.store.series import (
    _IDS_PER_QUERY,
    _NO_END,
    _NO_START,
    _SERIES,
    computed_series,
    fact_evidence,
)

# The store schema that added these tables: an older database has none (``present``).
SUMMARY_SINCE = 2
# kind -> summary table, for the kinds summarized (a stock series reads its facts)
SUMMARY_TABLES = {"index": "index_days"}
# A key of the summary: (kind, subject, record_session, date).
Key = tuple[str, str, str, str]
# one encoder for every row (json.dumps with options builds a new one per call)
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def _figure_columns(kind: str) -> list[str]:
    return [f"{name}{suffix}" for name in _SERIES[kind][2]
            for suffix in ("", "_status", "_qualifier")]


def _table_sql(kind: str) -> str:
    _, column, names = _SERIES[kind]
    figures = "".join(
        f"    {name} REAL,  -- the agreed value (NULL: not stated, or no majority)\n"
        f"    {name}_status TEXT,  -- agreed or disputed; NULL when no report states it\n"
        f"    {name}_qualifier TEXT,  -- exact, or the bound (over, nearly ...)\n"
        for name in names
    )
    return (
        f"CREATE TABLE IF NOT EXISTS {SUMMARY_TABLES[kind]} (\n"
        f"    {column} TEXT NOT NULL,\n"
        "    record_session TEXT NOT NULL,\n"
        "    date TEXT NOT NULL,\n"
        "    sources INTEGER NOT NULL,  -- statements of the date (facts)\n"
        "    disputed INTEGER NOT NULL,  -- 1 when any figure is disputed\n"
        f"{figures}"
        "    dissent TEXT,  -- JSON {figure: [[fact id, value, qualifier], ...]}\n"
        f"    PRIMARY KEY ({column}, record_session, date)\n"
        ") WITHOUT ROWID"
    )


TABLES: tuple[str, ...] = tuple(_table_sql(kind) for kind in SUMMARY_TABLES)


def present(conn: sqlite3.Connection, kind: str) -> bool:
    """Whether this database keeps the summary of ``kind`` (made or upgraded by store schema 2
    or later)."""
    return kind in SUMMARY_TABLES and int(
        conn.execute("PRAGMA user_version").fetchone()[0]) >= SUMMARY_SINCE


# -- writing ------------------------------------------------------------------------------------


def _row(kind: str, subject: str, session: str, record: dict[str, Any]) -> tuple[Any, ...]:
    values: list[Any] = []
    dissent: dict[str, list[list[Any]]] = {}
    for name in _SERIES[kind][2]:
        fig = record["figures"][name]
        if fig is None:
            values += [None, None, None]
            continue
        values += [fig.value, fig.status, fig.qualifier]
        if fig.dissenting:
            dissent[name] = [[s.fact_id, s.value, s.qualifier] for s in fig.dissenting]
    return (subject, session, record["date"], record["sources"], int(record["disputed"]),
            *values, _encode(dissent) if dissent else None)


def _write(conn: sqlite3.Connection, kind: str, subject: str, session: str,
           records: list[dict[str, Any]]) -> None:
    columns = [_SERIES[kind][1], "record_session", "date", "sources", "disputed",
               *_figure_columns(kind), "dissent"]
    conn.executemany(
        f"INSERT OR REPLACE INTO {SUMMARY_TABLES[kind]} ({', '.join(columns)})"
        f" VALUES ({','.join('?' * len(columns))})",
        [_row(kind, subject, session, r) for r in records],
    )


def refresh(conn: sqlite3.Connection, keys: Iterable[Key]) -> None:
    """Recompute the summary of ``keys`` from the facts (inside the caller's transaction):
    a key whose facts are gone loses its row."""
    dates: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for kind, subject, session, date in keys:
        if (kind in SUMMARY_TABLES and session is not None and date is not None
                and _NO_START <= date <= _NO_END):
            # series reads facts with a date, as rebuild does
            dates[(kind, subject, session)].add(date)
    for (kind, subject, session), wanted in dates.items():
        ordered = sorted(wanted)
        for start in range(0, len(ordered), _IDS_PER_QUERY):
            chunk = ordered[start : start + _IDS_PER_QUERY]
            records = computed_series(conn, kind, subject, session, dates=chunk,
                                      evidence=False)
            found = {r["date"] for r in records}
            gone = [d for d in chunk if d not in found]
            if gone:
                _, column, _ = _SERIES[kind]
                conn.executemany(
                    f"DELETE FROM {SUMMARY_TABLES[kind]} WHERE {column} = ?"
                    " AND record_session = ? AND date = ?",
                    [(subject, session, d) for d in gone],
                )
            _write(conn, kind, subject, session, records)


def document_keys(conn: sqlite3.Connection, document_ids: Iterable[int]) -> set[Key]:
    """The keys the facts of these documents touch (before they are deleted)."""
    keys: set[Key] = set()
    for kind in SUMMARY_TABLES:
        table, column, _ = _SERIES[kind]
        for doc_id in document_ids:
            keys.update(
                (kind, subject, session, date)
                for subject, session, date in conn.execute(
                    f"SELECT DISTINCT {column}, record_session, date FROM {table}"
                    " WHERE document_id = ?", (doc_id,))
            )
    return keys


def rebuild(conn: sqlite3.Connection) -> None:
    """Work out the whole summary from the facts (inside the caller's transaction): used when
    a database made before the summary is opened by `load`."""
    for kind in SUMMARY_TABLES:
        table, column, _ = _SERIES[kind]
        conn.execute(f"DELETE FROM {SUMMARY_TABLES[kind]}")
        subjects = conn.execute(
            f"SELECT DISTINCT {column}, record_session FROM {table}"
            " WHERE date IS NOT NULL AND record_session IS NOT NULL"
        ).fetchall()
        for subject, session in subjects:
            _write(conn, kind, subject, session,
                   computed_series(conn, kind, subject, session, evidence=False))


# -- reading ------------------------------------------------------------------------------------


def read(
    conn: sqlite3.Connection, kind: str, subject: str, session: str,
    date_from: str | None, date_to: str | None,
) -> list[dict[str, Any]]:
    """The series rows of ``subject`` as ``series.computed_series`` gives them, read from the
    summary; the dissenting facts' sources and evidence are read by their ids. Each Figure
    carries its value, qualifier, status and dissent; its agreeing statements are not kept
    (the row's ``sources`` counts the statements)."""
    table, column, names = _SERIES[kind]
    rows = conn.execute(
        f"SELECT date, sources, disputed, {', '.join(_figure_columns(kind))}, dissent"
        f" FROM {SUMMARY_TABLES[kind]} WHERE {column} = ? AND record_session = ?"
        " AND date BETWEEN ? AND ? ORDER BY date",
        (subject, session, date_from or _NO_START, date_to or _NO_END),
    ).fetchall()
    dissent = {i: json.loads(row[-1]) for i, row in enumerate(rows) if row[-1]}
    facts = fact_evidence(conn, table, sorted(
        {fact[0] for stated in dissent.values() for facts in stated.values() for fact in facts}))
    out = []
    width = len(names)
    for n, row in enumerate(rows):
        stated = dissent.get(n, {})
        record: dict[str, Any] = {"date": row[0]}
        figures: dict[str, Figure | None] = {}
        for i in range(width):
            name = names[i]
            value, status, qualifier = row[3 + 3 * i : 6 + 3 * i]
            record[name] = value
            if status is None:
                figures[name] = None
                continue
            figures[name] = Figure(value, qualifier, status, [], [
                Statement(facts[fact][0], said, how, *facts[fact][1:], fact_id=fact)
                for fact, said, how in stated.get(name, ())
                if fact in facts  # (a fact deleted behind load's back is left out)
            ])
        record["sources"] = row[1]
        record["disputed"] = bool(row[2])
        record["figures"] = figures
        out.append(record)
    return out


def stored(conn: sqlite3.Connection, kind: str) -> list[tuple[Any, ...]]:
    """Every summary row of ``kind``, in key order (for checking it against the facts)."""
    _, column, _ = _SERIES[kind]
    return conn.execute(
        f"SELECT * FROM {SUMMARY_TABLES[kind]} ORDER BY {column}, record_session, date"
    ).fetchall()


def recomputed(conn: sqlite3.Connection, kind: str) -> list[tuple[Any, ...]]:
    """What ``stored`` should hold, worked out from the facts now."""
    table, column, _ = _SERIES[kind]
    rows = []
    for subject, session in conn.execute(
        f"SELECT DISTINCT {column}, record_session FROM {table}"
        f" WHERE date IS NOT NULL AND record_session IS NOT NULL"
        f" ORDER BY {column}, record_session"
    ).fetchall():
        rows += [_row(kind, subject, session, r)
                 for r in computed_series(conn, kind, subject, session, evidence=False)]
    return rows
