"""The market record (hkwrap/store): loading, re-loading, replacing, concurrent and interrupted
loads, the reconciled day, series across dates, and the README recipes, all on real SQLite files.

The reports in ``tests/store_reports/`` cover 2 to 4 March 2026 from three kinds of source (a
wire, a portal, a TV script in Traditional Chinese). On 2 March the portal mistypes the Hang
Seng close as 25,030.28 where the wire says 25,300.28 and the TV script's truncated 25300
agrees with the wire. The wire datelines give no year: loads pass ``--date``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import hkwrap.pipeline
import hkwrap.store.loader
from hkwrap.cli import app
from hkwrap.store import summary as day_summary
from hkwrap.store.reconcile import Statement, agree, reconcile, unit

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
REPORTS = HERE / "store_reports"
SAMPLES = REPO / "samples"
REFERENCE = "2026-03-04"  # the year for datelines that give none
ANSI = "\x1b["


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "hk.db"


@pytest.fixture
def loaded(runner: CliRunner, db: Path) -> Path:
    result = runner.invoke(app, ["load", "--date", REFERENCE, str(db), str(REPORTS)])
    assert result.exit_code == 0, result.stderr
    return db


def query(db: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def env_for_child(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HKWRAP_", "FORCE_COLOR"))}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["PYTHONPATH"] = str(REPO)
    return env


def assert_summary_matches_facts(db: Path) -> None:
    """The per-day summary `series` reads holds what reconciling the facts gives now."""
    conn = sqlite3.connect(db)
    try:
        for kind in day_summary.SUMMARY_TABLES:
            assert day_summary.stored(conn, kind) == day_summary.recomputed(conn, kind)
    finally:
        conn.close()


def summary(stderr: str) -> dict[str, int]:
    match = re.search(r"(\d+) added, (\d+) replaced, (\d+) unchanged \(skipped\)", stderr)
    assert match, stderr
    return dict(zip(("added", "replaced", "skipped"), map(int, match.groups()), strict=True))


# -- loading ------------------------------------------------------------------------------------


def test_load_writes_documents_facts_and_evidence(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["load", "--date", REFERENCE, str(db), str(REPORTS),
                                 str(SAMPLES)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert summary(result.stderr) == {"added": 16, "replaced": 0, "skipped": 0}

    docs = query(db, "SELECT source, date, language, content_hash, hkwrap_version,"
                     " schema_version, loaded_at FROM documents ORDER BY source")
    by_source = {d[0]: d for d in docs}
    wire = by_source[str(REPORTS / "wire_2026-03-02.txt")]
    assert wire[1:3] == ("2026-03-02", "en")
    assert re.fullmatch(r"[0-9a-f]{64}", wire[3])
    assert wire[4] == hkwrap.__version__ and wire[5] == 1
    assert by_source[str(SAMPLES / "newsapi_2026-04-17.json") + "#2"][2] == "zh-Hant"

    text = (REPORTS / "wire_2026-03-02.txt").read_text(encoding="utf-8")
    rows = query(db, "SELECT m.level, m.change_pct, m.change_points, m.record_session,"
                     " m.evidence_text, m.evidence_start, m.evidence_end FROM index_moves m"
                     " JOIN documents d ON d.id = m.document_id"
                     " WHERE d.source = ? AND m.index_code = 'HSI'", str(REPORTS / "wire_2026-03-02.txt"))
    assert len(rows) == 1
    level, pct, points, session, evidence, start, end = rows[0]
    assert (level, pct, points, session) == (25300.28, 1.21, 302.45, "close")
    assert text[start:end] == evidence and "25,300.28" in evidence

    stocks = query(db, "SELECT code, change_pct, price, evidence FROM stock_facts"
                       " WHERE source = ? ORDER BY code", str(REPORTS / "wire_2026-03-02.txt"))
    assert [s[:3] for s in stocks] == [("00700", 3.2, 612.5), ("03690", -1.5, 98.4),
                                       ("09988", 4.1, 158.3)]
    assert query(db, "SELECT name_zh FROM securities WHERE code = '00700'") == [("騰訊控股",)]
    mention = query(db, "SELECT text, evidence_text, evidence_start, evidence_end FROM mentions m"
                        " JOIN documents d ON d.id = m.document_id WHERE d.source = ?"
                        " AND code = '09988'", str(REPORTS / "wire_2026-03-02.txt"))[0]
    assert text[mention[2]:mention[3]] == mention[0] and mention[0] in mention[1]
    figures = dict(query(db, "SELECT figure, value FROM market_facts WHERE source = ?",
                         str(REPORTS / "tv_2026-03-02.txt")))
    assert figures == {"turnover": 265_300_000_000, "southbound": 6_410_000_000}


def test_schema_has_foreign_keys_indexes_views_and_wal(loaded: Path) -> None:
    conn = sqlite3.connect(loaded)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "index_days" in tables  # the per-day summary (since 2)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        fks = {t: {r[2] for r in conn.execute(f"PRAGMA foreign_key_list({t})")}
               for t in ("index_moves", "stock_moves", "mentions", "market_figures", "levels")}
        assert all("documents" in targets for targets in fks.values())
        assert "securities" in fks["stock_moves"]
        indexed = {r[0]: r[1] for r in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
        assert any("documents(date)" in sql for sql in indexed.values())
        assert any("(index_code, record_session, date," in sql for sql in indexed.values())
        assert any("stock_moves(code" in sql for sql in indexed.values())
        views = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='view'")}
        assert views == {"index_facts", "stock_facts", "market_facts", "mention_facts",
                         "level_facts", "index_closes"}
        # the plan for a series uses the index, not a scan of every move
        plan = " ".join(r[3] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT date, level FROM index_moves"
            " WHERE index_code = 'HSI' AND record_session = 'close' AND date BETWEEN ? AND ?",
            ("2026-03-01", "2026-03-31")))
        assert "index_moves_index_date" in plan
    finally:
        conn.close()


def test_deleting_a_document_deletes_its_facts(loaded: Path) -> None:
    conn = sqlite3.connect(loaded)
    conn.execute("PRAGMA foreign_keys = ON")
    before = conn.execute("SELECT count(*) FROM index_moves").fetchone()[0]
    doc = conn.execute("SELECT id FROM documents WHERE source LIKE '%wire_2026-03-02.txt'"
                       ).fetchone()[0]
    mine = conn.execute("SELECT count(*) FROM index_moves WHERE document_id = ?", (doc,)
                        ).fetchone()[0]
    conn.execute("DELETE FROM documents WHERE id = ?", (doc,))
    conn.commit()
    assert mine > 0
    assert conn.execute("SELECT count(*) FROM index_moves").fetchone()[0] == before - mine
    conn.close()


def test_reloading_the_same_content_changes_nothing(runner: CliRunner, loaded: Path) -> None:
    before = query(loaded, "SELECT id, source, content_hash, loaded_at FROM documents")
    facts = query(loaded, "SELECT count(*) FROM index_moves")
    result = runner.invoke(app, ["load", "--date", REFERENCE, str(loaded), str(REPORTS)])
    assert result.exit_code == 0, result.stderr
    assert summary(result.stderr) == {"added": 0, "replaced": 0, "skipped": 6}
    assert query(loaded, "SELECT id, source, content_hash, loaded_at FROM documents") == before
    assert query(loaded, "SELECT count(*) FROM index_moves") == facts


def test_the_same_report_under_another_path_is_not_counted_twice(
    runner: CliRunner, loaded: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "inbox" / "copy.txt"
    copy.parent.mkdir()
    shutil.copy(REPORTS / "wire_2026-03-02.txt", copy)
    result = runner.invoke(app, ["load", "--date", REFERENCE, str(loaded), str(copy)])
    assert summary(result.stderr)["skipped"] == 1
    assert query(loaded, "SELECT count(*) FROM documents WHERE source = ?", str(copy)) == [(0,)]


def test_a_changed_file_replaces_its_facts(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    report = tmp_path / "close.txt"
    report.write_text((REPORTS / "portal_2026-03-02.txt").read_text(encoding="utf-8"),
                      encoding="utf-8")
    assert runner.invoke(app, ["load", str(db), str(report)]).exit_code == 0
    old = query(db, "SELECT id, content_hash FROM documents")
    assert query(db, "SELECT level FROM index_moves WHERE index_code = 'HSI'") == [(25030.28,)]

    report.write_text(report.read_text(encoding="utf-8").replace("25,030.28", "25,300.28"),
                      encoding="utf-8")
    result = runner.invoke(app, ["load", str(db), str(report)])
    assert result.exit_code == 0, result.stderr
    assert summary(result.stderr) == {"added": 0, "replaced": 1, "skipped": 0}
    assert f"{report}: changed: facts replaced" in result.stderr
    new = query(db, "SELECT id, content_hash FROM documents")
    assert len(new) == 1 and new[0][1] != old[0][1]
    assert query(db, "SELECT level FROM index_moves WHERE index_code = 'HSI'") == [(25300.28,)]
    assert query(db, "SELECT level, sources FROM index_days WHERE index_code = 'HSI'") == [
        (25300.28, 1)]
    assert_summary_matches_facts(db)
    # nothing of the old version is left behind
    assert new[0][0] != old[0][0]
    assert query(db, "SELECT count(*) FROM index_moves WHERE document_id = ?", old[0][0]) == [(0,)]
    assert query(db, "SELECT count(*) FROM mentions WHERE document_id NOT IN"
                     " (SELECT id FROM documents)") == [(0,)]


def test_an_article_dropped_from_a_news_file_is_forgotten(
    runner: CliRunner, db: Path, tmp_path: Path
) -> None:
    news = tmp_path / "news.json"
    articles = json.loads((SAMPLES / "newsapi_2026-04-17.json").read_text(encoding="utf-8"))
    news.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(app, ["load", str(db), str(news)]).exit_code == 0
    count = len(query(db, "SELECT source FROM documents"))
    assert count >= 2
    holder = next(k for k, v in articles.items() if isinstance(v, list)) if isinstance(
        articles, dict) else None
    if holder:
        articles[holder] = articles[holder][:1]
    else:
        articles = articles[:1]
    news.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(app, ["load", str(db), str(news)]).exit_code == 0
    # the one article left is the first one, still loaded; the others are gone
    assert query(db, "SELECT source FROM documents") == [(f"{news}#1",)]
    assert query(db, "SELECT count(*) FROM index_moves WHERE document_id NOT IN"
                     " (SELECT id FROM documents)") == [(0,)]
    assert_summary_matches_facts(db)


def test_stdin_contents_stay_apart_and_repeat_is_skipped(runner: CliRunner, db: Path) -> None:
    one = (REPORTS / "wire_2026-03-03.txt").read_text(encoding="utf-8")
    two = (REPORTS / "wire_2026-03-04.txt").read_text(encoding="utf-8")
    for text in (one, two, one):
        result = runner.invoke(app, ["load", "--date", REFERENCE, str(db), "-"], input=text)
        assert result.exit_code == 0, result.stderr
    assert summary(result.stderr) == {"added": 0, "replaced": 0, "skipped": 1}
    assert query(db, "SELECT source, date FROM documents ORDER BY date") == [
        ("-", "2026-03-03"), ("-", "2026-03-04")]


def test_hkwrap_jsonl_output_loads_with_the_same_facts(
    runner: CliRunner, db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", "--date", REFERENCE, "--format", "jsonl",
                                 "-o", str(out), str(REPORTS)])
    assert result.exit_code == 0, result.stderr
    via_json = tmp_path / "json.db"
    assert runner.invoke(app, ["load", str(via_json), str(out)]).exit_code == 0
    as_array = tmp_path / "array.db"
    array = runner.invoke(app, ["extract", "--date", REFERENCE, "--format", "json",
                                str(REPORTS)]).stdout
    result = runner.invoke(app, ["load", str(as_array), "-"], input=array)
    assert result.exit_code == 0, result.stderr
    assert runner.invoke(app, ["load", "--date", REFERENCE, str(db), str(REPORTS)]).exit_code == 0

    sql = ("SELECT d.source, d.date, m.index_code, m.record_session, m.level, m.change_pct,"
           " m.evidence_text FROM index_moves m JOIN documents d ON d.id = m.document_id"
           " ORDER BY 1, 3, 4, 5")
    direct = query(db, sql)
    assert len(direct) >= 10
    assert query(via_json, sql) == direct
    assert query(as_array, sql) == direct
    assert query(via_json, "SELECT DISTINCT origin FROM documents") == [("json",)]
    # loading the same output again is skipped
    again = runner.invoke(app, ["load", str(via_json), str(out)])
    assert summary(again.stderr)["skipped"] == 6


def test_hkwrap_json_output_with_a_byte_order_mark_loads(
    runner: CliRunner, db: Path, tmp_path: Path
) -> None:
    array = runner.invoke(app, ["extract", "--date", REFERENCE, "--format", "json",
                                str(REPORTS / "wire_2026-03-03.txt")]).stdout
    saved = tmp_path / "saved.json"
    saved.write_bytes(b"\xef\xbb\xbf" + array.encode("utf-8"))  # as Windows tools write it
    result = runner.invoke(app, ["load", str(db), str(saved)])
    assert result.exit_code == 0, result.stderr
    assert query(db, "SELECT source, date, origin, input FROM documents") == [
        (str(REPORTS / "wire_2026-03-03.txt"), "2026-03-03", "json", str(saved))]


def test_extract_options_apply(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    wire = str(REPORTS / "wire_2026-03-03.txt")
    assert runner.invoke(app, ["load", str(db), wire]).exit_code == 0
    assert query(db, "SELECT date FROM documents") == [(None,)]  # no year, no --date
    result = runner.invoke(app, ["load", "--force", "--date", REFERENCE, str(db), wire])
    assert result.exit_code == 0
    assert query(db, "SELECT date FROM documents") == [("2026-03-03",)]

    aliases = tmp_path / "aliases.yaml"
    aliases.write_text('- code: "02015"\n  name: Li Auto\n  aliases: [Lixiang]\n',
                       encoding="utf-8")
    report = tmp_path / "lixiang.txt"
    report.write_text("Hong Kong, March 3, 2026. Lixiang jumped 6.2% to HK$88.40.\n",
                      encoding="utf-8")
    result = runner.invoke(app, ["load", "--aliases", str(aliases), str(db), str(report)])
    assert result.exit_code == 0, result.stderr
    assert query(db, "SELECT code, change_pct FROM stock_facts WHERE source = ?",
                 str(report)) == [("02015", 6.2)]
    missing = runner.invoke(app, ["load", "--aliases", str(tmp_path / "nope.yaml"), str(db),
                                  str(report)])
    assert missing.exit_code == 2


def test_a_bad_input_is_named_and_the_others_still_load(
    runner: CliRunner, db: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01PDF\x00" * 20)
    result = runner.invoke(app, ["load", "--date", REFERENCE, str(db), str(bad),
                                 str(REPORTS / "wire_2026-03-03.txt")])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and str(bad) in errors[0]
    assert query(db, "SELECT count(*) FROM documents") == [(1,)]


def test_day_and_series_refuse_a_missing_database(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    for args in (["day", "2026-03-02", "--db", str(missing)],
                 ["series", "HSI", "--db", str(missing)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert "no such database" in result.stderr
    assert not missing.exists()


# -- concurrency and interruption (real processes) ----------------------------------------------


# The first 28 trading days (weekdays) of the reference year: a report dated a weekend day
# reports the Friday before's session, so the variants' days must be weekdays to stay distinct.
_TRADING_DAYS = [
    d for d in (dt.date(int(REFERENCE[:4]), 1, 1) + dt.timedelta(days=k) for k in range(42)) if d.weekday() < 5
][:28]


def _variants(folder: Path, count: int, start: int) -> None:
    """``count`` distinct closing reports of consecutive trading days, levels varied."""
    folder.mkdir(parents=True, exist_ok=True)
    base = (REPORTS / "wire_2026-03-03.txt").read_text(encoding="utf-8")
    for i in range(start, start + count):
        day = _TRADING_DAYS[i % len(_TRADING_DAYS)]
        text = base.replace("March 3", f"{day:%B} {day.day}").replace(
            "25,085.22", f"25,{100 + i:03d}.{i % 100:02d}")
        (folder / f"r{i:03d}.txt").write_text(text, encoding="utf-8")


def test_two_loaders_at_once_both_succeed(db: Path, tmp_path: Path) -> None:
    _variants(tmp_path / "a", 25, 0)
    _variants(tmp_path / "b", 25, 25)
    shared = tmp_path / "shared"
    _variants(shared, 10, 50)
    cmd = [sys.executable, "-m", "hkwrap", "load", "--date", REFERENCE, str(db)]
    procs = [
        subprocess.Popen([*cmd, str(tmp_path / name), str(shared)], env=env_for_child(tmp_path),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("a", "b")
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err
    counts = [summary(err) for _, err in outs]
    # each of its own 25 added; the 10 shared ones added by exactly one of them
    assert sum(c["added"] for c in counts) == 60
    assert sum(c["skipped"] for c in counts) == 10
    assert query(db, "SELECT count(*) FROM documents") == [(60,)]
    assert query(db, "SELECT count(DISTINCT source) FROM documents") == [(60,)]
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert query(db, "SELECT count(*) FROM index_moves WHERE index_code = 'HSI'") == [(60,)]
    # both loaders kept the summary of the dates they share (the 28 trading days of the variants)
    assert query(db, "SELECT count(*), sum(sources) FROM index_days WHERE index_code = 'HSI'"
                     " AND record_session = 'close'") == [(28, 60)]
    assert_summary_matches_facts(db)


KILL_SCRIPT = """
import os, signal, sys
import hkwrap.store.loader as loader
calls = 0
original = loader._market_rows
def market_rows_then_die(market):
    # called half-way through writing a document: after its row, securities, index and
    # stock moves and mentions, before its market figures and levels
    global calls
    calls += 1
    if calls == {nth}:
        os.kill(os.getpid(), signal.{signal})
    return original(market)
loader._market_rows = market_rows_then_die
from hkwrap.cli import main
sys.argv = ["hkwrap", *sys.argv[1:]]
main()
"""


def _snapshot(db: Path) -> list[Any]:
    return [query(db, f"SELECT * FROM {t} ORDER BY id") for t in (
        "documents", "index_moves", "stock_moves", "mentions", "market_figures", "levels")] + [
        query(db, "SELECT * FROM index_days ORDER BY 1, 2, 3")]


@pytest.mark.parametrize("sig", ["SIGKILL", "SIGTERM"])
def test_a_load_killed_mid_document_leaves_the_database_as_before_it(
    db: Path, tmp_path: Path, sig: str
) -> None:
    inbox = tmp_path / "inbox"
    _variants(inbox, 3, 0)
    script = tmp_path / "die.py"
    # r000 is loaded first; the killed run skips it (unchanged, never extracted) and dies
    # half-way through writing r001, the first document it writes
    script.write_text(KILL_SCRIPT.format(nth=1, signal=sig), encoding="utf-8")
    env = env_for_child(tmp_path)
    first = subprocess.run([sys.executable, "-m", "hkwrap", "load", str(db),
                            str(inbox / "r000.txt")], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = _snapshot(db)

    killed = subprocess.run([sys.executable, str(script), "load", str(db), str(inbox)],
                            env=env, capture_output=True, text=True, timeout=120)
    assert killed.returncode == (-9 if sig == "SIGKILL" else 143), killed.stderr
    assert _snapshot(db) == before
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert_summary_matches_facts(db)

    again = subprocess.run([sys.executable, "-m", "hkwrap", "load", str(db), str(inbox)],
                           env=env, capture_output=True, text=True)
    assert again.returncode == 0
    assert summary(again.stderr) == {"added": 2, "replaced": 0, "skipped": 1}
    assert_summary_matches_facts(db)


def test_an_interrupted_replacement_keeps_the_old_version(
    runner: CliRunner, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "close.txt"
    report.write_text((REPORTS / "portal_2026-03-02.txt").read_text(encoding="utf-8"),
                      encoding="utf-8")
    assert runner.invoke(app, ["load", str(db), str(report)]).exit_code == 0
    before = _snapshot(db)
    report.write_text(report.read_text(encoding="utf-8").replace("25,030.28", "25,300.28"),
                      encoding="utf-8")

    def interrupted(market: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(hkwrap.store.loader, "_market_rows", interrupted)
    result = runner.invoke(app, ["load", str(db), str(report)])
    assert result.exit_code == 130
    assert "the document being loaded was not written" in result.stderr
    assert _snapshot(db) == before
    assert query(db, "SELECT level FROM index_days WHERE index_code = 'HSI'") == [(25030.28,)]


# -- day ----------------------------------------------------------------------------------------


def day_json(runner: CliRunner, db: Path, date: str, *extra: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["day", date, "--db", str(db), "--format", "json", *extra])
    return result.exit_code, json.loads(result.stdout)


def test_day_flags_the_disputed_close_and_keeps_the_agreed_figures(
    runner: CliRunner, loaded: Path
) -> None:
    code, record = day_json(runner, loaded, "2026-03-02")
    assert code == 0
    assert len(record["documents"]) == 3
    hsi = next(m for m in record["indices"] if m["index"] == "HSI" and m["session"] == "close")
    level = hsi["level"]
    assert level["status"] == "disputed"
    assert level["value"] == 25300.28  # the wire, with the TV script's truncated 25300
    assert level["sources"] == 2
    assert [s.rsplit("/", 1)[1] for s in level["stated_by"]] == [
        "tv_2026-03-02.txt", "wire_2026-03-02.txt"]
    [dissent] = level["dissent"]
    assert dissent["source"].endswith("portal_2026-03-02.txt") and dissent["value"] == 25030.28
    text = (REPORTS / "portal_2026-03-02.txt").read_text(encoding="utf-8")
    ev = dissent["evidence"]
    assert text[ev["start"]:ev["end"]] == ev["text"] and "25,030.28" in ev["text"]
    # the other figures of that move agree across all three (302 truncates 302.45)
    assert hsi["change_points"]["status"] == "agreed" and hsi["change_points"]["sources"] == 3
    assert hsi["change_pct"]["value"] == 1.21 and hsi["change_pct"]["sources"] == 3
    turnover = next(m for m in record["market"] if m["figure"] == "turnover")
    assert turnover["value"]["value"] == 265_300_000_000 and turnover["value"]["sources"] == 3
    assert [d["subject"] for d in record["disputes"]] == ["HSI"]
    assert [g["code"] for g in record["gainers"]] == ["09988", "00700"]
    assert [g["code"] for g in record["losers"]] == ["03690"]


def test_day_strict_exits_3_only_when_a_figure_is_disputed(
    runner: CliRunner, loaded: Path
) -> None:
    assert day_json(runner, loaded, "2026-03-02", "--strict")[0] == 3
    code, record = day_json(runner, loaded, "2026-03-04", "--strict")
    assert code == 0 and record["disputes"] == []
    hsi = record["indices"][0]
    assert (hsi["index"], hsi["level"]["value"], hsi["level"]["sources"]) == ("HSI", 25341.09, 2)


def test_day_formats(runner: CliRunner, loaded: Path) -> None:
    args = ["day", "2026-03-02", "--db", str(loaded)]
    table = runner.invoke(app, [*args, "--format", "table"])
    assert table.exit_code == 0
    assert ANSI not in table.stdout  # a pipe: plain text
    assert "DISPUTED: level" in table.stdout and "25,300.28 !" in table.stdout
    assert "says 25,030.28" in table.stdout

    md = runner.invoke(app, [*args, "--format", "md"]).stdout
    assert md.startswith("# Market record 2026-03-02: 3 reports; 1 figure DISPUTED")
    assert "## Disputed figures" in md and "| HSI | close | 25,300.28 ! |" in md

    rows = runner.invoke(app, [*args, "--format", "csv"]).stdout.splitlines()
    assert rows[0] == ("date,kind,subject,name,session,figure,value,currency,qualifier,status,"
                       "sources,stated_by,dissent")
    level = next(r for r in rows if ",HSI," in r and ",level," in r)
    assert ",25300.28,," in level and ",disputed,2," in level and ": 25030.28" in level

    colour = runner.invoke(app, [*args, "--format", "table"], env={"FORCE_COLOR": "1"})
    assert ANSI in colour.stdout
    no_colour = runner.invoke(app, [*args, "--format", "table"],
                              env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert ANSI not in no_colour.stdout


def test_a_day_without_reports_is_empty_not_an_error(runner: CliRunner, loaded: Path) -> None:
    result = runner.invoke(app, ["day", "2026-03-09", "--db", str(loaded), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents"] == []
    assert "no report of 2026-03-09" in result.stderr


AGREEMENT = [
    # (a, b, agree?) exact figures, as two sources might state them
    (24802.56, 24802.0, True),  # a truncated headline
    (24801.9, 24802.0, True),  # rounded
    (25300.28, 25030.28, False),  # a typo
    (25300.28, 25300.29, False),  # same precision, different figure
    (325.7e9, 325.68e9, True),  # HK$325.7bn against HK$325.68bn
    (325.7e9, 326.1e9, False),
    (2.45, 2.0, True),  # "up 2%" beside "up 2.45%"
    (-1.21, 1.21, False),  # a sign is a figure too
    (-0.96, -0.9, True),
]


@pytest.mark.parametrize(("a", "b", "expected"), AGREEMENT, ids=lambda v: str(v))
def test_agreement_is_to_the_precision_stated(a: float, b: float, expected: bool) -> None:
    assert agree(Statement("x", a), Statement("y", b)) is expected
    assert agree(Statement("y", b), Statement("x", a)) is expected


def test_precision_units() -> None:
    assert unit(24802.56) == pytest.approx(0.01)
    assert unit(24802.0) == 1
    assert unit(325_700_000_000) == 1e8
    assert unit(1100, exact_count=True) == 1


def test_reconcile_never_averages_and_leaves_ties_open() -> None:
    tie = reconcile([Statement("a", 25300.28), Statement("b", 25030.28)])
    assert tie is not None and tie.value is None and tie.disputed and len(tie.dissenting) == 2
    bound = reconcile([Statement("a", -3.11), Statement("b", -3.0, "over")])
    assert bound is not None and bound.value == -3.11 and not bound.disputed
    broken = reconcile([Statement("a", -2.1), Statement("b", -3.0, "over")])
    assert broken is not None and broken.value == -2.1 and broken.disputed
    assert [s.source for s in broken.dissenting] == ["b"]


# -- series -------------------------------------------------------------------------------------


def series(runner: CliRunner, db: Path, *args: str) -> Any:
    result = runner.invoke(app, ["series", *args, "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return result


def test_index_series_across_dates(runner: CliRunner, loaded: Path) -> None:
    data = json.loads(series(runner, loaded, "HSI", "--format", "json").stdout)
    assert (data["kind"], data["subject"], data["session"]) == ("index", "HSI", "close")
    rows = data["rows"]
    assert [r["date"] for r in rows] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    assert [r["level"] for r in rows] == [25300.28, 25085.22, 25341.09]
    assert [r["change_pct"] for r in rows] == [1.21, -0.85, 1.02]
    assert [r["sources"] for r in rows] == [3, 1, 2]
    assert [r["status"] for r in rows] == ["disputed", "agreed", "agreed"]
    [dissent] = rows[0]["dissent"]["level"]
    assert dissent["value"] == 25030.28 and dissent["source"].endswith("portal_2026-03-02.txt")
    assert "25,030.28" in dissent["evidence"]["text"]

    window = series(runner, loaded, "恒指", "--from", "2026-03-03", "--to", "2026-03-04").stdout
    assert window.splitlines() == [
        "date,level,change_points,change_pct,sources,status",
        "2026-03-03,25085.22,-215.06,-0.85,1,agreed",
        "2026-03-04,25341.09,255.87,1.02,2,agreed",
    ]


def test_stock_series_resolves_codes_and_names(runner: CliRunner, loaded: Path) -> None:
    by_code = series(runner, loaded, "00700").stdout
    assert by_code.splitlines()[1:] == [
        "2026-03-02,612.5,3.2,3,agreed",
        "2026-03-03,605.8,-1.1,1,agreed",
        "2026-03-04,617.9,2,2,agreed",
    ]
    for name in ("騰訊", "700.HK", "Tencent Holdings"):
        assert series(runner, loaded, name).stdout == by_code
    unknown = runner.invoke(app, ["series", "Tencnet Holdngs", "--db", str(loaded)])
    assert unknown.exit_code == 1 and "no index or security matches" in unknown.stderr


def test_series_table_draws_a_chart(runner: CliRunner, loaded: Path) -> None:
    out = series(runner, loaded, "HSI", "--format", "table").stdout
    assert ANSI not in out
    first = out.splitlines()[0]
    assert first.startswith("HSI Hang Seng Index, close") and first.endswith("▇▁█")
    rows = {line.split()[0]: line for line in out.splitlines()
            if line[:4] == "2026" and " says " not in line}
    bars = {d: len(line.rstrip().split()[-1]) for d, line in rows.items() if "█" in line}
    # the highest close gets the longest bar, the lowest the shortest
    assert bars["2026-03-04"] > bars["2026-03-02"]
    assert rows["2026-03-03"].rstrip().endswith("▏")
    assert "2026-03-02 level:" in out and "says 25,030.28" in out


# -- the README recipes -------------------------------------------------------------------------


def _readme_block(kind: str, after: str) -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(after):]
    return re.search(rf"```{kind}\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


def test_cron_recipe_loads_the_inbox_and_mails_the_day(tmp_path: Path) -> None:
    """The README's crontab line, run by sh twice, with `mail` and `date` replaced by stubs:
    `mail` writes what it would send into outbox/, `date` says it is 2 March 2026."""
    line = _readme_block("cron", "### The market record").strip()
    command = line.split(None, 5)[5].replace("\\%", "%").replace("cd /srv/hk", f"cd {tmp_path}")
    (tmp_path / "inbox").mkdir()
    for report in REPORTS.glob("*_2026-03-02.txt"):
        shutil.copy(report, tmp_path / "inbox" / report.name)
    (tmp_path / "data").mkdir()
    (tmp_path / "logs").mkdir()
    stubs = tmp_path / "bin"
    stubs.mkdir()
    (stubs / "mail").write_text(textwrap.dedent(f"""\
        #!/bin/sh
        n=$(ls {tmp_path}/outbox 2>/dev/null | wc -l)
        mkdir -p {tmp_path}/outbox
        {{ echo "args: $*"; cat; }} > {tmp_path}/outbox/mail$n.txt
        """))
    (stubs / "date").write_text("#!/bin/sh\necho 2026-03-02\n")
    hkwrap_bin = Path(sys.executable).parent / "hkwrap"
    if hkwrap_bin.exists():
        (stubs / "hkwrap").symlink_to(hkwrap_bin)
    else:
        (stubs / "hkwrap").write_text(f'#!/bin/sh\nexec {sys.executable} -m hkwrap "$@"\n')
    for stub in stubs.iterdir():
        stub.chmod(0o755)
    env = env_for_child(tmp_path)
    env["PATH"] = f"{stubs}:{env['PATH']}"
    for _ in range(2):  # the second evening run re-loads the same inbox: nothing changes
        done = subprocess.run(["sh", "-c", command], env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
    mails = sorted((tmp_path / "outbox").iterdir())
    assert len(mails) == 2
    first = mails[0].read_text(encoding="utf-8")
    assert first.startswith("args: -s HK market 2026-03-02 desk@example.com\n")
    assert "# Market record 2026-03-02: 3 reports; 1 figure DISPUTED" in first
    assert "25,030.28" in first
    assert mails[1].read_text(encoding="utf-8") == first
    assert query(tmp_path / "data" / "hk.db", "SELECT count(*) FROM documents") == [(3,)]
    assert (tmp_path / "logs" / "hkwrap.log").read_text() == ""  # -q: no errors, no notes


def test_datasette_recipe_queries_run_on_the_views(loaded: Path) -> None:
    """Datasette is not installed here: the recipe's SQL runs through sqlite3 on the views it
    names, which is what Datasette would run."""
    sql = _readme_block("sql", "With [Datasette]")
    statements = [s.strip() for s in sql.split(";") if s.strip()]
    assert len(statements) == 3
    conn = sqlite3.connect(loaded)
    try:
        results = [conn.execute(re.sub(r"^--.*$", "", s, flags=re.M)).fetchall()
                   for s in statements]
    finally:
        conn.close()
    closes, tencent, southbound = results
    assert [r[:2] for r in closes if r[0] == "2026-03-02"] == [
        ("2026-03-02", 25030.28), ("2026-03-02", 25300.0), ("2026-03-02", 25300.28)]
    assert {r[0] for r in tencent} == {"2026-03-02", "2026-03-03", "2026-03-04"}
    assert all(r[4] for r in tencent)  # each with its sentence
    assert {round(r[1], 2) for r in southbound} == {6.41}


def test_a_document_that_fails_to_write_is_rolled_back_alone(
    runner: CliRunner, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = hkwrap.store.loader._market_rows

    def fails_for_the_tv_script(market: Any) -> Any:
        if market and (market.get("turnover") or {}).get("value") == 265_300_000_000 and (
                market.get("southbound") or {}).get("value") == 6_410_000_000:
            # the TV script and the wire both state these; fail half-way through writing one
            raise ValueError("disk says no")
        return original(market)

    monkeypatch.setattr(hkwrap.store.loader, "_market_rows", fails_for_the_tv_script)
    result = runner.invoke(app, ["load", "--date", REFERENCE, str(db), str(REPORTS)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 2 and all("disk says no" in e for e in errors)
    assert {e.split(": ")[2].rsplit("/", 1)[1] for e in errors} == {
        "tv_2026-03-02.txt", "wire_2026-03-02.txt"}
    assert summary(result.stderr)["added"] == 4
    loaded = {s.rsplit("/", 1)[1] for (s,) in query(db, "SELECT source FROM documents")}
    assert loaded == {"portal_2026-03-02.txt", "portal_2026-03-04.txt", "wire_2026-03-03.txt",
                      "wire_2026-03-04.txt"}
    for table in ("index_moves", "stock_moves", "mentions", "securities"):
        assert query(db, f"SELECT count(*) FROM {table}")[0][0] > 0
    assert query(db, "SELECT count(*) FROM index_moves WHERE document_id NOT IN"
                     " (SELECT id FROM documents)") == [(0,)]
    assert query(db, "SELECT count(*) FROM mentions WHERE document_id NOT IN"
                     " (SELECT id FROM documents)") == [(0,)]
    assert_summary_matches_facts(db)


def test_a_bound_is_shown_as_a_bound(runner: CliRunner, db: Path) -> None:
    """The TV script says Tencent fell nearly 2% (近2%): a bound, never passed off as -2.00%."""
    sample = str(SAMPLES / "zh-hant_tv_close_2026-01-15.txt")
    assert runner.invoke(app, ["load", str(db), sample]).exit_code == 0
    rows = json.loads(series(runner, db, "00700", "--format", "json").stdout)["rows"]
    assert [(r["date"], r["change_pct"], r.get("qualifiers")) for r in rows] == [
        ("2026-01-15", -2.0, {"change_pct": "nearly"})]
    table = series(runner, db, "00700", "--format", "table").stdout
    assert "nearly -2.00%" in table


def test_ctrl_c_while_extracting_keeps_the_documents_before_it(
    runner: CliRunner, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents are committed in groups: those extracted before Ctrl-C are still written."""
    original = hkwrap.pipeline.extract_source
    seen: list[str] = []

    def interrupted_at_the_third(src: Any, options: Any = None) -> Any:
        seen.append(src.name)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return original(src, options)

    monkeypatch.setattr(hkwrap.pipeline, "extract_source", interrupted_at_the_third)
    result = runner.invoke(app, ["load", "--date", REFERENCE, str(db), str(REPORTS)])
    assert result.exit_code == 130
    assert summary(result.stderr)["added"] == 2
    assert sorted(s for (s,) in query(db, "SELECT source FROM documents")) == sorted(seen[:2])
    assert query(db, "SELECT count(*) FROM index_days")[0][0] > 0
    assert_summary_matches_facts(db)
