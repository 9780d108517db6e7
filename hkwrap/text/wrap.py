"""Hard-wrapped text: line breaks that fall inside a sentence.

E-mailed notes, terminal copies and PDF extracts break lines at a fixed width, so a sentence
runs on across lines ("TENCENT ended up HK$8.50, or" / "1.4%, at HK$615.50."). Such a break is
*soft*: the sentence goes on. A break is soft when the line before cannot end a sentence (it
ends on a comma, 、, or a joining word such as "or") or the next line plainly continues it
(a lower-case word, a figure). In a document that shows this at least ``_WRAPPED_EVIDENCE``
times, every break after a line with no closing punctuation is soft too: that is how a
wrapped Chinese line ("主板成交" / "1,764億元") or a wrapped name ("友邦" / "保險") reads.

Blank lines, headings, bullets and table rows always break.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from hkwrap import data, patterns
from hkwrap.text.stamps import STAMP_LINE

if TYPE_CHECKING:
    import regex

# A line that ends a sentence or a heading: full stops, colons, closing brackets and quotes.
_CLOSED = patterns.compile(r"[.。!?！？:：)）」』\"”'’\]】|]$")
# A line that cannot end a sentence: a comma, 、, a hyphen, or a joining word.
_OPEN_END = patterns.compile(r"(?:[,，、;；(（\-–]|\b(?:or|and|of|to|at|by|with|from|the|a|an|in|on|for|was|were|is|down|up))$", patterns.IGNORECASE)
# A next line that plainly continues the sentence: a lower-case word.
_CONTINUES = patterns.compile(r"[a-z]")
# A next line that may continue it: a figure, a unit, a comma (a table row may too).
_MAY_CONTINUE = patterns.compile(r"(?:[\d.,%，、]|hk\$|us\$|rmb|[億亿萬万元點点]|港元|美元)", patterns.IGNORECASE)
# A line laid out in columns (tabs, runs of spaces, full-width ones as Chinese tables pad with,
# or two cell bars, ASCII or full-width, as in "00700 | 腾讯控股 | 624.00", "01810｜小米集團"): a
# table, never a wrapped sentence.
COLUMNS = patterns.compile(r"\t| {3,}|\u3000{2,}|[ \u3000]{3,}|[|｜][^|｜]*[|｜]")
# A desk's quote row: a code or two written bare (or a ticker), then a signed change ("700 -6.9% 473.6",
# "9988  -18.2%  99.15", "3690 / 1810 -10.4% and -7.9% resp"): a line of its own, as a table's
# row is, never the rest of the line above.
_BARE_CODES = r"\d{3,5}(?:\s?(?:/|,|&|and)\s?\d{3,5})*"  # "700", "3690 / 1810", "883 & 857"
_CODE_QUOTE_ROW = patterns.compile(
    # (or a ticker written as a word, in small letters or in capitals: "baba +5.8% 139.7",
    # "TENCENT -2.3%"; not a capitalised word, which may be a name cut at the wrap: "Index +0.5%")
    "(?:" + _BARE_CODES + r"|[a-z][a-z.&]{1,11}|[A-Z][A-Z.&]{1,11})\s{1,4}[+\-−▲▼]\s?\d[\d,]*(?:\.\d+)?\s?%"
)
# A line opening on a code written bare and then a word or a sign ("883 gave it back, close
# -1.8% @ 21.25", "9888 and 9618 both >-13%"): two such lines in a row are a desk's list, each
# line its own (a wrapped sentence seldom puts a bare integer at the head of two lines running).
_CODE_LINE = patterns.compile(
    _BARE_CODES + r"\s{1,4}"
    r"(?!(?:pts?|points?|stocks?|shares?|issues|lots|bn|mn|million|billion|hk|per|percent)\b)(?:[+\-−▲▼>]\s?\d|[a-z])",
    patterns.IGNORECASE,
)
# A line this long that runs on into a figure is wrapped even in a document otherwise not.
_LONG_LINE = 40
# A line that is its own unit: a bullet, a numbered item, a heading, a table row, a dateline,
# and a social post's emoji bullets ("🔹恒指：…", "📌今天的红色", the keycap "1️⃣ 腾讯…").
# (A double hyphen before a lower-case word is a dash in running prose, not a bullet: "-- then
# sagged in the final hour".)
_OWN_LINE = patterns.compile(r"(?:-(?!-\s?[a-z])|[*+•▪●■◆#|>]|\d{1,2}[.)、]\s|【|\[|\p{So}|\d\ufe0f?\u20e3)")
# A line that opens on a figure with its sign written on it ("-1.37%", "+211.60 pts"): a minus
# sign, not a bullet (a bullet's dash has a space after it).
_SIGNED_FIGURE_OPENS = patterns.compile(r"[+\-−]\d")
# A security's code in brackets closing a line: "Galaxy (27)", "Li Auto (2015)", "中芯國際 (981)".
_CODE_CLOSES = patterns.compile(r"[(（]\s?(?:hk:?\s?)?\d{1,5}(?:\.hk)?\s?[)）]$", patterns.IGNORECASE)
# A line that opens on a percent, signed or not ("+0.47%", "▼ 1.2%"): a label's value.
_PERCENT_OPENS = patterns.compile(r"[+\-−▲▼]?\s?\d[\d,]*(?:\.\d+)?\s?%")
# Words a full stop shortens, not ends a sentence with ("Co.", "Ltd.", "Jan."): read by the
# sentence splitter, and here for a line that ends on one before a lower-case word.
ABBREVIATIONS = frozenset(
    ["co", "corp", "inc", "ltd", "plc", "bhd", "no", "mr", "ms", "mrs", "dr", "st", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "e.g", "i.e", "etc", "approx", "est", "fig",
     # abbreviated company names in tables and wires ("Galaxy Ent.", "CK Hldgs.")
     "ent", "hldgs", "hldg", "intl", "grp", "bros", "mfg", "pptys",
     # a warrant's terms ("strike HK$688, exp. Dec-21")
     "exp"]
)
# The word a line's closing full stop follows.
_WORD_BEFORE_DOT = patterns.compile(r"(?<![a-z])([a-z][a-z.]{0,7})\.$", patterns.IGNORECASE)
_ABBREVIATION_REACH = 10  # the longest abbreviation and its full stop, read from the line's end
# An indented line (a bullet's item run on) starts with one of these.
_INDENT = (" ", "\t", "\u3000")
# ... and its text with a lower-case word or a bracket ("  (1088) also rose 1.2%": the code of
# the name the line above ends on).
_INDENT_CONTINUES = patterns.compile(r"[a-z(（]")
# A Latin word ending a line, and one starting the next: a name cut at the wrap ("Hang Seng Tech" /
# "Index").
_LATIN_END = patterns.compile(r"[A-Za-z]$")
_LATIN_START = patterns.compile(r"[A-Za-z]")
# Breaks that must be seen before a document counts as hard-wrapped.
_WRAPPED_EVIDENCE = 2
# A wrapped line is at least this long; a shorter one is a heading or the end of a paragraph.
_MIN_WRAPPED_LINE = 8


@lru_cache(maxsize=1)
def _date_line() -> regex.Pattern:
    """A line that holds a date and nothing else but its weekday and a time: a masthead's
    dateline ("Wednesday, 16 October 2024 | 07:45 HKT", "15 March 2023 (Wed)", "2024年10月16日").
    It is never the rest of the title above it: read as one, the date is no dateline. Month and
    weekday names come from lexicon/dates.yaml."""
    words = data.load()["lexicon"]["dates"]

    def names(group: str) -> str:
        latin = {w for ws in words[group].values() for w in ws if w.isascii()}
        return "|".join(sorted(latin, key=lambda w: (-len(w), w)))

    month, weekday = names("months"), names("weekdays")
    zh_weekday = r"(?:星期|週|周|禮拜|礼拜)[一二三四五六日天]"
    return patterns.compile(
        rf"(?:(?:{weekday})\b\.?,?\s{{1,3}})?"
        rf"(?:\d{{1,2}}\s(?:{month})\b\.?,?\s\d{{4}}|(?:{month})\b\.?\s\d{{1,2}},?\s\d{{4}}"
        r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日)"
        rf"(?:\s?[(（]\s?(?:(?:{weekday})\b\.?|{zh_weekday})\s?[)）]|,?\s{{1,3}}(?:{weekday})\b\.?)?"
        r"(?:\s{0,3}[|,]?\s{0,3}\d{1,2}:\d{2}(?:\s?[a-z]{2,4})?)?",
        patterns.IGNORECASE,
    )


# A cell of a spreadsheet row pasted as comma-separated values is a code, a name or a figure;
# a clause of prose between commas runs longer.
_CSV_CELL_MAX = 24
# ... but a row of figures may name its security or index in full ("HSCEI,Hang Seng China
# Enterprises,-2.77,-250.75,8799.32"): one longer cell, when most of the others are figures.
_CSV_NAME_MAX = 40
_CSV_FIGURE = patterns.compile(r"[+-]?\d[\d.]*%?")
_CSV_MIN_CELLS = 3
_THOUSANDS = patterns.compile(r"\d,\d{3}(?![\d%])")


def csv_cells(line: str) -> int:
    """How many cells ``line`` (as written, not folded: a Chinese sentence's ，are no cell
    breaks) holds as a row of comma-separated values ("HSI 恒指, 22102.18, -309.54, -1.38%"),
    or 0: at least three, none empty or long, and no other layout's marks. Such rows are a
    table's (``extractors/tables.py``), never a wrapped sentence."""
    if (
        line.count(",") < _CSV_MIN_CELLS - 1 or "  " in line or "|" in line or "\t" in line or "\u3000" in line
        or _THOUSANDS.search(line) is not None  # ("26,241.83": a figure's thousands, not a cell break)
    ):
        return 0
    cells = [cell.strip() for cell in line.split(",")]
    if any(not c or len(c) > _CSV_NAME_MAX for c in cells):
        return 0
    if sum(len(c) > _CSV_CELL_MAX for c in cells) > (1 if 2 * sum(bool(_CSV_FIGURE.fullmatch(c)) for c in cells) >= len(cells) else 0):
        return 0
    return len(cells)


def _abbreviation_ends(line: str) -> bool:
    """Does ``line`` end on an abbreviation's full stop ("... Group Ltd.")?"""
    m = _WORD_BEFORE_DOT.search(line, max(0, len(line) - _ABBREVIATION_REACH))
    return m is not None and m.group(1).lower() in ABBREVIATIONS


def soft_breaks(text: str) -> list[int]:
    """Offsets of the line breaks in ``text`` that fall inside a sentence."""
    if "\n" not in text:
        return []
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines[:-1]:
        pos += len(line)
        offsets.append(pos)
        pos += 1
    strong: list[int] = []  # soft in any document
    weak: list[int] = []  # soft once the document shows it is wrapped
    evidence = 0
    for i, at in enumerate(offsets):
        # patterns read the lines stripped: no pattern scans a run of spaces
        before, after = lines[i].strip(), lines[i + 1].strip()
        if not before or not after:
            continue
        if COLUMNS.search(before) or COLUMNS.search(after):
            continue
        if csv_cells(before) and csv_cells(after):
            continue  # rows of comma-separated values pasted from a spreadsheet
        if _CODE_QUOTE_ROW.match(after) or (
            (_CODE_LINE.match(before) or _CODE_QUOTE_ROW.match(before)) and _CODE_LINE.match(after)
        ):
            continue  # "closing prints:" / "700 -6.9% 473.6" / "9988 -9.5% 108.1" / "883 gave it back, …"
        if STAMP_LINE.match(before) and STAMP_LINE.match(after):
            # a feed's entries, each opening on its time (text/stamps.py), never run on from the
            # entry above: "16:08 HANG SENG ENDS DOWN 2.8%" / "16:12 HK MAIN BOARD TURNOVER …"
            continue
        if lines[i + 1][:1] in _INDENT and (
            _INDENT_CONTINUES.match(after) or (_PERCENT_OPENS.match(after) and not _CLOSED.search(before))
        ) and not _OWN_LINE.match(after):
            # a bullet's item run on to an indented line: "- HSBC ... Hang Seng Bank (11 HK)" /
            # "  unch at HK$96.40.", "- ... China Shenhua Energy" / "  (1088) also rose 1.2%."
            strong.append(at)
            evidence += 1
            continue
        if (
            lines[i + 1][:1] in _INDENT and _LATIN_END.search(before) and _LATIN_START.match(after)
            and (_OWN_LINE.match(before) or lines[i][:1] in _INDENT) and not _OWN_LINE.match(after)
        ):
            # a bullet's name cut at the wrap: "** ... and the Hang Seng Tech" / "   Index ended 0.6% higher"
            strong.append(at)
            evidence += 1
            continue
        if _OWN_LINE.match(before) and not _OWN_LINE.match(after) and _OPEN_END.search(before):
            # a bullet's item run on: "- Xinyi Solar … each gained over 6%. Xinyi Solar closed at" /
            # "HK$3.41."
            strong.append(at)
            evidence += 1
            continue
        if before[-1] in ",，" and _SIGNED_FIGURE_OPENS.match(after):
            # a list of figures wrapped after its comma, the next figure's sign read as a
            # bullet: "... HSCEI: 6,081.77," / "-1.37%. HSTECH: 3,418.06, -0.96%."
            strong.append(at)
            evidence += 1
            continue
        if _CODE_CLOSES.search(before) and _SIGNED_FIGURE_OPENS.match(after) and (
            not _OWN_LINE.match(before) or lines[i + 1][:1] in _INDENT
        ):
            # a name and its code closing the line, its signed move opening the next: "... Galaxy
            # (27)" / "-2.15%, Sands China (1928) -3.3%" (the sign read as a bullet otherwise), or
            # a bullet's item run on to an indented line: "- ... Li Auto (2015)" / "  +5.1% to HK$130.10"
            strong.append(at)
            evidence += 1
            continue
        if before[-1] in ":：" and _PERCENT_OPENS.match(after) and not _OWN_LINE.match(before):
            # a label's value wrapped onto the next line: "... Hang Seng Composite Index:" /
            # "+0.47%. All three bars are green."
            strong.append(at)
            evidence += 1
            continue
        # (a bracket closing a line is no sentence's end when a lower-case word runs on:
        # "... and NIO (HK:9866)" / "each fell more than 4%.")
        closed = _CLOSED.search(before) is not None and not (
            (before[-1] in ")）" or _abbreviation_ends(before)) and _CONTINUES.match(after)
        )  # (nor is a company's "Ltd." before a lower-case word: "... Group Ltd." / "each fell 5%.")
        if (
            closed and before[-1] in ")）" and _MAY_CONTINUE.match(after) and not _OWN_LINE.match(after)
            and len(before) >= _LONG_LINE
        ):
            # in a wrapped text, a code closing a long line before a figure: "... and Alibaba
            # (09988)" / "4.1 percent to HK$82.35" (a verb left out, the figure run on)
            weak.append(at)
            continue
        if _OWN_LINE.match(before) and not _OWN_LINE.match(after) and not closed:
            # a bullet's item wrapped with no joining word at the cut: "** ... Gainers" /
            # "outnumbered losers 912 to 705." (a lower-case word runs on), or in a wrapped text
            # "** ... Longfor Group (0960.HK) lost 3.4% and China" / "Resources Land (1109.HK) fell 2.2%"
            if _CONTINUES.match(after):
                strong.append(at)
                evidence += 1
            elif len(before) >= _LONG_LINE:
                weak.append(at)
            continue
        if _OWN_LINE.match(after) or _OWN_LINE.match(before) or closed:
            continue
        if _date_line().fullmatch(after) is not None and not _OPEN_END.search(before):
            continue  # "MORNING NOTE | HONG KONG EQUITIES" / "Wednesday, 16 October 2024 | 07:45 HKT"
        length = len(before)
        may_continue = _MAY_CONTINUE.match(after) is not None
        if _OPEN_END.search(before) or _CONTINUES.match(after) or (may_continue and length >= _LONG_LINE):
            strong.append(at)
            evidence += 1
        elif length >= _MIN_WRAPPED_LINE:
            weak.append(at)
            evidence += may_continue  # "主板成交" / "1,764億元。": a figure cut from its unit
    if evidence >= _WRAPPED_EVIDENCE:
        return sorted(strong + weak)
    return strong
