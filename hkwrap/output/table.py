"""Tables for people, drawn with Rich. The only module that imports rich, and only when used.

Per document: a header line (source, date, language, title), then one table per kind of fact
(Indices, Stocks, Market, Levels) and a line counting the mentions. Numbers are right-aligned;
rises and falls are coloured by the ``colours`` convention: ``hk`` (up green, down red, as in
Hong Kong) or ``mainland`` (up red, down green, as on the mainland). With ``colour=False`` the
output is plain text without any ANSI escape, laid out at a wide fixed width so a pipe or a file
never gets tables wrapped into nonsense.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

COLOURS = {"hk": ("green", "red"), "mainland": ("red", "green")}
PLAIN_WIDTH = 240

MARKET_LABELS = {
    "turnover": "Turnover",
    "southbound": "Southbound (net)",
    "northbound": "Northbound (net)",
    "advancers": "Advancers",
    "decliners": "Decliners",
    "unchanged": "Unchanged",
    "short_selling_ratio": "Short selling %",
}


def fmt_number(value: float | int | None, decimals: int = 3) -> str:
    """Thousands separators, at most ``decimals`` decimals, trailing zeros dropped."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return text


def fmt_signed(value: float | None, suffix: str = "") -> str:
    if value is None:
        return ""
    return f"{value:+,.2f}{suffix}"


def fmt_amount(value: float | None) -> str:
    """Money in compact units: 325.70bn, 88.00m, 12,345."""
    if value is None:
        return ""
    size = abs(value)
    if size >= 1e9:
        return f"{value / 1e9:,.2f}bn"
    if size >= 1e6:
        return f"{value / 1e6:,.2f}m"
    return fmt_number(value, 2)


def _plain_box() -> Any:
    """SIMPLE_HEAD drawn with ASCII hyphens, for pipes and files."""
    from rich.box import Box

    return Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


class TableRenderer:
    def __init__(self, *, colour: bool = False, colours: str = "hk", width: int | None = None):
        if colours not in COLOURS:
            raise ValueError(f"unknown colours {colours!r}; expected hk or mainland")
        self.colour = colour
        self.up, self.down = COLOURS[colours]
        self.width = width or PLAIN_WIDTH

    # -- helpers ---------------------------------------------------------------------------
    def _console(self, buf: io.StringIO) -> Any:
        from rich.console import Console

        return Console(
            file=buf,
            width=self.width,
            force_terminal=self.colour,
            no_color=not self.colour,
            color_system="auto" if self.colour else None,
            highlight=False,
            emoji=False,
            markup=False,
            legacy_windows=False,
            force_jupyter=False,
            force_interactive=False,
            soft_wrap=False,
        )

    def _move(self, value: float | None, text: str) -> Any:
        from rich.text import Text

        if not self.colour or value is None or value == 0:
            return Text(text)
        return Text(text, style=self.up if value > 0 else self.down)

    def _table(self, title: str, columns: Sequence[tuple[str, bool]]) -> Any:
        from rich import box
        from rich.table import Table

        table = Table(
            title=title,
            title_justify="left",
            box=box.SIMPLE_HEAD if self.colour else _plain_box(),
            show_edge=False,
            pad_edge=False,
            header_style="bold" if self.colour else "",
            title_style="bold" if self.colour else "",
        )
        for name, numeric in columns:
            table.add_column(name, justify="right" if numeric else "left", no_wrap=numeric)
        return table

    # -- renderer interface ----------------------------------------------------------------
    def header(self) -> str:
        return ""

    def footer(self) -> str:
        return ""

    def document(self, doc: Mapping[str, Any]) -> str:
        from rich.text import Text

        buf = io.StringIO()
        console = self._console(buf)
        head = "  ".join(
            part
            for part in (
                str(doc.get("source") or "-"),
                str(doc.get("date") or "no date"),
                str(doc.get("language") or ""),
                str(doc.get("title") or (doc.get("metadata") or {}).get("title") or ""),
            )
            if part
        )
        console.print(Text(head, style="bold" if self.colour else ""), soft_wrap=True)

        shown = 0
        for table in self._tables(doc):
            console.print()
            console.print(table)
            shown += 1
        mentions = doc.get("mentions") or []
        codes = sorted({str(m.get("code")) for m in mentions if m.get("code")})
        line = f"Mentions: {len(mentions)}"
        if codes:
            more = f" (+{len(codes) - 12} more)" if len(codes) > 12 else ""
            line += f" ({len(codes)} securities: {', '.join(codes[:12])}{more})"
        if not shown and not mentions:
            line = "No facts found."
        console.print(Text(line), soft_wrap=True)
        console.print()
        text = buf.getvalue()
        if not self.colour:  # plain text: no padding at line ends
            text = "\n".join(line.rstrip() for line in text.split("\n"))
        return text

    def _tables(self, doc: Mapping[str, Any]) -> list[Any]:
        tables = []
        indices = doc.get("indices") or []
        if indices:
            t = self._table(
                "Indices",
                [
                    ("Index", False),
                    ("Session", False),
                    ("Level", True),
                    ("Points", True),
                    ("%", True),
                    ("Qualifier", False),
                ],
            )
            for m in indices:
                pct, pts = m.get("change_pct"), m.get("change_points")
                t.add_row(
                    str(m.get("index") or ""),
                    str(m.get("session") or ""),
                    fmt_number(m.get("level"), 2),
                    self._move(pts, fmt_signed(pts)),
                    self._move(pct, fmt_signed(pct, "%")),
                    str(m.get("qualifier") or ""),
                )
            tables.append(t)
        stocks = doc.get("stocks") or []
        if stocks:
            with_ticker = any("ticker" in s for s in stocks)
            cols = [("Code", False)]
            if with_ticker:
                cols.append(("Ticker", False))
            cols += [
                ("Name", False),
                ("Chinese name", False),
                ("%", True),
                ("Price", True),
                ("Turnover", True),
                ("Session", False),
            ]
            t = self._table("Stocks", cols)
            for s in stocks:
                pct = s.get("change_pct")
                cells: list[Any] = [str(s.get("code") or "")]
                if with_ticker:
                    cells.append(str(s.get("ticker") or ""))
                price = fmt_number(s.get("price"))
                if price and s.get("currency") not in (None, "HKD"):
                    price = f"{price} {s.get('currency')}"
                cells += [
                    str(s.get("name") or ""),
                    str(s.get("name_zh") or ""),
                    self._move(pct, fmt_signed(pct, "%")),
                    price,
                    fmt_amount(s.get("turnover")),
                    str(s.get("session") or ""),
                ]
                t.add_row(*cells)
            tables.append(t)
        market = doc.get("market") or {}
        rows = []
        for key, label in MARKET_LABELS.items():
            value = market.get(key)
            if value is None:
                continue
            if isinstance(value, Mapping):
                amount = value.get("value")
                text = fmt_amount(amount)
                shown = self._move(amount, text) if key != "turnover" else text
                rows.append(
                    (
                        label,
                        shown,
                        str(value.get("currency") or ""),
                        str(value.get("qualifier") or ""),
                    )
                )
            elif key == "short_selling_ratio":
                rows.append((label, f"{fmt_number(value, 2)}%", "", ""))
            else:
                rows.append((label, fmt_number(value), "", ""))
        if rows:
            t = self._table(
                "Market",
                [("Figure", False), ("Value", True), ("Currency", False), ("Qualifier", False)],
            )
            for row in rows:
                t.add_row(*row)
            tables.append(t)
        levels = doc.get("levels") or []
        if levels:
            t = self._table("Levels", [("Index", False), ("Kind", False), ("Value", True)])
            for lv in levels:
                t.add_row(
                    str(lv.get("index") or ""),
                    str(lv.get("kind") or ""),
                    fmt_number(lv.get("value"), 2),
                )
            tables.append(t)
        return tables


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell_text(v) for v in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={_cell_text(v)}" for k, v in value.items())
    if isinstance(value, float):
        return fmt_number(value)
    return str(value)


def render_records(
    records: Sequence[Mapping[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    colour: bool = False,
    width: int | None = None,
) -> str:
    """A table of flat records (``hkwrap lookup``): the given columns, or every key in order.

    Columns empty in every record are left out.
    """
    from rich import box
    from rich.table import Table

    if columns is None:
        names: list[str] = []
        for record in records:
            names += [k for k in record if k not in names]
    else:
        names = list(columns)
    columns = [n for n in names if any(_cell_text(r.get(n)) for r in records)]
    renderer = TableRenderer(colour=colour, width=width)
    table = Table(
        box=box.SIMPLE_HEAD if colour else _plain_box(),
        show_edge=False,
        pad_edge=False,
        header_style="bold" if colour else "",
    )
    for name in columns:
        table.add_column(name)
    for record in records:
        table.add_row(*(_cell_text(record.get(name)) for name in columns))
    buf = io.StringIO()
    renderer._console(buf).print(table)
    text = buf.getvalue()
    if not colour:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
