"""Quantities in report text: percents, points, prices, amounts with magnitudes.

Everything here works on *folded* text (``hkwrap.text.fold``): ASCII digits, lower-case Latin,
Simplified Chinese. Folding keeps offsets, so a match's span is a span of the original text.

Grammar is in the named, commented patterns below; units and magnitudes come from
``hkwrap/data/lexicon/units.yaml``.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from hkwrap import data, patterns
from hkwrap.plain import record, replace
from hkwrap.text.fold import fold

if TYPE_CHECKING:
    import regex

# Chinese numerals (folded, so 兩 is 两 and 萬 is 万).
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10_000, "亿": 100_000_000}


@record(hashable=True)
class Quantity:
    """One number as written: ``kind`` is pct | pp | pts | money | count | num. Never changed
    once made (a plain record: hkwrap/plain.py says why)."""

    __match_args__ = ("kind", "value", "start", "end", "currency", "sign", "magnitude", "odd")  # the fields, in order
    __slots__ = __match_args__
    kind: str
    value: float
    start: int
    end: int
    currency: str | None
    sign: int  # +1 / -1 when the text wrote an explicit sign, else 0
    magnitude: bool  # a magnitude word (billion, 億) scaled the value
    odd: bool  # "700多點", "百餘點", "300-odd points": the figure and some more

    def __init__(
        self, kind: str, value: float, start: int, end: int, currency: str | None = None,
        sign: int = 0, magnitude: bool = False, odd: bool = False,
    ) -> None:
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end
        self.currency = currency
        self.sign = sign
        self.magnitude = magnitude
        self.odd = odd


# A number read out in English is at most this many words after its first ("nine thousand
# nine hundred and ninety-nine"), and this many digits after "point"; the bounds keep the
# scan linear on a run of number words.
_EN_WORDS_MAX = 8
_EN_DECIMALS_MAX = 4
# No figure of a market report comes near this; longer digit runs are not quantities.
_LARGEST = 1e18
_HALF = 0.5  # 半 said as a figure: "半個百分點"
_CENTS = frozenset({"cents", "hk cents", "hong kong cents", "仙", "港仙"})
# "二十幾億": 幾 after a numeral, right before its magnitude, is "and a few" (as 多 is); before
# a numeral ("幾十億") it is "some", and no figure.
_ODD_BEFORE_MAGNITUDE = r"几\s?[千万亿兆]"
# 几 after a figure said aloud: "some more" of its last unit. Before points, after a ten
# ("二百八十幾點"); before points, dollars or a count, after the tens or the hundreds of a longer
# numeral ("六百二十幾蚊", "二萬四千八百幾點", "一千四百幾隻"). After a bare hundred or a bare ten it
# leaves no figure ("三百幾點": the hundreds only; "返到八十幾蚊": somewhere in the eighties).
_ODD_JI = (
    r"(?:(?<=[一二两三四五六七八九十])几(?=\s?点)"
    r"|(?:(?<=[百千万][零〇一二两三四五六七八九]?十)|(?<=[千万][零〇一二两三四五六七八九]百))几(?=\s?(?:点|蚊|元|块|只|家)))"
)
# A figure's sign written before it, and a quote board's arrows (read as signs).
_SIGNS = "+-"
_ARROWS = "▲△▼▽↑↓🔺🔻"  # (the last two: a social post's emoji, "科指 🔺1.8%")
# Spaces between an arrow and its figure: a quote board pads its columns ("HSCEI  6,129.55  ▼
# 455.67", the arrow flush left in a column as wide as its widest figure).
ARROW_PAD = 4


def read_digit_by_digit(said: str) -> int | None:
    """A figure read out one digit at a time ("二〇〇八" 2008, "零九三九" 939, a year or a
    code), or None when a character is no digit."""
    digits = [_ZH_DIGITS.get(c) for c in said]
    return int("".join(map(str, digits))) if said and None not in digits else None


def parse_zh_numeral(s: str) -> float | None:
    """Value of a Chinese numeral such as 二万零七百二十六, 两万五, 三点五, 十二.

    A trailing digit after 万/千 without a unit means the next unit down (两万五 = 25,000), as
    people say it.
    """
    if not s:
        return None
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = parse_zh_numeral(whole) if whole else 0.0
        if w is None or not frac or any(c not in _ZH_DIGITS for c in frac):
            return None
        return w + float("0." + "".join(str(_ZH_DIGITS[c]) for c in frac))
    total = 0.0
    section = 0.0
    digit: float | None = None
    last_unit = 1
    for i, ch in enumerate(s):
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            unit = _ZH_UNITS[ch]
            section += (digit if digit is not None else 1) * unit
            digit = None
            last_unit = unit
        elif ch in _ZH_BIG:
            big = _ZH_BIG[ch]
            if digit is not None and i >= 2 and s[i - 2] in _ZH_UNITS and last_unit >= 10 and section < big:
                section += digit * (last_unit // 10)  # "千二億" is 1,200億: the bare digit is one unit lower
            elif digit is not None:
                section += digit
            elif section == 0 and total == 0:
                section = 1  # "萬七" (17,000): a leading 萬 is one 萬
            total = (total + section) * big if ch == "亿" and total and total < big else total + section * big
            section = 0.0
            digit = None
            last_unit = big
        else:
            return None
    if digit is not None:
        # "两万五" / "三千二": a bare digit after a unit is one unit lower.
        prev_zero = s[-2] == "零" if len(s) >= 2 else True
        section += digit * (last_unit // 10 if last_unit >= 10 and not prev_zero else 1)
    return total + section


# Between the words of a number read out: "twenty-five hundred", "four hundred and twelve".
_SPOKEN_WORD_BREAK = patterns.compile(r"[-\s]+")


def parse_en_numeral(s: str, words: dict[str, int]) -> float | None:
    """Value of an English number read out: "one point six", "four hundred and twelve",
    "twenty-five hundred", "two thousand three hundred"."""
    s = s.replace(",", " ")
    # "point eight percent": a fraction read out with no whole part
    whole, _, frac = ("", "", s[len("point "):]) if s.startswith("point ") else s.partition(" point ")
    total = section = 0
    for w in _SPOKEN_WORD_BREAK.split(whole.strip()) if whole.strip() else ():
        if w in ("and", "a"):
            continue  # ("a" only before hundred or thousand, where the patterns allow it)
        v = words.get(w)
        if v is None:
            return None
        if v == 1000:
            total, section = total + max(section, 1) * 1000, 0
        elif v == 100:
            section = max(section, 1) * 100
        else:
            section += v
    value = float(total + section)
    if frac:
        digits = [words.get(w) for w in frac.split()]
        if any(d is None or d > 9 for d in digits):
            return None
        value += float("0." + "".join(str(d) for d in digits))
    return value


def _num(s: str) -> float:
    """Parse an Arabic number that may carry separators and stray spaces ("21, 634. 48")."""
    return float("".join(s.replace(",", "").split()))


@lru_cache(maxsize=1)
def _units() -> dict:
    return data.load()["lexicon"]["units"]


@lru_cache(maxsize=1)
def _unit_maps() -> tuple[dict[str, str], dict[str, float]]:
    """Folded currency words to codes, folded magnitude words to factors."""
    u = _units()
    cur_map = {fold(k): v for k, v in {**u["currency_before"], **u["currency_after"]}.items()}
    mag_map = {fold(k): v for k, v in u["magnitudes"].items()}
    return cur_map, mag_map


def figure_unit_words(kind: str) -> list[str]:
    """The folded words of one kind of figure unit (units.yaml ``figure_units``: "count" gives
    只, 家, stocks ...)."""
    return [fold(w) for w in _units()["figure_units"][kind]]


def magnitude_words() -> Mapping[str, float]:
    """Folded magnitude words (bn, 億, million ...) and the factor each multiplies by (shared:
    read only)."""
    return _unit_maps()[1]


@lru_cache(maxsize=1)
def _unit_kinds() -> dict[str, str]:
    """A matched unit, spaces and a leading hyphen removed ("per cent", "-point"), to the
    kind of figure it makes (units.yaml ``figure_units``)."""
    return {
        fold(w).replace(" ", "").lstrip("-"): kind
        for kind, words in _units()["figure_units"].items() for w in words
    }


def _alt(words: list[str]) -> str:
    """Regex alternation of literal words, longest first."""
    return "|".join(patterns.escape(w) for w in sorted({fold(w) for w in words}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern:
    u = _units()
    cur_before = _alt(list(u["currency_before"]))
    cur_after = _alt(list(u["currency_after"]))
    mags = _alt(list(u["magnitudes"]))
    units = "|".join(
        patterns.escape(w).replace(r"\ ", r"\s") + (r"\b" if w[-1].isascii() and w[-1].isalpha() else "")
        for w in sorted({fold(w) for words in u["figure_units"].values() for w in words}, key=lambda w: (-len(w), w))
    )
    zh_num = "[零〇一二两三四五六七八九十百千万亿]"
    return patterns.compile(
        rf"""
        (?:(?P<sign>[{_SIGNS}])|(?P<arrow>[{_ARROWS}])\s{{0,{ARROW_PAD}}})?  # "▲ 274.39": a quote board's arrows are signs (an emoji's, "⬆️ 0.6%", folds to "↑  0.6%")
        (?:(?P<cur1>{cur_before})\s?(?P<sign2>[+-])?)?  # "HK$+7.2bn": a sign after the currency
        (?:
            # Arabic digits: 1,234.5 / 21, 634.48 (stray space after a separator, as wire
            # copy has) / 106. 67, 0. 83 percent, 228. 4 HK dollars (only before a unit or a
            # currency, else it is a full stop).
            # A list "2.2, 1.4 and 0.9 percent" is three figures: only a group of exactly three
            # digits after "d, " would be the stray-space tail of a larger number, and only if
            # no digit follows it ("@ 434, 9988 +6.9%" is a price, then a chat's bare code).
            # A group of three split by one stray space or a line break, as OCR and PDF copies
            # break it ("17,8 52", "24,3\n24点", "25,31 2.40"): one number, when no digit or comma
            # follows.
            # "23 229.21": a space between thousands (an agency's style), with its decimals only
            # (never a tab: "700\t618.50" is two cells of a pasted table)
            # (a digit before 成 counts tenths, as 八成 does: "升近1成" is nearly 10%)
            # (and a tenth's digit after it: "2成7" is 27%, as 二成七 is)
            (?P<dcheng>(?<![\d.,])[1-9])成(?P<dchengtail>[1-9](?!\d|[.,]\d|%))?(?![交本员份立功为熟品长])
            # (a figure right after "c.", circa, with no space: "down c.3%")
          | (?P<n>(?:(?<![\d.])|(?<=(?<![a-z])c\.))(?<!\d,)(?:(?<!\d,\s)|(?!\d{{3}}(?![\d.])))(?:\d{{1,3}}(?:,(?:\d{{3}}|\s\d{{3}}(?!\d)|\d[ \n]\d{{2}}(?![\d,])|\d{{2}}[ \n]\d(?![\d,])))+|\d{{1,3}}(?:[^\S\t\n\r\f\v]\d{{3}})+(?=\.\d)|\d+)
                 (?:\.\d+|\.\s\d+(?=\s?(?:(?:{mags})\s?)?(?:{units}|(?:{cur_after})(?![a-z]))))?)
            # mixed forms: 3万4000, 2万3, 1,100.9亿; and a level written out with its place words
            # in digits, as Hong Kong papers print it: "2萬零345點", "1萬9千9百16點", "6千7百零8點"
            (?:(?P<wtop>万|千)(?=零|\d[千百])(?:(?P<wzq>零)?(?P<wq>\d)千)?(?:(?P<wzb>零)?(?P<wb>\d)百)?(?:(?P<wzr>零)?(?P<wr>\d{{1,3}}))?(?![\d千百])
              |(?P<mix>万|千)(?P<mixn>\d{{1,4}})(?!\d))?
            # "百分之三點四", and in digits "百分之6.36" (a translated wire's style)
          | 百分之\s?(?P<zhpct>{zh_num}+(?:点{zh_num}+)?|\d+(?:\.\d+)?(?![\d.%]))
            # a level or a price read out with no unit after 报/收: "收一万九千四百八十三", and
            # with its decimals ("报二百七十点二；": 270.2, where 点 is the decimal point, not a
            # unit of points); tried before the next form, which would stop at 点
          | (?<=[报收])(?P<zhbare>{zh_num}*[十百千万亿]{zh_num}*(?:点[零〇一二三四五六七八九]+)?)(?=[。,;\s同及和、]|$)
            # ... and the next of a list after it ("报十五点七二同五点一六": 5.16), with its decimals
          | (?<=(?:[报收]{zh_num}{{1,8}}点[零〇一二三四五六七八九]{{1,3}})[同及和、])(?P<zhlist>{zh_num}{{1,8}}点[零〇一二三四五六七八九]+)(?=[。,;\s]|$)
            # a year read digit by digit: "二〇〇八年", "一九九七年" (a year, as 2008年 is)
          | (?<![零〇一二两三四五六七八九十百千万亿])(?P<zhyear>[一二][零〇一二三四五六七八九]{{3}})(?=年)
            # points read out with their decimals and no 點 after them, the 點 inside being the
            # decimal point ("跌二百九十三點六二，", "最多跌五百一十七點四四，低見…"): the clause
            # ends right after the decimals; tried before the next form, which would stop at 点
          | (?P<zhdec>(?<![零〇一二两三四五六七八九十百千万亿几点])
                  {zh_num}*[十百千万亿]{zh_num}*点[零〇一二三四五六七八九]{{1,{_ZH_SPOKEN_DECIMALS}}})(?=[。,;\s、]|$)
            # (not after 几: "几十亿" is some billions, no figure)
          | (?P<zh>(?<![零〇一二两三四五六七八九十百千万亿几])
                  {zh_num}*[十百千万亿]{zh_num}*(?:点[零〇一二三四五六七八九]+)?
                  (?=(?:多|余|{_ODD_JI})?\s?(?:点|%|元|蚊|块|港元|亿|个亿|万|个百分点|只|家|水平|关|大关|附近)|{_ODD_BEFORE_MAGNITUDE}))
            # a figure under ten said aloud before its measure word: "两个多点" (2-odd percent,
            # said of a stock or an index), "一点五个百分点", a price "五块七毛一"
            # (and under one: "零點八六個百分點", "半個百分點")
          | (?P<zhsmall>(?<![零〇一二两三四五六七八九十百千万亿几点])(?:[一二两三四五六七八九]|零(?=点)|半(?=个百分点))(?:(?<!半)点[零〇一二三四五六七八九]+)?
                  (?=个多?点|个百分点|块|蚊))
            # (and "一成几", "三成多": the tenths and some more)
          | (?P<cheng>[一二两三四五六七八九半])成(?:(?P<chengtail>[一二三四五六七八九](?![成十百千万亿])|半(?![日天年月个小]))|(?P<chengodd>[几多](?![个只间家人股])))?(?![交本员份立功为熟品])
            # Cantonese percent: "两个巴仙", "三个几巴仙", "半个巴仙" (or "两个几 %" in a chat,
            # "四个 percent" in a mixed script), and said on air as 厘
            # ("跌零点四厘", "三厘同四厘"; not 厘米, 厘印); never a range of two numerals in a row,
            # "一两个巴仙", "两三个%": one or two percent, no figure
          | (?<![零一二两三四五六七八九十])(?!(?:一[二两]|[二两]三|三四|四五|五六|六七|七八|八九)\s?个)
            (?P<baxian>[零一二两三四五六七八九十半\d.]{{1,3}}(?:点[零一二三四五六七八九]{{1,2}})?)\s?个?(?P<bxhalf>半)?\s?几?\s?(?:巴仙|(?<=个半?几?)百分比|(?<=个半?几?\s?)%|(?<=[零一二两三四五六七八九十半个几]\s?)percent\b|(?<![个几])厘(?![米印]))
            # a price under a dollar said in 毫 and 仙: "三毫二仙" (0.32), "八毫" (0.8), and "四毫一"
            # (0.41, the 仙 left unsaid at a clause's end)
          | (?<![零〇一二两三四五六七八九十百千万亿\d])(?P<mao>[一二两三四五六七八九])毫(?:(?P<xian>[一二三四五六七八九])(?:仙|(?![\u4e00-\u9fff\d])))?
        )
        # "八十多億", "1,000多億", "二十幾億", "一千多萬": the figure and some more, then its magnitude
        (?:(?P<oddmag>多|余|几)(?=\s?[千万亿兆]))?
        # (a Latin magnitude not inside a word: "5 bonds"; a Chinese one before anything:
        # "2,312亿HKD")
        (?:\s?(?P<mag>{mags})(?:(?<=[万亿千兆])|(?![a-z])))?
        # "98億5,000萬": a remainder in 萬 after 億
        (?:(?<=亿)(?P<wan>\d{{1,4}}|\d,\d{{3}})万)?
        (?P<odd>\s?多|余|{_ODD_JI}|[-\s]odd\b)?  # "700多點", "230 多点", "三百多點", "二百八十幾點" (not 三百幾點: no figure), "300-odd points"
        (?:\s?
            (?P<unit>{units})
          | \s?(?P<cur2>{cur_after})(?![a-z])
            # "412 dollars 40 cents", "九十八元五角": the small change of a spoken price
            # and in Cantonese "52蚊4毫"
            # (the 毫 may be left out at the end: "二百七十三蚊四")
            # and "九十二蚊半": fifty cents, "十蚊零二仙": two cents, and both digits with no words
            # ("五十九蚊三五": 59.35, "十蚊零二": 10.02, "72蚊35": 72.35)
            # and "41 dollars 30" (read out, the cents' word left out)
            # and in Mandarin "八十块八毛", "三十八块二", "五块七毛一" (the 分 left out)
            # ("六百一十蚊零二毫": a 零 before the 毫's digit is filler, 610.20)
            (?:\s?(?P<cents>\d{{1,2}})\s?cents\b|(?<=dollars)\s(?P<cents2>\d{{2}})(?![\d%]|[.,]\d)(?!\s?(?:percent|per\scent|points?|pts)\b)|(?:零(?=[一二三四五六七八九][角毫毛]))?(?P<jiao>[零一二三四五六七八九\d])(?:[角毫毛](?P<fen>[一二三四五六七八九](?![\d零〇一二两三四五六七八九十百千万亿]))?|(?P<fen2>(?<=[零一二三四五六七八九])[零一二三四五六七八九]|(?<=\d)\d)?(?=[,;。\s了]|港|$))|(?P<half>半)(?![日天年月个小])|零(?P<xian>[一二三四五六七八九\d])仙)?
        )?
        """,
        patterns.VERBOSE,
    )


# Where the figure itself begins, in every form the pattern reads: a digit (and "." in ".5巴仙"),
# a Chinese numeral (百 of 百分之 among them) or 半 (半成, 半个巴仙).
_FIGURE_BODY = patterns.compile(r"[\d.零〇一二两三四五六七八九十百千万亿半]")


@lru_cache(maxsize=1)
def _lead() -> tuple[frozenset[str], int, dict[str, tuple[str, ...]]]:
    """What may come before a figure's first character in a match of ``_pattern()``: the
    first characters of a sign, an arrow and a currency written first, and how far before
    the figure such a match can start (an arrow and its padding of up to ARROW_PAD spaces, the
    longest currency word, a space, a sign: "▼  hk$ -1"). None of these holds a character of
    ``_FIGURE_BODY``. And for a currency's first character that is no sign or arrow, the
    currency words it starts: a match can start there only on one of them (the "r" of "rose",
    the "h" of "the" are passed over without trying the whole pattern)."""
    before = {fold(w) for w in _units()["currency_before"]}
    words: dict[str, tuple[str, ...]] = {}
    for w in sorted(before):
        if w[0] not in _SIGNS + _ARROWS:
            words[w[0]] = (*words.get(w[0], ()), w)
    return frozenset(_SIGNS + _ARROWS + "".join(w[0] for w in before)), 1 + ARROW_PAD + max(map(len, before)) + 2, words


@lru_cache(maxsize=1)
def _group_names() -> tuple[str | None, ...]:
    """The figure pattern's group names in group order (None for a group without one): zipped
    with a match's ``groups()`` they make its ``groupdict()``, which ``regex`` builds in 7
    microseconds for these 29 groups, more than the match itself."""
    pattern = _pattern()
    by_number = {number: name for name, number in pattern.groupindex.items()}
    return tuple(by_number.get(i) for i in range(1, pattern.groups + 1))


def _figures(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The matches ``_pattern().finditer(text, start, end)`` gives, with the pattern tried
    only where one can start: at a figure's first character, or a little before it at a sign,
    an arrow or a currency (``_lead``). A match's lead holds no figure character, so its
    figure is the first one after its start. Trying the whole pattern at every character
    cost a fifth of a run."""
    match = _pattern().match
    find_body = _FIGURE_BODY.search
    lead_chars, reach, currency_at = _lead()
    pos = start
    while (body_at := find_body(text, pos, end)) is not None:
        body = body_at.start()
        m = None
        for x in range(max(pos, body - reach), body):
            if (
                (c := text[x]) in lead_chars and (c not in currency_at or text.startswith(currency_at[c], x))
                and (m := match(text, x, end)) is not None
            ):
                break
        else:
            m = match(text, body, end)
        if m is None:
            pos = body + 1
            continue
        yield m
        pos = m.end()


# The next figure of a 百分之 list: "和二點一", "、一點五", "同零點八", "和2.1".
_ZH_PCT_TAIL = patterns.compile(
    r"\s?(?:和|及|与|同|、|,|以及|至|到)\s?(?P<v>[零〇一二两三四五六七八九十]+(?:点[零〇一二三四五六七八九]+)?|\d+(?:\.\d+)?(?![\d.]))(?![零〇一二两三四五六七八九十百千万亿点%])"
)


# After a number: the minutes of a time of day.
_CLOCK = patterns.compile(r":[0-5]\d(?!\d)")
# A date written in figures, year first ("2025-09-23", "2025/9/23"): not a figure.
_NUMERIC_DATE = patterns.compile(r"(?:19|20)\d\d([-/.])[01]?\d\1[0-3]?\d(?![\d.])")
_MATCH_DATE_CHARS = 10  # the longest such date


# A time of day said in Chinese numerals with 點: a part of the day before it (早上十點) or 半,
# 鐘, 正 or minutes after it (十點半, 兩點鐘). Folded text (Simplified).
_ZH_CLOCK_BEFORE = patterns.compile(r"(?:早上|上午|下午|晚上|中午|凌晨|朝早|晏昼|夜晚|傍晚)\s?$")
# (not 分别: "跌10點分別…" is points; 十一點左右見全日低位 is a time)
_ZH_CLOCK_AFTER = patterns.compile(r"半|钟|正|[零一二三四五]?十?[一二三四五六七八九]?分(?!别)|左右见")
_ZH_CLOCK_REACH = 3  # the part of the day right before the hour
_CLOCK_HOURS = 12  # an hour of the clock is at most twelve
# The decimals of points read out, as a level's two and a little more ("點六二", "點四").
_ZH_SPOKEN_DECIMALS = 3

# Where a spoken English number can end: right before its unit.
_SPOKEN_UNIT = patterns.compile(
    r"\s(?P<unit>percent|per\scent|points|percentage\spoints?"
    # money read out: "eighty-five dollars (and forty cents)", "fifty-nine point eight billion dollars"
    r"|(?P<mag>billion\s|million\s)?(?:hong\skong\s)?dollars(?:\s(?:and\s)?(?P<cents>[a-z]+(?:-[a-z]+)?)\scents\b"
    # (or its cents said as a number after it, as a price is read: "thirty-four dollars eighty")
    r"|\s(?P<said>(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?)(?![a-z-]|\s(?:cents?|percent|per\scent|points?)\b)"
    # (or cents below ten read with "oh": "sixty-one dollars oh five")
    r"|\s(?:oh|o)\s(?P<oh>one|two|three|four|five|six|seven|eight|nine)(?![a-z-]|\s(?:cents?|percent|per\scent|points?)\b))?"
    # a price below a dollar read out: "seventy-one cents"
    r"|(?P<below>cents))\b"
)
_SPOKEN_MAGNITUDE = {"billion": 1_000_000_000, "million": 1_000_000}
_OF_A_BEFORE = patterns.compile(r"\sof\s(?:a|one)$")
_AND_A_HALF = " and a half"
# How far before its unit a spoken number may start (nine words and their spaces).
_SPOKEN_REACH = 80


@lru_cache(maxsize=1)
def _spoken_pattern() -> regex.Pattern:
    """A number read out in English, ending where the text before a unit ends ("a hundred
    and twenty" too)."""
    words = _units()["number_words"]
    en_word = _alt([w for w in words if w not in ("hundred", "thousand")])
    en_digit = _alt([w for w, v in words.items() if v < 10])
    return patterns.compile(
        rf"""(?<![a-z-])
        (?:(?:{en_word}|a\s(?:hundred|thousand)(?![a-z]))(?:(?:-|\s|(?<=hundred|thousand)\sand\s|(?<=thousand),\s)(?:{en_word}|hundred|thousand)(?![a-z])){{0,{_EN_WORDS_MAX}}}
        (?:\spoint(?:\s(?:{en_digit})(?![a-z])){{1,{_EN_DECIMALS_MAX}}}|\sand\sa\shalf)?
        |(?<![\d\s]\s)(?<!\d)point(?:\s(?:{en_digit})(?![a-z])){{1,{_EN_DECIMALS_MAX}}})$""",
        patterns.VERBOSE,
    )


@lru_cache(maxsize=1)
def _fraction_pattern() -> regex.Pattern:
    """A fraction of one percent read out, ending where the text before "percent" ends."""
    phrases = sorted(_units().get("spoken_fractions", {}), key=lambda w: (-len(w), w))
    return patterns.compile(r"(?<![a-z])(" + "|".join(patterns.escape(p).replace(r"\ ", r"\s") for p in phrases) + r")$")


@lru_cache(maxsize=1)
def _spoken_list_head() -> regex.Pattern:
    """The first figure of a spoken list of two, right before the second ("three and ")."""
    words = _units()["number_words"]
    en_word = _alt([w for w in words if w not in ("hundred", "thousand")])
    en_digit = _alt([w for w, v in words.items() if v < 10])
    return patterns.compile(
        rf"(?<![a-z-])(?P<n>(?:{en_word})(?:-(?:{en_word}))?(?:\spoint(?:\s(?:{en_digit})(?![a-z])){{1,{_EN_DECIMALS_MAX}}})?)"
        r"(?:\sand|,)\s$"
    )


@lru_cache(maxsize=1)
def _spoken_level_pattern() -> regex.Pattern:
    """A level read out after "at" or "to" (or a word of the day's extreme: "as high as", "a
    low of", "touched"), in thousands: "at twenty-three thousand, one hundred and fifty-nine" (a
    radio bulletin's index level, which has no unit after it), with its decimals read out too
    ("at twenty-six thousand, five hundred and eighty-eight point two")."""
    words = _units()["number_words"]
    en_word = _alt([w for w in words if w not in ("hundred", "thousand")])
    en_digit = _alt([w for w, v in words.items() if v < 10])
    return patterns.compile(
        rf"\s(?:at|to|as\shigh\sas|as\slow\sas|(?:high|low)\sof|touched|touching|hit|hitting|reached|reaching)\s(?:(?:about|around|roughly|some|nearly|almost)\s)?(?P<n>(?:{en_word})(?:(?:-|\s|\sand\s)(?:{en_word}|hundred)(?![a-z])){{0,{_EN_WORDS_MAX}}}"
        rf"\sthousand(?:,?\s(?:and\s)?(?:{en_word}|hundred)(?![a-z])(?:(?:-|\s|\sand\s)(?:{en_word}|hundred)(?![a-z])){{0,{_EN_WORDS_MAX}}})?"
        rf"(?:\spoint(?:\s(?:{en_digit})(?![a-z])){{1,{_EN_DECIMALS_MAX}}})?)"
        r"(?=[\s,.;]|$)(?!\s(?:percent|per\scent|points|dollars|shares|people|jobs))"
    )


def _spoken_levels(text: str, start: int, end: int) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _spoken_level_pattern().finditer(text, start, end):
        value = parse_en_numeral(m.group("n"), _units()["number_words"])
        if value is not None:
            out.append(Quantity("num", value, m.start("n"), m.end("n")))
    return out


# A count of stocks read out, as a script gives the market's breadth: "one thousand, three
# hundred and twelve stocks rose, two hundred and forty-seven fell". Found from what follows
# the count backwards: a noun of stocks, or the verb itself (or "were unchanged"; or the side
# named first: "one hundred and sixty-eight advancing stocks against … decliners").
_SPOKEN_COUNT_AFTER = patterns.compile(
    r"\s(?:(?:stocks|shares|issues|counters)\s(?:rose|fell|advanced|declined|gained|were|ended|closed|finished)"
    r"|(?:rose|fell|advanced|declined|gained|dropped)|were\s(?:unchanged|flat)"
    r"|(?:advancing|declining|rising|falling)\s(?:stocks|shares|issues)|advancers|decliners|gainers|losers)\b"
)
# A breadth count read out is hundreds of stocks (and has "hundred" or "thousand" in it): a
# smaller number before a verb is part of the story ("of the three casino names, two fell").
_SPOKEN_COUNT_MIN = 100


def _spoken_counts(text: str, start: int, end: int) -> list[Quantity]:
    out: list[Quantity] = []
    words = _units()["number_words"]
    for u in _SPOKEN_COUNT_AFTER.finditer(text, start, end):
        m = _spoken_pattern().search(text, max(start, u.start() - _SPOKEN_REACH), u.start())
        if m is None or " point " in f" {m.group()} ":
            continue
        value = parse_en_numeral(m.group(), words)
        if value is not None and value >= _SPOKEN_COUNT_MIN:
            out.append(Quantity("num", value, m.start(), m.end()))
    return out


def _spoken(text: str, start: int, end: int) -> list[Quantity]:
    """Numbers read out in English before a percent or points unit, as a TV or radio script
    writes them: "one point six percent", "four hundred and twelve points". Found from the
    unit backwards, so the main scan pays nothing for them ("at one point down 2%" has no
    unit after "one")."""
    out: list[Quantity] = []
    words = _units()["number_words"]
    for u in _SPOKEN_UNIT.finditer(text, start, end):
        lo = max(start, u.start() - _SPOKEN_REACH)
        unit = u.group("unit")
        if unit.startswith(("percent", "per")) and (frac := _fraction_pattern().search(text, lo, u.start())) is not None:
            # "a tenth of one percent": the fraction, not "one"
            out.append(Quantity("pct", _units()["spoken_fractions"][frac.group(1).replace("\n", " ")], frac.start(), u.end()))
            continue
        num_end = u.start()
        if unit.startswith(("percent", "per")) and (of := _OF_A_BEFORE.search(text, lo, num_end)) is not None:
            num_end = of.start()  # "zero point six of a percent": a decimal, then "of a"
        m = _spoken_pattern().search(text, lo, num_end)
        if m is None or (num_end != u.start() and " point " not in f" {m.group()}"):
            continue
        spoken, half = m.group(), m.group().endswith(_AND_A_HALF)
        value = parse_en_numeral(spoken.removesuffix(_AND_A_HALF) if half else spoken, words)
        if value is None:
            continue
        if half:
            value += 0.5  # "three and a half percent"
        unit = u.group("unit")
        if unit == "cents":
            if value < 100:  # ("seventy-one cents": 0.71; a hundred cents and more is no price read out)
                out.append(Quantity("money", round(value / 100, 4), m.start(), u.end(), currency="HKD"))
            continue
        if "dollars" in unit:
            if u.group("mag"):
                value *= _SPOKEN_MAGNITUDE[u.group("mag").strip()]
            elif u.group("oh"):
                value = round(value + (parse_en_numeral(u.group("oh"), words) or 0) / 100, 2)
            elif u.group("cents") or u.group("said"):
                cents = parse_en_numeral(u.group("cents") or u.group("said"), words)
                value = round(value + (cents or 0) / 100, 2) if cents is not None and cents < 100 else value
            out.append(Quantity("money", value, m.start(), u.end(), currency="HKD", magnitude=bool(u.group("mag"))))
            continue
        kind = "pp" if unit.startswith("percentage") else "pts" if unit == "points" else "pct"
        # "three and three point five percent": the list's first figure shares the unit
        before = _spoken_list_head().search(text, max(start, m.start() - _SPOKEN_REACH), m.start())
        if before is not None and (head := parse_en_numeral(before.group("n"), words)) is not None:
            out.append(Quantity(kind, head, before.start("n"), before.end("n")))
        out.append(Quantity(kind, value, m.start(), u.end()))
    return out


def scan(text: str, start: int = 0, end: int | None = None) -> Iterator[Quantity]:
    """Every quantity in ``text[start:end]`` (folded text), in order."""
    stop = len(text) if end is None else end
    spoken = _spoken(text, start, stop)
    if text.find(" thousand", start, stop) >= 0 and (levels := _spoken_levels(text, start, stop)):
        spoken = sorted(spoken + levels, key=lambda q: q.start)
    if text.find(" hundred", start, stop) >= 0 and (counts := _spoken_counts(text, start, stop)):
        spoken = sorted(spoken + counts, key=lambda q: q.start)
    if not spoken:
        yield from _scan_written(text, start, stop)
        return
    yield from heapq.merge(_scan_written(text, start, stop), spoken, key=lambda q: q.start)


def _place_words(top: float, g: dict[str, str | None]) -> float:
    """A figure of 萬 (or 千) with its lower places in digits: "2萬零345" = 20,345, "1萬9千9百16" =
    19,916, "6千7百零8" = 6,708. A last group right after its place word counts from the place
    below it, as people say it ("1萬9千5" = 19,500); after 零 it counts as written."""
    place = 10_000 if g["wtop"] == "万" else 1000  # the place the last group read stands below
    value = top * place
    for digit, unit in ((g["wq"], 1000), (g["wb"], 100)):
        if digit is not None:
            value += int(digit) * unit
            place = unit
    if (tail := g["wr"]) is not None:
        below = len(str(place)) - 2  # the digits a group right after the place word fills
        value += int(tail) if g["wzr"] else int(tail) * 10 ** max(below - len(tail) + 1, 0)
    return value


def _zh_pct(figure: str) -> float | None:
    """The figure after 百分之, in Chinese numerals or in digits."""
    return float(figure) if figure[0].isdigit() else parse_zh_numeral(figure)


def _clock_hour(text: str, m: regex.Match, value: float) -> bool:
    """Is ``m``, a figure of 点 worth ``value``, an hour of the clock ("早上十點半", "10點半前",
    "下午兩點"): a part of the day right before it, or a half, minutes or 鐘 right after?"""
    return value <= _CLOCK_HOURS and (
        _ZH_CLOCK_BEFORE.search(text, max(0, m.start() - _ZH_CLOCK_REACH), m.start()) is not None
        or _ZH_CLOCK_AFTER.match(text, m.end()) is not None
    )


def _scan_written(text: str, start: int, end: int) -> Iterator[Quantity]:
    """Every quantity written in digits or Chinese numerals, in order."""
    cur_map, mag_map = _unit_maps()
    names = _group_names()
    skip_to = 0
    for m in _figures(text, start, len(text) if end is None else end):
        g = dict(zip(names, m.groups(), strict=True))  # m.groupdict(), in a fifth of the time
        own_magnitude = False  # the magnitude after the figure is the numeral's own last word
        if g["n"] is not None:
            value = _num(g["n"])
            if g["wq"] is not None or g["wb"] is not None or g["wr"] is not None:
                value = _place_words(value, g)
            elif g["mix"]:
                base = 10_000 if g["mix"] == "万" else 1000
                tail = g["mixn"]
                # 3万4000 = 34,000; 2万3 = 23,000; 2万35 = 23,500: a short tail counts from
                # the unit just below the magnitude, as people say it.
                places = len(str(base)) - 1
                value = value * base + int(tail) * 10 ** max(places - len(tail), 0)
        elif g["zhpct"] is not None:
            v = _zh_pct(g["zhpct"])
            if v is None:
                continue
            yield Quantity("pct", v, m.start(), m.end(), sign=_sign(g))
            # "百分之三點四和二點一": a list says 百分之 once, before its first figure
            at = m.end()
            while (tail := _ZH_PCT_TAIL.match(text, at, len(text) if end is None else end)) is not None:
                v = _zh_pct(tail.group("v"))
                if v is None:
                    break
                yield Quantity("pct", v, tail.start("v"), tail.end("v"))
                at = tail.end()
            continue
        elif g["zh"] is not None or g["zhsmall"] is not None:
            v = _HALF if g["zhsmall"] == "半" else parse_zh_numeral(g["zh"] or g["zhsmall"])
            if v is None:
                continue
            if g["unit"] == "点" and _clock_hour(text, m, v):
                continue  # "早上十點半", "下午兩點": a time of day, not points
            if g["mag"] == "万" and g["zh"] is not None and "亿" in g["zh"]:
                # "三十一億八千萬": the 萬 after the 億 is the numeral's own remainder (3,180,000,000),
                # not a magnitude of the whole
                v = parse_zh_numeral(g["zh"] + "万")
                if v is None:
                    continue
                own_magnitude = True
            value = v
        elif g["dcheng"] is not None:
            tail = int(g["dchengtail"]) if g["dchengtail"] else 0
            yield Quantity("pct", int(g["dcheng"]) * 10.0 + tail, m.start(), m.end())
            continue
        elif g["cheng"] is not None:
            # 八成 is 80%; 一成四 is 14%; 三成半 is 35%; 半成 is 5%
            tail = (5 if g["chengtail"] == "半" else _ZH_DIGITS[g["chengtail"]]) if g["chengtail"] else 0
            tenths = 0.5 if g["cheng"] == "半" else _ZH_DIGITS[g["cheng"]]
            yield Quantity("pct", tenths * 10.0 + tail, m.start(), m.end(), odd=g["chengodd"] is not None)
            continue
        elif g["zhyear"] is not None:
            yield Quantity("num", float(read_digit_by_digit(g["zhyear"]) or 0), m.start(), m.end())
            continue
        elif g["zhdec"] is not None:
            v = parse_zh_numeral(g["zhdec"])
            if v is not None and not _clock_hour(text, m, v):  # (not "十點三，": a quarter past ten)
                yield Quantity("pts", v, m.start(), m.end())
            continue
        elif g["zhbare"] is not None or g["zhlist"] is not None:
            v = parse_zh_numeral(g["zhbare"] or g["zhlist"])
            if v is not None:
                yield Quantity("num", v, m.start(), m.end())
            continue
        elif g["mao"] is not None:
            cents = _ZH_DIGITS[g["mao"]] * 10 + (_ZH_DIGITS[g["xian"]] if g["xian"] else 0)
            yield Quantity("money", cents / 100, m.start(), m.end(), currency="HKD")
            continue
        elif g["baxian"] is not None:
            b = g["baxian"]
            v = 0.5 if b == "半" else (float(b) if b.replace(".", "", 1).isdigit() else parse_zh_numeral(b))
            if v is not None and g["bxhalf"]:
                v += 0.5  # "一個半巴仙": one and a half percent
            if v is not None:
                yield Quantity("pct", v, m.start(), m.end(), sign=_sign(g))
            continue
        else:
            continue
        if not value < _LARGEST:
            continue  # a run of digits, not a figure: beyond any market's numbers (and float)
        if g["unit"] == "点" and g["n"] is not None and "." not in g["n"] and _clock_hour(text, m, value):
            continue  # "10点半前最多跌498点": a time of day written in digits, not points
        if not g["unit"] and not g["cur1"] and not g["cur2"] and (
            _CLOCK.match(text, m.end()) or (m.start() > 1 and text[m.start() - 1] == ":" and text[m.start() - 2].isdigit())
        ):
            continue  # "NEWS AT 7:30", "09:52 IST": a time of day, not a figure
        if g["n"] is not None and len(g["n"]) == 4 and not g["unit"] and not g["cur1"] and (
            date := _NUMERIC_DATE.match(text, m.start("n"), m.start("n") + _MATCH_DATE_CHARS)
        ):
            skip_to = date.end()  # "2025-09-23 12:05": a dateline, not three figures
            continue
        if m.start() < skip_to:
            continue
        if g["n"] is not None and not g["unit"] and m.start() > 0 and text[m.start() - 1] == "[" and text.startswith("]", m.end()):
            continue  # "... to 26,086.32 points [1]": a note's number, not a figure
        magnitude = False
        if g["mag"] and not own_magnitude:
            value = round(value * mag_map[g["mag"]], 2)  # 1,100.9億 is 110,090,000,000 exactly
            magnitude = True
            if g["wan"]:
                value = round(value + int(g["wan"].replace(",", "")) * mag_map["万"], 2)
        unit = (g["unit"] or "").replace(" ", "").lstrip("-")  # "a 412-point loss", "a 0.6-percent gain"
        currency = cur_map.get(g["cur1"] or "") or cur_map.get(g["cur2"] or "")
        if g["cur2"] and fold(g["cur2"]) in _CENTS:
            value = round(value / 100, 4)  # "80 HK cents", "85 仙": a price below a dollar
        if g["cents"] or g["cents2"]:
            value = round(value + int(g["cents"] or g["cents2"]) / 100, 4)
        elif g["jiao"]:
            j = g["jiao"]
            value = round(value + (int(j) if j.isdigit() else _ZH_DIGITS[j]) / 10, 4)
            if (fen := g["fen"] or g["fen2"]):
                value = round(value + (int(fen) if fen.isdigit() else _ZH_DIGITS[fen]) / 100, 4)
        elif g["half"]:
            value += 0.5
        elif g["xian"]:
            x = g["xian"]
            value = round(value + (int(x) if x.isdigit() else _ZH_DIGITS[x]) / 100, 4)
        kind = _unit_kinds().get(unit) or ("money" if currency else "num")
        if kind == "money" and g["zh"] is not None and ("万" in g["zh"] or "亿" in g["zh"]):
            magnitude = True  # "十萬元", "三億元": an amount, never a share's price
        yield Quantity(
            kind, value, m.start(), m.end(), currency=currency, sign=_sign(g), magnitude=magnitude,
            odd=g["odd"] is not None or g["oddmag"] is not None,
        )


# Between the figures of one list: "2.2, 1.4 and 0.9 percent", "3.1、2.5及1.8%".
_LIST_JOINER = patterns.compile(r"\s?(?:,|、|/|and|or|和|及|与|同|以及)\s?")
# Between the ends of a range written with one unit: "0.3-1%", "3至5%", "2 to 4 percent".
_RANGE_DASH = patterns.compile(r"\s?(?:-|–|~|至|到|to)\s?")
# The units a list may state once, after its last figure.
_LIST_UNITS = frozenset({"pct", "pts"})
# Not a list but a quote's change and percent, "(+201.77, +0.83%)", "(+4.6, +1.21%)": a bare
# figure and a percent both written with a sign, or a bare figure this large before a percent
# under _SMALL_PCT (a list of percents keeps to one scale); nor a price and its signed change
# after a comma, "first print 83.10, -6.2%" (a list signs all its members or none but falls,
# and joins its last with "and").
_LIST_PCT_CEILING = 100.0
_SMALL_PCT = 10.0


def _quote_pair(bare: Quantity, pct: Quantity, text: str) -> bool:
    return (
        bool(bare.sign and pct.sign)
        or (pct.value < _SMALL_PCT and bare.value >= _LIST_PCT_CEILING)
        or (pct.sign != 0 and not bare.sign and _PRICE_CHANGE_LINK.fullmatch(text, bare.end, pct.start) is not None)
    )


_PRICE_CHANGE_LINK = patterns.compile(r",\s?")


def shared_units(quantities: list[Quantity], text: str) -> list[Quantity]:
    """A list that states its unit once ("gained 2.2, 1.4 and 0.9 percent respectively",
    "分別升3.1、2.5及1.8%"): the bare figures before the last take its unit."""
    out = list(quantities)
    # "faded 0.3-1%", "升3至5%": a range written with its unit once; the dash is not a sign
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if (
            a.kind == "num" and not a.magnitude and b.kind in _LIST_UNITS and a.value <= b.value  # low to high
            and _RANGE_DASH.fullmatch(text, a.end, b.start + (1 if b.sign < 0 else 0))
        ):
            out[k] = replace(a, kind=b.kind)
            if b.sign < 0 and text[b.start] == "-":
                out[k + 1] = replace(b, sign=0, start=b.start + 1)
    i = len(out) - 1
    while i > 0:
        last = out[i]
        j = i
        if last.kind in _LIST_UNITS:
            while (
                j > 0
                and out[j - 1].kind == "num"
                and not out[j - 1].magnitude
                and not (last.kind == "pct" and _quote_pair(out[j - 1], last, text))
                and (joiner := _LIST_JOINER.fullmatch(text, out[j - 1].end, out[j].start)) is not None
                # ("up 71.64 or 1.12 per cent": a larger figure before "or" is the points the
                # percent restates; "2 or 3 per cent" rises to its last)
                and not (joiner.group().strip() == "or" and out[j - 1].value > out[j].value)
            ):
                j -= 1
                out[j] = replace(out[j], kind=last.kind)
        i = j - 1 if j < i else i - 1
    return out


# Signs as written: plus and minus, and a quote board's arrows.
SIGNS = {"+": 1, "-": -1, "▲": 1, "△": 1, "↑": 1, "▼": -1, "▽": -1, "↓": -1, "🔺": 1, "🔻": -1}


def _sign(g: dict) -> int:
    return SIGNS.get(g.get("sign") or g.get("arrow") or g.get("sign2") or "", 0)
