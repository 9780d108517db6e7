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


# Shown before a figure for its qualifier (exact shows nothing).
QUALIFIER_MARKS = {"over": ">", "under": "<", "about": "~", "nearly": "~", "as_much_as": "up to "}
# Columns never cut (a code cut in two is a wrong code); names and other text are cut with "…".
UNCUT_COLUMNS = frozenset({"Code", "Ticker", "code", "ticker", "query", "Index", "Session"})
# A cut name keeps at least this many columns (enough to recognise "Tencent Hol…").
MIN_NAME_WIDTH = 12


def qualified(text: str, qualifier: str | None) -> str:
    """``text`` with its qualifier's mark before it: ``>3.00%``, ``~4.10bn``, ``up to +2.30%``."""
    if not text or not qualifier:
        return text
    return QUALIFIER_MARKS.get(qualifier, "") + text


def fmt_points(value: float | None) -> str:
    """Signed index points: whole points without decimals (``-286``), else two (``+496.48``)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):+,}"
    return f"{value:+,.2f}"


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

    def _table(
        self,
        title: str | None,
        columns: Sequence[tuple[str, bool]],
        rows: Sequence[Sequence[Any]] | None = None,
    ) -> Any:
        """A table with one line per row: columns empty in every row are left out; figures and
        codes are never cut or wrapped; names are cut with an ellipsis when the width is short.
        Without ``rows``: every column, and the caller adds the rows."""
        from rich import box
        from rich.table import Table

        if rows is None:
            keep = list(range(len(columns)))
        else:
            keep = [i for i in range(len(columns)) if any(_plain(row[i]) for row in rows)]
        table = Table(
            title=title,
            title_justify="left",
            box=box.SIMPLE_HEAD if self.colour else _plain_box(),
            show_edge=False,
            pad_edge=False,
            header_style="bold" if self.colour else "",
            title_style="bold" if self.colour else "",
        )
        for i in keep:
            name, numeric = columns[i]
            if rows is None:
                table.add_column(name, justify="right" if numeric else "left", no_wrap=numeric)
                continue
            whole = numeric or name in UNCUT_COLUMNS
            widest = max([_cell_width(name), *(_cell_width(_plain(row[i])) for row in rows)])
            table.add_column(
                name,
                justify="right" if numeric else "left",
                no_wrap=whole,  # a name column may shrink; its cells cut themselves below
                min_width=widest if whole else min(widest, MIN_NAME_WIDTH),
            )
        for row in rows or ():
            table.add_row(*(_one_line(row[i], columns[i][1]) for i in keep))
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
        # wrapped at spaces, never inside a code or a word
        console.print(Text(head, style="bold" if self.colour else ""))

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
        console.print(Text(line))
        console.print()
        text = buf.getvalue()
        if not self.colour:  # plain text: no padding at line ends
            text = "\n".join(line.rstrip() for line in text.split("\n"))
        return text

    def _tables(self, doc: Mapping[str, Any]) -> list[Any]:
        tables = []
        indices = doc.get("indices") or []
        if indices:
            rows = []
            for m in indices:
                pct, pts = m.get("change_pct"), m.get("change_points")
                qualifier = m.get("qualifier")
                rows.append(
                    [
                        str(m.get("index") or ""),
                        str(m.get("session") or ""),
                        fmt_number(m.get("level"), 2),
                        self._move(pts, qualified(fmt_points(pts), None if pct is not None else qualifier)),
                        self._move(pct, qualified(fmt_signed(pct, "%"), qualifier)),
                    ]
                )
            cols = [("Index", False), ("Session", False), ("Level", True), ("Points", True),
                    ("%", True)]
            tables.append(self._table("Indices", cols, rows))
        stocks = doc.get("stocks") or []
        if stocks:
            rows = []
            for s in stocks:
                pct = s.get("change_pct")
                price = fmt_number(s.get("price"))
                if price and s.get("currency") not in (None, "HKD"):
                    price = f"{price} {s.get('currency')}"
                qualifier = s.get("qualifier")
                rows.append(
                    [
                        str(s.get("code") or ""),
                        str(s.get("ticker") or ""),
                        str(s.get("name") or ""),
                        # in the report's own script: Simplified for a zh-Hans report
                        str(s.get("name_zh_hans") or s.get("name_zh") or ""),
                        self._move(pct, qualified(fmt_signed(pct, "%"), qualifier)),
                        qualified(price, None if pct is not None else qualifier),
                        fmt_amount(s.get("turnover")),
                        str(s.get("session") or ""),
                    ]
                )
            cols = [("Code", False), ("Ticker", False), ("Name", False), ("Chinese name", False),
                    ("%", True), ("Price", True), ("Turnover", True), ("Session", False)]
            tables.append(self._table("Stocks", cols, rows))
        market = doc.get("market") or {}
        rows = []
        for key, label in MARKET_LABELS.items():
            value = market.get(key)
            if value is None:
                continue
            if isinstance(value, Mapping):
                amount = value.get("value")
                text = qualified(fmt_amount(amount), value.get("qualifier"))
                shown = self._move(amount, text) if key != "turnover" else text
                rows.append((label, shown, str(value.get("currency") or "")))
            elif key == "short_selling_ratio":
                rows.append((label, f"{fmt_number(value, 2)}%", ""))
            else:
                rows.append((label, fmt_number(value), ""))
        if rows:
            cols = [("Figure", False), ("Value", True), ("Currency", False)]
            tables.append(self._table("Market", cols, rows))
        levels = doc.get("levels") or []
        if levels:
            rows = [
                (str(lv.get("index") or ""), str(lv.get("kind") or ""), fmt_number(lv.get("value"), 2))
                for lv in levels
            ]
            tables.append(self._table("Levels", [("Index", False), ("Kind", False), ("Value", True)], rows))
        return tables


def _one_line(cell: Any, numeric: bool) -> Any:
    """A text cell that is cut with an ellipsis instead of wrapping onto a second line."""
    if numeric or not isinstance(cell, str):
        return cell
    from rich.text import Text

    return Text(cell, no_wrap=True, overflow="ellipsis")


def _plain(cell: Any) -> str:
    """The text of a cell (a str or a rich Text)."""
    return cell if isinstance(cell, str) else str(getattr(cell, "plain", cell))


def _cell_width(text: str) -> int:
    """Terminal columns ``text`` takes (a Chinese character takes two)."""
    from rich.cells import cell_len

    return cell_len(text)


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
        whole = name in UNCUT_COLUMNS
        widest = max([len(name), *(_cell_width(_cell_text(r.get(name))) for r in records)])
        table.add_column(
            name,
            no_wrap=whole,
            min_width=widest if whole else min(widest, MIN_NAME_WIDTH),
        )
    for record in records:
        table.add_row(*(_one_line(_cell_text(record.get(name)), False) for name in columns))
    buf = io.StringIO()
    renderer._console(buf).print(table)
    text = buf.getvalue()
    if not colour:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
