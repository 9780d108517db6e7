"""Small transformations of document dicts before rendering.

``add_tickers`` puts a ``ticker`` field right after each ``code`` of the stock moves and the
mentions, written in the style a user asked for. The ``code`` field itself stays the 5-digit
HKEX code of the output contract.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

TICKER_STYLES = ("hkex", "yahoo", "bloomberg", "futu")


def ticker_formatter() -> Callable[[str, str], str]:
    """``format_code(code, style)``: the one ticker normaliser, in the securities package."""
    from hkwrap.securities.tickers import format_code

    return format_code


def _with_ticker(record: dict[str, Any], ticker: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key == "ticker":
            continue
        out[key] = value
        if key == "code":
            out["ticker"] = ticker
    if "ticker" not in out:
        out["ticker"] = ticker
    return out


def ticker_converter(
    style: str, format_code: Callable[[str, str], str] | None = None
) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """What ``add_tickers`` does to one stock move or mention record."""
    fmt = format_code or ticker_formatter()

    def convert(record: dict[str, Any]) -> dict[str, Any]:
        code = record.get("code")
        ticker = None
        if code:
            try:
                ticker = fmt(str(code), style)
            except (ValueError, KeyError):
                ticker = None
        return _with_ticker(record, ticker)  # type: ignore[arg-type]

    return convert


def add_tickers(
    doc: dict[str, Any], style: str, format_code: Callable[[str, str], str] | None = None
) -> dict[str, Any]:
    """A copy of ``doc`` whose stocks and mentions carry ``ticker`` in ``style``."""
    convert = ticker_converter(style, format_code)
    out = dict(doc)
    for key in ("stocks", "mentions"):
        if isinstance(doc.get(key), list):
            out[key] = [convert(r) if isinstance(r, dict) else r for r in doc[key]]
    return out
