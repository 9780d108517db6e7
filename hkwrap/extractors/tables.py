"""Tables of movers: the "top turnover" and index tables that portal and broker reports print.

A table is a block of lines split into cells by ``|`` (Markdown) or tabs. Its header names the
columns (Code, Name, Last, Chg (%), Turnover; 代號, 名稱, 收市價, 升跌(%), 成交額), so each row
gives a subject (a security found in the row, or an index name) and its figures. The rows
become moves like those read from sentences, and are merged with them as restatements.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from hkwrap import patterns
from hkwrap.extractors.moves import Move, Num
from hkwrap.extractors.tokens import FUND_AFTER, Subject, contract_month_after, sector_after
from hkwrap.model import Amount, Mention
from hkwrap.numbers import ARROW_PAD, SIGNS, figure_unit_words, magnitude_words
from hkwrap.text.lexicon import Lexicon
from hkwrap.text.prepare import Prepared
from hkwrap.text.wrap import csv_cells

if TYPE_CHECKING:
    import regex

def _bilingual(en: str, zh: str) -> str:
    """A header cell that is the English word, the Chinese one, or both in either order."""
    return rf"^\s*(?:(?:{en})|(?:{zh})|(?:{zh})\s(?:{en})|(?:{en})\s(?:{zh}))\s*$"


# Column kinds by header words (folded: lower case, Simplified).
_COLUMNS: tuple[tuple[str, regex.Pattern], ...] = (
    ("pct", patterns.compile(r"%|pct|百分比|涨跌幅|升跌幅|变动幅度|幅度|变幅")),
    # an index's open, high and low of the day: levels of their own (a stock's are left alone)
    # (or a bilingual header, either way round: "最高 High", "Low 最低")
    ("open", patterns.compile(_bilingual(r"open|opening", r"开盘|开市|今开|开盘价|开市价"))),
    # (日内高, 全日低: the day's extremes said short)
    ("high", patterns.compile(_bilingual(r"high|day high|intraday high", r"最高|最高价|全日最高|日内最高|日内高|全日高|盘中高"))),
    ("low", patterns.compile(_bilingual(r"low|day low|intraday low", r"最低|最低价|全日最低|日内最低|日内低|全日低|盘中低"))),
    ("turnover", patterns.compile(r"turnover|value traded|成交额|成交金额|成交")),
    ("price", patterns.compile(r"last|price|close|closing|level|现价|收市价|收盘价|收报|最新价|最新|股价|收市|点位|收盘|报价|午收")),
    ("points", patterns.compile(r"chg|change|升跌|涨跌|变动|\bpts\b|\bpoints\b|点数")),
)
# A column of another day or period: the previous close, year-to-date, week, month, a half or a
# quarter ("1H", "Q3"), 52 weeks. (Not a weekday's: "周五收市（元）｜周五變幅" in a weekly's
# table are the day's.)
_OTHER_COLUMN = patterns.compile(
    r"\b\d{1,2}\s?[wmy]\b|\b(?:[12]h|h[12]|[1-4]q|q[1-4])\b|prev|previous|last close|yesterday|ytd|year-to-date|wtd|mtd|week|month|52[\s-]?w|weight|% of nav|占净值|占比|比重|权重|持仓比例|昨收|前收|上日|前日|年初至今|本年|本周|本月|周(?![一二三四五])|月"
    # (or another listing's: the A share's close and change beside the H share's, an A/H premium)
    r"|^\s*a\s(?:close|chg|change|price|last)|a股|a/h|premium|溢价|adr"
    # (or the gap of an ADR's converted price to the Hong Kong close: "较港收市", "vs HK close")
    r"|较港|vs\.?\shk"
)
# A column of a weekday of the week before ("上周五收盘", "上周五涨跌幅", "Last Fri close"): another
# day's, whatever the report (a weekday's own column, "周五收市", is the day's).
_LAST_WEEKDAY_COLUMN = patterns.compile(r"(?:上周|上星期|上礼拜)[一二三四五六日]|\blast\s(?:mon|tue|wed|thu|fri)")
# A header's period label, not a figure: "1D %", "1M %", "3M", "1Y %" (a performance table).
_PERIOD_LABEL = patterns.compile(r"\d{1,2}\s?[dwmy]\s?%?")
# A change counted from the day before: the day's change, whatever base it names.
_CHANGE_ON_BASE = patterns.compile(r"[较比](?:上日|前日|上一交易日|昨日)|(?:chg|change)\s(?:vs\.?|from|on|versus)\s(?:prev|previous|yesterday)")
_SEPARATOR = patterns.compile(r"^\s*\|?\s*:?-{2,}")
# (a quote board's arrow is the sign: "▲ 722.84", "▼ 0.69%")
_CELL_NUMBER = patterns.compile(
    rf"^(?P<sign>[+-]|[▲△▼▽↑↓]\s{{0,{ARROW_PAD}}})?\s?(?:hk\$|\$|hkd)?\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s?(?P<mag>[bmk]|bn|亿|万)?\s?%?$"
)


# A column layout padded with spaces: cells are runs of words with single spaces inside (an
# ASCII space: \S excludes the full-width one).
# (a single space goes on with the cell, but not between two figures: a fixed-width screen's
# "-40.82 -0.23" under "NET CHG  %CHG" are two cells)
_PADDED_CELL = patterns.compile(r"\S+(?:(?<!\d) \S+| (?![+\-]?\d)\S+)*")
_PADDED_LINE = patterns.compile(r"\S(?: {2,}|\t)\S.*\S(?: {2,}|\t)\S")
# ... or, as written, with full-width spaces: one of them parts two cells ("股份　　　收市(元)　升跌(%)")
_FULL_WIDTH_PADDED_LINE = patterns.compile(
    r"\S(?: {2,}|\t| *\u3000[\u3000 ]*)\S.*\S(?: {2,}|\t| *\u3000[\u3000 ]*)\S"
)
_SIDE_BY_SIDE_MIN_COLUMNS = 2  # each of two tables side by side has at least a name and a figure column
# A rule drawn across a fixed-width table under its header ("-----",
# "=====", "──────", "+------+------+"): no cells of its own, and the table goes on past it.
_RULE_LINE = patterns.compile(r"(?<![ \t])[ \t]*[-=─━_+]{3,}[-=─━_+ \t]*")  # (one try per run of blanks)


def _cells(line: str, start: int, raw: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table line, offsets into the text. ``raw``: the line as
    written (the folded line turns a full-width space into a space, and a Chinese table pads
    its columns with full-width spaces: one of them parts two cells, "00700　騰訊控股")."""
    if "|" not in line and "\t" not in line and raw is not None and len(raw) == len(line) and csv_cells(raw):
        sep = ","  # a spreadsheet's rows pasted as comma-separated values
    elif "|" not in line and "\t" not in line:
        padded = raw if raw is not None and len(raw) == len(line) else line
        return [(start + m.start(), start + m.end()) for m in _PADDED_CELL.finditer(padded)]
    else:
        sep = "|" if "|" in line else "\t"
    spans = []
    pos = 0
    for part in line.split(sep):
        s, e = pos, pos + len(part)
        pos = e + 1
        if part.strip():
            lead = len(part) - len(part.lstrip())
            spans.append((start + s + lead, start + s + len(part.rstrip())))
    return spans


def _table_line(line: str) -> bool:
    """A line of cells split by ``|`` or tabs, or padded into columns with spaces."""
    return (
        line.count("|") >= 2
        or "\t" in line.strip()
        # (a padded line has two spaces in a row: most prose lines are passed over here, as
        # trying the pattern at each of their characters cost 2-3% of a run)
        or ("  " in line and _PADDED_LINE.search(line) is not None)
    )


def _table_blocks(prep: Prepared) -> list[list[tuple[int, int]]]:
    """``_blocks`` of the report, found once: four readers (moves, period rows, breadth, market
    figures) ask for them. Two tables printed side by side are two blocks."""
    blocks: list[list[tuple[int, int]]] = prep.once(
        "table_blocks", lambda: [half for b in _blocks(prep.folded, prep.text) for half in _side_by_side(prep, b)]
    )
    return blocks


def _side_by_side(prep: Prepared, block: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Two tables printed side by side under one header line that repeats its columns ("Code
    Name  Last  Chg%      Code  Name  Last  Chg%", perhaps under a line of their two titles,
    "Top gainers      Top losers"): the left and the right table, each its own block of
    line parts split at the column where the second header begins. Any other block as it is."""
    folded = prep.folded
    for k, (hs, he) in enumerate(block[:2]):
        cells = _cells(folded[hs:he], hs, prep.text[hs:he])
        half = len(cells) // 2
        names = [folded[a:b].strip() for a, b in cells]
        if (
            len(cells) >= 2 * _SIDE_BY_SIDE_MIN_COLUMNS and len(cells) % 2 == 0 and names[:half] == names[half:]
            and any(pat.search(n) for n in names[:half] for _, pat in _COLUMNS)
        ):
            split = cells[half][0] - hs  # where the right table's columns begin, from the line's start
            left = [(a, min(b, a + split)) for a, b in block[k:]]
            right = [(a + split, b) for a, b in block[k:] if b > a + split and folded[a + split:b].strip()]
            return [left, right] if len(right) >= 2 else [left]
    return [block]


def _blocks(folded: str, text: str | None = None) -> Iterator[list[tuple[int, int]]]:
    """Runs of consecutive table lines (a header and at least one row), as line spans: cells
    split by ``|`` or tabs, or a column layout padded with spaces (in ``text``, the lines as
    written, full-width ones too)."""
    block: list[tuple[int, int]] = []
    csv = 0  # the cells of each row of the comma-separated block being read
    as_written = text if text is not None and len(text) == len(folded) else None  # (commas are read as written)
    pos = 0
    lines = folded.split("\n")
    for k, line in enumerate(lines):
        span = (pos, pos + len(line))
        pos += len(line) + 1
        cells = csv_cells(as_written[span[0]:span[1]]) if as_written is not None else 0
        if cells != csv and len(block) >= 2 and (cells or csv):
            yield block  # a comma-separated block ends, or one begins after another layout's
        if cells:
            # rows of comma-separated values: one block while they hold as many cells
            block = [*block, span] if cells == csv else [span]
            csv = cells
            continue
        if csv:
            block, csv = [], 0
        # (padding is read as written: an emoji's variation selector folds to a space, and
        # "恒指 24,120.5 ⬆️ +0.42%" is no padded row)
        written = as_written[span[0]:span[1]] if as_written is not None else ""
        if _table_line(written if "\ufe0f" in written else line) or (
            text is not None and "\u3000" in (raw := text[span[0]:span[1]])
            and _FULL_WIDTH_PADDED_LINE.search(raw) is not None
        ):
            block.append(span)
            continue
        if (
            len(block) == 1 and "|" not in line and _RULE_LINE.fullmatch(line) is not None and k + 1 < len(lines)
            and _table_line(lines[k + 1])
            and len(_cells(lines[k + 1], 0)) - len(_cells(folded[block[0][0]:block[0][1]], 0)) in (0, 1)
        ):
            # "Code   Name   Last   Chg%" / "----------" / "00941  China Mobile  68.95  +1.62": a
            # header ruled off from its rows, perhaps with one label over both code and name
            # ("Reopening winners   Last   Chg%"); a title over a rule, its cells not the rows', is no header
            continue
        if block and line.strip() and not any(map(str.isdigit, line)) and k + 1 < len(lines):
            nxt = lines[k + 1]
            if nxt[:1] in (" ", "\t") and _table_line(nxt):
                continue  # a row's name broken over two lines ("Hang Seng China Enterprises" / "  Index ...")
        if len(block) >= 2:
            yield block
        block = []
    if len(block) >= 2:
        yield block


def _number(cell: str) -> tuple[float, int] | None:
    cell = cell.strip()
    if cell[:1] in "(（" and cell[-1:] in ")）":
        cell = cell[1:-1]  # "(-247.31)" under "(PTS)": the points in brackets
    m = _CELL_NUMBER.match(cell.strip())
    if not m:
        return None
    value = float(m["n"].replace(",", ""))
    if m["mag"]:
        value *= magnitude_words()[m["mag"]]  # units.yaml's magnitudes
    return value, SIGNS.get((m["sign"] or "").strip(), 0)


def table_moves(prep: Prepared, lexicon: Lexicon, entities: list[Any], table: Any, recap: bool = False) -> list[Move]:
    """The moves the report's tables state, one per row with a subject and a figure. (``recap``:
    the report is a next-morning recap, whose "previous session" is the day it reports.)"""
    folded = prep.folded
    moves: list[Move] = []
    for block in _table_blocks(prep):
        header_line = block[0]
        header_cells = _cells(folded[header_line[0]:header_line[1]], header_line[0], prep.text[header_line[0]:header_line[1]])
        header = [folded[s:e] for s, e in header_cells]
        kinds: list[str | None] = []
        for cell in header:
            if _CHANGE_ON_BASE.search(cell):  # 較上日變動, "Chg vs prev close": the day's change
                kinds.append("pct" if "%" in cell else "points")
                continue
            other = (  # "Prev close", "YTD %", 上周五收盘: not the day's
                _OTHER_COLUMN.search(cell) or _LAST_WEEKDAY_COLUMN.search(cell)
                # (a column named for the day before, 昨日收盘, as a heading is: unless the report
                # is a next-morning recap, whose 昨日 is the day it reports)
                or (not recap and _OTHER_DAY_HEADING.search(cell))
            )
            kinds.append(None if other else next((k for k, pat in _COLUMNS if pat.search(cell)), None))
        if header and _CODE_CELL.fullmatch(header[0].strip()):
            kinds = []  # the first line is already a row ("0981  SMIC  57.40  -6.3%"): no header
        if any(
            (parsed := _number(cell)) is not None and (parsed[1] or "%" in cell) and not _PERIOD_LABEL.fullmatch(cell.strip())
            for cell in header
        ):
            kinds = []  # a signed figure or a percent in the first line: a row, not a header
        # a column headed "Code" holds codes the built-in table may not know (7226, a leveraged product)
        code_col = next((k for k, cell in enumerate(header) if _CODE_HEADER.fullmatch(cell.strip())), None)
        if not recap and _other_day_heading(folded, header_line[0]):
            continue  # "# 前一交易日（11月3日，星期四）參考" right over the table: another day's figures
        if not any(kinds):
            if _period_header(header):
                continue  # a month's or a year's table ("全月變動", "YTD"): none of the day's figures
            moves.extend(_stacked_index_rows(prep, lexicon, block))
            moves.extend(_code_rows(prep, table, block))
            continue
        for row_start, row_end in block[1:]:
            line = folded[row_start:row_end]
            if _SEPARATOR.match(line):
                continue
            cells = _cells(line, row_start, prep.text[row_start:row_end])
            row_kinds = kinds
            if len(cells) == len(header) + 1 and header_cells and cells[0][1] - row_start < header_cells[0][0] - header_line[0]:
                # a header with no label over the names ("         Close   Chg   %" over
                # "Hang Seng   17,830.64   -401.17   -2.20"): its cells head the figures after them
                row_kinds = [None, *kinds]
            elif (
                len(cells) == len(header) + 1 and kinds[0] is None and header_cells
                and cells[1][0] - row_start < header_cells[0][1] - header_line[0]  # (the label spans both)
                and cells[-1][0] - row_start < header_cells[-1][1] - header_line[0]
                and header_cells[-1][0] - header_line[0] < cells[-1][1] - row_start
            ):
                # a label over both the code and the name ("Reopening winners   Last   Chg%" over
                # "01928  Sands China   33.85   +5.29"): the figures line up under their headings
                row_kinds = [None, *kinds]
            elif (
                1 < len(cells) < len(header)
                and header_cells[len(cells)][0] - header_line[0] >= cells[-1][1] - row_start
            ):
                # a row whose last columns are blank ("HSCEI  7,300.12  +0.92" under "Index
                # Close Chg % Day range"): its cells head from the left
                row_kinds = kinds[:len(cells)]
            elif len(cells) != len(header):
                continue
            subject = _row_subject(prep, lexicon, entities, table, cells, row_start, row_end, code_col)
            if subject is None:
                continue
            move = Move([subject], (row_start, row_end))
            extremes: list[Move] = []
            for k, ((s, e), kind) in enumerate(zip(cells, row_kinds, strict=True)):
                parsed = _number(folded[s:e])
                if parsed is None and kind == "price" and subject.kind == "index" and (
                    both := _LEVEL_WITH_POINTS.fullmatch(folded, s, e)
                ) is not None:
                    # "20,259.13（-609.21）" under "收市（涨跌点）": the level, its points in brackets
                    move.level = Num(float(both["level"].replace(",", "")), "exact", s, both.end("level"))
                    move.points.append(Num(float(both["points"].replace(",", "")), "exact", both.start("points"), both.end("points")))
                    continue
                if parsed is None or kind is None:
                    continue
                value, sign = parsed
                if kind in ("open", "high", "low"):
                    if subject.kind == "index" and not sign:
                        extreme = Move([subject], (row_start, row_end))
                        extreme.level = Num(value, "exact", s, e)
                        extreme.session, extreme.session_explicit = "open" if kind == "open" else "intraday", True
                        extremes.append(extreme)
                    continue
                if not sign and k > 0:
                    sign = _direction_cell(lexicon, folded, *cells[k - 1])  # "H-SHARES  7,226.35  DOWN  2.25%"
                if kind == "points" and folded[s:e].rstrip().endswith("%"):
                    kind = "pct"  # "Day chg" holding "-9.29%": a change in percent
                if kind == "pct":
                    move.pcts.append(Num(sign * value if sign else value, "exact", s, e))
                elif kind == "points" and subject.kind == "index":
                    move.points.append(Num(sign * value if sign else value, "exact", s, e))
                elif kind == "price":
                    if subject.kind == "index":
                        move.level = Num(value, "exact", s, e)
                    else:
                        move.price = Num(value, "exact", s, e)
                elif kind == "turnover" and subject.kind == "stock":
                    move.turnover = Num(value, "exact", s, e)
            if move.has_numbers:
                moves.append(move)
                moves.extend(extremes)
    return moves


_HEADING_CHARS = 60  # a heading over a table: a short line of its own
# A heading's words for the day before (not a week's or a year's: "Weekly index table" has the
# day's columns beside the week's).
_OTHER_DAY_HEADING = patterns.compile(
    r"前一交易日|上一交易日|上一个交易日|上日|前日|昨日|\b(?:previous|prior|last)\s(?:session|trading\sday|day)\b|\bday\sbefore\b"
)


def _other_day_heading(folded: str, start: int) -> bool:
    """Is the line right above a table's header a short heading naming the day before
    ("# 前一交易日（11月3日，星期四）參考", "For reference: the previous session")? (Read here,
    not by ``_line_above``: such a heading may hold the day's date.)"""
    end = start - 1
    if end <= 0:
        return False
    line_start = folded.rfind("\n", 0, end) + 1
    if not folded[line_start:end].strip() or end - line_start > _HEADING_CHARS:
        return False
    # (not a two-day table's column labels, "今日（18日）　昨日（17日）": the day's beside the other)
    return _OTHER_DAY_HEADING.search(folded, line_start, end) is not None and _TODAY_COLUMN.search(folded, line_start, end) is None


def _direction_cell(lexicon: Lexicon, folded: str, start: int, end: int) -> int:
    """-1 or +1 for a cell that is only a direction word ("DOWN", "UP", 跌), else 0."""
    for w in lexicon.scan(folded, start, end):
        if w.start == start and w.end == end:
            if "down" in w.roles and "up" not in w.roles:
                return -1
            if "up" in w.roles and "down" not in w.roles:
                return 1
    return 0


def _period_header(header: list[str]) -> bool:
    """Does a header with no column of the day's figures name another period's ("9月30日收市",
    "全月變動", "YTD %")?"""
    return any(_OTHER_COLUMN.search(cell) for cell in header) and not any(_TODAY_COLUMN.search(cell) for cell in header)


_TODAY_COLUMN = patterns.compile(r"今日|今天|本日|当日|today")  # a two-day table's column of the day


def other_period_spans(prep: Prepared) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """What of the report's tables holds another period's figures, which read as sentences
    would pass for the day's: the rows of tables whose columns are all another period's (a
    monthly report's "全月變動", "月內股價變動"), and the cells under another period's header
    ("1H", "YTD %", "Prev close") in tables that have other columns too ("883  CNOOC  22.30
    flat  +71.7%" under "Close  Day  1H")."""
    folded = prep.folded
    rows: list[tuple[int, int]] = []
    cells_out: list[tuple[int, int]] = []
    for block in _table_blocks(prep):
        s, e = block[0]
        header = [folded[a:b] for a, b in _cells(folded[s:e], s, prep.text[s:e])]
        other = [bool(_OTHER_COLUMN.search(c)) for c in header]
        kinds = [None if o else next((k for k, pat in _COLUMNS if pat.search(c)), None) for c, o in zip(header, other, strict=True)]
        if not any(kinds) and _period_header(header):
            rows.extend(block[1:])
        cols = [k for k, o in enumerate(other) if o]
        if not cols or len(cols) == len(header):
            continue
        for row_start, row_end in block[1:]:
            cells = _cells(folded[row_start:row_end], row_start, prep.text[row_start:row_end])
            if len(cells) == len(header):
                cells_out.extend(cells[k] for k in cols)
    return rows, cells_out


def _code_rows(prep: Prepared, table: Any, block: list[tuple[int, int]]) -> list[Move]:
    """A movers board with no header, one stock a row: its code, its name, its price, its
    signed percent ("0981  SMIC  57.40  -6.3%"). Each row names its own columns by form."""
    folded = prep.folded
    moves: list[Move] = []
    for s, e in block:
        cells = _cells(folded[s:e], s, prep.text[s:e])
        if len(cells) < 3 or not _CODE_CELL.fullmatch(folded[cells[0][0]:cells[0][1]]):
            continue
        last = folded[cells[-1][0]:cells[-1][1]]
        pct, price = _number(last), _number(folded[cells[-2][0]:cells[-2][1]])
        if pct is None or not last.endswith("%") or price is None or price[1] or "%" in folded[cells[-2][0]:cells[-2][1]]:
            continue  # the last cell a percent, the one before it an unsigned price
        code = folded[cells[0][0]:cells[0][1]].zfill(5)
        record = table.get(code)
        if record is None:
            continue
        move = Move([Subject("stock", code, cells[0][0], cells[0][1], record)], (s, e))
        move.pcts.append(Num(pct[1] * pct[0] if pct[1] else pct[0], "exact", *cells[-1]))
        move.price = Num(price[0], "exact", *cells[-2])
        moves.append(move)
    return moves


# The label of a row that holds the change of the row above: "升跌", "升跌(%)", "Chg", "+/-".
_CHANGE_LABEL = patterns.compile(r"^(?:升跌|涨跌|变动|change|chg|\+/-)\s?(?:\(?(?:%|点|pts|points)\)?)?$")


def _stacked_index_rows(prep: Prepared, lexicon: Lexicon, block: list[tuple[int, int]]) -> list[Move]:
    """A table whose columns are days (今日 | 昨日) and whose rows stack an index's level over
    its change ("國企指數  8,702.35  8,751.90" then "升跌(%)  -0.57%  +0.41%"): the first
    column is the day's."""
    folded = prep.folded
    moves: list[Move] = []
    rows = [(s, _cells(folded[s:e], s, prep.text[s:e])) for s, e in block[1:] if not _SEPARATOR.match(folded[s:e])]
    for (s, cells), (_, below) in pairwise(rows):
        if len(cells) < 2 or len(below) < 2:
            continue
        index_id = lexicon.index_of(folded[cells[0][0]:cells[0][1]].strip())
        label = folded[below[0][0]:below[0][1]].strip()
        if index_id is None or index_id.startswith("@") or not _CHANGE_LABEL.match(label):
            continue
        level, change = _number(folded[cells[1][0]:cells[1][1]]), _number(folded[below[1][0]:below[1][1]])
        if level is None or change is None or not change[1]:
            continue  # the change must carry its sign: it is a day's move
        move = Move([Subject("index", index_id, cells[0][0], cells[0][1])], (s, below[1][1]))
        move.level = Num(level[0], "exact", cells[1][0], cells[1][1])
        figure = Num(change[1] * change[0], "exact", below[1][0], below[1][1])
        if "%" in label or "%" in folded[below[1][0]:below[1][1]]:
            move.pcts.append(figure)
        else:
            move.points.append(figure)
        moves.append(move)
    return moves


_CODE_CELL = patterns.compile(r"\d{4,5}")  # a cell that is a stock code


def code_cell_mentions(prep: Prepared, moves: list[Move], known: set[str]) -> list[Mention]:
    """Mentions of the securities table rows name only by a code cell that no name in the
    text already mentions ("| 7226 | CSOP HSTECH Daily (2x) Leveraged Product |"): a row's
    move is a mention of its security, as a name's is."""
    out: list[Mention] = []
    for move in moves:
        subj = move.subjects[0] if move.subjects else None
        if subj is None or subj.kind != "stock" or subj.id in known:
            continue
        if not _CODE_CELL.fullmatch(prep.folded, subj.start, subj.end):
            continue
        record = subj.entity if hasattr(subj.entity, "name_zh") else None
        out.append(Mention(
            code=subj.id, name=getattr(record, "name", None), text=prep.text[subj.start:subj.end],
            start=subj.start, end=subj.end, name_zh=getattr(record, "name_zh", None),
        ))
        known.add(subj.id)
    return out
_CODE_HEADER = patterns.compile(r"code|stock code|ticker|代号|代码|股份代号|股票代号|股票代码|编号")  # folded


def _row_subject(
    prep: Prepared,
    lexicon: Lexicon,
    entities: list[Any],
    table: Any,
    cells: list[tuple[int, int]],
    start: int,
    end: int,
    code_col: int | None = None,
) -> Subject | None:
    """The security (or index) a table row is about: a code cell ("00700"; any code in a
    column headed "Code"), else the first security or index named in the row (not an index
    named inside a fund's name: "CSOP HSTECH Daily (2x) Leveraged Product")."""
    for k, (s, e) in enumerate(cells):
        cell = prep.folded[s:e]
        if _CODE_CELL.fullmatch(cell):
            code = cell.zfill(5)
            record = table.get(code)
            if record is not None or cell.startswith("0") or k == code_col:
                return Subject("stock", code, s, e, record)
    for ent in entities.within(start, end) if hasattr(entities, "within") else entities:
        if ent.code and start <= ent.start < end and getattr(ent, "role", "subject") == "subject":
            return Subject("stock", ent.code, ent.start, ent.end, ent)
    words = lexicon.scan(prep.folded, start, end)
    for w in words:
        ids = sorted(r[6:] for r in w.roles if r.startswith("index:") and not r[6:].startswith("@"))
        if not ids and cells and w.start == cells[0][0]:
            # "H-shares   9,215.37   -106.11": a name that is the index only as a row's label
            ids = sorted(r[12:] for r in w.roles if r.startswith("index_label:"))
        if ids and not FUND_AFTER.match(prep.folded, w.end, end):
            label_end = cells[0][1] if cells else end
            if any(_DERIVED_ROLE in d.roles and d.start < label_end for d in words):
                return None  # "HSI Aug futures (night)  25,474  -45": the label names a contract
            if sector_after().match(prep.folded, w.end, label_end):
                return None  # "HSI - Utilities  37,204.55  -67.08": a sector sub-index's row
            if contract_month_after().match(prep.folded, w.end, label_end):
                return None  # "HSI Jun fut  23,570  +41  +0.17": a month's futures contract
            return Subject("index", ids[0], w.start, w.end)
    return None


# The role of a futures contract's, a night session's or an ADR gauge's name (indices.yaml,
# "@derived"): its row's figures are not the index's.
_DERIVED_ROLE = "index:@derived"


# A line that is only an index's name and its figures, as a broker note lists them with no
# header: "恒生指數 25,672.45 -128.33 -0.50%", "HSI: 25,672.45, -128.33 (-0.50%)". The change
# in points and in percent both carry a sign, so the line can only be a day's move. (An
# accountant's bracket is the minus sign: "Hang Seng  19,876.52  (215.30)  (1.07)".)
_INDEX_ROW = patterns.compile(
    r"^[\s*•·-]*(?P<name>[^\d\s:：|][^\d:：|]{0,40}?)\s*[:：]?\s*"
    r"(?P<level>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{3,6}(?:\.\d+)?)(?:\s*点)?[\s,，]+"
    rf"(?P<pts>(?:[▲△▼▽↑↓]\s{{0,{ARROW_PAD}}})?[+\-]?\s?\d[\d,]*(?:\.\d+)?|\(\d[\d,]*(?:\.\d+)?\))(?:\s*点)?[\s,，]+"
    rf"\(?(?P<pct>(?:[▲△▼▽↑↓]\s{{0,{ARROW_PAD}}})?[+\-]?\s?\d+(?:\.\d+)?)\s?(?P<unit>%)?\)?"
    # a quote board may close the line with the previous close ("昨收 26282.69"), or a table
    # give it in a column of its own ("... +1.01     25,938.13" under "Prev. close"), or a
    # longer period's change in percent ("... +0.42     -4.2" under "2020 %", "n/a" for an
    # index not yet launched), which is not the day's
    r"(?:\s+(?:(?:昨收|前收|prev(?:ious)?\.?\s?close)\s?[:：]?\s?[\d,]+(?:\.\d+)?"
    r"|(?P<prev>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{3,6}(?:\.\d+)?)"
    r"|[+\-]\s?\d{1,3}(?:\.\d+)?\s?%?|n/a\*?))?\s*$"
)
# A bare last column is the previous close only when level minus change gives it, to this
# (points: a cent of rounding on each side).
_PREV_CONSISTENT = 0.02
# A change without its % sign is a percent only when it is the points' share of the day
# before's level, to this tolerance (in percentage points: two decimals rounded).
_PCT_CONSISTENT = 0.011
# A wire's index list gives the close before, the close and the signed change, single-spaced
# ("Hang Seng Index 27,822.28 27,591.25 -231.03"), and may break a name over two lines
# ("China Enterprises" / "Index 14,009.76 ..."). No percent: the sum checks the reading.
_PREV_CLOSE_ROW = patterns.compile(
    r"^[\s*•·-]*(?P<name>[^\d\s:：|][^\d:：|]{0,40}?)\s*[:：]?\s*"
    r"(?P<a>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{3,6}(?:\.\d+)?)\s+"
    r"(?P<b>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{3,6}(?:\.\d+)?)\s+"
    r"(?P<pts>[+\-]\s?\d[\d,]*(?:\.\d+)?)\s*$"
)
# A name's second line is only the word for index ("Index 14,009.76 ..."); its first line is
# this many lines above at most (a blank line between them).
_NAME_BROKEN_REACH = 2
_INDEX_WORDS = frozenset({"index", "指数"})  # the second line's word (folded: lower case, Simplified)
# A quote board writes the sign as an arrow ("19,752.51 ▲ 274.39 (1.41%)"), and may leave the
# percent unsigned: it takes the sign of the points.


def _signed(figure: str, default: float = 0.0) -> float:
    """A row's figure with its sign ("▼ 12.06" -> -12.06, "▼ -376.04" -> -376.04); unsigned,
    the sign ``default``."""
    signs = [SIGNS[c] for c in figure if c in SIGNS]
    value = float(figure.lstrip("+-▲△▼▽↑↓ ").replace(",", "").replace(" ", ""))
    return value * (signs[-1] if signs else default)


# A row line is short; a longer line is prose, and is not tried.
_INDEX_ROW_MAX = 120
# Short names a row may use for an index whose full name ends in 指數 ("恒生科技").
_INDEX_SUFFIX = "指数"


def index_rows(prep: Prepared, lexicon: Lexicon) -> list[Move]:
    """Index moves from lines that hold only an index's name, level and signed changes."""
    folded = prep.folded
    moves: list[Move] = []
    # a report that writes a fall in brackets, as accounts do, writes a rise with no sign
    # ("HS TECH  3,702.66  12.40  0.34" under "Hang Seng  17,640.25  (254.10)  (1.42)")
    accounts = "(" in folded and any(
        (m := _INDEX_ROW.match(line)) is not None and m["pts"].startswith("(")
        for line in folded.split("\n") if len(line) <= _INDEX_ROW_MAX and "(" in line
    )
    pos = 0
    above: Subject | None = None  # the index of the row just above
    headed: Subject | None = None  # the index a heading line names, over labelled lines
    for line in folded.split("\n"):
        start, pos = pos, pos + len(line) + 1
        row_above, above = above, None
        if not any(map(str.isdigit, line)):
            headed = _heading_index(lexicon, folded, start, line) if line.strip() else headed
            continue
        if len(line) > _INDEX_ROW_MAX:
            headed = None
            continue
        if row_above is not None and _OHL_LINE.fullmatch(line):
            moves.extend(_open_high_low(row_above, line, start))
            continue
        if headed is not None and _OHL_LABELLED.fullmatch(line):
            moves.extend(_open_high_low(headed, line, start))  # "HSI session profile" / "Day high 最高 26,748.90"
            continue
        if headed is not None and not _OTHER_LABELLED.fullmatch(line):
            headed = None  # ("Prev close 前收 26,686.73" goes on under the heading)
        wire_row = _prev_close_row(lexicon, folded, line, start)
        if wire_row:
            moves.extend(wire_row)
            continue
        m = _INDEX_ROW.match(line)
        if m is None:
            continue
        name = m["name"].strip()
        # (a shortened name may end on its abbreviation's dot: "HS China Ent.")
        index_id = lexicon.index_of(name) or lexicon.index_of(name + _INDEX_SUFFIX) or lexicon.index_of(name.rstrip("."))
        if index_id is None or index_id.startswith("@"):
            continue
        if m["pts"].startswith("("):
            pts = -float(m["pts"].strip("()").replace(",", ""))  # "(215.30)": a fall, as accounts write it
        elif not _signed(m["pts"]) and m["pts"].lstrip()[:1] not in SIGNS and not accounts:
            continue  # the change in points carries a sign (or an arrow): a day's move
        else:
            pts = _signed(m["pts"], default=1.0 if accounts else 0.0)
        pct = _signed(m["pct"], default=1.0 if pts > 0 else -1.0)
        if (pts > 0) != (pct > 0) and pts and pct:
            continue  # signs that disagree: not one move
        level = float(m["level"].replace(",", ""))
        if m["prev"] and abs(level - pts - float(m["prev"].replace(",", ""))) > _PREV_CONSISTENT:
            continue  # a last figure that is not the close before: not this table's row
        if not m["unit"] and abs(100 * pts / (level - pts) - pct) > _PCT_CONSISTENT:
            continue  # "HSI 25228.54 -312.66 -1.22": a bare figure is a percent only if it fits
        subject = Subject("index", index_id, start + m.start("name"), start + m.start("name") + len(name))
        move = Move([subject], (start, start + len(line)))
        move.level = Num(level, "exact", start + m.start("level"), start + m.end("level"))
        move.points.append(Num(pts, "exact", start + m.start("pts"), start + m.end("pts")))
        move.pcts.append(Num(pct, "exact", start + m.start("pct"), start + m.end("pct")))
        moves.append(move)
        above = subject
    return moves


def _prev_close_row(lexicon: Lexicon, folded: str, line: str, start: int) -> list[Move]:
    """A wire list's row of the close before, the close and the change: the day's move, when
    the first figure plus the change gives the second (in either order of the two closes)."""
    m = _PREV_CLOSE_ROW.match(line)
    if m is None:
        return []
    name = m["name"].strip()
    index_id = lexicon.index_of(name)
    name_start = start + m.start("name")
    if index_id is None and name in _INDEX_WORDS and (above := _line_above(folded, start, _NAME_BROKEN_REACH)):
        first = folded[above[0]:above[1]].strip()
        index_id = lexicon.index_of(f"{first} {name}") or lexicon.index_of(first)
    if index_id is None or index_id.startswith("@"):
        return []
    a, b = (float(m[g].replace(",", "")) for g in ("a", "b"))
    pts = _signed(m["pts"])
    if abs(a + pts - b) <= _PREV_CONSISTENT:
        group = "b"
    elif abs(b + pts - a) <= _PREV_CONSISTENT:
        group = "a"
    else:
        return []
    subject = Subject("index", index_id, name_start, name_start + len(name))
    move = Move([subject], (start, start + len(line)))
    move.level = Num(b if group == "b" else a, "exact", start + m.start(group), start + m.end(group))
    move.points.append(Num(pts, "exact", start + m.start("pts"), start + m.end("pts")))
    return [move]


# A quote board's second line under an index: its open, high and low ("今开 26190.12   最高
# 26233.80   最低 25861.47", "Open 26,190 High 26,234 Low 25,861").
_OHL_LABELS = {"今开": "open", "开盘": "open", "开市": "open", "open": "open",
               "最高": "intraday", "high": "intraday", "最低": "intraday", "low": "intraday"}
_OHL_LABEL = "|".join(_OHL_LABELS)
_OHL_FIGURE = r"\d[\d,]{0,15}(?:\.\d{1,4})?"  # bounded repeats: linear on any line
# A level cell with its points in brackets after it: "20,259.13（-609.21）".
_LEVEL_WITH_POINTS = patterns.compile(rf"\s{{0,8}}(?P<level>{_OHL_FIGURE})\s?[(（](?P<points>[+-]{_OHL_FIGURE})[)）]\s{{0,8}}")
_OHL_PAIR = patterns.compile(rf"(?P<label>{_OHL_LABEL})\s{{0,8}}[:：]?\s{{0,8}}(?P<n>{_OHL_FIGURE})")
_OHL_LINE = patterns.compile(rf"\s{{0,40}}(?:(?:{_OHL_LABEL})\s{{0,8}}[:：]?\s{{0,8}}{_OHL_FIGURE}\s{{0,8}}){{2,3}}")


# ... or a line of its own each, under a heading that names the index ("HSI session profile
# 恒生指數全日走勢" / "Open 開市  26,701.33" / "Day high 最高  26,748.90"): a label, perhaps
# after its English, then the figure.
_OHL_LABELLED = patterns.compile(
    rf"\s{{0,8}}(?:[a-z][a-z' ]{{0,14}}\s)?(?:{_OHL_LABEL})\s{{0,8}}[:：]?\s{{0,8}}{_OHL_FIGURE}\s{{0,8}}"
)
# A labelled line of another figure in such a block: "Prev close 前收 26,686.73".
_OTHER_LABELLED = patterns.compile(rf"\s{{0,8}}[^\d\s][^\d]{{0,30}}?[:：]?\s{{0,8}}{_OHL_FIGURE}\s{{0,8}}")


def _heading_index(lexicon: Lexicon, folded: str, start: int, line: str) -> Subject | None:
    """The one index a line with no figure names (a block's heading), if any."""
    found = [
        (w, r[6:]) for w in lexicon.scan(folded, start, start + len(line))
        for r in w.roles if r.startswith("index:") and not r[6:].startswith("@")
    ]
    ids = {i for _, i in found}
    if len(ids) != 1:
        return None
    w, index_id = found[0]
    return Subject("index", index_id, w.start, w.end)


def _open_high_low(subject: Subject, line: str, start: int) -> list[Move]:
    moves = []
    for m in _OHL_PAIR.finditer(line):
        move = Move([subject], (start, start + len(line)))
        move.level = Num(float(m["n"].replace(",", "")), "exact", start + m.start("n"), start + m.end("n"))
        move.session, move.session_explicit = _OHL_LABELS[m["label"]], True
        moves.append(move)
    return moves


@lru_cache(maxsize=1)
def _label_units() -> tuple[regex.Pattern, Mapping[str, float]]:
    """A row label's unit ("Mkt turnover (HK$ bn)", "南向淨流入(億元)"): the magnitudes of
    units.yaml, a Latin one on word boundaries, and what each multiplies by."""
    scale = magnitude_words()
    latin = sorted((w for w in scale if w.isascii()), key=lambda w: (-len(w), w))
    cjk = sorted((w for w in scale if not w.isascii()), key=lambda w: (-len(w), w))
    pattern = patterns.compile(
        r"\b(" + "|".join(map(patterns.escape, latin)) + r")\b|(" + "|".join(map(patterns.escape, cjk)) + ")"
    )
    return pattern, scale


_BREADTH = ("advancers", "decliners", "unchanged")


def table_breadth(prep: Prepared, lexicon: Lexicon) -> dict[str, tuple[int, Any]]:
    """Breadth from rows labelled with it ("上升股份<TAB>803", "Decliners | 926"): (count,
    evidence) by figure, when one table gives at least two of the three."""
    folded = prep.folded
    for block in _table_blocks(prep):
        found: dict[str, tuple[int, Any]] = {}
        for row_start, row_end in block:
            cells = _cells(folded[row_start:row_end], row_start, prep.text[row_start:row_end])
            if len(cells) < 2:
                continue
            roles = {r for w in prep.words(lexicon, *cells[0]) for r in w.roles}
            role = next((r for r in _BREADTH if r in roles), None)
            # a count is a whole number with no sign, perhaps with its counting word ("1,045隻")
            count = _count_cell().fullmatch(folded, *cells[1])
            if role is None or role in found or count is None:
                continue
            found[role] = (int(count["count"].replace(",", "")), prep.evidence(row_start, row_end))
        if len(found) >= 2:
            return found
    for run in breadth_runs(prep, lexicon):  # rows single-spaced, "上升 612 27.10% +2.15%"
        found = {}
        for start, end, role, count in run:
            if role is not None and role not in found:
                found[role] = (count, prep.evidence(start, end))
        if len(found) >= 2:
            return found
    return {}


@lru_cache(maxsize=1)
def _count_units() -> str:
    """An alternation of the words that count stocks right after a number (units.yaml
    ``figure_units.count``, folded: "1,045隻" is written 1,045只 here)."""
    words = sorted(figure_unit_words("count"), key=lambda w: (-len(w), w))
    return "|".join(patterns.escape(w) + (r"\b" if w[-1].isascii() else "") for w in words)


@lru_cache(maxsize=1)
def _count_cell() -> regex.Pattern:
    """A cell holding a whole count, perhaps with its counting word: "612", "1,045隻"."""
    return patterns.compile(rf"(?P<count>\d{{1,3}}(?:,\d{{3}})+|\d{{1,7}})(?:\s?(?:{_count_units()}))?")  # (cells are trimmed)


# A statistics table's row: a short label, a whole count (perhaps with its counting word,
# "1,057只"), then only the row's other columns (share of the board, average change, turnover):
# "上升 1075 25.50% +3.46% 650.652 77.42%".
@lru_cache(maxsize=1)
def _stat_row() -> regex.Pattern:
    return patterns.compile(
        r"[ \t]{0,8}(?P<label>[^\d\s:：][^\d:：]{0,15}?)[:：]?[ \t]{0,8}(?P<count>\d{1,3}(?:,\d{3})+|\d{1,7})"
        rf"(?:[ \t]?(?:{_count_units()}))?(?:[ \t]{{1,8}}[+\-]?\d[\d.,%+\- \t]{{0,80}})?[ \t]*"
    )


def breadth_runs(prep: Prepared, lexicon: Lexicon) -> list[list[tuple[int, int, str | None, int]]]:
    """A breadth table's runs of rows: consecutive lines of a label, a whole count and figures
    only, one of them labelled advancers, decliners or unchanged ("上升 1075 25.50% +3.46%" /
    "下跌 538 ..." / "其他 2602 ..."). Each row: its line span, its label's breadth role (None
    for another label) and its count. Found once a text (the tables and market steps ask)."""
    return prep.once("breadth_runs", lambda: _find_breadth_runs(prep, lexicon))


def _find_breadth_runs(prep: Prepared, lexicon: Lexicon) -> list[list[tuple[int, int, str | None, int]]]:
    folded = prep.folded
    runs: list[list[tuple[int, int, str | None, int]]] = []
    run: list[tuple[int, int, str | None, int]] = []
    pos = 0
    stat_row = _stat_row()
    for raw in [*prep.text.split("\n"), ""]:  # lines as written (the folded text joins wrapped ones)
        start, pos = pos, pos + len(raw) + 1
        m = stat_row.fullmatch(folded, start, start + len(raw)) if raw.strip() else None
        if m is None:
            if run:  # (most lines end no run)
                first = next((k for k, (*_, role, _count) in enumerate(run) if role), None)
                if first is not None:
                    runs.append(run[first:])  # from the first breadth label ("HSI 24102 -207" above is not one)
                run = []
            continue
        label = next((w for w in prep.words(lexicon, m.start("label"), m.end("label")) if w.start == m.start("label")), None)
        role = next((r for r in _BREADTH if label is not None and r in label.roles), None)
        run.append((start, start + len(raw), role, int(m["count"].replace(",", ""))))
    return runs


def breadth_rows(prep: Prepared, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Line spans of breadth tables' rows (``breadth_runs``): none of their percents is
    anyone's move."""
    return [(s, e) for run in breadth_runs(prep, lexicon) for s, e, *_ in run]


def table_market_figures(prep: Prepared, lexicon: Lexicon) -> dict[str, Amount]:
    """Market figures from rows labelled with them, the first figure being the day's
    ("Mkt turnover (HK$ bn)   112.3   98.7", "Southbound net (HK$ bn)  +3.82  -1.15")."""
    folded = prep.folded
    out: dict[str, Amount] = {}
    for block in _table_blocks(prep):
        for row_start, row_end in block:
            cells = _cells(folded[row_start:row_end], row_start, prep.text[row_start:row_end])
            if len(cells) < 2:
                continue
            label_start, label_end = cells[0]
            roles = {r for w in prep.words(lexicon, label_start, label_end) for r in w.roles}
            role = next((r for r in ("turnover", "southbound", "northbound") if r in roles), None)
            parsed = _number(folded[cells[1][0]:cells[1][1]])
            if role is None or role in out or parsed is None:
                continue
            value, sign = parsed
            label_unit, label_scale = _label_units()
            unit = label_unit.search(folded, label_start, label_end)
            if unit is None:
                continue  # no scale in the label: too easily shares, or a percent
            scale = label_scale[unit.group(1) or unit.group(2)]
            value *= scale * (sign or 1) if role != "turnover" else scale
            out[role] = Amount(round(value, 2), "RMB" if "rmb" in folded[label_start:label_end] else "HKD",
                               "exact", prep.evidence(row_start, row_end))
    if "turnover" not in out and (wire := _wire_turnover_row(prep, lexicon)) is not None:
        out["turnover"] = wire
    return out


# A wire's index list ends with the turnover the same way: the day before, the day and the
# change, under a label of its own ("Turnover:" / "(million HK dollars) 137,824 122,992 -14,832").
_WIRE_AMOUNT_ROW = patterns.compile(
    r"^\s*\((?P<unit>[^()\d]{1,30})\)\s*(?P<a>\d[\d,]{0,15}(?:\.\d+)?)\s+(?P<b>\d[\d,]{0,15}(?:\.\d+)?)"
    r"\s+(?P<chg>[+\-]\s?\d[\d,]{0,15}(?:\.\d+)?)\s*$",
    patterns.MULTILINE,
)
# What every such row holds, a figure right after its unit's closing bracket: a text without
# it has none (one search for it is cheap beside the row pattern's).
_WIRE_AMOUNT_HINT = patterns.compile(r"\)\s*\d")
# The label stands on the row's line or on a line at most this many lines above (a blank
# line between them).
_WIRE_LABEL_REACH = 2
# A row's unit in Hong Kong dollars: "(million HK dollars)", "(百萬港元)" (folded).
_HK_DOLLAR_MARKS = ("hk", "港")
# The day before plus the change gives the day, to this (the list rounds to whole millions).
_WIRE_SUM_SLACK = 1.0


def _line_above(folded: str, start: int, reach: int) -> tuple[int, int] | None:
    """The span of the nearest non-blank line above ``start`` within ``reach`` lines, when it
    holds no figure (a label or a name's first half); else None."""
    end = start - 1
    for _ in range(reach):
        if end < 0:
            return None
        line_start = folded.rfind("\n", 0, end) + 1
        line = folded[line_start:end]
        if line.strip():
            return None if any(map(str.isdigit, line)) else (line_start, end)
        end = line_start - 1
    return None


def _wire_turnover_row(prep: Prepared, lexicon: Lexicon) -> Amount | None:
    """The day's turnover from a wire list's row of the day before, the day and the change,
    in Hong Kong dollars (a row in another currency restates it)."""
    folded = prep.folded
    if _WIRE_AMOUNT_HINT.search(folded) is None:
        return None  # (most reports: the row pattern, tried at every character, would find none)
    label_unit, label_scale = _label_units()
    for m in _WIRE_AMOUNT_ROW.finditer(folded):
        unit_text = m["unit"]
        unit = label_unit.search(unit_text)
        if unit is None or not any(w in unit_text for w in _HK_DOLLAR_MARKS):
            continue  # ("(million U.S. dollars) ..." restates the day in another currency)
        a, b = (float(m[g].replace(",", "")) for g in ("a", "b"))
        if abs(a + _signed(m["chg"]) - b) > _WIRE_SUM_SLACK:
            continue
        label = _line_above(folded, m.start(), _WIRE_LABEL_REACH)
        if label is None or "turnover" not in {r for w in prep.words(lexicon, *label) for r in w.roles}:
            continue
        scale = label_scale[unit.group(1) or unit.group(2)]
        return Amount(round(b * scale, 2), "HKD", "exact", prep.evidence(m.start("b"), m.end("b")))
    return None
