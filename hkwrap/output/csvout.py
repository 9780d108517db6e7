"""CSV: one row per fact, under a fixed header in a fixed column order.

Facts are the index moves, stock moves, market figures (one row per figure that is not null)
and technical levels of each document. Mentions are not facts and have no rows.

``kind`` is ``index``, ``stock``, ``market`` or ``level``; ``subject`` is what the row is about:
the index id (``HSI``), the 5-digit stock code, the market figure (``turnover``,
``southbound``, ``northbound``, ``advancers``, ``decliners``, ``unchanged``,
``short_selling_ratio``) or, for a level, the index id (its kind, support / resistance /
target, in ``level_type``).

Spreadsheet safety: a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading apostrophe so a spreadsheet shows it instead of running it. Numbers are
written as plain numbers (``-1.23`` stays ``-1.23``), and so is any text cell that is a plain
number; the stdin source name ``-`` is left alone.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hkwrap.output.spool import SpooledDocument

COLUMNS: tuple[str, ...] = (
    "source",
    "date",
    "kind",
    "subject",
    "code",
    "ticker",
    "name",
    "name_zh",
    "session",
    "change_pct",
    "change_points",
    "level",
    "price",
    "value",
    "currency",
    "turnover",
    "qualifier",
    "level_type",
    "evidence",
    "line",
    "start",
    "end",
)

MARKET_AMOUNTS = ("turnover", "southbound", "northbound")
MARKET_NUMBERS = ("advancers", "decliners", "unchanged", "short_selling_ratio")

_CHUNK = 1 << 16  # characters of rows gathered before one write (a long document's rows)
_RISKY_FIRST = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula; plain numbers pass."""
    if text == "-" or not text.startswith(_RISKY_FIRST):
        return text
    if _PLAIN_NUMBER.fullmatch(text):
        return text
    return "'" + text


def cell(value: Any) -> str:
    """One CSV cell: numbers written plainly, text neutralised, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return neutralise(str(value))


def _evidence(row: dict[str, Any], evidence: Mapping[str, Any] | None) -> None:
    if evidence:
        row["evidence"] = evidence.get("text")
        row["line"] = evidence.get("line")
        row["start"] = evidence.get("start")
        row["end"] = evidence.get("end")


def fact_rows(doc: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The facts of one document as dicts keyed by :data:`COLUMNS` (values not yet cells)."""
    base = {"source": doc.get("source"), "date": doc.get("date")}
    for move in doc.get("indices") or ():
        row = dict(base, kind="index", subject=move.get("index"), name=move.get("name"))
        for key in ("session", "change_pct", "change_points", "level", "qualifier"):
            row[key] = move.get(key)
        _evidence(row, move.get("evidence"))
        yield row
    for move in doc.get("stocks") or ():
        row = dict(base, kind="stock", subject=move.get("code"))
        for key in (
            "code",
            "ticker",
            "name",
            "name_zh",
            "session",
            "change_pct",
            "price",
            "currency",
            "turnover",
            "qualifier",
        ):
            row[key] = move.get(key)
        _evidence(row, move.get("evidence"))
        yield row
    market = doc.get("market") or {}
    market_evidence = market.get("evidence") or {}
    for key in MARKET_AMOUNTS:
        amount = market.get(key)
        if amount is None:
            continue
        row = dict(base, kind="market", subject=key)
        row["value"] = amount.get("value")
        row["currency"] = amount.get("currency")
        row["qualifier"] = amount.get("qualifier")
        _evidence(row, amount.get("evidence") or market_evidence.get(key))
        yield row
    for key in MARKET_NUMBERS:
        value = market.get(key)
        if value is None:
            continue
        row = dict(base, kind="market", subject=key, value=value)
        _evidence(row, market_evidence.get(key))
        yield row
    for level in doc.get("levels") or ():
        row = dict(
            base,
            kind="level",
            subject=level.get("index"),
            level_type=level.get("kind"),
            value=level.get("value"),
        )
        _evidence(row, level.get("evidence"))
        yield row


class CsvRenderer:
    """Header row first, then each document's fact rows. ``bom`` prefixes U+FEFF for Excel."""

    def __init__(self, *, bom: bool = False) -> None:
        self.bom = bom

    def _line(self, values: list[str]) -> str:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerow(values)
        return buf.getvalue()

    def header(self) -> str:
        return ("\ufeff" if self.bom else "") + self._line(list(COLUMNS))

    def document(self, doc: Mapping[str, Any]) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        for row in fact_rows(doc):
            writer.writerow([cell(row.get(col)) for col in COLUMNS])
        return buf.getvalue()

    def document_chunks(self, doc: SpooledDocument) -> Iterator[str]:
        """``document(doc.to_dict())`` in pieces, for a long document spooled to files: the
        facts are read back one at a time."""
        head = doc.fields()
        lazy = dict(head, **{key: doc.records(key) for key in ("indices", "stocks", "levels")})
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        for row in fact_rows(lazy):
            writer.writerow([cell(row.get(col)) for col in COLUMNS])
            if buf.tell() >= _CHUNK:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()

    def footer(self) -> str:
        return ""
