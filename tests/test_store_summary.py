"""The per-day summary behind `hkwrap series` (hkwrap/store/summary.py): after any sequence of
loads, replacements, re-loads and forgotten documents it holds exactly what reconciling the
facts gives, `series` answers from it as it answered from the facts, and a database made
before it existed is read from the facts until `load` builds it.

The documents are generated: a few dates and subjects, figures stated exactly, truncated,
mistyped, as bounds or not at all, so the days carry agreement, disputes, ties with no
majority and blanks.
"""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hkwrap.cli import app
from hkwrap.store import render, summary
from hkwrap.store.loader import Loader, hash_document
from hkwrap.store.schema import STORE_SCHEMA, connect
from hkwrap.store.series import _series, computed_series

DATES = ("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06")
LEVELS = {"HSI": 25_300.28, "HSCEI": 9_035.61}
STOCKS = {"00700": (612.5, -1.85), "09988": (151.2, 2.4), "00005": (88.65, 0.0)}
QUALIFIERS = ("exact", "exact", "exact", "over", "nearly", "about")


def _index_move(rng: random.Random, code: str, session: str | None) -> dict[str, Any]:
    truth = LEVELS[code]
    level = rng.choice((truth, truth, float(int(truth)), truth + 270.0, truth - 9.0, None))
    pct = rng.choice((1.24, 1.24, 1.2, 1.0, -1.24, None))
    return {"index": code, "name": code, "level": level, "change_pct": pct,
            "change_points": rng.choice((309.7, 309.7, 310.0, None)),
            "qualifier": rng.choice(QUALIFIERS), "session": session,
            "evidence": {"text": f"{code} at {level} ({pct}%)", "start": 3, "end": 40,
                         "line": rng.randint(1, 30)}}


def _stock_move(rng: random.Random, code: str) -> dict[str, Any]:
    price, pct = STOCKS[code]
    return {"code": code, "name": code, "name_zh": None,
            "change_pct": rng.choice((pct, pct, round(pct), pct + 3.0, None)),
            "price": rng.choice((price, price, float(int(price)), price * 1.1, None)),
            "currency": "HKD", "turnover": None, "qualifier": rng.choice(QUALIFIERS),
            "session": rng.choice((None, None, "midday")),
            "evidence": {"text": f"{code} moved", "start": 0, "end": 9, "line": 2}}


def _document(rng: random.Random, source: str) -> dict[str, Any]:
    indices = [_index_move(rng, code, rng.choice((None, None, "close", "midday")))
               for code in LEVELS for _ in range(rng.choice((1, 1, 1, 2)))]
    stocks = [_stock_move(rng, code) for code in rng.sample(sorted(STOCKS), rng.randint(0, 3))]
    return {"schema_version": 1, "source": source, "language": "en",
            "date": rng.choice((*DATES, None)), "indices": indices, "stocks": stocks,
            "mentions": [], "market": None, "levels": [], "warnings": [], "title": None,
            "metadata": {}}


def _load_history(conn: sqlite3.Connection, rng: random.Random, rounds: int) -> None:
    """Add, replace (a changed document under the same source), re-load unchanged and forget
    documents, in groups that mix all of these."""
    loader = Loader(conn, batch_docs=rng.randint(1, 9), batch_seconds=3600)
    sources = [f"inbox/{n:02d}.txt" for n in range(24)]
    last: dict[str, dict[str, Any]] = {}
    for _ in range(rounds):
        source = rng.choice(sources)
        again = source in last and rng.random() < 0.2  # the same content again: skipped
        doc = last[source] if again else _document(rng, source)
        last[source] = doc
        loader.add(doc, hash_document(doc), input_name="inbox", origin="json")
    loader.flush()
    # an article dropped from its input: forgotten with its facts
    kept = sorted(last)[: len(last) // 2]
    conn.execute("UPDATE documents SET origin = 'report'")
    loader.forget_others("inbox", kept, [hash_document(last[s]) for s in kept])


def _subjects(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return [("index", *row) for row in conn.execute(
        "SELECT DISTINCT index_code, record_session FROM index_moves ORDER BY 1, 2")] + [
        ("stock", *row) for row in conn.execute(
            "SELECT DISTINCT code, record_session FROM stock_moves ORDER BY 1, 2")]


def _outputs(rows: list[dict[str, Any]], kind: str) -> tuple[str, str, str]:
    """The series as `hkwrap series` prints it: CSV, JSON rows and the table."""
    plain = render.series_plain(rows, kind)
    return (render.to_csv(plain, render.SERIES_COLUMNS[kind]),
            json.dumps(plain, ensure_ascii=False, indent=1, allow_nan=False),
            render.series_table(rows, kind=kind, title="t", colour=False, width=160))


@pytest.mark.parametrize("seed", range(12))
def test_the_summary_is_what_the_facts_reconcile_to(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    conn = connect(tmp_path / "hk.db")
    try:
        _load_history(conn, rng, rounds=60)
        for kind in summary.SUMMARY_TABLES:
            assert summary.stored(conn, kind) == summary.recomputed(conn, kind)
        ranges = ((None, None), (DATES[1], DATES[3]), (DATES[4], None), ("2027-01-01", None))
        for kind, subject, session in _subjects(conn):
            for date_from, date_to in ranges:
                from_summary = _series(conn, kind, subject, session, date_from, date_to)
                from_facts = computed_series(conn, kind, subject, session,
                                             date_from=date_from, date_to=date_to)
                assert _outputs(from_summary, kind) == _outputs(from_facts, kind)
                assert [r["sources"] for r in from_summary] == [r["sources"] for r in from_facts]
    finally:
        conn.close()


def test_histories_cover_disputes_ties_and_bounds(tmp_path: Path) -> None:
    """The generated histories reach what the test above is about."""
    seen = {"disputed": 0, "no_majority": 0, "bound": 0, "blank": 0}
    for seed in range(12):
        conn = connect(tmp_path / f"{seed}.db")
        try:
            _load_history(conn, random.Random(seed), rounds=60)
            for rows in (summary.read(conn, "index", "HSI", "close", None, None),
                         _series(conn, "stock", "00700", "close", None, None)):
                for r in rows:
                    figs = [f for f in r["figures"].values()]
                    seen["disputed"] += r["disputed"]
                    seen["no_majority"] += any(f and f.value is None for f in figs)
                    seen["bound"] += any(f and f.qualifier != "exact" for f in figs)
                    seen["blank"] += any(f is None for f in figs)
        finally:
            conn.close()
    assert all(seen.values()), seen


def _as_schema_1(path: Path) -> None:
    """Make ``path`` what the previous hkwrap wrote: no summary tables, user_version 1."""
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE index_days; PRAGMA user_version = 1;")
    conn.close()


def test_a_database_from_before_the_summary_is_read_then_upgraded_by_load(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = tmp_path / "old.db"
    conn = connect(db)
    _load_history(conn, random.Random(3), rounds=60)
    expected = {kind: summary.stored(conn, kind) for kind in summary.SUMMARY_TABLES}
    conn.close()
    assert expected["index"]
    _as_schema_1(db)

    def answers() -> list[str]:
        return [runner.invoke(app, ["series", subject, "--db", str(db), "--format", fmt,
                                    "--session", session]).stdout
                for subject in ("HSI", "HSCEI", "00700") for session in ("close", "midday")
                for fmt in ("csv", "json", "table")]

    before = answers()  # read from the facts: `series` never writes
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == 1
    assert any("disputed" in a for a in before)

    # any load upgrades it, building the summary in the same transaction as the version
    _load_one_note(runner, db, tmp_path)
    conn = connect(db, create=False)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == STORE_SCHEMA
        assert summary.present(conn, "index") and not summary.present(conn, "stock")
        for kind in summary.SUMMARY_TABLES:
            assert summary.stored(conn, kind) == summary.recomputed(conn, kind)
        # the summary rows of the old history are those its loads had kept
        assert [r for r in summary.stored(conn, "index") if r[2] != "2026-03-09"] == expected[
            "index"]
        new_dates = {r[2] for r in summary.stored(conn, "index")} - {
            r[2] for r in expected["index"]}
        assert new_dates == {"2026-03-09"}
    finally:
        conn.close()
    after = answers()
    # the new report adds a row to the HSI close series only
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [0, 1, 2]
    assert "2026-03-09" in after[0] and "2026-03-09" not in before[0]


def test_setting_the_version_back_rebuilds_a_stale_summary(
    runner: CliRunner, tmp_path: Path
) -> None:
    """docs/store.md: a summary made stale by writing to the facts from an SQL client is
    rebuilt by the next load after ``PRAGMA user_version = 1``."""
    db = tmp_path / "hk.db"
    conn = connect(db)
    _load_history(conn, random.Random(5), rounds=40)
    conn.execute("UPDATE index_moves SET level = level + 100 WHERE index_code = 'HSI'")
    assert summary.stored(conn, "index") != summary.recomputed(conn, "index")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    _load_one_note(runner, db, tmp_path)
    conn = connect(db, create=False)
    try:
        for kind in summary.SUMMARY_TABLES:
            assert summary.stored(conn, kind) == summary.recomputed(conn, kind)
    finally:
        conn.close()


def _load_one_note(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    """Load one new report (9 March 2026, an HSI close) into ``db`` through the CLI."""
    report = tmp_path / "note.txt"
    report.write_text("Hang Seng Index rose 1.24% to close at 25,300.28 on March 9, 2026.\n",
                      encoding="utf-8")
    assert runner.invoke(app, ["load", str(db), str(report)]).exit_code == 0
