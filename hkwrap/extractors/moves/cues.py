"""The words around a figure that the binder tests: each pattern and window named for the
construction it reads, with an example."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from hkwrap import patterns
from hkwrap.text.lexicon import IndexScale
from hkwrap.text.spans import RELATIVE_ASIDE, RELATIVE_ASIDE_CHARS
from hkwrap.text.stamps import CLOSE_MINUTES

if TYPE_CHECKING:
    import regex

# Between an index's figures and a word naming it again ("恒指升幅擴大至逾400點，the benchmark
# hits 22,491"): the same moment goes on, its level told after the new name.
_RENAMED_AFTER_FIGURE = patterns.compile(r"\s?,\s?")
# What may stand between two subjects of one list: commas, 、, and, 及, 和, 與 ...
_JOINER = patterns.compile(
    r"^(?:[,、/&.()$]|and|or|both|the|its|及|和|与|同埋|同|跟|以及|holdings|co|ltd|inc|corp|group|plc|limited|hk|\s)*$"
)
# Between two names of a list: "and", then a short lower-case descriptor of the next name
# ("and handset-lens maker ", "and property developer ").
_AND_DESCRIPTOR = patterns.compile(r",?\s(?:and|or)\s(?:[a-z][a-z-]{1,20}\s){1,3}")
# A mark after a number: "23000 關", "the 5,500 level", "25,000-point mark".
_MARK_AFTER = patterns.compile(r"^\s?(?:关|关口|大关|水平|(?:mark|level|handle|-point mark|point mark)(?![a-z]))")  # (not "Market": a word of its own)
# The words of _MARK_AFTER that name a level as such ("15,150點水平", "the 20,000 level"), and
# what may stand between a level word and such a figure ("at the 20,000 level").
_LEVEL_MARK_WORDS = frozenset({"水平", "level"})
_ARTICLE_GAP = patterns.compile(r"\s?(?:the\s)?")
# After a level: a side of it ("低見19,000點以下", "企穩18,800點以上"), a threshold too.
_SIDE_AFTER = patterns.compile(r"\s?(?:以下|以上|之下|之上|上方|下方)")
# Before such a level: the index stayed on that side of it ("全天都站在23000点上方", "守稳19,000点
# 以上"): a floor or ceiling it held, not where it went.
_HELD_BEFORE = patterns.compile(r"(?:站在|站稳|站稳在|企稳在|守在|守稳|守住|保持在|维持在|稳守|稳企)\s?$")
_HELD_REACH = 4  # "站稳在" and a space
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
# ... or a noun phrase set off by commas after the company's name (", the index's heaviest
# weight after HSBC, gave up 10.5 percent"): a company named in it is an aside too.
_APPOSITIVE_HEAD = patterns.compile(r"(?:\s?\([^()]{1,16}\))?,\s(?:the|its|a|an)\s[^.;:。；,\d%]{0,60}")
# (a dot inside a name is no full stop: ", the online pharmacy arm of JD.com,")
_APPOSITIVE_ASIDE = patterns.compile(rf",\s(?:the|its|a|an)\s(?:[^,;.\n\d%]|\.(?=[a-z])){{1,{RELATIVE_ASIDE_CHARS}}},")
_IN_RELATIVE = patterns.compile(r",\s(?:which|that)\s[^.;:。；]{0,60}\b(?:in|of|on|among|within|to)\s+(?:the\s+)?")
# A count of trading days, or of weeks, months, quarters and years: "six sessions", "5 straight
# days", "three trading days", "three weeks", "twelve months".
_DAY_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s(?:straight\s|trading\s|consecutive\s|previous\s|prior\s)?(?:sessions|days|weeks|months|quarters|years)"
# A level that is a whole multiple of this is a round one: a range with such levels at both ends
# is a band said roughly, not the day's low and high (which are told to the point).
_ROUND_LEVEL = 100
# Before a figure, in Chinese: a count of days, weeks or months and a word of summing up, the
# span the figure took ("三个月合共跌去逾2,000点", "五个交易日累计跌", "两周内合共升") - the verb
# and a qualifier may stand between. Reach: the longest, "12个交易日以来合共" and a verb.
_SPAN_BEFORE = patterns.compile(
    r"(?:[一二两三四五六七八九十]{1,3}|\d{1,2})\s?个?(?:交易日|月|星期|周|年|日|天)(?:内|来|以来|间)?\s?"
    r"(?:合共|合计|累计|累积|共)[^,;:。；：\d]{0,6}$"
)
_SPAN_BEFORE_REACH = 24
# After a percent: a span of several days it took ("around 10% over the past two weeks", "5% in
# the last three sessions", "over the July-to-September quarter"), not the day's move.
_SPAN_AFTER = patterns.compile(
    # (after the list's last figure and its "respectively", or "of its value": "lost about 13%
    # and 9% respectively over six months", "lost more than 60% of its value in the year")
    r",? ?(?:(?:and|、)\s?[\d.]+\s?%\s)?(?:respectively,?\s)?(?:of\s(?:its|their)\s(?:market\s)?value\s)?"
    # "up 17.0% since launch", "has gained 60% since its debut": a span from the start
    r"(?:(?:lower|higher)\s)?(?:since\s(?:its\s|their\s|the\s)?(?:launch|debut|listing|inception|flotation|float|ipo)\b|"
    r"(?:over|in|during|for|within)\s(?:the\s|that\s|those\s)?(?:(?:stretch|period|run|span)\b|(?:past|last|previous|prior)\s(?:[\w-]+\s){0,2}?"
    r"(?:days|weeks?|months?|years?|sessions|trading days|quarters?)|(?:[\w-]+\s){0,2}?quarter"
    # "leaving it up 74% in the half", "in the year": the period the review is of
    # (not "in the half hour after the open", nor "the year's first session")
    r"|(?<=the\s)(?:half|year)(?![\w'’-]|\s(?:hour|day|session)\b)"
    # "shed more than 2,000 points in six sessions": a count of days
    rf"|{_DAY_COUNT}"
    # "now up more than 80 percent in a week", "doubled in a single month": a span of its own
    r"|(?:a|one)\s(?:single\s)?(?:week|fortnight|month|quarter|year)"
    # "sent the HSI up 17.5% in a matter of weeks"
    r"|a\smatter\sof\s(?:days|weeks|months|sessions))\b)"
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
    # "Over the April-June quarter the Hang Seng Index rose 7.3%", "For the month, ...": a named
    # span (not the day's "first half hour" or "second half of the session")
    r"|\s{0,8}(?:over|in|during|for|across)\s(?:the\s)?(?:[\w-]+\s){0,2}?(?:quarter|month|week|year)\b(?!['’])"
    # "Over the five sessions the benchmark gained 3.35%": a count of days
    # "For 2025 as a whole, the HSI gained about 27.8%": a year taken whole
    r"|\s{0,8}for\s(?:the\syear\s|(?:19|20)\d\d\s)(?:as\sa\swhole|overall)\b"
    # (or the days just counted: "Over those eight days the index has gained close to 20 percent")
    rf"|\s{{0,8}}(?:over|in|during|across)\s(?:the\s|those\s|these\s)?{_DAY_COUNT}\b"
)

@lru_cache(maxsize=1)
def month_spans() -> tuple[regex.Pattern, regex.Pattern]:
    """Two patterns of months named as a span (month names from lexicon/dates.yaml):

    - a sentence opening on a span of months, which frames all of it ("Over January to March
      the benchmark lost 5.2 per cent", "For January to June, the HSI rose 3.9%", a line's
      label "Month of October:");
    - before a figure in its clause, one month taken on its own ("March alone brought a gain of
      8.7 per cent", "June alone saw a 2% decline"): that month's move, not the day's.
    """
    from hkwrap import data

    months = data.load()["lexicon"]["dates"]["months"]
    names = "|".join(sorted({w for ws in months.values() for w in ws if w.isascii()}, key=lambda w: (-len(w), w)))
    opening = patterns.compile(
        rf"\s{{0,8}}(?:over|in|during|for|across|from)\s(?:the\s)?(?:{names})\s?(?:to|through|until|till|-|–|—)\s?(?:{names})\b"
        # (or a line's label naming one month whole: "- Month of October: HSI -14.7%")
        rf"|\s{{0,8}}[-*•]?\s{{0,4}}(?:the\s)?month\sof\s(?:{names})\b[^:：\n]{{0,12}}[:：]"
    )
    alone = patterns.compile(rf"\b(?:{names})\s(?:alone|by\sitself|on\sits\sown)\b[^,;:.]{{0,{_MONTH_ALONE_REACH - 20}}}$")
    return opening, alone


# From "<month> alone" to the figure it sums: the month's name and its word (20 characters at
# most) and a verb phrase ("brought a gain of ", "saw a ").
_MONTH_ALONE_REACH = 48
_FROM_WHERE_AFTER = patterns.compile(r"\s(?:lower\s|higher\s)?from\s(?:where|before)\b")
# After a percent: the whole of a span it sums ("3.8 percent in total", "cumulatively").
# After a price: a bond's, quoted against its face value ("41 cents on the dollar").
_ON_THE_DOLLAR = patterns.compile(r"\s(?:on|to)\sthe\sdollar\b")
# After a percent: the room left to a target ("24%的上涨空间", 下行空间).
_ROOM_AFTER = patterns.compile(r"\s?(?:的)?(?:上涨|上升|下跌|上行|下行)空间")
# After points: the percent they are restated as ("1,000 points or 4.4 percent").
_PCT_PAIR_AFTER = patterns.compile(r",?\s(?:or\s)?\(?[\d.]{1,8}\s?(?:%|percent|per\scent)\)?")
# Right before a figure: it restates the one before it in the other unit ("1.97% over the five
# sessions, or 506 points", "3%，或 506 點"), within a clause's reach of it.
_RESTATED_AS = patterns.compile(r"(?:,\s?|\s)(?:or|或)\s?(?:about\s|some\s|roughly\s|nearly\s|约|近|逾)?$")
_RESTATED_SKIP_REACH = 60  # "1.97% over the five sessions, or " and a longer span between
# Between a figure and the value it was changed from: "to 27,000 from as high as 31,000".
# Right before a percent: a bound, not a figure ("跌幅都唔超過1%", "not more than 1%").
# A mark that ends a heading or a label ("到價提醒｜", "Alert:").
_HEADING_MARK = patterns.compile(r"[|:]")
# A sentence opening on one of these (after a name or a few words at most) is a condition and
# its consequence: hypothetical to its end. (Not 若 alone: "若以收市價計" measures a real figure.)
_CONDITION_WORD = patterns.compile(r"if|unless|如果|假如|倘若|万一")
_CONDITION_END = patterns.compile(r"[;:](?!\d)")  # where such a sentence's hypothetical ends
_CONDITION_OPENS_REACH = 12  # "Ivan：如果", a chat line's speaker before the condition
# After a percent: the return of a fund or portfolio it adds to or takes from ("0.9 percentage
# points to relative return", "1.2% to the fund's performance"), not the holding's move.
_RETURN_SHARE_AFTER = patterns.compile(
    r"\s(?:to|from|of)\s(?:the\s)?(?:fund'?s?\s|portfolio'?s?\s)?(?:relative\s|absolute\s|total\s|excess\s)?(?:return|returns|performance|alpha)\b"
)
_BOUND_BEFORE = patterns.compile(
    r"(?:不|唔|未|冇|没有?)(?:超过|多过|高过|大过|多于|高于)\s?$|\b(?:not|no)\s(?:more|higher|greater)\sthan\s$"
)
_BOUND_REACH = 16  # "唔超過 ", "not more than "
_OLD_VALUE_LINK = patterns.compile(r"\s(?:from|versus|vs\.?)\s(?:as\s(?:high|low|much)\sas\s)?(?:hk\$\s?)?")
_TOTAL_AFTER = patterns.compile(r",?\s(?:in total|in all|altogether|cumulatively|combined|along the way)\b")  # "4.4 percent along the way": over a streak
# After a figure (and the rest of its list): the year it belongs to ("losses of 14%, 15% and
# 14% in 2021, 2022 and 2023", "fell 2,100 points during 2022"), not the day's move; not a
# year's day ("in 2024's last session").
_YEAR_AFTER = patterns.compile(
    r"(?:(?:,\s?|,?\sand\s)[+-]?\d{1,3}(?:\.\d{1,2})?\s?(?:%|per\scent|percent)){0,4}"
    r"\s(?:in|during|for|over)\s(?:(?:the\s)?(?:calendar\s|fiscal\s|financial\s)?year\s)?(?:19|20)\d\d\b(?!['’])"
)
_YEAR_AFTER_REACH = 80  # four more figures of a list and the year after them
# After a percent: the change of a company's results ("rise in interim net profit").
_RESULTS_AFTER = patterns.compile(
    r" ?(?:rise|jump|increase|gain|growth|fall|drop|decline|slump)s? in (?:its |their |the )?"
    r"(?:[a-z-]+ ){0,3}?(?:profit|profits|earnings|revenue|revenues|sales|income|dividend|margin)s?\b"
    # ... or a charge, a levy or a holding it sizes: "another 10% tariff on Chinese goods", "a 5%
    # stake", 加征10%关税
    r"|\s?(?:(?:additional|extra|new|blanket|reciprocal|retaliatory)\s)?(?:tariffs?|levy|levies|duty|duties|tax|stake|holding)\b"
    r"|\s?(?:的)?(?:关税|税率|股权|持股)"
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
    # "股價較年內高位已回落約三成", "较高点累计下跌逾20%": the distance from a past extreme, in its clause
    # (the extreme's own level may stand between: "較二月高位2萬7千4百點回落約1,300點")
    r"|较[^,;。\d]{0,6}?(?:高位|高点|高峰|顶部|低位|低点|底部)[^,;。]{0,16}$"
)
# A sentence opening on a past extreme the figures are counted from: "From its 27 February
# closing high of 26,512.08, the HSI has given back more than 6%" (not the day's move).
_FROM_EXTREME_OPENING = patterns.compile(
    r"\s{0,8}from\s(?:its|the|their)\s[\w '’-]{0,30}?\b(?:high|low|highest|lowest|peak|trough|bottom|top)s?\b(?:\sof\s[\d,.]+)?,"
)
# Before a figure: a perfect tense with "since", a move counted from an earlier point ("it has
# since rallied about 14 per cent", "have since given up 5%"). Reach: "has since " and up to
# four words and an approximate word.
_SINCE_PERFECT_BEFORE = patterns.compile(
    r"\b(?:has|have|had)\ssince\s(?:[a-z'’-]+\s){1,4}$"
    # (or "since then" before its clause: "since then the index has surrendered about 10%")
    r"|\bsince\s(?:then|that)\b,?\s(?:[a-z'’-]+\s){1,5}$"
)
_SINCE_PERFECT_REACH = 56
# Before a figure: a move named for its period ("for a yearly gain of roughly 45%", "an annual
# loss of 12%"), not the day's. Reach: the period's word, the move's noun, "of" and an
# approximate word.
_PERIOD_MOVE_BEFORE = patterns.compile(
    r"\b(?:yearly|annual|quarterly|monthly|weekly|half-year|half-yearly|first-half|full-year|year-to-date|ytd"
    # (or a count of days in a compound: "a four-session rally of over 12%", "its three-day slide of 7%")
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})-(?:day|session|week|month))\s"
    r"(?:(?:winning|losing)\s)?"
    r"(?:gain|loss|rise|fall|drop|decline|advance|slump|rally|jump|surge|return|increase|slide|rebound|climb|run|streak|sell-off|selloff)s?\s(?:of\s)?"
    r"(?:about\s|roughly\s|nearly\s|over\s|more\sthan\s|some\s|almost\s|around\s|close\sto\s)?$"
)
_PERIOD_MOVE_REACH = 48
# Before a figure in its clause: the period's possessive ("the quarter's worst blue chip with a
# loss of about 58%", "ranked among the year's biggest losers with a slump of roughly 24 per
# cent"): that period's figure, unless a day is named between ("the year's biggest one-day
# gain of 5%", "a rise of 4.1% today" are the day's).
_PERIOD_POSSESSIVE_BEFORE = patterns.compile(
    r"\bthe\s(?:quarter|year|half|month|week)['’]s\s(?:(?!\b(?:one-day|single-day|day|daily|session|today)\b)[^,;:.]){0,60}$"
)
_PERIOD_POSSESSIVE_REACH = 80  # "the quarter's " and the 60 characters of its clause after it
_DAY_AFTER_MONTH = patterns.compile(r"\.?\s(?:[0-3]?\d|(?:19|20)\d\d)\b")  # "May 14", "May 2025"
# "14 May", or a word that places a time before it: "since early May", "in May", "mid-May"
_DAY_BEFORE_MONTH = patterns.compile(r"\b[0-3]?\d\s$|\b(?:early|mid|late|in|since|until|till|through|from|of|by)[\s-]$")
_DAY_MONTH_BEFORE = patterns.compile(r"\b[0-3]?\d\s[a-z]{3,9}\.?,?\s$|\b[a-z]{3,9}\.?\s[0-3]?\d,?\s$")  # "24 October 2008"
_DAY_OF_MONTH_AFTER = patterns.compile(r"\s?([12]\d|3[01]|0?[1-9])日(?![均线内])")  # "恒生指數23日漲"
_MORNING_REACH = 16
_CLOCK_AFTER_ZH = patterns.compile(r"\s?(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s?(?:时|点)(?:[半正]|\d{1,2}分|[一二三四五]十[一二三四五六七八九]?分)?(?![\d零〇一二两三四五六七八九])")  # "to close Tuesday's morning session": a weekday's possessive between
# The sessions a list of index moves in clauses shares ("恒指半日升85點；國指升0.51%"): the
# readings of a report's set times (an intraday extreme or the open is the first index's own).
_LIST_SESSIONS = frozenset({"midday", "close"})
_LIST_CLAUSE_BREAK = patterns.compile(r"[;；]")
# Right before a figure: a share of a move ("貢獻了恒指升幅的約四成", "跌幅的一半"), or a
# share of a whole right after 佔 ("單是競價時段已佔約兩成" of the day's turnover), the whole
# perhaps named between ("佔全日近一成六", "佔大市成交約8%"), not a move.
_SHARE_OF_MOVE_BEFORE = patterns.compile(
    r"(?:(?:涨幅|跌幅|升幅|增幅|跌势|升势|涨势)的|占(?:全日|全天|大市|总|整体)?(?:成交额?|成交量)?)(?:约|近|逾|超过|超|大约|接近|将近)?\s?$"
)
_SHARE_OF_MOVE_REACH = 10  # 占, the whole (大市成交额) and an approximate word of up to two characters
# A move given back names an earlier one: "giving back part of the gains of more than 5 per
# cent each that they booked on Monday", "erased most of its 3% rally".
_GIVEN_BACK_BEFORE = patterns.compile(
    r"\b(?:giv(?:e|es|ing)|gave|hand(?:ed|ing)?|eras(?:e|ed|es|ing)|par(?:e|ed|ing))\s(?:back\s)?"
    r"(?:part|some|most|much|all|half|a\s(?:third|quarter|chunk))\sof\s(?:the|its|their|[a-z]+'s)\s"
    r"(?:(?:[a-z-]+\s)?(?:gains?|loss(?:es)?|rally|rise|advance|surge|jump|slide|fall|drop)(?:\sof)?\s)?"  # (or "its 3% gain")
    r"(?:more\sthan\s|over\s|about\s|nearly\s|almost\s|some\s)?$"
    # "较日高回落约180点", "从高位回吐逾300点": the distance from the day's extreme, not a move
    r"|(?:较|从|自|由)(?:日高|日低|日内高位|日内低位|全日高位|全日低位|高位|低位|高点|低点)(?:回落|回吐|回升|反弹|倒跌)了?\s?(?:约|近|逾|超过|超)?\s?$"
)
_GIVEN_BACK_REACH = 80  # the verb, "back part of the", the noun and a qualifier
_CONTRIBUTION_FIGURE = patterns.compile(r"\s?(?:约|近|逾|超过|超|达)?\s?[\d一二两三四五六七八九十百千]")
# Right after another day's word: a noun that day owns (上日的反彈, "yesterday's rally"); a
# trend noun owns it even without 的 (承接昨日跌勢, 延續上日升勢); after 上周 its weekday may
# stand between (延續上週五升勢); so does a move's pattern or momentum (延续本周反弹格局).
_POSSESSIVE_AFTER = patterns.compile(
    r"[一二三四五六日天]?(?:的(?:反弹|升势|跌势|涨势|升幅|跌幅|走势|强势|弱势|急升|急跌|大升|大跌)|(?:升势|跌势|涨势|走势|强势|弱势|颓势|升浪|跌浪)"
    r"|(?:反弹|反彈|上升|下跌|调整|回调|升|跌|涨)(?:格局|势头|行情))"
)
# Right after a figure, a link to what came next: "…200點後今日", "lost 0.7% so today ..."
_AFTER_THEN = patterns.compile(r"(?:点|點)?\s?(?:后|之后|以后)|\s(?:so|but|before|while|whereas|and then)\s")
_ALERT_AFTER = patterns.compile(
    r"\s?(?:就)?(?:会|将)?(?:通知|提醒|提示)"
    # or a trade it sets off: "腾讯到420就卖一半", "跌穿100就买"
    r"|\s?就(?:卖|买|沽|入货|出货|走人|止赚|止蚀|止损|加仓|减仓|清仓|加注)"
)
_SWING_BEFORE = patterns.compile(r"(?:振幅|波幅)(?:达到|达|为|约|近|接近|逾|超过|超|差唔多|差不多|大约)?\s?$")
_SWING_REACH = 8  # 振幅 or 波幅, an approximate word of up to three characters (差唔多) and a space
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
# After a change: the close it is measured from ("156 points under yesterday's close", "0.8%
# below its previous close"): the side of it gives the change its sign.
_VS_CLOSE_AFTER = patterns.compile(
    r"\s(above|over|higher than|below|under|lower than)\s(?:yesterday'?s|the\sprevious(?:\sday'?s)?|its\sprevious|the\sprior"
    r"|its\sprior|(?:mon|tues|wednes|thurs|fri)day'?s|last\snight'?s)\s(?:session'?s\s)?clos(?:e|ing\slevel)\b"
)
# An amount named as the offer price right after it ("the HK$202.50 offer price"): not a price
# the stock traded at.
_OFFER_PRICE_AFTER = patterns.compile(r"\s(?:offer|ipo|listing|issue|placing|subscription)\sprice")
# A live blog's time at the start of an entry, and how many entries back an index named may
# still be the subject of an entry that opens on a level word ("Day's high so far: ...").
_TIME_STAMP = patterns.compile(r"\s*\d{1,2}:\d{2}\s+")
# Between a level and the same level restated to its decimals in brackets ("收報2萬零345點
# （20,345.17點）", "closed at 20,345 (20,345.17)"): the finer figure is the level.
_FINER_LEVEL_LINK = patterns.compile(r"\s?[(（]\s?")
_FINER_LEVEL_SPREAD = 1.0  # the rounded figure is within a point of the finer one
# Between a level and "it" in a clause of that moment: ", where it was still up 188.76 points",
# ", at which point it was down 1.2%".
_WHERE_IT_LINK = patterns.compile(r",?\s(?:where|at\swhich\spoint|at\swhich\stime)\s")
# A clock time right after a level word ("a session high of 23,150.28 at 3:20 p.m., up 178.95
# points", "touched 6,648.90 at 10:35 (+136.60 points)"): the word says when the level was
# reached, not a second level. A time has a colon or an a.m./p.m. ("at 19.25" is a price). The
# time may be said roughly: "a low of 18,901.22 at about 10:15 a.m., down 282.95 points".
_CLOCK_TIME_AFTER = patterns.compile(r"\s{1,2}(?:(?:about|around|approximately|roughly|just\s(?:after|before)|shortly\s(?:after|before))\s)?(?:\d{1,2}:\d{2}(?![\d,])(?:\s?[ap]\.?m\b\.?)?|\d{1,2}(?:\.\d{2})?\s?[ap]\.?m\b\.?)")
# A wire's editorial note on a corrected or updated story: "(Corrects Hang Seng Index closing
# level in paragraph 2 to 16,884.88 from 16,848.88)", "(Adds analyst comment)". Its figures
# are the story's, told again in its body.
_EDITORS_NOTE = patterns.compile(r"\s*\(\s*(?:corrects|correcting|refiles|adds|updates|recasts)\b")
# A sentence quoting the writer's own earlier figure ("In our six o'clock bulletin we said the
# Hang Seng Index fell 6.63% today.") that the next sentence corrects ("The correct figure is
# 6.36%."): the figure printed in error, not the day's.
_WE_SAID = patterns.compile(r"\bwe\s(?:wrote|said|reported|stated|gave|printed|quoted|had\sthe)\b")
_CORRECTED_NEXT = patterns.compile(
    r"\s{0,8}(?:the\s(?:correct|right|actual)\s|it\sshould\s(?:have\s)?(?:read|been|be)\b|that\s(?:should|was\s(?:wrong|incorrect))\b"
    r"|this\s(?:should|was\s(?:wrong|incorrect))\b)"
)
_CORRECTED_CLOSE = patterns.compile(r"\s{0,8}the\s(?:correct|right|actual)\s(?:close|closing\s(?:level|figure))\b")
# A chat message's lead: its time (and day) in brackets, then the sender ("[16:02] Mandy: ",
# "[Sat 14/6 09:44] Ken: ").
_CHAT_LEAD = patterns.compile(r"\s{0,8}\[[^\]\n]{1,24}\]\s{0,4}(?:[^:：\s\[\]]{1,16}\s?[:：]\s{0,4})?")
_STAMPED_CARRY = 3
# Continuous trading in Hong Kong: 09:30 to the 16:00 close (an entry timed in these hours
# with no session word is a reading of the moment).
_TRADING_FROM, _TRADING_TO = (9, 30), divmod(CLOSE_MINUTES, 60)
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
# ("ahead of its interim results on Monday", "will report on Tuesday", 將於周一公布; a trader's
# "into": "-2.8% to HK$398.40 into Wednesday's 3Q print").
_AHEAD_OF = patterns.compile(
    r"(?:\bahead\sof|\bdue\b|\bwill\b|\bscheduled\b|\bslated\b|\bexpected\sto\b|将于|将在|将会)[^.;,，；。]*$|\binto\s$"
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
_ROW_INDENT = 2  # spaces before a line's text that make it a row of the list above it (one may be a typo)
_PCT_SIDE_AFTER = patterns.compile(r"\s?(?:或)?(以上|以下)")  # a percent's side after it: 升3%以上
_AFTER_EVENT_ZH = patterns.compile(r"[^,;。]{0,12}?(?:之后|后)")  # folded: 後 is 后
# A rounded percent and the exact one restating it differ by less than this (nearly 2% is 1.96%).
_ROUNDED_PCT_TOLERANCE = 1.0
# Between another listing's name and the next company's, in English: a clause joined on (", and
# Bank of China added 1.3%"), the Hong Kong shares again.
_CLAUSE_JOIN_EN = patterns.compile(r",\s(?:and|while|whereas|but)\s")
# ... the same join right before a name, after a clause of its own ("…edged up 0.2%, while
# PetroChina lost 0.9%"); looked for in the join's length before the name.
_CLAUSE_JOIN_EN_END = patterns.compile(r",\s(?:and|while|whereas|but)\s$")
_CLAUSE_JOIN_REACH = 10
# (and a quote page's ticker in brackets: "Hang Seng TECH (^HSTECH)   4,791.07   -1.66%",
# a word for now: "HSI 而家 23,580", "HSI now 23,580"; a row's abbreviated name's dot before
# its columns: "HS China Ent.    8,945.30"; a session label of two words: "HSI (half-day)")
_NAME_LEVEL_GAP = patterns.compile(
    r"\)?(?:\.(?=[^\S\n]{2}))?[\s:|]*(?:\((?:\^?[a-z0-9.]{2,12}|[a-z]{2,8}-[a-z]{2,8})\)[\s:|]*)?(?:(?:close|closing|last|final|now|而家|依家|宜家|现在|现时|目前)\s?:?\s*)?"
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
# ... or right before it, the word for a misprint: "美團半日跌幅誤植為3.9%，已更正為9.3%".
# (or 寫成 after 誤把 earlier in its clause: "誤把舜宇光學（02382）的走勢寫成跌3.2%")
WITHDRAWN_BEFORE = patterns.compile(
    r"(?:误植为|误植成|误作|误写为|误写成|误报为|错写为|错植为|(?<=误把[^,;。]{0,40})(?:写成|写为)[升跌涨]?|wrongly\sgiven\sas|misstated\sas)\s?$"
)
WITHDRAWN_BEFORE_REACH = 20  # "wrongly given as " and a space
# What every cue of WITHDRAWN_BEFORE holds: a text with none of these withdraws no figure.
WITHDRAWN_MARKS = ("误", "错", "wrongly", "misstated")
_METRIC_REACH = 16  # a metric word and its percent: "yield of around " and a space
_EVENT_BETWEEN = patterns.compile(r"\b(?:after|before|following|ahead of)\b")
_OF_BY = patterns.compile(r"\s(?:of|by)\s")  # between a move word and its points
_SHARE_OF_BETWEEN = patterns.compile(r"\sof\s(?:the\s)?")  # "299.38 points of yesterday's collapse"
_CLAUSE_BREAK_STRONG = patterns.compile(r"[;；]")  # a clause of its own, not a comma's aside
# Small patterns of the binder's hot paths, compiled once.
_PARAGRAPH_BREAK = patterns.compile(r"\n[^\S\n]*\n")  # a blank line
_NEAR_BREAK = patterns.compile(r"[,;。]")  # a clause break between a word and its figure
_PERIOD_AFTER_BREAK = patterns.compile(r"[,;。(]|^\.\s")  # (or the figure's own full stop: "hsi +212 / 24,830. wk hsi +3.2%")
# ... nor across a conjunction: what it joins on is a clause or a figure of its own ("to
# HK$150.30 and 11.2% over the week", "to HK$420.2 but still finished the week 1.1% lower").
_CLAUSE_JOIN_BETWEEN = patterns.compile(r"\b(?:and|but|while)\b|而|但|不过")  # (不过: 不過, Cantonese "but")
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
# Before a year that frames a figure: "in 2023", "ending 2024 up 17.7%", "closed 2023 down 14%",
# "Over 2023 the benchmark lost 13.8%", "across 2022", "throughout 2021".
_YEAR_VERBS = r"ending|ended|end|closing|closed|finishing|finished"
_YEAR_SPAN_WORDS = r"in|for|during|over|across|throughout"  # before a year taken as a period
_YEAR_FRAME_BEFORE = patterns.compile(rf"\b(?:since|of|{_YEAR_SPAN_WORDS}|{_YEAR_VERBS})\s$")
# From a sentence's start to its year: a frame word alone ("In 2022, the benchmark dropped 15.5%",
# "Throughout 2021 the TECH index lagged, shedding 27.2%"): the year dates the whole sentence.
_YEAR_OPENING = patterns.compile(rf"\s{{0,4}}(?:{_YEAR_SPAN_WORDS})\s")
_YEAR_WORD_REACH = 11  # the longest of those words and its space ("throughout ")
# A fiscal year in a valuation: after a multiple ("9x 2025 EV/EBITDA", "12.5x 2026E") or before
# a measure of results ("2025 EPS", "2026e earnings"): no price.
_YEAR_MULTIPLE_BEFORE = patterns.compile(r"\d(?:\.\d+)?x\s$")
_YEAR_FISCAL_AFTER = patterns.compile(r"[ef]?\s(?:ev/ebitda|ebitda|p/e|pe\b|eps|earnings|estimates?|forecasts?|p/b|revenue|sales)")
_THE_ITS = patterns.compile(r"\s*(?:the|its)?\s*")
# A move's noun before its subject, and a copula and the figure after it: "the day's advance on
# the Hang Seng was 138.72 points", "the gain for the index came to 0.58 per cent".
# (or after the subject's possessive: "the Hang Seng's fall worked out at 2.16 per cent")
_NOUN_FOR = patterns.compile(r"\s(?:for|on|in)\s(?:the\s)?")
_POSSESSIVE_GAP = patterns.compile(r"['’]s\s")
_COPULA_FIGURE_AFTER = patterns.compile(
    r"\s(?:was|came\sto|amounted\sto|worked\sout\sat|totall?ed)\s(?:a\s|an\s)?(?:[+-]?\d|hk\$)"
)
# Small windows of the binder, in characters (a Chinese word is 2-4 characters, an English one
# 3-10; a space or a punctuation mark between two tokens is 1-2):
_TOUCHING = 1  # two words written together ("午收" then "收報")
_ADJACENT = 2  # two tokens with at most a space and a mark between
# "跌幅一度扩大至约1,440点": how far the size word (跌幅, 升幅) may stand before its figure, with
# 一度, 扩大, 至 and 约 between; and how such a word ends (a direction word naming the size).
_SIZE_WORD_REACH = 12
_SIZE_NOUN_END = "幅"
# Between a feed's opening clause of a widened or narrowed move and the index named after it
# ("跌幅扩大至3%，恒指报…"): a comma, perhaps a word for "now".
_CLAUSE_JOIN_BEFORE_NAME = patterns.compile(r"\s?(?:左右|以内|以上)?\s?[,，]\s?(?:目前|现时|最新|暂时)?\s?")
# Between a size word heading a list and the list's first name ("跌幅方面，", "升幅上：", "以跌幅計，"),
# and between the last name and its figures ("分別為", "依次是"): the list's figures are the sizes.
_SIZE_TOPIC_GAP = patterns.compile(r"\s?(?:方面|上|而言|计)?\s?[,，:：]?\s?")
_RESPECTIVELY_COPULA = patterns.compile(r"\s?(?:分别|依次|各自)?\s?(?:为|是|系|达)\s?")
# A call price's or strike's word reaches a zone of two levels after it ("收回價在16,900點至17,099點").
_REFERENCE_ZONE_REACH = 24
_LEVEL_WORDS_TO_PRICE = 2  # "was" + "at" between a pronoun and its price
_LEAD_WORDS = 3  # session and qualifier words before a subjectless sentence's verb ("盘中一度跌")
# The sessions such a lead may name: a moment of the day before the close (盘中, 午盘, 早段);
# a close word opens a sentence of its own kind (收市升200點).
_LEAD_SESSIONS = frozenset({"intraday", "midday", "open"})
_OPENS_REACH = 3  # a word that opens its sentence or clause, or a qualifier right before its figure
# Right after a year's clause: a relative clause of that time ("since 2011, when it fell 20%",
# "1997年，當時恒指…"), which the year dates too.
# (after a day and month, its year may come first: "since October 31, 2022, when the index…")
_WHEN_CLAUSE_AFTER = patterns.compile(r"[,，]\s?(?:(?:19|20)\d\d\s?[,，]\s?)?(?:when\b|at\swhich\stime\b|当时|当年)")
# A short Chinese clause of colour opening a sentence before its figures ("尾市有獲利回吐，"): at
# most this many characters, a phrase and not a sentence of its own topic.
_COLOUR_CLAUSE = patterns.compile(r"[\u4e00-\u9fff]{2,12}[，,]\s?")
# ... or of the move's pace, with no figure ("臨近午飯時間升勢放緩，半日收報19,701點"): the trend
# of the subject the sentences before told.
_TREND_EASES = patterns.compile(r"(?:升|跌|涨)(?:势|幅)(?:放缓|收窄|扩大|加快|持续|减弱|转弱|转强)")
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
# (an adjective or two may stand between: "fresh from last Friday's results-driven 11% surge")
_OWNED_FIGURE_AFTER = patterns.compile(r"\s?(?:的|['’]s)\s?(?:[a-z][a-z-]{1,20}\s){0,2}[+-]?\d")
_ADVERBIAL_ROLES = ("session:", "qualifier:", "today")  # words not counted there: 早盤, 一度, 今早
# An other period's second extreme after its first and a list mark: "52周高位是66.7元、低位52.2元",
# "the 52-week high is HK$66.70, the low HK$52.20": the period's too.
_PERIOD_OTHER_EXTREME = patterns.compile(r"[、,;]\s?(?:the\s|and\s(?:a\s)?)?(?:low|high)\b|[、,;]\s?(?:低位|高位|最低|最高|低见|高见)")
# An other period's figure in apposition, alone between commas after the period's clause: "The
# HSI's loss for July, close to 10%, was its worst since 2015" (perhaps after an approximate
# word: a verb there, "…, rose 1.4 per cent,", tells a move of its own).
_PERIOD_APPOSITION = patterns.compile(
    r",\s?(?:(?:about|around|roughly|approximately|nearly|almost|close\sto|some|more\sthan|over|less\sthan|under|just\sover|just\sunder)\s)?"
    r"[+\-]?\d[\d,.]{0,12}\s?(?:%|per\s?cent|percent|points|pts)\s?,"  # (a figure's length bounded: "1,234.56")
)
# A second verb phrase joined after a move's figures: "… to 16,480.21 (-0.74%) on weak leads and
# was down some 200 pts at the midday break" (a later moment of the day).
_LATER_VERB_JOIN = patterns.compile(r"\b(?:and|then|before|later)\b")
# The day's other extreme right after one: "intraday high 16,702, low 16,521", "最高16,702點，最低".
_OTHER_EXTREME = patterns.compile(
    r"\s?(?:点)?\s?[,;/]?\s?(?:and\s)?(?:a\s)?(?:low|high|(?:最低|最高)(?:曾|一度)?(?:回落|下探|回升|反弹|上升|下跌|升|涨|跌)?(?:至|到)?|低见|高见)\s?(?:of\s|at\s)?"
)  # (or with its own verb: "最高見17,135點，最低曾回落至16,902點"; or the same extreme
# told to the point after a mark crossed: "一度升穿17,700點，最高升至17,708點")
# "its target for Anta Sports to HK$95", "price target on Meituan to HK$160": the company the
# target is for stands between the word and the figure, within this many characters.
# Between a target word and its new figure, a verb of the change told after the noun as notes'
# bullets write it: "target price to HK$", "target raised to HK$" (past _TARGET_REACH) ...
_TARGET_TO_SOURCE = (
    r"\s?(?:price\s)?(?:(?:cut|raised|lowered|trimmed|lifted|reduced|increased|revised|moved)\s)?"
    r"(?:to|at)\s(?:hk\$\s?)?"
)
_TARGET_TO = patterns.compile(_TARGET_TO_SOURCE)
# ... and the old target it was changed from: "target price to HK$41 from ", "target cut to
# HK$103 from ".
_TARGET_FROM = patterns.compile(_TARGET_TO_SOURCE + r"[\d.,]{1,10}\sfrom\s(?:hk\$\s?)?")
_TARGET_FOR = patterns.compile(r"\s?(?:price\s)?(?:for|on|of)\s")
_TARGET_FOR_REACH = 60
_OR = patterns.compile(r"\s?,?\s?(?:或|or|即)\s?")
# Points said without 點 before the percent's own word: "跌176，跌幅0.9%", "升85，升幅为0.4%".
# ... or before the percent in brackets: "DOWN 426.85  (-2.09%)" on a graphics board. (And
# between a rounded percent, or the move's level, and the exact figure restating it in
# brackets, "dropped nearly 2% (-1.96%)"; between an index's name and a session label in
# brackets, "HSI (midday)".)
_BRACKET_NEXT = patterns.compile(r"[ \t]{0,3}[(（]")
# (or a summary row's next cell, its direction word said again: "恒生指數　收27,163.42　跌325.73　跌1.18%")
_BARE_POINTS_LINK = patterns.compile(
    r"\s?,\s?(?:跌幅|升幅|涨幅|幅度)\s?(?:为|达|是)?\s?|[ \t\u3000]{1,8}(?:跌|升|涨|跌幅|升幅|涨幅)\s?"
)
# A signed change and its percent in brackets: "-176 (-0.9%)".
_SIGNED_POINTS_LINK = patterns.compile(r"\s?\(\s?")
# Between an index's name and its signed points in a chat's shorthand, at most one short word
# the vocabulary does not hold (a word it holds is a token of its own between them): "HSI open
# +210 @ 22558". Between the points and the level, a level's link ("@", 報, at; not a bare
# comma: "HSI -180, 30,905 咁上下" leaves the level unbound, so the points wait too).
_SESSION_GAP = patterns.compile(r"\s?(?:[a-z]{2,10}\s?)?:?\s?")
_LEVEL_LINK_AFTER_POINTS = patterns.compile(r"\s?(?:@|at|/|,?\s?(?:报|收报|收))\s?")  # (or a desk's slash: "hsi -180 / 19,820")
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
# ("Day high / low          23,850.07 / 23,701.12": a bulletin's row, its cells set apart by runs of space)
_HIGH_LOW_LINE = patterns.compile(
    # (or the morning's in a midday report: "半日高／低　19,905.33／19,640.12", intraday extremes all the same)
    r"[ \t]{0,8}(?:即日|全日|今日|盘中|半日|早市|day'?s?\s|intraday\s)?(?:高|high)\s?/\s?(?:低|low)[ \t]{0,20}:?[ \t]{0,20}"
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
    # (the change's sign may be a quote board's arrow: "23,211.48   ▲168.23 (+0.73%)")
    r"[ \t]{0,8}\d{1,3}(?:,\d{3}){0,4}(?:\.\d{1,4})?[ \t]{1,20}(?:[+-]|[▲△▼▽↑↓][ \t]?)\d{1,6}(?:,\d{3})?(?:\.\d{1,4})?[ \t]{0,20}"
    r"\(?[+-]?\d{1,3}(?:\.\d{1,4})?%\)?[ \t]{0,20}"
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
_QUOTE_LINK = patterns.compile(r"[^\S\n]{0,8}[,;|｜/▲▼△▽↑↓]?[^\S\n]{0,8}\(?\s?")  # (an app row's columns: "HKD 17.86    +4.2%", "22,620.33 ▲ +806.29")
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
# The same between two figures as the text has it, an en dash too ("HK$612-618", "HK$111.5 to
# 112.0", "25,000至25,200點").
_RANGE_LINK = patterns.compile(
    r"\s?(?:" + "|".join(sorted(_RANGE_LINKS | {"–"}, key=lambda w: (-len(w), w))) + r")\s?(?:hk\$\s?)?"
)
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
# sentence's subject. The frame's words are bounded by _CAUSE_FRAME_CHARS: a market and what it
# did ("受隔晚美股三大指數齊創新高帶動" holds 13), short of a clause.
_CAUSE_FRAME_CHARS = 16
# A word of sequence before the verb ("最後收升90.46點", "其後倒跌", "結果收跌"): when, not who.
_SEQUENCE_WORD = patterns.compile(r"到最后|最后|最终|其后|随后|之后|结果|终于|最尾")
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
_YEAR_AS_PERIOD = patterns.compile(rf"\b(?:{_YEAR_SPAN_WORDS}|{_YEAR_VERBS})\s$")
# Between one clause and the next clause's subject: ", and the", "，", "; while".
_CLAUSE_JOIN = patterns.compile(r"[\s,;，；、]+(?:and|while|whereas|with|及|而|同時)?\s*(?:the\s)?")
# Right after the next clause's subject, "also": it goes on in the frame of the clause before,
# even past a clause of no figure between ("國指全年升26.4%，跑贏大市；科指亦升18.7%", "the
# HSCEI rose 26% for the year, beating the market; the tech index also gained 19%").
_ALSO_AFTER = patterns.compile(r"\s?(?:亦|也|同样|一样|also\b)")
# (a clause of a few words, 24 characters: "，跑贏大市；", ", beating the market; "; no figure)
_FIGURELESS_CLAUSES = patterns.compile(r"[^\d。.!?！？\n]{0,24}")
# A security's name that opens with its Hong Kong listing ("H股（03968.HK）", "港股（00700）").
_HK_LISTING_HEAD = patterns.compile(r"h\s?股|港股")
# A note correcting a figure told earlier, in brackets or on a line of its own: "（更正：上段恒指
# 收市數字應為26,093.84點。）" (folded: Simplified). What it corrects is named between (_CORRECTION_CHARS).
_CORRECTION_CHARS = 30
_CORRECTION_NOTE = patterns.compile(
    rf"[\s(]{{0,3}}更正\s?[:：]\s?(?P<what>[^。;\d]{{1,{_CORRECTION_CHARS}}}?)(?:应为|应是|应作)\s?"
    r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{4,5}(?:\.\d{1,2})?)\s?点"
)
# A security's code printed inside its name's span ("阿里巴巴-W（09988）", "Tencent (700.HK)").
_CODE_DIGITS = patterns.compile(r"\d{3,5}")
# The start of an item of a list written one to a line: "2）", "(3)", "4.", "•", "-".
# (a digit and a dot only as a marker, not a decimal figure opening its line: "4.5%")
_LIST_ITEM = patterns.compile(r"(?m)^[ \t\u3000]{0,4}(?:\d{1,2}(?:[)）、]|\.(?!\d))|[(（]\d{1,2}[)）]|[-*•▪·])")
# After a level word set in apposition to the figure before it ("HK$72.80, a record, and …"):
# the comma or stop that closes it.
_APPOSITION_END = patterns.compile(r"\s?[,;.]")
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
    # (or the week's rankings: "🏆 本周涨幅榜（恒指成份股）" over "1. 药明生物(02269) +14.8%")
    r"\bweek\s(?:to|ended|ending|through)\s|(?:本周|一周|上周)(?:表现|累计|回顾|涨幅榜|跌幅榜|升幅榜|涨跌幅榜|升跌榜)"
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
# Between a quote line's level and the direction word of its points: "20,912.37, up 248.16".
_LEVEL_THEN_DIRECTION = patterns.compile(r",?\s{1,3}")
# A full stop and a space: where a year's frame ends at the latest, even where the sentence
# runs on because a chat goes on in small letters ("worst day since 2008. hscei -9.98%").
_FULL_STOP_BREAK = patterns.compile(r"\.(?=\s)")
# A quote row: an index's name then its level at once, perhaps after a time stamp and a
# speaker ("[16:10] 老周：恒生指數 24,216.18，+0.96%").
_QUOTE_ROW = patterns.compile(
    r"\s{0,8}(?:\[\d{1,2}:\d{2}\]\s{0,4})?(?:[^:：\s]{1,12}[:：]\s{0,4})?[^\d\s]{2,24}\s{0,6}[\d,]{4,7}(?:\.\d{1,6})?\s{0,4}[,，]"
)
# An event told after a move, which a period word then dates: "after its results earlier in the week".
# A colon closing an event's period and the rest of its phrase ("retreated after a 20% run this
# month: Alibaba -3.4%", "gave back part of last week's 9% rally: Galaxy lost 3%"): the list
# after it is the day's; the period dates the event only.
_COLON_AFTER = patterns.compile(r"[^,;:：.。\n]{0,24}?[:：]")
# The event before the period word: a conjunction of time or cause, or a verb giving back (or
# erasing) that period's move.
_GIVE_BACK_BEFORE = patterns.compile(r"\b(?:gave|give|gives|giving)\sback\b|\b(?:erased|erasing|pared|paring|reversed|reversing)\b")
_EVENT_PERIOD_REACH = 40  # "after a 20% run" and the like, before the period word
_EVENT_BEFORE_PERIOD = patterns.compile(r"\b(?:after|following|because|when|ahead of|before)\b|之后|后|由于|因为|之前|前夕")
_ROW_COLUMN_GAP = patterns.compile(r"[ \t]+")  # between a row's change and its price
_ROW_CELL_END = patterns.compile(r"[ \t]{2,}|[ \t]*(?:--|—|\||\n|$)")  # after the price: the next column
_BARE_LEVEL_AFTER_CHANGE = patterns.compile(r",\s?|[^\S\n]{0,3}[/|｜][^\S\n]{0,3}")  # (or "-205.60 pts / 24,160.90")
_CLAUSE_CLOSE_AFTER = patterns.compile(r"\s*(?:[;。.!?]|$|\n)")
# ... and after a ticker's columns ("+1.2% 15,693, tech index +1.8%", "+2.9% 15,957.2 (+449.72
# pts)", "HSTECH +2.1% 5,412 / HSCEI +1.3%"): a list's comma, slash or bar, or the points in
# brackets may follow the level too.
_SLASH_GAP = patterns.compile(r"[^\S\n]{0,3}/[^\S\n]{0,3}")  # ... or a slash, as a desk writes change / level
_TICKER_GAP = patterns.compile(r"[^\S\n]{1,8}|,[^\S\n]{0,2}")  # (or a comma: "半日市 HSI +0.9%, 23,710, ...")
_TICKER_LEVEL_END = patterns.compile(r"\s*(?:[;。.!?,(/|｜]|$|\n|\p{So})|\s(?:on|with|amid|after|as)\s")  # (or a desk's reason: "-2.2% 8.95 on the recall"; or an emoji: "⬆️2.1% 5,890 🔥")
# ... or a word for now between ("恒指升咗400點，而家 15,907，中資券商好勁").
_NOW_GAP = patterns.compile(r",\s?(?:而家|依家|宜家|现在|现时|目前|now)\s?")
# Right before a session word: a time before that session, not the session itself.
_BEFORE_SESSION = patterns.compile(r"\b(?:before|ahead\sof|until|prior\sto)\s(?:the\s)?$")
# After a move's extreme ("as much as"), a clause telling where the subject stood later.
_SECOND_MOMENT = patterns.compile(
    r"\s(?:and|but)\s(?:was|were|is|stood|remained)\b"
    # "rallied as much as 6 per cent before the afternoon selling left it 1.9 per cent higher"
    r"|\sbefore\s[^,;.\d]{0,40}?\b(?:left|leaving)\s(?:it|them|the\s(?:stock|shares|index))\b"
)
# Between a plain change and the extreme told after it, the verb of an earlier moment: "added
# 42.61 points after rising as much as 0.9%", "having climbed as much as 2%".
# (or with the subject again: "after the index had traded as low as 19,851.05", "after it hit";
# or an irregular verb: "having fallen as much as 2.2% in the morning")
_EARLIER_MOMENT_BETWEEN = patterns.compile(
    r"\b(?:after|having)\s(?:(?:it|the\s[a-z]{3,12})\s(?:had\s)?)?(?:earlier\s|briefly\s)?"
    r"(?:[a-z]+(?:ing|ed)|fallen|risen|lost|slid|sunk|shed|swung|hit)\b"
)
# Between a word for the day's high and low and the first of its two levels ("高低位分別係 ",
# "高低：", "high/low: "), and between the two levels ("同", "和", "及", "／", "and", "-").
_HIGH_LOW_GAP = patterns.compile(r"\s?(?:分别)?(?:係|系|为|是|:)?\s?")
_HIGH_LOW_JOIN = patterns.compile(r"\s?(?:同|和|及|与|至|/|-|–|and|to)\s?")
# A level in brackets right after a change ("up as much as 2.6% (26,470)"): its closing side
# (its opening side is _BRACKET_NEXT).
_BRACKET_CLOSE = patterns.compile(r"\s?[)）]")
# A bare level right after the index's change (binder figures.level_after_change): the gap
# between the two, and what must follow the level.
# A compact quote in brackets after the index's move told in words: its level first, then
# the signed points or percent ("fell for a fifth straight session (25,281.30, -543.61,
# -2.11%)", "rose about 1.9% (9,958.34, +185.71, +1.90%)"). Before the level: the bracket
# opening; after it: the next cell, signed.
_QUOTE_BRACKET_BEFORE = patterns.compile(r"[(（][^\S\n]?$")
_QUOTE_SIGNED_NEXT = patterns.compile(r"[^\S\n]{0,3}[,;/|]?[^\S\n]{0,3}[+\-−▲▼]")
_QUOTE_BRACKET_REACH = 2  # the bracket and a space
# ... the whole quote's opening, as a period's frame sees it: the frame ends before it ("closed
# at its highest level since September 2021 (26,776.34, +337.83, +1.28%)": the day's figures)
_QUOTE_OPENS = patterns.compile(r"[(（][^\S\n]?\d[\d,]{0,15}(?:\.\d{1,4})?[^\S\n]{0,3}[,;/|]?[^\S\n]{0,3}[+\-−▲▼]\s?\d")
_LEVEL_AFTER_CHANGE = (
    (_BARE_LEVEL_AFTER_CHANGE, _CLAUSE_CLOSE_AFTER),  # "国指涨1.3%，8,934；", "-205.60 pts / 24,160.90"
    (_TICKER_GAP, _TICKER_LEVEL_END),  # "▼0.4% 5,321.7", "+1.2% 15,693，tech index", "+2.9% 15,957.2 (+449.72 pts)"
    (_NOW_GAP, _TICKER_LEVEL_END),  # "恒指升咗400點，而家 15,907，"
    (_BRACKET_NEXT, _BRACKET_CLOSE),  # "up as much as 2.6% (26,470)", "曾涨648点（30,289.92）"
    (_SLASH_GAP, _TICKER_LEVEL_END),  # a desk's "hsi -180 / 19,820 (-0.9%)", "hscei -13.45% / 7,294.13,"
)
# Before a session word: the move ran from then on ("climbing steadily from the opening bell",
# "higher since the open"), the session of no figure.
_FROM_SESSION_BEFORE = patterns.compile(r"\b(?:from|since)\s(?:the\s)?$")
# A technical word before the subject it is of ("support for the HSI is at 19,400", "resistance
# on the index sits near 20,300"): the gap to the name, and from the name to the figure.
_TECHNICAL_FOR = patterns.compile(r"\s(?:for|of|on)\s(?:the\s)?")
_TECHNICAL_SUBJECT_LINK = patterns.compile(
    r"\s(?:is|was|sits|stands|lies|remains|comes\sin)?\s?(?:at|around|near|seen\sat)\s"
)
# Between a technical level and the next name whose level of the same kind follows, the word
# left out ("support at HK$17.5 and Galaxy at HK$36", "阻力看25,000點，國指則看9,000點" is not read).
_TECHNICAL_NEXT_NAME = patterns.compile(r",?\s(?:and|while|with|,)\s")
# A support, resistance or target word and the figure it names.
_TECHNICAL_ROLES = frozenset({"support", "resistance", "target", "average_line", "gap", "indicator"})
# Right after a figure: it is a technical level ("290元附近有支持", "25,000點水平有阻力").
# (and in English, the word right after: "continues to struggle at HK$64 resistance", "the
# 16,800 support")
_TECHNICAL_AFTER = patterns.compile(
    r"\s?(?:附近|左右|水平|一帶|一带)?\s?(?:有|具|見|见)(?:較大|较大|較強|较强|強|强|大)?(?:支持|支撐|支撑|阻力)"
    # ("回落至48元支持位附近", "跌穿25,000點支持": the level word right after the figure)
    r"|\s?(?:的)?(?:支持|支撐|支撑|阻力)位?"
    # ("16,900点附近为短期重要支持": named as one, with a few words of its weight between)
    r"|\s?(?:附近|左右|水平|一帶|一带)?\s?(?:为|為|是|成为|成為)[^,;:。，；：\d]{0,6}?(?:支持|支撐|支撑|阻力)"
    r"|\s(?:support|resistance)\b"
)
# Right after an index's level: it hovered there ("一度在16,500點附近靠穩", "在26,000點水平徘徊",
# "於19,800點左右爭持"): where it steadied for a while, not a level it closed or peaked at.
_HOVER_AFTER = patterns.compile(r"\s?(?:附近|左右|水平|一带)?\s?(?:靠稳|徘徊|争持|整固|喘定|横行|上落|窄幅)")
# Right before a level: one the index failed to reach ("未能收复27,200点", "failed to reclaim").
_NOT_REACHED_BEFORE = patterns.compile(
    r"(?:未能|无法|没能)(?:收复|重上|站上|突破|升穿|站稳|守住|守稳|企稳)\s?$|\bfailed\sto\s(?:reclaim|regain|break|retake|hold)\s(?:the\s|on\sto\s)?$"
    # (in Cantonese and in short: "收市企唔穩16,000點", 守不住)
    r"|(?:企唔稳|企唔住|守唔住|企不稳|守不住|站不稳|站唔稳)\s?$"
)
_NOT_REACHED_REACH = 24  # "failed to reclaim the " before the level
# ... or a level after it the index nearly lost ("連二萬六千點亦險些失守"): it never got there.
_NOT_REACHED_AFTER = patterns.compile(r"\s?(?:关口|大关|水平)?\s?(?:亦|也|都)?\s?(?:险些|差点|差啲|几乎)(?:失守|跌穿|跌破|失)")
# Before a figure: an ordinal count of days past a threshold, a statistic of the period ("為本月
# 第三度單日升逾1%", "its third daily gain of more than 1% this month"): not a move of the day
# (but "a third straight gain of 1.2%" is the day's own).
_ORDINAL_COUNT_BEFORE = patterns.compile(
    r"第[一二三四五六七八九十两\d]{1,3}(?:度|次)[^,;。]{0,8}(?:逾|超过|超)$"
    r"|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s(?:daily|straight|consecutive|one-day|single-day)?\s?"
    r"(?:gain|loss|rise|fall|drop|move|day|session)s?\s(?:of\s)?(?:more\sthan|over|at\sleast)\s$"
)
_ORDINAL_COUNT_REACH = 48  # "its third straight single-day gain of more than " and a space
# Right after a price: what to do when the stock gets there ("附近分批关注", "以下可吸納").
_PLAN_AFTER = patterns.compile(
    r"\s?(?:附近|左右|以下|以上|水平)?\s?(?:就|便|再|可|可以|宜|则|則)?\s?(?:逢低)?\s?"
    r"(?:分批|买入|吸纳|关注|加仓|建仓|止损|止蚀|入货|收集|减持|沽出|卖出)"
)
_TECHNICAL_LINK = patterns.compile(r"\s?,?\s?(?:则|則|亦|也)?(?:在|于|为|是|看|睇|见|(?:(?:is|sits|stands|lies|was)\s)?(?:at|around|near)|of|is|seen at|reach(?:ed|es|ing)|:)?\s?")  # (看, 睇: "支持位看20,500點"; "its RSI reaching 69")
# Right before a word that opens its clause: the break, perhaps with a connective ("; and", 而在).
_CLAUSE_OPENS_BEFORE = patterns.compile(r"(?:^|[,;:]\s?)(?:and\s|but\s|then\s|而在|而|在)?$")
_HAN_RUN = patterns.compile(r"\p{Han}{2,}")
# "The three indices" (三大指數) of a Hong Kong report, in the order its writers list them.
_INDEX_SET = ("HSI", "HSCEI", "HSTECH")
# The words that may stand before it in its sentence: when and where (港股) the move was.
_FRAME_ROLES = frozenset({"session", "today", "weekday", "sequence", "neutral"})
# A clause of Chinese words and a comma at most _HAN_CLAUSE_CHARS long: the sentence's frame
# before its subject ("午后随着南向资金入场承接，").
_HAN_CLAUSE_CHARS = 24
_HAN_CLAUSE = patterns.compile(rf"[\p{{Han}}]{{2,{_HAN_CLAUSE_CHARS}}},")
_WORD_CHAR = patterns.compile(r"[\p{L}\p{N}]")
# Right before a session word, Chinese no vocabulary word covers: a noun of its own (科技股午后).
_UNKNOWN_NOUN_BEFORE = patterns.compile(r"\p{Han}{2,}$")
# A sector word this close before a direction word is that verb's subject.
_SECTOR_VERB_GAP = 3
# Before a sector word: a place ("in the sector", "across the property sector"), where a subject
# named earlier stands, not the sector as the subject of the verb after it.
_SECTOR_PLACE_BEFORE = patterns.compile(r"\b(?:in|across|within|among)\s(?:the\s)?(?:[a-z&-]+\s){0,2}$")
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
# A Chinese day word after a figure heads the next clause when one of these follows it: its verb,
# a market figure's noun ("科指本周累计涨9.1% 周五成交额破3,300亿港元": Friday's turnover) or a
# session ("恒指本周累计涨2.3% 周五盘中触及27000点").
_NEXT_CLAUSE_HEADS = _DIRECTIONS | frozenset({
    "turnover", "southbound", "northbound", "short_sale", "short_ratio",
    "session:open", "session:midday", "session:intraday", "session:close",
})
_MARK_VERBS = frozenset({"threshold", "level"})
# A pronoun this near the start of its sentence opens it.
_PRONOUN_OPENS = 3
# A sentence opening on the move just told, restated: on its noun after a copula, its figure
# after "of" ("In percentage terms that was a rise of 0.62%", "That was a loss of 259.58 points").
_RESTATED_MOVE_OPENING = patterns.compile(
    r"(?:in\s[a-z]+\sterms,?\s)?(?:that|this|it)\s(?:was|is|marked|represented|amounted\sto)\s(?:a|an)\s(?:[a-z-]+\s)?"
)
_OF_BEFORE_FIGURE = patterns.compile(r"\sof\s")
# ... or on its figure, the noun right after it, with an article or a day's possessive before
# ("The 8.61% slide", "Tuesday's 1.2% gain", "In percentage terms, Tuesday's 8.61% slide").
_SIZED_MOVE_OPENING = patterns.compile(
    r"(?:in\s[a-z]+\sterms,\s)?(?:the|its|this|that|today'?s|(?:mon|tues|wednes|thurs|fri)day'?s)\s(?:(?:day'?s|session'?s)\s)?"
)
# A pronoun after a comma this near the start of its sentence opens its main clause, after an
# adverbial ("Shortly after 2 p.m., it had been down ...", "At the lunch break, it was up"):
# the longest such adverbial and its comma.
_ADVERBIAL_OPENING_CHARS = 40
# ... or a time of the day with no comma: "This morning it was up", "At one point this morning it",
# "At the worst point of the afternoon it was down 2.6%".
_TIME_OPENER = patterns.compile(
    r"\s{0,3}(?:(?:this|that|in\sthe|during\sthe|early\sin\sthe|late\sin\sthe)\s(?:morning|afternoon|session)"
    r"|of\sthe\s(?:day|session|morning|afternoon))\s"
)
_SHARE_WORD = patterns.compile(r"share|stock|股")
# After "shares": the company described rather than named ("of the Chinese short-video platform").
_OF_DESCRIPTOR = patterns.compile(r" of (?:the|this|its) [a-z][a-z -]{0,60}?(?= (?:opened|rose|fell|jumped|climbed|slid|dropped|gained|traded|were|was|closed|ended|soared|surged|tumbled))")
# Right before "the index", "the gauge": a preposition that makes it an object ("a record low
# for the gauge", "a drag on the benchmark"), not the subject of a move. (Not "with": "with the
# index touching a high of 22,071" makes it the subject of its own clause.)
_PREPOSITION_BEFORE = patterns.compile(r"\b(?:for|of|on|in|to|from|against|than|by|behind|below|above)\s$")
# Right before a company: a noun that makes it the parent of the company told before ("the
# gold-mining spin-off of Zijin Mining", "the healthcare arm of JD.com").
_PARENT_OF_BEFORE = patterns.compile(r"\b(?:spin-?off|arm|unit|subsidiary|affiliate|division|offshoot|carve-out)\s(?:of|from)\s(?:the\s)?$")
# An aside between commas right after "the stock" / "it": ", trading under the code 2097,".
_APPOSITIVE = patterns.compile(r",\s[^,;.。；]{1,60},\s|\s?\([^()]{1,40}\)\s")  # or "(stock code: 01876)"
_PER_SHARE_AFTER = patterns.compile(r"\s?(?:per share|a share|each|/share)\b")
# Before a percent: a holding's return on paper, not the day's move ("我嘅美團而家帳面 -23%",
# "账面浮亏18%", "a paper loss of 23%"): what the writer's position is worth against its cost.
_PAPER_RETURN_BEFORE = patterns.compile(
    r"(?:帐面|账面|浮亏|浮盈|paper\s(?:loss|gain|profit)(?:\sof)?)\s?(?:上|蚀|赚|亏损|亏|盈利|浮亏|浮盈)?\s?$"
)
_PAPER_RETURN_REACH = 12  # the words and a space before the figure (its sign is part of it)
# After an amount: a commodity's unit ("US$4,000/oz", "US$82 a barrel", "10,600美元/吨"): the
# price of gold, oil or a metal, never a share's.
_COMMODITY_UNIT_AFTER = patterns.compile(
    r"\s?(?:/\s?|per\s|an?\s)(?:troy\s)?(?:oz|ounces?|tonnes?|tons?|t|bbl|barrels?|lbs?|pounds?|mmbtu|grams?)\b"
    r"|\s?(?:/|每)(?:盎司|安士|桶|吨|克|磅)"
)
_RANGE_NOUN_LINK = patterns.compile(r"(?:gains?|loss(?:es)?|rises?|falls?|drops?|declines?|advances?)\s(and|to)(?:\sa)?")
_RANGE_QUALIFIER = patterns.compile(r"(?:近|逾|约|超过|nearly|over|about|around|almost)\s?$")
# Before a range of levels: a stretch of days around now, not the day ("恒指近期在23,500點至
# 24,500點區間上落", "short-term range").
_NEAR_TERM = patterns.compile(r"短期|短线|中线|近期|未来|后市|\bnear[\s-]term\b|\bshort[\s-]term\b|\bin the coming\b")
# A speaker's view opening the sentence ("我的看法还是那句话：指数在25500到26500之间来回震荡",
# "I think the index stays between 18,000 and 18,800"): a range after it is where they see
# the index trading, not where it traded.
_OPINION = patterns.compile(r"我的看法|我看|我认为|我觉得|我相信|\b(?:i|we) (?:think|expect|believe|see)\b|\bin (?:my|our) view\b")
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
# The width of the day's range ("全日波幅達260點", Cantonese "波幅得184點", "a trading range of
# about 330 points", "a 412-point range"): how far the index swung, not a change. Only a
# linking or approximate word may stand between the range word and the figure.
_RANGE_WIDTH_LINK = patterns.compile(
    r"\s?(?:达|为|有|约|逾|接近|将近|大约|近|超过|过|仅|只有|得|系|录得|都有|of|was|about|around|roughly|nearly|almost|over|more than|just|only|\s)*\s?$"
)
# (the unit may be the figure's own: "a 700-point swing" is read as one quantity, "700-point")
_RANGE_WIDTH_AFTER = patterns.compile(r"(?:-?\s?(?:point|pt)s?)?\s(?:intraday\s|trading\s|daily\s)?(?:range|swing)\b")
# Between two codes of a list: a joiner and a name the tables do not know ("、翠華控股").
_NAME_THEN_JOINER = patterns.compile(r"[^\d%,;:。、()（）\s]{1,6}\s?(?:[,、/&]|and|及|和|与|以及)\s?")
_UNKNOWN_NAME_GAP = patterns.compile(r"\s?(?:[,、/&]|and|及|和|与|以及|同埋|同)\s?[^\d%,;:。、()（）]{1,16}")
# The end of a clause: where an other-period word stops speaking for what follows.
_BRACKETS = patterns.compile(r"[()]")  # round brackets (folded text), to pair them
_CLAUSE_END = patterns.compile(r"(?<!\d),|,(?!\d{3})|[;、]")  # a list item ends a clause too; "22,736" does not
# Where a hypothetical's clause ends ("若……，", "地產政策預期升溫：碧桂園漲11.4%").
_MODAL_END = patterns.compile(r"[,;:](?!\d)")  # (not a thousands comma: "we expect a retest of 19,200 and a fall of 4%")
# What may stand between a level/threshold word and its number.
_NEAR = 14
# A number written as a year ("in 1987", 1997年): the Hang Seng Index dates from 1969, and a
# report a century ahead is not one this tool will read.
_FIRST_YEAR = 1960
_LAST_YEAR = 2100
# What numbers an index's moves are made of (level_min, level_floor, points_max) is data:
# ``scale`` in indices.yaml, read through ``BindState.scales``; this serves an index with none.
_DEFAULT_SCALE = IndexScale()
