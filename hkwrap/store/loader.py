"""Put extracted documents into the market record: one transaction per document.

A document is identified by its source (the path as given; ``file.json#2`` for one article of a
news file). Loading it again with the same content changes nothing and is reported as skipped;
with changed content its old row and every fact of it are deleted and the new ones inserted in
the same transaction, so a reader sees the old facts or the new ones, never a mix, and an
interrupted load leaves the database as it was before that document. Reports read from stdin
have no path to be replaced by: each distinct content is its own document.

This module never prints; it returns what it did.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hkwrap._version import __version__
from hkwrap.store import summary
from hkwrap.store.schema import transaction

ADDED, REPLACED, SKIPPED = "added", "replaced", "skipped"
# Session words an index move can carry, in the order that decides a report's own session:
# a report that gives any close is a closing report, else one with a midday figure is a
# midday review, else one with an opening figure is a morning report.
REPORT_SESSIONS = ("close", "midday", "open")
# A report whose index moves name no session is taken for a closing report, the common case.
PRESUMED_SESSION = "close"
MARKET_AMOUNTS = ("turnover", "southbound", "northbound")
MARKET_NUMBERS = ("advancers", "decliners", "unchanged", "short_selling_ratio")
# A mention's evidence is the line naming it, clipped to this many characters on either side so
# a report pasted as one long line does not store itself once per mention.
MENTION_CONTEXT_CHARS = 200
# Documents are written in groups of at most this many, or of what this many seconds of
# extraction produced: one commit per document would cost more than extracting a short report
# (0.4 ms against ~1 ms, measured), while a group costs one commit, and a killed load loses at
# most a second's work, which the next load redoes.
BATCH_DOCS = 100
BATCH_SECONDS = 1.0
_HKWRAP_KEYS = frozenset({"schema_version", "source", "indices", "stocks", "market"})


def hash_text(text: str, metadata: Mapping[str, Any] | None = None) -> str:
    """sha256 of a report's decoded text and its metadata (front matter, news-API fields)."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    if metadata:
        digest.update(b"\0")
        digest.update(json.dumps(dict(metadata), sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def hash_document(doc: Mapping[str, Any]) -> str:
    """sha256 of one hkwrap output document, written canonically."""
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def is_hkwrap_document(value: Any) -> bool:
    return isinstance(value, dict) and value.keys() >= _HKWRAP_KEYS


def parse_hkwrap_output(text: str) -> list[dict[str, Any]] | None:
    """The documents of hkwrap's own JSON or JSON Lines output, or None when ``text`` is
    something else (a report, a news-API file)."""
    stripped = text.strip()
    if not stripped or stripped[0] not in "[{":
        return None
    try:
        value = json.loads(stripped)
    except ValueError:
        value = None
        docs: list[dict[str, Any]] = []
        for line in stripped.splitlines():
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError:
                return None
            if not is_hkwrap_document(item):
                return None
            docs.append(item)
        return docs
    if is_hkwrap_document(value):
        return [value]
    if isinstance(value, list) and value and all(is_hkwrap_document(v) for v in value):
        return value
    return None


def report_session(doc: Mapping[str, Any]) -> str:
    """The session a report covers, read from the sessions its index moves name."""
    stated = {m.get("session") for m in doc.get("indices") or ()}
    return next((s for s in REPORT_SESSIONS if s in stated), PRESUMED_SESSION)


def source_key(source: str, content_hash: str) -> str:
    """What a later load of the same source replaces; stdin content stands for itself."""
    if source == "-" or source.startswith("-#"):
        return f"{source}@{content_hash[:16]}"
    return source


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _json_list(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if value else "[]"


def _evidence(ev: Mapping[str, Any] | None) -> tuple[Any, Any, Any, Any]:
    if not ev:
        return (None, None, None, None)
    return (ev.get("text"), ev.get("start"), ev.get("end"), ev.get("line"))


def _line_around(text: str | None, start: int, end: int) -> str | None:
    if text is None or not 0 <= start <= end <= len(text):
        return None
    lo = max(text.rfind("\n", 0, start) + 1, start - MENTION_CONTEXT_CHARS)
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    return text[lo : min(hi, end + MENTION_CONTEXT_CHARS)].strip()


@dataclass(frozen=True)
class Result:
    """What became of one document: ``status`` ADDED, REPLACED or SKIPPED, or ``error``."""

    source: str
    input_name: str | None
    status: str | None
    error: BaseException | None = None


@dataclass
class _Pending:
    doc: Mapping[str, Any]
    content_hash: str
    input_name: str | None
    origin: str
    text: str | None
    force: bool


class Loader:
    """Writes documents into an open market record (see ``schema.connect``).

    Documents are written in groups: ``add`` keeps an extracted document until BATCH_DOCS are
    waiting or BATCH_SECONDS have passed, then ``flush`` writes them in one transaction, each
    inside its own savepoint. A document that fails to write is rolled back alone; an
    interruption (Ctrl-C, SIGTERM) while writing rolls back the document being written, commits
    the ones before it and drops the rest. The write lock is held only while writing, never
    while extracting, so another loader waits milliseconds. A load killed outright (SIGKILL,
    power cut) leaves the database as it was before the group: never half a document; the next
    load writes the group again.
    """

    def __init__(
        self, conn: sqlite3.Connection, *, batch_docs: int | None = None,
        batch_seconds: float | None = None,
    ) -> None:
        self.conn = conn
        self.batch_docs = BATCH_DOCS if batch_docs is None else batch_docs
        self.batch_seconds = BATCH_SECONDS if batch_seconds is None else batch_seconds
        self.pending: list[_Pending] = []
        self._pending_hashes: set[str] = set()
        self._since = 0.0
        # summary keys the documents written since the last summarize() touch
        self._touched: set[summary.Key] = set()

    def known(self, content_hash: str) -> bool:
        """Whether this content is already loaded (or waiting to be written)."""
        if content_hash in self._pending_hashes:
            return True
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE content_hash = ? LIMIT 1", (content_hash,)
        ).fetchone()
        return row is not None

    def add(
        self,
        doc: Mapping[str, Any],
        content_hash: str,
        *,
        input_name: str | None,
        origin: str,
        text: str | None = None,
        force: bool = False,
    ) -> list[Result]:
        """Queue ``doc`` (an extracted document as a dict); returns the results of a flush when
        one was due, else []. ``text`` is the decoded report, for the mentions' evidence."""
        if not self.pending:
            self._since = time.monotonic()
        self.pending.append(_Pending(doc, content_hash, input_name, origin, text, force))
        self._pending_hashes.add(content_hash)
        if (len(self.pending) >= self.batch_docs
                or time.monotonic() - self._since >= self.batch_seconds):
            return self.flush()
        return []

    def put(self, doc: Mapping[str, Any], content_hash: str, **kwargs: Any) -> str:
        """Write one document now; returns its status (raises what writing it raised)."""
        results = self.add(doc, content_hash, **kwargs) or self.flush()
        if results[-1].error is not None:
            raise results[-1].error
        return str(results[-1].status)

    def flush(self) -> list[Result]:
        """Write every waiting document (see the class docstring)."""
        pending, self.pending = self.pending, []
        self._pending_hashes = set()
        if not pending:
            return []
        results: list[Result] = []
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for item in pending:
                source = str(item.doc.get("source") or "-")
                conn.execute("SAVEPOINT document")
                try:
                    status = self._write(item)
                except Exception as exc:
                    conn.execute("ROLLBACK TO document")
                    conn.execute("RELEASE document")
                    results.append(Result(source, item.input_name, None, exc))
                    continue
                except BaseException:  # interrupted: this document goes, the earlier stay
                    conn.execute("ROLLBACK TO document")
                    conn.execute("RELEASE document")
                    self.summarize()
                    conn.execute("COMMIT")
                    raise
                conn.execute("RELEASE document")
                results.append(Result(source, item.input_name, status))
            self.summarize()
            conn.execute("COMMIT")
        except BaseException:
            self._touched = set()
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise
        return results

    def summarize(self) -> None:
        """Bring the per-day summary of every key touched since the last call up to date with
        the facts, inside the open transaction (a key of a document rolled back since is
        recomputed too, harmlessly: it is worked out from what the facts now are)."""
        touched, self._touched = self._touched, set()
        summary.refresh(self.conn, touched)

    def _write(self, item: _Pending) -> str:
        conn = self.conn
        key = source_key(str(item.doc.get("source") or "-"), item.content_hash)
        rows = conn.execute(  # this source, and any document with this content
            "SELECT id, source_key, content_hash FROM documents WHERE source_key = ?"
            " UNION ALL SELECT id, source_key, content_hash FROM documents WHERE content_hash = ?",
            (key, item.content_hash),
        ).fetchall()
        old = next((row for row in rows if row[1] == key), None)
        if not item.force and (
            (old is not None and old[2] == item.content_hash)  # unchanged
            or (old is None and rows)  # already loaded under another source
        ):
            return SKIPPED
        if old is not None:
            self._touched |= summary.document_keys(conn, [old[0]])
            conn.execute("DELETE FROM documents WHERE id = ?", (old[0],))
        self._insert(conn, item.doc, key, item.content_hash, item.input_name, item.origin,
                     item.text)
        return REPLACED if old is not None else ADDED

    def _insert(
        self,
        conn: sqlite3.Connection,
        doc: Mapping[str, Any],
        key: str,
        content_hash: str,
        input_name: str | None,
        origin: str,
        text: str | None,
    ) -> None:
        date = doc.get("date")
        session = report_session(doc)
        metadata = doc.get("metadata") or {}
        cur = conn.execute(
            "INSERT INTO documents (source_key, source, input, content_hash, date, session,"
            " language, title, loaded_at, hkwrap_version, schema_version, origin, warnings)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                key, str(doc.get("source") or "-"), input_name, content_hash, date, session,
                doc.get("language"), doc.get("title") or metadata.get("title"), _now(),
                str(doc.get("hkwrap_version") or __version__), int(doc.get("schema_version") or 1),
                origin, json.dumps(list(doc.get("warnings") or ()), ensure_ascii=False),
            ),
        )
        doc_id = cur.lastrowid
        stocks = list(doc.get("stocks") or ())
        mentions = list(doc.get("mentions") or ())
        self._touched.update(
            ("index", m["index"], m.get("session") or session, date)
            for m in doc.get("indices") or ()
        )  # (stock series are not summarized: summary.SUMMARY_TABLES)
        self._securities(conn, (*stocks, *mentions))
        conn.executemany(
            "INSERT INTO index_moves (document_id, date, index_code, name, level, change_pct,"
            " change_points, qualifier, session, record_session, evidence_text, evidence_start,"
            " evidence_end, evidence_line, restated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id, date, m["index"], m.get("name"), m.get("level"), m.get("change_pct"),
                    m.get("change_points"), m.get("qualifier"), m.get("session"),
                    m.get("session") or session, *_evidence(m.get("evidence")),
                    _json_list(m.get("restated")),
                )
                for m in doc.get("indices") or ()
            ],
        )
        conn.executemany(
            "INSERT INTO stock_moves (document_id, date, code, name, name_zh, change_pct, price,"
            " currency, turnover, qualifier, session, record_session, evidence_text,"
            " evidence_start, evidence_end, evidence_line, restated)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id, date, s["code"], s.get("name"), s.get("name_zh"), s.get("change_pct"),
                    s.get("price"), s.get("currency"), s.get("turnover"), s.get("qualifier"),
                    s.get("session"), s.get("session") or session, *_evidence(s.get("evidence")),
                    _json_list(s.get("restated")),
                )
                for s in stocks
            ],
        )
        conn.executemany(
            "INSERT INTO mentions (document_id, date, code, name, text, evidence_text,"
            " evidence_start, evidence_end) VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id, date, m["code"], m.get("name"), m.get("text"),
                    _line_around(text, int(m.get("start") or 0), int(m.get("end") or 0)),
                    m.get("start"), m.get("end"),
                )
                for m in mentions
            ],
        )
        conn.executemany(
            "INSERT INTO market_figures (document_id, date, figure, value, currency, qualifier,"
            " record_session, evidence_text, evidence_start, evidence_end, evidence_line)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, date, *row, session, *ev) for row, ev in _market_rows(doc.get("market"))],
        )
        conn.executemany(
            "INSERT INTO levels (document_id, date, index_code, kind, value, evidence_text,"
            " evidence_start, evidence_end, evidence_line) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (doc_id, date, lv["index"], lv["kind"], lv["value"], *_evidence(lv.get("evidence")))
                for lv in doc.get("levels") or ()
                if lv.get("value") is not None
            ],
        )

    @staticmethod
    def _securities(conn: sqlite3.Connection, records: Iterable[Mapping[str, Any]]) -> None:
        seen: dict[str, tuple[Any, Any]] = {}
        for r in records:
            code = r.get("code")
            if code:
                name, name_zh = seen.get(code, (None, None))
                seen[code] = (name or r.get("name"), name_zh or r.get("name_zh"))
        conn.executemany(
            "INSERT INTO securities (code, name, name_zh) VALUES (?,?,?) ON CONFLICT(code) DO"
            " UPDATE SET name = COALESCE(excluded.name, name),"
            " name_zh = COALESCE(excluded.name_zh, name_zh)",
            [(code, *names) for code, names in seen.items()],
        )

    def forget_others(self, input_name: str, sources: Sequence[str], hashes: Sequence[str]) -> int:
        """Delete documents read from ``input_name`` that it no longer holds (an article
        dropped from a news file): neither their source nor their content is in it any more.
        Returns how many went. Cheap when there is nothing to delete (one indexed read)."""
        keep, same = set(sources), set(hashes)
        query = ("SELECT id, source, content_hash FROM documents"
                 " WHERE input = ? AND origin = 'report'")
        rows = self.conn.execute(query, (input_name,)).fetchall()
        if all(source in keep or digest in same for _, source, digest in rows):
            return 0
        with transaction(self.conn) as conn:
            rows = conn.execute(query, (input_name,)).fetchall()
            gone = [i for i, source, digest in rows if source not in keep and digest not in same]
            keys = summary.document_keys(conn, gone)
            conn.executemany("DELETE FROM documents WHERE id = ?", [(i,) for i in gone])
            summary.refresh(conn, keys)
        return len(gone)


def _market_rows(
    market: Mapping[str, Any] | None,
) -> Iterable[tuple[tuple[Any, ...], tuple[Any, ...]]]:
    if not market:
        return
    evidence = market.get("evidence") or {}
    for name in MARKET_AMOUNTS:
        amount = market.get(name)
        if amount and amount.get("value") is not None:
            ev = amount.get("evidence") or evidence.get(name)
            yield (
                (name, amount["value"], amount.get("currency"), amount.get("qualifier")),
                _evidence(ev),
            )
    for name in MARKET_NUMBERS:
        value = market.get(name)
        if value is not None:
            yield (name, value, None, "exact"), _evidence(evidence.get(name))
