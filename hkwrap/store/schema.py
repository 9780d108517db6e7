"""The market record's SQLite schema, and opening a database safely for cron.

Tables (documented in docs/store.md): ``documents``, one row per report loaded, and one table
per kind of fact (``index_moves``, ``stock_moves``, ``mentions``, ``market_figures``,
``levels``), each row tied to its document by a foreign key that cascades on delete, so
replacing a document replaces its facts. ``securities`` holds every security a loaded report
names. ``index_days`` (hkwrap/store/summary.py) holds each date's reconciled index series
row, kept by the loader in the transaction that changes the facts. Views with plain
names (``index_facts`` ...) join each fact to its document for Datasette or any SQL client.

Every connection runs in WAL mode with a busy timeout, so readers never block the loader and
two loaders wait for each other instead of failing. The database's own layout is versioned in
``PRAGMA user_version`` (``STORE_SCHEMA``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from hkwrap.errors import HkwrapError
from hkwrap.store import summary

# bump when a table or column is renamed or removed, or a derived table added (and migrate):
# 2 added the per-day summary (index_days), built from the facts on upgrade
STORE_SCHEMA = 2
# How long a connection waits for another process's write lock before giving up. A loader
# holds the lock only while it writes one document (milliseconds), so a minute is generous
# even for several cron jobs at once, yet short enough that a stuck job is reported.
BUSY_TIMEOUT_S = 60.0
# Opening a database can race another process that is creating it or switching it to WAL;
# SQLite then reports "locked" without waiting. Retry this often, this far apart.
OPEN_RETRIES = 200
OPEN_RETRY_PAUSE_S = 0.05


class StoreError(HkwrapError):
    """The database cannot be opened or is not a market record this version understands."""


TABLES: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS documents (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: a link to a document stays its
    source_key      TEXT NOT NULL UNIQUE,  -- what a reload replaces: the source, or '-@<hash>' for stdin
    source          TEXT NOT NULL,         -- the path as given ('-' for stdin, 'file.json#2')
    input           TEXT,                  -- the input it was read from (a file, '-', a JSONL file)
    content_hash    TEXT NOT NULL,         -- sha256 of the decoded text and metadata (or of the JSON document)
    date            TEXT,                  -- trading day covered, YYYY-MM-DD
    session         TEXT,                  -- the report's session: close, midday or open (from its index moves)
    language        TEXT,
    title           TEXT,
    loaded_at       TEXT NOT NULL,         -- UTC, ISO 8601
    hkwrap_version  TEXT NOT NULL,         -- the hkwrap that extracted it
    schema_version  INTEGER NOT NULL,      -- hkwrap's output schema_version of the document
    origin          TEXT NOT NULL,         -- 'report' (extracted by load) or 'json' (hkwrap output)
    warnings        TEXT NOT NULL DEFAULT '[]'  -- JSON list
)""",
    """CREATE TABLE IF NOT EXISTS securities (
    code     TEXT PRIMARY KEY,  -- 5-digit HKEX code
    name     TEXT,
    name_zh  TEXT
)""",
    """CREATE TABLE IF NOT EXISTS index_moves (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date              TEXT,      -- the document's date, repeated for the (index_code, date) index
    index_code        TEXT NOT NULL,
    name              TEXT,
    level             REAL,
    change_pct        REAL,
    change_points     REAL,
    qualifier         TEXT,
    session           TEXT,      -- as stated (NULL when the sentence names none)
    record_session    TEXT,      -- as stated, else the document's: what `day` and `series` use
    evidence_text     TEXT,
    evidence_start    INTEGER,
    evidence_end      INTEGER,
    evidence_line     INTEGER,
    restated          TEXT NOT NULL DEFAULT '[]'  -- JSON list of further evidence
)""",
    """CREATE TABLE IF NOT EXISTS stock_moves (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date              TEXT,
    code              TEXT NOT NULL REFERENCES securities(code),
    name              TEXT,
    name_zh           TEXT,
    change_pct        REAL,
    price             REAL,
    currency          TEXT,
    turnover          REAL,
    qualifier         TEXT,
    session           TEXT,
    record_session    TEXT,
    evidence_text     TEXT,
    evidence_start    INTEGER,
    evidence_end      INTEGER,
    evidence_line     INTEGER,
    restated          TEXT NOT NULL DEFAULT '[]'
)""",
    """CREATE TABLE IF NOT EXISTS mentions (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date              TEXT,
    code              TEXT NOT NULL REFERENCES securities(code),
    name              TEXT,
    text              TEXT,      -- the words as written
    evidence_text     TEXT,      -- the line naming it (NULL when loaded from JSON output)
    evidence_start    INTEGER,   -- offsets of the words in the decoded report
    evidence_end      INTEGER
)""",
    """CREATE TABLE IF NOT EXISTS market_figures (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date              TEXT,
    figure            TEXT NOT NULL,  -- turnover, southbound, northbound, advancers, decliners, unchanged, short_selling_ratio
    value             REAL NOT NULL,
    currency          TEXT,           -- for amounts
    qualifier         TEXT,
    record_session    TEXT,           -- the document's session
    evidence_text     TEXT,
    evidence_start    INTEGER,
    evidence_end      INTEGER,
    evidence_line     INTEGER
)""",
    """CREATE TABLE IF NOT EXISTS levels (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date              TEXT,
    index_code        TEXT NOT NULL,
    kind              TEXT NOT NULL,  -- support, resistance, target
    value             REAL NOT NULL,
    evidence_text     TEXT,
    evidence_start    INTEGER,
    evidence_end      INTEGER,
    evidence_line     INTEGER
)""",
)

# A day's facts are found through documents(date) and each table's document_id index (which
# ON DELETE CASCADE needs anyway); a separate date index per fact table would cost every load
# more than it saves `day`.
INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS documents_date ON documents(date)",
    "CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash)",
    "CREATE INDEX IF NOT EXISTS documents_input ON documents(input)",
    "CREATE INDEX IF NOT EXISTS index_moves_document ON index_moves(document_id)",
    # series: covering (every column the query reads), so a long history never reads the table
    "CREATE INDEX IF NOT EXISTS index_moves_index_date ON index_moves(index_code, record_session,"
    " date, level, change_points, change_pct, qualifier, document_id)",
    "CREATE INDEX IF NOT EXISTS stock_moves_document ON stock_moves(document_id)",
    "CREATE INDEX IF NOT EXISTS stock_moves_code_date ON stock_moves(code, record_session, date,"
    " price, change_pct, qualifier, document_id)",
    "CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id)",
    "CREATE INDEX IF NOT EXISTS mentions_code_date ON mentions(code, date)",
    "CREATE INDEX IF NOT EXISTS market_figures_document ON market_figures(document_id)",
    "CREATE INDEX IF NOT EXISTS levels_document ON levels(document_id)",
    "CREATE INDEX IF NOT EXISTS levels_index_date ON levels(index_code, date)",
)

_SOURCE_COLUMNS = "d.source, d.title, d.language, d.loaded_at"

VIEWS: tuple[str, ...] = (
    f"""CREATE VIEW IF NOT EXISTS index_facts AS
SELECT m.date, m.index_code AS "index", m.name, m.record_session AS session, m.level,
       m.change_pct, m.change_points, m.qualifier, {_SOURCE_COLUMNS},
       m.evidence_text AS evidence, m.evidence_start, m.evidence_end, m.document_id
FROM index_moves m JOIN documents d ON d.id = m.document_id""",
    f"""CREATE VIEW IF NOT EXISTS stock_facts AS
SELECT m.date, m.code, COALESCE(m.name, s.name) AS name, COALESCE(m.name_zh, s.name_zh) AS name_zh,
       m.change_pct, m.price, m.currency, m.turnover, m.qualifier, m.record_session AS session,
       {_SOURCE_COLUMNS}, m.evidence_text AS evidence, m.evidence_start, m.evidence_end,
       m.document_id
FROM stock_moves m JOIN documents d ON d.id = m.document_id
LEFT JOIN securities s ON s.code = m.code""",
    f"""CREATE VIEW IF NOT EXISTS market_facts AS
SELECT f.date, f.figure, f.value, f.currency, f.qualifier, f.record_session AS session,
       {_SOURCE_COLUMNS}, f.evidence_text AS evidence, f.evidence_start, f.evidence_end,
       f.document_id
FROM market_figures f JOIN documents d ON d.id = f.document_id""",
    f"""CREATE VIEW IF NOT EXISTS mention_facts AS
SELECT m.date, m.code, COALESCE(s.name, m.name) AS name, s.name_zh, m.text,
       {_SOURCE_COLUMNS}, m.evidence_text AS evidence, m.evidence_start, m.evidence_end,
       m.document_id
FROM mentions m JOIN documents d ON d.id = m.document_id
LEFT JOIN securities s ON s.code = m.code""",
    f"""CREATE VIEW IF NOT EXISTS level_facts AS
SELECT l.date, l.index_code AS "index", l.kind, l.value, {_SOURCE_COLUMNS},
       l.evidence_text AS evidence, l.evidence_start, l.evidence_end, l.document_id
FROM levels l JOIN documents d ON d.id = l.document_id""",
    """CREATE VIEW IF NOT EXISTS index_closes AS
SELECT date, "index", level, change_pct, change_points, qualifier, source, evidence
FROM index_facts WHERE session = 'close' ORDER BY date, "index", source""",
)


def _retry(action: str, conn: sqlite3.Connection) -> sqlite3.Cursor:
    """Run one statement, retrying while another process briefly holds the lock."""
    for attempt in range(OPEN_RETRIES):
        try:
            return conn.execute(action)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if attempt == OPEN_RETRIES - 1:
                raise
            time.sleep(OPEN_RETRY_PAUSE_S)
    raise AssertionError("unreachable")


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")


def connect(path: str | os.PathLike[str], *, create: bool = True) -> sqlite3.Connection:
    """Open (and with ``create`` make or upgrade) a market record at ``path``.

    The connection is in autocommit mode: callers open their own transactions
    (``transaction(conn)``). Raises StoreError with a one-line reason.
    """
    name = os.fspath(path)
    if not create and not Path(name).is_file():
        raise StoreError(f"{name}: no such database (create it with `hkwrap load {name} ...`)")
    try:
        conn = sqlite3.connect(name, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{name}: cannot open database: {exc}") from None
    try:
        _configure(conn)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > STORE_SCHEMA:
            raise StoreError(
                f"{name}: made by a newer hkwrap (store schema {version}; this one knows "
                f"{STORE_SCHEMA})"
            )
        if create:
            mode = _retry("PRAGMA journal_mode = WAL", conn).fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"{name}: cannot switch the database to WAL mode ({mode})")
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL: consistent, fsync at checkpoints
            if version < STORE_SCHEMA:
                _create(conn)
        elif version == 0:
            raise StoreError(f"{name}: not an hkwrap market record (load reports into it first)")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{name}: {exc}") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _create(conn: sqlite3.Connection) -> None:
    """Create every table, index and view, or upgrade an older database, in one transaction
    (idempotent; safe in a race). Upgrading to the summary builds it from the facts, so a
    reader sees the old version or the whole new one."""
    with transaction(conn):
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version >= STORE_SCHEMA:
            return  # another process created it while we waited for the lock
        for statement in (*TABLES, *summary.TABLES, *INDEXES, *VIEWS):
            conn.execute(statement)
        if version < summary.SUMMARY_SINCE:
            summary.rebuild(conn)  # nothing to do in a new database
        conn.execute(f"PRAGMA user_version = {STORE_SCHEMA}")


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` (the write lock up front, waiting up to the busy timeout), then
    COMMIT; any exception or interruption (Ctrl-C, SIGTERM) rolls everything back."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
