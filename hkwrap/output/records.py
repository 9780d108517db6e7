"""Small transformations of document dicts before rendering.

``add_tickers`` puts a ``ticker`` field right after each ``code`` of the stock moves and the
mentions, written in the style a user asked for. The ``code`` field itself stays the 5-digit
HKEX code of the output contract.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

TICKER_STYLES = ("hkex", "yahoo", "bloomberg", "futu")


def _fallback_format_code(code: str, style: str) -> str:
    """Used only while ``hkwrap.securities.tickers.format_code`` is not available."""
    digits = str(code).strip()
    number = int(digits) if digits.isdigit() else None
    if number is None:
        return digits
    if style == "hkex":
        return f"{number:05d}"
    if style == "yahoo":
        return f"{number:04d}.HK"
    if style == "bloomberg":
        return f"{number} HK"
    if style == "futu":
        return f"HK.{number:05d}"
    raise ValueError(f"unknown ticker style {style!r}")


def ticker_formatter() -> Callable[[str, str], str]:
    """``format_code(code, style)`` from the securities package, or the local fallback."""
    try:
        from hkwrap.securities.tickers import format_code
    except ImportError:
        return _fallback_format_code
    return format_code  # type: ignore[no-any-return]


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


def add_tickers(
    doc: dict[str, Any], style: str, format_code: Callable[[str, str], str] | None = None
) -> dict[str, Any]:
    """A copy of ``doc`` whose stocks and mentions carry ``ticker`` in ``style``."""
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

    out = dict(doc)
    for key in ("stocks", "mentions"):
        if isinstance(doc.get(key), list):
            out[key] = [convert(r) if isinstance(r, dict) else r for r in doc[key]]
    return out
