"""Day records and series as tables (Rich, through the project's TableRenderer), Markdown,
CSV and JSON. Colour only when asked (the CLI decides: a terminal, NO_COLOR, FORCE_COLOR);
plain text otherwise."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from hkwrap.output.csvout import cell
from hkwrap.output.table import TableRenderer, fmt_amount, fmt_number, fmt_signed
from hkwrap.store.day import INDEX_FIGURES, to_plain
from hkwrap.store.reconcile import Figure
from hkwrap.store.series import bars, spark

AMOUNTS = frozenset({"turnover", "southbound", "northbound"})
FIGURE_LABELS = {
    "turnover": "Turnover", "southbound": "Southbound (net)", "northbound": "Northbound (net)",
    "advancers": "Advancers", "decliners": "Decliners", "unchanged": "Unchanged",
    "short_selling_ratio": "Short selling %", "level": "level", "change_points": "points",
    "change_pct": "%", "price": "price",
}
NO_MAJORITY = "?"  # shown where sources disagree and no figure has a majority
DISPUTE_MARK = "!"  # after a value that some source disputes
CSV_COLUMNS = (
    "date", "kind", "subject", "name", "session", "figure", "value", "currency", "qualifier",
    "status", "sources", "stated_by", "dissent",
)


# -- values -------------------------------------------------------------------------------------


def _value_text(figure: str, value: float | None) -> str:
    if value is None:
        return ""
    if figure in AMOUNTS:
        return fmt_amount(value)
    if figure == "change_pct":
        return fmt_signed(value, "%")
    if figure == "change_points":
        return fmt_signed(value)
    if figure == "short_selling_ratio":
        return f"{fmt_number(value, 2)}%"
    return fmt_number(value, 3)


def _shown(figure: str, fig: Figure | None) -> str:
    if fig is None:
        return ""
    if fig.value is None:
        return NO_MAJORITY
    text = _value_text(figure, fig.value)
    if fig.qualifier not in ("exact", None):
        text = f"{fig.qualifier.replace('_', ' ')} {text}"
    return text + (f" {DISPUTE_MARK}" if fig.disputed else "")


def _sources(figs: Sequence[Figure | None]) -> int:
    return len({s.source for f in figs if f for s in (*f.agreeing, *f.dissenting)})


def _status(named: dict[str, Figure | None]) -> str:
    bad = [FIGURE_LABELS.get(k, k) for k, f in named.items() if f is not None and f.disputed]
    return "DISPUTED: " + ", ".join(bad) if bad else "agreed"


def _quote(text: str | None, limit: int = 160) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return f'"{text[: limit - 1]}…"' if len(text) > limit else f'"{text}"'


def dispute_lines(record: dict[str, Any]) -> list[str]:
    """One plain sentence per disputed figure, then one per dissenting source."""
    lines = []
    for d in record["disputes"]:
        label = FIGURE_LABELS.get(d["figure"], d["figure"])
        head = f"{d['subject']} {d['session']} {label}: "
        if d["agreed"] is None:
            head += "sources disagree, no figure has a majority"
        else:
            head += (f"{_value_text(d['figure'], d['agreed'])} stated by "
                     f"{len(d['stated_by'])} ({', '.join(d['stated_by'])})")
        lines.append(head)
        for s in d["dissent"]:
            ev = s.get("evidence") or {}
            q = "" if s["qualifier"] == "exact" else s["qualifier"].replace("_", " ") + " "
            where = f" (line {ev['line']})" if ev.get("line") else ""
            lines.append(f"  {s['source']}{where} says {q}{_value_text(d['figure'], s['value'])}"
                         f" {_quote(ev.get('text'))}".rstrip())
    return lines


# -- day ----------------------------------------------------------------------------------------


def _stock_rows(stocks: Sequence[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for s in stocks:
        price = _shown("price", s["price"])
        if price and s.get("currency") not in (None, "HKD"):
            price += f" {s['currency']}"
        rows.append([s["code"], s.get("name") or "", s.get("name_zh") or "",
                     _shown("change_pct", s["change_pct"]), price,
                     str(_sources([s["change_pct"], s["price"]])),
                     _status({"change_pct": s["change_pct"], "price": s["price"]})])
    return rows


def day_sections(record: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]], list[bool]]]:
    """(title, header, rows, numeric columns) for each section of a day record."""
    sections = []
    rows = [
        [m["index"], m["session"], *(_shown(n, m[n]) for n in INDEX_FIGURES),
         str(_sources([m[n] for n in INDEX_FIGURES])), _status({n: m[n] for n in INDEX_FIGURES})]
        for m in record["indices"]
    ]
    sections.append(("Indices", ["Index", "Session", "Level", "Points", "%", "Sources", "Status"],
                     rows, [False, False, True, True, True, True, False]))
    stock_head = ["Code", "Name", "Chinese name", "%", "Price", "Sources", "Status"]
    stock_numeric = [False, False, False, True, True, True, False]
    sections.append(("Top gainers", stock_head, _stock_rows(record["gainers"]), stock_numeric))
    sections.append(("Top losers", stock_head, _stock_rows(record["losers"]), stock_numeric))
    rows = [
        [FIGURE_LABELS.get(m["figure"], m["figure"]), m["session"], _shown(m["figure"], m["value"]),
         m["currency"] or "", str(_sources([m["value"]])), _status({"value": m["value"]})]
        for m in record["market"]
    ]
    sections.append(("Market", ["Figure", "Session", "Value", "Currency", "Sources", "Status"],
                     rows, [False, False, True, False, True, False]))
    return sections


def _headline(record: dict[str, Any]) -> str:
    n = len(record["documents"])
    d = len(record["disputes"])
    disputed = f"{d} figure{'s' if d != 1 else ''} DISPUTED" if d else "no figure disputed"
    return f"Market record {record['date']}: {n} report{'s' if n != 1 else ''}; {disputed}"


def day_table(record: dict[str, Any], *, colour: bool, colours: str = "hk",
              width: int | None = None) -> str:
    from rich.text import Text

    r = TableRenderer(colour=colour, colours=colours, width=width)
    buf = io.StringIO()
    console = r._console(buf)
    console.print(Text(_headline(record), style="bold" if colour else ""), soft_wrap=True)
    for title, head, rows, numeric in day_sections(record):
        if not rows:
            continue
        table = r._table(title, list(zip(head, numeric, strict=False)))
        for row in rows:
            table.add_row(*(_styled(r, head[i], v) for i, v in enumerate(row)))
        console.print()
        console.print(table)
    lines = dispute_lines(record)
    if lines:
        console.print()
        console.print(Text("Disputed figures", style="bold red" if colour else ""))
        for line in lines:
            console.print(Text(line), soft_wrap=True)
    console.print()
    console.print(Text("Sources", style="bold" if colour else ""))
    for doc in record["documents"]:
        console.print(Text(_doc_line(doc)), soft_wrap=True)
    return _plain(buf.getvalue(), colour)


def _styled(r: TableRenderer, column: str, text: str) -> Any:
    from rich.text import Text

    if column in ("Points", "%") and text and text[0] in "+-":
        return r._move(-1.0 if text[0] == "-" else 1.0, text)
    if column == "Status" and text.startswith("DISPUTED") and r.colour:
        return Text(text, style="bold red")
    return Text(text)


def _doc_line(doc: dict[str, Any]) -> str:
    parts = [doc["source"], doc.get("session") or "", doc.get("language") or "",
             doc.get("title") or ""]
    return "  ".join(p for p in parts if p)


def _plain(text: str, colour: bool) -> str:
    return text if colour else "\n".join(line.rstrip() for line in text.split("\n"))


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def day_markdown(record: dict[str, Any]) -> str:
    out = [f"# {_headline(record)}", ""]
    for title, head, rows, numeric in day_sections(record):
        if not rows:
            continue
        out += [f"## {title}", "", "| " + " | ".join(head) + " |",
                "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
        out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
        out.append("")
    lines = dispute_lines(record)
    if lines:
        out += ["## Disputed figures", ""]
        out += [f"- **{_md_cell(line)}**" if not line.startswith("  ") else
                f"  - {_md_cell(line.strip())}" for line in lines]
        out.append("")
    out += ["## Sources", ""] + [f"- {_md_cell(_doc_line(d))}" for d in record["documents"]]
    return "\n".join(out) + "\n"


def day_csv_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def add(kind: str, subject: str, name: str | None, session: str, figure: str,
            fig: Figure | None, currency: str | None = None) -> None:
        if fig is None:
            return
        rows.append({
            "date": record["date"], "kind": kind, "subject": subject, "name": name,
            "session": session, "figure": figure, "value": fig.value, "currency": currency,
            "qualifier": fig.qualifier, "status": fig.status, "sources": fig.sources,
            "stated_by": "; ".join(sorted({s.source for s in fig.agreeing})),
            "dissent": "; ".join(f"{s.source}: {cell(s.value)}" for s in fig.dissenting),
        })

    for m in record["indices"]:
        for n in INDEX_FIGURES:
            add("index", m["index"], m.get("name"), m["session"], n, m[n])
    for s in record["stocks"]:
        for n in ("change_pct", "price"):
            add("stock", s["code"], s.get("name"), s["session"], n, s[n],
                s.get("currency") if n == "price" else None)
    for m in record["market"]:
        add("market", m["figure"], None, m["session"], m["figure"], m["value"], m["currency"])
    return rows


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
    return buf.getvalue()


def day_json(record: dict[str, Any]) -> str:
    return json.dumps(to_plain(record), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


# -- series -------------------------------------------------------------------------------------

SERIES_COLUMNS = {
    "index": ("date", "level", "change_points", "change_pct", "sources", "status"),
    "stock": ("date", "price", "change_pct", "sources", "status"),
}


def series_plain(rows: Sequence[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """Series rows for CSV and JSON: the figures, the count of sources, the status, and for
    JSON the dissent of each disputed figure."""
    out = []
    for r in rows:
        item = {c: r.get(c) for c in SERIES_COLUMNS[kind] if c not in ("status",)}
        item["status"] = "disputed" if r["disputed"] else "agreed"
        bounds = {k: f.qualifier for k, f in r["figures"].items()
                  if f is not None and f.qualifier != "exact"}
        if bounds:  # a figure only stated as a bound ("nearly 2%") says so in JSON
            item["qualifiers"] = bounds
        item["dissent"] = {k: [s.to_dict() for s in f.dissenting]
                           for k, f in r["figures"].items() if f and f.dissenting}
        out.append(item)
    return out


def series_table(rows: Sequence[dict[str, Any]], *, kind: str, title: str, colour: bool,
                 colours: str = "hk", width: int | None = None) -> str:
    from rich.text import Text

    main = "level" if kind == "index" else "price"
    r = TableRenderer(colour=colour, colours=colours, width=width)
    values = [row[main] for row in rows]
    line = "".join(spark(values)) or "(no data)"
    buf = io.StringIO()
    console = r._console(buf)
    console.print(Text(f"{title}  {line}", style="bold" if colour else ""), soft_wrap=True)
    console.print()
    figures = ("level", "change_points", "change_pct") if kind == "index" else ("price",
                                                                                "change_pct")
    head = ["Date", *(FIGURE_LABELS[f].capitalize() if f != "change_pct" else "%"
                      for f in figures), "Sources", "Status", "Chart"]
    numeric = [False, *(True for _ in figures), True, False, False]
    table = r._table("", list(zip(head, numeric, strict=False)))
    for row, bar in zip(rows, bars(values), strict=False):
        cells = [Text(row["date"])]
        for f in figures:
            text = _shown(f, row["figures"].get(f))
            cells.append(_styled(r, "%" if f == "change_pct" else ("Points" if f ==
                                 "change_points" else f), text))
        cells += [Text(str(row["sources"])),
                  _styled(r, "Status", _status(row["figures"])), Text(bar)]
        table.add_row(*cells)
    console.print(table)
    disputed = [row for row in rows if row["disputed"]]
    if disputed:
        console.print()
        for row in disputed:
            for name, f in row["figures"].items():
                for s in (f.dissenting if f else ()):
                    where = f" (line {s.line})" if s.line else ""
                    console.print(Text(
                        f"{row['date']} {FIGURE_LABELS.get(name, name)}: {s.source}{where} says "
                        f"{_value_text(name, s.value)} {_quote(s.evidence)}".rstrip()),
                        soft_wrap=True)
    return _plain(buf.getvalue(), colour)
