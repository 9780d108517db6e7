"""Look a security up by code (any ticker form) or by name / alias (any script).

Used by ``hkwrap lookup``; free of typer and rich so the library stays light.
"""

from __future__ import annotations

import difflib
from typing import Any

from hkwrap.securities.table import SecurityRecord, SecurityTable
from hkwrap.securities.tickers import normalize_ticker
from hkwrap.text.fold import fold


def _record_dict(rec: SecurityRecord) -> dict[str, Any]:
    return rec.to_dict()


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def lookup(query: str, table: SecurityTable) -> list[dict[str, Any]]:
    """Records matching ``query``: a code in any form (``700``, ``0700.HK``, ``BABA``,
    ``601988.SH``), else an exact name or alias, else names and aliases containing it.

    A well-formed HK code missing from the table gives a record with only the code set.
    """
    query = (query or "").strip()
    if not query:
        return []
    ticker = normalize_ticker(query, table)
    if ticker is not None:
        rec = table.get(ticker.code)
        if rec is not None:
            return [_record_dict(rec)]
        if ticker.via in ("hk", "rmb"):
            return [
                {
                    "code": ticker.code, "name": None, "short": None, "name_zh": None,
                    "name_zh_hans": None, "aliases": [], "type": None, "board": None,
                    "indices": [], "a_share": None, "us": None, "rmb_counter": None,
                }
            ]
    exact = table.by_alias(query)
    if exact:
        return [_record_dict(r) for r in exact]
    key = _key(query)
    if len(key) < 2:
        return []
    codes = sorted(
        {c for alias, cs in table.index.items() if key in alias for c in cs}
    )
    return [_record_dict(r) for c in codes if (r := table.get(c)) is not None]


def suggest(query: str, table: SecurityTable, n: int = 5) -> list[str]:
    """Up to ``n`` names or aliases close to ``query`` (for "did you mean ...?")."""
    key = _key(query or "")
    if not key:
        return []
    written: dict[str, str] = {}
    for rec in table:
        for form in (*rec.aliases, rec.name, rec.name_zh, rec.name_zh_hans, rec.short):
            if form:
                written.setdefault(_key(form), form)
    close = difflib.get_close_matches(key, list(written), n=n, cutoff=0.6)
    return [written[k] for k in close]
