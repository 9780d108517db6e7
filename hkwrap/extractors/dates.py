"""The trading date a report covers.

Sources, in order of trust:
1. the first date the report body states: a full date (2025.11.21 04:13; November 21, 2025;
   21 Nov 2025; 3rd October 2023; 2025年11月21日), or a partial or relative one ("November 14",
   "(25 日)", "on Tuesday", 今日, 昨日) resolved against a reference;
2. otherwise the reference itself.
The reference is the report's own date (front matter, page metadata), else ``--date``. The
wall clock is never used; with nothing to anchor a partial date the answer is null.
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from hkwrap import data, patterns
from hkwrap.numbers import parse_zh_numeral
from hkwrap.text import stamps
from hkwrap.text.fold import fold
from hkwrap.text.prepare import Prepared
from hkwrap.text.spans import MATCH_WINDOW as _MATCH_WINDOW
from hkwrap.text.wrap import COLUMNS

if TYPE_CHECKING:
    import regex

HKT = dt.timezone(dt.timedelta(hours=8))

_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"


def half_day_session(prep: Prepared) -> bool:
    """Does the report say the market traded only in the morning (平安夜半日市, "a half-day
    session")? Then the noon close is the day's close."""
    return _half_day_pattern().search(prep.folded) is not None


_HEADLINE_SENTENCES = 2  # a masthead line, then the headline


def midday_report(prep: Prepared) -> bool:
    """Does the report's headline (its first sentence) call it a midday report ("The Half-Day
    Report:", 港股午評)? Then its close words mean the morning session's close."""
    if not prep.sentences:
        return False
    # (the headline may come under a masthead line: "香港經濟日報　即時新聞　12:10" / "【午市】恒指…")
    start, end = prep.sentences[0][0], prep.sentences[min(len(prep.sentences), _HEADLINE_SENTENCES) - 1][1]
    words = _words_pattern("midday_report")
    # (a label in corner brackets is masked in the folded text: read it as written, folded)
    return words.search(prep.folded, start, end) is not None or words.search(fold(prep.text[start:end])) is not None


def full_day_named(prep: Prepared, start: int, end: int) -> bool:
    """Does text[start:end] name the full day's trading (全日, "for the day")?"""
    return _words_pattern("full_day").search(prep.folded, start, end) is not None


@cache
def _words_pattern(key: str) -> regex.Pattern:
    words = data.load()["lexicon"]["dates"].get(key, [])
    return patterns.compile("|".join(patterns.escape(fold(w)) for w in sorted(words, key=lambda w: (-len(w), w))) or r"(?!)")


@cache
def _set_against() -> regex.Pattern:
    """A set_against word (lexicon/dates.yaml) right before where the search ends: 扭轉 of 扭轉昨日."""
    return patterns.compile(rf"(?:{_words_pattern('set_against').pattern})\s?$")


def _half_day_pattern() -> regex.Pattern:
    return _words_pattern("half_day_session")


@lru_cache(maxsize=1)
def _calendar() -> dict[str, Any]:
    """The calendar words of ``lexicon/dates.yaml``, folded: month names to numbers, weekday
    names and Chinese weekday characters to numbers (Monday 0)."""
    words = data.load()["lexicon"]["dates"]
    months = {fold(w): int(n) for n, names in words["months"].items() for w in names}
    weekdays = {fold(w): int(n) for n, names in words["weekdays"].items() for w in names}
    weekdays.update({fold(c): int(n) for c, n in words["weekday_suffixes"].items()})
    return {
        "months": months,
        "weekdays": weekdays,
        "en_weekdays": sorted((fold(w) for names in words["weekdays"].values() for w in names), key=lambda w: (-len(w), w)),
        "prefixes": [fold(w) for w in words["weekday_prefixes"]],
        "suffixes": "".join(fold(c) for c in words["weekday_suffixes"]),
        "today": [fold(w) for w in words["today"]],
        "yesterday": [fold(w) for w in words["yesterday"]],
    }


def _alt(words: list[str]) -> str:
    """Regex alternation of words, longest first; a Latin word on word boundaries."""
    return "|".join(
        rf"\b{patterns.escape(w)}\b" if w.isascii() else patterns.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))
    )


@lru_cache(maxsize=1)
def _date_pattern() -> regex.Pattern:
    """Every form of date a report writes. Folded text: lower-case Latin, ASCII digits,
    Simplified Chinese."""
    cal = _calendar()
    month = "|".join(patterns.escape(w) for w in sorted(cal["months"], key=lambda w: (-len(w), w)))
    weekday = "|".join(patterns.escape(w) for w in cal["en_weekdays"])
    prefixes = "|".join(patterns.escape(w) for w in cal["prefixes"])
    return patterns.compile(
        rf"""
          (?<!\d)(?P<y1>20\d\d)(?:\s?(?P<sep1>[-./])\s?(?P<m1>[01]?\d)\s?(?P=sep1)|\s?年\s?(?P<m1>[01]?\d)\s?月)\s?(?P<d1>[0-3]?\d)(?!\d)(?:\s?日)?
        | \b(?P<mon>{month})\.?\s{_DAY}(?:[-–](?P<dend>[0-3]?\d)(?=,?\s20\d\d\b))?\b(?:,?\s(?P<y2>20\d\d)\b|\s\((?P<y2>20\d\d)\))?
        | \b(?P<day3>[0-3]?\d)(?:st|nd|rd|th)?(?:\s|-)(?:of\s)?(?P<mon3>{month})\.?\b(?:(?:,?\s|-)(?P<y3>20\d\d)\b|-(?P<y3>\d\d)\b(?![-:.]\d))?
        | (?<![\d/.-])(?P<d6>[0-3]?\d)(?P<sep>[/.-])(?P<m6>[01]?\d)(?P=sep)(?P<y6>20\d\d)(?!\d)
        | (?P<y7>[二〇○零一三四五六七八九]{{4}})年(?P<m7>[一二三四五六七八九十]{{1,3}})月(?P<d7>[一二三四五六七八九十]{{1,3}})日
        | (?<!\d)(?P<m4>[01]?\d)\s?月\s?(?P<d4>[0-3]?\d)\s?日
        | (?<![年〇○零一二三四五六七八九十])(?P<m8>十[一二]?|[一二三四五六七八九])月(?P<d8>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日
        | (?<![\d月第连续近过去逾约多数每束结])(?<![第连续近过去逾约多数每束结]\s)(?P<d5>[0-3]?\d)\s?日(?![元股线均内来累连]|跌势|升势|涨势|移动)
        | \b(?:on\s)?(?P<wd>{weekday})\b
        | (?:{prefixes})(?P<wdzh>[{cal["suffixes"]}])
        | (?P<today>{_alt(cal["today"])})
        | (?P<yday>{_alt(cal["yesterday"])})
        """,
        patterns.VERBOSE,
    )


def _anchor_words() -> tuple[str, str]:
    """Alternations of the words a date can begin with: Latin (the first letters of a month or
    weekday name, "on ", a word for today or yesterday; on a word boundary) and Chinese (a
    weekday prefix, a word for today or yesterday, the start of a year in numerals)."""
    cal = _calendar()
    latin = sorted({w[:3] for w in [*cal["months"], *cal["en_weekdays"]]})
    cjk = [*cal["prefixes"], *(w for w in [*cal["today"], *cal["yesterday"]] if not w.isascii())]
    cjk += ["二〇", "二○", "二零", "一九"]  # a year in Chinese numerals (二○一一年)
    cjk += [f"{m}月" for m in ("十一", "十二", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")]  # 三月十五日
    words = [w for w in [*cal["today"], *cal["yesterday"]] if w.isascii()]
    return r"\b(?:" + "|".join([*latin, r"on\s", *words]) + ")", "|".join(patterns.escape(w) for w in cjk)


@lru_cache(maxsize=1)
def _anchor_pattern() -> regex.Pattern:
    """Where a date expression can begin: a digit, or a word of ``_anchor_words``."""
    latin, cjk = _anchor_words()
    return patterns.compile(rf"(?<!\d)\d|{latin}|{cjk}")


@lru_cache(maxsize=1)
def _start_scans() -> tuple[regex.Pattern, ...]:
    """The places ``_anchor_pattern`` finds, less the numbers no date starts with, as three
    scans: each is several times faster than the one pattern of all the alternatives (which is
    tried branch by branch at every character). The three kinds (digits, Latin letters, Chinese
    words) never overlap, so their matches together are the combined pattern's.

    A date that starts with a number has, after its first one or two digits, a day's suffix or
    a space and a month ("3rd October", "21 Nov"), 月 or 日 ("11月21日", "25 日"), a repeated
    separator and a year ("21/11/2025"), or, after a year's four digits, a separator or 年
    ("2025-11-21", "2025年"). Most numbers (prices, points, percents) have none of these, and
    the big pattern is not tried there."""
    latin, cjk = _anchor_words()
    month_initials = patterns.escape("".join(sorted({w[0] for w in _calendar()["months"]})))
    number = (
        r"(?<!\d)\d(?="
        rf"\d?(?:\s?[月日]|(?:st|nd|rd|th)?[\s-](?:of\s)?[{month_initials}]|(?P<sep>[/.-])\d\d?(?P=sep)20)"
        r"|(?<=2)0\d\d\s?[-./年])"
    )
    return patterns.compile(number), patterns.compile(latin), patterns.compile(cjk)


# Dates that are not the day reported: "since November 11", "starting March 3".
_NOT_THE_DAY = patterns.compile(r"(?:since|starting|from|until|till|by|before|after|last|previous|than|自|截至|至|起|上|较|比)\s*$")


# Before a weekday: the start of a span it ends ("from Monday to ", "between Tuesday and ").
_SPAN_END_BEFORE = patterns.compile(r"\b(?:from|between)\s(?:on\s)?[a-z]{3,9}\.?\s(?:to|through|till|until|and)\s$")
_SPAN_END_REACH = 30  # "between wednesday and " and a space to spare


# Before a date: something will happen on it ("will report results on", "due on", 將於).
_AHEAD_REACH = 40
_AHEAD_BEFORE = patterns.compile(
    r"(?:\bwill\b[^.;,]{0,30}\bon|\b(?:due|scheduled|slated|set|expected)\s+(?:for|on)|将于|将在)\s*$"
)
_ANNOUNCED = patterns.compile(r"\s?(?:将|将会|会)?(?:公布|发表|举行|出炉|揭晓|公布的|to be released|will|release)")


# A metadata date that is not ISO 8601: "2025/11/21", "2025年11月21".
_METADATA_DATE = patterns.compile(r"(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})")


def parse_iso(value: str) -> dt.date | None:
    """A date from front matter or page metadata: 2025-11-21, 2026-06-25T11:31:16.000Z
    (converted to Hong Kong time), 2026-03-05T16:35:00+08:00, 2025/11/21."""
    value = value.strip()
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        m = _METADATA_DATE.match(value)
        if not m:
            return None
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(HKT)
    return stamp.date()


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# A month and day without a year is the latest such day on or before the reference date,
# or at most this many days after it: a preview written ahead of its day ("Monday, March 9"
# in a weekend note), never a day months ahead.
_AHEAD_DAYS_MONTH_DAY = 7
# A day alone ("(25日)") is this month's unless that lies more than this many days past the
# reference (then last month's): a report dated by the day it was published, not by its day.
_AHEAD_DAYS_DAY_ONLY = 3


def _resolve_month_day(month: int, day: int, ref: dt.date | None) -> dt.date | None:
    """The most recent such day on or before the reference (``_AHEAD_DAYS_MONTH_DAY`` of
    slack for previews)."""
    if ref is None:
        return None
    for year in (ref.year, ref.year - 1):
        d = _safe(year, month, day)
        if d is not None and d <= ref + dt.timedelta(days=_AHEAD_DAYS_MONTH_DAY):
            return d
    return None


def _previous_weekday(ref: dt.date, weekday: int) -> dt.date:
    return ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)


def _resolve(m: regex.Match, ref: dt.date | None) -> tuple[dt.date | None, bool]:
    """(date, resolvable): a full date needs no reference; the rest need one."""
    g = m.groupdict()
    if g["y1"]:
        return _safe(int(g["y1"]), int(g["m1"]), int(g["d1"])), True
    if g["y7"]:
        # 二○一一年八月九日: a date in Chinese numerals, digit by digit for the year
        year = int("".join(str(_ZH_DIGIT[c]) for c in g["y7"]))
        month, day = parse_zh_numeral(g["m7"]), parse_zh_numeral(g["d7"])
        return (_safe(year, int(month), int(day)) if month and day else None), True
    if g["y6"]:
        # Hong Kong writes the day first (21/11/2025); a first number over 12 settles it,
        # a second one over 12 means the month came first.
        a, b = int(g["d6"]), int(g["m6"])
        day, month = (b, a) if b > 12 >= a else (a, b)
        return _safe(int(g["y6"]), month, day), True
    if g["mon"] or g["mon3"]:
        month = _calendar()["months"][(g["mon"] or g["mon3"]).rstrip(".")]
        # (a week's span with its year, "January 15-19, 2024": a week's report is of its last day)
        day = int(g["dend"] or g["day"] or g["day3"])
        year = g["y2"] or g["y3"]
        if year:
            # (a terminal's "18-OCT-23": the century left out)
            return _safe(int(year) + (2000 if len(year) == 2 else 0), month, day), True
        return _resolve_month_day(month, day, ref), ref is not None
    if g["m4"]:
        return _resolve_month_day(int(g["m4"]), int(g["d4"]), ref), ref is not None
    if g["m8"]:
        # 三月十五日: a month and day in Chinese numerals, as a paper writes them
        month, day = parse_zh_numeral(g["m8"]), parse_zh_numeral(g["d8"])
        return (_resolve_month_day(int(month), int(day), ref) if month and day else None), ref is not None
    if ref is None:
        return None, False
    if g["d5"]:
        day = int(g["d5"])
        d = _safe(ref.year, ref.month, day)
        if d is None or d > ref + dt.timedelta(days=_AHEAD_DAYS_DAY_ONLY):
            prev = ref.replace(day=1) - dt.timedelta(days=1)
            d = _safe(prev.year, prev.month, day)
        return d, True
    if g["wd"] or g["wdzh"]:
        return _previous_weekday(ref, _calendar()["weekdays"][g["wd"] or g["wdzh"]]), True
    if g["today"]:
        return ref, True
    if g["yday"]:
        d = ref - dt.timedelta(days=1)
        while d.weekday() >= 5:
            d -= dt.timedelta(days=1)
        return d, True
    return None, False


def _session_of(day: dt.date) -> dt.date:
    """The session a report dated ``day`` tells: that day's, or for a Saturday or Sunday paper
    ("《周日財經》港股一週回顧　2023年6月18日") the Friday's before it."""
    return _previous_trading_day(day) if day.weekday() >= _TRADING_DAYS else day


def _previous_trading_day(ref: dt.date) -> dt.date:
    """The weekday before ``ref``: the day a morning recap covers."""
    d = ref - dt.timedelta(days=1)
    while d.weekday() >= 5:
        d -= dt.timedelta(days=1)
    return d


def _reference(prep: Prepared, metadata: dict[str, str], option: str | None) -> dt.date | None:
    for key in ("date", "datetime", "published", "published_time", "pubDate"):
        if metadata.get(key):
            d = parse_iso(metadata[key])
            if d is not None:
                return d
    return parse_iso(option) if option else None


# A dateline's line holds little besides the date: at most this many other characters.
_DATELINE_REST = 40
_TIME_AFTER = patterns.compile(r"\s*[,，]?\s*\d{1,2}:\d{2}")  # "2025.11.21 04:13", "4 September 2025, 6:05pm"
# A weekday written beside a full date restates it: "Thursday, 17 November 2022" (the date up to
# this far after the weekday), "2024年5月21日 星期二" (the weekday this far after the date).
_WEEKDAY_BEFORE_DATE = 16
_WEEKDAY_AFTER_DATE = 4
_OVERLAP = 4  # matches that overlap by a few characters ("on thursday" inside a longer date form)
# A bracket opening a dateline stands just before the date (【2026年1月16日, "[ 2026-01-16");
# a time after it within a space or two and a separator ("2025.11.21 04:13", "14/11/2025 - 16:10").
_BRACKET_BEFORE = 2
_TIME_REACH = 8
# Words that make a date not the day reported ("since", 自) stand just before it.
_NOT_THE_DAY_REACH = 12
# Words that make a date one ahead (公布, "to report") follow it closely: 周四公布, "on March 19 to".
_ANNOUNCED_REACH = 12


_FIGURE_DIGIT = patterns.compile(r"\d")
_LEAD_REST = 4  # more than this after the date on its line: a sentence, not a masthead
# Hong Kong's morning session opens at 09:30: a report timed later is about that day's trading.
_MARKET_OPENS = dt.time(9, 30)
# A dateline's time: "16:10", or in Chinese "中午12時05分", "下午4時半" (folded 时), its half of
# the day before the hour.
_DATELINE_TIME = patterns.compile(
    r"[^\n\d]{0,12}?(?P<half>上午|早上|中午|下午|晚上|傍晚)?\s?(\d{1,2})(?::(\d{2})|时(?:(\d{1,2})分|(半))?)(?!\d)"
    r"(?:\s?(?P<ampm>[ap])\.?m\b\.?)?"  # "5:20 p.m.": an English 12-hour time
)
_AFTERNOON = ("下午", "晚上", "傍晚")  # a Chinese 12-hour time in the afternoon or evening


def _dateline_time(folded: str, end: int) -> dt.time | None:
    """The time of day a dateline that ends at ``end`` gives, if any."""
    t = _DATELINE_TIME.match(folded, end, end + _MATCH_WINDOW)
    if t is None:
        return None
    hour = int(t.group(2))
    minute = int(t.group(3) or t.group(4) or (30 if t.group(5) else 0))
    if (t.group("half") in _AFTERNOON or t.group("ampm") == "p") and hour < 12:
        hour += 12
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


# A close told in the lead: the report is of its dateline's day when the first sentence after
# the dateline with a figure tells a close and names no other day ("2024年12月13日（星期五）收市：
# 恒指跌426點，收報19,971點", "Hong Kong stocks closed lower ... fell 426 points"); a weekday
# before it told later ("禮拜四恒指升咗1.2%") is background, not a morning recap's day.
@cache
def _close_told() -> regex.Pattern:
    """A close word (lexicon/dates.yaml ``close_told``)."""
    return patterns.compile(_alt([fold(w) for w in data.load()["lexicon"]["dates"]["close_told"]]))


def _lead_tells_close(
    prep: Prepared, matches: list[tuple[int, regex.Match]], n: int, start: int, own: dt.date
) -> bool:
    """Do the sentences from ``start`` (in sentence ``n``, the dateline's, of the day ``own``)
    up to the first that holds a figure tell a close, naming no day (a date, a weekday,
    yesterday) of their own? The dateline's own weekday is no other day ("Wednesday, March 15,
    2023 … The Hang Seng Index ended Wednesday's session at 19,539.87")."""
    folded = prep.folded
    told = False
    for k in range(n, min(len(prep.sentences), n + _AFTER_DATELINE)):
        lo, hi = prep.sentences[k]
        lo = max(lo, start)
        if lo >= hi:
            continue
        if any(
            k2 == k and m.start() >= lo and not m.group("today")
            and not ((name := m.group("wd") or m.group("wdzh")) and _weekday_number(name) == own.weekday())
            for k2, m in matches
        ):
            return False  # another day named ("本版數據為3月16日（星期一）收市", "周四恒指收跌"): its own reading
        told = told or _close_told().search(folded, lo, hi) is not None
        if _FIGURE_DIGIT.search(folded, lo, hi) is not None:
            return told
    return False


def _timed_after_open(folded: str, end: int) -> bool:
    """Does the dateline that ends at ``end`` give a time of day after the open, or say it
    was written after the close ("2023年1月27日（周五）收市后")?"""
    if _AFTER_CLOSE_MARK.match(folded, end) is not None:
        return True
    time = _dateline_time(folded, end)
    return time is not None and time >= _MARKET_OPENS


def _is_dateline(folded: str, sentence: tuple[int, int], m: regex.Match, text: str) -> bool:
    """A date heading the report rather than stated in it: a short line of its own, a date
    with a time ("2025.11.21 04:13"), or one in brackets (【2026年1月16日 早市前瞻】). (``text``:
    the text as written, whose line breaks the folded text may have joined.)"""
    start, end = sentence
    rest = len(folded[start:end].strip()) - len(m.group())
    before = folded[max(start, m.start() - _BRACKET_BEFORE):m.start()]
    after = folded[m.end():m.end() + _TIME_REACH]
    return (
        rest <= _DATELINE_REST or _TIME_AFTER.match(after) is not None or "【" in before or "[" in before
        # a masthead: "HARBOUR CREST SECURITIES | HK EQUITY DAILY | Tuesday, 12 March 2024",
        # "MORNING NOTE | Thursday 13 July 2017 | HK Equity Sales"
        or _masthead_segment(folded, start, end, m)
        # a wire's dateline: "HONG KONG, Nov 14, 2025 (Reuters) - ..."
        or (_WIRE_PLACE.fullmatch(folded, start, m.start()) is not None and _WIRE_DASH.match(folded, m.end()) is not None)
        # a labelled date opening its line: "Date 日期: 10 May 2023 (Wednesday) | 2023年5月10日"
        or _DATE_LABEL.search(folded, max(start, m.start() - _DATE_LABEL_REACH), m.start()) is not None
        # a masthead's date in a column of its own: "DAILY MORNING NOTE        9 June 2021 (Wednesday)"
        or _right_column_date(folded, start, m)
        # a stamp in round brackets opening its sentence: "（2025年2月18日　早盤前）美國昨日……"
        or (folded[start:m.start()].strip() == "(" and _BRACKET_CLOSE_AFTER.match(folded, m.end()) is not None)
        # a masthead's date ending the first line of its sentence as written, the folded text
        # having joined the subtitle under it: "MORNING BRIEFING | Friday, 9 June 2023" /
        # "Hong Kong equities desk - recap and outlook"
        or (
            text.rfind("\n", 0, m.start()) < start and _LINE_END_AFTER.match(text, m.end()) is not None
            and m.end() - start <= _MASTHEAD_LINE_CHARS
        )
    )


# After a masthead's date: the end of its line (a weekday in brackets may stand between).
_LINE_END_AFTER = patterns.compile(r"[ \t]{0,4}(?:\(\w{1,9}\)[ \t]{0,4})?\r?\n")
# A masthead's first line is short; a hard-wrapped paragraph's first line runs longer.
_MASTHEAD_LINE_CHARS = 60


# After a date in round brackets: a short word ("早盤前", a time) and the closing bracket.
_BRACKET_CLOSE_AFTER = patterns.compile(r"[^()\n]{0,8}\)")


def _right_column_date(folded: str, start: int, m: regex.Match) -> bool:
    """Is the date set apart from its line's title by a wide gap, and alone to the line's end
    (a weekday in brackets may follow)?"""
    if _COLUMN_GAP_BEFORE.search(folded, max(start, m.start() - _MATCH_WINDOW), m.start()) is None:
        return False
    end = m.end()
    if (wd := _BRACKETED_WEEKDAY.match(folded, end)) is not None:
        end = wd.end()
    return _LINE_END.match(folded, end) is not None


def _masthead_segment(folded: str, start: int, end: int, m: regex.Match) -> bool:
    """The date ends a line of segments split by "|", or is a segment of its own in one (a
    weekday may stand before it in the segment, or in brackets after it: "| 31 December 2024
    (Tue) |")."""
    before = folded.rfind("|", start, m.start())
    after = folded.find("|", m.end(), end)
    if before < 0 and after < 0:
        return False
    lead = folded[before + 1 if before >= 0 else start:m.start()].strip(" ,")
    date_end = wd.end() if (wd := _BRACKETED_WEEKDAY.match(folded, m.end())) is not None else m.end()
    tail = folded[date_end:after if after >= 0 else end].strip(" |")
    weekdays = _calendar()["weekdays"]
    return not tail and (
        after < 0 or not lead or lead in weekdays
        # (a title's lines before it, joined to its sentence: "… ended with a bang / Tuesday,
        # October 1, 2024 | Business section")
        or (before < 0 and lead.rpartition(" ")[2] in weekdays)
    )


# A label before a date opening its line, in one language or two ("Date:", "日期：", "Date 日期:").
_DATE_LABEL = patterns.compile(r"(?<![a-z])(?:(?:date|dated|日期)\s?){1,2}[:：]\s?$")
_DATE_LABEL_REACH = 12  # "date 日期: "
# A wide gap before a date (a masthead's right-hand column; its weekday may stand first:
# "THE MORNING PAGE        Thursday, January 12, 2023") and the end of its line after it.
_COLUMN_GAP_BEFORE = patterns.compile(r"\S[ \t\u3000]{3,}(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s)?$")
_LINE_END = patterns.compile(r"[ \t\u3000]*(?:\n|$)")
# A wire dateline's place before the date ("HONG KONG, ", "Hong Kong, ") and the dash or the
# agency in brackets after it.
_WIRE_PLACE = patterns.compile(r"\s*[a-z][a-z .']{1,24},\s?")
_WIRE_DASH = patterns.compile(r"\s?(?:\([a-z .'-]{1,24}\)\s?)?[-:]\s")


# After a dateline, how many sentences may still name the day covered ("昨日", "on Tuesday"):
# a morning recap says so at once; a "yesterday" further on is background.
_AFTER_DATELINE = 4
# A morning note says so in its masthead (港股晨報, 開盤前發布, "morning note"): its opening
# section may be overnight markets, so its "昨日" can come this many sentences after the dateline.
_AFTER_MORNING_DATELINE = 12
# Right after a word for today: a heading noun of a morning note's agenda (今日要点, 今日关注,
# 今日焦点): the day ahead, not the day the note reviews.
_TODAY_HEADING_AFTER = patterns.compile(r"\s?(?:要点|关注|焦点|重点|看点|前瞻|提示|视点|必读|导读|精选)")


# A weekday in brackets right after a date: "2024年8月6日（周二）", "6 August 2024 (Tue)".
# Right after a weekday: it owns the noun after it ("Wednesday's 3.9% surge", 周三的升幅), a day
# told as background, not the day a report is about (or a part of that day: "in Monday evening's
# grey market"); but not its close ("Thursday's HK close",
# 周四的收市: the figures under it are that day's).
_OWNER_AFTER = patterns.compile(r"(?:\s(?:morning|afternoon|evening|night))?['’]s\b(?!\s(?:hk\s|hong\skong\s)?(?:close|closing)\b)|的(?!收市|收盘)")
# Before a weekday in its clause: a past perfect ("Xiaomi had dropped 3.1% on Monday"), a day
# before the one told, never the report's own.
_PAST_PERFECT_BEFORE = patterns.compile(r"\bhad\s(?:already\s|been\s)?[a-z]+[^,;:。，；]{0,40}$")
_PAST_PERFECT_REACH = 64  # "had", an adverb, a verb and the figures and words before the weekday
# Right before a weekday: a company's or an official's word on that day ("The carmaker said on
# Monday, when Hong Kong was shut", "announced late on Friday"): the day of the news, not a session.
_SAID_ON_BEFORE = patterns.compile(
    r"\b(?:said|announced|reported|disclosed|confirmed|revealed|unveiled|released|published|filed|told\s[a-z]+)"
    r"\s(?:(?:late|early)\s)?(?:on\s)?$"
)
_SAID_ON_REACH = 24  # "announced late on " and a word of slack
# ... and in Chinese, the word after the weekday: "腾讯控股周二晚公布季度业绩", "美团周一盘后发布公告".
_SAID_AFTER_ZH = patterns.compile(r"\s?(?:晚间|晚上|早上|盘后|收市后|中午|晚|早)?\s?(?:公布|宣布|发布|披露|表示|称|发表|公告|通报)")
# Before a weekday or "yesterday": the figure a move is measured from ("ended at 25,875.93 versus
# 25,852.10 on Tuesday", "up from 20,602.52 on Tuesday", "versus 21,466.27 yesterday"): the day of
# the close compared with, not the day reported; or an amount after "after" ("bought HK$9.42
# billion overnight, after HK$2.32 billion on Thursday"): the figure of the day before.
_BASE_BEFORE = patterns.compile(
    r"\b(?:versus|vs\.?|from|against|compared\swith|than)\s(?:hk\$\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:points|pts))?\s$"
    r"|\bafter\s(?:hk\$|rmb|us\$)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:billion|million|bn|mn))?\s$"
)
_BASE_REACH = 40  # "compared with HK$25,852.10 points " and a space
# ... or the comparison word right before the day: "Opened +0.2% at 26,962 (vs Wed close 26,908)".
_BASE_WORD_BEFORE = patterns.compile(r"\b(?:versus|vs\.?|against|compared\swith)\s(?:the\s)?$")
_BASE_WORD_REACH = 16  # "compared with the " and a space
# Before a weekday: the market shut that day ("Hong Kong was closed on Wednesday for the
# holiday"), a day of no session.
_CLOSED_BEFORE = patterns.compile(r"\b(?:was|were|remained|stayed|is|are|will\sbe)\s(?:closed|shut)\s(?:on\s)?$")
_CLOSED_REACH = 24  # "will be closed on " and a word of slack
_BRACKETED_WEEKDAY = patterns.compile(r"\s?\(\s?(?:(?:周|星期|週|礼拜)[一二三四五六日天]|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s?\)")
# Right after a dateline (and its weekday in brackets): written after the day's close
# ("2023年1月27日（周五）收市后", "Friday, 27 January 2023, after the close").
_AFTER_CLOSE_MARK = patterns.compile(
    _BRACKETED_WEEKDAY.pattern + r"?[\s,]{0,2}(?:收市后|收盘后|收市後|盘后|after\sthe\s(?:close|bell))"
)


# A paper's correction of an earlier issue ("【更正】本報昨日刊出之港股版報道中，「騰訊收報429.6元」
# 應為「…492.6元」", "【更正】本台1月21日收市快訊指…"): that issue's day and figures, not today's.
# Read in the text as written, folded (the preparation blanks a bracketed label such as 【更正】).
_CORRECTION_OF_EARLIER = patterns.compile(
    r"\s*[【\[(]?(?:更正|勘误|correction)[】\])]?\s?[:：]?\s?本(?:报|台|行|刊|网|站)\s?(?:于|在)?\s?"
    r"(?:昨日|昨天|上日|前日|上周|上週|\d{1,2}\s?月\s?\d{1,2}\s?日)"
)
_CORRECTION_REACH = 40  # the label, the paper's word and the earlier issue's date
_CORRECTION_LABELS = ("更正", "勘誤", "勘误", "orrection")  # the pattern's labels as written, in any case


def correction_of_earlier_issue(prep: Prepared, sentence: tuple[int, int]) -> bool:
    """Does the sentence open on a correction of an earlier issue ("【更正】本報3月15日…")?"""
    start, end = sentence
    head = prep.text[start:min(end, start + _CORRECTION_REACH)]
    if not any(label in head for label in _CORRECTION_LABELS):
        return False  # (most sentences: no fold of the head needed)
    return _CORRECTION_OF_EARLIER.match(fold(head)) is not None


def _matches(prep: Prepared) -> list[tuple[int, regex.Match]]:
    """Date expressions as (sentence number, match), in order, minus those that are not the
    day reported ("since March 3") and weekdays written beside a full date ("Thursday,
    17 November 2022", "2024年5月21日 星期二"), which add nothing to it. Found once a text:
    the date, lead and weekday readers all ask."""
    return prep.once("dates", lambda: _find_matches(prep))


def _find_matches(prep: Prepared) -> list[tuple[int, regex.Match]]:
    folded = prep.folded
    found = []
    starts = [s for s, _ in prep.sentences]
    for m in _date_matches(folded):
        n = bisect.bisect_right(starts, m.start()) - 1
        if n < 0 or m.end() > prep.sentences[n][1]:
            continue
        start = prep.sentences[n][0]
        if _NOT_THE_DAY.search(folded[max(start, m.start() - _NOT_THE_DAY_REACH):m.start()]):
            continue
        if m.group("wd") and _SPAN_END_BEFORE.search(folded, max(start, m.start() - _SPAN_END_REACH), m.start()):
            continue  # "rallied from Monday to Thursday": the end of a span of days, not one day told
        if _AHEAD_BEFORE.search(folded, max(start, m.start() - _AHEAD_REACH), m.start()):
            continue  # "Tencent will report results on March 19, 2025": a day ahead
        if _ANNOUNCED.match(folded, m.end(), m.end() + _ANNOUNCED_REACH):
            # "市場關注周四公布的美國 CPI", "將於3月25日公布業績": a day ahead, not the day reported
            continue
        found.append((n, m))
    out = []
    for i, (n, m) in enumerate(found):
        if m.group("wd") or m.group("wdzh"):
            # a date beside it, not another weekday ("周二收升。美股周一晚下跌": two days)
            near = [
                o for _, o in found[max(0, i - 1):i + 2]
                if o is not m and not (o.group("wd") or o.group("wdzh") or o.group("today") or o.group("yday"))
            ]  # (a date: "yesterday" after "Wednesday, 08:20 HKT" is none)
            if any(
                (-_OVERLAP <= o.start() - m.end() <= _WEEKDAY_BEFORE_DATE or -_OVERLAP <= m.start() - o.end() <= _WEEKDAY_AFTER_DATE)
                and _same_weekday(m, o)
                for o in near
            ):
                continue
        out.append((n, m))
    return out


# "the first trading day of 2024", "2024年首個交易日", "新年首個交易日" (the year from --date or
# the text): the year's first session, read only in the report's opening sentences.
_FIRST_DAY = patterns.compile(
    r"first\s(?:trading\s)?(?:day|session)\sof\s(?:the\s(?:new\s)?year|(?P<y1>20\d\d))"
    r"|(?P<y2>20\d\d)\s?年?(?:的)?(?:首个|第一个)交易日"
)
# ... and its last: "the final session of 2021", "2021年最后一个交易日" (31 December, or the
# weekday before it).
_LAST_DAY = patterns.compile(
    r"(?:last|final)\s(?:[a-z-]+\s)?(?:trading\s)?(?:day|session)\sof\s(?P<y1>20\d\d)"
    r"|(?P<y2>20\d\d)\s?年?(?:的)?最后一个交易日"
)
_FIRST_DAY_SENTENCES = 3
_SINCE_BEFORE = patterns.compile(r"(?:since|from|自|从)\s?(?:the\s)?$")
_SINCE_REACH = 12  # "since the " and a space to spare


def _in_lead(prep: Prepared, pattern: regex.Pattern) -> regex.Match | None:
    """``pattern`` in the report's opening sentences."""
    if not prep.sentences:
        return None
    end = prep.sentences[min(len(prep.sentences), _FIRST_DAY_SENTENCES) - 1][1]
    return pattern.search(prep.folded, 0, end)


def _first_trading_day(prep: Prepared) -> dt.date | None:
    """The first trading day of the year the opening sentences name: 2 January, or the first
    weekday after it (when New Year's Day falls on a Sunday, the 2nd is the holiday)."""
    m = _in_lead(prep, _FIRST_DAY)
    if m is None or not (m.group("y1") or m.group("y2")):
        return None
    if _SINCE_BEFORE.search(prep.folded, max(0, m.start() - _SINCE_REACH), m.start()):
        return None  # "since the first trading day of 2024": a start, not the day
    year = int(m.group("y1") or m.group("y2"))
    day = dt.date(year, 1, 3 if dt.date(year, 1, 1).weekday() == 6 else 2)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _last_trading_day(prep: Prepared) -> dt.date | None:
    """The last trading day of the year the opening sentences name: 31 December, or the
    weekday before it."""
    m = _in_lead(prep, _LAST_DAY)
    if m is None:
        return None
    day = dt.date(int(m.group("y1") or m.group("y2")), 12, 31)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _same_weekday(weekday: regex.Match, date: regex.Match) -> bool:
    """Does the weekday name the full date's own day ("Thursday, 17 November 2022")? A
    weekday beside a dateline that is another day ("Nov 14, 2025 - On Thursday, ...") is the
    day reported, not a restatement."""
    if not _full(date):
        return True
    day, _ = _resolve(date, None)
    return day is None or day.weekday() == _calendar()["weekdays"][weekday.group("wd") or weekday.group("wdzh")]


def _date_matches(folded: str) -> list[regex.Match]:
    """Date pattern matches over the text, tried only where a date can begin (a digit, a month
    or weekday name, 今日 ...): the big pattern is costly to try at every character."""
    out: list[regex.Match] = []
    done = 0
    date = _date_pattern()
    for pos in sorted(a.start() for scan in _start_scans() for a in scan.finditer(folded)):
        if pos < done:
            continue
        m = date.match(folded, pos, pos + _MATCH_WINDOW)
        if m is not None and m.end() > m.start():
            out.append(m)
            done = m.end()
    return out


# The longest date with a month written before a word that qualifies it: "wednesday, 17th of
# september, 2025" and a space.
_DATE_REACH = 36


def time_zone_word(word: str) -> bool:
    """Is ``word`` a time zone's abbreviation (HKT, GMT) in ``lexicon/dates.yaml``?"""
    return word.lower() in _time_zones()


@lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    return frozenset(w.lower() for w in data.load()["lexicon"]["dates"].get("time_zones", []))


def date_ends_at(folded: str, end: int) -> bool:
    """Does a date with its month named or numbered ("Tue 15 Mar 2022", "2022-03-15", "March
    15", 3月15日) end at ``end`` in the folded text? A weekday or "today" alone is not one."""
    date = _date_pattern()
    for a in _anchor_pattern().finditer(folded, max(0, end - _DATE_REACH), end):
        m = date.match(folded, a.start(), end)
        if m is not None and m.end() == end and (_full(m) or m.group("mon") or m.group("mon3") or m.group("m4")):
            return True
    return False


def _full(m: regex.Match) -> bool:
    return bool(m.group("y1") or m.group("y2") or m.group("y3") or m.group("y6") or m.group("y7"))


# The digits of a year written in Chinese numerals (二○一一, 二〇二五).
_ZH_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


# The lead: the report's opening sentences, where it names its own day ("Hong Kong stocks
# ended higher on Wednesday").
_LEAD_SENTENCES = 3


# A clock time right before a word: the word labels an entry of a timed log ("【9:20 盘前】"),
# or opens a chat's message after its time and sender ("[09:22] Joanne: pre-open 已經一片紅海").
_CLOCK_BEFORE = patterns.compile(r"\d{1,2}:\d{2}(?:\]\s?[^\s:：\n]{1,20}[:：])?\s?$")
# (how far before the word the clock may stand: a time, a bracket, a sender's name, a colon)
_CLOCK_REACH = 32


def chinese_full_dates(prep: Prepared, start: int, end: int) -> list[tuple[dt.date, int, int]]:
    """The full dates written in Chinese inside ``prep.folded[start:end]`` ("2024年5月21日",
    "二○二五年四月七日"), as (date, start, end), from the one date scan of the text."""
    out = []
    for _, m in _matches(prep):
        if start <= m.start() and m.end() <= end and _full(m) and "年" in m.group():
            day, _ = _resolve(m, None)
            if day is not None:
                out.append((day, m.start(), m.end()))
    return out


def morning_recap_lead(prep: Prepared) -> bool:
    """Does an undated report say in its lead that it is a morning note about the session
    before: a masthead (晨報, "Morning wrap") or a weekday dateline timed before the open
    ("Wednesday, 08:20 HKT")?"""
    if not prep.sentences:
        return False
    if _morning_masthead(prep):
        return True
    for n, m in _matches(prep):
        if n >= _LEAD_SENTENCES:
            break
        if (m.group("wd") or m.group("wdzh")) and (time := _dateline_time(prep.folded, m.end())) is not None:
            return time < _MARKET_OPENS
    return False


def _morning_masthead(prep: Prepared) -> bool:
    """Does the lead call the report a morning note (晨報, "Morning briefing", 盤前)? (Read
    once a report: the date and the binder's steps both ask.)"""
    if not prep.sentences:
        return False
    lead_end = prep.sentences[min(_LEAD_SENTENCES, len(prep.sentences)) - 1][1]
    return prep.once("morning_masthead", lambda: any(
        # (not "【9:20 盘前】": an entry of a log stamped through the day)
        not _CLOCK_BEFORE.search(prep.folded, max(0, word.start() - _CLOCK_REACH), word.start())
        for word in _words_pattern("morning_note").finditer(prep.folded, 0, lead_end)
    ))


# Between a word for today and its date in brackets: "今天（10月8日）", "today (Oct 8)".
_TODAY_DATED = patterns.compile(r"\s?[（(]")


def same_day_lead(prep: Prepared) -> bool:
    """Does an undated report's lead stamp it after the open of its own day ("6月14日（星期五）
    16:20"), or name today by its date ("今天（10月8日）是長假後首個交易日")? Then it is no
    next-morning recap: its 昨日 is the day before."""
    today_end = -1
    for n, m in _matches(prep):
        if n >= _LEAD_SENTENCES:
            break
        if m.group("today"):
            today_end = m.end()
            continue
        if m.group("yday"):
            continue
        if today_end >= 0 and _TODAY_DATED.fullmatch(prep.folded, today_end, m.start()) and (m.group("m4") or m.group("mon")):
            return True
        end = m.end()
        if (wd := _BRACKETED_WEEKDAY.match(prep.folded, end)) is not None:
            end = wd.end()
        if _timed_after_open(prep.folded, end):
            return True
    return False


# A log of entries stamped through the day ("09:20 開市前競價" / "12:00 半日" / "16:10 收市"):
# this many lines opening on a time after the open make it a report of its own day.
_TIMED_ENTRIES = 2


# ... or this many lines opening on a session's name in brackets, a column's sections through
# the day ("【開市】恒指低開208點" / "【早段】…" / "【收市】…"). Read in the text as written: the
# folded text blanks a bracketed heading.
_SESSION_HEADING_LINE = patterns.compile(
    r"(?m)^[ \t\u3000]*[【\[](?:開市|开市|開盤|开盘|早段|早市|早盤|早盘|午市|午盤|午盘|半日|午後|午后|尾市|尾盤|尾盘|收市|收盤|收盘)[】\]]"
)


def timed_log(prep: Prepared) -> bool:
    """Is an undated report a log of entries stamped after the open (an app's pushes, a live
    page), or told in sections named for the day's sessions? Then it is no next-morning
    recap: its 昨日 is the day before."""
    opens = _MARKET_OPENS.hour * 60 + _MARKET_OPENS.minute
    after_open = sum(1 for minutes in stamps.stamped_lines(prep)[1] if minutes >= opens)
    if after_open >= _TIMED_ENTRIES:
        return True
    return prep.once("session_headings", lambda: sum(1 for _ in _SESSION_HEADING_LINE.finditer(prep.text))) >= _TIMED_ENTRIES


_TRADING_DAYS = 5  # Monday (0) to Friday (4)


def lead_weekday(prep: Prepared) -> int | None:
    """The weekday (Monday 0) the lead names, for a report whose date is unknown."""
    found = _lead_weekday(prep)
    return found[0] if found is not None else None


# A page's own date on its masthead line ("5月17日"): no figure of the report.
_MONTH_DAY_ZH = patterns.compile(r"\d{1,2}月\d{1,2}日")


def weekday_in_masthead(prep: Prepared) -> bool:
    """Does the lead's weekday stand in a heading line with no figure ("星島日報　財經版　星期三"),
    as a paper dates its page, rather than in the story's own sentence ("港股周一全日窄幅上落")?"""
    found = _lead_weekday(prep)
    if found is None:
        return False
    folded, at = prep.folded, found[1]
    line_start = folded.rfind("\n", 0, at) + 1
    line_end = folded.find("\n", at)
    line = folded[line_start:line_end if line_end >= 0 else len(folded)]
    # (the page's date beside it is no figure: "区域股市 REGIONAL MARKETS｜5月17日 星期五")
    return not any(map(str.isdigit, _MONTH_DAY_ZH.sub("", line)))


_HABITUAL_REACH = 6  # "every " and a space: the longest habitual word before its weekday


def _habitual_before(folded: str, start: int) -> bool:
    """Does a habitual word (lexicon/dates.yaml ``habitual``: 每逢, "every") end right before
    ``start``, perhaps with a space between?"""
    lo = max(0, start - _HABITUAL_REACH)
    return any(m.end() in (start, start - 1) for m in _words_pattern("habitual").finditer(folded, lo, start))


def _weekday_number(name: str) -> int | None:
    """Monday 0 ... from a weekday as written: an English name or abbreviation ("Thursday",
    "Fri."), a Chinese weekday ("星期五", 周二) or its day character (五)."""
    weekdays = _calendar()["weekdays"]
    if name in weekdays:
        return weekdays[name]
    return weekdays.get(name.rstrip(".")[:3] if name.isascii() else name[-1])


def _lead_weekday(prep: Prepared) -> tuple[int, int] | None:
    """The lead's weekday (Monday 0) and where it is written."""
    matches = _matches(prep)
    for k, (n, m) in enumerate(matches):
        if n >= _LEAD_SENTENCES:
            break
        name = m.group("wd") or m.group("wdzh")
        if name and _habitual_before(prep.folded, m.start()):
            continue  # "本欄每逢星期四刊出": a habit, not the day told
        if name:
            if m.group("wdzh"):
                # "周一大涨、周三急跌，周五恒指收在21,390点": a Chinese sentence tells the days in
                # their order, and the report is about the last of them
                for n2, m2 in matches[k + 1:]:
                    if n2 != n:
                        break
                    # (not a weekday in brackets: "昨日（星期三）" annotates its day word)
                    if (
                        m2.group("wdzh") and not _OWNER_AFTER.match(prep.folded, m2.end())
                        and prep.folded[m2.start() - 1:m2.start()] not in ("(", "（")
                    ):
                        name, m = m2.group("wdzh"), m2
            day = _weekday_number(name)
            return (day, m.start()) if day is not None else None
        before = _weekday_then_bracket().search(prep.folded, max(0, m.start() - _MATCH_WINDOW), m.start())
        if before is not None:
            day = _weekday_number(before.group(1))  # "Thursday (Sept 5)", "MON 29 SEP"
            return (day, before.start()) if day is not None else None
        after = _BRACKETED_WEEKDAY.match(prep.folded, m.end()) or _DATELINE_WEEKDAY.match(prep.folded, m.end())
        if after is not None:  # "3月14日（星期五）", "14 Mar (Fri)", "网易财经3月10日讯 周二，"
            day = _weekday_number(after.group().strip(" ()"))
            # (a week-end is no trading day: "发送日期：11月16日（周日）" says when a letter went out)
            return (day, after.start()) if day is not None and day < _TRADING_DAYS else None
    return None


# A Chinese weekday right after a dateline's date and its 讯/电 ("3月10日讯 周二，港股……"), or
# ending a masthead's line ("港股早知道｜10月12日 星期四", "（9月20日　星期五）" with the line's
# closing bracket), which the date has taken as its own (a weekday beside a date with no year is
# not kept apart).
_DATELINE_WEEKDAY = patterns.compile(r"(?:讯|电)?\s?(?:周|星期|礼拜)[一二三四五六日天](?=\s?[,，]|[ \t]*\)?[ \t]*(?:\n|$))")


@lru_cache(maxsize=1)
def _weekday_then_bracket() -> regex.Pattern:
    """A weekday name (lexicon/dates.yaml) right before a date, in brackets or not: "Thursday
    (Sept 5)", "MON 29 SEP". (Not after a comma: "Wednesday, 21 May" heads a morning daily as
    often as an evening one.)"""
    weekday = "|".join(patterns.escape(w) for w in _calendar()["en_weekdays"])
    return patterns.compile(rf"\b({weekday})\.?(?:\s?\(\s?|[^\S\n])$")


# A heading that recaps a day: "上週五港股回顧（2023年6月16日）", "Friday recap (16 June 2023)".
_RECAP_WORD = patterns.compile(r"回顾|复盘|\brecap\b|\breview\b")
_RECAP_HEADING_CHARS = 40  # a heading line, not a sentence of the report


# Right before a full date: the close it names ("MARKET SNAPSHOT (close of Tue 14-Feb-2023)",
# "as at the close on 14 Feb 2023"), a weekday perhaps between.
_CLOSE_OF_BEFORE = patterns.compile(r"\b(?:close\sof|closing\sof|as\sat\s(?:the\s)?close\son|as\sof\s(?:the\s)?close\son)\s(?:[a-z]{3,9}\.?,?\s)?$")
_CLOSE_OF_REACH = 32  # "as of the close on wednesday, "


def _recap_heading_day(prep: Prepared, matches: list[tuple[int, regex.Match]]) -> dt.date | None:
    """The full date in a short heading that says it recaps that day, or one named as the
    close the figures are of."""
    for n, m in matches:
        start, end = prep.sentences[n]
        if _full(m) and (
            (end - start <= _RECAP_HEADING_CHARS and _RECAP_WORD.search(prep.folded, start, end))
            # (or a longer heading line that opens on the recap and its date: "MARKET RECAP -
            # FRIDAY 29 DECEMBER 2023 (last session of 2023)")
            or (
                m.end() - start <= _RECAP_HEADING_CHARS and _RECAP_WORD.search(prep.folded, start, m.start())
                and "\n" not in prep.text[start:end].strip()
                and "，" not in prep.text[start:m.start()]  # ("回顾历史，1997年10月28日恒指…": a look back)
            )
            or _CLOSE_OF_BEFORE.search(prep.folded, max(start, m.start() - _CLOSE_OF_REACH), m.start())
        ):
            day = _resolve(m, None)[0]
            # (a week's recap, "港股一周回顧（2024年10月14日至18日）": of the span's last day)
            until = _range_end(prep.folded, m, matches, day) if day is not None else None
            return until[0] if until is not None else day
    return None


# A publication word stands this close to its date: before it ("Circulated Wednesday, ") or
# right after it (2024年11月4日發布).
_PUBLICATION_REACH = 24
_SET_AGAINST_REACH = 11  # "reversing " and a space: the longest set_against word before yesterday
# A last-session phrase ends this close before the date it names (", Friday " or "（" between).
_LAST_SESSION_REACH = 30


def _published_day(prep: Prepared, matches: list[tuple[int, regex.Match]]) -> dt.date | None:
    """For a note whose lead dates when it was sent out ("Circulated Monday, 2 December 2024",
    2024年11月4日發布), the day before that it names its period's last trading day, if any."""
    folded = prep.folded
    label = _words_pattern("publication_label")
    sent: tuple[dt.date, int] | None = None
    for n, m in matches:
        if n >= _LEAD_SENTENCES:
            return None
        line_start = folded.rfind("\n", 0, m.start()) + 1
        if _full(m) and (
            label.search(folded, max(line_start, m.start() - _PUBLICATION_REACH), m.start())
            or label.match(folded, m.end(), m.end() + _PUBLICATION_REACH)
        ):
            day, _ = _resolve(m, None)
            if day is not None:
                sent = (day, m.start())
                break
    if sent is None:
        return None
    last = _words_pattern("last_session")
    for _, m in matches:
        if m.start() == sent[1] or last.search(folded, max(0, m.start() - _LAST_SESSION_REACH), m.start()) is None:
            continue
        day, _ = _resolve(m, sent[0])
        if day is not None and day < sent[0]:
            return day
    return None


# Between the two dates of a span: "2025年6月9日—6月13日", "9-13 June", "6月9日至13日".
_RANGE_TO = patterns.compile(r"\s?(?:—|–|-|~|～|至|到|to)\s?")
_RANGE_DAYS = 31  # a report's span: a week, or a month at most


def _range_end(folded: str, m: regex.Match, matches: list[tuple[int, regex.Match]], day: dt.date) -> tuple[dt.date, int] | None:
    """The later date of a span that opens with ``m`` (``day``), and where it ends, if the
    next date follows right after a dash or 至 and falls within _RANGE_DAYS after it."""
    to = _RANGE_TO.match(folded, m.end())
    if to is None:
        return None
    nxt = next((o for _, o in matches if o.start() == to.end()), None)
    if nxt is None:
        # (the span's end, left out of the matches as a day after 至: "2017年9月18日至22日")
        nxt = _date_pattern().match(folded, to.end(), to.end() + _MATCH_WINDOW)
    if nxt is None or nxt.end() == nxt.start() or nxt.group("wd") or nxt.group("wdzh") or nxt.group("today") or nxt.group("yday"):
        return None
    if nxt.group("d5"):
        # a day alone after the span's first date is later than it: this month's, or the next
        end_day = int(nxt.group("d5"))
        if end_day > day.day:
            until = _safe(day.year, day.month, end_day)
        else:
            first_next = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            until = _safe(first_next.year, first_next.month, end_day)
    else:
        until, _ = _resolve(nxt, day)
    if until is None or not day < until <= day + dt.timedelta(days=_RANGE_DAYS):
        return None
    return until, nxt.end()


# A sentence opening on an event clause ("After a 0.8% rise on Monday …, the Hang Seng
# slipped"): a weekday in it dates that clause, not the main clause after its comma (the
# binder reads it so too).
_EVENT_CLAUSE_OPENS = patterns.compile(r"(?:after|following)\s")


def opens_on_event_clause(folded: str, start: int, end: int) -> bool:
    """Does the sentence at ``start:end`` open on an event clause, after its white space? (The
    space is skipped here, not in the pattern: a pattern opening on a run of spaces is
    quadratic when searched over a text of spaces.)"""
    while start < end and folded[start] in " \t":
        start += 1
    return _EVENT_CLAUSE_OPENS.match(folded, start, end) is not None


def _in_event_clause(folded: str, sentence: tuple[int, int], at: int) -> bool:
    """Does ``at`` stand in the event clause a sentence opens on, before its comma?"""
    if not opens_on_event_clause(folded, *sentence):
        return False
    comma = folded.find(",", sentence[0], sentence[1])
    return comma < 0 or at < comma


_FIGURE_IN_LINE = patterns.compile(r"\d")


def _column_label(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` ("昨日", "yesterday") inside a table's header line of column
    labels ("指数　　今日收盘　　涨跌幅　　昨日收盘"), set apart by a wide gap from another label?
    (The gaps are those by which text/wrap.py tells a table's line: tabs, runs of spaces, cell
    bars.)"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    gaps = list(COLUMNS.finditer(text, line_start, line_end))
    return len(gaps) >= 2 and _FIGURE_IN_LINE.search(text, line_start, line_end) is None and any(
        g.end() <= start for g in gaps
    )


# A heading over a quoted earlier issue of a newsletter or note: "----- Previous issue
# (Wednesday, 13 March 2024) -----", "-----Original Message----- (Thursday issue 3 Nov)",
# "以下為上期內容（8月21日）", "往期回顾（2月17日收评）". (Folded text.)
_EARLIER_ISSUE_HEADING = patterns.compile(
    r"\b(?:previous|earlier|last|prior)\s(?:issue|edition|newsletter)\b|original\smessage[^\n]{0,24}\bissue\b"
    r"|上期(?:内容|回顾|摘要)|往期(?:内容|回顾|摘要)"
)
_EARLIER_ISSUE_HEADING_CHARS = 80  # a heading line, not a sentence that mentions a past issue


def is_earlier_issue_heading(folded: str, start: int, end: int) -> bool:
    """Is ``folded[start:end]`` a heading over a quoted earlier issue? Its date is that
    issue's, and so are the figures under it (the binder's ``earlier_issue_heading``)."""
    return end - start <= _EARLIER_ISSUE_HEADING_CHARS and _EARLIER_ISSUE_HEADING.search(folded, start, end) is not None


# A year the text names as a year: after a word of time ("so far in 2023", "since 2016") or before
# 年 (2023年).
_NAMED_YEAR = patterns.compile(
    r"\b(?:in|of|for|since|during|through|year)\s((?:19|20)\d\d)\b(?![.,]\d|\s?(?:%|points?\b))|(?<!\d)((?:19|20)\d\d)\s?年"
)


def _year_by_weekday(prep: Prepared, matches: list[tuple[int, regex.Match]]) -> dt.date | None:
    """The lead's month and day with no year ("HONG KONG, Nov 16 (Thursday)"), dated by the
    latest year the text names ("so far in 2023") when that day falls on the lead's weekday then."""
    lead = next((m for n, m in matches if n < _LEAD_SENTENCES and (m.group("mon") or m.group("mon3") or m.group("m4"))), None)
    weekday = _lead_weekday(prep)
    if lead is None or weekday is None:
        return None
    years = [int(a or b) for a, b in _NAMED_YEAR.findall(prep.folded)]
    if not years:
        return None
    # (the latest year named: the others are history, "the worst day since 2016")
    day = _resolve(lead, dt.date(max(years), 12, 31))[0]
    return day if day is not None and day.year == max(years) and day.weekday() == weekday[0] else None


def find_trading_day(
    prep: Prepared, metadata: dict[str, str], reference: str | None
) -> tuple[str | None, bool]:
    """(ISO date or None, whether the report names that day "yesterday": a morning report
    about the previous session, whose "昨日" figures are the day's own)."""
    folded = prep.folded
    matches = _matches(prep)
    # The report's own date: page metadata, else a dateline (at its head, or a footer).
    ref = _reference(prep, metadata, None)
    dateline: tuple[dt.date, int, int] | None = None  # (date, sentence number, match start)
    dateline_end: int | None = None
    for n, m in matches:
        if _full(m) and _is_dateline(folded, prep.sentences[n], m, prep.text):
            day, _ = _resolve(m, None)
            if day is not None:
                dateline, dateline_end = (day, n, m.start()), m.end()
                if (until := _range_end(folded, m, matches, day)) is not None:
                    # "港股市场周报（2025年6月9日—6月13日）": a week's report is of its last day
                    dateline, dateline_end = (until[0], n, m.start()), until[1]
                break
    if ref is None and dateline is not None:
        ref = dateline[0]
    if ref is None:
        ref = _year_by_weekday(prep, matches)  # "Nov 16 (Thursday)" and "so far in 2023": 2023-11-16
    # A dateline timed after the market opened ("２０２０年８月２０日　１６：１０") heads a report of
    # that day's trading: its 昨日 is the day before, never the day reported.
    # So does a log of entries stamped through the day under a dateline ("【9:30 开盘】"), unless
    # the lead calls it a morning note (晨報: its times are the day's agenda).
    # (not a morning note's masthead timed just after the bell: "MORNING BRIEFING | Tuesday,
    # October 25, 2022 | 09:35 HKT" still recaps the session before)
    same_day = dateline_end is not None and (
        (_timed_after_open(folded, dateline_end) and not _morning_masthead(prep))
        or (timed_log(prep) and not morning_recap_lead(prep))
    )
    if dateline is not None and dateline_end is not None and not same_day and not morning_recap_lead(prep):
        same_day = _lead_tells_close(prep, matches, dateline[1], dateline_end, dateline[0])
    if dateline is not None and not same_day:
        # "HONG KONG, Nov 16, 2021 - Hong Kong stocks started Tuesday's session ...": the lead
        # names the dateline's own weekday, so the report is of that day and a weekday before
        # it in the text is background
        same_day = any(
            n == dateline[1] and m.start() > dateline[2] and (name := m.group("wd") or m.group("wdzh"))
            and _weekday_number(name) == dateline[0].weekday()
            for n, m in matches
        )
    # A date opening the lead's sentence ("2022年3月16日，港股迎来史诗级反弹"), not a masthead
    # of its own: the report is about that day, and an earlier date in it is background.
    if dateline_end is not None and (wd := _BRACKETED_WEEKDAY.match(folded, dateline_end)) is not None:
        dateline_end = wd.end()  # "2024年8月6日（周二），港股……": the weekday beside it
    dateline_leads = (
        dateline is not None and dateline_end is not None
        and not folded[prep.sentences[dateline[1]][0]:dateline[2]].strip()  # it opens the sentence
        and folded[dateline_end:dateline_end + 1] == ","  # and a comma goes on with the news
        and len(folded[dateline_end:prep.sentences[dateline[1]][1]].strip(" ,:;.。")) > _LEAD_REST
    )
    own = ref  # the report's own date (metadata or dateline), not the user's --date anchor
    # "二、上週五港股回顧（2023年6月16日）" in a weekly dated the Monday after: the section says
    # which day it recaps
    recap = _recap_heading_day(prep, matches)
    if recap is not None and (own is None or recap <= own):
        return _session_of(recap).isoformat(), False
    if (published := _published_day(prep, matches)) is not None:
        return published.isoformat(), False  # "Circulated Monday, 2 December 2024" … "the last trading day, Friday 29 November"
    if own is None:
        first = _first_trading_day(prep) or _last_trading_day(prep)  # "the first trading day of 2024"
        if first is not None:
            return first.isoformat(), False
    if ref is None and reference:
        ref = parse_iso(reference)
    if ref is None:
        # "财联社12月6日讯 ... 2021年12月6日，港股午间收盘": a full date in the lead anchors a
        # partial one before it (and a weekday: a column's title "黑色星期一", its byline, then
        # "二○二五年四月七日，星期一")
        lead = [m for n, m in matches if n < _LEAD_SENTENCES and _full(m)]
        if lead:
            ref, _ = _resolve(lead[0], None)
    # where a sentence says "today" with figures after it (the last in each sentence): its
    # 昨日 is set against the day reported; a preview's "今日关注地产股" states no figure
    today_at = {
        n: m.start() for n, m in matches
        if m.group("today") and _FIGURE_DIGIT.search(folded, m.end(), prep.sentences[n][1])
    }
    after_dateline = _AFTER_DATELINE
    # the sentences that set the day reported against yesterday ("扭轉昨日跌勢"): their 昨日
    # is background
    set_against_in = {
        n for n, m in matches
        if m.group("yday") and _set_against().search(folded, max(0, m.start() - _SET_AGAINST_REACH), m.start())
    }
    # A dateline timed before the open heads a morning note: its "today" with no figure is the
    # day ahead ("what we're watching today"), its "yesterday" the session it reports
    before_open = dateline_end is not None and (time := _dateline_time(folded, dateline_end)) is not None and time < _MARKET_OPENS
    morning = dateline is not None and (before_open or _words_pattern("morning_note").search(folded, 0, prep.sentences[dateline[1]][1]))
    if morning:
        after_dateline = _AFTER_MORNING_DATELINE
    midday = midday_report(prep)  # a midday review is of its own day, never a morning recap
    for n, m in matches:
        if dateline is not None and m.start() == dateline[2]:
            continue
        if dateline is not None and n > dateline[1] + after_dateline:
            break  # deep in the text, a date is more often another day's than the report's
        if m.group("today") and before_open and n not in today_at:
            continue  # "Sent: Wednesday, 21 June 2023 07:42 … what we're watching today": the day ahead
        if m.group("today") and morning and _TODAY_HEADING_AFTER.match(folded, m.end()):
            continue  # a morning note's "■ 今日要点" / "今日关注": the day ahead's agenda, a heading
        if is_earlier_issue_heading(folded, *prep.sentences[n]):
            continue  # "==== Previous issue (Monday, 8 July 2024) ====": the quoted issue's day
        if m.group("yday") and _column_label(prep.text, m.start(), m.end()):
            continue  # "指数　　收盘　　涨跌幅　　昨日收盘": a table's column of the day before, not the day reported
        if m.group("yday") and today_at.get(n, -1) > m.start():
            continue  # "恒指昨日收跌1.2%，今日反彈": yesterday set against the day reported
        if m.group("yday") and n in set_against_in:
            continue  # "恒指收漲0.64%，扭轉昨日跌勢（昨日恒指跌1.12%）": the same
        if (m.group("wd") or m.group("wdzh")) and _OWNER_AFTER.match(folded, m.end()):
            continue  # "gave back part of Wednesday's 3.9% surge", 周三的升幅: background
        if (m.group("wd") or m.group("wdzh")) and _in_event_clause(folded, prep.sentences[n], m.start()):
            continue  # "After a 0.8% rise on Monday …, the Hang Seng slipped": the event's day
        if (m.group("wd") or m.group("yday")) and (
            _BASE_BEFORE.search(folded, max(prep.sentences[n][0], m.start() - _BASE_REACH), m.start())
            or _BASE_WORD_BEFORE.search(folded, max(prep.sentences[n][0], m.start() - _BASE_WORD_REACH), m.start())
        ):
            continue  # "ended at 25,875.93 versus 25,852.10 on Tuesday": the close compared with
        if m.group("wd") and _PAST_PERFECT_BEFORE.search(
            folded, max(prep.sentences[n][0], m.start() - _PAST_PERFECT_REACH), m.start()
        ):
            continue  # "Xiaomi had dropped 3.1% on Monday": a day before the one told
        if m.group("wd") and _CLOSED_BEFORE.search(
            folded, max(prep.sentences[n][0], m.start() - _CLOSED_REACH), m.start()
        ):
            continue  # "Hong Kong was closed on Wednesday for the holiday": no session that day
        day, resolvable = _resolve(m, ref)
        if day is not None and own is not None and day != own and (
            (m.group("wd") and _SAID_ON_BEFORE.search(folded, max(prep.sentences[n][0], m.start() - _SAID_ON_REACH), m.start()))
            or (m.group("wdzh") and _SAID_AFTER_ZH.match(folded, m.end()))
        ):
            # "BYD said on Monday, when Hong Kong was shut, that it sold 526,409 cars", "腾讯控股周二晚
            # 公布季度业绩": the day of the news, before the report's own (news of the day itself,
            # "中国当局周五宣布…" in a Friday paper, still tells the day)
            continue
        if dateline is not None and n == dateline[1] and m.start() > dateline[2] and _full(m) and day == dateline[0]:
            continue  # "Date 日期: 10 May 2023 (Wednesday) | 2023年5月10日（星期三）": the dateline again
        if (same_day or dateline_leads or midday) and day is not None and own is not None and day < own:
            continue  # "昨日恒指涨0.8%" in a close flash timed 16:10, 4月8日 in 4月9日's 午評: background
        if day is not None and own is not None and day < _previous_trading_day(own):
            continue  # "港股在周五(28日)急挫後" under Wednesday's dateline: background
        if day is not None and own is not None and day > own:
            continue  # "closed for the holiday on Oct 1" under a 30 September dateline: ahead
        if day is not None and own is not None and (m.group("wd") or m.group("wdzh")) and day.weekday() >= _TRADING_DAYS:
            continue  # "瑞銀趕在周日晚宣布收購瑞信" under Monday's dateline: a weekend is no trading day
        if day is not None and m.group("yday") is None and (until := _range_end(folded, m, matches, day)) is not None:
            day = until[0]  # "港股周报（2024.11.18—2024.11.22）" in a headline: a week's report is of its last day
        if day is not None:
            # a report about a day before its own date (a morning recap): its "yesterday"
            # figures are that day's
            before = ref is not None and day < ref
            # (a weekend day is no session: "（吉隆坡17日讯）" on a Saturday reports Friday's)
            return _session_of(day).isoformat(), bool(m.group("yday")) or before
        if not resolvable:
            return None, False
    if dateline is not None:
        return _session_of(dateline[0]).isoformat(), False
    return (ref.isoformat() if ref else None), False
