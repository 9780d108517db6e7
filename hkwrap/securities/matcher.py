"""Find securities in folded text: names and aliases (one Aho-Corasick pass) and written codes.

The automaton runs once over the folded text (``hkwrap.text.fold``: one script, lower case,
ASCII punctuation), with LeftmostLongest semantics, so a longer name wins over its prefix
(阿里健康 over 阿里, Kingsoft Cloud over Kingsoft). Market words (恒指, 北水, Hang Seng Index)
are in the automaton too, as blockers that map to nothing.

Rules applied to each automaton hit:
- Latin ends need a word boundary (no ``[a-z0-9]`` just outside). A rejected hit may hide a
  valid one under LeftmostLongest, so a rejection falls back to the longest valid shorter
  alias at the same start and rescans the rest of the hidden stretch.
- A Latin alias written in capitals in the data must start with a capital in the text
  ("Link" the REIT, not "link").
- An alias followed by a word that makes it another company ("CITIC Financial Leasing",
  "中銀國際") is not a hit.
- A listing marker (-W, -SW, -S, -B, －Ｗ, " -W") attaches to the name.
- A code right after the name ("Alibaba -W (9988.HK)", "騰訊(00700)") makes one entity; the
  code decides, and a disagreement with the name's code gives a warning.

Codes in running text count only in a code form: ``9988.HK``, ``HK:700``, ``(700 HK)``,
``港股代號 700``, or a 4-5 digit number in brackets right after a name. ``(25 日)``, years,
``(2025-2027)``, ``(09.15)`` are not codes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

import ahocorasick_rs

from hkwrap import patterns
from hkwrap.securities.tickers import TickerMatch, _hk_code
from hkwrap.text.fold import fold
from hkwrap.text.spans import MATCH_WINDOW as _MATCH_WINDOW

if TYPE_CHECKING:
    from hkwrap.securities.table import SecurityTable


class Hit(NamedTuple):
    """One security found in the text (a named tuple: cheaper to define and make than a
    frozen dataclass).

    ``start``/``end`` cover the whole entity (name, marker and bracketed code); ``name_*``
    the name part (None for a bare code); ``codes`` the codes the name maps to (several when
    the alias is ambiguous); ``code`` the resolved code (None when still ambiguous).
    """

    start: int
    end: int
    code: str | None
    name_start: int | None = None
    name_end: int | None = None
    codes: tuple[str, ...] = ()
    code_start: int | None = None
    code_end: int | None = None
    ticker: TickerMatch | None = None
    warning: str | None = None

    @property
    def kind(self) -> str:
        if self.name_start is None:
            return "code"
        return "name+code" if self.code_start is not None else "name"


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")

_SUFFIX_AFTER = patterns.compile(r"\s?-\s?(?:sw|ss|wp|sp|w|s|b|p|r|u)(?![a-z0-9])")
_SUFFIX_DASH_REACH = 2  # its "-" stands at most this far on (after a space)

# Between a name and its bracketed code: nothing, a space, or corporate words.
_GAP = patterns.compile(
    r"[\s,.]*(?:(?:co|company|corp|corporation|ltd|limited|inc|incorporated|holdings?|group|plc)"
    r"\b[\s,.]*|(?:股份|有限|责任|責任|公司|集团|集團|控股)+\s?"
    # the counter a code trades on: 騰訊控股人民幣櫃台(80700), "Tencent RMB counter (80700)"
    r"|(?:人民币|港币|rmb|hkd)\s?(?:柜台|counter)\s?)*"
)

# A word after an alias that turns it into another (often unlisted) company.
_OTHER_COMPANY_LATIN = patterns.compile(
    r"\s(?:financial|leasing|securities|bank|capital|asset|assets|trust|funds?|futures|"
    r"investments?|international|life|reit|properties|ventures)(?![a-z0-9])"
)
_OTHER_COMPANY_CJK_WORDS = (
    "证券", "證券", "银行", "銀行", "金融", "租赁", "租賃", "资本", "資本", "基金", "期货", "期貨", "信托",
    "信託", "资产", "資產", "国际", "國際", "人寿", "人壽", "资管", "資管", "创投", "創投",
)
_OTHER_COMPANY_CJK = patterns.compile("(?:" + "|".join(_OTHER_COMPANY_CJK_WORDS) + ")")
_OTHER_COMPANY_CJK_FIRST = frozenset(w[0] for w in _OTHER_COMPANY_CJK_WORDS)  # (its first characters)
# A longer name that begins with an alias: capitalised words go on past it and end in a
# corporate word ("Sinopec Kantons Holdings" is not Sinopec). At most three words in between:
# a company name, not a headline. Checked on the original text (capitals).
_CORP_WORD = r"(?:Holdings?|Group|Limited|Ltd|Inc|Corp|Corporation|Company|Co)"
# An alias joined by a hyphen to another capitalised word of three or more letters is part of
# a compound name ("CGS-CIMB" the broker, not CGS); listing markers (-W, -SW, -B) are shorter.
_HYPHENATED_NAME_LATIN = patterns.compile(r"-[A-Z][A-Za-z]{2,}")
_LONGER_NAME_LATIN = patterns.compile(
    rf"(?:\s(?!{_CORP_WORD}\b)[A-Z][\w'&-]*){{1,3}}\s{_CORP_WORD}(?![\w-])"
)
# The same in Chinese: two to four characters between the alias and 控股 / 集團 (中石化冠德控股).
# (The patterns over CJK character ranges use the regex module: ``re`` compiles such a range
# into a bitmap in Python, ~0.7 ms a pattern at every start. ``[\s\x1c-\x1f]`` is ``re``'s
# ``\s``: regex's leaves out the four separator controls.)
_LONGER_NAME_CJK = patterns.compile(r"[\u4e00-\u9fff]{2,4}?(?:控股|集團|集团)")
_LONGER_NAME_CJK_REACH = 6  # the pattern's longest: four characters and the corporate word
# An alias, more name, then a bracketed code of another security: the whole is that security's
# name ("Sinopec Kantons (00934)", 中石化冠德(00934)), not the alias's company.
_MORE_NAME_LATIN = patterns.compile(r"(?:\s(?:[A-Z]|\d+[A-Za-z])[\w&'.-]*){1,4}\s?(?=[(（])")
_MORE_NAME_CJK = patterns.compile(r"[\u4e00-\u9fff]{1,6}[\s\x1c-\x1f]?(?=[(（])")
_MORE_NAME_REACH = 8  # the pattern's longest: six characters, a space, the bracket
# A line mostly in capitalised words is a headline in title case, where capitals mean nothing.
_WORD = patterns.compile(r"[A-Za-z][A-Za-z'-]+")
TITLE_CASE_SHARE = 0.6  # more capitalised words than this share: a title-case headline
TITLE_CASE_MIN_WORDS = 3  # fewer other words on the line: too short to tell, so no rule
# How far either side of a name the line is read: a headline is far shorter, and a report
# pasted as one line of megabytes must not be read whole for every name on it.
TITLE_CASE_REACH = 400

# Code forms. Each pattern starts with a literal or a small character set, so the regex
# engine can skip ahead quickly; a single alternation starting with an optional bracket is
# several times slower on digit-heavy reports.
_FORMS = r"""
    (?:hkg|sehk|hkex|hk)\s?:\s?(?P<n1>\d{1,5})(?![\d.])            # HK:700  HKG:0700
  | hk\.(?P<n2>\d{4,5})(?!\d)                                       # HK.00700
  | (?P<n3>\d{1,5})(?:\.hk|:hk|-hk)(?![a-z0-9])                      # 0700.HK  700:HK  6030-HK
  | (?P<n4>\d{1,5})\s?hk(?=\s?[),;/])                                # (700 HK)
  | (?:港股代[号號码碼]|股份代[号號码碼]|股票代[号號码碼]|代[号號码碼]|[编編][号號]|(?:stock\s|share\s)?code\b)
    \s?:?\s?(?P<n5>\d{1,5})(?!\d)                                   # 港股代號 700, 編號：19830, (code 65412)
  | (?P<n6>\d{1,5})(?=\s?[)」>])                                      # (9988), (823), 「700」, <0005> after a name
  | hk(?P<n7>\d{4,5})(?=\s?[)」])                                     # $京东集团-SW(HK09618)$ (a 雪球 cashtag), （HK6160）
"""
# In round brackets, or in the corner brackets Hong Kong papers print codes in (騰訊「700」), or
# in the angle brackets a Japanese wire prints them in (HSBC <0005>).
# (and a code in corner brackets inside round ones: 勁方醫藥－B（「2595」）)
# (The code's part of a bracket that goes on with the move, "Tencent (700 HK, -1.8%,
# HK$372.2)", ends before the figures: they are the move's, not the name's.)
_CODE_BRACKETED = patterns.compile(
    r"[(「<]\s?(?:(?<=\()「)?(?:" + _FORMS + r")(?:」(?=\)))?(?:\s?[,;/、][^()\n%$]{0,40}?)?"
    r"\s?(?:[)」>]|(?=,\s?[-+−▲▼]?\s?(?:hk\$)?\d))",
    patterns.VERBOSE,
)
# A code after the words that say it is one. Each form on its own, in the order an alternation
# of them would try them, with the words one of which every match of the form holds: one
# alternation of them all was tried at every character (~60 ns a character, a tenth of the
# step on English reports), where a form alone skips ahead to its first word, and a form whose
# words the text lacks is not searched at all (``_prefixed_codes``).
_CODE_PREFIXED_FORMS = tuple(
    (patterns.compile(form), words)
    for form, words in (
        (r"(?:hkg|sehk|hkex|hk)\s?:\s?(?P<n1>\d{1,5})(?![\d.])", ("hk",)),
        (r"hk\.(?P<n2>\d{4,5})(?!\d)", ("hk.",)),
        (r"(?:(?:港股代|股份代|股票代|代)[号號码碼]|[编編][号號])\s?:?\s?(?P<n5>\d{1,5})(?!\d)", ("代", "编", "編")),
        (r"\bstock\scode\b\s?:?\s?(?P<n5>\d{1,5})(?!\d)", ("stock",)),
        # a warrant's or CBBC's five-digit code right after its kind: "Tencent call warrant 20385",
        # "HSI bull contract 65209"
        (
            r"\b(?:call|put|bull|bear)\s(?:warrants?|cbbcs?|contracts?)\s(?P<n8>\d{5})(?![\d%]|[.,]\d)",
            ("warrant", "cbbc", "contract"),
        ),
        # ... or after "code" just after the kind: "a Xiaomi call warrant, code 18521"
        (
            r"\b(?:warrants?|cbbcs?|contracts?),?\s(?:code|number|no\.)\s?(?P<n9>\d{5})(?![\d%]|[.,]\d)",
            ("warrant", "cbbc", "contract"),
        ),
        # ... or after "under the code", as a debut's story gives it: "trading under the code 9660"
        (
            r"\b(?:trades?|trading|traded|listed|listing)\sunder\s(?:the\s)?(?:stock\s)?code\s(?P<n10>\d{1,5})"
            r"(?![\d%]|[.,]\d)",
            ("under",),
        ),
        # HK and five digits, no bracket, as a broker's flash lists them: "HK02899、HK03993分别涨"
        (r"(?<![a-z0-9])hk(?P<n11>\d{5})(?![\d%]|[.,]\d)", ("hk",)),
        # an RMB or US-dollar counter's code right after its counter words: "Its RMB counter,
        # 80700,", "the yuan line 83690", "USD counter (9042)", 人民币柜台(80700) (one written with
        # its suffix is read by that: "its RMB line 89988.HK")
        (
            r"(?:\brmb|\byuan|\brenminbi|\busd|\bus\sdollar|人民币|美元)\s?(?:counters?|lines?|柜台)\s?,?\s?\(?\s?"
            r"(?:code\s)?(?P<n12>\d{4,5})(?![\d%]|[.,]\d|[.:]hk)",
            ("counter", "line", "柜台"),
        ),
    )
)


def _prefixed_codes(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) of each code in a prefixed form, as ``finditer`` of the forms'
    alternation finds them: the leftmost place where a form matches, the first form in order
    that matches there, then on from its end. Each form keeps its leftmost match at or after
    where the scan is: searched again only once the scan has passed its start."""
    forms = [form for form, words in _CODE_PREFIXED_FORMS if any(w in folded for w in words)]
    nexts = [form.search(folded) for form in forms]
    out: list[tuple[int, int, str]] = []
    while True:
        best = None
        for m in nexts:  # (strictly before: at a tie the earlier form wins, as in the alternation)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return out
        at = best.end()
        out.append((best.start(), at, best.group(1)))
        nexts = [m if m is None or m.start() >= at else form.search(folded, at) for form, m in zip(forms, nexts, strict=True)]


_CODE_SUFFIX = patterns.compile(r"[.:]hk(?![a-z0-9])")
# Bloomberg style outside brackets ("... and 1810 HK."): only before punctuation, the end of
# a line, a table's column gap ("Tencent  700 HK    HK$372.40"), "and"/"or"/"equity"/"all", a
# signed figure or a word of how it traded ("9988 HK +4.6%", "883 HK unch", "857 HK softer"),
# and only with "HK" in capitals in the original text ("300 HK dollars" is an amount).
_CODE_BBG = patterns.compile(
    r" hk(?=[.,;:)/\]]|[ \t]*$|[ \t]{2}|\s+(?:and|or|equity|all|both)\b|\s/"
    r"|\s[+\-\u2212]\d|\s(?:unch|unchanged|flat|softer|firmer|higher|lower|up|down|above|below|through)\b)",
    patterns.MULTILINE,
)
# Digits of a code: not the tail of a larger number ("1,700"), but a comma before them is
# fine where it is a clause's (港股方面，0700.HK).
_DIGITS_BEFORE = patterns.compile(r"(?<![\d.$])(?<!\d,)\d{1,5}$")
_YEAR = patterns.compile(r"^(?:19|20)\d\d$")
# After a bracketed number, a unit that makes it a date or a figure, not a code.
_DATE_UNIT_AFTER = patterns.compile(r"\s?(?:年|月|日|号|號|%|点|點|倍|个|個)")

# Words before a bracketed code whose name the table does not know ("OKLink (01499.HK)").
# Possessive digits (the regex module has them on every Python we support): a run of digits
# is never re-split, so a long number before a bracketed code costs linear time.
_NAME_WORD = r"(?:[A-Z]|\d++[A-Za-z])[\w&.'’-]*"
_UNKNOWN_NAME = patterns.compile(rf"((?:{_NAME_WORD}\s(?:(?:of|and|&)\s)?){{0,5}}{_NAME_WORD})\s?$")


# Right before a bracketed number: the kind of a warrant or CBBC whose code it is.
_DERIVATIVE_WORD_BEFORE = patterns.compile(r"\b(?:call|put|bull|bear|warrants?|cbbcs?)\s?$")
# Right before a bracketed number: a technical indicator whose period it is ("RSI（14）", "MA(20)").
_INDICATOR_BEFORE = patterns.compile(r"(?<![a-z])(?:rsi|macd|kdj|ema|sma|ma|boll|wr|cci|dmi|atr|bias|obv|stoch)\s?$")
# Right after a number in corner brackets: an event it names, a date (「618」購物節, 「雙11」大促).
_EVENT_AFTER = patterns.compile(r"(?:购物|电商|年中|周年)?(?:节|大促|促销)")
_CORNER_CODE_REACH = 8  # 「」 around at most five digits and spaces

# The head of a desk's timed log entry (a blotter's line): a clock time and a run of spaces.
_LOG_ENTRY_LINE = r"[ \t]*\d{1,2}:\d{2}[ \t]{2,}"  # (from a line's start)
_LOG_ENTRY_HEAD = "^" + _LOG_ENTRY_LINE
# A chat message: its time or date in square brackets, the sender's name and a colon
# ("[16:12] Jason W: 700 收 628 -2.1%"), or an export's header line of the sender's name and
# the time ("Jason 陳 16:12") with the message on the lines below. Traders there write a code
# bare, as their screens show it; anywhere else a bare number is a figure.
_CHAT_MESSAGE_LINE = (  # (from a line's start; none of its forms goes past the line's end)
    r"[ \t]*\[[^\]\n]{1,24}\][ \t]{0,4}[^:：\s\[\]][^:：\n\[\]]{0,23}[:：]"
    r"|[ \t]*[^\W\d][^:：\n\[\]]{0,23}?[ \t]\d{1,2}:\d{2}(?::\d{2})?[ \t]*$"
    # (or a timed log's entry: "09:58  1810  -17%+. 9868 and 9866 -20% / -15% resp.")
    "|" + _LOG_ENTRY_LINE +
    # (or the sender, the time and a colon: "Kelvin 09:52: 2015 / 9868 +7% +9% resp.")
    r"|[ \t]*[^\W\d][^:：\n\[\]]{0,23}?[ \t]\d{1,2}:\d{2}[:：]"
)
_CHAT_MESSAGE = patterns.compile("^(?:" + _CHAT_MESSAGE_LINE + ")", patterns.MULTILINE)
# The same from the line break before a line (a text's first line is matched on its own):
# asking whether a text has one, a search that skips from line break to line break is ~10x
# cheaper than one trying ``^`` at every character (0.03 s per 2 MB of reports, most with none).
_CHAT_MESSAGE_AFTER_BREAK = patterns.compile(r"\n(?:" + _CHAT_MESSAGE_LINE + ")", patterns.MULTILINE)


def _has_chat_message(text: str) -> bool:
    """Does any line of ``text`` open on a chat message (``_CHAT_MESSAGE``)?"""
    return _CHAT_MESSAGE.match(text) is not None or _CHAT_MESSAGE_AFTER_BREAK.search(text) is not None


# A bare code in a message: three to five digits (one or two are too often a count) where a
# subject stands (right after the sender's colon, a list's separator, a full stop, 同/及/and,
# or at the start of one of the message's lines) and then a signed change or a word: never a decimal point,
# a thousands comma, a per cent sign or a unit, which make the number a figure ("收 98.55",
# "25,000", "上升 412 隻", "52 蚊"); three digits right after a digit and a comma are a thousands
# group ("HSI 25,247"). And a figure of its move or price follows in the same clause: a count
# of decliners ("1,102 升 / 590 跌") has none.
_CHAT_CLAUSE_REACH = 60  # the figure within this many characters: a message's clause is short
_CHAT_FIGURE_AFTER = patterns.compile(r"[^,/;。\n\d]*\d")
# ... or in the line's later clauses when the code opens a line of the message ("883 gave it
# back, close -1.8% @ 21.25"), or after the other codes of a slashed pair ("3690 / 1810 -10.4%
# and -7.9% resp", "883 & 857 both down ~2%").
_CHAT_LINE_FIGURE_AFTER = patterns.compile(r"[^/;。\n\d]*\d")
# A desk's timed log (a blotter): entries opening on a clock time and a run of spaces, perhaps
# a label ("09:41  9988       -15% @ 103.0", "13:40  SOE/HIGH-DIV 941 -7.9% @ 70.05"), and rows
# indented under an entry ("                  700   -12.8%  439.0"). Read only in a text with at
# least _LOG_ENTRIES such entries; the code is then followed by a signed change or a word, with
# a figure later on its line. (Folded text: lower case.)
_LOG_ENTRY = patterns.compile(_LOG_ENTRY_HEAD, patterns.MULTILINE)
# ... and from the line break before a line, counted as _CHAT_MESSAGE_AFTER_BREAK searches.
_LOG_ENTRY_AFTER_BREAK = patterns.compile(r"\n" + _LOG_ENTRY_LINE)
_LOG_ENTRIES = 3


def _log_entry_count(text: str) -> int:
    """How many lines of ``text`` open on a log entry's head (``_LOG_ENTRY``; a head never
    goes past its line's end, so each line holds at most one)."""
    return (_LOG_ENTRY.match(text) is not None) + len(_LOG_ENTRY_AFTER_BREAK.findall(text))


_LOG_CODE = patterns.compile(
    "(?:" + _LOG_ENTRY_HEAD + r"(?:[a-z][a-z/&\-]{0,15}(?:[ \t][a-z][a-z/&\-]{0,15})?[ \t]+)?|^[ \t]{4,})"
    r"(?P<code>\d{3,5})(?:[ \t]?[,/][ \t]?(?P<code2>\d{3,5}))?(?![\d.,%:])"
    r"(?=[ \t]{1,12}(?:[-+]\s?\d|[a-z]))(?=[^\n]*\d)",
    patterns.MULTILINE,
)
_SIGNED_AFTER = patterns.compile(r"[ \t]{1,12}[-+]\d")


def _year_like(digits: str, text: str, end: int, paired: bool) -> bool:
    """Are ``digits`` (a bare code candidate ending at ``end``) a year rather than a code? A
    year-like code is a code when another code or a signed change follows it: Li Auto's "2015
    -3.3%", "2015 / 9868 +7% +9% resp."."""
    return _YEAR.match(digits) is not None and not paired and _SIGNED_AFTER.match(text, end) is None
_CHAT_CODE_PAIR = patterns.compile(r"(?:[ \t]?[/&][ \t]?\d{3,5}(?![\d.,%]))+")
_CHAT_BARE_CODE = patterns.compile(
    r"(?:(?<=[:,/、;。\n]|\.[ \t])|(?<=同|及|和|\band|&))(?<!\d,(?=\d{3}(?!\d)))[ \t]{0,2}(\d{3,5})(?![\d.,%])"
    r"(?=[ \t]{0,2}(?:[-+▲▼]\s?\d|[^\W\d_]|[/&][ \t]?\d{3,5}(?![\d.,%])))"
    r"(?![ \t]{0,2}(?:[點点蚊億亿萬万千百隻只個个元倍成年月日號号仙手股張张次位人天周週歲岁港美]|分(?![別别])"
    r"|(?:pts?|points?|k|m|mn|bn|b|shares?|lots?|hkd|usd|rmb|dollars?|bucks?|x|hk)\b))"
)


# The whole table's automaton takes 8 ms to build (4,300 keys; 14 ms with an imported HKEX
# list of 7,500), more than a short report's whole scan. Until a run has read this many
# characters, each report is scanned with an automaton of only the keys its text holds, which
# costs about 0.8 microseconds a character on English text (less on Chinese): past this, one
# full build is the cheaper, and it serves the rest of the run.
FULL_AUTOMATON_AFTER_CHARS = 16_000
# The keys are looked up by their first characters, this many (a key shorter is its own
# prefix): four tell names apart well enough that few keys are tried against a report.
_PREFIX_CHARS = 4


class Matcher:
    """The alias automaton of one table, plus the code patterns. Build once, reuse."""

    def __init__(self, table: SecurityTable) -> None:
        self.table = table
        patterns = table.alias_patterns()
        keys = list(patterns.keys)
        self._keys = keys
        # Per key: its codes (() for a market-word blocker) and whether the text must write it
        # with a capital. Nothing is made per key here (a table has 4,000-7,000): the
        # boundary rules read the key itself, for the few keys the text holds.
        self._codes = patterns.codes
        self._cased = patterns.cased
        # names that meant a code only for a time: resolved again for a report's date
        self._dated = patterns.dated
        self._ids = {k: i for i, k in enumerate(keys)}
        # The whole table's automaton is built only once a run has read enough text to pay
        # for it (FULL_AUTOMATON_AFTER_CHARS); until then each report gets a small automaton
        # of the keys its text holds, found through an index of the keys' first characters.
        self._ac: ahocorasick_rs.AhoCorasick | None = None
        self._by_prefix: dict[str, list[int]] | None = None
        self._shortest = _PREFIX_CHARS  # the shortest key's length, with the prefix index
        self._chars_read = 0
        # the text the last small automaton was built for, with it: find() asks again
        self._last: tuple[str, ahocorasick_rs.AhoCorasick | None, list[int] | None] | None = None
        # each code's digits as printed, read through the table (_ticker)
        self._tickers: dict[str, TickerMatch | None] = {}

    def _ticker(self, digits: str) -> TickerMatch | None:
        """``_hk_code`` of ``digits`` with this table, worked out once a run: the same codes
        come back in report after report, and reading one cost ~1 us (a pure function of the
        digits and the table, which a matcher holds fixed like its keys)."""
        if digits in self._tickers:
            return self._tickers[digits]
        ticker = self._tickers[digits] = _hk_code(digits, self.table, resolve_table=False)
        return ticker

    def whole_automaton(self) -> ahocorasick_rs.AhoCorasick:
        """The automaton of every key of the table, built on first use."""
        if self._ac is None:
            # The keys are longest first (AliasPatterns), so leftmost-first is leftmost-longest:
            # at the leftmost start the longest key wins, and the automaton builds in half the time.
            self._ac = ahocorasick_rs.AhoCorasick(self._keys, matchkind=ahocorasick_rs.MatchKind.LeftmostFirst)
            self._last = None
        return self._ac

    def _automaton(self, folded: str) -> tuple[ahocorasick_rs.AhoCorasick | None, list[int] | None]:
        """The automaton to scan ``folded`` with, and the table's key id of each of its keys
        (None when it is the whole table's). A small automaton of the keys ``folded`` holds
        finds exactly what the whole one finds in it: a key absent from the text matches
        nowhere, and the keys keep their order, so the same key wins at every start."""
        if self._ac is None and self._last is not None and self._last[0] is folded:
            return self._last[1], self._last[2]
        self._chars_read += len(folded)
        if self._ac is not None or self._chars_read > FULL_AUTOMATON_AFTER_CHARS:
            return self.whole_automaton(), None
        if self._by_prefix is None:
            by_prefix: dict[str, list[int]] = {}
            for i, key in enumerate(self._keys):
                by_prefix.setdefault(key[:_PREFIX_CHARS], []).append(i)
            self._by_prefix = by_prefix
            self._shortest = min(self._shortest, *map(len, by_prefix))
        by_prefix = self._by_prefix
        n = len(folded)
        grams = {folded[i : i + k] for k in range(self._shortest, _PREFIX_CHARS + 1) for i in range(n - k + 1)}
        keys = self._keys
        ids = sorted(i for gram in grams if (found := by_prefix.get(gram)) for i in found if keys[i] in folded)
        sub = (
            ahocorasick_rs.AhoCorasick([keys[i] for i in ids], matchkind=ahocorasick_rs.MatchKind.LeftmostFirst)
            if ids
            else None
        )
        self._last = (folded, sub, ids)
        return sub, ids

    # -- names ------------------------------------------------------------------------------

    def _valid(self, pid: int, folded: str, text: str | None, s: int, e: int) -> bool:
        """A Latin key's ends stand on word boundaries, and a key written in capitals in the
        data starts with a capital in the text."""
        key = self._keys[pid]
        if s > 0 and key[0] in _ALNUM and folded[s - 1] in _ALNUM:
            return False
        if e < len(folded) and key[-1] in _ALNUM and folded[e] in _ALNUM:
            return False
        return not (
            text is not None and self._cased[pid] and "a" <= key[0] <= "z" and text[s].islower()
        )

    def _shorter_at(self, folded: str, text: str | None, s: int, e: int) -> tuple[int, int] | None:
        for k in range(e - 1, s, -1):
            pid = self._ids.get(folded[s:k])
            if pid is not None and self._valid(pid, folded, text, s, k):
                return pid, k
        return None

    def _scan(
        self, folded: str, text: str | None, lo: int, hi: int, out: list[tuple[int, int, int]],
        ac: ahocorasick_rs.AhoCorasick, ids: list[int] | None,
    ) -> None:
        hay = folded if lo == 0 and hi == len(folded) else folded[lo:hi]
        found = ac.find_matches_as_indexes(hay)
        keys = self._keys
        for i, (pid, s, e) in enumerate(found):
            if ids is not None:
                pid = ids[pid]
            s += lo
            e += lo
            # (a key that neither opens nor ends on a Latin letter or digit, as most Chinese
            # keys, is valid wherever it stands: _valid's rules all start from such an end.
            # Told here, it spares most of the automaton's hits on Chinese text a call.)
            key = keys[pid]
            if (key[0] not in _ALNUM and key[-1] not in _ALNUM) or self._valid(pid, folded, text, s, e):
                out.append((pid, s, e))
                continue
            resume = s + 1
            shorter = self._shorter_at(folded, text, s, e)
            if shorter is not None:
                out.append((shorter[0], s, shorter[1]))
                resume = shorter[1]
            nxt = found[i + 1][1] + lo if i + 1 < len(found) else hi
            if resume < nxt:
                self._scan(folded, text, resume, nxt, out, ac, ids)

    def name_hits(self, folded: str, text: str | None = None) -> list[tuple[int, int, int]]:
        """Raw automaton hits (pattern id, start, end) after the boundary rules, in order."""
        if not self._keys or not folded:
            return []
        ac, ids = self._automaton(folded)
        out: list[tuple[int, int, int]] = []
        if ac is not None:
            self._scan(folded, text, 0, len(folded), out, ac, ids)
        return out

    # -- codes ------------------------------------------------------------------------------

    def code_hits(
        self, folded: str, text: str | None = None
    ) -> list[tuple[int, int, TickerMatch, bool]]:
        """Codes written in a code form: (start, end, ticker, bare_in_brackets), in order."""
        found: list[tuple[int, int, str, bool]] = []
        for m in _CODE_BRACKETED.finditer(folded):
            # the digits: the one group of the form that matched (each of _FORMS' alternatives
            # holds one; reading it by lastindex is ~10x cheaper than asking each group by name)
            found.append((m.start(), m.end(), m.group(m.lastindex), m.lastgroup == "n6"))
        for s, e, digits in _prefixed_codes(folded):
            found.append((s, e, digits, False))
        for m in _CODE_SUFFIX.finditer(folded):
            d = _DIGITS_BEFORE.search(folded, max(0, m.start() - 6), m.start())
            if d:
                found.append((d.start(), m.end(), d.group(0), False))
        for m in _CODE_BBG.finditer(folded):
            if text is not None and text[m.start() + 1 : m.end()] != "HK":
                continue
            d = _DIGITS_BEFORE.search(folded, max(0, m.start() - 6), m.start())
            if d:
                found.append((d.start(), m.end(), d.group(0), False))
        found.extend(self._chat_codes(folded, text))
        found.extend(self._log_codes(folded, text))
        found.sort(key=lambda f: (f[0], -f[1]))
        out = []
        last_end = -1
        for s, e, digits, bare in found:
            if s < last_end:
                continue
            ticker = self._ticker(digits)
            if ticker is not None and ticker.via == "rmb" and ticker.known and len(digits) == 5:
                # a code printed is the report's own: an RMB counter stays itself (80700)
                ticker = ticker._replace(code=digits, note=f"{digits} is the RMB counter of {ticker.code}")
            if ticker is not None:
                out.append((s, e, ticker, bare))
                last_end = e
        return out

    def _log_codes(self, folded: str, text: str | None) -> list[tuple[int, int, str, bool]]:
        """Codes written bare in a timed log's entries and the rows under them (see
        ``_LOG_CODE``) that the table lists: (start, end, digits, False)."""
        if text is None or "\n" not in text or _log_entry_count(text) < _LOG_ENTRIES:
            return []
        found: list[tuple[int, int, str, bool]] = []
        for m in _LOG_CODE.finditer(folded):
            paired = m.group("code2") is not None
            for group in ("code", "code2"):
                digits = m.group(group)
                if digits is not None and not _year_like(digits, folded, m.end(group), paired) and digits.zfill(5) in self.table:
                    found.append((m.start(group), m.end(group), digits, False))
        return found

    def _chat_codes(self, folded: str, text: str | None) -> list[tuple[int, int, str, bool]]:
        """Codes written bare in a chat's messages (see ``_CHAT_BARE_CODE``) that the table
        lists: (start, end, digits, False)."""
        lined = folded
        if text is not None and "\n" in text:
            if not _has_chat_message(text):
                return []
            # the folded text with the original's line breaks: preparing a report joins a
            # message's lines as a wrapped paragraph's, but each of them opens on a subject
            parts, at = [], 0
            for line in text.split("\n"):
                parts.append(folded[at : at + len(line)])
                at += len(line) + 1
            lined = "\n".join(parts)
        leads = list(_CHAT_MESSAGE.finditer(lined))
        found: list[tuple[int, int, str, bool]] = []
        for k, m in enumerate(leads):
            # the message goes on over the lines after it ("names:" then a code a line) up to
            # the next message or a blank line
            end = leads[k + 1].start() if k + 1 < len(leads) else len(lined)
            blank = lined.find("\n\n", m.end(), end)
            for c in _CHAT_BARE_CODE.finditer(lined, m.end() - 1, end if blank < 0 else blank):
                digits = c.group(1)
                after = c.end(1)
                if (pair := _CHAT_CODE_PAIR.match(lined, after)) is not None:
                    after = pair.end()
                opens_line = not lined[lined.rfind("\n", 0, c.start(1)) + 1 : c.start(1)].strip()
                figure_after = _CHAT_LINE_FIGURE_AFTER if opens_line else _CHAT_FIGURE_AFTER
                if (
                    not _year_like(digits, lined, c.end(1), pair is not None) and digits.zfill(5) in self.table
                    and figure_after.match(lined, after, after + _CHAT_CLAUSE_REACH)
                ):
                    found.append((c.start(1), c.end(1), digits, False))
        return found

    # -- both -------------------------------------------------------------------------------

    def _codes_at(self, pid: int, date: str | None, memo: dict[int, tuple[str, ...]]) -> tuple[str, ...]:
        """The codes a name pattern means on ``date`` (the table's current sense without one)."""
        if date is None or pid not in self._dated:
            return self._codes[pid]
        if pid not in memo:
            memo[pid] = self.table.codes_for_key(self._keys[pid], date)
        return memo[pid]

    def _valid_prefix_at(
        self, folded: str, text: str | None, s: int, e: int, date: str | None,
        memo: dict[int, tuple[str, ...]],
    ) -> tuple[int, int] | None:
        """The longest shorter name at ``s`` that meant a listed security on ``date``."""
        for k in range(e - 1, s, -1):
            pid = self._ids.get(folded[s:k])
            if pid is not None and self._valid(pid, folded, text, s, k) and self._codes_at(pid, date, memo):
                return pid, k
        return None

    def find(self, folded: str, text: str | None = None, date: str | None = None) -> list[Hit]:
        """Every security in ``folded`` (``text``: the original, same length, for case checks
        and names of unknown companies; ``date``: the report's ISO date, for names that changed
        hands). Hits are in text order and never overlap."""
        memo: dict[int, tuple[str, ...]] = {}
        names = self.name_hits(folded, text)
        codes = self.code_hits(folded, text)
        code_at = {s: (s, e, t, bare) for s, e, t, bare in codes}
        code_ending = {e: (s, e, t, bare) for s, e, t, bare in codes}
        used_codes: set[int] = set()
        hits: list[Hit] = []
        blocked_ends: set[int] = set()
        longer_name_at: dict[int, int] = {}  # start of a name dropped for the code after it
        for pid, s, e in names:
            if not self._codes[pid]:
                blocked_ends.add(e)
                continue
            if (prefixed := code_at.get(s)) is not None and prefixed[1] > e:
                continue  # "HKEX:3690": the exchange's name heads another company's code
            name_end = e
            m = None
            if folded.find("-", e, e + _SUFFIX_DASH_REACH) >= 0:  # (else _SUFFIX_AFTER cannot match)
                m = _SUFFIX_AFTER.match(folded, e, e + _MATCH_WINDOW)
            if m:
                e = m.end()
            gap = _GAP.match(folded, e, e + _MATCH_WINDOW)
            code = code_at.get(gap.end()) if gap else None
            if code is None and gap and gap.end() != e:
                code = code_at.get(e)
            if code is None:
                code = self._own_code_after_more_name(folded, e, self._codes[pid], code_at)
            if code is None and self._other_company(folded, text, e):
                continue
            if code is None and self._name_of_other_code(folded, text, e, self._codes[pid], code_at):
                longer_name_at.setdefault(s, s)  # the code that follows takes the name from here
                continue
            codes_now = self._codes_at(pid, date, memo)
            if not codes_now and pid in self._dated and code is None:
                shorter = self._valid_prefix_at(folded, text, s, name_end, date, memo)
                if shorter is not None:  # 長江實業集團 after 長江實業 (1972-2015) changed hands
                    pid, name_end = shorter
                    e = name_end
                    codes_now = self._codes_at(pid, date, memo)
            hit = self._name_hit(s, name_end, e, codes_now, code, folded, text)
            before = code_ending.get(s) if code is None else None
            if before is not None and before[2].code in codes_now and before[0] not in used_codes:
                # the code printed first, in brackets ("「1211」比亞迪", an app's style)
                cs, ce, ticker, _ = before
                hit = Hit(cs, hit.end, ticker.code, s, name_end, codes_now, cs, ce, ticker)
            if hit.code_start is not None:
                used_codes.add(hit.code_start)
            hits.append(hit)
        named = len(hits)
        i = 0  # name hits and codes are both in text order: walk them together
        last_code_end = 0
        for s, e, ticker, bare in codes:
            while i < named and hits[i].end <= s:
                i += 1
            if s in used_codes or (i < named and hits[i].start < e):
                continue
            if bare and not self._bare_code_ok(folded, text, s, ticker, blocked_ends):
                continue
            floor = max(hits[i - 1].end if i > 0 else 0, last_code_end)
            hit = self._code_hit(s, e, ticker, text, floor)
            named_from = max((n for n in longer_name_at if floor <= n < s), default=None)
            if named_from is not None and named_from < hit.start:
                hit = Hit(named_from, e, ticker.code, None, None, (), s, e, ticker)
            hits.append(hit)
            last_code_end = e
        hits.extend(self._short_name_hits(folded, hits))
        hits.sort(key=lambda h: h.start)
        return self._other_language_in_brackets(folded, _drop_overlaps(hits))

    def _other_language_in_brackets(self, folded: str, hits: list[Hit]) -> list[Hit]:
        """A name with its other-language name in brackets after it, perhaps with its code
        ("Alibaba (阿里, 9988)", "Meituan (美團)", "騰訊 (Tencent, 700)"): one entity, the
        first name's, over the whole bracket."""
        out: list[Hit] = []
        k = 0
        while k < len(hits):
            h = hits[k]
            nxt = hits[k + 1] if k + 1 < len(hits) else None
            if (
                nxt is not None and h.code is not None and nxt.code == h.code and h.name_start is not None
                and nxt.name_start is not None and _OPEN_BRACKET.fullmatch(folded, h.end, nxt.start)
                # (the other script: "KE Holdings (BEKE)" names a US ticker, its own entity)
                and (folded[h.name_start] >= "\u3400") != (folded[nxt.name_start] >= "\u3400")
                and (close := _BRACKET_REST.match(folded, nxt.end, nxt.end + _MATCH_WINDOW)) is not None
                and (not close.group("n") or int(close.group("n")) == int(h.code))
            ):
                code_start = close.start("n") if close.group("n") else h.code_start
                code_end = close.end("n") if close.group("n") else h.code_end
                ticker = self._ticker(h.code) if close.group("n") else h.ticker
                out.append(h._replace(end=close.end(), code_start=code_start, code_end=code_end, ticker=ticker))
                k += 2
                continue
            out.append(h)
            k += 1
        return out

    def _short_name_hits(self, folded: str, hits: list[Hit]) -> list[Hit]:
        """A five-digit code beside a shortening of its Chinese name that is no alias ("02318
        平安", "平安 02318" for 中國平安): the code, and the name it is printed with."""
        besides = _codes_beside_han(folded)
        if not besides:
            return []
        taken = [(h.start, h.end) for h in hits]
        out: list[Hit] = []
        for b in besides:
            digits = b.code.zfill(5)
            rec = self.table.get(digits)
            if rec is None:
                continue
            run = b.run
            name = fold(rec.name_zh or "")
            # the longest piece of the run beside the code (its start after a code, its end
            # before one) that is a shortening of the name
            pieces = (run[-k:] if b.han_first else run[:k] for k in range(min(len(run), _SHORT_NAME_MAX), 1, -1))
            short = next((p for p in pieces if p != name and _in_order(p, name)), None)
            if short is None:
                continue
            cs, ce = b.code_start, b.code_start + len(b.code)
            if b.han_first:
                ns, ne = b.run_start + len(run) - len(short), b.run_start + len(run)
            else:
                ns, ne = b.run_start, b.run_start + len(short)
            start, end = min(cs, ns), max(ce, ne)
            if any(a < end and start < b for a, b in taken):
                continue
            ticker = self._ticker(digits)
            if ticker is None:
                continue
            out.append(Hit(start, end, rec.code, ns, ne, (rec.code,), cs, ce, ticker))
            taken.append((start, end))
        return out

    # (The patterns here and in _name_of_other_code are tried only where the characters they
    # open on, or must hold within a few characters, are there: a pattern's call costs ~0.5 us,
    # a string test a tenth of that, and most names are followed by neither. ``str.isspace``
    # holds for every character regex's ``\s`` matches.)
    def _other_company(self, folded: str, text: str | None, e: int) -> bool:
        if e < len(folded) and folded[e] >= "\u3400":
            if folded[e] in _OTHER_COMPANY_CJK_FIRST and _OTHER_COMPANY_CJK.match(folded, e, e + _MATCH_WINDOW):
                return True
            reach = e + _LONGER_NAME_CJK_REACH
            if folded.find("控", e, reach) < 0 and folded.find("集", e, reach) < 0:
                return False  # (no corporate word for _LONGER_NAME_CJK to end on)
            m = _LONGER_NAME_CJK.match(folded, e, e + _MATCH_WINDOW)
            # ... unless the characters in between are a name of their own (騰訊音樂 is known)
            return bool(m) and not self._names_inside(folded, e, m.end())
        m = _OTHER_COMPANY_LATIN.match(folded, e, e + _MATCH_WINDOW) if folded[e : e + 1].isspace() else None
        if m:
            return text is None or text[m.start() + 1].isupper()
        if text is None:
            return False
        after = text[e : e + 1]
        if after == "-" and _HYPHENATED_NAME_LATIN.match(text, e, e + _MATCH_WINDOW):
            return True
        m = _LONGER_NAME_LATIN.match(text, e, e + _MATCH_WINDOW) if after.isspace() else None
        return bool(m) and not _title_case_line(text, e, m.end())

    def _name_of_other_code(
        self, folded: str, text: str | None, e: int, codes: tuple[str, ...],
        code_at: dict[int, tuple[int, int, TickerMatch, bool]],
    ) -> bool:
        """Whether the alias ending at ``e`` begins a longer name printed with another code."""
        if e < len(folded) and folded[e] >= "\u3400":
            reach = e + _MORE_NAME_REACH
            if folded.find("(", e, reach) < 0 and folded.find("（", e, reach) < 0:
                return False  # (no bracket for _MORE_NAME_CJK to stop before)
            m = _MORE_NAME_CJK.match(folded, e, e + _MATCH_WINDOW)
            if m is None or self._names_inside(folded, e, m.end()):
                return False
        elif text is not None:
            if not text[e : e + 1].isspace():
                return False  # (_MORE_NAME_LATIN opens on a space)
            m = _MORE_NAME_LATIN.match(text, e, e + _MATCH_WINDOW)
            if m is None or _title_case_line(text, e, m.end()):
                return False
        else:
            return False
        code = code_at.get(m.end())
        return code is not None and code[2].code not in codes

    def _own_code_after_more_name(
        self, folded: str, e: int, codes: tuple[str, ...],
        code_at: dict[int, tuple[int, int, TickerMatch, bool]],
    ) -> tuple[int, int, TickerMatch, bool] | None:
        """The rest of the name, then the name's own code in brackets (世茂 in 世茂房地產(00813)):
        one name with its code, not a name and a second mention."""
        if e >= len(folded) or folded[e] < "\u3400" or folded.find("(", e, e + _MORE_NAME_REACH) < 0:
            return None
        m = _MORE_NAME_CJK.match(folded, e, e + _MATCH_WINDOW)
        code = code_at.get(m.end()) if m is not None else None
        if code is None or code[2].code not in codes or self._names_inside(folded, e, m.end()):
            return None
        return code

    def _names_inside(self, folded: str, s: int, e: int) -> bool:
        """Whether any key of the table stands in ``folded[s:e]``."""
        ac, _ = self._automaton(folded)  # ``folded``'s own: a key inside it is in ``folded`` too
        return ac is not None and bool(ac.find_matches_as_indexes(folded[s:e]))

    def _name_hit(
        self,
        s: int,
        name_end: int,
        e: int,
        codes: tuple[str, ...],
        code: tuple[int, int, TickerMatch, bool] | None,
        folded: str,
        text: str | None,
    ) -> Hit:
        resolved = codes[0] if len(codes) == 1 else None
        if code is not None:
            cs, ce, ticker, bare = code
            year_like = bare and _YEAR.match(folded[cs:ce].strip("() ")) is not None
            if not (year_like and ticker.code not in codes):
                warning = None
                counter_of = self.table.by_rmb_counter(ticker.code) if ticker.via == "rmb" else None
                if codes and ticker.code not in codes and not (counter_of and counter_of.code in codes):
                    names = "/".join(codes)
                    warning = (
                        f"{(text or folded)[s:name_end]!r} is {names} in the securities table but the text "
                        f"gives code {ticker.code}; using {ticker.code}"
                    )
                return Hit(s, ce, ticker.code, s, name_end, codes, cs, ce, ticker, warning)
        return Hit(s, e, resolved, s, name_end, codes)

    def _bare_code_ok(
        self, folded: str, text: str | None, s: int, ticker: TickerMatch, blocked_ends: set[int]
    ) -> bool:
        """A bare bracketed number is a code only right after a name-like word."""
        rest = folded[s : s + 10].lstrip("(「 ")
        digits = rest[: len(rest) - len(rest.lstrip("0123456789"))]  # "(14) has": 14
        close = folded.find(")", s)
        if close >= 0 and _DATE_UNIT_AFTER.match(folded, close + 1, close + 1 + _MATCH_WINDOW):
            return False  # "(2019)年", "(15)日": a date, not a code
        corner_close = folded.find("」", s, s + _CORNER_CODE_REACH)
        shut = corner_close if folded.startswith("「", s) and corner_close > 0 else close
        if shut >= 0 and _EVENT_AFTER.match(folded, shut + 1, shut + 1 + _MATCH_WINDOW):
            return False  # 「618」購物節, (618)大促: an event's date, not a code
        if (
            folded.startswith("「", s) and corner_close > 0 and folded[corner_close + 1:corner_close + 2] >= "\u3400"
            and not _DATE_UNIT_AFTER.match(folded, corner_close + 1, corner_close + 1 + _MATCH_WINDOW)  # 「2023」年
        ):
            return True  # "「2318」平安、「3968」招行": a corner-bracketed code heading its name
        j = s
        while j > 0 and folded[j - 1] == " ":
            j -= 1
        if j == 0 or j in blocked_ends:
            return False
        prev = folded[j - 1]
        if prev >= "\u3400":
            return True  # 中海油(883)、港燈(2638): Chinese copy brackets codes, not years
        if _INDICATOR_BEFORE.search(folded, max(0, j - _MATCH_WINDOW), j):
            return False  # "RSI（14）升至69", "MACD(12,26)": an indicator's period, not a code
        if text is not None and text[s:s + 1] == "（" and prev in _ALNUM and not prev.isdigit():
            return True  # "Sands（1928）同Galaxy（27）": an English name in Chinese copy's brackets
        if _DERIVATIVE_WORD_BEFORE.search(folded, max(0, j - _MATCH_WINDOW), j):
            return True  # "Tencent SG call (21566)": a warrant's or CBBC's own code
        if len(digits) < 4 or _YEAR.match(digits):
            return False  # "Plan (2025) results", "Plan (700)": in English a code is written out
        if prev in _ALNUM and not prev.isdigit():
            return text is None or bool(_UNKNOWN_NAME.search(text[max(0, j - 80) : j]))
        return False

    def _code_hit(
        self, s: int, e: int, ticker: TickerMatch, text: str | None, floor: int
    ) -> Hit:
        """A code on its own; in English, the capitalised words just before it are its name."""
        start = s
        if text is not None and folded_is_bracket(text, s):
            j = s
            while j > floor and text[j - 1] == " ":
                j -= 1
            m = _UNKNOWN_NAME.search(text, max(floor, j - 80), j)
            if m and m.group(1):
                start = m.start(1)
        return Hit(start, e, ticker.code, None, None, (), s, e, ticker)


# A five-digit code and a run of Chinese right after it, or a run of Chinese right before a
# code of four or five digits ("平安 2318"): read around each run of four or five digits,
# which is far cheaper than trying a pattern at every Chinese character (2.5% of a run on
# Chinese reports, and 2 ms of start-up to compile the CJK range through ``re``).
# (Its first digit, then "not a digit before it" as a lookbehind over two characters: a
# pattern opening on a digit lets ``re`` skip ahead to the next digit, where one opening on the
# lookbehind was tried at every character, ~40% slower.)
_FOUR_OR_FIVE_DIGITS = re.compile(r"\d(?<!\d\d)\d{3,4}(?!\d)")
_BESIDE_HAN_MAX = 8  # the most Chinese characters read as the name beside a code
_BESIDE_HAN_MIN = 2
_NOT_AFTER_CODE = ".,%"  # "2318.5", "2318,", "2318%": a figure, not a code before it


class _CodeBeside(NamedTuple):
    """A code with a run of Chinese beside it: ``han_first`` when the run comes before it."""

    code: str
    code_start: int
    run: str
    run_start: int
    han_first: bool


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _codes_beside_han(folded: str) -> list[_CodeBeside]:
    """In text order and never overlapping, as a scan from the left finds them: a run of two
    to eight Chinese characters, perhaps a space or tab, then four digits or five starting
    with 0, not followed by a digit, "." "," or "%"; or five digits starting with 0 (not
    after a digit, "." or ","), perhaps a space or tab, then two to eight Chinese
    characters (the first eight of a longer run)."""
    out: list[_CodeBeside] = []
    n = len(folded)
    taken = 0  # where the last one found ends
    for m in _FOUR_OR_FIVE_DIGITS.finditer(folded):
        ds, de = m.span()
        if ds < taken:
            continue
        five_from_zero = de - ds == 5 and folded[ds] == "0"
        if (five_from_zero or de - ds == 4) and (de == n or folded[de] not in _NOT_AFTER_CODE):
            # the run before: it ends at the digits or at one space or tab before them
            q = ds - 1 if ds > 0 and folded[ds - 1] in " \t" else ds
            p = q
            while p > max(q - _BESIDE_HAN_MAX, taken) and _is_han(folded[p - 1]):
                p -= 1
            if q - p >= _BESIDE_HAN_MIN:
                out.append(_CodeBeside(folded[ds:de], ds, folded[p:q], p, True))
                taken = de
                continue
        if five_from_zero and (ds == 0 or folded[ds - 1] not in ".,"):
            h = de + 1 if de < n and folded[de] in " \t" else de
            e = h
            while e < min(h + _BESIDE_HAN_MAX, n) and _is_han(folded[e]):
                e += 1
            if e - h >= _BESIDE_HAN_MIN:
                out.append(_CodeBeside(folded[ds:de], ds, folded[h:e], h, False))
                taken = e
    return out


_SHORT_NAME_MAX = 4  # a shortened name: 平安 for 中國平安, 國壽 for 中國人壽


def _in_order(short: str, name: str) -> bool:
    """Are ``short``'s characters all in ``name``, in order (平安 in 中国平安)?"""
    it = iter(name)
    return all(ch in it for ch in short)


def _title_case_line(text: str, at: int, name_end: int | None = None) -> bool:
    """Whether the line around ``at`` is written with most words capitalised (a headline); the
    name being judged (``at`` to ``name_end``) is left out of the count."""
    lo = text.rfind("\n", max(0, at - TITLE_CASE_REACH), at) + 1 or max(0, at - TITLE_CASE_REACH)
    hi = text.find("\n", at, at + TITLE_CASE_REACH)
    hi = hi if hi >= 0 else min(len(text), at + TITLE_CASE_REACH)
    words = _WORD.findall(text, lo, at) + _WORD.findall(text, name_end or at, hi)
    if len(words) < TITLE_CASE_MIN_WORDS:
        return True  # too short to tell: a headline or a label, not running text
    caps = sum(1 for w in words if w[0].isupper())
    return caps > TITLE_CASE_SHARE * len(words)


def folded_is_bracket(text: str, s: int) -> bool:
    return text[s] in "(（"


# Between a name and its other-language name in brackets ("Alibaba (阿里, 9988)"), and after
# that name: the code if printed, then the bracket's end.
_OPEN_BRACKET = patterns.compile(r"\s?[(（]\s?")
_BRACKET_REST = patterns.compile(r"(?:\s?[,，、]\s?(?P<n>\d{1,5})(?:\.hk)?)?\s?[)）]")


def _drop_overlaps(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out
