"""One ticker normaliser, one canonical form: the 5-digit HKEX code string (``"00700"``).

``normalize_ticker`` accepts what people write: ``9988.HK``, ``0700.HK``, ``(00700)``,
``HK.00700``, ``HKG:0700``, ``SEHK:700``, ``700 HK``, ``港股代號 700``; RMB counters
(``89988`` -> ``09988``, noted); US tickers of listed pairs (``BABA``, ``NYSE:BABA``) and A-share
codes of A+H pairs (``601988.SH``, ``SH601988``) through the table.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from hkwrap.securities.table import SecurityTable

STYLES = ("hkex", "yahoo", "bloomberg", "futu")


class TickerMatch(NamedTuple):
    """A normalised code. ``via``: hk | rmb | us | a_share. ``known``: the table has it."""

    code: str
    note: str | None = None
    via: str = "hk"
    known: bool = False


_HK_WORDS = r"(?:港股代[號号碼码]|股份代[號号碼码]|股票代[號号碼码]|代[號号碼码])"

# HK code forms; the digits are always group "n". These read a ticker given on its own
# (lookup, --ticker-style), not report text: compiled on first use (``_forms``).
_HK_FORMS_PATTERN = (
    r"""
    ^(?:
        (?:HK|HKG|SEHK|HKEX)\s*[.:]\s*(?P<n1>\d{1,5})          # HK.00700  HKG:0700  SEHK:700
      | (?P<n2>\d{1,5})\s*(?:\.|:|\s)\s*HK                     # 0700.HK  700:HK  700 HK
      | """ + _HK_WORDS + r"""\s*[:]?\s*(?P<n3>\d{1,5})        # 港股代號 700  股份代號：700
      | (?P<n4>\d{1,5})                                        # 700  00700
    )$
    """
)
_A_SHARE_PATTERN = (
    r"^(?:(?:SH|SZ|SS|BJ)[.:]?\s*(?P<a1>\d{6})|(?P<a2>\d{6})(?:\.(?:SH|SZ|SS|CN|BJ|SHA|SHE))?)$"
)
_US_PATTERN = (
    r"^(?:(?:NYSE|NASDAQ|NASDAQGS|NASDAQGM|US|AMEX)\s*[:.]\s*)?(?P<t>[A-Z]{1,5})(?:\.(?:US|N|O))?$"
)


@lru_cache(maxsize=1)
def _forms() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The HK, A-share and US ticker forms, compiled."""
    return (
        re.compile(_HK_FORMS_PATTERN, re.VERBOSE),
        re.compile(_A_SHARE_PATTERN),
        re.compile(_US_PATTERN),
    )


def _clean(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).strip().upper()
    while len(s) >= 2 and s[0] in "([" and s[-1] in ")]":
        s = s[1:-1].strip()
    return s


def _default_table() -> SecurityTable:
    from hkwrap.securities.table import get_table

    return get_table()


def _hk_code(
    digits: str, table: SecurityTable | None, resolve_table: bool = True
) -> TickerMatch | None:
    """Canonical form of a number written as an HK code (RMB counters mapped to HKD)."""
    if not digits or len(digits) > 5 or int(digits) == 0:
        return None
    code = digits.zfill(5)
    if code[0] == "8" and len(digits) == 5:
        tbl = table if table is not None else (_default_table() if resolve_table else None)
        rec = tbl.by_rmb_counter(code) if tbl is not None else None
        if rec is not None:
            return TickerMatch(rec.code, f"{code} is the RMB counter of {rec.code}", "rmb", True)
        if tbl is not None and code in tbl:
            return TickerMatch(code, None, "hk", True)
        hkd = "0" + code[1:]
        return TickerMatch(
            hkd, f"{code} read as the RMB counter of {hkd} (8xxxx rule)", "rmb",
            bool(tbl is not None and hkd in tbl),
        )
    known = table is not None and code in table
    return TickerMatch(code, None, "hk", known)


def normalize_ticker(s: str, table: SecurityTable | None = None) -> TickerMatch | None:
    """The canonical 5-digit HKEX code for a ticker in any common form, or None.

    A well-formed HK code missing from the table is still accepted (``known`` is False).
    US tickers and A-share codes resolve only through the table (the default table when
    ``table`` is None).
    """
    if not s:
        return None
    t = _clean(s)
    if not t:
        return None
    hk_forms, a_share, us = _forms()
    m = hk_forms.match(t)
    if m:
        digits = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4")
        return _hk_code(digits, table)
    m = a_share.match(t)
    if m:
        tbl = table if table is not None else _default_table()
        rec = tbl.by_a_share(m.group("a1") or m.group("a2"))
        if rec is None:
            return None
        return TickerMatch(rec.code, f"A-share {t} is paired with H-share {rec.code}", "a_share", True)
    m = us.match(t)
    if m:
        tbl = table if table is not None else _default_table()
        rec = tbl.by_us(m.group("t"))
        if rec is None:
            return None
        return TickerMatch(rec.code, f"US ticker {m.group('t')} is paired with {rec.code}", "us", True)
    return None


def format_code(code: str, style: str = "hkex") -> str:
    """Write a canonical code in a house style: hkex ``00700``, yahoo ``0700.HK``,
    bloomberg ``700 HK``, futu ``HK.00700``."""
    n = int(code)
    if style == "hkex":
        return f"{n:05d}"
    if style == "yahoo":
        return f"{n:04d}.HK"
    if style == "bloomberg":
        return f"{n} HK"
    if style == "futu":
        return f"HK.{n:05d}"
    raise ValueError(f"unknown ticker style {style!r}; expected one of {', '.join(STYLES)}")
