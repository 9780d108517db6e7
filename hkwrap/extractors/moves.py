"""Binding: turn a sentence's tokens into moves of indices and stocks.

A *move* is what one subject (or a list of subjects) did: a direction, percents, points, the
level or price it ended at, a turnover, a session. The rules read token types only:

- subjects joined by list words ("A, B and C", "A、B及C", "along with B") form one group;
- a direction word (rose / 跌) sets the sign of the numbers after it; a second direction word
  after a change starts a new move of the same group ("as much as 6% intraday before settling
  down nearly 3%");
- an approximate word right before a number is its qualifier (over 4%, 逾 400 點);
- a level word (to, at, 報, 收報) makes the next number the level (indices) or price (stocks);
- a threshold word (below, 跌穿) or a mark after the number (23000 關, the 5,500 level) makes
  it a mark crossed, not a move; "ranging from 1.8% to 2.9%" is a range, not a move;
- several numbers for several subjects pair up in order (respectively / 分別, or equal
  counts); one number for several subjects is shared;
- session words before a move carry forward in the sentence; right after a number they apply
  to it ("6% intraday", "3% at the close").
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

import regex

from hkwrap import patterns
from hkwrap.extractors.dates import full_day_named
from hkwrap.extractors.tokens import WEEKDAY_NUMBERS, Subject, Token
from hkwrap.numbers import Quantity
from hkwrap.text.lexicon import IndexScale, Word
from hkwrap.text.prepare import Prepared
from hkwrap.text.spans import MATCH_WINDOW as _MATCH_WINDOW
from hkwrap.text.spans import RELATIVE_ASIDE, RELATIVE_ASIDE_CHARS

# What may stand between two subjects of one list: commas, 、, and, 及, 和, 與 ...
_JOINER = patterns.compile(
    r"^(?:[,、/&.()$]|and|or|both|the|its|及|和|与|同埋|同|跟|以及|holdings|co|ltd|inc|corp|group|plc|limited|\s)*$"
)
# Between two names of a list: "and", then a short lower-case descriptor of the next name
# ("and handset-lens maker ", "and property developer ").
_AND_DESCRIPTOR = patterns.compile(r",?\s(?:and|or)\s(?:[a-z][a-z-]{1,20}\s){1,3}")
# A mark after a number: "23000 關", "the 5,500 level", "25,000-point mark".
_MARK_AFTER = patterns.compile(r"^\s?(?:关|关口|大关|水平|mark|level|handle|-point mark|point mark)")
# After a level: a side of it ("低見19,000點以下", "企穩18,800點以上"), a threshold too.
_SIDE_AFTER = patterns.compile(r"\s?(?:以下|以上|之下|之上)")
# A duration, not a level or price: "跌至逾 1 年低位", "a 3-month high", "52-week".
_DURATION_AFTER = patterns.compile(r"^\s?-?(?:年|个月|月|日|天|周|星期|years?\b|months?\b|weeks?\b|days?\b|sessions?\b)")
# Between a stock and an index named in its descriptor: ", the heaviest weight in the".
_DESCRIPTOR_CHARS = 120  # "..., the country's second largest bank which accounts for the third largest weighting of the"
_IN_DESCRIPTOR = patterns.compile(rf"[^.;:。；\d%]{{0,{_DESCRIPTOR_CHARS}}}\b(?:in|of|on|among|within|to)\s+(?:the\s+)?")
# Between a company and the index it led, lagged or beat, its object ("Meituan (3690.HK) led the index with a
# 5.85% surge"): the figures after are the company's.
_LED_OBJECT = patterns.compile(r"(?:\s?\([^()]{1,12}\))?\s(?:led|paced|lagged|trailed|outpaced|outperformed|underperformed|beat|tracked)\s(?:the\s)?")
# Between an index and the benchmark its appositive names: ", a sub-gauge of the benchmark,".
_INDEX_APPOSITIVE = patterns.compile(r",\s(?:a|an|one)\s[^,.;:。；\d%]{0,40}\b(?:of|in|within)\s+(?:the\s+)?")
# ", which " (or ", the country's second largest bank which ") up to a word in the clause
_RELATIVE_OPEN = patterns.compile(r",\s(?:[^,.;:。；]{0,60}\s)?(?:which|that|whose|who)\s[^.;:。；,]{0,40}")
# ... or in a relative clause, its weight there: ", which makes up around 10 percent of the".
# ... and another company named in a relative clause after a company's name, at its end
# (", which is majority-owned by ", ", which holds a stake in "): that company is an aside.
_STOCK_IN_RELATIVE = patterns.compile(r",\s(?:which|who)\s[^.;:。；,]{0,60}\b(?:by|of|in|from|with)\s+(?:the\s+)?")
# ... or anywhere in a relative clause closed by a comma before the move (", which followed
# HSBC in lowering its rate, dipped 0.8%"): that company is an aside too.
_RELATIVE_HEAD = patterns.compile(r",\s(?:which|who)\s[^.;:。；,]{0,60}")
_IN_RELATIVE = patterns.compile(r",\s(?:which|that)\s[^.;:。；]{0,60}\b(?:in|of|on|among|within|to)\s+(?:the\s+)?")
# After a percent: a span of several days it took ("around 10% over the past two weeks", "5% in
# the last three sessions", "over the July-to-September quarter"), not the day's move.
_SPAN_AFTER = patterns.compile(
    r",? ?(?:(?:lower|higher)\s)?(?:over|in|during|for|within)\s(?:the\s|that\s|those\s)?(?:(?:stretch|period|run|span)\b|(?:past|last|previous|prior)\s(?:[\w-]+\s){0,2}?"
    r"(?:days|weeks?|months?|years?|sessions|trading days|quarters?)|(?:[\w-]+\s){0,2}?quarter)\b"
)
# After a percent: the market it was made in, when that is New York's ("an 8% surge in U.S.
# stocks", "rose 3% in New York trading", "gained 2% overnight in the US").
_US_TRADING_AFTER = patterns.compile(
    r"\s(?:(?:surge|jump|rise|gain|drop|fall|slide|decline|rally|slump)s?\s)?(?:overnight\s)?"
    r"in\s(?:the\s)?(?:u\.s\.|us|new york|nasdaq|nyse|american)(?:\s(?:stocks|trading|shares|markets?|session|hours))?(?![a-z])"
)
# A sentence opening on a span of several days frames all of it.
_SPAN_OPENING = patterns.compile(
    r"\s{0,8}(?:over|in|during|for|within)\s(?:the\s)?(?:past|last|previous|prior)\s(?:[\w-]+\s){0,2}?"
    r"(?:days|weeks?|months?|years?|sessions|trading days)\b"
)
_FROM_WHERE_AFTER = patterns.compile(r"\s(?:lower\s|higher\s)?from\s(?:where|before)\b")
# After a percent: the whole of a span it sums ("3.8 percent in total", "cumulatively").
# After a price: a bond's, quoted against its face value ("41 cents on the dollar").
_ON_THE_DOLLAR = patterns.compile(r"\s(?:on|to)\sthe\sdollar\b")
# After a percent: the room left to a target ("24%的上涨空间", 下行空间).
_ROOM_AFTER = patterns.compile(r"\s?(?:的)?(?:上涨|上升|下跌|上行|下行)空间")
# After points: the percent they are restated as ("1,000 points or 4.4 percent").
_PCT_PAIR_AFTER = patterns.compile(r",?\s(?:or\s)?\(?[\d.]{1,8}\s?(?:%|percent|per\scent)\)?")
_TOTAL_AFTER = patterns.compile(r",?\s(?:in total|in all|altogether|cumulatively|combined|along the way)\b")  # "4.4 percent along the way": over a streak
# After a percent: the change of a company's results ("rise in interim net profit").
_RESULTS_AFTER = patterns.compile(
    r" ?(?:rise|jump|increase|gain|growth|fall|drop|decline|slump)s? in (?:its |their |the )?"
    r"(?:[a-z-]+ ){0,3}?(?:profit|profits|earnings|revenue|revenues|sales|income|dividend|margin)s?\b"
)
# After a percent: how far it stands from a peak or trough ("35% from 24 September to Monday's
# high"), not the day's move.
_FROM_PEAK_AFTER = patterns.compile(
    r" ?(?:below|above|off|from|under|short of|since(?: hitting| reaching| touching)?) (?:its|the|a|their)? ?[\w '’-]{0,30}?\b(?:high|low|highest|lowest|peak|record|top|bottom|trough)s?\b"
)
# Before a figure in its sentence: the move counted from a past peak or trough ("since the
# October low the HSI is up ~18%", "since its March trough"), not the day's.
_SINCE_EXTREME_BEFORE = patterns.compile(
    r"\bsince (?:its|the|a|their) [\w '’-]{0,30}?\b(?:high|low|highest|lowest|peak|trough|bottom|top)s?\b"
)
_DAY_AFTER_MONTH = patterns.compile(r"\.?\s(?:[0-3]?\d|(?:19|20)\d\d)\b")  # "May 14", "May 2025"
_DAY_BEFORE_MONTH = patterns.compile(r"\b[0-3]?\d\s$")  # "14 May"
_DAY_MONTH_BEFORE = patterns.compile(r"\b[0-3]?\d\s[a-z]{3,9}\.?,?\s$|\b[a-z]{3,9}\.?\s[0-3]?\d,?\s$")  # "24 October 2008"
_DAY_OF_MONTH_AFTER = patterns.compile(r"\s?([12]\d|3[01]|0?[1-9])日(?![均线内])")  # "恒生指數23日漲"
_MORNING_REACH = 16
_CLOCK_AFTER_ZH = patterns.compile(r"\s?(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s?(?:时|点)(?:[半正]|\d{1,2}分|[一二三四五]十[一二三四五六七八九]?分)?(?![\d零〇一二两三四五六七八九])")  # "to close Tuesday's morning session": a weekday's possessive between
# The sessions a list of index moves in clauses shares ("恒指半日升85點；國指升0.51%"): the
# readings of a report's set times (an intraday extreme or the open is the first index's own).
_LIST_SESSIONS = frozenset({"midday", "close"})
_LIST_CLAUSE_BREAK = patterns.compile(r"[;；]")
# Right before a figure: a share of a move ("貢獻了恒指升幅的約四成", "跌幅的一半"), not a move.
_SHARE_OF_MOVE_BEFORE = patterns.compile(r"(?:涨幅|跌幅|升幅|增幅|跌势|升势|涨势)的(?:约|近|逾|超过|超|大约|接近|将近)?\s?$")
_SHARE_OF_MOVE_REACH = 6  # 幅的 and an approximate word of up to two characters
_CONTRIBUTION_FIGURE = patterns.compile(r"\s?(?:约|近|逾|超过|超|达)?\s?[\d一二两三四五六七八九十百千]")
# Right after another day's word: a noun that day owns (上日的反彈, "yesterday's rally"); a
# trend noun owns it even without 的 (承接昨日跌勢, 延續上日升勢).
_POSSESSIVE_AFTER = patterns.compile(
    r"的(?:反弹|升势|跌势|涨势|升幅|跌幅|走势|强势|弱势|急升|急跌|大升|大跌)|(?:升势|跌势|涨势|走势|强势|弱势|颓势|升浪|跌浪)"
)
# Right after a figure, a link to what came next: "…200點後今日", "lost 0.7% so today ..."
_AFTER_THEN = patterns.compile(r"(?:点|點)?\s?(?:后|之后|以后)|\s(?:so|but|before|while|whereas|and then)\s")
_ALERT_AFTER = patterns.compile(
    r"\s?(?:就)?(?:会|将)?(?:通知|提醒|提示)"
    # or a trade it sets off: "腾讯到420就卖一半", "跌穿100就买"
    r"|\s?就(?:卖|买|沽|入货|出货|走人|止赚|止蚀|止损|加仓|减仓|清仓|加注)"
)
_SWING_BEFORE = patterns.compile(r"(?:振幅|波幅)(?:达到|达|为|约|近|接近|逾|超过|超)?\s?$")
# A percent this close after a turnover word is the turnover's change ("成交縮減12%",
# "volume down 22%"), not the subject's.
_TURNOVER_PCT_REACH = 12
# At most this much between a direction word or a percent and the money change after it.
_CHANGE_GAP = 5
# A debut's percent against its offer price: "16.4 per cent above the HK$263 offer price".
# Right before a percent: the offer price it is measured against, and the side ("較招股價仍高", 较发行价折让).
_VS_OFFER_BEFORE = patterns.compile(
    r"较(?:招股价|发售价|上市价|发行价)(?:上限|下限)?(?:仍|还|尚|仍然)?(高出|高|低|溢价|折让)(?:约|逾|近|超)?\s?$"
)
_VS_OFFER_REACH = 16  # 較招股價上限仍然高出約
_VS_OFFER_AFTER = patterns.compile(
    r"\s(above|over|higher than|premium to|below|under|lower than|discount to)\s(?:the\s|its\s)?(?:hk\$\s?[\d.,]+\s)?(?:offer|ipo|listing|issue)\sprice"
)
# An amount named as the offer price right after it ("the HK$202.50 offer price"): not a price
# the stock traded at.
_OFFER_PRICE_AFTER = patterns.compile(r"\s(?:offer|ipo|listing|issue|placing|subscription)\sprice")
# A live blog's time at the start of an entry, and how many entries back an index named may
# still be the subject of an entry that opens on a level word ("Day's high so far: ...").
_TIME_STAMP = patterns.compile(r"\s*\d{1,2}:\d{2}\s+")
_STAMPED_CARRY = 3
# Continuous trading in Hong Kong: 09:30 to the 16:00 close (an entry timed in these hours
# with no session word is a reading of the moment).
_TRADING_FROM, _TRADING_TO = (9, 30), (16, 0)
_LUNCH_FROM, _LUNCH_TO = (12, 0), (13, 0)  # the midday break
_STAMP_LINE = patterns.compile(r"\s*([01]?\d|2[0-3]):([0-5]\d)\s*")
# A subjectless sentence of figures continues the subject named this many sentences back when
# the sentences between hold no figure ("恒指收報24,099點。今日收復失地。最高升過二百點"): a
# remark between does not change the topic.
_QUIET_CARRY = 2
# A quote page's figures line may stand this many lines under the index's name (a delay note,
# a currency line between).
_QUOTE_CARRY = 3
# A debut round-up's "今日表現：" line may stand this many lines under the listing's heading
# (its offer price, lot size and grey-market lines between).
_PERFORMANCE_CARRY = 4
# A morning note's stock card gives the day reported as 昨收 ("評級：買入　昨收：80.15元（升3.1%）").
_CARD_CLOSE = patterns.compile(r"昨收\s?[:：]")
# A line's label for the day's trading of the security above it: "今日表現：", "首日表現：",
# "Debut:", "Today's trading:".
_PERFORMANCE_LABEL = patterns.compile(
    r"\s{0,8}[*•·-]?\s{0,4}(?:今日|首日|全日|上市首日|挂牌首日)表现\s?[:：]|\s{0,8}(?:today(?:'s (?:trading|performance))?|debut|first day)\s?:"
)
# Before a weekday in its clause: an event due on that day, not a frame of the figures
# ("ahead of its interim results on Monday", "will report on Tuesday", 將於周一公布).
_AHEAD_OF = patterns.compile(
    r"(?:\bahead\sof|\bdue\b|\bwill\b|\bscheduled\b|\bslated\b|\bexpected\sto\b|将于|将在|将会)[^.;,，；。]*$"
)
# Right before a period word: a plan for then ("计划本周", "拟下月", 准备下周).
_PLANNED_FOR = patterns.compile(r"(?:计划|拟|将于|准备|打算|预定)\s?$")
_AHEAD_REACH = 40  # the event named between the word and its day ("ahead of its interim results on")
# A descriptor of a company before its name ("上月完成合併後掛牌的"): at most this long.
_DESCRIPTOR_REACH = 16
# "分別跌0.6%及升1.4%": a direction word this close after a list's figure signs the next one.
_LIST_DIRECTION_GAP = 3
# Before another listing's name, a word that makes it a companion, not the sentence's frame.
_COMPANION_BEFORE = patterns.compile(r"\b(?:alongside|along with|together with|following|tracking|like|with)\s$|(?:跟隨|跟随|隨|随|跟|承接|追随|受)\s?$")
_LOOKBACK_WORD = 12  # the longest of those words and its space
# A sentence opening on "the company" goes on about the stock just named.
_COMPANY_OPENING = patterns.compile(r"\s{0,8}(?:该公司|公司|该集团|集团|the company\b|the group\b)")
# After a weekday: the day something starts (周三起, "from Wednesday"), not a frame of figures.
_FROM_DAY_AFTER = patterns.compile(r"\s?(?:起|开始)")
# A direction word that reverses the move before it (倒跌, 轉升, "reversed", "turned lower").
_REVERSAL = patterns.compile(r"倒|转|reversed|reversing|turned|turning")
_HEADING_CHARS = 60  # a line this short, with no figure, may head the list under it
_PCT_SIDE_AFTER = patterns.compile(r"\s?(?:或)?(以上|以下)")  # a percent's side after it: 升3%以上
_AFTER_EVENT_ZH = patterns.compile(r"[^,;。]{0,12}?(?:之后|后)")  # folded: 後 is 后
# (and a quote page's ticker in brackets: "Hang Seng TECH (^HSTECH)   4,791.07   -1.66%",
# a word for now: "HSI 而家 23,580", "HSI now 23,580")
_NAME_LEVEL_GAP = patterns.compile(
    r"\)?[\s:]*(?:\(\^?[a-z0-9.]{2,12}\)[\s:]*)?(?:(?:close|closing|last|final|now|而家|依家|宜家|现在|现时|目前)\s?:?\s*)?"
    r"(?:\.{3,}\s*)?"  # (or a dot leader: "HSI ........ 19,220.62")
)
_TRADING_DAYS = 5  # Monday to Friday: the session before Monday's is Friday's
_ONE_DAY_BASE = patterns.compile(r"(?:previous|prior|last)\s(?:trading\s)?(?:day|session|close)|yesterday|上日|昨日|前日|上一")
_FROM_BASE_BETWEEN = patterns.compile(r"\b(?:from|than|versus|vs)\b|较|比")
# A move noun right after a percent signs it: "held up better, with a 5.9% decline".
# (perhaps with the session the move came in between: "a 2.5% morning loss")
_NOUN_SESSION = r"(?:\s(?:morning|early|earlier|intraday|opening|initial|afternoon))?"
_NOUN_DOWN_AFTER = patterns.compile(_NOUN_SESSION + r"\s(?:decline|drop|fall|slide|loss|slump|plunge|retreat|decrease)s?\b")
# A comparative right after a percent: the percent is a change, whatever verb came before it.
_COMPARED_AFTER = patterns.compile(r"\s(?:lower|higher|weaker|firmer|stronger|softer|down|up)\b")
_NOUN_UP_AFTER = patterns.compile(_NOUN_SESSION + r"\s(?:gain|rise|jump|rally|advance|increase|climb|surge)s?\b")
# Before a percent told as a noun, the move it turned from ("recovered from a 2.5% morning loss
# to finish 1.6% higher", "swung from a 5% loss to close 2.2% higher"): an earlier extreme.
_FROM_BEFORE = patterns.compile(r"\bfrom\s(?:an?\s|its\s|their\s)?$")
_FROM_REACH = 12  # "from their " and a space
# A correction notice quotes the figure printed in error, then the right one: "跌「3.5%」，應為
# 跌4.5%", "收報「22,921.82點」，數字有誤，正確應為…", "「9.1%」 should read 8.1%".
_WITHDRAWN_AFTER = patterns.compile(
    r"[」\"”'’]\s?[,，]?\s?(?:数字有误\s?[,，]?\s?|有误\s?[,，]?\s?)?(?:正确)?(?:应为|应是|should\sread|should\shave\sread|should\sbe)"
)
_WITHDRAWN_REACH = 16  # the closing quote, 数字有误, 正确应为
_METRIC_REACH = 16  # a metric word and its percent: "yield of around " and a space
_EVENT_BETWEEN = patterns.compile(r"\b(?:after|before|following|ahead of)\b")
_OF_BY = patterns.compile(r"\s(?:of|by)\s")  # between a move word and its points
_SHARE_OF_BETWEEN = patterns.compile(r"\sof\s(?:the\s)?")  # "299.38 points of yesterday's collapse"
_CLAUSE_BREAK_STRONG = patterns.compile(r"[;；]")  # a clause of its own, not a comma's aside
# Small patterns of the binder's hot paths, compiled once.
_PARAGRAPH_BREAK = patterns.compile(r"\n[^\S\n]*\n")  # a blank line
_NEAR_BREAK = patterns.compile(r"[,;。]")  # a clause break between a word and its figure
_PERIOD_AFTER_BREAK = patterns.compile(r"[,;。(]")
_RIGHT_AFTER_BREAK = patterns.compile(r"[,;。、]")
_CLAUSE_OPENER = patterns.compile(r"[\s,;:]*(?:[-*•▪·]\s)?(?:and|but|while|whereas|with|as|when)?\s*")  # (after a bullet too)
# A speaker's label opening a line of a Q&A or a transcript: "答：", "A:", "Analyst: ".
_SPEAKER_LABEL = patterns.compile(r"[ \t]{0,8}(?:答|问|a|q|主持|嘉宾)\s?[:：][ \t]{0,8}")
# HKEX's blocks of codes for derivative warrants and CBBCs (10000-29999, 47000-48999 inline
# warrants, 50000-69999 CBBCs): what 該證 and "the warrant" may refer to.
_DERIVATIVE_CODES = ((10000, 29999), (47000, 48999), (50000, 69999))


def _day_number(figure: str) -> int:
    """A month's or a day's number, written in digits or Chinese numerals (十月, 八號)."""
    if figure.isdigit():
        return int(figure)
    from hkwrap.numbers import parse_zh_numeral

    return int(parse_zh_numeral(figure) or 0)


def _derivative_code(code: str) -> bool:
    return code.isdigit() and any(lo <= int(code) <= hi for lo, hi in _DERIVATIVE_CODES)


_AT_SIGN_PRICE = patterns.compile(r"\s?@\s?")
_PCT_THEN_PRICE = patterns.compile(r"[\s,@(（]*")
# Before a year that frames a figure: "in 2023", "ending 2024 up 17.7%", "closed 2023 down 14%".
_YEAR_VERBS = r"ending|ended|end|closing|closed|finishing|finished"
_YEAR_FRAME_BEFORE = patterns.compile(rf"\b(?:in|for|since|of|during|{_YEAR_VERBS})\s$")
_YEAR_WORD_REACH = 10  # the longest of those words and its space ("finishing ")
_THE_ITS = patterns.compile(r"\s*(?:the|its)?\s*")
# Small windows of the binder, in characters (a Chinese word is 2-4 characters, an English one
# 3-10; a space or a punctuation mark between two tokens is 1-2):
_TOUCHING = 1  # two words written together ("午收" then "收報")
_ADJACENT = 2  # two tokens with at most a space and a mark between
# "跌幅一度扩大至约1,440点": how far the size word (跌幅, 升幅) may stand before its figure, with
# 一度, 扩大, 至 and 约 between; and how such a word ends (a direction word naming the size).
_SIZE_WORD_REACH = 12
_SIZE_NOUN_END = "幅"
# A call price's or strike's word reaches a zone of two levels after it ("收回價在16,900點至17,099點").
_REFERENCE_ZONE_REACH = 24
_LEVEL_WORDS_TO_PRICE = 2  # "was" + "at" between a pronoun and its price
_LEAD_WORDS = 3  # session and qualifier words before a subjectless sentence's verb ("盘中一度跌")
_OPENS_REACH = 3  # a word that opens its sentence or clause, or a qualifier right before its figure
_THRESHOLD_REACH = 6  # a threshold word and its figure ("above 20,000", "跌穿 25000"); 幅 before a level
_LOOKBACK = 8  # a short word or two before a token ("比上個交易日", "in ", "年")
_TARGET_REACH = 10  # a target word and its figure ("目標價上調至 700 元")
_PERIOD_AFTER_REACH = 15  # an other-period word after its figure ("20% year-to-date")
_LOOKAHEAD = 16  # a phrase after a token ("-point mark", a verb after a subject)
# Small windows in tokens (a number, a word or a name each count one):
_PERIOD_AFTER_TOKENS = 2  # an other-period word after a figure: "20% year-to-date", "2.5% on Monday"
_POST_DIRECTION_TOKENS = 4  # a direction word after its figures: "1.73 percent, or 461 points, lower"
# Between a pronoun and its session's verb: "It had opened", "it then closed".
_AUXILIARY_GAP = patterns.compile(r"\s(?:had|has|have|was|then|also|initially|first|eventually)\s")
_PRONOUN_VERB_TOKENS = 2  # a pronoun's verb comes next, perhaps after an adverb ("it then fell")
# A period word's possessive right before a figure: the figure is that period's ("昨日的1.3%").
_OWNED_FIGURE_AFTER = patterns.compile(r"\s?(?:的|['’]s)\s?[+-]?\d")
_ADVERBIAL_ROLES = ("session:", "qualifier:", "today")  # words not counted there: 早盤, 一度, 今早
# The day's other extreme right after one: "intraday high 16,702, low 16,521", "最高16,702點，最低".
_OTHER_EXTREME = patterns.compile(
    r"\s?(?:点)?\s?[,;/]?\s?(?:and\s)?(?:a\s)?(?:low|high|(?:最低|最高)(?:曾|一度)?(?:回落|下探|回升|反弹)?(?:至|到)?|低见|高见)\s?(?:of\s|at\s)?"
)  # (or with its own verb: "最高見17,135點，最低曾回落至16,902點")
# "its target for Anta Sports to HK$95", "price target on Meituan to HK$160": the company the
# target is for stands between the word and the figure, within this many characters.
# Between a target word and the old target it was changed from: "target price to HK$41 from ".
_TARGET_FROM = patterns.compile(r"\s?(?:price\s)?(?:to|at)\s(?:hk\$\s?)?[\d.,]{1,10}\sfrom\s(?:hk\$\s?)?")
_TARGET_FOR = patterns.compile(r"\s?(?:price\s)?(?:for|on|of)\s")
_TARGET_FOR_REACH = 60
_OR = patterns.compile(r"\s?,?\s?(?:或|or|即)\s?")
# Points said without 點 before the percent's own word: "跌176，跌幅0.9%", "升85，升幅为0.4%".
# ... or before the percent in brackets: "DOWN 426.85  (-2.09%)" on a graphics board.
_BRACKET_NEXT = patterns.compile(r"[ \t]{0,3}[(（]")
_BARE_POINTS_LINK = patterns.compile(r"\s?,\s?(?:跌幅|升幅|涨幅|幅度)\s?(?:为|达|是)?\s?")
# A signed change and its percent in brackets: "-176 (-0.9%)".
_SIGNED_POINTS_LINK = patterns.compile(r"\s?\(\s?")
# Words a clause may hold and still only add a figure to the move before it.
_FIGURE_ONLY_ROLES = frozenset({"up", "down", "advancers", "decliners"}) | frozenset(
    f"qualifier:{k}" for k in ("over", "under", "nearly", "about", "as_much_as")
)
# A month and day in Chinese ("4月8日"), not part of a longer date with a year.
# (and said in Chinese numerals, with 號 for 日: "十月八號那天")
_MONTH_DAY = patterns.compile(
    r"(?<![\d年零一二三四五六七八九十])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
    r"([12]\d|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
)
# A line of the day's high and low with no index named: "即日高／低：23,112.05／22,285.31".
_HIGH_LOW_LINE = patterns.compile(
    r"\s*(?:即日|全日|今日|盘中|day'?s\s|intraday\s)?(?:高|high)\s?/\s?(?:低|low)\s?:?\s?"
    r"(?P<a>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s?/\s?(?P<b>\d{1,3}(?:,\d{3})*(?:\.\d+)?)"
)
# "Day's range   21,270.40 - 21,611.95", "全日波幅：23,802 - 24,077": the day's two extremes.
# (bounded runs of space: linear wherever it is tried)
_DAY_RANGE_LINE = patterns.compile(
    r"[ \t]{0,8}(?:day'?s|today'?s|intraday|即日|全日|今日)\s?(?:trading\s)?(?:range|波幅|区间)[ \t]{0,20}:?[ \t]{0,20}"
    r"(?P<a>\d{1,3}(?:,\d{3}){0,4}(?:\.\d{1,4})?)\s?(?:-|–|~|至|to)\s?(?P<b>\d{1,3}(?:,\d{3}){0,4}(?:\.\d{1,4})?)[ \t]{0,20}$"
)
# A quote page's figures on a line of their own under the index's name: "21,346.18   -187.42
# (-0.87%)" (level, signed points, signed percent).
_QUOTE_LINE = patterns.compile(
    r"[ \t]{0,8}\d{1,3}(?:,\d{3}){0,4}(?:\.\d{1,4})?[ \t]{1,20}[+-]\d{1,6}(?:,\d{3})?(?:\.\d{1,4})?[ \t]{0,20}"
    r"\(?[+-]\d{1,3}(?:\.\d{1,4})?%\)?[ \t]{0,20}"
)
# A "to" clause after a direction word, up to its figure: "recovering to trade ", "rebounding
# to sit ".
_TO_VERB_BEFORE = patterns.compile(r"\sto\s[a-z]{2,10}\s$")
# A direction word right after a figure, with only a space between: "3.1% lower".
_DIRECTION_RIGHT_AFTER = patterns.compile(r"\s(?:lower|higher|down|up)\b")
# The past perfect of a move in a weekday's clause ("had dropped", "had been rising"): a day
# before the one the report tells in the simple past.
_PAST_PERFECT = patterns.compile(r"\bhad\s(?:been\s)?[a-z]{2,12}(?:ed|en|ing)\b")
# A weekday heading its sentence ("On Thursday, ..."): all that stands before it.
_ON_HEADING = patterns.compile(r"\s{0,3}(?:(?:and|but|yet)\s)?(?:on\s)?")
# Right after "it": a copula and perhaps an adverb before the move ("It was 0.2% lower", "it was
# already up 3.1 percent").
_COPULA_AFTER = patterns.compile(r"\s(?:was|is|were|had\sbeen|has\sbeen)\s(?:already\s|still\s|now\s)?")
# A stock's move in 个点 ("涨了3个多点"): colloquial Mandarin for percent.
_COLLOQUIAL_PCT = patterns.compile(r"个多?点")
# An index's 个点 under this is a percent (an index moves more than ten points in a day).
_COLLOQUIAL_PCT_MAX = 10
_DIRECTION_GAP = patterns.compile(r"(?:了|咗)?\s?")  # "跌了一点五个百分点", "升咗"
# Between a quoted price and its signed change: "385.2 (+1.21%)", "HK$385.2, +4.6".
_QUOTE_LINK = patterns.compile(r"[^\S\n]{0,8}[,;|｜▲▼△▽↑↓]?[^\S\n]{0,8}\(?\s?")  # (an app row's columns: "HKD 17.86    +4.2%", "22,620.33 ▲ +806.29")
# ... and before a quote's "unchanged": a dash mark and 平 may stand between ("56.30 ➖ 平 flat").
_UNCHANGED_LINK = patterns.compile(r"[^\S\n]{0,8}[,;|｜—–]?[^\S\n]{0,8}(?:[➖=][^\S\n]{0,3})?(?:平[^\S\n]{0,3})?\(?\s?")  # (or "52.00 — unch.")
# Words of the market's own figures: a sentence holding them does not go on about a stock.
_MARKET_WIDE_ROLES = frozenset({"short_ratio", "short_sale"})
# Right after a session word that opens its sentence: the comma that sets it off.
_OPENING_COMMA = patterns.compile(r"\s?[,，]")
# A signed change and its percent in one pair of brackets: "(+201.77, +0.83%)".
# Between a quote's name and its price: a colon, or a watchlist row's printed code and bars
# ("騰訊控股 00700 ｜ HK$388.00 ｜ +2.4%").
# (a card's bar: "腾讯控股 00700.HK｜515.000｜"; a list's dash or comma: "XPENG-W (HK:9868) - HK$79.45, +8.12%",
# "3968 HK, HK$62.10 (-2.2%)")
_NAME_PRICE_GAP = patterns.compile(r"[ :]*+(?:[-–—,][ ]++)?(?:\d{4,5}[ ]*+)?(?:[|｜][ ]*+)?")
_BARS = frozenset("|｜")  # a row's cell borders
_SIGNED_PAIR_LINK = patterns.compile(r"\s?[,/;]?\s?")
# A session word heading its sentence: "港股午收：", "Midday:".
_HEADING_COLON = patterns.compile(r"\s?:")
# Between the two ends of a range, and after its second end: "between A and B", "A點至B點之間".
_RANGE_LINKS = frozenset({"and", "to", "至", "与", "和", "-", "~", "到", "及"})
# Before an other-period word: the day it is compared with, not a frame ("比上個交易日跌").
_COMPARED_WITH = patterns.compile(r"(?:比|较|从|对比|相比|\bfrom|\bthan|\bversus|\bvs\.?|compared\swith|over)\s?(?:the\s)?$")
# A period word this near the start of its sentence, or its clause's end, heads the sentence
# ("For the week, ...", "本周累計，...").
_HEADING_REACH = 8
# Two or more Chinese characters no vocabulary word covers: the name of a company or market
# the tables do not know ("榮昌", "國企股(H股)"). Every repeat is bounded so a run of spaces
# cannot make the match quadratic; a name is at most _UNKNOWN_NAME_CHARS characters.
_UNKNOWN_NAME_CHARS = 16
_UNKNOWN_NAME_MARKS = 9  # the pattern's openers (3) and trailing marks (6) around the name
_UNKNOWN_CJK_NAME = patterns.compile(
    rf"[\s(]{{0,3}}\p{{Han}}{{2,{_UNKNOWN_NAME_CHARS}}}[^,;。，；\d]{{0,6}}?"
)
# "在內銀股支持下", "受科技股拖累": the sector that caused the move, named in a frame; not the
# sentence's subject. The frame's words are bounded by _CAUSE_FRAME_CHARS.
_CAUSE_FRAME_CHARS = 12
_CAUSE_FRAME = patterns.compile(
    rf"(?:在|受|获|得|由于|因)[^,;。，；]{{1,{_CAUSE_FRAME_CHARS}}}?"
    r"(?:支持|带动|拖累|推动|影响|支撑|刺激|拖低|扯低|托起)下?"
)
# Two levels of one index in one report lie within this share of each other (the worst day
# in the Hang Seng Index's history was -33%; a report's levels sit within a few percent).
_SAME_INDEX_SPREAD = 0.25


def _near_level(known: float | None, level: float) -> bool:
    """Could ``level`` be the same index as one last at ``known`` (unknown: yes)?"""
    return known is None or abs(level - known) <= _SAME_INDEX_SPREAD * known


# Before a year that is a period, even the report's own: "fell 14% in 2023", "for 2023".
_YEAR_AS_PERIOD = patterns.compile(rf"\b(?:in|for|during|over|{_YEAR_VERBS})\s$")
# Between one clause and the next clause's subject: ", and the", "，", "; while".
_CLAUSE_JOIN = patterns.compile(r"[\s,;，；、]+(?:and|while|whereas|with|及|而|同時)?\s*(?:the\s)?")
# A security's name that opens with its Hong Kong listing ("H股（03968.HK）", "港股（00700）").
_HK_LISTING_HEAD = patterns.compile(r"h\s?股|港股")
# A Hong Kong code mark ending a name: "(3188 HK)", "(0700.HK)", "HK:0700)".
_HK_CODE_MARK = patterns.compile(r"(?:\d\s?hk|\d\.hk|hk:\s?\d{1,5})\)?$")
# A short label right before a level or a price, after its move's change: "(close 6,910.33)",
# ", last HK$19.96".
_LEVEL_LABEL_BEFORE = patterns.compile(r"(?:\(|,\s|[-–|]\s)(?:close|last)[:\s]\s?$")
# ... and the day's extreme said before a bare figure: "一度插近600點，最低21,961".
_EXTREME_LABEL_BEFORE = patterns.compile(r"(?:^|[,(\s])(?:最低|最高)[:：]?\s?$")
# Right after 見: a figure (a level reached: "高見22,000", "見 19,902", "見二萬一千點").
_FIGURE_NEXT = patterns.compile(r"\s{0,2}[\d零〇一二两三四五六七八九十百千万]")
# A period counted from a start to now: a heading of only these heads that period's lines.
_SINCE_START = patterns.compile(
    r"year[\s-]to[\s-]date|ytd|month[\s-]to[\s-]date|mtd|week[\s-]to[\s-]date|wtd|年初至今|今年以来|本月至今|今年迄今|本周至今|按周"
)
# A heading that names a week ending on a day: the lines under it are that week's.
_WEEK_HEADING = patterns.compile(
    r"\bweek\s(?:to|ended|ending|through)\s|(?:本周|一周|上周)(?:表现|累计|回顾)"
    # "(Friday close / change on the week)", "Weekly change", "w/w", 周变动
    r"|\bchange\s(?:on|over|for)\s(?:the\s)?week\b|\bweekly\s(?:change|move|performance)\b|\bw/w\b|\bweek-on-week\b"
    r"|周(?:变动|涨跌|升跌)"
)
# A period's heading that names the close too ("THE SCOREBOARD (Friday close / change on the
# week)"): the levels under it are the closes.
_CLOSE_IN_HEADING = patterns.compile(r"\bclos(?:e|ing)\b|收市|收盘")
_HEADING_MARKS = " \t\u3000■□▪•●◆◇*#>-【】[]"  # a section heading's marks before its words
# A section heading over the day before's figures: "七、上日回顧", "Previous session recap" (in
# a report of its own day; a next-morning recap's "昨日回顧" is the report's day).
_DAY_BEFORE_HEADING = patterns.compile(
    r"(?:上日|上一?个?交易日|前一?个?交易日|前日|昨日|previous (?:day|session|trading day)|yesterday)(?:'s)?\s?"
    r"(?:回顾|市况回顾|市况|recap|review|in review)"
)
# Between a figure and the name it is given for: "-6.9% for the MSCI China".
# (or "a 2% gain in the Hang Seng": the move's noun, then "in")
_FOR_SUBJECT = patterns.compile(
    r"\s{1,3}(?:for|(?:gain|rise|increase|advance|fall|drop|decline|loss|slide)s?\s{1,3}in)\s{1,3}(?:the\s{1,3})?"
)
# Between a streak word and its length ("連跌三日", "連升 3 日"), or a length and its streak
# ("three-day losing streak").
_STREAK_GAP = 3

# Words that open a move of their own: a session word right before one is that move's.
_MOVE_OPENERS = frozenset({"up", "down", "level"})
_CLAUSE_MARK = patterns.compile(r"[,;、]")
# A quote row: an index's name then its level at once, perhaps after a time stamp and a
# speaker ("[16:10] 老周：恒生指數 24,216.18，+0.96%").
_QUOTE_ROW = patterns.compile(
    r"\s{0,8}(?:\[\d{1,2}:\d{2}\]\s{0,4})?(?:[^:：\s]{1,12}[:：]\s{0,4})?[^\d\s]{2,24}\s{0,6}[\d,]{4,7}(?:\.\d{1,6})?\s{0,4}[,，]"
)
# An event told after a move, which a period word then dates: "after its results earlier in the week".
_EVENT_BEFORE_PERIOD = patterns.compile(r"\b(?:after|following|because|when|ahead of|before)\b|之后|后|由于|因为|之前|前夕")
_ROW_COLUMN_GAP = patterns.compile(r"[ \t]+")  # between a row's change and its price
_ROW_CELL_END = patterns.compile(r"[ \t]{2,}|[ \t]*(?:--|—|\||\n|$)")  # after the price: the next column
_BARE_LEVEL_AFTER_CHANGE = patterns.compile(r",\s?")
_CLAUSE_CLOSE_AFTER = patterns.compile(r"\s*(?:[;。.!?]|$|\n)")
# Right before a session word: a time before that session, not the session itself.
_BEFORE_SESSION = patterns.compile(r"\b(?:before|ahead\sof|until|prior\sto)\s(?:the\s)?$")
# After a move's extreme ("as much as"), a clause telling where the subject stood later.
_SECOND_MOMENT = patterns.compile(r"\s(?:and|but)\s(?:was|were|is|stood|remained)\b")
# Between a word for the day's high and low and the first of its two levels ("高低位分別係 ",
# "高低：", "high/low: "), and between the two levels ("同", "和", "及", "／", "and", "-").
_HIGH_LOW_GAP = patterns.compile(r"\s?(?:分别)?(?:係|系|为|是|:)?\s?")
_HIGH_LOW_JOIN = patterns.compile(r"\s?(?:同|和|及|与|至|/|-|–|and|to)\s?")
# A level in brackets right after a change ("up as much as 2.6% (26,470)"): its closing side
# (its opening side is _BRACKET_NEXT).
_BRACKET_CLOSE = patterns.compile(r"\s?[)）]")
# A support, resistance or target word and the figure it names.
_TECHNICAL_ROLES = frozenset({"support", "resistance", "target"})
# Right after a figure: it is a technical level ("290元附近有支持", "25,000點水平有阻力").
_TECHNICAL_AFTER = patterns.compile(r"\s?(?:附近|左右|水平|一帶|一带)?\s?(?:有|具|見|见)(?:較大|较大|較強|较强|強|强|大)?(?:支持|支撐|支撑|阻力)")
# Right before a level: one the index failed to reach ("未能收复27,200点", "failed to reclaim").
_NOT_REACHED_BEFORE = patterns.compile(
    r"(?:未能|无法|没能)(?:收复|重上|站上|突破|升穿|站稳|守住|守稳|企稳)\s?$|\bfailed\sto\s(?:reclaim|regain|break|retake|hold)\s(?:the\s|on\sto\s)?$"
)
_NOT_REACHED_REACH = 24  # "failed to reclaim the " before the level
# ... or a level after it the index nearly lost ("連二萬六千點亦險些失守"): it never got there.
_NOT_REACHED_AFTER = patterns.compile(r"\s?(?:关口|大关|水平)?\s?(?:亦|也|都)?\s?(?:险些|差点|差啲|几乎)(?:失守|跌穿|跌破|失)")
# Right after a price: what to do when the stock gets there ("附近分批关注", "以下可吸納").
_PLAN_AFTER = patterns.compile(
    r"\s?(?:附近|左右|以下|以上|水平)?\s?(?:就|便|再|可|可以|宜|则|則)?\s?(?:逢低)?\s?"
    r"(?:分批|买入|吸纳|关注|加仓|建仓|止损|止蚀|入货|收集|减持|沽出|卖出)"
)
_TECHNICAL_LINK = patterns.compile(r"\s?(?:在|于|为|是|at|of|is|seen at|around|near|:)?\s?")
# Right before a word that opens its clause: the break, perhaps with a connective ("; and", 而在).
_CLAUSE_OPENS_BEFORE = patterns.compile(r"(?:^|[,;:]\s?)(?:and\s|but\s|then\s|而在|而|在)?$")
_HAN_RUN = patterns.compile(r"\p{Han}{2,}")
# "The three indices" (三大指數) of a Hong Kong report, in the order its writers list them.
_INDEX_SET = ("HSI", "HSCEI", "HSTECH")
# The words that may stand before it in its sentence: when and where (港股) the move was.
_FRAME_ROLES = frozenset({"session", "today", "weekday", "sequence", "neutral"})
_WORD_CHAR = patterns.compile(r"[\p{L}\p{N}]")
# Right before a session word, Chinese no vocabulary word covers: a noun of its own (科技股午后).
_UNKNOWN_NOUN_BEFORE = patterns.compile(r"\p{Han}{2,}$")
# A sector word this close before a direction word is that verb's subject.
_SECTOR_VERB_GAP = 3
# After a ratio ("climbed to 22.10%"), points under this are its percentage points.
_RATIO_POINTS = 10.0
# How far after a move's last figure a session word still speaks for it, in its clause.
_SESSION_AFTER_REACH = 16
# A session word, then at most this many tokens (session and approximate words, a direction
# word) before a figure: the figure's own move ("，盘中一度大涨逾20%").
_OWN_MOVE_TOKENS = 4
# Before a business word in its clause: the company benefits from it ("受惠月度交付量創新高").
_BENEFIT_BEFORE = patterns.compile(r"(?:受惠|受益)[^,;。，；]{0,12}$")
# A bare figure in a list of percents ("... and Geely lost 3.9"): a percent only when below this.
_BARE_PERCENT_MAX = 30
_LIST_AND = patterns.compile(r"\s?(?:,\s)?(?:and|while)\s")
_FIGURE_ENDS_CLAUSE = patterns.compile(r"\s?(?:[,;.!?]|$)")
_RELATIVE_ASIDE = patterns.compile(RELATIVE_ASIDE)  # ", whose earnings depend on turnover,"
_DIRECTIONS = frozenset({"up", "down"})
_MARK_VERBS = frozenset({"threshold", "level"})
# A pronoun this near the start of its sentence opens it.
_PRONOUN_OPENS = 3
_SHARE_WORD = patterns.compile(r"share|stock|股")
# After "shares": the company described rather than named ("of the Chinese short-video platform").
_OF_DESCRIPTOR = patterns.compile(r" of (?:the|this|its) [a-z][a-z -]{0,60}?(?= (?:opened|rose|fell|jumped|climbed|slid|dropped|gained|traded|were|was|closed|ended|soared|surged|tumbled))")
# An aside between commas right after "the stock" / "it": ", trading under the code 2097,".
_APPOSITIVE = patterns.compile(r",\s[^,;.。；]{1,60},\s|\s?\([^()]{1,40}\)\s")  # or "(stock code: 01876)"
_PER_SHARE_AFTER = patterns.compile(r"\s?(?:per share|a share|each|/share)\b")
_RANGE_NOUN_LINK = patterns.compile(r"(?:gains?|loss(?:es)?|rises?|falls?|drops?|declines?|advances?)\s(and|to)(?:\sa)?")
_RANGE_QUALIFIER = patterns.compile(r"(?:近|逾|约|超过|nearly|over|about|around|almost)\s?$")
# Before a range of levels: a stretch of days around now, not the day ("恒指近期在23,500點至
# 24,500點區間上落", "short-term range").
_NEAR_TERM = patterns.compile(r"短期|短线|中线|近期|未来|后市|\bnear[\s-]term\b|\bshort[\s-]term\b|\bin the coming\b")
_SINCE = patterns.compile(r"\bsince\b|以来")
_SINCE_THE_BEFORE = patterns.compile(r"\bsince\s(?:the|a|its)\s$")  # a past move compared with
# The day before's move, told after today's: "soared 22 per cent - a day after it had sunk 8 per
# cent", "a day after plunging 5.3%". Reach: "a day after the hang seng tech index had been
# falling as much as " and no more.
_DAY_AFTER_BEFORE = patterns.compile(
    r"\b(?:a|one) day after\s(?:(?:it|they|(?:the\s)?[a-z-]+(?:\s[a-z-]+){0,4})\shad\s(?:been\s)?[a-z]+|[a-z]+ing)"
    r"(?:\s(?:as much as|by|about|around|nearly|almost|more than|over|some))?\s$"
)
_DAY_AFTER_REACH = 72
_RANGE_AFTER = patterns.compile(r"\s?(?:点|points?)?\s?(?:之间|的区间|区间|range)")
# The width of the day's range ("全日波幅達260點", "a trading range of about 330 points", "a
# 412-point range"): how far the index swung, not a change. Only a linking or approximate word
# may stand between the range word and the figure.
_RANGE_WIDTH_LINK = patterns.compile(
    r"\s?(?:达|为|有|约|逾|近|超过|过|仅|只有|of|was|about|around|roughly|nearly|almost|over|more than|just|only|\s)*\s?$"
)
_RANGE_WIDTH_AFTER = patterns.compile(r"-?\s?(?:point|pt)s?\s(?:intraday\s|trading\s|daily\s)?(?:range|swing)\b")
# Between two codes of a list: a joiner and a name the tables do not know ("、翠華控股").
_NAME_THEN_JOINER = patterns.compile(r"[^\d%,;:。、()（）\s]{1,6}\s?(?:[,、/&]|and|及|和|与|以及)\s?")
_UNKNOWN_NAME_GAP = patterns.compile(r"\s?(?:[,、/&]|and|及|和|与|以及)\s?[^\d%,;:。、()（）]{1,16}")
# The end of a clause: where an other-period word stops speaking for what follows.
_CLAUSE_END = patterns.compile(r"(?<!\d),|,(?!\d{3})|[;、]")  # a list item ends a clause too; "22,736" does not
# Where a hypothetical's clause ends ("若……，", "地產政策預期升溫：碧桂園漲11.4%").
_MODAL_END = patterns.compile(r"[,;:]")
# What may stand between a level/threshold word and its number.
_NEAR = 14
# A number written as a year ("in 1987", 1997年): the Hang Seng Index dates from 1969, and a
# report a century ahead is not one this tool will read.
_FIRST_YEAR = 1960
_LAST_YEAR = 2100
# What numbers an index's moves are made of (level_min, level_floor, points_max) is data:
# ``scale`` in indices.yaml, read through ``BindState.scales``; this serves an index with none.
_DEFAULT_SCALE = IndexScale()


@dataclass(slots=True)
class Num:
    value: float
    qualifier: str
    start: int
    end: int


@dataclass(slots=True)
class Move:
    subjects: list[Subject]
    sentence: tuple[int, int]
    direction: int = 0
    pcts: list[Num] = field(default_factory=list)
    points: list[Num] = field(default_factory=list)
    level: Num | None = None
    levels: list[Num] = field(default_factory=list)  # "分別報19,998點及7,245點": one a subject
    price: Num | None = None
    prices: list[Num] = field(default_factory=list)  # several, for a list of subjects
    currency: str = "HKD"
    turnover: Num | None = None
    turnover_currency: str = "HKD"
    session: str | None = None
    session_explicit: bool = False
    respectively: bool = False
    respectively_at: int = 0  # where the list word stood: a figure before it is shared
    modal: bool = False

    @property
    def has_change(self) -> bool:
        return bool(self.pcts or self.points)

    @property
    def has_numbers(self) -> bool:
        return self.has_change or self.level is not None or self.price is not None


def _same_kind_change(m: Move, q: Quantity) -> bool:
    """Does ``m`` already hold a change of ``q``'s kind (a percent, or points)?"""
    return bool((q.kind == "pct" and m.pcts) or (q.kind == "pts" and m.points))


def _written_zero(folded: str, q: Quantity) -> bool:
    """Is ``q`` an unsigned zero percent written out with decimals ("0.0%"): a stock unchanged?"""
    return q.kind == "pct" and q.value == 0 and not q.sign and "." in folded[q.start:q.end]


def _last_figure(m: Move) -> int:
    """Where the last figure of ``m`` ends."""
    return max(n.end for n in (*m.pcts, *m.points, *m.levels, *m.prices, m.level, m.price) if n is not None)


def _first_figure(m: Move) -> int:
    """Where the first figure of ``m`` stands."""
    return min(n.start for n in (*m.pcts, *m.points, *m.levels, *m.prices, m.level, m.price) if n is not None)


def _spread_list_over_moves(moves: list[Move]) -> None:
    """"騰訊跌3.2%和美團跌4%，分別收報402.6元和118.3元": a list of prices said "respectively"
    after stock moves told one by one, each of one subject, is theirs in order; it was bound to
    the last of them alone. (``moves`` of one sentence, changed in place.)"""
    for j, last in enumerate(moves):
        if not last.respectively or len(last.subjects) != 1 or not 2 <= len(last.prices) <= j + 1:
            continue
        told = moves[j + 1 - len(last.prices) : j + 1]
        if any(
            len(m.subjects) != 1 or m.subjects[0].kind != "stock" or not m.has_change
            or (m is not last and (m.respectively or m.price is not None))
            for m in told
        ) or len({m.subjects[0].id for m in told}) != len(told):
            continue
        for m, price in zip(told, last.prices, strict=True):
            m.price, m.prices, m.currency = price, [price], last.currency
            m.session = m.session or last.session
            m.respectively = False
    for j, last in enumerate(moves):
        # "國企指數收報6,521點，科指收報3,772點，分別升2.16%及2.5%": levels told one by one,
        # then their changes said "respectively", bound to the last alone
        figures = last.pcts or last.points
        if not last.respectively or len(last.subjects) != 1 or not 2 <= len(figures) <= j + 1 or (last.pcts and last.points):
            continue
        told = moves[j + 1 - len(figures) : j + 1]
        if any(
            len(m.subjects) != 1 or (m.level is None and m.price is None)
            or (m is not last and (m.respectively or m.has_change))
            for m in told
        ) or len({m.subjects[0].id for m in told}) != len(told) or len({m.subjects[0].kind for m in told}) != 1:
            continue
        for m, figure in zip(told, figures, strict=True):
            if last.pcts:
                m.pcts = [figure]
            else:
                m.points = [figure]
            m.respectively = False


@dataclass(slots=True)
class BindState:
    """What carries from one sentence to the next: the index last named ("the index")."""

    last_index: str | None = None
    last_subject: Subject | None = None
    last_stock: Subject | None = None  # the company "its share price", 該股 refers to
    last_warrant: Subject | None = None  # the warrant or CBBC 該證, "the warrant" refers to
    topic: Subject | None = None  # the first subject of the last sentence that named one
    yesterday_is_report_day: bool = False
    half_day: bool = False  # the market traded only in the morning: its noon close is the close
    midday_report: bool = False  # the headline calls the report a midday one ("港股午評")
    period_heading: bool = False  # the last sentence was "For the week:" (a list follows)
    # where a heading line that is only a period since a start ("Year to date 年初至今") ended:
    # the lines under it, to the next blank line, are that period's
    period_block_at: int | None = None
    period_block_closes: bool = False  # the period block's heading names the close as well
    listing_heading: bool = False  # the last heading was "ADRs vs HK close": its list is the ADRs'
    sentence: int = 0  # sentences bound so far
    index_sentence: int = -2  # the last sentence that named an index
    index_end: int = 0  # where the last index named ends
    main_index: str | None = None  # the first Hong Kong index named: the report's own
    subject_sentence: int = -2  # the last sentence that named a subject
    figure_sentence: int = -2  # the last sentence that held a figure
    heading_session: str | None = None  # a sentence that is only a session word ("收市。")
    stamp_session: str | None = None  # a line that is only a time of day ("15:31"), for the next
    index_levels: dict[str, float] = field(default_factory=dict)  # each index's last level, latest last
    index_refs: set[int] = field(default_factory=set)  # where "the index" (@previous) stood
    indices_named: set[str] = field(default_factory=set)  # each index the report has named so far
    last_session: str | None = None  # the session of the last move bound
    last_move: Move | None = None  # the last move bound, which a carried sentence may complete
    report_year: int | None = None  # the year of the trading day, when known
    report_weekday: int | None = None  # its day of the week (Monday 0)
    report_day: tuple[int, int] | None = None  # its (month, day)
    scales: dict[str, IndexScale] = field(default_factory=dict)  # by index id, from indices.yaml


@dataclass(slots=True)
class _Pending:
    """A word waiting for its number: where it ends, its kind, how far it reaches."""

    end: int
    kind: str = ""
    scope: int = 0


# How far apart an index name and a day word stand when the word dates the index's move
# ("恒指昨日高開", "昨日恒指", "The Hang Seng Index yesterday rose").
_DAY_WORD_REACH = 2
# ... or with the day's own date in brackets between ("昨日（9月25日）港股", "昨日（周三）恒指"):
# the longest such bracket, "（12月31日）", and a space
_DATED_DAY_WORD_REACH = 10


@functools.cache
def _month_numbers() -> dict[str, int]:
    """Folded month names and abbreviations to their numbers (dates.yaml)."""
    from hkwrap import data

    months = data.load()["lexicon"]["dates"]["months"]
    return {w: int(n) for n, names in months.items() for w in names}


@functools.cache
def _date_after() -> regex.Pattern:
    """" on April 7", " on 7 April": a day and month right after a figure."""
    names = "|".join(sorted(_month_numbers(), key=lambda w: (-len(w), w)))
    return patterns.compile(
        rf",?\s(?:on\s)?(?:(?P<mon>{names})\.?\s(?P<d>[0-3]?\d)(?:st|nd|rd|th)?|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s(?P<mon2>{names}))\b"
    )


@functools.cache
def _dated_day() -> regex.Pattern:
    """"on March 15", "on 15 March": a day and a month in English, with no year (a figure
    after the day is no date: "on March 15%")."""
    names = "|".join(sorted(_month_numbers(), key=lambda w: (-len(w), w)))
    return patterns.compile(
        rf"\bon\s(?:(?P<mon>{names})\.?\s(?P<d>[0-3]?\d)(?:st|nd|rd|th)?|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s(?P<mon2>{names})\b)"
        r"(?![\d%]|[.,]\d|,?\s(?:19|20)\d\d)"
    )


# The year of a date in English ends _dated_year's match, after a space: a sentence without
# one is not searched (the pattern is tried at each of its words otherwise, ~2% of a run).
_SPACE_YEAR = patterns.compile(r"\s(?:19|20)\d\d\b")


@functools.lru_cache(maxsize=1)
def _dated_year() -> regex.Pattern:
    """"On 24 October 2008,", "on Oct. 24, 2008": a day, a month and a year in English."""
    names = "|".join(sorted(_month_numbers(), key=lambda w: (-len(w), w)))
    return patterns.compile(
        rf"\b(?:(?P<mon>{names})\.?\s[0-3]?\d(?:st|nd|rd|th)?,?|[0-3]?\d(?:st|nd|rd|th)?\s(?P<mon2>{names})\.?,?)\s(?P<y>(?:19|20)\d\d)\b"
    )


def recap_of_yesterday(sentences: Iterable[list[Token]]) -> bool:
    """Is an undated report a next-morning recap? It dates the index's own move "yesterday"
    (恒指昨日高開 156 點) and never "today", but in a forecast (今日港股有望高開)."""
    yesterday = today = False
    for tokens in sentences:
        forecast = any(t.has("modal") for t in tokens)
        # "昨天 (Tue) 科指还 +2.3%，今天全吐回去一大半": the index's yesterday set against its today
        if not forecast and any(t.has("today") for t in tokens) and any(
            t.word is not None and t.has("yesterday") for t in tokens
        ) and any(t.subject is not None and t.subject.kind == "index" and not t.subject.id.startswith("@") for t in tokens):
            today = True
        if not forecast and tokens and tokens[0].word is not None and tokens[0].has("today"):
            # "今天下午，港股突然跳水": the day, perhaps a session, then the index, heading the sentence
            head = next((t for t in tokens[1:] if t.word is None or t.role_kind("session") is None), None)
            if head is not None and head.subject is not None and head.subject.kind == "index" and not head.subject.id.startswith("@"):
                today = True
        for k, tok in enumerate(tokens):
            # "昨日（9月25日）港股延续强势": the day's own date in brackets between the word and
            # the index
            if tok.word is not None and tok.has("yesterday") and not forecast:
                after = next((t for t in tokens[k + 1:] if not (t.qty is not None or t.role_kind("weekday"))), None)
                if (
                    after is not None and after.subject is not None and after.subject.kind == "index"
                    and not after.subject.id.startswith("@") and after.start - tok.end <= _DATED_DAY_WORD_REACH
                    and after is not tokens[k + 1]
                ):
                    yesterday = True
        for prev, tok in pairwise(tokens):
            if tok.start - prev.end > _DAY_WORD_REACH:
                continue
            pair = (prev, tok)
            subject = next((t for t in pair if t.subject is not None and t.subject.kind == "index"), None)
            word = next((t for t in pair if t.word is not None), None)
            if subject is not None and word is not None and not subject.subject.id.startswith("@"):
                yesterday = yesterday or word.has("yesterday")
                today = today or (word.has("today") and not forecast)
            elif (
                # "港股三大指数今日集体收涨": the market, its indices, then the day
                word is not None and word is tok and word.has("today") and not forecast
                and prev.subject is not None and prev.subject.kind == "index"
                and any(t.subject is not None and t.subject.weak and prev.start - t.end <= _DAY_WORD_REACH for t in tokens)
            ):
                today = True
    return yesterday and not today


def note_stamp(prep: Prepared, sentence: tuple[int, int], state: BindState) -> None:
    """A line that is only a time of day ("15:31" above a flash): the next sentence is a
    reading of that moment, intraday (at noon, the midday)."""
    m = _STAMP_LINE.fullmatch(prep.folded, *sentence)
    if m is None:
        return
    hour, minute = int(m.group(1)), int(m.group(2))
    if _TRADING_FROM <= (hour, minute) < _TRADING_TO:
        state.stamp_session = "midday" if _LUNCH_FROM <= (hour, minute) < _LUNCH_TO else "intraday"


def bind(prep: Prepared, sentence: tuple[int, int], tokens: list[Token], state: BindState) -> list[Move]:
    """The moves one sentence states."""
    binder = _Binder(prep, sentence, tokens, state)
    moves = binder.run()
    if binder.levels_only:
        # a row under "(Friday close / change on the week)": its level is the day's close, its
        # change the week's
        for m in moves:
            m.pcts.clear()
            m.points.clear()
            m.session = "close"
        moves = [m for m in moves if m.has_numbers]
    return moves


class _Binder:
    """Reads one sentence's tokens left to right, with what is pending from the words before
    (a qualifier, a level word, a threshold, a session) waiting for the number it governs."""

    def __init__(self, prep: Prepared, sentence: tuple[int, int], tokens: list[Token], state: BindState) -> None:
        self.prep = prep
        self.folded = prep.folded
        self.sentence = sentence
        self.tokens = tokens
        self.state = state
        self.moves: list[Move] = []
        self.weekday_frame = False  # the other-period frame open is another weekday's ("周一：")
        self.levels_only = False  # a row of a period's table whose levels are the day's closes
        self.group: list[Subject] = []  # the subjects the next numbers are about
        self.group_done = False  # the group has had a move: a new name starts a new group
        self.named: list[Subject] = []  # the subjects named so far in the sentence, in order
        self.cur: Move | None = None  # the move being read
        self.direction = 0
        self.direction_end = 0  # where the word that set ``direction`` ends
        self.level_q = "exact"  # how the number being read states a level ("mark": 19,000點以下)
        self.sentence_dir = 0  # the last direction word of the sentence, for a shared verb
        self.split_at = 0  # a second verb: a new move, if the next number says so
        self.last_list: list[Subject] = []  # the last list of names told ("A、B"), for 前者/後者
        self.sticky_session: str | None = None
        self.sticky_at = 0  # where the sticky session's word ended
        self.sentence_session: str | None = None  # a session heading the sentence ("午收：")
        self.qual: _Pending | None = None
        self.level: _Pending | None = None
        self.thresh: _Pending | None = None
        self.price_word: _Pending | None = None
        self.turnover_word: _Pending | None = None
        self.target_word: _Pending | None = None
        self.previous: _Pending | None = None
        self.card_close = False  # a morning note's stock card under its heading (昨收：80.15元)
        self.fundamental: _Pending | None = None
        self.reference: _Pending | None = None  # 招股價, "offer price"
        self.metric = False
        self.ratio = False  # the subject's figure is a ratio ("climbed to 22.10%"), not a level
        self.modal = False  # a hypothetical (若, if, could): its clause states no fact
        self.modal_at = 0  # where the modal word ended
        self.narrowed = False
        self.elsewhere = False  # after "ADRs" / A股 in a sentence, names mean those listings
        self.elsewhere_clause = False  # ... for one clause only (A股: a ";" returns to Hong Kong)
        self.skip_next_pct = False
        self.skip_next_level = False  # the second level of a day's range, already taken
        self.high_low: Token | None = None  # "全日高低位", "day's high/low": a pair of levels follows
        self.restated: Quantity | None = None  # an index's level restated to finer decimals
        # a bracketed aside of the sentence named another period ("長城汽車跌3.7%(一年升160%)"):
        # the later asides of its list are of that period too ("李寧挫7.1%(升123%)")
        self.aside_period = False
        self.last_subject: Token | None = None
        self.prev: Token | None = None
        # another market named as what the subject followed ("港股承接美股大瀉三百點跌勢，今日低開"):
        # where its clause ends, and the group to go back to there
        self.companion: tuple[int, list[Subject], Token | None] | None = None
        self.skip_until = 0  # tokens before this are inside an aside already read past
        self.text = self.folded[sentence[0]:sentence[1]].strip()
        self.full_day = state.midday_report and full_day_named(prep, *sentence)  # 全日 in a midday report

    # -- helpers ----------------------------------------------------------------------------

    def near(self, p: _Pending | None, q: Quantity, limit: int = _NEAR) -> bool:
        return p is not None and 0 <= q.start - p.end <= limit and not _NEAR_BREAK.search(self.folded[p.end:q.start])

    def close(self) -> None:
        """End the move being read; keep it if it stated a figure."""
        self.split_at = 0
        cur = self.cur
        if cur is not None and cur.has_numbers:
            if cur.session is None and any(n.qualifier == "as_much_as" for n in (*cur.pcts, *cur.points)):
                cur.session = "intraday"  # "as much as 6%" is the day's extreme
            if cur.session == "midday" and self.state.half_day:
                cur.session = "close"  # 平安夜半日市 ... 中午收市報27,864點: the day's close
            self.check_index_ref(cur)
            self.moves.append(cur)
            self.group_done = True
            self.sticky_session = None  # a session word speaks for the move it opens
        self.cur = None

    def carry_period(self, subj: Subject, tok: Token) -> None:
        """"The China Enterprises Index dropped 14% in 2023, and the tech index lost 8.8%",
        `國指本周累跌2.5%，科指跌3.1%`: a period that framed one clause goes on into the next
        when that clause only names another subject (a word of its own, 今日 or a session,
        sets its period again)."""
        p = self.previous
        last = self.last_subject
        if (
            p is None or p.scope > tok.start or p.scope >= self.sentence[1]
            or subj.kind not in ("stock", "index") or last is None or last.subject is None
            or last.subject.id == subj.id or last.subject.weak or last.start < self.sentence[0]
            or last.end > p.scope or not _CLAUSE_JOIN.fullmatch(self.folded, p.scope, tok.start)
            # the frame stood in the clause of the subject before ("國指本周累跌2.5%")
            or _CLAUSE_END.search(self.folded, last.end, p.end) is not None
        ):
            return
        if not any(
            t.qty is not None and last.end <= t.start < p.scope and not _is_year(self.folded, t.qty)
            and (t.qty.kind != "num" or t.qty.sign)  # (a bare number names: "公布“双11”成交数据")
            for t in self.tokens
        ):
            return  # "為該指數2020年推出以來最大跌幅": no figure of that subject is in the period
        figure_end = max((t.end for t in self.tokens if t.qty is not None and last.end <= t.start < p.end), default=None)
        if figure_end is not None and _EVENT_BEFORE_PERIOD.search(self.folded, figure_end, p.end) is not None:
            # "fell 1.9% to HK$74.30 after its own results earlier in the week disappointed,
            # while Geely ... edged up 0.6%": the period dates the event, not the moves
            return
        clause = self.clause_end(tok.end)
        p.scope = clause if clause is not None else self.sentence[1]

    def frame_goes_on(self, i: int, q: Quantity) -> bool:
        """Another period's frame that ended at a comma goes on into the next clause when that
        clause only adds a figure to the same move ("恒指上日（10月4日）收報22,736點，升2.82%"):
        nothing but a direction word between the comma and the figure."""
        p = self.previous
        if p is None or p.scope >= self.sentence[1] or q.start < p.scope or self.folded[p.scope:p.scope + 1] not in ",，":
            return False
        if p.scope == 0 or self.folded[p.scope - 1] < "\u3400":
            return False  # Chinese only: ", which rose 6% yesterday, gave back 2.7% today" is two clauses
        if _CLAUSE_END.search(self.folded, p.scope + 1, q.start):
            return False
        between = [t for t in self.tokens[:i] if t.start >= p.scope]
        return bool(between) and all(
            t.word is not None and t.word.roles <= _FIGURE_ONLY_ROLES for t in between
        )

    def frame_other_day(self) -> None:
        """A month and day other than the report's ("4月8日恒指则反弹1.51%" in a report of 9
        April): like another weekday, it puts its clause (its sentence, before any subject) in
        another day."""
        year = self.state.report_year
        years = self.prep.once("space_years", lambda: [m.start() for m in _SPACE_YEAR.finditer(self.folded)])
        at = bisect.bisect_left(years, self.sentence[0])
        dated = at < len(years) and years[at] < self.sentence[1]
        for m in _dated_year().finditer(self.folded, *self.sentence) if dated else ():
            # "On 24 October 2008, the index lost 8.3 per cent": another year's day, before any
            # subject, dates its sentence
            if (year is None or int(m.group("y")) != year) and not any(
                t.subject is not None and t.start < m.start() for t in self.tokens
            ):
                self.set_previous(m.end(), self.sentence[1])
                return
        day = self.state.report_day
        if day is not None and self.folded.find("日", *self.sentence) >= 0:
            # "恒生指數23日漲0.85%" in the 24th's report: a day of the month named right after
            # its subject is another day's (the month is the report's)
            for t in self.tokens:
                if t.subject is None or t.subject.kind not in ("index", "stock"):
                    continue
                m = _DAY_OF_MONTH_AFTER.match(self.folded, t.end, t.end + _MATCH_WINDOW)
                if m is not None and int(m.group(1)) != day[1]:
                    clause = self.clause_end(m.end())
                    self.set_previous(m.end(), clause if clause is not None else self.sentence[1])
                    return
        if day is not None and self.folded.find("on ", *self.sentence) >= 0:
            # "On March 15 the benchmark tumbled 5.7%" in a report of 20 April
            months = _month_numbers()
            # (only a date before any subject: "up 12% since its listing on Nov. 26" dates the
            # listing, and a holiday "on Oct 1" at a headline stack's end dates nothing told)
            for m in _dated_day().finditer(self.folded, *self.sentence):
                if any(t.subject is not None and t.start < m.start() for t in self.tokens):
                    break
                if (months[m.group("mon") or m.group("mon2")], int(m.group("d") or m.group("d2"))) != day:
                    self.set_previous(m.end(), self.sentence[1])
                    return
        if day is None or self.folded.find("月", *self.sentence) < 0:
            return
        for m in _MONTH_DAY.finditer(self.folded, *self.sentence):
            if (_day_number(m.group(1)), _day_number(m.group(2))) == day:
                continue
            clause = self.clause_end(m.end())
            heads = not any(t.subject is not None and t.start < m.start() for t in self.tokens)
            self.set_previous(m.end(), self.sentence[1] if heads or clause is None else clause)
            return

    def high_low_line(self) -> list[Move]:
        """"即日高／低：23,112.05／22,285.31", "Day's high/low: 23,112 / 22,285", "Day's range
        21,270.40 - 21,611.95": the day's two extremes on a line that names no index, for the
        index whose last level both lie near."""
        m = _DAY_RANGE_LINE.match(self.folded, self.sentence[0], self.sentence[1])
        if m is None and self.folded.find("/", *self.sentence) >= 0:
            m = _HIGH_LOW_LINE.match(self.folded, self.sentence[0], self.sentence[1])
        if m is None:
            return []
        values = [(float(m.group(g).replace(",", "")), m.start(g), m.end(g)) for g in ("a", "b")]
        near = [i for i, v in self.state.index_levels.items() if all(_near_level(v, x) for x, _, _ in values)]
        if not near:
            return []
        moves = []
        for value, start, end in values:
            move = Move([Subject("index", near[-1], start, start)], self.sentence)
            move.level, move.session, move.session_explicit = Num(value, "exact", start, end), "intraday", True
            moves.append(move)
        return moves

    def check_index_ref(self, move: Move) -> None:
        """"HSI ... to close at 16,587; HSTECH -1.7% to 3,488. The index was held in a narrow
        band: intraday high 16,702": "the index" is the one whose last level its level is near,
        not the last one named, when the last one named is far off. Then remember the level."""
        levels = self.state.index_levels
        if move.level is None or len(move.subjects) != 1 or move.subjects[0].kind != "index":
            return
        subj, level = move.subjects[0], move.level.value
        if subj.start in self.state.index_refs and not _near_level(levels.get(subj.id), level):
            near = [i for i, v in levels.items() if _near_level(v, level)]
            if near:
                subj = Subject("index", near[-1], subj.start, subj.end)
                move.subjects[0] = subj
        levels.pop(subj.id, None)
        levels[subj.id] = level

    def unknown_subject_opens(self, tokens: list[Token]) -> bool:
        """Does the sentence open on Chinese words no vocabulary covers, before its first verb
        and before any level word or figure (a company or gauge the tables do not know)?"""
        verb = next((i for i, t in enumerate(tokens) if t.word is not None and t.word.roles & {"up", "down"}), None)
        if verb is None or any(t.qty is not None or (t.word is not None and t.word.roles & {"level", "price"})
                               for t in tokens[:verb]):
            return False
        chars = list(self.folded[self.sentence[0]:tokens[verb].start])
        for t in tokens[:verb]:
            for k in range(t.start - self.sentence[0], t.end - self.sentence[0]):
                chars[k] = " "
        for m in _CAUSE_FRAME.finditer(self.folded, self.sentence[0], tokens[verb].start):
            for k in range(m.start() - self.sentence[0], m.end() - self.sentence[0]):
                chars[k] = " "
        # only the verb's own clause: "點知午後有人趁高沽，升幅收窄返": a clause before it is
        # no subject of its
        text = "".join(chars)
        clause = max(text.rfind(c) for c in ",，;；")
        return _HAN_RUN.search(text, clause + 1) is not None

    def unknown_cjk_before(self, move: Move, tok: Token) -> bool:
        """Do two or more Chinese characters no vocabulary word covers stand right before the
        direction word ``tok``, after the move's last figure and a clause break?"""
        ends = [n.end for n in (*move.pcts, *move.points, move.level, move.price) if n is not None]
        if not ends or move.subjects[0].kind != "stock":
            return False  # an index's sentence goes on in words of its own (尾盤跌幅收窄)
        lo = max(ends)
        gap = self.folded[lo:tok.start]
        if not _CLAUSE_MARK.search(gap):
            return False
        covered = [(t.start, t.end) for t in self.tokens if lo <= t.start and t.end <= tok.start]
        tail_start = max([lo] + [e for _, e in covered] + [m.end() + lo for m in _CLAUSE_MARK.finditer(gap)])
        if tok.start - tail_start > _UNKNOWN_NAME_CHARS + _UNKNOWN_NAME_MARKS:
            return False
        return _UNKNOWN_CJK_NAME.fullmatch(self.folded, tail_start, tok.start) is not None

    def next_token(self, tok: Token) -> Token | None:
        """The token after ``tok`` in the sentence."""
        return next((t for t in self.tokens if t.start >= tok.end), None)

    def verb_follows(self, tok: Token, roles: frozenset[str] = _DIRECTIONS) -> bool:
        """Is the next token a direction word (or another of ``roles``), right after ``tok``?"""
        nxt = self.next_token(tok)
        return (
            nxt is not None and nxt.word is not None and bool(roles & nxt.word.roles)
            and nxt.start - tok.end <= _SECTOR_VERB_GAP
        )

    def same_figure_follows(self, tok: Token, cur: Move) -> bool:
        """Is the next token, right after ``tok``, a figure of a kind ``cur`` already has?"""
        nxt = self.next_token(tok)
        if nxt is None or nxt.qty is None or nxt.start - tok.end > _ADJACENT:
            return False
        return _same_kind_change(cur, nxt.qty)

    def pct_pair_of_span(self, q: Quantity) -> bool:
        """Are points ``q`` paired with a percent that a span or total follows ("1,000 points or
        4.4 percent along the way", "600 points or 2.4 percent in that span")?"""
        pair = _PCT_PAIR_AFTER.match(self.folded, q.end, q.end + _MATCH_WINDOW)
        if pair is None:
            return False
        end = pair.end()
        return bool(
            _TOTAL_AFTER.match(self.folded, end, end + _MATCH_WINDOW) or _SPAN_AFTER.match(self.folded, end, end + _MATCH_WINDOW)
        )

    def in_relative_aside(self, tok: Token) -> bool:
        """Is ``tok`` inside a relative clause set off by commas (", whose earnings depend on
        turnover,")?"""
        lo = max(self.sentence[0], tok.start - RELATIVE_ASIDE_CHARS)
        hi = min(self.sentence[1], tok.end + RELATIVE_ASIDE_CHARS)
        return any(m.start() < tok.start and tok.end < m.end() for m in _RELATIVE_ASIDE.finditer(self.folded, lo, hi))

    def bare_percent_of_list(self, i: int, q: Quantity) -> bool:
        """A bare figure right after its own verb, in a list whose figure before it was a percent
        and named another stock ("Li Auto dropped 4.8 per cent and Geely lost 3.9")."""
        if q.currency or q.magnitude or q.value >= _BARE_PERCENT_MAX or not self.right_after_direction(q):
            return False
        named = None  # the first name after the figure before, read back from q
        for t in reversed(self.tokens[:i]):
            if t.subject is not None:
                named = t
            elif t.qty is not None:
                return (
                    t.qty.kind == "pct" and named is not None
                    and _LIST_AND.fullmatch(self.folded, t.end, named.start) is not None
                    and _FIGURE_ENDS_CLAUSE.match(self.folded, q.end, q.end + _MATCH_WINDOW) is not None
                )
        return False

    def own_move_follows(self, tok: Token, cur: Move) -> bool:
        """After ``tok``, only session and approximate words, then a direction word and a
        figure of a kind ``cur`` already has ("中金公司涨超16%，盘中一度大涨逾20%"): ``tok`` is
        that next move's session word, not the session of ``cur``."""
        verb, at = False, tok
        for _ in range(_OWN_MOVE_TOKENS):
            nxt = self.next_token(at)
            if nxt is None or nxt.start - at.end > _ADJACENT:
                return False
            if nxt.qty is not None:
                return verb and _same_kind_change(cur, nxt.qty)
            if nxt.word is None:
                return False
            if nxt.word.roles & _MARK_VERBS:
                # "曾失守兩萬一千點": a mark crossed, not a move's change (but after a move's
                # percent, "涨1.61%，盘中一度站上27000点" is the day's extreme of its own)
                return (
                    "threshold" in nxt.word.roles and bool(cur.pcts)
                    and tok.role_kind("session") == "intraday" and cur.session in (None, "close")
                )
            if nxt.word.roles & _DIRECTIONS:
                verb = True
            elif nxt.role_kind("session") is None and nxt.role_kind("qualifier") is None:
                return False
            at = nxt
        return False

    def session_follows(self, tok: Token) -> bool:
        """Is the next word a session ("at the local noon trading break")? Then this level word
        introduces the session, not a second figure."""
        nxt = self.next_token(tok)
        return nxt is not None and nxt.word is not None and nxt.role_kind("session") is not None and (
            nxt.start - tok.end <= _SESSION_AFTER_REACH
        )

    def only_direction_between(self, start: int, end: int) -> bool:
        """Is ``folded[start:end]`` one direction word and spaces ("at one point down 2.6%")?"""
        inside = [t for t in self.tokens if start <= t.start and t.end <= end]
        if len(inside) != 1 or inside[0].word is None or not inside[0].word.roles & {"up", "down"}:
            return False
        t = inside[0]
        return not (self.folded[start:t.start] + self.folded[t.end:end]).strip()

    def only_qualifiers(self, start: int, end: int) -> bool:
        """Is ``folded[start:end]`` empty but for qualifier words ("more than", 逾)?"""
        rest = self.folded[start:end]
        for t in self.tokens:
            if start <= t.start and t.end <= end and t.word is not None and t.role_kind("qualifier"):
                rest = rest.replace(self.folded[t.start:t.end], " ", 1)
        return not rest.strip(" :：")

    def scale_of(self, index_id: str) -> IndexScale:
        return self.state.scales.get(index_id, _DEFAULT_SCALE)

    def scale(self) -> IndexScale:
        """The scale of the index the numbers are about (the group's first subject)."""
        return self.scale_of(self.group[0].id) if self.group else _DEFAULT_SCALE

    def clause_end(self, pos: int) -> int | None:
        """Where the clause holding ``pos`` ends: a comma, a semicolon, a list's 、, or the
        bracket ``pos`` stands in ("跌3.7%(一年升160%)、李寧挫7.1%")."""
        folded, (start, end) = self.folded, self.sentence
        m = _CLAUSE_END.search(folded, pos, end)
        cut = m.start() if m else None
        if folded.rfind("(", start, pos) > folded.rfind(")", start, pos):
            close = folded.find(")", pos, end)
            if close >= 0 and (cut is None or close < cut):
                cut = close
        return cut

    def end_modal(self, pos: int) -> None:
        """A hypothetical speaks for its own clause: "If the index loses another 500 points,
        margin calls follow"; "若恒指跌穿 23000 點，或再跌 500 點"."""
        if self.modal and _MODAL_END.search(self.folded, self.modal_at, pos):
            self.modal = False

    def ensure(self) -> Move:
        if self.cur is None:
            self.cur = Move(
                list(self.group), self.sentence, direction=self.direction,
                session=self.sticky_session or self.sentence_session, modal=self.modal,
            )
            last = self.last_subject
            if self.sticky_session and last is not None and self.sticky_at > last.end:
                # a session word between the subject and its figure ("erased an early 1.5%
                # gain to close ..."): said of this move, not to be taken by a word after it
                self.cur.session_explicit = True
        return self.cur

    def is_previous(self, word: Word) -> bool:
        return "previous" in word.roles or (
            "yesterday" in word.roles and not self.state.yesterday_is_report_day
        )

    def streak_follows(self, tok: Token) -> bool:
        """Is the word right after ``tok`` a streak ("three-day losing streak", "five-session
        winning run")? The period then says how long the streak ran, not the figures' day."""
        nxt = self.next_token(tok)
        return nxt is not None and nxt.has("neutral") and nxt.start - tok.end <= _STREAK_GAP

    def describes_next_subject(self, tok: Token) -> bool:
        """Is ``tok`` inside a descriptor ending in 的 right before the next subject, with no
        figure or clause break between ("上月完成合併後掛牌的中國中車")?"""
        nxt = next((t for t in self.tokens if t.start >= tok.end and (t.subject is not None or t.qty is not None)), None)
        if nxt is None or nxt.subject is None:
            return False
        between = self.folded[tok.end:nxt.start]
        if nxt.start - tok.end <= _ADJACENT and self.folded[nxt.start:nxt.start + 1] in ("(", "（"):
            return True  # "the call warrant we flagged last week (code 21843)": the code closes the noun
        # (Cantonese writes 嘅 for 的: "上個月新上市嘅京東集團"; but "上個禮拜買嘅小米仲升緊一成幾"
        # is a holding's gain since it was bought, which the period does date)
        return (
            between.rstrip().endswith(("的", "嘅")) and len(between) <= _DESCRIPTOR_REACH
            and not _CLAUSE_MARK.search(between) and "买" not in between
        )

    def other_weekday(self, tok: Token) -> bool:
        """A weekday that is not the report's day ("after falling 2.5% on Monday" in
        Thursday's report), nor a day ahead that an event is due on ("ahead of its interim
        results on Monday", 將於周一公布)."""
        day = tok.role_kind("weekday")
        if day is None:
            return False
        if self.state.report_weekday is not None and WEEKDAY_NUMBERS[day] == self.state.report_weekday:
            return False
        lo = max(self.sentence[0], self.folded.rfind(",", self.sentence[0], tok.start) + 1)
        hi = self.clause_end(tok.end) or self.sentence[1]
        if _ON_HEADING.fullmatch(self.folded, self.sentence[0], tok.start):
            hi = self.sentence[1]  # "On Thursday, by contrast, the benchmark had edged up 0.4%": it dates the sentence
        if _PAST_PERFECT.search(self.folded, lo, hi):
            return True  # "The stock had dropped 1.3% on Monday", "On Tuesday the HSI had rallied 1.7%"
        if self.state.report_weekday is None:
            # "AIA, which slid 4 per cent on Monday, steadied today": the weekday is not the day
            # the same sentence calls today
            return any(t.start > tok.end and t.word is not None and "today" in t.word.roles for t in self.tokens)
        if _FROM_DAY_AFTER.match(self.folded, tok.end, tok.end + _MATCH_WINDOW):
            return False  # "上海周三起有序恢復堂食": when something starts, not the figures' day
        lo = max(self.sentence[0], tok.start - _AHEAD_REACH)
        return _AHEAD_OF.search(self.folded, lo, tok.start) is None

    def previous_after(self, i: int) -> bool:
        """An other-period word right after the number: "gained 20% year-to-date", "gained
        about 40% in 2023", "fell 2.5% on Monday" in another day's report."""
        tok = self.tokens[i]
        for t in self.tokens[i + 1:i + 1 + _PERIOD_AFTER_TOKENS]:
            other = (t.word is not None and (self.is_previous(t.word) or self.other_weekday(t))) or (
                t.qty is not None and _is_year(self.folded, t.qty)
            )
            if (
                other
                and t.start - tok.end <= _PERIOD_AFTER_REACH
                and not _PERIOD_AFTER_BREAK.search(self.folded[tok.end:t.start])
                # "added 1 percent to 22,976.65 after yesterday erasing this year's loss": another event's day
                and not _EVENT_BETWEEN.search(self.folded, tok.end, t.start)
                # "recovering 299.38 points of yesterday's 13.2% collapse": a share of that day's
                # move, won back today
                and not _SHARE_OF_BETWEEN.fullmatch(self.folded, tok.end, t.start)
                # "a decrease of 619.17 points (2.73%) from the previous trading day": the base
                # (but "down more than 70% from last week's levels" is a longer move)
                and not (
                    _FROM_BASE_BETWEEN.search(self.folded, tok.end, t.start)
                    and (_ONE_DAY_BASE.search(self.folded, t.start, t.end) is not None or self.day_before(t))
                )
            ):
                return True
        return False

    def relative_clause_end(self, tok: Token) -> int:
        """Where the relative clause that ``tok`` stands in ends (its closing comma), or 0 when
        it stands in none: "Tencent, which makes up around 10 percent of the index, rose 0.6
        percent"."""
        last = self.last_subject
        if last is None:
            return 0
        # (from the subject, or from the group's first name when the clause names it again:
        # "KE Holdings, which runs the Beike home-sales platform, dropped 5.6%")
        ends = {last.end} | {
            t.end for t in self.tokens
            if t.subject is not None and last.subject is not None and t.subject.id == last.subject.id and t.end <= last.start
        }
        if not any(_RELATIVE_OPEN.fullmatch(self.folded, e, tok.start) for e in ends):
            return 0
        m = _NEAR_BREAK.search(self.folded, tok.end, self.sentence[1])
        return m.start() if m else 0

    def day_before(self, tok: Token) -> bool:
        """Is ``tok`` the weekday of the session before the report's ("down 3.6 per cent from
        Monday's HK$22.15" in Tuesday's report)?"""
        day = tok.role_kind("weekday")
        wd = self.state.report_weekday
        return day is not None and wd is not None and WEEKDAY_NUMBERS[day] == (wd - 1) % _TRADING_DAYS

    def other_date_after(self, q: Quantity) -> bool:
        """A day and month right after the figure that are not the report's ("it plunged 13.2%
        on April 7" in a report of 14 April)."""
        if self.state.report_day is None:
            return False
        m = _date_after().match(self.folded, q.end, q.end + _MATCH_WINDOW)
        if m is None:
            return False
        months = _month_numbers()
        month = months.get(m.group("mon") or m.group("mon2"))
        day = int(m.group("d") or m.group("d2"))
        return month is not None and (month, day) != self.state.report_day

    def today_after(self, i: int) -> bool:
        """The day reported, named right after the number: "slid 5.5% on Monday and a further
        3.1% yesterday" in a morning note, 今日 after a figure: that figure is the day's own."""
        tok = self.tokens[i]
        for t in self.tokens[i + 1:i + 1 + _PERIOD_AFTER_TOKENS]:
            roles = t.word.roles if t.word is not None else frozenset()
            if (
                ("today" in roles or ("yesterday" in roles and self.state.yesterday_is_report_day))
                and t.start - tok.end <= _PERIOD_AFTER_REACH
                and not _PERIOD_AFTER_BREAK.search(self.folded[tok.end:t.start])
                # (not "恒指昨日升近200點後今日未能延續升勢": after that figure, today is another event)
                and not _AFTER_THEN.match(self.folded, tok.end, t.start)
            ):
                return True
        return False

    def session_since_direction(self, i: int) -> bool:
        """A session word between the last direction word and token ``i`` ("losses to end")."""
        for k in range(i - 1, -1, -1):
            t = self.tokens[k]
            if t.start < self.direction_end:
                return False
            if t.role_kind("session") is not None:
                return True
        return False

    def post_direction(self, i: int) -> int:
        """A direction word after the numbers it governs: "335 points lower", "1.2% higher",
        "closed 1.73 percent, or 461 points, lower at 26,290"."""
        end = self.tokens[i].end
        for nxt in self.tokens[i + 1:i + 1 + _POST_DIRECTION_TOKENS]:
            between = self.folded[end:nxt.start].strip(" ,")
            if between not in ("", "的", "or", "或"):
                return 0
            if nxt.subject is not None:
                return 0
            if nxt.word is not None:
                if "up" in nxt.word.roles:
                    return 1
                if "down" in nxt.word.roles:
                    return -1
                return 0
            end = nxt.end  # another number of the same move: "1.73 percent, or 461 points"
        return 0

    # -- the sentence -----------------------------------------------------------------------

    def run(self) -> list[Move]:
        state, sentence = self.state, self.sentence
        state.sentence += 1
        self.close_of_the_morning()
        if not any(t.subject is not None for t in self.tokens) and (extremes := self.high_low_line()):
            return extremes
        self.frame_other_day()
        if (opening := _SPAN_OPENING.match(self.folded, sentence[0], sentence[1])) is not None:
            # "Over the past four trading days, the Hang Seng Index has dropped nearly 3.8 percent"
            self.set_previous(opening.end(), sentence[1])
        carried = self.carried_subject()
        if carried is not None:
            # A sentence of figures with no subject continues the subject of the sentence
            # before ("... dipping to 22,978 points, down as much as 433 points"; a TV script's
            # "恒指跌二百四十一點。收一萬九千四百八十三。").
            start = sentence[0]
            self.tokens = [Token(start, start, subject=Subject(carried.kind, carried.id, start, start, carried.entity)), *self.tokens]
        # "港股半日。恒指跌一百八十二點。": a session said on its own heads the next sentence
        self.sticky_session, state.heading_session = state.heading_session, None
        heading = self.sticky_session  # "午間收市" over "恒指升85點；國指升0.51%；科指升0.9%。": each move's
        stamp, state.stamp_session = state.stamp_session, None
        # "港股半日。", "港股競價時段上升。": a sentence of no figures that names no subject but the
        # market heads the next one with its session
        if all(t.subject is None or t.subject.weak for t in self.tokens):
            sessions = [
                k for t in self.tokens
                if (k := t.role_kind("session"))
                # (not a time before the session: "the numbers you need before the opening bell")
                and not _BEFORE_SESSION.search(self.folded, max(sentence[0], t.start - _LOOKBACK_WORD), t.start)
            ]
            # one clause only: "午後有資金趁低吸納，但係收復唔到幾多失地" is a remark, not a heading
            if sessions and not any(t.qty is not None for t in self.tokens) and not _CLAUSE_MARK.search(
                self.folded, sentence[0], sentence[1]
            ):
                state.heading_session = sessions[-1]
        if carried is not None and self.sticky_session is None:
            self.sticky_session = state.last_session  # the figures go on with that move
        if self.card_close:
            self.sticky_session = "close"  # 昨收 in a morning note: the close of the day reported
        if self.sticky_session is None and self.trading_hours_stamp():
            # a live blog's entry timed in trading hours with no session word ("10:52  Hang
            # Seng up 0.8%"): a reading of the moment, not the midday or the close
            self.sticky_session = "intraday"
        if any(t.qty is not None for t in self.tokens):
            state.figure_sentence = state.sentence
        if state.period_block_at is not None:
            if _PARAGRAPH_BREAK.search(self.folded, state.period_block_at, sentence[0]) is None:
                if not state.period_block_closes:
                    return []  # under "■ Year to date 年初至今": "Galaxy +5.2%, Sands China +10.4%"
                self.levels_only = True  # under "(Friday close / change on the week)": the closes only
            else:
                state.period_block_at = None
        if self.period_block_heading():
            state.period_block_at = sentence[1]
            # (a heading that names the close too: its levels are the day's)
            state.period_block_closes = _CLOSE_IN_HEADING.search(self.folded, sentence[0], sentence[1]) is not None
            return []
        in_list = self.text[:1] in "-*•▪·" and len(self.text) > 1
        if state.period_heading and in_list:
            return []  # "For the week:" followed by "- HSI: -4.5%": another period's figures
        state.period_heading = False
        if state.listing_heading and in_list:
            return []  # "ADRs vs HK CLOSE (HK$ equivalent)" then "- HSBC (5): 61.65, -0.3%"
        if not in_list:
            # a heading of its own naming another listing: the list under it is that listing's
            state.listing_heading = len(self.text) <= _HEADING_CHARS and not any(t.qty is not None for t in self.tokens) and any(
                # (ADRs, not A shares: "A+H两地上市公司方面，H股整体跑赢A股：" heads both)
                t.word is not None and "other_listing" in t.word.roles and "mainland_market" not in t.word.roles
                for t in self.tokens
            )
        for i, tok in enumerate(self.tokens):
            if tok.start < self.skip_until:
                continue  # an aside after "the stock" (resolve_pronoun)
            if self.companion is not None and tok.start >= self.companion[0]:
                self.end_companion()
            if tok.subject is not None:
                self.on_subject(i, tok)
            elif tok.word is not None:
                self.on_word(tok)
            elif tok.qty is not None and self.group:
                self.on_quantity(i, tok, tok.qty)
            elif tok.qty is not None and _is_year(self.folded, tok.qty):
                self.frame_by_year(tok.qty)  # "1997年10月28日恒指曾單日暴跌13.7%"
            self.prev = tok
        self.close()
        moves = [m for m in self.moves if not m.modal]
        if heading is not None and not any(t.role_kind("session") for t in self.tokens):
            for m in moves:  # (a sentence that says its own session is read by it)
                if m.subjects[0].kind == "index":
                    m.session = m.session or heading
            if moves and all(m.subjects[0].kind == "index" and m.level is not None for m in moves) and _QUOTE_ROW.match(self.text):
                # "收盤匯總" over a block of quote rows ("恒生指數 24,216.18，+0.96%" / "國企指數
                # 8,947.5，+1.05%"): the heading speaks for each row of the block
                state.heading_session = heading
        if stamp is not None and not any(t.role_kind("session") for t in self.tokens):
            for m in moves:  # "15:31" / "恒生指数涨幅收窄至1%左右": a reading of that moment
                if m.has_change:
                    m.session = m.session or stamp
        self.share_list_session(moves)
        _spread_list_over_moves(moves)
        if self.restated is not None and moves and moves[0].level is None:
            q = self.restated  # the finer level the sentence restates, a figure no level word governs
            moves[0].level = Num(q.value, "exact", q.start, q.end)
            moves[0].session = moves[0].session or "intraday"
        if carried is not None:
            # each bare level completes the move told just before it: the sentence before's,
            # or this sentence's own ("惟收市仍跌491點或1.8%，恒指全日收報26590")
            kept: list[Move] = []
            for m in moves:
                # (in the sentence, only a move of the same session: "opened 112 points higher
                # and touched 28,731" are two)
                own = kept[-1] if kept and kept[-1].session in (m.session, None) else None
                if not self.completes(own if kept else state.last_move, m):
                    kept.append(m)
            moves = kept
        if moves:
            state.last_session = moves[-1].session
            state.last_move = moves[-1]
        return moves

    def period_block_heading(self) -> bool:
        """Is the sentence a heading line of its own that only names a period since a start
        ("■ Year to date 年初至今", "## YTD", "今年以來")?"""
        if len(self.text) > _HEADING_CHARS or not self.tokens or "\n" in self.text:
            return False
        line_start = self.folded.rfind("\n", 0, self.sentence[0]) + 1
        line_end = self.folded.find("\n", self.sentence[1])
        if self.folded[line_start:self.sentence[0]].strip(_HEADING_MARKS) or self.folded[self.sentence[1]:line_end if line_end >= 0 else len(self.folded)].strip(" .:："):
            return False  # not a line of its own
        if _WEEK_HEADING.search(self.folded, self.sentence[0], self.sentence[1]) is not None:
            # "Market performance (local currency, week to 14 March)": the rows under it are the week's
            return not any(t.qty is not None and t.qty.kind in ("pct", "pts") for t in self.tokens)
        if not self.state.yesterday_is_report_day and _DAY_BEFORE_HEADING.search(self.folded, self.sentence[0], self.sentence[1]):
            return not any(t.qty is not None for t in self.tokens)  # "七、上日回顧" over the day before's figures
        return all(
            t.word is not None and _SINCE_START.fullmatch(self.folded, t.start, t.end) is not None for t in self.tokens
        )

    @staticmethod
    def completes(last: Move | None, move: Move) -> bool:
        """Fold a carried sentence's bare level or price ("收六千六百一十五。") into the move
        of the sentence before, which it completes. True when it did."""
        if last is None or move.has_change or last.subjects[0].id != move.subjects[0].id:
            return False
        if move.level is not None and last.level is None:
            last.level = move.level
        elif move.price is not None and last.price is None:
            last.price, last.prices, last.currency = move.price, move.prices, move.currency
        else:
            return False
        last.session = last.session or move.session
        return True

    def trading_hours_stamp(self) -> bool:
        """Does the sentence open on a time of day within trading hours, and name no session?"""
        stamp = _TIME_STAMP.match(self.folded, self.sentence[0], self.sentence[1])
        if stamp is None or any(t.role_kind("session") for t in self.tokens):
            return False
        hour, minute = (int(x) for x in stamp.group().strip().split(":"))
        return _TRADING_FROM <= (hour, minute) < _TRADING_TO

    @staticmethod
    def session_end_verb(tokens: list[Token], verb: Token | None) -> bool:
        """Is ``verb`` a direction word of the midday's or the close's end (收涨, or 半日收 then
        涨)?"""
        if verb is None or verb.word is None or not {"up", "down"} & verb.word.roles:
            return False
        if verb.role_kind("session") in ("midday", "close"):
            return True
        k = tokens.index(verb)
        before = tokens[k - 1] if k > 0 else None
        return before is not None and before.role_kind("session") in ("midday", "close") and verb.start - before.end <= _ADJACENT

    def carried_subject(self) -> Subject | None:
        """The subject a subjectless sentence continues, if it states figures of it: index
        points, or (opening on a level word such as 收/報) a level or price."""
        state, tokens = self.state, self.tokens
        # only the figures before the sentence's first subject ("最新報22961點，升225點；科指報5337點")
        first = next((i for i, t in enumerate(tokens) if t.subject is not None and t.subject.kind != "pronoun"), None)
        if first is not None:
            tokens = tokens[:first]
        last = state.last_subject
        told_move = state.last_move
        if (
            told_move is not None and last is not None and last.kind == "index" and last.id.startswith("@")
            and (told := told_move.subjects[0]).kind == "index" and not told.id.startswith("@")
            and told.end <= last.start and told_move.sentence[0] <= last.start < told_move.sentence[1]
        ):
            # "恒指…最低摸到22010附近，我还以为昨晚美股那点涨幅白给了。" then "半日收涨0.7%": another
            # market named in passing, with no figure of its own, after the index's move
            last = told
        # a live blog's entry opens on its time ("14:20  Day's high so far: 25,146.92")
        stamp = _TIME_STAMP.match(self.folded, self.sentence[0], self.sentence[1])
        opens_at = stamp.end() if stamp else self.sentence[0]
        # a telegraphic line after a name ("Tencent (0700.HK) - BUY ON DIPS. Closed HK$548.50
        # (+2.1%)."; "Spiked 5.2% to HK$72.00 intraday"): it opens on a closing word or a verb
        # (a word for today before it: "今天跌2.3%，收610.5" after a holding's own line)
        # (in a next-morning note, 昨日 is that day: "騰訊控股「700」" / "昨日跌2.9%，收報521元")
        lead = 1 if len(tokens) > 1 and tokens[0].word is not None and (
            "today" in tokens[0].word.roles or ("yesterday" in tokens[0].word.roles and state.yesterday_is_report_day)
        ) else 0
        opening = lead  # the token that must open the sentence
        opens_on_level = bool(tokens) and tokens[opening].word is not None and bool({"level", "high_low"} & tokens[opening].word.roles) and (
            tokens[opening].start - opens_at <= _OPENS_REACH  # (今早開報120元: after the word for today)
        )
        # (or session words and a qualifier before the verb: "盘中一度跌超3.5%，最低下探20,950点")
        while (
            lead < len(tokens) - 1 and lead < _LEAD_WORDS and tokens[lead].word is not None
            and (tokens[lead].role_kind("session") == "intraday" or tokens[lead].role_kind("qualifier"))
            and not {"up", "down", "level"} & tokens[lead].word.roles
            and tokens[lead + 1].start - tokens[lead].end <= _ADJACENT
        ):
            lead += 1
        first = (
            tokens[lead] if tokens and tokens[lead].word is not None and tokens[opening].start - opens_at <= _OPENS_REACH else None
        )
        # "蜜雪集團(02097)正式掛牌。公司發售價為每股202.5港元，開盤報262港元": the company just named
        opens_on_company = _COMPANY_OPENING.match(self.folded, opens_at, self.sentence[1]) is not None
        opens_on_close = first is not None and first.role_kind("session") == "close"
        # (or on a quote block's label for the change: "Change / 變動:  +8.6%")
        opens_on_verb = first is not None and first.word is not None and bool({"up", "down", "change_label"} & first.word.roles)
        # an index's level word may continue the index a few timestamped entries on
        reach = _STAMPED_CARRY if stamp and opens_on_level and last is not None and last.kind == "index" else 1
        if state.figure_sentence <= state.subject_sentence:
            reach = max(reach, _QUIET_CARRY)
        restated = self.restated_extreme(tokens)
        if restated is not None:
            return restated
        if (
            last is not None and last.kind == "index" and 0 < state.sentence - state.subject_sentence <= _QUOTE_CARRY
            and _QUOTE_LINE.fullmatch(self.folded, self.sentence[0], self.sentence[1])
        ):
            return last  # a quote page's figures under the index's name
        if (
            last is not None and last.kind == "stock" and 0 < state.sentence - state.subject_sentence <= _PERFORMANCE_CARRY
            and _PERFORMANCE_LABEL.match(self.folded, self.sentence[0], self.sentence[1])
        ):
            return last  # "一、三花智控（2050 HK）" … "今日表現：開市報24.5元，…": the listing's day
        if (
            last is not None and last.kind == "stock" and state.sentence - state.subject_sentence == 1
            and state.yesterday_is_report_day and _CARD_CLOSE.search(self.folded, self.sentence[0], self.sentence[1])
        ):
            self.card_close = True
            return last  # a morning note's card under "一、友邦保險（1299 HK）": "評級：買入　昨收：80.15元"
        if last is None or not 0 < state.sentence - state.subject_sentence <= reach:
            return None
        if last.kind == "stock" and any(
            (t.word is not None and t.word.roles & _MARKET_WIDE_ROLES) or (t.qty is not None and t.qty.kind == "count")
            for t in tokens
        ):
            return None  # "全日上涨个股603只……沽空比率15.1%": the market's figures, not the stock's
        if self.unknown_subject_opens(tokens):
            return None  # "國企股(H股)跌47.59點": a subject the tables do not know opens the sentence
        # "全日波幅介於23,802點至24,077點之間": the day's range of the index just named
        opens_on_level = opens_on_level or any(t.has("day_range") for t in tokens)
        # "It never got going: the high of the day, 26,371.87, came early": the day's extreme
        # named right before the sentence's first figure
        figure = next((k for k, t in enumerate(tokens) if t.qty is not None), None)
        opens_on_level = opens_on_level or (
            figure is not None and figure > 0 and tokens[figure - 1].word is not None
            and "level" in tokens[figure - 1].word.roles and tokens[figure - 1].role_kind("session") == "intraday"
            and not self.folded[tokens[figure - 1].end:tokens[figure].start].strip(" ,:")
        )
        before: Token | None = None
        for t in tokens:
            q = t.qty
            prev, before = before, t
            if q is None:
                continue
            # a change in points, or a level the sentence opens on ("收一萬九千四百八十三");
            # a bare level deep in another topic's sentence (牛證重貨區在22,400至22,699點) is not
            scale = self.scale_of(last.id)
            # "跌1,008.47點": points right after a direction word are a change, however many
            verb_before = prev is not None and prev.word is not None and bool({"up", "down"} & prev.word.roles) and (
                q.start - prev.end <= _ADJACENT and q.value <= scale.points_max
            )
            if last.kind == "index" and (
                (q.kind == "pts" and (q.value < scale.level_min or opens_on_level or verb_before))
                or (opens_on_level and q.kind == "num" and q.value >= scale.level_min)
                # "午盘就翻红了，半日收涨0.7%左右": a percent right after a verb of the session's end
                # (with no figure before it: "恒生医疗ETF(159892)收涨3.6%" names a fund of its own)
                or (q.kind == "pct" and self.session_end_verb(tokens, prev) and q.start - prev.end <= _ADJACENT
                    and not any(t.qty is not None and t.start < prev.start for t in tokens))
            ):
                return last
            if last.kind == "stock" and opens_on_level and q.kind in ("money", "num"):
                return last
            if last.kind == "stock" and (
                (opens_on_close and q.kind == "money") or ((opens_on_verb or opens_on_company) and q.kind in ("pct", "money"))
            ):
                return last
            if last.kind == "index" and opens_on_close and q.kind == "num" and q.value >= scale.level_min:
                return last
            if last.kind == "index" and opens_on_verb and q.kind == "pct":
                return last  # a subtitle's own line: "報18,083點" / "升幅0.53%"
        return None

    def heading_line(self) -> bool:
        """Is the sentence a short heading line with no figure ("**The index**")?"""
        return len(self.text) <= _HEADING_CHARS and not any(t.qty is not None for t in self.tokens)

    def month_may(self, tok: Token) -> bool:
        """Is this "may" the month ("May 14", "14 May 2024"), not the modal verb?"""
        folded = self.folded
        return folded[tok.start:tok.end] == "may" and (
            _DAY_AFTER_MONTH.match(folded, tok.end, tok.end + _MATCH_WINDOW) is not None
            or _DAY_BEFORE_MONTH.search(folded, max(0, tok.start - _MATCH_WINDOW), tok.start) is not None
        )

    def close_of_the_morning(self) -> None:
        """"lost 2.14 points … to close Tuesday's morning session at 27,952.99": a closing word
        whose object is the morning session (a weekday's possessive between) closes the midday,
        not the day. And "上午十時，恆生指數報21888點": the morning with a clock time is a reading
        of that moment, not the midday."""
        tokens = self.tokens
        for k, t in enumerate(tokens):
            if t.role_kind("session") == "midday" and t.word is not None and _CLOCK_AFTER_ZH.match(
                self.folded, t.end, t.end + _MATCH_WINDOW
            ):
                roles = frozenset(r for r in t.word.roles if not r.startswith("session:")) | {"session:intraday"}
                tokens[k] = Token(t.start, t.end, word=t.word._replace(roles=roles))
                continue
            if t.role_kind("session") != "close" or t.word is None:
                continue
            nxt = next((u for u in tokens[k + 1:k + 3] if u.role_kind("session") or u.subject or u.qty), None)
            if (
                nxt is not None and nxt.role_kind("session") == "midday" and nxt.start - t.end <= _MORNING_REACH
                and not any(u.subject or u.qty for u in tokens[k + 1:] if u.start < nxt.start)
            ):
                roles = frozenset(r for r in t.word.roles if not r.startswith("session:")) | {"session:midday"}
                tokens[k] = Token(t.start, t.end, word=t.word._replace(roles=roles))

    def share_list_session(self, moves: list[Move]) -> None:
        """"恒指半日升85點；國指升0.51%；科指升0.9%。": index moves (changes) listed in clauses
        after one whose session is the midday or the close, and naming none of their own, are
        of it."""
        indices = [m for m in moves if m.subjects[0].kind == "index"]
        if not indices or indices[0].session not in _LIST_SESSIONS:
            return
        first = indices[0]
        end = max(n.end for n in (*first.pcts, *first.points, first.level) if n is not None)
        for m in indices[1:]:
            figures = [n.start for n in (*m.pcts, *m.points, m.level) if n is not None]
            if m.session is not None or not figures or not m.has_change:
                return  # (a bare level left by another day's frame, 昨日…收24,632, stays apart)
            if not _LIST_CLAUSE_BREAK.search(self.folded, end, min(figures)):
                return
            m.session = first.session
            end = max(n.end for n in (*m.pcts, *m.points, m.level) if n is not None)

    def restated_extreme(self, tokens: list[Token]) -> Subject | None:
        """"最低嗰個數我睇返都係14,597.08": a subjectless sentence (a reply, a footnote) that
        gives an index's level already stated, to finer decimals, after a session word (最低,
        "the low"): that index, however far back it was named."""
        lowest = min((sc.level_min for sc in self.state.scales.values()), default=0)
        session = False
        for t in tokens:
            if t.word is not None and t.role_kind("session") in ("intraday", "close"):
                session = True
            q = t.qty
            if q is None or q.kind not in ("num", "pts") or q.magnitude or q.value < lowest:
                continue  # (a reply's "#6")
            if not session or q.value == int(q.value):
                return None  # the first figure decides: it must be the finer restatement
            near = [i for i, v in self.state.index_levels.items() if v == int(q.value) or v == round(q.value)]
            if not near:
                return None
            self.restated = q
            return Subject("index", near[-1], self.sentence[0], self.sentence[0])
        return None

    def frame_by_year(self, q: Quantity) -> None:
        """"Meituan slumped 53% in 2023", 2023年, 1997年10月28日: a year written on its own
        puts its clause in another period."""
        if (
            self.state.report_year is not None and int(q.value) == self.state.report_year
            and not _YEAR_AS_PERIOD.search(self.folded, max(0, q.start - _LOOKBACK), q.start)
        ):
            return  # the report's own year (2023年12月29日), unless as a period ("fell 14% in 2023")
        clause = self.clause_end(q.end)
        # a date opening the sentence dates all of it: "On 24 October 2008, the index lost 8.3
        # per cent in a single day" (a year after its day and month, before any subject)
        heads = _DAY_MONTH_BEFORE.search(self.folded, max(self.sentence[0], q.start - _LOOKBACK), q.start) is not None and not any(
            t.subject is not None and t.start < q.start for t in self.tokens
        )
        self.set_previous(q.start, clause if clause is not None and not heads else self.sentence[1])

    def set_previous(self, end: int, scope: int) -> None:
        """An other-period frame from ``end`` to ``scope``; a wider frame already open stays."""
        if self.previous is not None and self.previous.scope > end:
            scope = max(scope, self.previous.scope)
        self.previous = _Pending(end, scope=scope)
        self.weekday_frame = False  # (set after this by another weekday's frame)

    def on_subject(self, i: int, tok: Token) -> None:
        state, folded = self.state, self.folded
        subj = tok.subject
        assert subj is not None
        last = self.last_subject
        set_rest: tuple[str, ...] = ()
        if self.elsewhere and self.elsewhere_clause and last is not None and ";" in folded[last.end:tok.start]:
            self.elsewhere = False  # "A股中国平安涨1.1%；中国人寿涨1.4%": the next clause is Hong Kong's
        if subj.kind == "stock" and self.elsewhere and (
            _HK_LISTING_HEAD.match(folded, subj.start, subj.end)
            # "On the A-share side, ChinaAMC CSI 300 Index ETF (3188 HK) was little changed": a
            # Hong Kong code printed with the name, after a mainland word, is the Hong Kong listing
            or (self.elsewhere_clause and _HK_CODE_MARK.search(folded, subj.start, subj.end))
        ):
            self.elsewhere = False  # "招商银行A股涨1.1%，H股（03968.HK）涨0.9%": the name is the H shares'
        if subj.kind == "stock" and self.elsewhere:
            subj = Subject("elsewhere", subj.id, subj.start, subj.end, subj.entity)
        if subj.kind == "pronoun" and subj.id == "@warrant":
            subj = self.resolve_warrant(tok)
            if subj is None:
                return
        elif subj.id == "@index_set":
            # "三大指數午間收盤時分別漲2.9%、3.3%和4.1%": the three main indices, once the report
            # has named each (before that, or in a report about other markets, they are unknown)
            if state.indices_named.issuperset(_INDEX_SET) and self.frame_only_before(i):
                subj, set_rest = Subject("index", _INDEX_SET[0], tok.start, tok.end), _INDEX_SET[1:]
            else:  # "A股方面，三大指數分別…", "美股三大指數": another market's
                subj = Subject("index", "@other", tok.start, tok.end)
        elif subj.kind == "pronoun" and subj.id in ("@former", "@latter"):
            # "康方生物、信达生物齐涨超4%，前者报98.2港元": the first name of the list just told;
            # "……分别收报3957.37点、6791.55点，前者跌1.07%，后者则微涨0.05%": the last
            listed = self.group if len(self.group) > 1 else (self.moves[-1].subjects if self.moves else [])
            if len(listed) < 2 and len(self.last_list) > 1:
                listed = self.last_list  # (前者 has begun a move of its own since)
            if len(listed) < 2:
                return
            named = listed[0] if subj.id == "@former" else listed[-1]
            subj = Subject(named.kind, named.id, tok.start, tok.end, named.entity)
        elif subj.kind == "pronoun":
            subj = self.resolve_pronoun(i, tok)
            if subj is None:
                if tok.word is not None:
                    self.on_word(tok)  # "…銷量6.7萬輛，股價升3.8%": 股價, the price word, after all
                return
        if subj.id == "@previous":
            if state.last_index is None:
                return
            ref = state.last_index
            if state.main_index is not None and self.heading_line():
                ref = state.main_index  # a heading "**The index**": the report's own index
            if ref == "@other" and state.main_index is not None and _PARAGRAPH_BREAK.search(folded, state.index_end, subj.start):
                # "Around the region: Tokyo's Nikkei 225 is down 6.4 per cent ..." then, in an
                # entry of its own, "The index starts 5.4 per cent lower": the report's index
                ref = state.main_index
            subj = Subject("index", ref, subj.start, subj.end)
            state.index_refs.add(subj.start)
        self.carry_period(subj, tok)
        prev = self.prev
        if (
            subj.kind == "index" and prev is not None and prev.has("contribution") and tok.start - prev.end <= _ADJACENT
            # (the share's figure right after the index: "拖累恒指約10點"; but "拖累港股掉頭回落，
            # 收市跌141點" goes on with the index's own move)
            and _CONTRIBUTION_FIGURE.match(self.folded, tok.end, tok.end + _MATCH_WINDOW) is not None
        ):
            return  # "6隻科技股推低恒指133點": the stocks' share of the index's move
        nxt = self.next_token(tok)
        if (
            subj.kind == "index" and folded.endswith(("为", "给"), 0, tok.start)
            and nxt is not None and nxt.has("contribution") and nxt.start - tok.end <= _ADJACENT
            and _CONTRIBUTION_FIGURE.match(self.folded, nxt.end + folded.startswith("了", nxt.end), nxt.end + _MATCH_WINDOW) is not None
        ):
            return  # "腾讯和阿里就为恒指贡献了约90点的涨幅": the stocks' share, said after the index
        if subj.kind == "index" and last is not None and last.subject is not None and last.subject.kind == "stock" and (
            _IN_DESCRIPTOR.fullmatch(folded, last.end, tok.start) or _IN_RELATIVE.fullmatch(folded, last.end, tok.start)
            # "Meituan (3690.HK) led the index with a 5.85% surge": the index led is the object
            or _LED_OBJECT.fullmatch(folded, last.end, tok.start)
        ):
            if not subj.id.startswith("@"):
                state.last_index, state.index_end = subj.id, subj.end  # what a later "the index" means
            return  # "Meituan, the third-heaviest weight in the Hang Seng TECH Index, added 2.6%"
        if (
            subj.kind == "index" and last is not None and last.subject is not None and last.subject.kind == "index"
            and last.subject.id != subj.id and _INDEX_APPOSITIVE.fullmatch(folded, last.end, tok.start)
        ):
            return  # "The Hang Seng Properties Index, a sub-gauge of the benchmark, jumped 4.6%"
        if (
            subj.kind == "stock" and last is not None and last.subject is not None and last.subject.kind == "stock"
            and last.subject.id != subj.id and (
                _STOCK_IN_RELATIVE.fullmatch(folded, last.end, tok.start)
                or (_RELATIVE_HEAD.fullmatch(folded, last.end, tok.start) and self.in_relative_aside(tok))
            )
        ):
            return  # "Hang Seng Bank (0011.HK), which is majority-owned by HSBC, advanced 1.2%": an aside's company
        if subj.weak:
            self.elsewhere = False  # 港股: the Hong Kong market again
        if subj.kind == "index":
            state.indices_named.add(subj.id)
            state.last_index = subj.id
            state.index_sentence = state.sentence
            state.index_end = subj.end
            if state.main_index is None and not subj.id.startswith("@"):
                state.main_index = subj.id
        if subj.kind in ("stock", "index"):
            if state.subject_sentence != state.sentence:
                state.topic = subj  # the sentence's first subject: what "it" goes on to mean
            state.last_subject = subj
            state.subject_sentence = state.sentence
        if subj.kind == "stock":
            state.last_stock = subj
            if _derivative_code(subj.id):
                state.last_warrant = subj
        group = self.group
        gap = folded[last.end:tok.start] if last is not None else ""
        if group and last is not None and any(g.id == subj.id for g in group) and _JOINER.match(gap):
            self.last_subject = tok  # "Tencent 騰訊 (00700)": one subject named twice
            if set_rest:  # 港股三大指數: the market, then its three indices, each in full
                self.group[:] = [subj if g.id == subj.id else g for g in group]
                self.list_with(set_rest, tok)
            return
        joined = (
            group
            and not self.group_done
            # "新鴻基地產(00016)升1.6%以及新世界發展(00017)升1.8%": a name after figures starts anew
            and not (self.cur is not None and self.cur.has_numbers)
            and group[0].kind == subj.kind
            and last is not None
            and (
                _JOINER.match(gap) is not None
                or (self.prev is not None and self.prev.has("link"))
                # "Kingsoft (03888) and handset-lens maker Sunny Optical (02382)": a short
                # descriptor of the next name after "and"
                or _AND_DESCRIPTOR.fullmatch(gap) is not None
                # "稻香控股(573)、翠華控股(1314)和敘福樓集團(1978)": a name the table does not know
                # stands between a listed code and the next
                or (_bare_code(subj) and _UNKNOWN_NAME_GAP.fullmatch(gap) is not None)
                # "「2318」平安、「3968」招行": a code heading a short name the tables do not know
                or (last.subject is not None and _bare_code(last.subject) and _NAME_THEN_JOINER.fullmatch(gap) is not None)
            )
            and all(s.id != subj.id for s in group)
        )
        if not self.named or self.named[-1].id != subj.id:
            self.named.append(subj)
        if joined:
            group.append(subj)
            self.last_list = list(group)
            if self.cur is not None and not self.cur.has_numbers:
                self.cur.subjects = list(group)
        else:
            cur = self.cur
            if cur is not None and not cur.has_numbers and cur.session_explicit and group and group[0].id == subj.id:
                # "Hong Kong stocks opened lower, with the HSI down 169 points": the market's
                # session word speaks for its index
                self.sticky_session, self.sticky_at = cur.session, tok.start
            self.close()
            if last is not None and ";" in folded[max(last.end, self.sticky_at):tok.start]:
                self.sticky_session = None  # "……創上市以來新高；中海油升1.5%": that clause's session
            if (
                subj.id == "@other" and group and group[0].kind == "index" and not group[0].id.startswith("@")
                and _COMPANION_BEFORE.search(folded, max(self.sentence[0], tok.start - _LOOKBACK_WORD), tok.start)
                and (brk := _NEAR_BREAK.search(folded, tok.end, self.sentence[1])) is not None
            ):
                self.companion = (brk.end(), list(group), last)
            self.group = [subj]
            self.group_done = False
            self.direction = 0
            prev = self.prev
            if prev is not None and prev.word is not None and _THE_ITS.fullmatch(folded[prev.end:tok.start]):
                # "lifting the Hang Seng Tech Index by as much as 4.2%", 拖累恒指跌
                self.direction = 1 if "up" in prev.word.roles else -1 if "down" in prev.word.roles else 0
            self.qual = self.level = self.thresh = self.price_word = self.turnover_word = None
            self.ratio = False
            self.end_modal(tok.start)
        self.list_with(set_rest, tok)
        self.last_subject = tok

    def list_with(self, index_ids: tuple[str, ...], tok: Token) -> None:
        """Add ``index_ids`` to the group, as if listed with the subject of ``tok``: the rest of
        "the three indices" after the first."""
        for index_id in index_ids:
            if all(g.id != index_id for g in self.group):
                self.group.append(Subject("index", index_id, tok.start, tok.end))
        if index_ids and self.cur is not None and not self.cur.has_numbers:
            self.cur.subjects = list(self.group)

    def frame_only_before(self, i: int) -> bool:
        """Does the sentence, before token ``i``, hold nothing but the frame of a Hong Kong move
        (a session, the day, 港股) and punctuation? "早上收市時，三隻指數" does; "A股方面，三大
        指數", "美股三大指數" and "On Wall Street overnight, the three major indexes" do not."""
        at = self.sentence[0]
        for t in self.tokens[:i]:
            if t.end <= at:
                continue
            if t.subject is not None:
                frame = t.subject.kind == "index" and t.subject.weak
            else:
                frame = t.word is not None and all(r.partition(":")[0] in _FRAME_ROLES for r in t.word.roles)
            if not frame or _WORD_CHAR.search(self.folded, at, t.start):
                return False
            at = t.end
        return not _WORD_CHAR.search(self.folded, at, self.tokens[i].start)

    def end_companion(self) -> None:
        """Back to the subject a companion market's clause interrupted."""
        assert self.companion is not None
        _, group, last = self.companion
        self.companion = None
        self.close()
        self.group, self.group_done, self.direction = group, False, 0
        self.last_subject = last

    def own_day_told(self, tok: Token, clause: int) -> bool:
        """Does "yesterday" right after an index's or a company's name head a clause telling
        that subject's move in figures ("恒指昨日跌304點，")? Then the day goes on past the clause."""
        last = self.last_subject
        return (
            tok.word is not None and "yesterday" in tok.word.roles
            and last is not None and last.subject is not None and last.subject.kind in ("index", "stock")
            and tok.start - last.end <= _ADJACENT
            and any(t.qty is not None and t.qty.kind in ("pct", "pts") and tok.end <= t.start < clause for t in self.tokens)
        )

    def right_after_subject(self, tok: Token) -> bool:
        """Is ``tok`` a Chinese word right after the subject last named, nothing between
        ("恒指前一個交易日", "騰訊昨日")? (Chinese puts the time of a predicate right after its
        subject; an English "ended the week on a soft note, slipping 0.6%" does not.)"""
        last = self.last_subject
        return (
            not self.folded[tok.start].isascii() and last is not None and last.subject is not None and last.subject.kind in ("index", "stock")
            and 0 <= tok.start - last.end <= _ADJACENT and not self.folded[last.end:tok.start].strip()
        )

    def framing_sentence(self) -> bool:
        """Does a period word here frame the whole sentence? Before any subject, or after the
        market named as a whole ("港股本周只有4日市，恒指累計下跌"), yes; after a company or
        an index, only its clause."""
        last = self.last_subject
        return last is None or (last.subject is not None and last.subject.weak)

    def resolve_warrant(self, tok: Token) -> Subject | None:
        """"答：該證昨日升28%至0.182元": the warrant or CBBC last named (a reader's question
        names it by its code), when the word opens its clause."""
        last = self.state.last_warrant
        before = self.folded[(self.prev.end if self.prev is not None else self.sentence[0]):tok.start]
        if last is None or not (_CLAUSE_OPENER.fullmatch(before) or _SPEAKER_LABEL.fullmatch(before)):
            return None
        return Subject(last.kind, last.id, tok.start, tok.end, last.entity)

    def copula_move_follows(self, i: int, tok: Token) -> bool:
        """"It was 0.2% lower at the midday break", "it was already up 3.1 percent": the word,
        a copula (and an adverb), then a direction word or a figure with its direction after."""
        copula = _COPULA_AFTER.match(self.folded, tok.end, tok.end + _MATCH_WINDOW)
        if copula is None:
            return False
        nxt = next((k for k in range(i + 1, len(self.tokens)) if self.tokens[k].start >= copula.end()), None)
        if nxt is None or self.tokens[nxt].start != copula.end():
            return False
        t = self.tokens[nxt]
        if t.word is not None:
            return bool({"up", "down"} & t.word.roles)
        return t.qty is not None and t.qty.kind in ("pct", "pts") and self.post_direction(nxt) != 0

    def resolve_pronoun(self, i: int, tok: Token) -> Subject | None:
        """"at the close it was up 4.8%", 該股收升 2%: the subject last named, when the word
        opens a clause and a direction word follows at once."""
        state, folded = self.state, self.folded
        before = folded[(self.prev.end if self.prev is not None else self.sentence[0]):tok.start]
        opens_clause = _CLAUSE_OPENER.fullmatch(before)
        # "Shares of the Tencent-backed short-video platform opened at HK$338": the descriptor
        # between the word and its verb names no other subject
        descriptor = _OF_DESCRIPTOR.match(folded, tok.end, tok.end + _MATCH_WINDOW)
        reach = _LOOKAHEAD + (descriptor.end() - tok.end if descriptor else 0)
        verb_follows = any(
            t.word is not None and (
                bool({"up", "down", "level"} & t.word.roles if descriptor else {"up", "down"} & t.word.roles)
                # "该股盘中最高见308港元": a level word of a session (最高見, 收報)
                or ("level" in t.word.roles and t.role_kind("session") is not None)
            )
            and t.start - tok.end <= reach
            # (a sentence opening on the word may put a session between: "股價早盤一度反彈1.5%")
            for t in (
                self.after_adverbials(i, _PRONOUN_VERB_TOKENS) if tok.start - self.sentence[0] <= _PRONOUN_OPENS
                else self.tokens[i + 1:i + 1 + _PRONOUN_VERB_TOKENS]
            )
        ) or any(  # "It opened at HK$296", "it closed at", "It had opened in negative territory":
            # the session's verb right after the word, perhaps after an auxiliary
            t.role_kind("session") in ("open", "close")
            and (t.start - tok.end <= _ADJACENT or _AUXILIARY_GAP.fullmatch(folded, tok.end, t.start) is not None)
            for t in self.tokens[i + 1:i + 2]  # the very next token
        ) or self.price_follows(i) or self.copula_move_follows(i, tok)
        appositive = _APPOSITIVE.match(folded, tok.end, tok.end + _MATCH_WINDOW)
        if appositive is not None and not verb_follows:
            # "The stock, trading under the code 2097, opened at HK$290": the verb after the
            # aside; the aside's own words and figures are skipped
            after = next((t for t in self.tokens[i + 1:] if t.start >= appositive.end()), None)
            if after is not None and after.word is not None and (
                {"up", "down"} & after.word.roles or after.role_kind("session") in ("open", "close")
            ):
                verb_follows = True
                self.skip_until = appositive.end()
        last = state.last_subject
        opens_on_topic = (
            state.topic is not None and state.subject_sentence == state.sentence - 1
            and tok.start - self.sentence[0] <= _PRONOUN_OPENS
        )
        if opens_on_topic:
            # "Tencent was responsible for 81 points of the Hang Seng Index's gain. It gained
            # 2.9%": a sentence opening on "it" goes on about the last sentence's topic
            last = state.topic
        if _SHARE_WORD.search(folded, tok.start, tok.end) and state.last_stock is not None:
            # "its share price", 該股: a company, never an index (the topic when it is one:
            # "JD.com (09618) began trading ... after NetEase (09999). The shares opened at")
            last = state.topic if opens_on_topic and state.topic is not None and state.topic.kind == "stock" else state.last_stock
        if descriptor and state.last_move is not None and state.last_move.subjects[0].kind == "stock":
            last = state.last_move.subjects[0]  # the company described is the one whose move was told
        if not opens_clause or last is None or not verb_follows or not folded[tok.end:tok.end + _LOOKAHEAD].strip():
            return None
        return Subject(last.kind, last.id, tok.start, tok.end, last.entity)

    def after_adverbials(self, i: int, count: int) -> list[Token]:
        """The ``count`` tokens after token ``i``, not counting session and approximate words
        between ("股價早盤一度反彈1.5%": 早盤 and 一度 before the verb)."""
        out: list[Token] = []
        counted = 0
        for t in self.tokens[i + 1:]:
            if counted >= count:
                break
            out.append(t)
            if t.word is None or not all(r.startswith(_ADVERBIAL_ROLES) for r in t.word.roles):
                counted += 1
        return out

    def price_follows(self, i: int) -> bool:
        """Do level words ("was at", "stood at"), each right after the one before, lead from
        token ``i`` to a price at once ("the stock was at HK$16.48, up 6.4%")?"""
        end = self.tokens[i].end
        for t in self.tokens[i + 1:i + 1 + _LEVEL_WORDS_TO_PRICE + 1]:
            if t.start - end > _ADJACENT:
                return False
            if t.qty is not None:
                return t.qty.kind in ("money", "num") and end > self.tokens[i].end
            if t.word is None or "level" not in t.word.roles:
                return False
            end = t.end
        return False

    def on_word(self, tok: Token) -> None:
        folded, sentence = self.folded, self.sentence
        word = tok.word
        assert word is not None
        roles = word.roles
        cur = self.cur
        if "high_low" in roles:
            self.high_low = tok
        if folded[tok.start:tok.end] == "见" and not _FIGURE_NEXT.match(folded, tok.end, tok.end + _MATCH_WINDOW):
            return  # "內險股亦見資金回流": 見 is "saw", not a level the day reached
        if "level" in roles and cur is not None and (cur.level is not None or cur.price is not None) and not self.session_follows(tok):
            # a second level: "to 26,418.62, after trading as high as 26,702"; "報119.2港元，
            # 盤中最高見121港元"
            figure = cur.level or cur.price
            other_extreme = cur.session == "intraday" and _OTHER_EXTREME.fullmatch(folded, figure.end, tok.end) is not None
            self.close()
            if other_extreme:  # "最高見17,135點，最低曾回落至16,902點": the day's other extreme
                self.sticky_session, self.sticky_at = "intraday", tok.end
        d = 1 if "up" in roles else -1 if "down" in roles else 0
        sess = tok.role_kind("session")
        prev = self.prev
        if (
            sess and prev is not None and prev.word is not None and self.is_previous(prev.word)
            and tok.start - prev.end <= _TOUCHING
            and _COMPARED_WITH.search(folded, max(sentence[0], prev.start - _LOOKBACK), prev.start)
        ):
            sess = None  # "以24,978.63点开盘，较上一交易日收市涨36.22点": the close compared with
        if sess == "close" and self.sentence_session == "midday" and d:
            sess = "midday"  # "港股午評：恒指收漲6%": in a midday review, 收漲 is the morning's close
        if sess == "close" and self.state.midday_report and not self.full_day:
            sess = "midday"  # "The Half-Day Report: ... The Hang Seng Index closed at 27,055 points"
        if (
            sess == "close" and prev is not None and prev.role_kind("session") == "midday" and tok.start - prev.end <= _TOUCHING
            and not folded[tok.start:tok.end].isascii()  # ("... in the morning to close at 27,561": the day's)
        ):
            sess = "midday"  # 午市收報, 午間收漲: the morning session's close
        if (
            sess == "close" and cur is not None and cur.session == "midday"
            and ("level" not in roles or (cur.level is None and cur.price is None))
            and not folded[tok.start:tok.end].isascii()
        ):
            # "半日升幅收窄至381點或2%，收報19382", "港股半日漲200點……收市": where the morning closed
            sess = "midday"
        if (
            "level" in roles and sess and not d and cur is not None and cur.has_numbers
            and cur.session_explicit and cur.session not in (None, sess)
        ) or (
            # "The benchmark eased 201 points ...; its intraday low was 26,190.55": after a
            # clause break, the day's extreme is a move of its own
            "level" in roles and sess == "intraday" and not d and cur is not None and cur.has_change
            and cur.level is None and cur.price is None
            and _CLAUSE_BREAK_STRONG.search(self.folded, max(n.end for n in (*cur.pcts, *cur.points)), tok.start)
        ):
            # "reversed from a deficit of more than 300 points in the morning to close at
            # 27,561.49": the level word of another session starts that session's move
            self.close()
            cur = None
        if "sector" in roles and self.verb_follows(tok):
            # "the IT sector rose 2.04 percent", 內房板塊急升5%: the sector's move, not the last name's
            self.close()
            self.group = [Subject("elsewhere", "@sector", tok.start, tok.end)]
            self.group_done = False
            self.direction = 0
            self.last_subject = tok
        if "sequence" in roles:
            self.close()  # "其後最多反彈255點", "then turned around": a later move of the subject
            self.sticky_session = None  # "早段……其後……最新報301.8元": not the earlier session
            self.fundamental = None  # "on a strong shipment update, then ... to close up 5.1%": the shares again
        if "likelihood" in roles:
            # "恒指在17,000點至18,000點區間震盪的概率較大": the figures of its clause are a forecast
            for m in (*self.moves, self.cur):
                if m is not None and m.has_numbers and not _CLAUSE_END.search(self.folded, _first_figure(m), tok.start):
                    m.modal = True
        if "modal" in roles and not self.month_may(tok):
            self.modal, self.modal_at = True, tok.end
            if self.cur is not None and not self.cur.has_numbers:
                self.cur.modal = True
        if "today" in roles or ("yesterday" in roles and self.state.yesterday_is_report_day):
            # "昨日急升的泡泡瑪特今日回吐 4.6%"; in a morning recap, "前日急挫後，恒指昨日低開":
            # back to the day reported, and not with that other day's session ("1987年……恒指曾
            # 單日暴跌33.3%，今日恒指升1.2%")
            if self.previous is not None and self.previous.end <= self.sticky_at <= self.previous.scope:
                self.sticky_session = None
            self.previous = None
        last = self.last_subject
        turnover_said = self.turnover_word is not None and last is not None and self.turnover_word.end > last.end
        if (
            self.is_previous(word) and not turnover_said
            and _COMPARED_WITH.search(folded, max(sentence[0], tok.start - _LOOKBACK), tok.start)
            # (but "升幅比昨日的1.3%明顯放緩", "compared with yesterday's 1.3%": that day's own figure)
            and not _OWNED_FIGURE_AFTER.match(folded, tok.end, tok.end + _MATCH_WINDOW)
        ):
            pass  # "比上個交易日跌94.2點", "down 1.2% from the previous session": today's move
        elif (
            self.is_previous(word) and self.prev is not None and self.prev.has("neutral")
            and tok.start - self.prev.end <= _STREAK_GAP
        ):
            pass  # "連跌三日", "連升兩周": how long a streak has run, not the figures' period
        elif self.is_previous(word) and self.streak_follows(tok):
            pass  # "snapped a three-day losing streak": how long the streak had run
        elif self.is_previous(word) and _PLANNED_FOR.search(folded, max(sentence[0], tok.start - _LOOKBACK), tok.start):
            pass  # "美国众议院计划本周就法案进行表决": the period dates a planned event, not the figures
        elif self.is_previous(word) and self.describes_next_subject(tok):
            pass  # "上月初掛牌的長實地產跌4.1%": the period dates the company's listing, not the move
        elif self.is_previous(word):
            # Before any subject it frames the sentence ("For the week, ..."); after one it
            # frames its clause only ("騰訊收入按年增長 15%，股價升 2%"), and so does a period
            # word inside a noun phrase ("公布全年增長目標後，").
            clause = self.clause_end(tok.end)
            heads = tok.start - sentence[0] <= _HEADING_REACH or (clause is not None and clause - tok.end <= _ADJACENT)
            framing = (self.framing_sentence() and (self.last_subject is not None or heads)) or (
                "other_session" in roles  # "老铺黄金昨日暗盘交易中已大涨45%，收报58.7港元": all of it
            )
            if framing and clause is not None and _POSSESSIVE_AFTER.match(folded, tok.end, tok.end + _MATCH_WINDOW):
                # "港股未能承接上日的反彈，…恒生指數中午收報21371點": the other day owns a noun
                # of its clause (上日的反彈, "yesterday's rally"), not the sentence's figures
                framing = False
            if framing and clause is not None and self.last_subject is None and any(
                t.qty is not None and t.qty.kind in ("pct", "pts", "money") and tok.end <= t.start < clause
                for t in self.tokens
            ) and not any(
                t.subject is not None and tok.end <= t.start < clause for t in self.tokens
            ) and any(t.subject is not None and t.start > clause for t in self.tokens):
                # "澳門上月賭收按年增長約八成，銀河娛樂升1.2%": a period heading its own figure's
                # clause frames that clause, not the stocks named after it
                framing = False
            scope = sentence[1] if framing or clause is None else clause
            if not framing and clause is not None and self.own_day_told(tok, clause):
                # "恒指昨日已經跌咗304點，收市企喺18,773點": the clauses after the one that tells
                # the named subject's move that day go on telling it, until a word for today
                scope = sentence[1]
            elif not framing and clause is not None and self.right_after_subject(tok) and not any(
                t.qty is not None and tok.end <= t.start < clause for t in self.tokens
            ):
                # "恒指前一個交易日曾受美國加息預期拖累，收市跌205點": a period right after its
                # subject, in a clause with no figure, dates the subject's figures in the clauses
                # after it, up to the next subject named
                scope = next(
                    (t.start for t in self.tokens if t.start >= clause and t.subject is not None and t.subject.id != self.last_subject.subject.id),
                    sentence[1],
                )
            if (
                not framing and clause is not None and clause - tok.end <= _ADJACENT
                and _CLAUSE_OPENS_BEFORE.search(folded, max(sentence[0], tok.start - _LOOKBACK_WORD), tok.start) is not None
            ):
                # "…tumbled 5.7%; the following day, the index jumped 9.1%": a period that is its
                # clause by itself frames the clause after it
                scope = self.clause_end(clause + 1) or sentence[1]
            if (after := _AFTER_EVENT_ZH.match(folded, tok.end, scope)) is not None:
                scope = after.end()  # "港股在前一日大跌後企穩，恒指收報…": the other day ends with 後
            self.set_previous(tok.end, scope)
            if self.in_brackets(tok.start):
                self.aside_period = True
            if self.text.endswith((":", "：")):
                self.state.period_heading = True
        if self.other_weekday(tok) and not self.describes_next_subject(tok):
            # "On Monday the Hang Seng Index finished at 26,849" in Tuesday's report (but
            # "周三公布季績的香港交易所漲1.36%": the day dates what the company did)
            clause = self.clause_end(tok.end)
            scope = sentence[1] if self.framing_sentence() or clause is None else clause
            self.set_previous(tok.end, scope)
            self.weekday_frame = True
        elif (
            self.previous is not None and self.weekday_frame and self.state.report_weekday is not None
            and (day := tok.role_kind("weekday")) is not None and WEEKDAY_NUMBERS[day] == self.state.report_weekday
        ):
            # "周一：恒指收21,248.6点；……周五：恒指收21,390.47点" in Friday's weekly: the list
            # comes back to the day reported
            self.previous = None
        if "hk_listing" in roles:
            self.elsewhere = False  # "港股宁德时代涨1.8%": back to the Hong Kong shares
            self.fundamental = None  # "8月销量37.3万辆，……H股跌1.6%": the shares again, not the business
        if "other_listing" in roles and _COMPANION_BEFORE.search(self.folded, max(sentence[0], tok.start - _LOOKBACK_WORD), tok.start):
            pass  # "saw a further decline alongside A-shares, with the latest report at 26,506": a comparison
        elif "other_listing" in roles:
            self.elsewhere = True
            # An A-share clause ends at ";"; an ADR paragraph lists its prices across them
            # ("滙豐折合45.52元，較港高0.42元；騰訊報617.7元").
            self.elsewhere_clause = "mainland_market" in roles
            self.close()
            self.group = [Subject("elsewhere", "@listing", tok.start, tok.end)]
            self.group_done = False
            self.last_subject = tok
        if "narrow" in roles:
            self.narrowed = True
        if "metric" in roles or "short_ratio" in roles:
            self.metric = True
        if "fundamental" in roles and self.group:
            scope = self.relative_clause_end(tok)
            lo = max(self.sentence[0], tok.start - _MATCH_WINDOW)
            if not scope and _BENEFIT_BEFORE.search(self.folded, lo, tok.start) is not None:
                # "受惠月度交付量創新高，升3.9%": the business figure is the cause, its clause only
                scope = self.clause_end(tok.end) or 0
            self.fundamental = _Pending(tok.end, scope=scope)
        if d and "level" not in roles:
            self.level = None  # "bucked the trend to rise 2.6%": the number is the change
        if d and not sess and not self.group and self.sticky_session == "open":
            # "the three major indices opened higher and moved upward, with the Hang Seng TECH
            # Index rising more than 1%": the move went on past the open
            self.sticky_session = None
        if d and self.group:
            self.on_direction(tok, d, sess)
        elif sess:
            self.on_session(tok, sess, roles)
        if "level" in roles:
            # 收報, "closing at": the session applies once a level or price follows
            self.level = _Pending(tok.end, sess or "")
            if sess and self.cur is not None and not self.cur.has_numbers:
                self.cur.session, self.cur.session_explicit = sess, True
        if "threshold" in roles:
            self.thresh = _Pending(tok.end)
        qk = tok.role_kind("qualifier")
        if qk:
            self.qual = _Pending(tok.end, qk)
        if "price" in roles:
            self.price_word = _Pending(tok.end)
            self.fundamental = None  # "...收入增長 15%，股價升 2%": the shares again
        if "target" in roles:
            self.target_word = _Pending(tok.end)
        if "reference_price" in roles:
            self.reference = _Pending(tok.end)
        if "turnover" in roles and not self.in_relative_aside(tok):
            # (not "HKEX (00388), whose earnings depend on turnover, jumped 5.4 percent")
            self.turnover_word = _Pending(tok.end)
        if "both" in roles and len(self.named) >= 2 and self.named[-1].kind == self.named[-2].kind:
            # "中國平安（31.4%）及招商銀行（28.7%），兩股分別收跌1.3%及0.6%": the two just named
            self.close()
            self.group = list(self.named[-2:])
            self.group_done = False
        if "respectively" in roles and (self.cur is not None or len(self.group) > 1):
            # after the figures ("rose 1% and 2% respectively") or before them, right after
            # the list of subjects ("周生生及六福集團分別跌0.6%及升1.4%")
            m = self.cur if self.cur is not None else self.ensure()
            m.respectively, m.respectively_at = True, tok.start

    def on_direction(self, tok: Token, d: int, sess: str | None) -> None:
        cur = self.cur
        figure = (cur.level or cur.price) if cur is not None else None
        if figure is not None and not cur.has_change and _OTHER_EXTREME.fullmatch(self.folded, figure.end, tok.end):
            pass  # "最高見17,135點，最低曾回落至16,902點": the other extreme's own verb (its figure is read as such)
        elif (
            cur is not None and cur.session == "intraday" and cur.session_explicit and not cur.has_change
            and (cur.level is not None or cur.price is not None) and _REVERSAL.match(self.folded, tok.start, tok.end)
        ):
            # "高見101.1元，但倒跌近3%收市，報96元": a reversal after the day's extreme is the close
            self.close()
            cur = None
        elif (
            cur is not None and not cur.has_change and cur.level is not None and cur.direction == -d
            and cur.session == "intraday" and _CLAUSE_MARK.search(self.folded, cur.level.end, tok.start)
        ) or (
            # "早盘最低见26,980.55点，午盘收跌0.83%": a level of one session, then another
            # session's change in a later clause
            cur is not None and not cur.has_change and (cur.level is not None or cur.price is not None)
            and cur.session_explicit and sess is not None and cur.session not in (None, sess)
            and _CLAUSE_MARK.search(self.folded, (cur.level or cur.price).end, tok.start)
        ):
            # "早盤一度下探24,713點，但午後……最多上漲超過400點": the other way, in a later clause,
            # is another moment of the day, not the low's change
            self.close()
            cur = None
        if cur is not None and cur.has_change and not (sess and cur.session and sess != cur.session) and (
            _right_after(self.folded, cur, tok, post=True)
        ):
            pass  # "closed 1.3% higher": the word states the direction of that number
        elif cur is not None and cur.has_change and (
            _unknown_name_between(self.prep, cur, tok, self.tokens) or self.unknown_cjk_before(cur, tok)
        ):
            # "... declined 3.9%, after Nvidia's shares tumbled 9.5%", "諾輝健康跌9%，榮昌跌14%":
            # another company, one the tables do not know
            self.close()
            self.group = []
        elif cur is not None and cur.has_change:
            if sess and sess != cur.session:
                self.close()  # "高開 126 點 ... 收市升 400 點": another session, another move
            elif cur.respectively and len(cur.subjects) > len(cur.pcts) + len(cur.points) // 2 and (
                tok.start - max(n.end for n in (*cur.pcts, *cur.points)) <= _LIST_DIRECTION_GAP
            ):
                pass  # "分別跌0.6%及升1.4%": each figure of the list keeps its own direction
            else:
                # A second direction word starts a new move, unless it only adds the other
                # kind of figure ("漲 303.52 點，漲幅 1.12%"): decided at the next number.
                self.split_at = d
        self.direction, self.direction_end = d, tok.end
        self.sentence_dir = d
        if self.cur is not None and not self.cur.has_change:
            self.cur.direction = d
        if sess and self.group:  # 低開, 收跌, closed: the session of this move only
            m = self.ensure()
            m.session, m.session_explicit = sess, True

    def on_session(self, tok: Token, sess: str, roles: frozenset[str]) -> None:
        cur = self.cur
        if _HEADING_COLON.match(self.folded, tok.end, tok.end + _MATCH_WINDOW) or (
            sess == "midday" and not any(s.kind in ("stock", "index") for s in self.named)
        ) or (
            # "截至收盘，恒指报24,740.57点；国企指数报9,131.6点；…": a session opening the
            # sentence, set off by a comma, frames each clause of it
            sess in ("close", "midday") and not self.named and tok.start - self.sentence[0] <= _HEADING_REACH
            and _OPENING_COMMA.match(self.folded, tok.end, tok.end + _MATCH_WINDOW)
        ):
            # "港股午收：恒指跌0.35%……科指跌0.88%"; "内房股早盘走强，碧桂园涨超9%；龙湖集团涨超
            # 15%": a morning session named before any stock or index frames every move
            self.sentence_session = sess
        if sess == "intraday" and cur is not None and cur.has_numbers and (
            self.own_move_follows(tok, cur) or self.size_word_before(tok, cur)
        ):
            # "中金公司涨超16%，盘中一度大涨逾20%": the word opens the next move
            self.close()
            self.sticky_session, self.sticky_at = sess, tok.end
            return
        if (
            sess == "midday" and cur is not None and cur.session in (None, "intraday")
            and any(n.qualifier == "as_much_as" for n in (*cur.pcts, *cur.points))
            and _right_after(self.folded, cur, tok, reach=_SESSION_AFTER_REACH)
        ):
            # "fell as much as 1,152 points to 16,771.51 in the morning": when the extreme came,
            # not the midday break
            cur.session, cur.session_explicit = "intraday", True
            return
        if (
            cur is not None and cur.has_numbers and not cur.session_explicit and "level" not in roles
            and _right_after(self.folded, cur, tok, reach=_SESSION_AFTER_REACH)
            # "恒指一度跌逾1000點 半日跌700點", "半日挫212點報26,310 曾低見26,198": the next move's
            and not self.verb_follows(tok, _MOVE_OPENERS)
            # "lost as much as 2.4 per cent before ending 0.8 per cent lower": a figure of the
            # same kind right after the word is the next session's
            and not self.same_figure_follows(tok, cur)
        ):
            cur.session, cur.session_explicit = sess, True  # "6% intraday"
            return
        if cur is not None and cur.has_numbers and (
            (cur.session and cur.session != sess) or (cur.has_change and (cur.level or cur.price))
        ):
            # "as low as 24,880 ... before closing down 0.4%"; "up as much as 255 points at
            # 25,089, before finishing 124 points higher": a new move
            self.close()
        elif (
            cur is not None and cur.has_change and cur.session is None and cur.level is None
            and cur.price is None and not self.split_at
            # (not a word that opens the next move: "港股跌213點　曾失守二萬點")
            and not self.verb_follows(tok)
        ):
            # "gave back 212 points, or 0.8%, to end the session at 26,310": the session of
            # the move whose figures came first
            cur.session, cur.session_explicit = sess, True
            return
        if self.cur is None and _UNKNOWN_NOUN_BEFORE.search(
            self.folded, self.prev.end if self.prev is not None else self.sentence[0], tok.start
        ):
            return  # "科技股午后发力 恒指涨超1%": the time of another noun's clause, not the index's
        self.sticky_session, self.sticky_at = sess, tok.end
        if self.cur is not None and not self.cur.has_numbers:
            self.cur.session = sess
            if "level" in roles:
                self.cur.session_explicit = True

    def on_quantity(self, i: int, tok: Token, q: Quantity) -> None:
        folded, tokens = self.folded, self.tokens
        self.end_modal(q.start)
        if _WITHDRAWN_AFTER.match(folded, q.end, q.end + _WITHDRAWN_REACH):
            return  # 更正: "指國企指數跌「3.5%」，應為跌4.5%": the figure printed in error
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        # (a move's noun may stand between: "a 2% gain in the Hang Seng")
        named = nxt if nxt is None or nxt.subject is not None or i + 2 >= len(tokens) else tokens[i + 2]
        if (
            named is not None and named.subject is not None and _FOR_SUBJECT.fullmatch(folded, q.end, named.start)
            and not folded.startswith(("'s", "’s"), named.end)  # ("2% for the index's best day": the name's day)
        ):
            return  # "against -3.2% for the Hang Seng Index and -6.9% for the MSCI China": the next name's
        kind = self.group[0].kind
        prev = self.prev
        if (
            kind == "index" and q.kind in ("pts", "num") and prev is not None and prev.word is not None
            and prev.word.roles & _TECHNICAL_ROLES and _TECHNICAL_LINK.fullmatch(folded, prev.end, q.start) is not None
        ):
            return  # "恒指下一個阻力位在25,800點": a technical level (levels.py), not where the index traded
        ref = self.reference
        if (
            kind == "index" and q.kind in ("pts", "num") and ref is not None
            and 0 <= q.start - ref.end <= _REFERENCE_ZONE_REACH and not _CLAUSE_END.search(folded, ref.end, q.start)
        ):
            return  # "收回價在16,900點至17,099點之間的熊證", "a strike of 22,000": a product's terms
        if q.kind in ("pts", "num", "money") and _TECHNICAL_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW):
            return  # "股價於290元附近有支持", "430港元附近有支撑": a support level, not a price
        if q.kind in ("pts", "num") and (
            _NOT_REACHED_BEFORE.search(folded, max(self.sentence[0], q.start - _NOT_REACHED_REACH), q.start)
            or _NOT_REACHED_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW)
        ):
            return  # "午后未能收复27,200点", "failed to reclaim 20,000", "26,000點亦險些失守": a level not reached
        if q.kind in ("num", "money") and _PLAN_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW):
            return  # "跌到430港元附近分批关注", "回落至60元可吸纳": a price to act at, not the price
        qual = self.qual
        qualifier = qual.kind if qual is not None and (
            q.start - qual.end <= _OPENS_REACH or self.only_direction_between(qual.end, q.start)
        ) else "over" if q.odd else "exact"  # "over 4%", "at one point down 2.6%", "百餘點"
        if qualifier == "exact" and q.kind == "pct" and (side := _PCT_SIDE_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW)):
            qualifier = "over" if side.group(1) == "以上" else "under"  # "國企指數升3%以上", 跌1%以下
        is_threshold = (
            (self.near(self.thresh, q, _THRESHOLD_REACH) and not (qual is not None and qualifier != "exact" and q.kind == "pct"))
            or _MARK_AFTER.match(folded[q.end:q.end + _LOOKAHEAD]) is not None
        )
        is_level = self.near(self.level, q) or (
            # "the high of the day, 26,371.87, came early": the day's extreme in apposition
            self.level is not None and self.level.kind == "intraday" and q.kind != "pct"
            and not folded[self.level.end:q.start].strip(" ,")
        ) or (
            # "+0.62% (close 6,910.33)", "+6.8%, last HK$19.96": a label of the level or price
            q.kind != "pct" and _LEVEL_LABEL_BEFORE.search(folded, max(self.sentence[0], q.start - _LOOKBACK), q.start) is not None
        ) or (q.kind == "num" and _EXTREME_LABEL_BEFORE.search(folded, max(self.sentence[0], q.start - _LOOKBACK), q.start) is not None)
        # "低見19,000點以下": a level with a side of it is a mark, which an exact level stated
        # after ("最低曾見18,868點") replaces
        self.level_q = "mark" if (
            kind == "index" and q.kind != "pct" and _SIDE_AFTER.match(folded, q.end, q.end + _LOOKAHEAD)
        ) else "exact"
        # A range ("from 1.8% to 2.9%", "1.8%至2.9%") is not a move.
        nxt = next((t for t in tokens[i + 1:] if t.qty is not None), None)
        # "升近5%至近6%", "between over 3% and 5%": a qualifier on the far end is still a range
        link = _RANGE_QUALIFIER.sub("", folded[q.end:nxt.start]).strip() if nxt is not None else ""
        if (noun_link := _RANGE_NOUN_LINK.fullmatch(link)) is not None:
            link = noun_link.group(1)  # "between a 1% gain and a 1% loss": the range's two ends
        is_range = (
            q.kind == "pct"
            and nxt is not None
            and nxt.qty is not None
            and nxt.qty.kind == "pct"
            and link in ("to", "至", "-", "~", "到", "and")
            # "rose 1.5% to 1.7%", "between 3% and 5%", 介乎5.3%至6%
            and ((self.prev is not None and self.prev.has("range")) or link in ("-", "~", "至", "到", "to"))
        )
        if (
            self.cur is not None and self.cur.has_numbers
            and any(n.qualifier == "as_much_as" for n in (*self.cur.pcts, *self.cur.points))
            and _SECOND_MOMENT.search(folded, _last_figure(self.cur), q.start) is not None
        ):
            # "had been up as much as 96 points in the morning session and was still 0.2 percent
            # higher at the midday break": the extreme, then where the index stood later
            self.close()
        if self.split_at and self.cur is not None:
            cur = self.cur
            same_kind = (
                (q.kind == "pct" and cur.pcts)
                # (not a level after its level word: "跌逾300点，最低跌至19,105.12点" is where the
                # same fall reached, when the move has no level yet)
                or (q.kind == "pts" and cur.points and not (
                    is_level and cur.level is None and q.value >= self.scale().level_floor
                ))
                or (q.kind in ("money", "num") and not q.magnitude and cur.price is not None)
            )
            # (or a level after the open's change: "opened 0.3% lower, dipped to 5,081.40" is
            # the day's low, not the open's level)
            after_open = cur.session == "open" and is_level and q.kind != "pct" and not same_kind
            if same_kind or self.split_at != cur.direction or after_open:
                self.close()
                if after_open:
                    self.sticky_session, self.sticky_at = "intraday", q.start
            self.split_at = 0
        d = self.direction or self.post_direction(i)
        if self.direction and self.session_since_direction(i):
            # a direction right after the figures is theirs when a session word stands between
            # the earlier one and them: "reversed early losses to end 88 points, or 0.4%, higher"
            d = self.post_direction(i) or d
        elif self.direction and _TO_VERB_BEFORE.search(folded, self.direction_end, q.start) and _DIRECTION_RIGHT_AFTER.match(folded, q.end):
            # ... and so is one right after the figure of a "to" clause: "dropped as much as
            # 5.8% before recovering to trade 3.1% lower"
            d = self.post_direction(i) or d
        if q.kind == "pct" and (vs := _VS_OFFER_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW)) is not None:
            d = 1 if vs.group(1) in ("above", "over", "higher than", "premium to") else -1  # "16.4% above the offer price"
        elif q.kind == "pct" and (vs := _VS_OFFER_BEFORE.search(folded, max(self.sentence[0], q.start - _VS_OFFER_REACH), q.start)) is not None:
            d = 1 if vs.group(1) in ("高", "高出", "溢价") else -1  # "回落至37.6元，較招股價仍高26.2%": above the offer
        last = self.last_subject
        if not d and self.sentence_dir and last is not None and self.only_qualifiers(last.end, q.start):
            # "Galaxy rose 6.2% and Sands China 5.7%", "..., and MCC more than 4%": the verb
            # is shared
            d = self.sentence_dir
        if _is_year(folded, q):
            self.frame_by_year(q)
            self.qual = None
            return
        skip = (
            self.near(self.target_word, q, _TARGET_REACH)  # "目標價上調至 700 元": a forecast, not a price
            # "trimmed its target price to HK$41 from HK$45": the old target after the new one
            or (
                self.target_word is not None and q.kind in ("money", "num")
                and _TARGET_FROM.fullmatch(folded, self.target_word.end, q.start) is not None
            )
            # "cut its target for Anta Sports to HK$95": the target's company named between
            or (
                self.target_word is not None and q.kind in ("money", "num")
                and _TARGET_FOR.match(folded, self.target_word.end, self.target_word.end + _MATCH_WINDOW) is not None
                and self.near(self.target_word, q, _TARGET_FOR_REACH)
            )
            # "left the index more than 20% below its mid-February high": a distance from a peak
            or (q.kind == "pct" and _FROM_PEAK_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            or (q.kind in ("pct", "pts") and _SINCE_EXTREME_BEFORE.search(folded, self.sentence[0], q.start) is not None)
            or (q.kind == "pct" and _SHARE_OF_MOVE_BEFORE.search(folded, max(self.sentence[0], q.start - _SHARE_OF_MOVE_REACH), q.start) is not None)
            # "盤中振幅接近3%": the width of the day's swing in percent, not a move
            or (q.kind == "pct" and _SWING_BEFORE.search(folded, max(self.sentence[0], q.start - _SHARE_OF_MOVE_REACH), q.start) is not None)
            or (q.kind in ("pct", "pts") and _SPAN_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            or (q.kind in ("pct", "pts") and _TOTAL_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            # "较现价有约24%的上涨空间": the room to a target, not a move
            or (q.kind == "pct" and _ROOM_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            # "collecting more than 1,000 points or 4.4 percent along the way": the points too
            or (q.kind == "pts" and self.pct_pair_of_span(q))
            # "down 81% from where they stood before a 17-month suspension"
            or (q.kind == "pct" and _FROM_WHERE_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            # "the worst January since the 6.7 per cent slide in the first month of 2020"
            or (q.kind in ("pct", "pts") and _SINCE_THE_BEFORE.search(folded, max(self.sentence[0], q.start - _LOOKBACK_WORD), q.start) is not None)
            or (q.kind in ("pct", "pts") and _DAY_AFTER_BEFORE.search(folded, max(self.sentence[0], q.start - _DAY_AFTER_REACH), q.start) is not None)
            or (q.kind in ("pct", "pts") and self.other_date_after(q))
            # "driven by Alibaba's 8% surge in U.S. stocks": the other listing's move
            or (kind == "stock" and q.kind == "pct" and _US_TRADING_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            # "a 24 percent rise in interim net profit": the company's results, not its shares
            or (q.kind == "pct" and _RESULTS_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            # "此前一日恒指收跌0.45%", "up 20% year-to-date": another period
            or (self.previous is not None and self.previous.end <= q.start < self.previous.scope and not self.today_after(i))
            or self.frame_goes_on(i, q)
            or self.previous_after(i)
            or (q.kind in ("num", "pts") and _DURATION_AFTER.match(folded[q.end:q.end + _LOOKBACK]) is not None)
            or (self.aside_period and q.kind == "pct" and self.in_brackets(q.start))
            or (kind == "index" and self.range_width(i, q))
        )
        if skip:
            self.qual = None
            return
        if kind == "index" and self.skip_next_level:
            self.skip_next_level = False
            self.qual = None
            return
        if kind == "index" and q.kind in ("num", "pts") and (
            self.take_level_range(i, q, link, nxt) or self.take_other_extreme(q) or self.take_high_low(q, nxt)
        ):
            self.qual = None
            return
        if q.kind == "times":
            # "急升1.1倍": a rise of 110%, when a direction word comes right before the multiple
            # (not "市盈率10倍", a ratio)
            prev = self.prev
            if prev is None or prev.word is None or not {"up", "down"} & prev.word.roles or q.start - prev.end > _ADJACENT:
                self.qual = None
                return
            q = Quantity("pct", round(q.value * 100, 4), q.start, q.end, sign=q.sign)
        if q.kind == "pts" and _COLLOQUIAL_PCT.search(folded, q.start, q.end) and (
            kind == "stock" or q.value < _COLLOQUIAL_PCT_MAX
        ):
            # "涨了3个多点": said of a stock, 个点 is a percentage point of its price; said of an
            # index, a single figure too ("恒生科技指数跌了两个多点"; 跌咗三百幾個點 are points)
            q = Quantity("pct", q.value, q.start, q.end, sign=q.sign, odd=q.odd or "多" in folded[q.start:q.end])
            qualifier = "over" if qualifier == "exact" and q.odd else qualifier
        elif q.kind == "pp" and kind in ("stock", "index") and not self.metric and self.right_after_direction(q):
            # "国企指数跌了一点五个百分点": said aloud of a price or an index, its percent
            q = Quantity("pct", q.value, q.start, q.end, sign=q.sign)
        # "HSI: closed 25,812.40 (+270.66 pts)", "Closed HK$548.50 (+2.1%)": a bare figure right
        # after the closing word is the level or price
        prev = self.prev
        after_close = (
            prev is not None and prev.word is not None and prev.role_kind("session") == "close"
            and not {"up", "down"} & prev.word.roles  # "收跌6.08元" is the change in dollars
            and not q.sign and not folded[prev.end:q.start].strip(" :")
        )
        if q.kind == "pct":
            self.take_pct(q, d, kind, qualifier, is_threshold, is_level, is_range)
        elif q.kind == "pts" and kind == "index":
            if not is_threshold:
                self.take_points(q, d, qualifier, is_level)
            else:
                self.take_mark(q)
        elif (
            q.kind == "num" and kind == "index" and q.sign and self.prev is not None and self.prev.qty is not None
            and (
                (self.prev.qty.kind == "pct" and q.value < self.scale().points_max)
                # "HSI ▲ 17,746.91 | +95.76 | +0.54%": or after the level the row opens on (a
                # figure below any level)
                or (self.cur is not None and self.cur.level is not None and self.cur.level.start == self.prev.start
                    and not self.cur.points and not self.cur.pcts and q.value < self.scale().level_min)
            )
            and _QUOTE_LINK.fullmatch(folded, self.prev.end, q.start) is not None
        ):
            # "HSI  19,388.42  +0.6%  +116.05": an app row's signed points after the percent
            self.take_points(Quantity("pts", q.value, q.start, q.end, sign=q.sign), d, qualifier, False)
        elif q.kind == "num" and kind == "index" and self.bare_points(i, q):
            # "升200或0.73%": points said without 點, restated as a percent
            self.take_points(q, d, qualifier, is_level)
        elif q.kind == "num" and kind == "index":
            # "HSI 25,703.88 (+0.80%)": a level right after the index name needs no level word.
            prev = self.prev
            # (or with a label between: "HSI close 18,581.13 (-292.84 pts)")
            after_name = prev is last and prev is not None and _NAME_LEVEL_GAP.fullmatch(folded, prev.end, q.start) is not None
            cur = self.cur
            # "closed at 20,115.42 and 7,301.88 respectively": the next level of a list
            next_of_list = cur is not None and bool(cur.levels) and _JOINER.match(folded[cur.levels[-1].end:q.start])
            # "国企指数涨1.3%，8,934；": a bare level after the change, closing its clause
            after_change = (
                prev is not None and prev.qty is not None and prev.qty.kind == "pct"
                and (
                    (_BARE_LEVEL_AFTER_CHANGE.fullmatch(folded, prev.end, q.start) is not None
                     and _CLAUSE_CLOSE_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
                    # "up as much as 2.6% (26,470)": or in brackets right after it
                    or (_BRACKET_NEXT.fullmatch(folded, prev.end, q.start) is not None
                        and _BRACKET_CLOSE.match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
                )
                and self.scale().levels[0] <= q.value <= self.scale().levels[1]
            )
            if (is_level or after_name or next_of_list or after_close or after_change) and not is_threshold and q.value >= self.scale().level_min:
                self.add_level(self.ensure(), Num(q.value, self.level_q, q.start, q.end))
            elif is_threshold:
                self.take_mark(q)
        elif q.kind in ("num", "money") and kind == "stock" and not q.currency and self.after_bond_points(i):
            pass  # "The USD 2027s traded down 2pts to 58/60": a bond's price, in points of par
        elif q.kind == "num" and kind == "stock" and self.bare_percent_of_list(i, q):
            # "Li Auto dropped 4.8 per cent and Geely lost 3.9": the list's unit left out
            self.take_pct(Quantity("pct", q.value, q.start, q.end, sign=q.sign), d, kind, qualifier, False, False, False)
        elif q.kind in ("num", "money") and kind == "stock" and _ON_THE_DOLLAR.match(folded, q.end, q.end + _MATCH_WINDOW):
            pass  # "its dollar bond fell about 6 cents to 41 cents on the dollar": a bond's price
        elif q.kind in ("num", "money") and kind == "stock" and self.take_other_extreme(q):
            pass  # "全日最高72.4元，最低70.6元": the day's other extreme, a price of its own
        elif q.kind in ("num", "money") and kind == "stock":
            self.take_money(
                q, qualifier, is_threshold, is_level or after_close or self.quote_price(i, q, last) or self.row_price(i, q, last)
            )
        if q.kind != "pct":
            self.skip_next_pct = False
        self.qual = None
        if is_level and self.level is not None:
            cur = self.cur
            if self.level.kind and cur is not None and (cur.level is not None or cur.price is not None):
                cur.session, cur.session_explicit = self.level.kind, True
            self.level = None
        self.thresh = None

    def take_pct(
        self, q: Quantity, d: int, kind: str, qualifier: str, is_threshold: bool, is_level: bool, is_range: bool
    ) -> None:
        if self.skip_next_pct or is_range:
            self.skip_next_pct = is_range
            return
        last = self.last_subject
        if self.metric and kind == "index":
            self.ratio = True  # "the ratio for the China Enterprises Index eased to 17.40%, a 0.96-point decline"
        if (
            (self.metric and kind == "index")
            or (kind == "stock" and self.metric_before(q))
            or (is_threshold and qualifier == "exact")
            # "成交縮減12%至1,587億元", "with volume down 22%": the turnover's change
            # (but not once the turnover's amount is said: "成交額131.8億元　跌5.1%" is the stock's)
            or (last is not None and self.turnover_word is not None and self.turnover_word.end > last.end
                and self.near(self.turnover_word, q, _TURNOVER_PCT_REACH)
                and not any(t.qty is not None and self.turnover_word.end <= t.start < q.start for t in self.tokens))
            # "Xiaomi's EV deliveries rose 20%", 騰訊收入增長 12%: the company's figures
            or (
                self.fundamental is not None and last is not None and self.fundamental.end > last.end
                and not (self.fundamental.scope and q.start > self.fundamental.scope)
            )
        ):
            return
        magnitude_word = self.level is not None and "幅" in self.folded[max(0, self.level.end - _THRESHOLD_REACH):self.level.end]
        # "盤中一度跌至2.7%" is the index's fall, not a ratio it stands at ("climbed to 22.10%")
        fell_to = kind == "index" and self.level is not None and not self.folded[self.level.end - 1].isascii()
        # "JD.com was 10.06% lower", "the Hang Seng was 0.7% firmer": a change, said with "was"
        compared = _COMPARED_AFTER.match(self.folded, q.end, q.end + _MATCH_WINDOW) is not None
        if is_level and not self.narrowed and not magnitude_word and not fell_to and not compared:
            self.ratio = True  # its "3.94-point increase" is in percentage points
            return  # "climbed to 22.10%" is where a ratio stands (but 跌幅達到百分之五 is the fall)
        noun = None
        if not q.sign and (noun := _NOUN_DOWN_AFTER.match(self.folded, q.end, q.end + _MATCH_WINDOW)):
            d = -1
        elif not q.sign and (noun := _NOUN_UP_AFTER.match(self.folded, q.end, q.end + _MATCH_WINDOW)):
            d = 1
        turned_from = noun is not None and _FROM_BEFORE.search(self.folded, max(self.sentence[0], q.start - _FROM_REACH), q.start)
        sign = q.sign or d
        cur = self.cur
        if (
            sign and qualifier == "as_much_as" and cur is not None and cur.session == "close"
            and not cur.has_change and (cur.level is not None or cur.price is not None)
        ):
            # "closing flat at 26,719.58 after erasing earlier gains of as much as 0.9%": the
            # day's extreme is not the change of the close just stated
            self.close()
        if not sign and q.value == 0 and self.cur is not None and self.cur.pcts:
            sign = 1  # "+0.2%, +0.4% and 0.0%": an unchanged member of a list
        if not sign and _written_zero(self.folded, q) and self.group:
            sign = 1  # "匯豐控股（5）　62.15　0.0%": a row's unchanged stock, its zero written out
        if not sign and self.beside_signed_percent(q):
            sign = 1  # "moved 0.9% and -0.4% respectively": a list that signs its falls
        if sign:
            m = self.ensure()
            m.direction = m.direction or sign
            m.pcts.append(Num(sign * q.value, qualifier, q.start, q.end))
            if qualifier == "as_much_as" and m.session is None:
                m.session = "intraday"  # "as much as 66%": the day's extreme
            if turned_from and len(m.pcts) == 1 and not m.points:
                # "swung from a 5% loss to close 2.2% higher": the move turned from is the
                # day's earlier extreme, and what follows is the next move
                m.session, m.session_explicit = "intraday", True
                self.close()

    def metric_before(self, q: Quantity) -> bool:
        """"for its dividend yield of around 6.5 per cent": a percent right after a metric word
        (yield, ratio), perhaps with a linking word and a qualifier between, is the metric's."""
        before = [t for t in self.tokens if t.end <= q.start]
        k = len(before) - 1
        if k >= 0 and before[k].word is not None and before[k].role_kind("qualifier"):
            k -= 1  # "yield of around 6.5 per cent"
        if k < 0:
            return False
        last = before[k]
        return last.word is not None and "metric" in last.word.roles and q.start - last.end <= _METRIC_REACH

    def right_after_direction(self, q: Quantity) -> bool:
        """Does a direction word (跌, 升) stand right before ``q``, with at most 了 between?"""
        prev = self.prev
        return (
            prev is not None and prev.word is not None and bool({"up", "down"} & prev.word.roles)
            and _DIRECTION_GAP.fullmatch(self.folded, prev.end, q.start) is not None
        )

    def beside_signed_percent(self, q: Quantity) -> bool:
        """Is ``q`` a member of a list of percents ("0.9% and -0.4%", "-1.2%、0.5%") whose
        neighbour carries a sign? Such a list writes the sign of a fall only."""
        nums = [t.qty for t in self.tokens if t.qty is not None]
        at = next((k for k, n in enumerate(nums) if n is q), None)
        if at is None:
            return False
        for k in (at - 1, at + 1):
            if 0 <= k < len(nums) and nums[k].kind == "pct" and nums[k].sign:
                lo, hi = (nums[k].end, q.start) if k < at else (q.end, nums[k].start)
                if _JOINER.fullmatch(self.folded[lo:hi]) is not None:
                    return True
        return False

    def bare_points(self, i: int, q: Quantity) -> bool:
        """A number right after a direction word and before "或 0.73%": points with no unit."""
        prev = self.prev
        nxt = next((t for t in self.tokens[i + 1:i + 3] if t.qty is not None), None)
        if prev is None or nxt is None or nxt.qty is None or nxt.qty.kind != "pct" or q.value >= self.scale().level_min:
            return False
        if prev.word is not None and {"up", "down"} & prev.word.roles and q.start - prev.end <= 1:
            # "升200或0.73%", "跌176，跌幅0.9%", "DOWN 426.85  (-2.09%)"
            return _OR.fullmatch(self.folded, q.end, nxt.start) is not None or (
                _BARE_POINTS_LINK.fullmatch(self.folded, q.end, nxt.start) is not None
            ) or _BRACKET_NEXT.fullmatch(self.folded, q.end, nxt.start) is not None
        # "HSI -176 (-0.9%)": a signed figure right after the index's name, its percent beside
        # it; or right after the level that follows the name ("HSI 25,103.21, +196.40 (+0.79%)")
        cur = self.cur
        after_name = prev.subject is not None and prev is self.last_subject
        after_level = (
            prev.qty is not None and cur is not None and cur.level is not None
            and cur.level.start == prev.start and not cur.has_change
        )
        if not (q.sign and (after_name or after_level)):
            return False
        gap = self.folded[prev.end:q.start].strip(" :,")
        if not gap:
            return _SIGNED_POINTS_LINK.fullmatch(self.folded, q.end, nxt.start) is not None
        # both in one pair of brackets: "24,530.01 (+201.77, +0.83%)", "(+201.77 / +0.83%)"
        return gap == "(" and _SIGNED_PAIR_LINK.fullmatch(self.folded, q.end, nxt.start) is not None

    def quote_price(self, i: int, q: Quantity, last: Token | None) -> bool:
        """A quote: the price right after the stock's name, then at once its signed change
        ("騰訊 385.2（+1.21%）", "Tencent (700.HK) HK$385.2, +4.6 (+1.21%)")."""
        prev = self.prev
        if prev is None or prev is not last or not _NAME_PRICE_GAP.fullmatch(self.folded, prev.end, q.start):
            return False
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if _BARS & set(self.folded[prev.end:q.start]) and (nxt is None or nxt.qty is None or nxt.qty.kind != "pct"):
            return False  # a card's cells ("腾讯控股 00700.HK｜515.000｜+2.18%") end on a percent (not "| 128.40 | -2.06 |")
        if nxt is not None and nxt.word is not None and "unchanged" in nxt.word.roles:
            # "China Life (2628.HK: HK$11.02, unch)", "友邦 AIA (1299) 56.30 ➖ 平 flat": a quote
            # whose change is none
            return _UNCHANGED_LINK.fullmatch(self.folded, q.end, nxt.start) is not None
        return (
            nxt is not None and nxt.qty is not None and not nxt.qty.magnitude
            # (or an unsigned zero written out: "匯豐控股（5）　62.15　0.0%")
            and (bool(nxt.qty.sign) or _written_zero(self.folded, nxt.qty))
            and _QUOTE_LINK.fullmatch(self.folded, q.end, nxt.start) is not None
        )

    def after_bond_points(self, i: int) -> bool:
        """Is a change in points, with no percent, told earlier in this clause (a bond's, said
        of a company: "down 2pts to 58/60"; but "rose 6.27% or 0.96 points to 16.26" is the
        share's change in dollars)?"""
        for k in range(i - 1, -1, -1):
            t = self.tokens[k]
            if t.qty is not None and t.qty.kind == "pts":
                clause = self.sentence[0]
                for m in _CLAUSE_END.finditer(self.folded, self.sentence[0], t.start):
                    clause = m.end()
                return not _CLAUSE_END.search(self.folded, t.end, self.tokens[i].start) and not any(
                    u.qty is not None and u.qty.kind == "pct" and clause <= u.start < self.tokens[i].start
                    for u in self.tokens
                )
        return False

    def row_price(self, i: int, q: Quantity, last: Token | None) -> bool:
        """A desk's row: the security, its signed change, then its price in the next column
        ("700 HK  +3.2%  512.00  -- gaming approvals")."""
        if i < 2 or q.magnitude or self.tokens[i - 2] is not last or last is None:
            return False
        change = self.tokens[i - 1].qty
        return (
            change is not None and change.kind == "pct" and bool(change.sign)
            and not self.folded[last.end:self.tokens[i - 1].start].strip()
            and _ROW_COLUMN_GAP.fullmatch(self.folded, self.tokens[i - 1].end, q.start) is not None
            and _ROW_CELL_END.match(self.folded, q.end, q.end + _MATCH_WINDOW) is not None
        )

    def in_brackets(self, pos: int) -> bool:
        """Is ``pos`` inside an aside in round brackets, opened in this sentence?"""
        lo = self.sentence[0]
        return self.folded.rfind("(", lo, pos) > self.folded.rfind(")", lo, pos)

    def range_width(self, i: int, q: Quantity) -> bool:
        """"波幅達260點", "a range of 330 points", "a 412-point range": the day's swing."""
        if q.kind not in ("pts", "num") or q.value >= self.scale().level_min:
            return False
        if _RANGE_WIDTH_AFTER.match(self.folded, q.end, q.end + _MATCH_WINDOW) is not None:
            return True
        if q.kind != "pts":
            return False
        word = next((t for t in reversed(self.tokens[:i]) if t.has("day_range")), None)  # tokens[i] is q
        return word is not None and _RANGE_WIDTH_LINK.match(self.folded[word.end:q.start]) is not None

    def take_level_range(self, i: int, q: Quantity, link: str, nxt: Token | None) -> bool:
        """The day's range: "fluctuated between 25,341.07 and 25,662.90", "在24,861點至25,190
        點之間上落": two intraday levels, each a move of its own."""
        if nxt is None or nxt.qty is None or nxt.qty.kind not in ("num", "pts") or link not in _RANGE_LINKS:
            return False
        second = nxt.qty
        level_min = self.scale().level_min
        if q.value < level_min or second.value < level_min or q.magnitude or second.magnitude:
            return False
        # "between 25,341 and 25,663", "HSI range 25,188 - 25,702"
        between_words = self.prev is not None and (self.prev.has("range") or self.prev.has("day_range")) and (
            self.prev.end <= q.start
        )
        if not (between_words or _RANGE_AFTER.match(self.folded, second.end, second.end + _MATCH_WINDOW)):
            return False
        if not any(t.has("day_range") for t in self.tokens):
            return False  # "牛證重貨區在19,000至19,099點之間": not where the index traded
        if _SINCE.search(self.folded, self.sentence[0], self.sentence[1]):
            return False  # "in a range between 23,000 and 24,400 since mid-May": weeks, not the day
        if _NEAR_TERM.search(self.folded, self.sentence[0], q.start) or any(
            t.word is not None and (t.has("likelihood") or t.has("modal")) and t.end <= q.start for t in self.tokens
        ):
            # "恒指短期仍在24,500點至25,500點之間上落", "指数大概率在18,500点至20,500点之间区间震荡":
            # a view of the weeks ahead or behind; neither end is a level the index traded at
            self.skip_next_level = True
            return True
        self.close()
        for n in (q, second):
            m = self.ensure()
            m.level, m.session, m.session_explicit = Num(n.value, "exact", n.start, n.end), "intraday", True
            self.close()
        self.skip_next_level = True
        return True

    def take_high_low(self, q: Quantity, nxt: Token | None) -> bool:
        """"全日高低位分別係 3,851 同 3,722", "日內高低：25,801.5 ／ 25,390.1": the day's high and
        low named together, then their two levels (a ``high_low`` word right before the first):
        each an intraday level of its own. The second is skipped when it comes."""
        word = self.high_low
        if word is None:
            return False
        # (the index may be named between: "Day range HSI: 18,101 - 18,370")
        named = self.last_subject
        gap_from = named.end if named is not None and named.start >= word.end and not self.folded[word.end:named.start].strip() else word.end
        low, high = self.scale().levels
        if (
            q.value < self.scale().level_min or _HIGH_LOW_GAP.fullmatch(self.folded, gap_from, q.start) is None
            or nxt is None or nxt.qty is None or nxt.qty.kind not in ("num", "pts")
            or _HIGH_LOW_JOIN.fullmatch(self.folded, q.end, nxt.start) is None
            # (high then low; a range's low then high: "day range 18,101 - 18,370")
            or not (low <= nxt.qty.value <= q.value <= high or (word.has("low_first") and low <= q.value <= nxt.qty.value <= high))
        ):
            return False
        self.close()
        for n in (q, nxt.qty):
            m = self.ensure()
            m.level, m.session, m.session_explicit = Num(n.value, "exact", n.start, n.end), "intraday", True
            self.close()
        self.high_low = None
        self.skip_next_level = True
        return True

    def take_other_extreme(self, q: Quantity) -> bool:
        """"intraday high 16,702, low 16,521", "最高見16,702點，最低16,521點": the day's other
        extreme, right after one, is an intraday level of its own."""
        cur = self.cur
        stock = cur is not None and cur.subjects[0].kind == "stock"
        figure = (cur.price if stock else cur.level) if cur is not None else None
        if (
            cur is None or figure is None or cur.session != "intraday" or cur.has_change
            or (not stock and q.value < self.scale().level_min)
            or _OTHER_EXTREME.fullmatch(self.folded, figure.end, q.start) is None
        ):
            return False
        self.close()
        m = self.ensure()
        num = Num(q.value, "exact", q.start, q.end)
        if stock:
            m.price, m.currency = num, q.currency or cur.currency
        else:
            m.level = num
        m.session, m.session_explicit = "intraday", True
        return True

    def take_mark(self, q: Quantity) -> None:
        """A mark crossed by a move that states no level ("surged nearly 4%, surpassing the
        20,600-point mark"): the level it gives, which a stated level replaces."""
        cur = self.cur
        if q.value < self.scale().level_min or self.modal:
            return
        if cur is not None and cur.has_change and cur.level is None:
            cur.level = Num(q.value, "mark", q.start, q.end)
        elif (cur is None or not cur.has_numbers) and (cur.session if cur is not None else self.sticky_session) == "intraday":
            # "盘中一度站上19700点", "briefly topped 20,000": a mark reached during the day is
            # the day's level there, a move of its own
            m = self.ensure()
            m.level, m.session = Num(q.value, "mark", q.start, q.end), "intraday"

    @staticmethod
    def add_level(m: Move, level: Num) -> None:
        """The move's level, the first one stated; a list of subjects keeps each level in
        order, for pairing ("恒指及國指分別報19,998點及7,245點")."""
        if m.level is None:
            m.level = level
        if len(m.subjects) > 1:
            m.levels.append(level)

    def size_word_before(self, tok: Token, cur: Move) -> bool:
        """"低见24,748.77点，跌幅一度扩大至约1,440点": a size word (跌幅, 升幅) right before the
        session word, after the figures of ``cur``, opens the next move, which the word is of."""
        prev = self.prev
        return (
            prev is not None and self.is_size_word(prev)
            and tok.start - prev.end <= _ADJACENT and prev.start > _last_figure(cur)
        )

    def is_size_word(self, tok: Token) -> bool:
        """Is ``tok`` a direction word naming a move's size (跌幅, 升幅, 漲幅)?"""
        return (
            tok.word is not None and (tok.has("up") or tok.has("down"))
            and self.folded[tok.start:tok.end].endswith(_SIZE_NOUN_END)
        )

    def size_widened_to(self, q: Quantity) -> bool:
        """"跌幅一度扩大至约1,440点", "升幅擴大至逾1,000點": the move's size (a direction word
        naming it, 跌幅 / 升幅) widened or narrowed to ``q``: the change in points, however
        large, not a level. Only qualifier, session, level and widening words stand between."""
        widened = False
        for t in reversed(self.tokens):
            if t.end > q.start:
                continue
            if t.word is None or q.start - t.end > _SIZE_WORD_REACH:
                return False
            if t.has("up") or t.has("down"):
                return widened and self.is_size_word(t)
            if t.has("narrow"):
                widened = True
            elif not (t.role_kind("qualifier") or t.role_kind("session") or t.has("level")):
                return False
        return False

    def take_points(self, q: Quantity, d: int, qualifier: str, is_level: bool) -> None:
        if self.ratio and q.value < _RATIO_POINTS:
            return  # "climbed to 22.10%, a 3.94-point increase": percentage points
        m = self.ensure()
        sd = q.sign or d
        widened = self.size_widened_to(q)
        if is_level and widened:
            is_level = False  # "跌幅一度扩大至约1,440点": the change, not a level
        prev = self.prev
        if prev is not None and prev.word is not None and prev.role_kind("qualifier") and q.start - prev.end <= 2:
            # "盤中最多跌逾2,400點": the direction word before the approximate one
            prev = next((t for t in reversed(self.tokens) if t.end <= prev.start), None)
        verb_before = widened or (
            prev is not None and prev.word is not None and bool({"up", "down"} & prev.word.roles)
            # "a slide of 2,172.99 points", "down by 2,100 points"
            and (q.start - prev.end <= 2 or _OF_BY.fullmatch(self.folded, prev.end, q.start) is not None
                 or (self.prev is not prev and self.prev is not None and self.prev.start - prev.end <= 2))
        )
        scale = self.scale()
        # "a 3,021.51-point drop": a figure written as an adjective of points is a change
        adjective = "-" in self.folded[q.start:q.end] and not q.sign
        if adjective and not sd and _NOUN_DOWN_AFTER.match(self.folded, q.end, q.end + _MATCH_WINDOW):
            sd = -1
        elif adjective and not sd and _NOUN_UP_AFTER.match(self.folded, q.end, q.end + _MATCH_WINDOW):
            sd = 1
        # "closed down 9.4%, or 2,172.99 points, at 20,926.79": the percent restated in points
        restates = (
            self.prev is not None and self.prev.qty is not None and self.prev.qty.kind == "pct"
            and bool(m.pcts) and _OR.fullmatch(self.folded, self.prev.end, q.start) is not None
        )
        if is_level or not sd or q.value > scale.points_max or (
            q.value >= scale.level_floor and not q.sign and not verb_before and not adjective and not restates
        ):
            if q.value >= scale.level_min and (m.level is None or len(m.subjects) > 1):
                self.add_level(m, Num(q.value, self.level_q, q.start, q.end))
            elif q.value < scale.level_min and sd:
                m.points.append(Num(sd * q.value, qualifier, q.start, q.end))
        else:
            m.points.append(Num(sd * q.value, qualifier, q.start, q.end))

    def money_change(self, q: Quantity) -> bool:
        """Is this amount the move in money rather than the price: right after a direction
        word ("跌0.6元", "ended up HK$8.50") or after the percent it restates ("5.3%或11.8元")?"""
        prev = self.prev
        if prev is None or q.start - prev.end > _CHANGE_GAP:
            return False
        between = self.folded[prev.end:q.start]
        if prev.word is not None and prev.word.roles & {"up", "down"} and "level" not in prev.word.roles:
            return not between.strip(" ")
        return prev.qty is not None and prev.qty.kind == "pct" and _OR.fullmatch(between) is not None

    def take_money(self, q: Quantity, qualifier: str, is_threshold: bool, is_level: bool) -> None:
        folded, cur = self.folded, self.cur
        if self.near(self.fundamental, q, 10) or (self.near(self.reference, q, 10) and not is_level):
            # "派中期息每股0.1美元", "每手賬面賺284元", "招股價 73.5 元": not the day's price
            return
        if not is_level and self.money_change(q):
            return  # "升5.3%或11.8元", "ended up HK$8.50, or 1.4%": the change in dollars
        if _OFFER_PRICE_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW):
            return  # "a 43.2% premium to the HK$202.50 offer price": the offer, not a trade
        if _PER_SHARE_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW):
            return  # "at an initial price of HKD6.23 per share": a deal's terms, not the market's
        if _SIDE_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW):
            return  # "跌到80元以下可以考慮收集": a price with a side is a threshold, not a trade
        if _ALERT_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW):
            return  # "跌到120港元會通知我": a price alert's trigger, not a trade
        if q.magnitude:
            if (self.near(self.turnover_word, q, 24) and q.kind == "money") or self.near(self.turnover_word, q, 8):
                m = self.ensure()
                m.turnover = Num(q.value, qualifier, q.start, q.end)
                m.turnover_currency = q.currency or "HKD"
            return
        prev = self.prev
        if (
            q.currency and prev is not None and prev.word is not None and prev.role_kind("session") == "intraday"
            and q.start - prev.end <= _ADJACENT and (cur is None or cur.price is not None)
        ):
            # "收 $96.65，intraday 最高 $97.4": the day's extreme after the close, a move of its own
            self.close()
            m = self.ensure()
            m.price, m.currency = Num(q.value, qualifier, q.start, q.end), q.currency
            m.prices.append(m.price)
            m.session, m.session_explicit = "intraday", True
            return
        is_price = (
            is_level
            or self.near(self.price_word, q, 12)
            # a currency-marked price right after the change: "-7.4%  HK$430.8"
            or (q.currency and cur is not None and cur.pcts and cur.price is None
                and _PCT_THEN_PRICE.fullmatch(folded[cur.pcts[-1].end:q.start]) is not None)
            # a trader's "+0.9% @ 63.25": the price at which the move stands
            or (cur is not None and cur.pcts and cur.price is None
                and _AT_SIGN_PRICE.fullmatch(folded, cur.pcts[-1].end, q.start) is not None)
            # "closed at 6.14 and 5.47 HK dollars respectively": the next price of a list
            or (cur is not None and cur.prices and _JOINER.match(folded[cur.prices[-1].end:q.start]))
        )
        if is_price and not is_threshold:
            m = self.ensure()
            num = Num(q.value, qualifier, q.start, q.end)
            m.prices.append(num)
            if m.price is None:
                m.price = num
                m.currency = q.currency or "HKD"


# Capitalised words that are not company names.
_NOT_NAMES = frozenset(
    ["the", "a", "an", "and", "but", "while", "after", "before", "as", "its", "it", "in", "on", "at", "of", "for", "with", "from", "to", "by", "us", "u.s", "hong", "kong", "hk", "china", "chinese", "asia", "asian", "mainland", "beijing", "new", "york", "wall", "street", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
_CAPITALISED = patterns.compile(r"\b[A-Z][A-Za-z&]*(?:\.[A-Z])*")


def _unknown_name_between(prep: Prepared, move: Move, tok: Token, tokens: list[Token]) -> bool:
    """Does a capitalised name the tables do not know stand between the move's last number
    and ``tok`` (a company of another market, whose move follows)?"""
    ends = [n.end for n in (*move.pcts, *move.points, move.level, move.price) if n is not None]
    if not ends:
        return False
    lo, hi = max(ends), tok.start
    spans = [(t.start, t.end) for t in tokens if lo <= t.start < hi]
    for m in _CAPITALISED.finditer(prep.text, lo, hi):
        if m.group().lower().rstrip(".") in _NOT_NAMES or len(m.group()) < 2:
            continue
        if any(s <= m.start() < e for s, e in spans):
            continue
        return True
    return False


def _bare_code(subj: Subject) -> bool:
    """Is the subject a bracketed code alone, its name unknown to the tables ("(1978)")?"""
    text = getattr(subj.entity, "text", "") or ""
    return bool(text) and text[0] in "(（「"


def _is_year(folded: str, q: Quantity) -> bool:
    """Is the quantity a year written on its own ("in 2023", 2023年), not a figure?"""
    if q.kind != "num" or not _FIRST_YEAR <= q.value <= _LAST_YEAR or q.value != int(q.value):
        return False
    after = folded[q.end:q.end + 2]
    before = folded[max(0, q.start - _YEAR_WORD_REACH):q.start]
    return after.lstrip().startswith("年") or _YEAR_FRAME_BEFORE.search(before) is not None


def _right_after(folded: str, move: Move, tok: Token, post: bool = False, reach: int = 4) -> bool:
    """Is ``tok`` right after the move's last number, in the same clause ("3% at the close",
    "to 17,978.52 at the local noon trading break")? With ``post``, only white space or 的 may
    stand between ("1.3% higher", "2.7%的跌幅")."""
    # (a list's levels too: "were at 18,912.40, 6,690.05 and 3,988.10 respectively at the lunch break")
    ends = [n.end for n in (*move.pcts, *move.points, *move.levels, move.level, move.price) if n is not None]
    if not ends or not 0 <= tok.start - max(ends) <= reach:
        return False
    between = folded[max(ends):tok.start]
    if post:
        # "1.73 percent, or 461 points, lower"; but "漲4.4%，漲幅一度擴大至6.8%" opens a clause
        if "," in between and not folded[tok.start:tok.end].isascii():
            return False
        return between.strip(" ,") in ("", "的")
    return not _RIGHT_AFTER_BREAK.search(between)


def expand(move: Move) -> list[tuple[Subject, Num | None, Num | None]]:
    """Pair a move's numbers with its subjects: (subject, pct, points) for each subject.

    One number for several subjects is shared; as many numbers as subjects pair in order.
    """
    subjects = move.subjects
    n = len(subjects)

    def pick(nums: list[Num], i: int) -> Num | None:
        if not nums:
            return None
        if n == 1:
            return nums[0]
        if len(nums) == n:
            return nums[i]
        if len(nums) == 1 and (not move.respectively or nums[0].end <= move.respectively_at):
            return nums[0]  # shared; "齊跌逾8%，收市分別報48.66元及23.62元" pairs the prices only
        return None

    return [(s, pick(move.pcts, i), pick(move.points, i)) for i, s in enumerate(subjects)]
