"""Market figures of the day: turnover, breadth, Stock Connect flows, short-selling ratio.

Each figure is read from a sentence that names it (lexicon roles ``turnover``,
``southbound``, ``northbound``, ``advancers``/``decliners``/``unchanged``, ``short_ratio``)
with the nearest fitting number after the keyword. A figure about another period
("yesterday's turnover", "year-to-date inflows"), about one stock ("Tencent's turnover") or
about blue chips only ("of the 85 constituents, 60 rose") is not the day's market figure. The
first statement of a figure wins; later ones are restatements.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from hkwrap import data, patterns
from hkwrap.extractors.cards import in_index_card
from hkwrap.extractors.moves.cues import WITHDRAWN_BEFORE, WITHDRAWN_BEFORE_REACH, WITHDRAWN_MARKS
from hkwrap.extractors.tokens import WEEKDAY_NUMBERS, heads_line, without_codes_after_names
from hkwrap.model import Amount, Market
from hkwrap.numbers import Quantity
from hkwrap.text import stamps
from hkwrap.text.fold import fold
from hkwrap.text.lexicon import Lexicon, Word, role_kind
from hkwrap.text.prepare import Prepared
from hkwrap.text.spans import MATCH_WINDOW as _MATCH_WINDOW
from hkwrap.text.spans import RELATIVE_ASIDE

if TYPE_CHECKING:
    from collections.abc import Callable

    import regex

# A figure this far (in characters) after its keyword still belongs to it.
_REACH = 60
_CLAUSE_BREAK = patterns.compile(r"[;。]|,\s*(?:while|but|whereas)\b")
_COMMA_CLAUSE = patterns.compile(r"[,;。]")
_TO_AMOUNT = patterns.compile(r"\bto\s?$|至\s?$|\bto\s(?:a\s|an\s)?(?:\w+\s)?$")
# A percent that is a share of the day's turnover: "17.4% of the market's turnover", 佔大市成交16.8%.
_SHARE_OF_TURNOVER_AFTER = patterns.compile(
    r"\s?of\s(?:the\s)?(?:market'?s?\s|total\s|main[- ]board\s|the\sday'?s\s|overall\s)?(?:turnover|dealings|trading|volume|total\b)"
)
# "佔大市成交16.8%", "佔可沽空股份成交額16.5%" (the turnover of the shares that may be sold short)
_SHARE_OF_TURNOVER_BEFORE = patterns.compile(
    r"(?:占|佔)(?:大市|主板|市场|全日|总|整体|可沽空股份|可卖空股份)?(?:成交|成交额|成交金额|总成交)(?:的)?\s?(?:约|近|逾)?\s?$"
)
# Words between a flow's subject and its amount that make a turnover keyword reach too far.
_FLOW_ROLES = frozenset({"southbound", "northbound", "flow_in", "flow_out"})
_FLOW_LINKS = frozenset({"southbound", "northbound"})
# A Stock Connect amount that is the quota, not the flow: "每日有105億元人民幣額度", "剩餘55億元".
# Between a Stock Connect keyword and an amount: its gross trading, not a net flow.
_GROSS_BETWEEN = patterns.compile(r"买卖|成交|交投|turnover|trading\s(?:value|volume)|\badt\b|average\sdaily")
# ... unless a net word follows it before the amount ("Southbound ADT was heavy: net buy HK$5.28bn").
_NET_AFTER_GROSS = patterns.compile(r"\bnet\b|净")
_QUOTA_AFTER = patterns.compile(r"\s?(?:人民币|元|港元|rmb|yuan)?\s?(?:的)?(?:额度|限额|daily quota|quota)")
_QUOTA_BEFORE = patterns.compile(r"(?:剩余|余额|用了|额度|quota|remaining)\s?(?:为|是|达|of)?\s?$")
_CJK_MAGNITUDE = patterns.compile(r"[万亿千]")
# One leg of Stock Connect: 港股通(沪), 港股通（深）, 沪港通 ... after the keyword.
# (and in English: "Southbound (Shanghai-Hong Kong Stock Connect):", "(Shenzhen Connect)")
# (not a bracket naming both: "Southbound (Shanghai + Shenzhen Connect):" is the total)
_LEG = patterns.compile(
    r"\s?(?:[(（]?\s?[沪深]\s?[)）]"
    r"|[(（]?\s?(?:via\s)?(?:shanghai|shenzhen)(?![^)）\n]{0,40}?(?:shanghai|shenzhen))"
    r"(?:[\s-](?:hong\s)?(?:kong\s)?(?:stock\s)?connect)?\s?[)）]?)"
)
_DIGIT = patterns.compile(r"\d")
# "港股通(滬)及(深)合共淨買入": both legs, added up by the report itself.
# Turnover counted in shares, not money: "成交 30 億股", "1.2 billion shares".
_SHARES_AFTER = patterns.compile(r"^\s?(?:股|shares\b)")


# A news script gives one breadth count a sentence: two counted sentences in a row pair up
# when each is this short and only this many characters (a full stop, a space) separate them.
_SCRIPT_SENTENCE = 24
_SCRIPT_GAP = 2
# Between a breadth word and its count: no clause break and no other figure.
_BREAK_OR_DIGIT = patterns.compile(r"[,;、]|\d")
# A verb between a breadth word and its count.
_COUNT_VERB = patterns.compile(r"\s(?:numbered|totalled|totaled|came to|stood at|reached|were|was|of)\s")
_VENUE_CHARS = 40  # "on the Hong Kong Stock Exchange" between a breadth noun and its counts
# "by roughly two to one," between "decliners beat advancers" and its counts: an aside starts
# with "by" or ends with a comma ("as the index rose 200 to 25,300" is not one)
_OUTNUMBER_ASIDE = 30
# "为", "约为", " of ", " stood at roughly " between a breadth ratio's name and its counts (not
# "from": "rose from 600 to 900" is a change)
_RATIO_LINK = 20
# Spaces around a slashed count's colon: a table's label column is padded ("上升/下跌    1,054 / 748").
_SLASHED_GAP = 8
# An outnumbering verb that puts the smaller side first ("were outnumbered by", "trailed").
_PASSIVE_OUTNUMBER = patterns.compile(r"(?:were|was)\soutnumbered\sby|trailed|trailing")
# Counts of a day's advancing and declining stocks add up to hundreds (some 2,600 trade);
# "涨跌比约1:2", "outnumbered by 3 to 1" is a proportion, not the counts.
_MIN_BREADTH_PAIR = 100
# How far a breadth word may stand from its count: before it, a label's colon and padding
# ("上升：  612"); after it, a noun and a verb between ("861 stocks rose", "612 只股份上升").
_BREADTH_WORD_BEFORE_REACH = 8
_BREADTH_WORD_AFTER_REACH = 16


@lru_cache(maxsize=1)
def _words() -> dict[str, regex.Pattern]:
    """Patterns of the market words in ``lexicon/market.yaml``, built on first use."""
    w = data.load()["lexicon"]["market"]

    def alt(key: str) -> str:
        words = sorted({fold(x) for x in w[key]}, key=lambda w: (-len(w), w))
        return "|".join(patterns.escape(x).replace(r"\ ", r"\s") for x in words)

    noun = f"{alt('breadth_up')}|{alt('breadth_down')}"
    return {
        # "Advancers outnumbered decliners by 1,412 to 688" / "decliners beat gainers 900 to 400"
        # / "Gainers narrowly outnumbered losers, 876 to 811" (an adverb between)
        "outnumbered": patterns.compile(
            rf"(?P<first>{noun})\s(?:[a-z]{{2,12}}ly\s)?(?P<verb>{alt('outnumber')})\s(?:{noun})"
            rf"(?:\s(?:on|in)\s[a-z .']{{1,{_VENUE_CHARS}}}?)?(?:\s|(?=,))(?:by\s(?:[^\d;。]{{1,{_OUTNUMBER_ASIDE}}}?\s)?|[^\d;。]{{0,{_OUTNUMBER_ASIDE}}}?,\s?)?\d[\d,]*\s?(?:to|-|:)\s?\d[\d,]*"
        ),
        # "个股涨跌比为695:1,102", "advance/decline ratio of 695:1,102", "跌涨比 1,102 比 695"
        "ratio": patterns.compile(
            rf"(?:(?P<up>{alt('ratio_up')})|(?:{alt('ratio_down')}))(?:(?!from\b|从|由)[^\d;。,]){{0,{_RATIO_LINK}}}?"
            # ("升跌股份為452隻對1,389隻": a count word after the first count, 對 between)
            r"(?P<a>\d{1,3}(?:,\d{3})+|\d+)(?:\s?(?:只|家))?\s?(?::|比|to|/|对)\s?(?P<b>\d{1,3}(?:,\d{3})+|\d+)(?![\d]|[.,]\d)"
        ),
        # "上升/下跌: 1,056 / 798", "advancers/decliners/unchanged: 900/700/500" (a group name
        # stands in both branches: regex gives the one that matched)
        "slashed": patterns.compile(
            rf"(?:{alt('slashed_up')})\s?/\s?(?:{alt('slashed_down')})"
            rf"(?:\s?/\s?(?:{alt('slashed_unchanged')}))?"
            # the same labels again in the other language: "上升/下跌 Advancers/Decliners  1,054 / 748"
            rf"(?:\s{{1,4}}(?:{alt('slashed_up')})\s?/\s?(?:{alt('slashed_down')})(?:\s?/\s?(?:{alt('slashed_unchanged')}))?)?"
            rf"(?:\s?(?:{alt('breadth_label')}))?"  # "上升/下跌股份: 634 / 1,152"
            # (a table's cell border may part the labels from the counts: "| 上升 / 下跌 / 平收 | 638 / 1,147 / 912 |")
            rf"\s{{0,{_SLASHED_GAP}}}[:：|]?\s{{0,{_SLASHED_GAP}}}"
            # (no count cut short at a space inside it: "247 / 1 683 / 388" is no decliners' 1)
            r"(?P<a>\d[\d,]*)(?!\s\d)\s?/\s?(?P<d>\d[\d,]*)(?!\s\d)(?:\s?/\s?(?P<u>\d[\d,]*)(?!\s\d))?"
            # or each label before its own count: "adv 503 / dec 1,102", "升 612 / 跌 1,188 / 平 540"
            rf"|(?<![a-z])(?:{alt('slashed_up')})\s?[:：]?\s?(?P<a>\d[\d,]*)(?![\d%]|[.,]\d)\s?/\s?"
            rf"(?:{alt('slashed_down')})\s?[:：]?\s?(?P<d>\d[\d,]*)(?![\d%]|[.,]\d)"
            rf"(?:\s?/\s?(?:{alt('slashed_unchanged')})\s?[:：]?\s?(?P<u>\d[\d,]*)(?![\d%]|[.,]\d))?"
            # or each count before its label: "702 adv / 1,004 dec / 1,095 unch"
            rf"|(?<![\d.,])(?P<a>\d[\d,]*)\s?(?:{alt('slashed_up')})(?![a-z])\s?/\s?(?P<d>\d[\d,]*)\s?(?:{alt('slashed_down')})(?![a-z])"
            rf"(?:\s?/\s?(?P<u>\d[\d,]*)\s?(?:{alt('slashed_unchanged')})(?![a-z]))?"
            # or the counts first, their labels slashed after them in brackets: "598 / 1,147 / 1,021 (up/down/flat)"
            rf"|(?<![\d.,])(?P<a>\d[\d,]*)(?!\s\d)\s?/\s?(?P<d>\d[\d,]*)(?!\s\d)(?:\s?/\s?(?P<u>\d[\d,]*)(?!\s\d))?"
            rf"\s?\(\s?(?:{alt('slashed_up')})\s?/\s?(?:{alt('slashed_down')})(?:\s?/\s?(?:{alt('slashed_unchanged')}))?\s?\)"
        ),
        # a figure "so far" at midday, and the full day's: the later one is the day's
        "midday": patterns.compile(alt("midday")),
        "full_day": patterns.compile(alt("full_day")),
        "total": patterns.compile(alt("flow_total")),
        # between a breadth label and its count: "证券数目:", " securities ", ": "
        "label": patterns.compile(rf"\s?(?:(?:{alt('breadth_label')})\s?:?|:)\s?"),
        "leg": patterns.compile(alt("flow_leg")),
        # "買入成交額331.27億": one side's trading through Stock Connect, the word right before
        "side": patterns.compile(rf"(?<![a-z])(?:{alt('side_turnover')})\s?$"),
    }


@lru_cache(maxsize=1)
def _up_nouns() -> frozenset[str]:
    """The folded nouns for advancing stocks ("advancers", "gainers")."""
    return frozenset(fold(x) for x in data.load()["lexicon"]["market"]["breadth_up"])


_ROLES_OF = attrgetter("roles")  # (a word's roles, read in C over a sentence's words)
# Words that date a figure to another period: the market's own list and the binder's.
_OTHER_PERIOD_ROLES = frozenset({"other_period", "previous"})
_DATING_ROLES = _OTHER_PERIOD_ROLES | {"yesterday"}  # (any of them: a word may date the figure)
_WEEKDAY_ROLES = frozenset(f"weekday:{day}" for day in WEEKDAY_NUMBERS)  # (the roles _weekday_of reads)
# Where a weekday's frame over the clauses after it ends ("周一：恒指收…，成交1,856亿港元；"): a
# full stop, a semicolon, a line break.
_DAY_FRAME_END = patterns.compile(r"[。;；\n]")
_DAY_LABEL = patterns.compile(r"\s?[:：]")  # "周一：" labelling a line of a week's list
_CLAUSE_MARKS = (",", "，", ";", "；")  # where a clause ends inside a sentence
# Right after a turnover keyword: the one stock it is of ("turnover in the counter", "in the stock").
_ONE_COUNTER_AFTER = patterns.compile(r"\s(?:in|of)\s(?:the|its|that)\s(?:counter|stock|shares)\b")
# Right before a turnover keyword: a conjunction opening a clause of its own, the market's
# ("... gained 1.5% as turnover picked up", "while turnover shrank").
_CONJUNCTION_BEFORE = patterns.compile(r"\b(?:as|while|whereas)\s(?:the\s)?$")  # (not "with turnover of": the stock's)
_CONJUNCTION_REACH = 12  # "whereas the " before the keyword
# A relative clause set off by commas: an aside about its noun, whose period words date nothing else.
_RELATIVE_ASIDE = patterns.compile(RELATIVE_ASIDE)
_KEY_ROLES = frozenset({"turnover", "southbound", "northbound", "short_ratio", "short_sale"})
_BREADTH_ROLES = frozenset({"advancers", "decliners", "unchanged"})
_MARKET_ROLES = _KEY_ROLES | _BREADTH_ROLES
# A breadth ratio's name holds a word of rising or falling ("涨跌比", "advance/decline ratio").
_UP_DOWN = frozenset({"up", "down"}) | _BREADTH_ROLES
# Right before a turnover keyword, turnover that is not the main board's: the mainland's (A股
# 成交), or a Stock Connect link's (南向成交額, "southbound turnover").
_OTHER_TURNOVER = frozenset({"mainland_market", "southbound", "northbound"})


# Windows and spreads of the market figures, in characters unless said:
# The longest side word before a turnover word ("selling", a space).
_SIDE_REACH = 8
# Where the counted stocks trade, between a count and its verb: not counted in the distance.
_COUNT_VENUE = patterns.compile(r"\s(?:in|on)\s(?:the\s)?(?:hong\skong\s)?(?:stock\s)?(?:market|main\sboard|exchange)")
_QUALIFIER_REACH = 3  # an approximate word right before its figure ("約1,500億")
_STALE_REACH = 6  # an other-period word right before the keyword ("上日成交", "yesterday's")
_WORD_BEFORE_REACH = 8  # a word that qualifies the keyword before it (大市成交, A股成交, 沽空金額)
# The part of the day right before a turnover word: "半日成交", "全日成交", "morning turnover".
_DAY_PART_BEFORE_REACH = 10  # ("full-day " is nine characters)
_AMOUNT_BEFORE_REACH = 24  # "HK$144.3 billion of shares changed hands": the amount before its keyword
_ROUND_DIGITS = 3  # a figure of at most this many significant digits (47億) may be refined (47.26億)
_RESTATED_SPREAD = 0.06  # two statements this close (share of the larger) are one figure restated
_OVER_SPREAD = 1.5  # "超百億" and 102.86億: an "over" figure restated up to this factor higher
_UNIT_AFTER_REACH = 8  # "股"/"shares" right after an amount makes it a count of shares
_QUOTA_REACH = 8  # a quota word right before a flow amount ("剩餘額度", "quota of")
_FLOW_AFTER_EXTRA = 20  # a flow's amount may stand a little further after its keyword than turnover's
_FLOW_WORD_BEFORE = 30  # an amount before its flow keyword needs a flow word ("net purchases of") this close
# Right after a number: the rest of an index's name, so the number is the name's ("日经225指数").
_INDEX_NAME_AFTER = patterns.compile(r"\s?(?:指数|index\b)")
# (the first characters of its words, which stand at most this far into the text after the figure)
_INDEX_NAME_FIRST = frozenset("指i")
_INDEX_NAME_FIRST_AT = 2
# Four to six bare digits alone in brackets: a security's code ("Ping An's H shares (2318) fell",
# "its A shares (601318) were flat"), never a count, which is written with its thousands comma.
_BRACKETED_CODE = patterns.compile(r"[(（]\d{4,6}[)）]")
_OPEN_BRACKETS = "(（"  # the first character of a bracketed code
_BRACKET_BEFORE = 2  # an amount in brackets right after another is its conversion ("(US$28.9 billion)")
_SHARE_OF_BEFORE_REACH = 16  # "佔大市成交約" before a short-selling share
_LEG_REACH = 40  # one Stock Connect leg right after the keyword: "(滬)", "（深）", "(Shanghai-Hong Kong Stock Connect)"
# A Stock Connect net flow worth reporting is millions at least; a smaller amount is a price
# ("港股通升幅最多的股份……收報2.72元").
_MIN_FLOW = 1e6
# The day's main-board turnover has not been under this since the 1990s (half a day included).
_MIN_TURNOVER = 5e9




def _span(ev: Any) -> tuple[int, int]:
    return (ev.start, ev.end) if ev is not None else (0, 0)


def _open(current: Amount | None) -> bool:
    """May a later statement still set or refine this figure?"""
    return current is None or current.qualifier != "exact" or _decimals(current.value) <= _ROUND_DIGITS


@lru_cache(maxsize=4096)  # (a pure function of the figure; every keyword asks of the figure held)
def _decimals(value: float) -> int:
    """How many significant digits a figure states: 47億 has 2, 47.26億 has 4."""
    digits = f"{abs(value):.12g}".split("e")[0].replace(".", "").strip("0")
    return len(digits)


def _better_restatement(current: Amount | None, new: Amount) -> bool:
    """Should ``new`` replace ``current``? Yes when nothing is known yet, or when it states the
    same figure more precisely (a headline's "北水淨買47億元" and the body's 47.26億; "超百亿"
    and 102.86亿)."""
    if current is None:
        return True
    if (current.value > 0) != (new.value > 0):
        return False
    a, b = abs(current.value), abs(new.value)
    close = abs(a - b) <= _RESTATED_SPREAD * max(a, b) or (current.qualifier == "over" and a <= b <= a * _OVER_SPREAD)
    finer = _decimals(new.value) > _decimals(current.value) or (
        current.qualifier != "exact" and new.qualifier == "exact"
    )
    return close and finer


def _half_day(midday: Callable[[int, int], bool], market: Market, figure: str, start: int, end: int) -> bool:
    """Is the figure known so far the half day's ("Morning turnover HK$132.5 billion"), and the
    sentence at ``start:end`` not about the half day? Then a later, larger figure is the day's.
    (``midday``: does a span of the text hold a word of the half day?)"""
    current = getattr(market, figure)
    return current is not None and midday(*_span(market.evidence.get(figure))) and not midday(start, end)


class _SaysMidday:
    """Does a span of ``folded`` hold a word of the half day (``_words()["midday"]``)? Each
    span's answer is kept: the sentence and the held figure's evidence are asked again for
    every keyword."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.known: dict[tuple[int, int], bool] = {}

    def __call__(self, start: int, end: int) -> bool:
        found = self.known.get((start, end))
        if found is None:
            found = self.known[(start, end)] = _words()["midday"].search(self.folded, start, end) is not None
        return found


# A flow's direction said before the link's name: "were net sellers of Hong Kong shares via
# Stock Connect" (the verb this far before the name).
_FLOW_VERB_BEFORE = 48


def _full_day_after(folded: str, market: Market, figure: str, start: int, end: int) -> bool:
    """Is the sentence at ``start:end`` the full day's figure ("全日成交 Turnover: HK$2,147.3億")
    and the one known so far not said to be ("11:30 大市成交已經過千億")?"""
    current = getattr(market, figure)
    return (
        current is not None
        and _words()["full_day"].search(folded, start, end) is not None
        and _words()["full_day"].search(folded, *_span(market.evidence.get(figure))) is None
    )


def _respective_amounts(folded: str, quantities: list[Quantity], words: list[Word], w: Word) -> bool:
    """Does the keyword ``w`` head a list of amounts that a "respectively" in its own clause
    deals out to several days? (Not one across a clause break: "turnover was HK$91.6bn …, while
    … China Resources Land and China Overseas Land falling 4.1% and 3.5% respectively".)"""
    resp = next((x for x in words if x.start > w.end and "respectively" in x.roles), None)
    if resp is None or _CLAUSE_BREAK.search(folded, w.end, resp.start):
        return False
    return sum(_money(x, folded) for x in quantities if w.end < x.start < resp.start) > 1


def _day_part_before(folded: str, w: Word, part: str, start: int) -> bool:
    """Does a word of ``part`` of the day (``midday``, ``full_day``) stand right before the
    keyword ``w``, or open it ("半日成交", "全日成交")?"""
    return _words()[part].search(folded, max(start, w.start - _DAY_PART_BEFORE_REACH), w.end) is not None


def _starting(words: list[Word], lo: int, hi: int) -> list[Word]:
    """The words (in text order) that start in ``[lo, hi)``: bisected, as a sentence of a
    run-on report holds hundreds."""
    return words[bisect.bisect_left(words, lo, key=_start):bisect.bisect_left(words, hi, key=_start)]


def _start(word: Word) -> int:
    return word.start


def _has(word: Word, *roles: str) -> bool:
    return not word.roles.isdisjoint(roles)  # (a word's roles are a frozenset: one C call)


def _qualifier(words: list[Word], q: Quantity) -> str:
    for w in words:
        if 0 <= q.start - w.end <= _QUALIFIER_REACH:
            for r in w.roles:
                if r.startswith("qualifier:"):
                    return r.split(":", 1)[1]
    return "over" if q.odd else "exact"  # "成交1,000多億"


def _money(q: Quantity, folded: str) -> bool:
    """An amount of money: a currency, or a magnitude like 億 (turnover is often "3257 億")."""
    if _SHARES_AFTER.match(folded[q.end:q.end + _UNIT_AFTER_REACH]):
        return False
    if q.kind == "money":
        return True
    # "2,458 億" with no currency is money in Chinese copy; "1.8 billion" in English is as
    # likely shares as dollars.
    return q.kind == "num" and q.magnitude and _CJK_MAGNITUDE.search(folded, q.start, q.end) is not None


def _after(
    folded: str, quantities: list[Quantity], other_period: list[Word], w: Word, want: Any, reach: int = _REACH
) -> Quantity | None:
    """The first quantity after keyword ``w`` that ``want`` accepts, in the same clause and
    not about another period."""
    for q in quantities:
        if q.start >= w.end and q.start - w.end <= reach and want(q):
            if _CLAUSE_BREAK.search(folded[w.end:q.start]):
                return None
            # "rose 17% from the previous session to HK$254.3 billion", 較上日減少14%至1,872億元:
            # the other day is the comparison; the amount after "to" is the day's
            if any(w.end <= o.start < q.start and not _TO_AMOUNT.search(folded, o.end, q.start) for o in other_period):
                return None
            return q
    return None


# A bare figure after a label that carries its unit: "Main board turnover (HK$bn): 101.2",
# "南向淨流入(億元)：-11.2".
_LABEL_UNIT_BEFORE = patterns.compile(
    r"\(\s?(?P<cur>hk\$|hkd|rmb|us\$)?\s?(?P<mag>bn|b|billion|mn|m|million|亿元|亿|万元)\s?\)\s?[:：]\s?$"
)
_LABEL_UNIT_REACH = 24  # "(HK$ billion): " and its spaces
# The label's colon stands this close before the figure: ":", ": ", ": \n" (the pattern's "$"
# also holds before a line break that ends the search).
_LABEL_COLON_REACH = 3
_LABEL_SCALE = {"bn": 1e9, "b": 1e9, "billion": 1e9, "mn": 1e6, "m": 1e6, "million": 1e6, "亿元": 1e8, "亿": 1e8, "万元": 1e4}


def _labelled(folded: str, q: Quantity) -> Quantity:
    """``q`` as an amount when it is a bare figure after a label giving its unit."""
    if q.kind != "num" or q.currency:
        return q
    before = folded[max(0, q.start - _LABEL_COLON_REACH):q.start]
    if ":" not in before and "：" not in before:
        return q  # (the cheap test first: most figures follow no label's colon)
    m = _LABEL_UNIT_BEFORE.search(folded, max(0, q.start - _LABEL_UNIT_REACH), q.start)
    if m is None:
        return q
    currency = {"rmb": "RMB", "us$": "USD"}.get(m.group("cur") or "", "HKD")
    return Quantity("money", round(q.value * _LABEL_SCALE[m.group("mag")], 2), q.start, q.end,
                    currency=currency, sign=q.sign, magnitude=True)


def _weekday_of(w: Word) -> int | None:
    """Monday 0 ... for a weekday word (role ``weekday:fri``), else None."""
    day = role_kind(w.roles, "weekday")
    return None if day is None else WEEKDAY_NUMBERS.get(day)


def _other_weekdays(words: list[Word], report_weekday: int | None) -> list[Word]:
    """The sentence's weekday words for days other than the one told; with the day's own
    among them (so that it ends their frames), or [] when the day is unknown or none is other."""
    if report_weekday is None:
        return []
    days = [w for w in words if _weekday_of(w) is not None]
    return days if any(_weekday_of(w) != report_weekday for w in days) else []


def _closing_update(prep: Prepared, held: Any, at: int) -> bool:
    """Is ``at`` in a feed's update stamped at or after the close, and the figure ``held``
    (its evidence) told in one before it ("09:31 … 南向资金开盘净买入超20亿" then "16:10 …
    南向资金净买入逾120亿港元")? The later one is the day's."""
    if held is None:
        return False
    before, after = stamps.stamp_at(prep, held.start), stamps.stamp_at(prep, at)
    return before is not None and after is not None and before < stamps.CLOSE_MINUTES <= after


_ON_BEFORE_DAY = "on "


def _in_day_frame(folded: str, w: Word, days: list[Word], report_weekday: int | None) -> bool:
    """Is ``w`` in the frame of another weekday than ``report_weekday``: the last weekday
    before it on its line, heading the line or labelling it ("周一："), in the same list of
    clauses (commas allowed, not past 。 ; or a line break)?"""
    before = [d for d in days if d.end <= w.start and not _DAY_FRAME_END.search(folded, d.end, w.start)]
    if not before:
        return False
    day = before[-1]
    # (or after "On" opening the line: "** On Monday, the benchmark ended …, on turnover of …")
    opens = heads_line(folded, day.start) or (
        folded.endswith(_ON_BEFORE_DAY, 0, day.start) and heads_line(folded, day.start - len(_ON_BEFORE_DAY))
    )
    return (opens or _DAY_LABEL.match(folded, day.end) is not None) and _weekday_of(day) != report_weekday


def _stale(w: Word, other_period: list[Word], folded: str = "") -> bool:
    """An other-period word before the keyword in its clause: "yesterday's turnover", 上日成交,
    "上周經港股通買貨的北水淨額"."""
    return any(
        # near, and not across a clause break ("連續兩日淨流出，滬股通淨流出8.91億元": the day's)
        (0 <= w.start - o.end <= _STALE_REACH and not (folded and _COMMA_CLAUSE.search(folded, o.end, w.start)))
        or (o.end <= w.start and folded and not _COMMA_CLAUSE.search(folded, o.end, w.start))
        for o in other_period
    )


# Before a period word that opens its sentence, at most a short lead: 回顧 in "回顧昨日（周三），…".
_PERIOD_LEAD = 2


def _period_opens_sentence(folded: str, start: int, w: Word, other_period: list[Word]) -> bool:
    """Does an other-period word open the sentence that holds the keyword ``w``, dating all of
    it ("For the full year, average daily turnover reached …, and southbound net buying set a
    record above HK$800bn")?"""
    return any(o.end <= w.start and len(folded[start:o.start].strip()) <= _PERIOD_LEAD for o in other_period)


def _flow(
    folded: str,
    quantities: list[Quantity],
    other_period: list[Word],
    words: list[Word],
    subjects: list[Any],
    w: Word,
) -> tuple[float, str, str] | None:
    """(signed value, currency, qualifier) of the Stock Connect flow keyword ``w`` names.

    The amount follows the keyword ("北水淨流入 41 億元"), or, in the same clause, comes
    before it ("net purchases of HK$800 million through the southbound link"). One stock's
    flow ("北水淨買入騰訊 12 億元") is not the market's. Net selling is negative: the flow
    word nearest the amount decides.
    """
    def flow_amount(q: Quantity) -> bool:
        if q.start > w.end and (gross := _GROSS_BETWEEN.search(folded, w.end, q.start)) is not None and (
            _NET_AFTER_GROSS.search(folded, gross.end(), q.start) is None
        ):
            return False  # "北水買賣跌7%至近845億元", "ADT there is holding above RMB100bn": the link's trading, not its net flow
        if q.start > w.end and _GROSS_SIDE.search(folded, w.end, q.start) and _NET_LATER.search(
            folded, q.end, _rest_of_line(folded, q.end)
        ):
            return False  # "港股通：買入 HK$ 14,360 百萬；賣出 …；淨買入 HK$ 7,141 百萬": the net one
        if any(
            0 <= o.start - q.end <= _PERIOD_AFTER_AMOUNT and not _ANY_BREAK.search(folded, q.end, o.start)
            for o in other_period
        ):
            return False  # "Southbound buying: HK$38bn net for the week": another period's total
        # (a flow in English shorthand may drop its currency: "Southbound net buy about 9.1bn")
        money = _money(q, folded) or (q.kind == "num" and q.magnitude and _BN_ABBREVIATION.search(folded, q.start, q.end) is not None)
        return money and q.value >= _MIN_FLOW and not _QUOTA_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW) and not _QUOTA_BEFORE.search(
            folded, max(0, q.start - _QUOTA_REACH), q.start
        )

    reach = _REACH + _FLOW_AFTER_EXTRA
    aside = _RELATIVE_ASIDE.search(folded, w.end, w.end + reach)
    if aside is not None:
        reach += aside.end() - aside.start()  # "southbound investors, who …, were net sellers of"
    q = _after(folded, quantities, other_period, w, flow_amount, reach)
    if q is None:
        before = [
            x for x in quantities
            if x.end <= w.start and w.start - x.end <= _REACH and flow_amount(x)
            and not _CLAUSE_BREAK.search(folded[x.end:w.start])
            # (not an amount told after the other way's name: "滬股通錄得淨賣出39.2億元人民幣，
            # 港股通就錄得淨流入" gives the Shanghai link's figure, none of the southbound's)
            # (but a clause between them ends the other way's: "… through the southbound Stock
            # Connect, while overseas money bought a net 3.1 billion yuan … through the northbound link")
            and not any(
                y is not w and y.end <= x.start and x.start - y.end <= _REACH
                and any(_has(y, r) != _has(w, r) for r in ("southbound", "northbound"))
                and (_has(y, "southbound") or _has(y, "northbound"))
                and not _CLAUSE_BREAK.search(folded, y.end, x.start)
                for y in words
            )
        ]
        if not before:
            return None
        q = before[-1]
        # "net purchases of HK$800 million through the southbound link": a flow word must say
        # the amount is a flow ("Turnover was HK$84.5 billion ... southbound trading is closed")
        if not any(_has(x, "flow_in") or _has(x, "flow_out") for x in _starting(words, q.start - _FLOW_WORD_BEFORE, w.start)):
            return None
    if q.start > w.end:
        # "南向資金半日淨買入12億元，全日淨買入35.6億元": the full day's amount said after the
        # half day's is the day's
        for x in quantities:
            if x.start > q.end and x.start - q.end <= _REACH and flow_amount(x):
                said = _starting(words, q.end, x.start)
                if _words()["full_day"].search(folded, q.end, x.start) and any(
                    _has(y, "flow_in") or _has(y, "flow_out") for y in said
                ) and not any(y.roles & _FLOW_LINKS for y in said):
                    q = x
                break
    lo, hi = min(w.start, q.start), max(w.end, q.end)
    if any(lo <= e.start < hi for e in subjects):
        return None
    if _ONE_STOCK_BETWEEN.search(folded, lo, hi) is not None:
        return None  # "港股通渠道今日净买入本公司H股约3.1亿元": the company's own shares
    if any(_STOCK_GETS_FLOW.fullmatch(folded, e.end, w.start) for e in subjects if 0 <= w.start - e.end <= _MATCH_WINDOW):
        return None  # "华润置地获南向小幅净买入约2.1亿港元": one stock's
    if any(x is not w and x.roles & _FLOW_LINKS for x in _starting(words, lo, hi)):
        # "南向资金方面，港股通(沪)净卖出...", "港股通額度餘額…，滬股通則淨賣出…": the nearer
        # keyword, of either direction, owns the amount
        return None
    sign = 1
    span_lo = min(w.start, q.start) - (24 if q.start < w.start else 0)
    said = [x for x in _starting(words, span_lo, max(w.end, q.start)) if _has(x, "flow_in", "flow_out")]
    if not said and q.start > w.end:
        # "were net sellers of Hong Kong shares via Stock Connect today, 1.6 billion dollars":
        # the direction said before the link's name, in its clause
        said = [
            x for x in _starting(words, max(0, w.start - _FLOW_VERB_BEFORE), w.start)
            if _has(x, "flow_in", "flow_out") and not _CLAUSE_BREAK.search(folded, x.end, w.start)
        ][-1:]
    for x in said:
        if _has(x, "flow_out"):
            sign = -1
        elif _has(x, "flow_in"):
            sign = 1
    q = _refined(folded, quantities, words, q)
    if q.sign:
        sign = q.sign
    return sign * q.value, q.currency or "HKD", _qualifier(words, q)


# An approximate amount restated at once exactly: "逾千億元，達1,021億元", "超百亿港元，达到
# 103.2亿港元", "more than HK$100 billion, at HK$102.3 billion".
# (or said to be exact: "超百亿港元，准确地说是净买入112.6亿港元", "over HK$10 billion, or more
# precisely HK$11.26 billion")
# A gross side of a link's trading, and a net figure later on its line.
# Between a flow word and its amount: words for one company's shares ("净买入本公司H股").
_ONE_STOCK_BETWEEN = patterns.compile(r"本公司|该公司|该股|个股")
# Between a stock's name and a flow word: the stock receives the flow ("华润置地获南向…净买入").
_STOCK_GETS_FLOW = patterns.compile(r"\s?(?:获得?|录得|得到|吸引)\s?")
_GROSS_SIDE = patterns.compile(r"(?<!净)(?:买入|卖出)|(?<!net\s)\b(?:buys?|sells?|bought|sold)\b(?! a net)")
_NET_LATER = patterns.compile(r"净(?:买入|卖出|流入|流出)|\bnet\b")


_NET_REACH = 120  # a leg's line after its gross buying: "；賣出 HK$ 7,219 百萬；淨買入 HK$ 7,141 百萬"


def _rest_of_line(folded: str, pos: int) -> int:
    """Where the line of ``pos`` ends, or ``_NET_REACH`` on (a report on one line of megabytes
    must not be read to its end for every amount)."""
    stop = min(len(folded), pos + _NET_REACH)
    end = folded.find("\n", pos, stop)
    return stop if end < 0 else end


_RESTATE_LINK = patterns.compile(
    r"\s?,\s?(?:达到|达|为|至|at|reaching|or"
    # the links that say the second figure is the exact one (group "exact"): they restate even
    # an amount read as exact ("千二億" said aloud for 1,214.6億)
    r"|(?P<exact>(?:准确|确切|精确)(?:地|来)?说(?:是|,)?\s?(?:净买入|净流入|净卖出|净流出|净买|净卖)?"
    r"|(?:准确|确切|确实|实际)(?:的)?数字(?:系|是|为)?"  # "九百八十多億，確實數字係986億元"
    # (said aloud: "千二億，準確係1,214.6億元", "逾20億，即係21.3億元", "交易所數據係103.45億元")
    r"|(?:准确|确切|精确)(?:啲|d)?(?:系|是)|即系|即是|(?:交易所|港交所)?数据(?:系|是|显示)"
    r"|(?:or\s)?(?:more precisely|to be (?:exact|precise)),?))?\s?"
    r"|\s?(?P<exact>\(\s?)"  # (or in brackets right after: "全日成交二千一百幾億（2,136.7億元）")
)


def _refined(folded: str, quantities: list[Quantity], words: list[Word], q: Quantity) -> Quantity:
    """``q``, or the exact amount that restates it right after (when it is approximate)."""
    nxt = next((x for x in quantities if x.start >= q.end), None)
    # (an amount said without its currency, then with it: "九百八十多億，確實數字係986億元")
    same_kind = nxt is not None and (nxt.kind == q.kind or {nxt.kind, q.kind} == {"num", "money"})
    link = _RESTATE_LINK.fullmatch(folded, q.end, nxt.start) if nxt is not None and same_kind else None
    if link is None:
        return q  # (most amounts: no restatement, and no need of the qualifier's look through the words)
    qualifier = _qualifier(words, q)
    if qualifier == "exact" and link.group("exact") is None:
        return q
    approx = Amount(q.value, q.currency or "HKD", qualifier, None)
    exact = Amount(nxt.value, nxt.currency or "HKD", _qualifier(words, nxt), None)
    return nxt if _better_restatement(approx, exact) else q


def _money_before(folded: str, quantities: list[Quantity], w: Word, words: list[Word]) -> Quantity | None:
    """"HK$144.3 billion of shares changed hands": a currency amount just before the
    keyword, in the same clause, and not a short-selling amount (沽空金額298億港元，佔主板成交)."""
    for q in reversed(quantities):
        if q.end <= w.start and w.start - q.end <= _AMOUNT_BEFORE_REACH and q.kind == "money" and q.value >= _MIN_TURNOVER:
            if folded[max(0, q.start - _BRACKET_BEFORE):q.start].strip().endswith("("):
                continue  # "HK$224.5 billion (US$28.9 billion) changed hands": the conversion
            if _COMMA_CLAUSE.search(folded, q.end, w.start) or any(
                0 <= q.start - x.end <= _WORD_BEFORE_REACH and "short_sale" in x.roles for x in words
            ):
                return None
            return q
    return None


def _short_share(folded: str, quantities: list[Quantity], w: Word) -> Quantity | None:
    """The percent of turnover a short-selling amount makes: "Short sales totalled HK$38.6
    billion, or 17.4% of the market's turnover"; "沽空金額352.6億元，佔大市成交16.8%"."""
    for q in quantities:
        if q.kind != "pct" or q.start < w.end or q.start - w.end > _REACH:
            continue
        if _SHARE_OF_TURNOVER_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW) or _SHARE_OF_TURNOVER_BEFORE.search(
            folded, max(w.end, q.start - _SHARE_OF_BEFORE_REACH), q.start
        ):
            return q
    return None


def _translated_beishui(folded: str, w: Word, words: list[Word]) -> bool:
    """English "northbound capital" with no word of the mainland market in its sentence: in
    Hong Kong copy translated from Chinese this is 北水 (money from the north), which is the
    southbound flow. Real northbound flows are said to buy A-shares, Shanghai or Shenzhen, are
    counted in yuan ("northbound net sell RMB2.17bn"), or stand beside the southbound flow (in
    the sentence; the caller asks first whether the report says "southbound" itself anywhere)."""
    if not folded[w.start:w.end].isascii() or _LINK_AFTER.match(folded, w.end, w.end + _MATCH_WINDOW):
        return False  # ("the northbound channel", "northbound link": the link into the mainland)
    return not any(_has(x, "mainland_market") or _has(x, "southbound") for x in words) and not _YUAN_AFTER.search(
        folded, w.end, w.end + _REACH
    )


# The shorthand of a magnitude written joined to its figure ("9.1bn", "850m"): in a flow's
# clause, money (a count of shares says "shares", which _SHARES_AFTER catches).
_BN_ABBREVIATION = patterns.compile(r"\d\s?(?:bn|b|mn|m)$")
# English pronouns that name one company's shares ("its shares", "the company's stock").
_ONE_COMPANYS = ("its ", "the company's ", "the company’s ")
# After "northbound": the Stock Connect link itself is named, not money from the north.
_LINK_AFTER = patterns.compile(r"\s(?:channel|link|stock\sconnect|connect)\b")
# The mainland's currency after a flow keyword: a northbound flow is counted in it. ("yuan"
# alone is not enough: translated copy renders a Hong Kong 億元 as "billion yuan".)
_YUAN_AFTER = patterns.compile(r"\b(?:rmb|cny|renminbi)|人民[幣币]")
# Right after a flow keyword: the figure is not given ("北向 n/a", "Northbound: N.A.").
_NOT_GIVEN_AFTER = patterns.compile(r"\s{0,3}[:：]?\s{0,3}(?:n/a\b|n\.a\.|不適用|不适用|休市|暫停|暂停)")
# An other-period word this close after a flow's amount dates it ("HK$38bn net for the week").
_PERIOD_AFTER_AMOUNT = 12
_ANY_BREAK = patterns.compile(r"[,，;；。、]")


def extract_market(
    prep: Prepared, lexicon: Lexicon, entities: list[Any], yesterday_is_report_day: bool = False,
    report_weekday: int | None = None,
) -> Market:
    """The day's market-wide figures. ``yesterday_is_report_day``: the report is a morning
    recap, whose "yesterday" figures are the day's; ``report_weekday`` (Monday 0): the day's
    weekday, when known, so that another weekday's line is not the day's."""
    market = Market()
    folded = prep.folded
    from hkwrap.text.spans import Overlaps, SpanIndex

    found = SpanIndex(entities)
    legs: dict[tuple[str, int], tuple[tuple[float, str, str], Any]] = {}
    pending: tuple[str, int, int, Any] | None = None  # one breadth count, its sentence's end
    # whether the turnover taken was called the market's (大市成交, 主板成交額, "market
    # turnover"): one so called replaces a bare 成交額 taken before it, which may be a stock's
    turnover_named_market = False
    turnover_half_day = False  # the turnover held was said to be the half day's ("半日成交1,023億元")
    foreign = _ForeignParagraphs(prep, lexicon)
    says_midday = _SaysMidday(folded)
    may_give_ratio = any(head in folded for head in _ratio_heads())
    says_southbound = "southbound" in folded  # (read once: a northbound word may recur on every line)
    # (a correction's withdrawn figure is looked for only in a text with a misprint's word)
    corrects = any(word in folded for word in WITHDRAWN_MARKS)
    for start, end in prep.sentences:
        words = prep.words(lexicon, start, end)
        slash = folded.find("/", start, end) >= 0  # ("Adv / Dec: 612 / 1,204": labels of its own)
        roles = frozenset().union(*map(_ROLES_OF, words))
        if not roles & _MARKET_ROLES and not (slash or roles & _UP_DOWN):
            pending = None
            continue  # no market word, and no ratio of counts can be here
        raw = prep.quantities(start, end)
        if not raw:
            pending = None
            continue
        # whether the sentence gives a ratio of counts: searched for only when a test below
        # needs it (most sentences are settled without), on the sentence's own words
        ratio: bool | None = None
        sentence_roles = roles
        if not roles & _KEY_ROLES and not slash and not any(map(_countable, raw)):
            ratio = _ratio_said(folded, start, end, sentence_roles, slash, may_give_ratio)
            if not ratio:
                # no keyword, and breadth has nothing to read (see below): the sentence's figures
                # need not be sorted out
                pending = None
                continue
        # numbers inside a security's name or code ("BYD (01211)") are not figures
        here = found.within(start, end)
        subjects = [e for e in here if getattr(e, "role", "subject") == "subject"]
        names = Overlaps([(e.start, e.end) for e in here]) if here else None
        index_names = [(w.start, w.end) for w in words if role_kind(w.roles, "index") is not None]
        # (nor the code printed bare after a name: "快手 1024 平盘")
        # (each test's cheap half first: a bracket before the number, a name in the sentence)
        quantities = [
            _labelled(folded, q) for q in without_codes_after_names(folded, raw, here, start, end)
            if not (names and names.overlaps(q.start, q.end))
            and not ((q.start == 0 or folded[q.start - 1] in _OPEN_BRACKETS) and _BRACKETED_CODE.fullmatch(folded, q.start - 1, q.end + 1))
            # (nor the number of an index's name: "日经225指数", "沪深300指数", "CSI 300 index")
            # (a name's first character, at the figure's end or after one space, before the pattern)
            and not (
                not _INDEX_NAME_FIRST.isdisjoint(folded[q.end:q.end + _INDEX_NAME_FIRST_AT])
                and _INDEX_NAME_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW)
            )
            and not (index_names and any(a <= q.start and q.end <= b for a, b in index_names))
            # (nor a figure a correction withdraws: "大市成交額誤寫為2,785億港元，應為2,587億港元")
            and not (corrects and WITHDRAWN_BEFORE.search(folded, max(start, q.start - WITHDRAWN_BEFORE_REACH), q.start))
        ]
        if not quantities:
            pending = None
            continue
        if not roles & _MARKET_ROLES:
            if ratio is None:
                ratio = _ratio_said(folded, start, end, sentence_roles, slash, may_give_ratio)
            if not ratio:
                pending = None
                continue  # nothing here is a market figure
        blue_chip = "blue_chip" in roles
        ev = prep.evidence(start, end)
        # (what dates or frames a keyword is read only in a sentence that has one: most hold
        # breadth's words alone, "rose", 升)
        keys = [w for w in words if w.roles & _KEY_ROLES] if roles & _KEY_ROLES else []
        if keys:
            # (the words are looked through only when the sentence has a word that dates: most have none)
            other_period = []
            if not roles.isdisjoint(_DATING_ROLES):
                asides = [m.span() for m in _RELATIVE_ASIDE.finditer(folded, start, end)]
                other_period = [
                    w for w in words
                    if (w.roles & _OTHER_PERIOD_ROLES or ("yesterday" in w.roles and not yesterday_is_report_day))
                    # (not inside a relative clause: "southbound investors, who have been the most
                    # reliable buyers this year, were net sellers of HK$1.1 billion")
                    and not any(a <= w.start < b for a, b in asides)
                ]
            other_days = _other_weekdays(words, report_weekday) if not roles.isdisjoint(_WEEKDAY_ROLES) else []
        for w in keys:
            if other_days and _in_day_frame(folded, w, other_days, report_weekday):
                continue  # "周一：恒指收21,248.6点，……成交1,856亿港元" in Friday's weekly: Monday's
            # "大市半日成交1,023億元，全日成交2,180億元": the full day's, said after the half
            # day's in one sentence, is the day's
            full_day_word = turnover_half_day and _day_part_before(folded, w, "full_day", start)
            if (
                "turnover" in w.roles
                and (_open(market.turnover) or _half_day(says_midday, market, "turnover", start, end) or full_day_word)
                and not _stale(w, other_period) and not _period_opens_sentence(folded, start, w, other_period)
                and not any(0 <= w.start - x.end <= _WORD_BEFORE_REACH and x.roles & _OTHER_TURNOVER for x in words)
            ):
                # One stock's turnover: a security named earlier in the same clause, unless
                # the keyword says it is the market's ("market turnover", 大市成交).
                clause_start = max(
                    [start] + [m.end() + start for m in _CLAUSE_BREAK.finditer(folded[start:w.start])]
                )
                if _CONJUNCTION_BEFORE.search(folded, max(start, w.start - _CONJUNCTION_REACH), w.start):
                    clause_start = w.start  # "HKEX gained 1.5% as turnover picked up to HK$247.6 billion"
                market_word = any(
                    0 <= w.start - x.end <= _WORD_BEFORE_REACH and "market_subject" in x.roles for x in words
                ) or _has(w, "market_subject")
                stock_before = any(clause_start <= e.start < w.start for e in subjects) or any(
                    # "该股……成交额约54.6亿港元" (a Chinese 該股; "shares" in English is the market's
                    # too, but not "its shares": "HK$14.6 billion worth of its shares changed hands")
                    x.end <= w.start and "pronoun" in x.roles
                    and (not folded[x.start:x.end].isascii() or folded.startswith(_ONE_COMPANYS, x.start))
                    for x in words
                )
                # "成交最活躍的股份為騰訊，成交額達96.3億元": the most traded stock's turnover
                most_active = subjects and any(x.end <= w.start and "most_active" in x.roles for x in words)
                if (stock_before or most_active) and not market_word:
                    continue
                if any(0 <= x.start - w.end <= 1 and "most_active" in x.roles for x in words):
                    continue  # "全日成交最活躍": the turnover word only ranks the stocks
                if _ONE_COUNTER_AFTER.match(folded, w.end, w.end + _MATCH_WINDOW):
                    continue  # "Turnover in the counter reached HK$5.9 billion": one stock's
                if not market_word and _words()["side"].search(folded, max(start, w.start - _SIDE_REACH), w.start):
                    continue  # "港股通(沪)：净买入52.18亿港元｜买入成交额331.27亿": the link's buying
                if not market_word and in_index_card(prep, lexicon, w.start):
                    continue  # "  成交额：402.15亿港元" indented under "恒生指数：16,961.54": the index's own
                if any(
                    x.end <= w.start and "modal" in x.roles and not any(x.end <= q.start < w.start for q in quantities)
                    for x in words
                ):
                    # "預料午後成交仍然偏淡，全日成交或只有約1,100億元": a forecast (a modal word governs
                    # its sentence up to a figure: "could not hold 20,000, and turnover was …" is a fact)
                    continue
                if "respectively" in roles and _respective_amounts(folded, quantities, words, w):
                    continue  # "volumes on the 24th to 26th were 242.3, 254.8 and 302.9 billion respectively"
                def turnover_amount(q: Quantity, w: Word = w, words: list[Word] = words) -> bool:
                    # "大市成交明顯放大，南向資金淨流入88億元": the amount is the flow's
                    flow_between = any(w.end <= x.start < q.start and x.roles & _FLOW_ROLES for x in words)
                    return _money(q, folded) and q.value >= _MIN_TURNOVER and not flow_between

                q = _after(folded, quantities, other_period, w, turnover_amount) or _money_before(
                    folded, quantities, w, words
                )
                if q is not None:
                    q = _refined(folded, quantities, words, q)
                    found_amount = Amount(q.value, q.currency or "HKD", _qualifier(words, q), ev)
                    later = (
                        _half_day(says_midday, market, "turnover", start, end) or _full_day_after(folded, market, "turnover", start, end)
                        or full_day_word
                    ) and q.value > market.turnover.value
                    named_over_bare = market_word and not turnover_named_market and market.turnover is not None
                    if later or named_over_bare or _better_restatement(market.turnover, found_amount):
                        market.turnover = found_amount
                        market.evidence["turnover"] = ev
                        turnover_named_market = market_word
                        turnover_half_day = _day_part_before(folded, w, "midday", start)
            for role in ("southbound", "northbound"):
                if not _has(w, role) or _stale(w, other_period, folded) or _period_opens_sentence(folded, start, w, other_period):
                    continue
                if role == "northbound" and not says_southbound and _translated_beishui(folded, w, words):
                    role = "southbound"
                current = getattr(market, role)
                # the half day's flow, then the full day's: the later one is the day's
                # (said in the sentence, or in its paragraph's heading: "16:10 港股收市" over
                # "港股通南向淨流入52.3億元")
                later_in_day = (_half_day(says_midday, market, role, start, end) and (
                    _words()["full_day"].search(folded, foreign.span(start)[0], end) is not None
                    # (or a flash series' later entry after "截至目前…净买入逾30亿": no longer "so far")
                    or not says_midday(start, end)
                )) or _closing_update(prep, market.evidence.get(role), start)
                if _NOT_GIVEN_AFTER.match(folded, w.end, w.end + _MATCH_WINDOW):
                    continue  # "南向 净买入 52.3亿 HKD，北向 n/a": no figure for this one
                if _open(current) or later_in_day:
                    flow = _flow(folded, quantities, other_period, words, subjects, w)
                    if flow is None:
                        continue
                    # (up to the figure after the word, in digits or in Chinese numerals:
                    # "滬股通同深股通合共淨賣出二十一億元")
                    digit = _DIGIT.search(folded, w.end)
                    said = next((q.start for q in quantities if q.start >= w.end), None)
                    figure_at = [x for x in (digit.start() if digit else None, said) if x is not None]
                    upto = min(figure_at) if figure_at else w.end
                    # 滬股通 beside 深股通 is one leg; alone (before Shenzhen Connect, 2016) the flow
                    leg_word = _words()["leg"]
                    one_leg = _LEG.match(folded, w.end, w.end + _LEG_REACH) or (
                        leg_word.fullmatch(folded, w.start, w.end)
                        and any(x is not w and leg_word.fullmatch(folded, x.start, x.end) for x in words)
                    )
                    if one_leg and not _words()["total"].search(folded, w.end, upto):
                        # 港股通(沪) / 港股通(深): one leg of the flow; the legs add up unless
                        # the report gives the total
                        legs.setdefault((role, w.end), (flow, ev))
                        continue
                    found_flow = Amount(*flow, ev)
                    if later_in_day or _better_restatement(current, found_flow):
                        setattr(market, role, found_flow)
                        market.evidence[role] = ev
            if _has(w, "short_sale") and market.short_selling_ratio is None:
                share = _short_share(folded, quantities, w)
                if share is not None:
                    market.short_selling_ratio = share.value
                    market.evidence["short_selling_ratio"] = ev
            if _has(w, "short_ratio") and market.short_selling_ratio is None:
                q = _after(folded, quantities, other_period, w, lambda q: q.kind == "pct", 40)
                between = folded[w.end:q.start] if q else ""
                if (q is not None and not lexicon.scan(folded, w.end, q.start)) or (
                    q is not None and not any(
                        r.startswith("index:") for x in lexicon.scan(folded, w.end, q.start) for r in x.roles
                    ) and "for" not in between
                ):
                    market.short_selling_ratio = q.value
                    market.evidence["short_selling_ratio"] = ev
        if blue_chip:
            # "上涨股份410只，下跌股份1,425只，…恒指成份股中仅11只收涨": the constituents' clause
            # counts constituents; the clauses before it still count the market
            first = min(w.start for w in words if "blue_chip" in w.roles)
            # (at the clause break nearest it: "，平收874隻；82隻恒指成份股中…" keeps 平收874隻)
            cut = max(folded.rfind(mark, start, first) for mark in _CLAUSE_MARKS)
            if cut > start:
                words = [w for w in words if w.end <= cut]
                quantities = [q for q in quantities if q.end <= cut]
                roles = frozenset().union(*(w.roles for w in words))
                blue_chip = False
        # (_breadth finds nothing without a whole number, a slash or a ratio of counts, which
        # ``ratio`` searched the sentence for: nine in ten of the sentences it would read, "rose
        # 1.2%". The cheap test before the paragraph's market is looked up.)
        # (a breadth word with a whole number or a slash, else a ratio of counts)
        if blue_chip:
            breadth = False
        elif roles & _BREADTH_ROLES and (slash or any(map(_countable, quantities))):
            breadth = True
        else:
            if ratio is None:
                ratio = _ratio_said(folded, start, end, sentence_roles, slash, may_give_ratio)
            breadth = ratio
        if breadth and not foreign.of(start):
            single = _breadth(market, folded, words, quantities, ev)
            # a script says one count a sentence ("全日升五百六十二隻。跌一千二百二十五隻。"):
            # two such sentences in a row make the pair
            if (
                single is not None and single[0] == "unchanged" and pending is None
                and market.advancers is not None and market.decliners is not None and market.unchanged is None
            ):
                market.unchanged = single[1]  # the third line after a pair: "無升跌　486隻"
                market.evidence["unchanged"] = ev
                single = None
            if single is not None and pending is not None and start - pending[2] <= _SCRIPT_GAP and (
                single[0] != pending[0]
            ):
                for role, value, _, pev in (pending, (*single, end, ev)):
                    if getattr(market, role) is None:
                        setattr(market, role, value)
                        market.evidence[role] = pev
                single = None
            pending = (*single, end, ev) if single is not None else None
        else:
            pending = None
    for role in ("southbound", "northbound"):
        parts = [v for (r, _), v in sorted(legs.items()) if r == role]
        if len(parts) < 2:
            continue
        (_, currency, qualifier), ev = parts[0]
        total = Amount(round(sum(flow[0] for flow, _ in parts), 2), currency, qualifier, ev)
        current = getattr(market, role)
        # "净流入超50亿港元，其中港股通（沪）净买入32.1亿、（深）19.3亿": the legs restate a
        # rounded total more precisely
        if current is None or (current.qualifier != "exact" and _better_restatement(current, total)):
            setattr(market, role, total)
            market.evidence[role] = ev
    return market


def _ratio_said(folded: str, start: int, end: int, roles: frozenset[str], slash: bool, may_give_ratio: bool) -> bool:
    """Does the sentence at ``start:end`` (its words' ``roles``) give a ratio of counts
    ("个股涨跌比为695:1,102"), or slashed labels its words may not name ("Adv/Dec 611 / 1,190")?"""
    return (
        bool(roles & _UP_DOWN) and may_give_ratio and _names_a_ratio(folded[start:end])
        and _words()["ratio"].search(folded, start, end) is not None
    ) or (slash and _words()["slashed"].search(folded, start, end) is not None)


def _names_a_ratio(sentence: str) -> bool:
    """Does ``sentence`` hold the first word of a ratio's name (``_ratio_heads``)? The ratio
    pattern opens on one, and this test (str's own search, mapped in C) is about three times
    cheaper than the pattern's search over a sentence that holds none."""
    return any(map(sentence.__contains__, _ratio_heads()))


@lru_cache(maxsize=1)
def _ratio_heads() -> tuple[str, ...]:
    """The first word of each ratio name (``ratio_up``, ``ratio_down``: "gainers" of "gainers to
    losers", 涨跌比), folded, less those holding a shorter one. A text that holds none of them
    names no ratio of counts, and the ratio pattern is not tried on its sentences: trying it on
    every sentence with a word of rising or falling cost ~0.07 s per 120 reports."""
    w = data.load()["lexicon"]["market"]
    heads = {fold(x).split(" ")[0] for x in (*w["ratio_up"], *w["ratio_down"])}
    return tuple(sorted(h for h in heads if not any(o != h and o in h for o in heads)))


# A blank line: the end of a paragraph.
_PARAGRAPH_BREAK = patterns.compile(r"\n[ \t\u3000]*\n")
# A gauge of Hong Kong's own market among the other indices (sub-indices, Stock Connect indices).
_HOME_GAUGE = patterns.compile(r"hang\s?seng|恒生|分类|sub-?ind|港股通|香港")
# From a generic name ("the benchmark") to the other market's index it introduces.
_APPOSITION_REACH = 45


class _ForeignParagraphs:
    """Which paragraphs are about another market: they name another market's index (the
    KOSPI, the PSEi, the Shanghai Composite) and none of Hong Kong's. Their breadth ("gainers
    outnumbering losers 521 to 354") is that market's. Found on first need, once a paragraph."""

    def __init__(self, prep: Prepared, lexicon: Lexicon) -> None:
        self.prep, self.lexicon = prep, lexicon
        self.breaks: list[int] | None = None
        self.known: dict[int, bool] = {}

    def span(self, pos: int) -> tuple[int, int]:
        """The paragraph holding ``pos``: from after the blank line before it to the next."""
        folded = self.prep.folded
        if self.breaks is None:
            self.breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(folded)]
        k = bisect.bisect_right(self.breaks, pos)
        return self.breaks[k - 1] if k else 0, self.breaks[k] if k < len(self.breaks) else len(folded)

    def of(self, pos: int) -> bool:
        """Is the paragraph holding ``pos`` about another market?"""
        start, end = self.span(pos)
        if start not in self.known:
            self.known[start] = self._foreign(start, end)
        return self.known[start]

    def _foreign(self, start: int, end: int) -> bool:
        folded = self.prep.folded
        words = self.prep.words(self.lexicon, start, end)
        # (Hong Kong's own sub-indices are other gauges too: 恒生地產分類指數 is no other market)
        others = [w for w in words if "index:@other" in w.roles and not _HOME_GAUGE.search(folded, w.start, w.end)]
        if not others:
            return False
        for w in words:
            if w.roles & _FLOW_ROLES:
                return False  # Stock Connect: Hong Kong's side of the link
            if "hk_listing" in w.roles:
                return False  # "Main board turnover in Hong Kong was …": Hong Kong named
            ids = [r[6:] for r in w.roles if r.startswith("index:")]
            home = any(not i.startswith("@") or i in ("@market", "@derived") for i in ids)
            if home and not any(
                # "The benchmark Korea Composite Stock Price Index (KOSPI)": the benchmark named
                0 <= o.start - w.end <= _APPOSITION_REACH and not _ANY_BREAK.search(folded, w.end, o.start) for o in others
            ):
                return False
        return True


def _opens_label(folded: str, w: Word) -> bool:
    """Is breadth word ``w`` the head of a label whose count follows it ("下跌證券數目：1,188",
    "Declining securities: 1,188")?"""
    m = _words()["label"].match(folded, w.end)
    return m is not None and folded[m.end():m.end() + 1].isdigit()


# A breadth word this close after another is one heading with it ("升跌: 421 up ...").
_JOINT_GAP = 1


def _joint_heading(words: list[Word], w: Word) -> bool:
    """Is ``w`` the second word of a joint heading ("升跌:", "漲跌:"), which labels no one count?"""
    return any(
        x is not w and x.roles & _BREADTH_ROLES and 0 <= w.start - x.end <= _JOINT_GAP for x in words
    )


def _counted_noun(folded: str, at: int) -> bool:
    """Does a noun for what breadth counts ("stocks", 股份) follow a number at ``at``?"""
    m = _words()["label"].match(folded, at)
    return m is not None and bool(m.group().strip(" :："))


_BREADTH_ORDER = ("advancers", "decliners", "unchanged")


@lru_cache(maxsize=4096)
def _breadth_role(roles: frozenset[str]) -> str | None:
    """The first of advancers, decliners, unchanged among a word's roles (cached per set of roles)."""
    return next((r for r in _BREADTH_ORDER if r in roles), None)


# After a whole number: a month ("6月份單月跌了約2%"), not a count of stocks.
_MONTH_AFTER = patterns.compile(r"\s?月")
# After a list item's number opening its line: "1）恒指上半年累計上漲約3.9%", "2) ", "3. ".
_ITEM_MARK = patterns.compile(r"[)）.、]")


def _not_a_count(folded: str, q: Quantity) -> bool:
    """Is ``q`` a month or a list item's number rather than a count of stocks?"""
    if _MONTH_AFTER.match(folded, q.end):
        return True
    if _ITEM_MARK.match(folded, q.end) is None:
        return False  # (the line before the number is read only after an item's mark)
    line_start = folded.rfind("\n", 0, q.start) + 1
    return not folded[line_start:q.start].strip()


def _countable(q: Quantity) -> bool:
    """Can ``q`` be a count of stocks: a whole number, no magnitude (not "1.2 billion")?"""
    return q.kind in ("count", "num") and q.value == int(q.value) and not q.magnitude


def _breadth(
    market: Market, folded: str, words: list[Word], quantities: list[Quantity], ev: Any
) -> tuple[str, int] | None:
    """Advancers, decliners and unchanged: a count next to its word ("233 stocks rising",
    "上升股份 233 隻", "下跌 1592 只"). Needs at least two of the three in one sentence; a
    sentence that is only one counted figure ("全日升五百六十二隻。") is returned, for the
    caller to pair with the next sentence's."""
    found: dict[str, int] = {}
    counts = [q for q in quantities if _countable(q) and not _not_a_count(folded, q)]
    used: set[int] = set()
    # "上升/下跌: 1,056 / 798", "advancers/decliners/unchanged: 900/700/500"
    m = _words()["slashed"].search(folded, ev.start, ev.end) if folded.find("/", ev.start, ev.end) >= 0 else None
    if m:
        for role, group in (("advancers", "a"), ("decliners", "d"), ("unchanged", "u")):
            if m.group(group):
                found[role] = int(m.group(group).replace(",", ""))
        # (its counts are read: "Advances / Declines: 186 / 1,311 (unchanged 312)" gives 312 to
        # the word after them, not 1,311 again)
        used.update(q.start for q in counts if m.start() <= q.start < m.end())
    # "个股涨跌比为695:1,102": advancers first; "跌涨比": decliners first
    for m in _words()["ratio"].finditer(folded, ev.start, ev.end):
        a, b = (int(m.group(g).replace(",", "")) for g in ("a", "b"))
        if a + b < _MIN_BREADTH_PAIR:
            continue
        first, second = ("advancers", "decliners") if m.group("up") else ("decliners", "advancers")
        found[first], found[second] = a, b
        used.update(q.start for q in counts if m.start() <= q.start < m.end())
    # "Advancers outnumbered decliners by 1,412 to 688" / "decliners beat gainers 900 to 400"
    for m in _words()["outnumbered"].finditer(folded, ev.start, ev.end) if len(counts) >= 2 else ():
        pair = [q for q in counts if m.start() <= q.start < m.end()]
        if len(pair) == 2 and pair[0].value + pair[1].value >= _MIN_BREADTH_PAIR:
            first = "advancers" if m.group("first") in _up_nouns() else "decliners"
            second = "decliners" if first == "advancers" else "advancers"
            # the verb says which side is the larger, whichever order the counts come in:
            # "Advancers outnumbered decliners" (the first), "Advancers were outnumbered by
            # decliners 1,315 to 512" (the second)
            small, large = sorted(int(q.value) for q in pair)
            passive = _PASSIVE_OUTNUMBER.fullmatch(m.group("verb")) is not None
            found[first], found[second] = (small, large) if passive else (large, small)
            used.update(q.start for q in pair)
    # (each word's breadth role found once, not once for every count)
    counted = [(w, role) for w in words if (role := _breadth_role(w.roles)) is not None] if counts else []
    for q in counts:
        if q.start in used:
            continue
        best: tuple[int, str] | None = None
        for w, role in counted:
            if role in found:
                continue
            if w.end <= q.start:
                dist = q.start - w.end
                between = folded[w.end:q.start]
                if _COUNT_VERB.fullmatch(between) or (
                    _words()["label"].fullmatch(between) and not _joint_heading(words, w)
                ):
                    dist = 0  # "Gainers numbered 714", "advancers totalled 812", "上升證券數目：612"
                if dist > _BREADTH_WORD_BEFORE_REACH or _BREAK_OR_DIGIT.search(between):
                    continue
            elif w.start >= q.end:
                if _opens_label(folded, w) and not _joint_heading(words, w):
                    continue  # "612  下跌證券數目：1,188": the next label's word owns the count after it
                dist = w.start - q.end
                between = folded[q.end:w.start]
                venue = _COUNT_VENUE.match(between)
                if venue:
                    dist -= venue.end()  # "861 stocks in the Hong Kong stock market rose"
                if dist > _BREADTH_WORD_AFTER_REACH or _BREAK_OR_DIGIT.search(between) or "/" in between:
                    continue  # ("上升 Adv 1,087 / 下跌 Dec 702": a slash parts one label's count from the next)
            else:
                continue
            if best is None or dist < best[0]:
                best = (dist, role)
        if best is not None:
            found[best[1]] = int(q.value)
    if len(found) >= 2:
        for role, value in found.items():
            if getattr(market, role) is None:
                setattr(market, role, value)
                market.evidence[role] = ev
    elif len(found) == 1 and counts and all(c.kind == "count" for c in counts) and ev.end - ev.start <= _SCRIPT_SENTENCE and (
        # (one count, or a table's line giving today's first: "上升股份　1,322隻　806隻" under
        # "今日　上一交易日")
        len(counts) == 1 or next(iter(found.values())) == int(counts[0].value)
    ):
        return next(iter(found.items()))
    elif (
        set(found) == {"unchanged"} and len(counts) == 1
        and (counts[0].kind == "count" or _counted_noun(folded, counts[0].end))
        and market.advancers is not None and market.decliners is not None and market.unchanged is None
    ):
        # "decliners outnumbered advancers by 1,262 to 457. A further 846 stocks were unchanged."
        market.unchanged = found["unchanged"]
        market.evidence["unchanged"] = ev
    return None
