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


# How a record answered a query, best first: results are listed in this order.
MATCH_KINDS = ("code", "name", "alias", "prefix", "contains")
# Letter queries this short are acronyms (HSI, CK, BOC): they match whole words only, so HSI
# finds no "DAHSING" and CK no "CKH".
ACRONYM_MAX_LETTERS = 3


def _word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _at_word_start(alias: str, at: int, key: str) -> bool:
    """Whether ``key`` found at ``alias[at:]`` begins a word (always true for CJK, which has
    no spaces between words)."""
    return at == 0 or not _word_char(key[0]) or not _word_char(alias[at - 1])


def _ends_word(alias: str, end: int, key: str) -> bool:
    return end == len(alias) or not _word_char(key[-1]) or not _word_char(alias[end])


def _found(alias: str, key: str, *, whole_word: bool) -> int | None:
    """Where ``key`` first occurs in ``alias`` at a word start (and end, if ``whole_word``)."""
    at = alias.find(key)
    while at >= 0:
        if _at_word_start(alias, at, key) and (
            not whole_word or _ends_word(alias, at + len(key), key)
        ):
            return at
        at = alias.find(key, at + 1)
    return None


def lookup(query: str, table: SecurityTable) -> list[dict[str, Any]]:
    """Records matching ``query``, each with ``match`` saying how, best first: the code in any
    form (``700``, ``0700.HK``, ``BABA``, ``601988.SH``); a name as HKEX or the news writes it;
    an alias; a name or alias beginning with the query; one containing it at a word start.
    Letters match on word boundaries (``HSI`` finds no DAHSING). A code that no listed
    security holds is no match.
    """
    query = (query or "").strip()
    if not query:
        return []
    ticker = normalize_ticker(query, table)
    if ticker is not None:
        rec = table.get(ticker.code)
        if rec is not None:
            return [{**_record_dict(rec), "match": "code"}]
        if ticker.via in ("hk", "rmb"):
            return []  # a well-formed code, but no security of the table holds it
    key = _key(query)
    if not key:
        return []
    found: dict[str, str] = {}  # code -> how, in rank order

    def add(codes: Any, how: str) -> None:
        for code in sorted(codes):
            if code not in found and table.get(code) is not None:
                found[code] = how

    add(
        (
            rec.code
            for rec in table
            if any(form and _key(form) == key for form in _names(rec))
        ),
        "name",
    )
    add((rec.code for rec in table.by_alias(query)), "alias")
    add(table.index.get(key, ()), "alias")
    if len(key) >= 2:
        acronym = key.isascii() and key.isalpha() and len(key) <= ACRONYM_MAX_LETTERS
        prefix: set[str] = set()
        contains: set[str] = set()
        for alias, codes in table.index.items():
            at = _found(alias, key, whole_word=acronym)
            if at is None:
                continue
            (prefix if at == 0 else contains).update(codes)
        add(prefix, "prefix")
        add(contains, "contains")
    return [{**_record_dict(rec), "match": how} for code, how in found.items() if (rec := table.get(code))]


def _names(rec: SecurityRecord) -> tuple[str | None, ...]:
    """The names proper of a record (aliases aside)."""
    return (rec.name, rec.short, rec.name_zh, rec.name_zh_hans)


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
