"""``hkwrap series``: an index or a stock across dates, each date reconciled across sources.

An index series gives, per date, the agreed level, change in points and in percent of one
session (the close by default); a stock series the agreed price and change. A date whose figures
are disputed keeps its row, value blank when no value has a majority, and says so.
"""

from __future__ import annotations

import sqlite3
from itertools import groupby
from operator import itemgetter
from typing import Any

from hkwrap.store.reconcile import AGREED, EXACT, Figure, Statement, reconcile

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
    """Read from the per-day summary that `load` keeps (hkwrap/store/summary.py), or worked
    out from the facts in a database made before the summary existed."""
    from hkwrap.store import summary

    if summary.present(conn, kind):
        return summary.read(conn, kind, subject, session, date_from, date_to)
    return computed_series(conn, kind, subject, session, date_from=date_from, date_to=date_to)


def computed_series(
    conn: sqlite3.Connection, kind: str, subject: str, session: str, *,
    date_from: str | None = None, date_to: str | None = None,
    dates: list[str] | None = None, evidence: bool = True,
) -> list[dict[str, Any]]:
    """The series worked out from the facts, over a range of dates or over ``dates``.
    Without ``evidence`` each dissenting statement names only its fact (``fact_id``), not its
    source and evidence (the summary keeps the ids and reads the rest when asked).

    Alike statements are counted in SQL (one row per date and distinct set of figures, over
    a covering index), so a long history costs a few rows per date, not one per report. Only
    the statements that dissent are read fact by fact, for their sources and evidence."""
    table, column, names = _SERIES[kind]
    figures = ", ".join(names)
    if dates is None:
        where, args = "date BETWEEN ? AND ?", [date_from or _NO_START, date_to or _NO_END]
    else:
        where, args = f"date IN ({','.join('?' * len(dates))})", list(dates)
    grouped = conn.execute(
        # MIN(id) names a variant's one fact (most dissent is one report's slip); a variant of
        # several facts is listed fact by fact only if it dissents (_variant_ids)
        f"SELECT date, {figures}, qualifier, COUNT(*), MIN(id)"
        f" FROM {table} WHERE {column} = ? AND record_session = ? AND {where}"
        # ordered as grouped (the index's order), so SQLite walks the index and sorts nothing
        f" GROUP BY date, {figures}, qualifier ORDER BY date, {figures}, qualifier",
        (subject, session, *args),
    ).fetchall()
    out = []
    # (date, variant) -> (its figures, qualifier, count of facts, lowest fact id)
    variant_rows: dict[tuple[str, str], tuple[Any, ...]] = {}
    stands_for: dict[tuple[str, str, str], list[int]] = {}  # (date, figure, statement) -> variants
    for date, group in groupby(grouped, key=itemgetter(0)):
        variants = []
        for i, row in enumerate(group):
            label = f"#{i}"  # one statement per variant, standing for its documents
            variants.append((label, row[1:-3], row[-3], row[-2]))
            variant_rows[(date, label)] = row[1:]
        out.append(_reconciled(date, names, variants, stands_for))
    _name_dissent(conn, (table, column, subject, session, names), out, variant_rows,
                  stands_for, evidence)
    return out


def _reconciled(
    date: str, names: tuple[str, ...], variants: list[tuple[str, tuple[Any, ...], Any, int]],
    stands_for: dict[tuple[str, str, str], list[int]],
) -> dict[str, Any]:
    """Reconcile each figure of one date. The variants that state a figure alike (the same
    value and qualifier, whatever their other figures) are one statement weighing as many
    sources as they have: reconcile counts sources, so the outcome is the same, and a figure
    every report states alike is one statement. ``stands_for`` records, per (date, figure,
    statement), the variants (their positions) a statement stands for."""
    figures: dict[str, Figure | None] = {}
    qualifiers = [qualifier or EXACT for _, _, qualifier, _ in variants]
    same_qualifier = qualifiers.count(qualifiers[0]) == len(qualifiers)
    total = sum(weight for _, _, _, weight in variants)
    for i, name in enumerate(names):
        column = [values[i] for _, values, _, _ in variants]
        if same_qualifier and column[0] is not None and column.count(column[0]) == len(column):
            # every source states the same figure (most days, most figures): nothing to weigh
            only = Statement(variants[0][0], float(column[0]), qualifiers[0], None, None, None,
                             None, False, None, total)
            stands_for[(date, name, only.source)] = list(range(len(variants)))
            figures[name] = Figure(only.value, only.qualifier, AGREED, [only], [])
            continue
        alike: dict[tuple[float, str], tuple[str, list[int], list[int]]] = {}
        for n, (label, values, qualifier, weight) in enumerate(variants):
            if values[i] is None:
                continue
            key = (float(values[i]), qualifier or EXACT)
            if key in alike:
                _, weights, members = alike[key]
                weights.append(weight)
                members.append(n)
            else:
                alike[key] = (label, [weight], [n])
        statements = []
        for (value, qualifier), (label, weights, members) in alike.items():
            statements.append(Statement(label, value, qualifier, None, None, None, None, False,
                                        None, sum(weights)))
            stands_for[(date, name, label)] = members
        if len(statements) == 1:
            # every source states the same figure (most days, most figures): nothing to weigh
            only = statements[0]
            figures[name] = Figure(only.value, only.qualifier, AGREED, statements, [])
        else:
            figures[name] = reconcile(statements)
    record: dict[str, Any] = {"date": date}
    for name in names:
        fig = figures[name]
        record[name] = fig.value if fig else None
    record["sources"] = total
    record["disputed"] = any(f is not None and f.disputed for f in figures.values())
    record["figures"] = figures
    return record


# SQLite's limit on the parameters of one statement is 32,766 (999 before 3.32): read in chunks.
_IDS_PER_QUERY = 900


def _variant_ids(
    conn: sqlite3.Connection, query: tuple[str, str, str, str, tuple[str, ...]], date: str,
    row: tuple[Any, ...],
) -> list[int]:
    """The ids of a variant's facts, in the order of the series index (as SQLite groups them)."""
    *values, qualifier, count, lowest = row
    if count == 1:
        return [lowest]
    table, column, subject, session, names = query
    alike = " AND ".join(f"{name} IS ?" for name in (*names, "qualifier"))
    return [i for (i,) in conn.execute(
        f"SELECT id FROM {table} WHERE {column} = ? AND record_session = ? AND date = ?"
        f" AND {alike} ORDER BY document_id, id",
        (subject, session, date, *values, qualifier),
    )]


_NO_EVIDENCE = ("", None, None, None, None)


def fact_evidence(conn: sqlite3.Connection, table: str, ids: list[int]) -> dict[int, tuple[Any, ...]]:
    """fact id -> (source, evidence text, start, end, line) of the facts ``ids`` of ``table``."""
    found: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(ids), _IDS_PER_QUERY):
        chunk = ids[start : start + _IDS_PER_QUERY]
        found.update(
            (row[0], row[1:])
            for row in conn.execute(
                f"SELECT m.id, d.source, m.evidence_text, m.evidence_start, m.evidence_end,"
                f" m.evidence_line FROM {table} m JOIN documents d ON d.id = m.document_id"
                f" WHERE m.id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        )
    return found


def _name_dissent(
    conn: sqlite3.Connection, query: tuple[str, str, str, str, tuple[str, ...]],
    records: list[dict[str, Any]], variant_rows: dict[tuple[str, str], tuple[Any, ...]],
    stands_for: dict[tuple[str, str, str], list[int]], evidence: bool = True,
) -> None:
    """Replace each dissenting statement by its facts: source, figure and evidence. The facts
    are listed in the order of their variants, as reconcile lists statements: the exact ones,
    then the bounds, or all in order when no figure has a majority."""
    table = query[0]
    wanted_variants: list[tuple[str, int]] = []
    for r in records:
        if not r["disputed"]:
            continue
        date = r["date"]
        for name, f in r["figures"].items():
            for s in f.dissenting if f is not None else ():
                wanted_variants.extend((date, n) for n in stands_for[(date, name, s.source)])
    by_variant: dict[tuple[str, int], list[int]] = {}
    for date, n in wanted_variants:
        if (date, n) not in by_variant:
            by_variant[(date, n)] = _variant_ids(conn, query, date, variant_rows[(date, f"#{n}")])
    wanted = sorted({i for found in by_variant.values() for i in found})
    found = (fact_evidence(conn, table, wanted) if evidence
             else dict.fromkeys(wanted, _NO_EVIDENCE))
    for r in records:
        if not r["disputed"]:
            continue
        date = r["date"]
        for name, f in r["figures"].items():
            if f is None or not f.dissenting:
                continue
            no_majority = f.value is None
            ranked = sorted(
                (
                    (not no_majority and s.qualifier != EXACT, n),
                    s,
                )
                for s in f.dissenting
                for n in stands_for[(date, name, s.source)]
            )  # each variant stands in one statement: no two ranks are equal
            f.dissenting = [
                Statement(found[i][0], s.value, s.qualifier, *found[i][1:], fact_id=i)
                for (_, n), s in ranked
                for i in by_variant[(date, n)]
                if i in found
            ]


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
