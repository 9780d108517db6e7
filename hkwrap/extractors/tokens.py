"""A sentence as a sequence of typed tokens: subjects, lexicon words and quantities.

The binding rules (``moves.py``) read these types, not words, so one rule serves English and
Chinese: "Zijin and Zhaojin fell 3.7% and 3.5% respectively" and "紫金及招金分別跌 3.7% 及 3.5%"
are both SUBJ SUBJ DOWN PCT PCT RESPECTIVELY.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from hkwrap import patterns
from hkwrap.numbers import Quantity, parse_zh_numeral, read_digit_by_digit
from hkwrap.plain import record
from hkwrap.text.lexicon import Lexicon, Word, role_kind
from hkwrap.text.prepare import Prepared
from hkwrap.text.spans import MATCH_WINDOW as _MATCH_WINDOW
from hkwrap.text.spans import Overlaps

if TYPE_CHECKING:
    import regex

# After a line's label, its first figure: spaces or a colon, perhaps a sign.
_FIGURES_AFTER_LABEL = patterns.compile(r"[ \t:：]{0,40}[+\-]?\d")  # (a column gap of at most 40)
# A list's or a table's marks before a line's first word: bullets, a bar, a number ("1)").
_LINE_MARKS = " \t\u3000-*•·>|【】[]()（）0123456789."


def heads_line(folded: str, start: int) -> bool:
    """Does ``start`` begin its line, after a list's or a table's marks ("H-SHARES  7,226.35",
    "周一：…", "- HSI …")?"""
    return not folded[folded.rfind("\n", 0, start) + 1:start].strip(_LINE_MARKS)


# The day of a weekday word's role (lexicon ``weekday:<day>``), Monday 0.
WEEKDAY_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_DIGIT = patterns.compile(r"\d")
# A figure right after a word (a space or a colon between): "低位16,642點", "高位：17,120", or
# "so far" between ("hsi low so far 21,702, -6.3%").
_FIGURE_RIGHT_AFTER = patterns.compile(
    # ("Last HK$288.40", 低位16,642點, "跌幅最多达3.9%": a linking word or an approximate one between)
    r"(?:\sso\sfar)?\s{0,2}[:：]?\s{0,2}(?:达|为|约|逾|近|超|有)?(?:hk\$\s?)?[\d零〇一二两三四五六七八九十]"
)


@record(hashable=True)
class Subject:
    """Who a move is about: an index id ("HSI") or a stock code ("00700"). Never changed once
    made (a plain record: hkwrap/plain.py says why)."""

    __match_args__ = ("kind", "id", "start", "end", "entity", "weak")  # the fields, in order
    __slots__ = __match_args__
    kind: str  # index | stock
    id: str
    start: int
    end: int
    entity: Any  # the securities Entity, for stocks
    weak: bool  # the market named for its index ("港股", "local stocks"): points or a level only

    def __init__(self, kind: str, id: str, start: int, end: int, entity: Any = None, weak: bool = False) -> None:
        self.kind = kind
        self.id = id
        self.start = start
        self.end = end
        self.entity = entity
        self.weak = weak


@record(hashable=True)
class Token:
    """A subject, a vocabulary word or a quantity, at ``start:end`` of the folded text. Never
    changed once made."""

    __match_args__ = ("start", "end", "subject", "word", "qty")  # the fields, in order
    __slots__ = __match_args__
    start: int
    end: int
    subject: Subject | None
    word: Word | None
    qty: Quantity | None

    def __init__(
        self, start: int, end: int, subject: Subject | None = None, word: Word | None = None,
        qty: Quantity | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.subject = subject
        self.word = word
        self.qty = qty

    def has(self, role: str) -> bool:
        return self.word is not None and role in self.word.roles

    def role_kind(self, role: str) -> str | None:
        """For "session:close" style roles, the kind ("close") of ``role``; else None."""
        return None if self.word is None else role_kind(self.word.roles, role)


# "the benchmark's other major components", "the index's largest member": a constituent
# of the index is named, not the index's own move.
_POSSESSIVE_MEMBER = patterns.compile(
    r"'s\s+(?:\w+\s+){0,3}?(?:components?|constituents?|members?|heavyweights?|stocks?|weights?|weighting|largest|biggest|top"
    r"|best|worst|performers?|gainers?|losers?|laggards?|drags?)\b"
    # "68 of 88 HSI names closed lower", "HSI stocks averaged -1.6%": the members, as a group
    r"|\s{1,3}(?:names|stocks|members|constituents|components|heavyweights|performers?|gainers?|losers?|decliners?|laggards?)\b"
)
# Latin words after a shortened "Hang Seng" that end in "index": another gauge of the family
# ("Hang Seng Properties sub-index", "Hang Seng Mainland Properties Index"). At most three
# name words, none a verb's company ("and", "the", "while").
_SUB_INDEX_AFTER = patterns.compile(
    r" {1,3}(?!(?:and|or|the|while|as|to|in|on|at)\b)(?:[a-z0-9&]{1,20}[ -]{1,3}){1,4}?(?:sub-?index|index|indices|gauge)\b"
)
# What ADRs or futures point to: "the ADRs point to a Hang Seng open about 150 points higher"
# (a projection, as 'ADR-implied' index moves are; not annotated). Reach: the words between.
_PROJECTED_BEFORE = patterns.compile(
    r"\b(?:adrs?|futures)\b[^.;:。；]{0,24}\b(?:point|points|pointing|pointed|imply|implies|implying|implied|indicate|indicates|indicated|suggest|suggests|suggested)\s(?:to\s)?(?:an?\s|the\s)?$"
    # "按ADR比例计算，恒指报23,826点": the index as the ADRs' prices work it out
    r"|(?:按|以|根据)\s?adrs?\s?(?:比例|价格|收市价)?\s?(?:计算|折算|推算|换算)\s?[,，]?\s?$"
    # "折算后恒指约报18,020点": the index converted from the ADRs' prices, the worked-out side named first
    r"|(?:折算|推算|换算)后?\s?$"
)
_PROJECTED_REACH = 48
# ... or named as the side worked out: "HSI-equivalent 17,121, up 28 points", "HSI equivalent"
_EQUIVALENT_AFTER = patterns.compile(r"-?\s?equivalent\b")
# Between another market's gauge and a bare 指數 that ends its name: the name's number ("日經225指數").
_NAME_NUMBER_GAP = patterns.compile(r"\s?\d{2,4}\s?")
# An index named as what a contract is written on, or an open worked out for: "Futures for the
# Hang Seng index stood at 17,850", "options on the HSCEI", "our ADR-implied open for the Hang
# Seng is around 19,860": the contract's or the projection's figures, not the index's.
_CONTRACT_ON_BEFORE = patterns.compile(
    r"\b(?:futures|options|contracts?|(?:adr-?\s?)?implied\s(?:open|opening|level))\s(?:for|on|over|linked\sto)\s(?:the\s)?$"
)
_CONTRACT_ON_REACH = 28  # "adr-implied opening for the " and a space
@lru_cache(maxsize=1)
def contract_month_after() -> regex.Pattern:
    """A month right after an index's name: its futures contract ("HSI Oct", "HSI Dec futures")."""
    from hkwrap import data

    months = data.load()["lexicon"]["dates"]["months"]
    names = "|".join(sorted({w for ws in months.values() for w in ws}, key=lambda w: (-len(w), w)))
    return patterns.compile(rf"\s(?:{names})\.?(?![a-z])(?!\s[0-3]?\d\b)")


# A fund named after an index: "Hang Seng Hong Kong Stock Connect ETF", "Hang Seng TECH ETF",
# 恒生科技指數ETF, 盈富基金 aside, "the two-times leveraged Hang Seng product", 恒指杠杆; its move
# is the fund's, not the index's. (Before the name: indices.yaml's "@derived" words, "2x
# inverse HSI", 两倍做多.)
FUND_AFTER = patterns.compile(
    r"(?: {1,3}(?!(?:and|or|the|while|as|to|in|on|at)\b)(?:[a-z&]{1,20}[ -]{1,3}){0,4}?|\s?)"
    r"(?:etfs?|tracker fund|index fund|(?:daily\s)?\(-?\d+(?:\.\d+)?x\)|leveraged|inverse|products?|etf基金|指数基金|杠杆|反向)(?![a-z])"
)
# "with Li Ning following Anta lower", "tracking Tencent higher": a company named as the one
# another followed; the move told after it is the follower's.
_LEADER_BEFORE = patterns.compile(r"\b(?:following|tracking|in line with|like)\s$")
_LEADER_AFTER = patterns.compile(r"\s(?:lower|higher|down|up)\b")
_LEADER_REACH = 16  # the longest leader word, "in line with", its space and a little room
# Right after a company's name: it owns or backs the company the sentence is about.
_CODE_AFTER_NAME_GAP = 8  # spaces between a watchlist row's name and its code, in a column padded to the longest name ("美团-W     03690")
# A security's own code printed bare before its name: "09868 小鵬汽車" (a push log's lines).
_BARE_CODE_BEFORE = patterns.compile(r"(?<![\d.,])(\d{4,5})[ \t]{1,3}$")
_CODE_BEFORE_REACH = 9  # five digits and the spaces between
# A security's own code printed bare after its name: "建行 939", "HKEX 388", "小米 1810", or
# with no space at all, as chats write it ("工行1398同中行3988", "百度9888同京東9618"), where a
# unit after the digits makes them a figure instead ("騰訊700元").
_BARE_CODE_AFTER = patterns.compile(
    rf"(?|[ \t]{{1,{_CODE_AFTER_NAME_GAP}}}[#$]?(\d{{1,5}})(?![\d.,%])(?!\s*[|｜])"  # (a post's hashtag or cashtag: "美團 #3690")
    r"|(\d{1,5})(?![\d.,%])(?!\s*[|｜])(?!\s?(?:港?元|蚊|港?仙|点|个?基点)))"
)
# ... or read aloud after it, digit by digit or as a numeral before 號: "建行零九三九", "騰訊，七百號，",
# "中電控股，零零零二號" (a radio script's codes).
_SPOKEN_CODE_AFTER = patterns.compile(
    r"[,，]?\s?([零〇一二三四五六七八九]{3,5}(?![零〇一二两三四五六七八九十百千万亿点])|[零〇一二两三四五六七八九十百千]{1,6}(?=号))号?"
)
_BACKER_AFTER = patterns.compile(r"-(?:backed|owned|controlled|affiliated|invested|funded|linked)\b|旗下|系的|入股的|持有的")
@lru_cache(maxsize=1)
def _derivative_after() -> regex.Pattern:
    """Right after a security's name: a warrant or CBBC on it ("騰訊購", "騰訊 call 輪", 美團牛證,
    "Tencent call warrants", 騰訊法興購（編號：19830）), whose moves (a call down 九成, up 60%)
    are not the stock's. The nouns are data (cues.yaml ``derivative_nouns``); 購/沽 alone are
    grammar here: only before a break or the move (購入, 沽空 are verbs), or after an issuer's
    name with the warrant's own code next. (Folded text: Simplified, lower case.)"""
    from hkwrap import data
    from hkwrap.text.fold import fold

    nouns = sorted({fold(w) for w in data.load()["cues"]["derivative_nouns"]}, key=lambda w: (-len(w), w))
    alt = "|".join(patterns.escape(w).replace(r"\ ", r"\s") + (r"\b" if w[-1].isascii() else "") for w in nouns)
    return patterns.compile(
        # (perhaps after 相關 / 的: "美團相關認購證", "騰訊的牛證"; or "有隻": "騰訊有隻認購證",
        # 小米今日有多隻認購證; or a possessive and a few words: "Tencent's most active call warrant")
        rf"\s?(?:相关的?|的|(?:今日|今天)?有(?:一|多|几|两)?(?:只|个|款)?|['’]s\s(?:[a-z-]+\s){{0,3}})?(?:{alt}|(?:call|put)\s?(?:轮|证|warrants?\b)"
        r"|(?:购|沽)(?=[,，。\s]|今|昨|跌|升|涨|大|急|暴|又|再|仲|都|亦|已)"
        r"|[\u4e00-\u9fff]{1,4}?(?:购|沽)[a-z]?\s?[(（]"
        # and in English: "Tencent SG call (21566)", "HSBC BOCI bull (61234)"
        r"|\s(?:[a-z]{1,8}\s){0,2}(?:call|put|bull|bear)\s?[(（])"
    )


@lru_cache(maxsize=1)
def sector_after() -> regex.Pattern:
    """Right after an index's name: a sector (cues.yaml ``sector_sub_index_names``) that makes
    it one of the index's sector sub-indices ("HSI - Utilities  37,204.55", "HSI Properties
    +0.35%", 恒指-地產), not the index itself. (Folded text: Simplified, lower case.)"""
    from hkwrap import data
    from hkwrap.text.fold import fold

    names = sorted({fold(w) for w in data.load()["cues"]["sector_sub_index_names"]}, key=lambda w: (-len(w), w))
    alt = "|".join(patterns.escape(w).replace(r"\ ", r"\s") for w in names)
    return patterns.compile(rf"(?:\s{{1,3}}|\s?[-–:/]\s?)(?:{alt})(?![a-z])")


# Right before a security's name: a warrant on it ("A call warrant on HKEX (0388) rose 40%").
_DERIVATIVE_BEFORE = patterns.compile(r"\b(?:call|put|bull|bear)\s(?:warrants?|contracts?|cbbcs?)\s(?:on|over|linked\sto)\s$")


# A preposition right before "the market" / "the index" makes it a place ("the highest volume in
# the market", "the best performer on the index"), not the subject of a move.
_PLACE_BEFORE = patterns.compile(r"\b(?:in|on|across|among|within|throughout)\s$")
_LOOKBACK_WORD = 12  # the longest of those words and its space
# An index a security joins or leaves: the object of its inclusion, not a subject of moves
# ("被纳入恒生综合指数，……今天大涨超7%", "its inclusion in the Hang Seng Index").
_INCLUDED_IN_BEFORE = patterns.compile(
    r"(?:纳入|调入|调出|剔出|剔除|加入|晋身|跻身|\binclusion\sin|\bincluded\sin|\badded\sto|\bremoved\sfrom|\bdeleted\sfrom|\bentry\sinto|\bjoined|\bjoins|\bjoining"
    # (or one it is said to be no member of: "Education names (not in HSI) down 30%+")
    r"|\bnot\sin|\boutside|\bexcluding|不在|并非)\s?(?:the\s)?$"
)
_INCLUDED_REACH = 16  # "inclusion in the " and a space
# (and what the subject is regarded as: "港交所成日俾人當係大市barometer" names no move of the market)
_COMPARED_BEFORE = patterns.compile(
    # (and the market followed: "港交所跟隨大市下跌3.5%")
    r"(?:较|比|相对|相较于|相较|按|按照|\brelative\sto|大过|多过|少过|高过|低过|跑赢|跑输|当系|当作|视为|视作|跟随|追随|跟住|跟着|随|跟|\bthan|\bversus|\bvs\.?|\boutperforming|\bunderperforming"
    # (a day between: "较周二港股收市升56点", ADR-implied against Tuesday's close)
    r"|sub-?index\sof|sector\sof|constituents?\sof|components?\sof|members?\sof)\s?(?:昨日|昨天|上日|前日|the|(?:上)?(?:周|星期|礼拜)[一二三四五])?\s?$"
)
# The longest comparison word with a day after it ("underperforming the ", "constituents of the ").
_COMPARED_REACH = 18
_CJK = patterns.compile(r"\p{Han}")
_ZH_INDEX = "指数"  # folded 指數, the word a list of shortened index names shares
# A word before a bare 指數 that makes it "the index" (該指數, 拖累指數) rather than part of
# a longer name (紅籌指數, 地產分類指數).
_NOT_NAME_BEFORE = frozenset("該该此這这而但令及和與与同使把將将被由今昨日即亦也都則则")
# Vocabulary nouns that may end a gauge's name before its 指數: no verb making it "the index".
_NAME_NOUN_ROLES = frozenset({"fundamental", "southbound", "northbound", "sector"})
# Joiners between shortened names sharing one 指數 ("國企和紅籌指數", "國企及科技指數").
_NAME_JOINERS = frozenset("和及與与、/")
# The longest name part that may stand before 指數 (恒生中國企業 is six characters).
_MAX_NAME_CHARS = 8


# A verb this close after a bare market name makes it the verb's subject ("Hong Kong slumped").
_VERB_GAP = 2


def _verb_next(w: Word, words: list[Word], folded: str) -> bool:
    """Is the next vocabulary word a direction or a session verb, right after ``w``?"""
    nxt = next((x for x in words if x.start >= w.end), None)
    return nxt is not None and nxt.start - w.end <= _VERB_GAP and not folded[w.end:nxt.start].strip() and any(
        r in ("up", "down") or r.startswith("session:") for r in nxt.roles
    )


def _compound_index(folded: str, pos: int, lexicon: Lexicon, floor: int, words: list[Word]) -> str:
    """The index a bare 指數 at ``pos`` names, given the characters before it: "the index"
    (@previous) after a verb or a demonstrative, a known index whose name it completes, or
    another gauge (@other) whose name the tables do not know (紅籌指數)."""
    if folded[pos - 1] in _NOT_NAME_BEFORE or any(
        # (a word of one character inside a longer name is no verb: 海峽時報指數 is a name; nor
        # is a noun: 恒生港股通高股息率指數, 內房股指數)
        w.end == pos and (w.end - w.start >= 2 or w.start == floor or not _CJK.match(folded, w.start - 1))
        and not w.roles & _NAME_NOUN_ROLES
        for w in words
    ):
        return "@previous"
    run = _han_run(folded, pos, floor)
    for k in range(len(run), 0, -1):
        found = lexicon.index_of(run[-k:] + folded[pos:pos + 2])
        if found:
            return found
    return "@other"


def _compound_index_names(folded: str, head: int, suffix_at: int, lexicon: Lexicon, floor: int) -> list[tuple[int, int, str]]:
    """Shortened names before a list's shared 指數 (at ``suffix_at``; the last name begins
    at ``head``): "國企和紅籌指數" names 國企指數 too."""
    out: list[tuple[int, int, str]] = []
    at = head - len(_han_run(folded, head, floor)) if head == suffix_at else head
    pos = suffix_at
    while at - 1 > floor and folded[at - 1] in _NAME_JOINERS:
        run = _han_run(folded, at - 1, floor)
        if not run:
            break
        found = None
        for k in range(len(run), 0, -1):
            found = lexicon.index_of(run[-k:] + folded[pos:pos + 2])
            if found:
                out.append((at - 1 - k, at - 1, found))
                break
        if not found:
            break
        at = at - 1 - len(run)
    return out


def _han_run(folded: str, pos: int, floor: int) -> str:
    """The Han characters right before ``pos`` (at most ``_MAX_NAME_CHARS``), stopping at a
    joiner or a demonstrative."""
    i = pos
    while i > max(floor, pos - _MAX_NAME_CHARS) and _CJK.match(folded, i - 1) and folded[i - 1] not in _NAME_JOINERS and folded[i - 1] not in _NOT_NAME_BEFORE:
        i -= 1
    return folded[i:pos]


# Between a counted noun and its value: "constituents to 88", "members from 80 to 82".
_COUNT_TO = patterns.compile(r"\s(?:to|from|at)\s")


def _next_word_start(folded: str, pos: int) -> int:
    """Where the word after ``pos`` starts, past one run of spaces."""
    while pos < len(folded) and folded[pos] == " ":
        pos += 1
    return pos


# Between a security's name and 港股 / "Hong Kong shares" that name its own Hong Kong listing.
# A code in brackets right after a word for the Hong Kong shares: "港股(00981)", "港股（981.HK）";
# right after an index's name, a full code (4-5 digits) makes the name a fund's or a product's
# that tracks the index ("安硕恒生指数（03115）", "南方两倍做空国指（07588）"), not the index.
_CODE_IN_BRACKETS = patterns.compile(r"\s?[(（]\s?(\d{1,5})(?:\.hk)?\s?[)）]")
_FULL_CODE_DIGITS = 4  # "(700)" may be a note's number; "(0700)", "(03115)" are codes
_OWN_LISTING_LINK = patterns.compile(r"\s?(?:'s|’s|的)?\s?")


# A sentence that opens on "the" + up to three words + a word for a company: "The Labubu
# maker", "The smartphone and EV maker", "The e-commerce giant".
_DESCRIPTOR_OPENING = patterns.compile(
    r"\s{0,3}[\"'“‘]?(?P<d>the\s(?:[a-z0-9][a-z0-9'’&-]*\s){0,3}"
    r"(?:maker|giant|firm|developer|lender|insurer|carmaker|automaker|chipmaker|retailer|brewer|conglomerate|operator))\b(?!['’]s)"
)
_DESCRIPTOR_OPENING_CHARS = 60  # the longest opening the pattern may read


def _ends_before(ends: set[int], pos: int) -> int | None:
    """Where a security named right before ``pos`` (within a possessive's reach) ends."""
    return next((k for k in range(pos, max(-1, pos - _OWN_LISTING_REACH), -1) if k in ends), None)


_OWN_LISTING_REACH = 3  # "'s " or 的 between the name and the listing


def _listing_of_named(folded: str, w: Any, entities: list[Any], quantities: list[Quantity], start: int, end: int) -> Any:
    """The security whose Hong Kong shares the market word ``w`` (港股) names: the one named
    earlier in the sentence, when a price in Hong Kong dollars follows the word before the
    sentence ends and no other company is named after it (an index has no price)."""
    if folded[w.start:w.end] != _HK_SHARES or _CONVERTED_BEFORE.search(folded, max(start, w.start - _LOOKBACK_WORD), w.start):
        return None  # ("ADR升2.3%，折合港股約144.5港元": an ADR's price worked out in Hong Kong terms)
    stop = _SENTENCE_BREAK.search(folded, w.end, end)
    stop_at = end if stop is None else stop.start()
    if not any(q.kind == "money" and q.currency == "HKD" and w.end <= q.start < stop_at for q in quantities):
        return None
    if any(e.code and w.end <= e.start < stop_at for e in entities):
        return None  # (another company named after it: the price is that one's)
    named = [e for e in entities if e.code and e.code.isdigit() and start <= e.start and e.end <= w.start and getattr(e, "role", "subject") == "subject"]
    return named[-1] if named and len({e.code for e in named}) == 1 else None


_HK_SHARES = "港股"
_CONVERTED_BEFORE = patterns.compile(r"(?:折合|折算|换算|相当于|相等于)\s?$")
# Where the market word's sentence ends, or a semicolon parts it (full-width folds to ASCII).
_SENTENCE_BREAK = patterns.compile(r"[;。；]")


# A comparative after an article, a figure right after it: the word sizes the move another verb
# told ("rose a softer 1.1%", "gained a steeper 2.3%") and gives no direction of its own ("Ping
# An falling" is a name and a verb).
_SIZING_COMPARATIVE = patterns.compile(r"\ban?\s([a-z]+er)(?=\s{0,2}(?:hk\$\s?)?\d)")
_MOVE_DIRECTIONS = frozenset({"up", "down"})


def _without_sizing_comparatives(folded: str, start: int, end: int, words: list[Word]) -> list[Word]:
    """``words`` less the direction words written as the size of a move (one scan of the span)."""
    at = {m.start(1) for m in _SIZING_COMPARATIVE.finditer(folded, start, end)}
    if not at:
        return words
    return [w for w in words if not (w.start in at and w.roles & _MOVE_DIRECTIONS)]


# A month right before a word of days: the word is the day of a date ("三月十五日": the 15th,
# not "五日", five days), the tens of the day perhaps between.
_MONTH_BEFORE_DAY = patterns.compile(r"(?:[〇○零一二三四五六七八九十]{1,2}|\d{1,2})\s?月[一二三]?十?$")
_MONTH_BEFORE_REACH = 6  # "十二月二十" before "五日"
_DAYS_WORD = patterns.compile(r"[一二三四五六七八九十]{1,3}日")  # (a count of days: 五日, 三日)


def _without_days_of_dates(folded: str, start: int, words: list[Word]) -> list[Word]:
    """``words`` less the period words that are the day of a date written in Chinese ("三月十五日")."""
    return [
        w for w in words
        if "previous" not in w.roles or not _DAYS_WORD.fullmatch(folded, w.start, w.end)
        or _MONTH_BEFORE_DAY.search(folded, max(start, w.start - _MONTH_BEFORE_REACH), w.start) is None
    ]


# 收 alone right before a signed change is the close, as push alerts and desks shorten 收市
# ("一度 +3%，收 +1.5% @ HK$34.0", "收-0.8%"); not the end of a word holding it (吸收, 營收).
_SHORT_CLOSE = patterns.compile(r"(?<![吸接回征税营创丰秋没验查签])收[ \t]?(?=[+\-−▲▼][ \t]?\d)")
_CLOSE_ROLES = frozenset({"session:close"})


def _with_short_closes(folded: str, start: int, end: int, words: list[Word]) -> list[Word]:
    """``words`` with each short 收 in the span read as the close too (the lexicon's 收 alone is a
    level's label: "收 98.55")."""
    at = {m.start() for m in _SHORT_CLOSE.finditer(folded, start, end)}
    if not at:
        return words
    out = [
        Word(w.roles | _CLOSE_ROLES, w.start, w.end) if w.start in at and w.end == w.start + 1 else w
        for w in words
    ]
    held = Overlaps([(w.start, w.end) for w in out])
    extra = [Word(_CLOSE_ROLES, a, a + 1) for a in sorted(at) if not held.overlaps(a, a + 1)]
    return sorted([*out, *extra], key=lambda w: w.start) if extra else out


def _spoken_code(said: str) -> int | None:
    """The code a radio script reads out: digit by digit ("零九三九", 939) or as a numeral ("七百", 700)."""
    if (code := read_digit_by_digit(said)) is not None:
        return code
    value = parse_zh_numeral(said)
    return int(value) if value is not None and value == int(value) else None


def without_codes_after_names(folded: str, quantities: list[Any], entities: list[Any], start: int, end: int) -> list[Any]:
    """``quantities`` less a code printed bare right after its name ("騰訊控股 00700 ｜
    HK$388.00", "快手 1024 平盘"): the name's, not a figure (a price, a count)."""
    codes_after = {(ent.end, int(ent.code)) for ent in entities if ent.code and ent.code.isdigit() and start <= ent.end <= end}
    if not codes_after:
        return quantities
    return [
        q for q in quantities
        if not (q.kind == "num" and any(
            e <= q.start <= e + _CODE_AFTER_NAME_GAP and q.value == code and not folded[e:q.start].strip()
            for e, code in codes_after
        ))
    ]


# After "the three indices": a word that gives each of them the figure told next, perhaps after
# a session word or two ("三大指數均升逾3%", "三大指数盘中一度齐涨逾1%", 集體收跌).
_SHARED_FIGURE_REACH = 10
_SHARED_FIGURE_AFTER = patterns.compile(
    rf"[^,;:。\d]{{0,{_SHARED_FIGURE_REACH - 2}}}?(?:齐齐|齐|均|集体|全线|同步)(?:[升涨跌挫]|上涨|下跌|上升|高开|低开|收[升涨跌])"
)


def _index_sets(words: list[Word], folded: str, lexicon: Lexicon) -> list[Word]:
    """``words``, where "the three indices" (三大指數) stands as such only before a list's
    "respectively" ("三大指數午間收盤時分別漲2.9%、3.3%和4.1%") or a word that gives each of them
    one figure ("三大指數均升逾3%", 齊跌, 集體上漲). Elsewhere ("三大指數個別發展") the words inside
    it stand instead, as if the vocabulary had no such word."""
    if not any("index_set" in w.roles for w in words):
        return words
    out: list[Word] = []
    for k, w in enumerate(words):
        if "index_set" in w.roles and not any("respectively" in u.roles for u in words[k + 1:]) and not (
            _SHARED_FIGURE_AFTER.match(folded, w.end, w.end + _SHARED_FIGURE_REACH)
        ):
            out.extend(lexicon.scan(folded, w.start + 1, w.end))
        else:
            out.append(w)
    return out


@lru_cache(maxsize=8192)  # (the vocabulary's words share a few hundred sets of roles)
def _index_roles(roles: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The index ids named by ``roles`` as "index:<id>" and as "index_label:<id>", each sorted
    (roles are a set: sorted, they come out the same every run). Every word of every
    sentence is asked."""
    return (
        tuple(sorted(r[6:] for r in roles if r.startswith("index:"))),
        tuple(sorted(r[12:] for r in roles if r.startswith("index_label:"))),
    )


# How far after an index's name its context_not words are looked for: a space, one short word
# between (大市全日成交) and the longest such word ("constituent").
_CONTEXT_NOT_REACH = 16


def tokenize(
    prep: Prepared,
    start: int,
    end: int,
    lexicon: Lexicon,
    entities: list[Any],
) -> list[Token]:
    """Tokens of ``prep.folded[start:end]``. ``entities`` are securities found in the text
    (any order); those inside the span with role "subject" become stock subjects. Index
    names become index subjects unless a word right after them says otherwise (大市成交)."""
    folded = prep.folded
    tokens: list[Token] = []
    taken: list[tuple[int, int]] = []
    for ent in entities:
        if ent.code and ent.start >= start and ent.end <= end:
            role = getattr(ent, "role", "subject")
            if _BACKER_AFTER.match(folded, ent.end, ent.end + _MATCH_WINDOW):
                role = "backer"  # "Tencent Holdings-backed Kuaishou", 騰訊旗下: names the other company
            elif _derivative_after().match(folded, ent.end, ent.end + _MATCH_WINDOW) or _DERIVATIVE_BEFORE.search(
                folded, max(start, ent.start - _MATCH_WINDOW), ent.start
            ):
                role = "underlying"  # "我隻騰訊購跌咗九成": the warrant moved, not the stock
            elif _LEADER_BEFORE.search(folded, max(start, ent.start - _LEADER_REACH), ent.start) and _LEADER_AFTER.match(folded, ent.end, ent.end + _MATCH_WINDOW):
                role = "backer"  # "Li Ning following Anta lower, falling 1.6%": the move is Li Ning's
            # Another listing of the security (ADR, A-share) is a subject of its own, so that
            # its moves are bound to it and then dropped, not to the Hong Kong shares.
            kind = "stock" if role == "subject" else "elsewhere" if "elsewhere" in role else None
            # "建行 939、工行 1398 分別跌…": the code printed bare after the name is part of it
            stop = ent.end
            if ent.code.isdigit() and (bare := _BARE_CODE_AFTER.match(folded, ent.end, end)) and int(bare[1]) == int(ent.code):
                stop = bare.end()
            elif ent.code.isdigit() and (spoken := _SPOKEN_CODE_AFTER.match(folded, ent.end, end)) and _spoken_code(spoken[1]) == int(ent.code):
                stop = spoken.end()
            # and before it, as a broker app's lines lead with the code: "09868 小鵬汽車、09866 蔚來 分別升…"
            begin = ent.start
            if ent.code.isdigit() and (lead := _BARE_CODE_BEFORE.search(folded, max(start, ent.start - _CODE_BEFORE_REACH), ent.start)) and int(lead[1]) == int(ent.code):
                begin = lead.start(1)
            if kind:
                tokens.append(Token(begin, stop, subject=Subject(kind, ent.code, begin, stop, ent)))
            taken.append((begin, stop))
    stock_ends = {ent.end for ent in entities if ent.code and start <= ent.start and ent.end <= end}
    ents = Overlaps(taken)
    words = _index_sets(
        [w for w in prep.words(lexicon, start, end) if not ents.overlaps(w.start, w.end)], folded, lexicon
    )
    if folded.find("收", start, end) >= 0:
        words = _with_short_closes(folded, start, end, words)
    words = _without_sizing_comparatives(folded, start, end, words)
    if folded.find("月", start, end) >= 0:
        words = _without_days_of_dates(folded, start, words)
    # "中芯國際A股漲3%，港股(00981)則漲1.2%": the market word with the code of a company named
    # before it in brackets is that company's Hong Kong shares (and the code no figure)
    for w in [w for w in words if "hk_listing" in w.roles and "index:@market" in w.roles]:
        bracket = _CODE_IN_BRACKETS.match(folded, w.end, min(end, w.end + _MATCH_WINDOW))
        ent = bracket is not None and next((
            e for e in entities
            if e.code and e.code.isdigit() and start <= e.start and e.end <= w.start and int(e.code) == int(bracket[1])
        ), None)
        if ent:
            tokens.append(Token(w.start, bracket.end(), subject=Subject("stock", ent.code, w.start, bracket.end(), ent)))
            taken.append((w.start, bracket.end()))
            words = [u for u in words if u is not w]
    # Words with digits in them win over the numbers inside them: index names ("CSI 300",
    # "Nikkei 225"), periods ("52周高位", "over the 12 months"); a number's unit wins over a
    # name without digits inside it ("272.6 Hong Kong dollars" is no market).
    numbered = [w for w in words if _DIGIT.search(folded, w.start, w.end)]
    taken.extend((w.start, w.end) for w in numbered)
    names = Overlaps(taken)
    quantities = [q for q in prep.quantities(start, end) if not names.overlaps(q.start, q.end)]
    quantities = without_codes_after_names(folded, quantities, entities, start, end)
    # "expands to 88 members": a number that counts things is no price, level or change
    # and "the number of constituents to 88 from 85": its new and old values
    count_words = [w for w in words if "count_noun" in w.roles]
    if count_words:
        counted = {w.start for w in count_words}
        counters = [w.end for w in count_words]  # ends of count words, then of counts
        kept: list[Quantity] = []
        for q in quantities:
            if _next_word_start(folded, q.end) in counted or any(
                _COUNT_TO.fullmatch(folded, e, q.start) for e in counters if e <= q.start
            ):
                counters.append(q.end)
            else:
                kept.append(q)
        quantities = kept
    qspans = Overlaps([(q.start, q.end) for q in quantities])
    for w in words:
        index_ids, label_ids = _index_roles(w.roles)
        if not index_ids and label_ids:
            # "H-SHARES       7,226.35   DOWN   2.25%": a label naming the index, heading its
            # line of figures (indices.yaml ``labels``)
            if not heads_line(folded, w.start) or not _FIGURES_AFTER_LABEL.match(folded, w.end):
                continue
            index_ids = label_ids
        if qspans.overlaps(w.start, w.end) and not (index_ids and _DIGIT.search(folded, w.start, w.end)):
            continue
        if "figure_next" in w.roles and not _FIGURE_RIGHT_AFTER.match(folded, w.end, w.end + _MATCH_WINDOW):
            continue  # "處於高位", "19,500點低位": a level word only before its figure (低位16,642點)
        if "line_label" in w.roles and not heads_line(folded, w.start):
            continue  # "- Close: 26,101.84" heads a timeline's line; "HSI.close: 24035.38" is a key
        if index_ids:
            index_id = index_ids[0]
            info = lexicon.indices.get(index_id)
            if _POSSESSIVE_MEMBER.match(folded, w.end, w.end + _MATCH_WINDOW):
                continue  # "the benchmark's other major components fell": not the index's move
            after = folded[w.end:w.end + _CONTEXT_NOT_REACH].lstrip()
            # 大市成交, 恒指成份股 (and one word between: 大市全日成交); the market named as a
            # whole only right before the word (港股成交, but 港股早市表現反覆 is the market's move)
            reach = (0,) if index_id == "@market" else (0, 2)
            if info and info.context_not and any(after.startswith(info.context_not, k) for k in reach):
                continue
            if folded.endswith(_ZH_INDEX, w.start, w.end):
                # "國企和紅籌指數": shortened names before the list's shared 指數
                suffix_at = w.end - len(_ZH_INDEX)
                head = w.start if index_id != "@previous" else suffix_at
                for a, b, name_id in _compound_index_names(folded, head, suffix_at, lexicon, start):
                    tokens.append(Token(a, b, subject=Subject("index", name_id, a, b)))
            if (
                index_id == "@previous" and tokens and tokens[-1].subject is not None and tokens[-1].subject.id == "@other"
                and _NAME_NUMBER_GAP.fullmatch(folded, tokens[-1].end, w.start) is not None
            ):
                continue  # "日經225指數", "標普500指數": the end of the other gauge's name and number
            if index_id == "@previous" and _CJK.match(folded, w.start - 1):
                index_id = _compound_index(folded, w.start, lexicon, start, words)
            elif folded.startswith("hang seng", w.start) and _SUB_INDEX_AFTER.match(folded, w.end, w.end + _MATCH_WINDOW):
                index_id = "@other"  # "Hang Seng Properties sub-index", "Hang Seng Mainland Properties Index"
            elif index_id != "@previous" and contract_month_after().match(folded, w.end, w.end + _MATCH_WINDOW):
                index_id = "@derived"  # "Futures: HSI Oct (18,210, -0.9%)": a month's contract
            elif _PROJECTED_BEFORE.search(folded, max(start, w.start - _PROJECTED_REACH), w.start):
                index_id = "@derived"  # "the ADRs point to a Hang Seng open about 150 points higher"
            elif _EQUIVALENT_AFTER.match(folded, w.end, w.end + _MATCH_WINDOW):
                index_id = "@derived"  # "HSI-equivalent 17,121, up 28 points": the ADRs' worked-out index
            elif _CONTRACT_ON_BEFORE.search(folded, max(start, w.start - _CONTRACT_ON_REACH), w.start):
                index_id = "@derived"  # "Futures for the Hang Seng index stood at 17,850"
            elif index_id != "@previous" and sector_after().match(folded, w.end, w.end + _MATCH_WINDOW):
                index_id = "@other"  # "HSI - Utilities  37,204.55  -0.18": a sector sub-index's row
            elif FUND_AFTER.match(folded, w.end, w.end + _MATCH_WINDOW) or (
                (code := _CODE_IN_BRACKETS.match(folded, w.end)) is not None and len(code.group(1)) >= _FULL_CODE_DIGITS
            ):
                index_id = "@other"  # "the Hang Seng Hong Kong Stock Connect ETF (159318) rose 2.1%", 安硕恒生指数（03115）
            if info and folded[w.start:w.end] in info.needs_verb and not _verb_next(w, words, folded):
                continue  # "Hong Kong" is the market only as the subject of a verb
            if index_id == "@previous" and _PLACE_BEFORE.search(folded, max(start, w.start - _LOOKBACK_WORD), w.start):
                continue  # "with the highest trading volume in the market": a place, not a subject
            if _COMPARED_BEFORE.search(folded, max(start, w.start - _COMPARED_REACH), w.start):
                continue  # "較昨日港股收市跌137點", "國企指數跌幅大過恒指": the base compared with
            if index_id not in ("@market", "@previous") and _INCLUDED_IN_BEFORE.search(
                folded, max(start, w.start - _INCLUDED_REACH), w.start
            ):
                continue  # "被纳入恒生综合指数": the index the stock joins
            named = _ends_before(stock_ends, w.start) if index_id == "@market" else None
            if named is not None and _OWN_LISTING_LINK.fullmatch(folded, named, w.start):
                continue  # "中芯國際（00981.HK）港股跌1.2%", "SMIC's Hong Kong shares": its own listing
            if index_id == "@market" and (own := _listing_of_named(folded, w, entities, quantities, start, end)) is not None:
                # "阿里巴巴周五公布季度业绩，港股收跌2.92%，报84.95港元": the company's Hong Kong shares,
                # priced in its clause, after an ADR or news about the company
                tokens.append(Token(w.start, w.end, subject=Subject("stock", own.code, w.start, w.end, own)))
                continue
            if index_id == "@market":
                tokens.append(Token(w.start, w.end, subject=Subject("index", "HSI", w.start, w.end, weak=True)))
            else:
                tokens.append(Token(w.start, w.end, subject=Subject("index", index_id, w.start, w.end)))
            continue
        if "warrant_pronoun" in w.roles:  # 該證: resolved by the binder to the last warrant
            tokens.append(Token(w.start, w.end, subject=Subject("pronoun", "@warrant", w.start, w.end)))
            continue
        if "former" in w.roles:  # 前者, "the former": the first of the names just listed
            tokens.append(Token(w.start, w.end, subject=Subject("pronoun", "@former", w.start, w.end)))
            continue
        if "latter" in w.roles:  # 後者, "the latter": the last of them
            tokens.append(Token(w.start, w.end, subject=Subject("pronoun", "@latter", w.start, w.end)))
            continue
        if "index_set" in w.roles:  # 三大指數, "the three gauges": resolved by the binder
            tokens.append(Token(w.start, w.end, subject=Subject("index", "@index_set", w.start, w.end)))
            continue
        if "pronoun" in w.roles:  # "it", 該股: resolved by the binder to the last subject
            # (a word of other roles too keeps them, for when it names no subject: 股價)
            word = w if len(w.roles) > 1 else None
            tokens.append(Token(w.start, w.end, subject=Subject("pronoun", "@it", w.start, w.end), word=word))
            continue
        tokens.append(Token(w.start, w.end, word=w))
    tokens.extend(Token(q.start, q.end, qty=q) for q in quantities)
    # "The Labubu maker ripped as much as 7.9%": a sentence opening on a descriptor of the
    # company last named refers to it, as "the stock" does
    if (d := _DESCRIPTOR_OPENING.match(folded, start, min(end, start + _DESCRIPTOR_OPENING_CHARS))) is not None and not any(
        t.start < d.end() and d.start("d") < t.end for t in tokens if t.subject is not None or t.word is not None
    ):
        tokens.append(Token(d.start("d"), d.end(), subject=Subject("pronoun", "@it", d.start("d"), d.end())))
    tokens.sort(key=lambda t: (t.start, t.end))
    return _appositive_indices_dropped(folded, tokens)


def _appositive_indices_dropped(folded: str, tokens: list[Token]) -> list[Token]:
    """"the benchmark Shanghai Composite Index", "the benchmark Nikkei Stock Average": a name
    of a Hong Kong index ("the benchmark") right before another market's gauge, with only a
    space between, describes that gauge (the second name is the subject). Two Hong Kong
    indices side by side ("HSI HSCEI" in a header) are left alone."""
    drop = {
        id(a) for a, b in pairwise(tokens)
        if a.subject is not None and b.subject is not None and a.subject.kind == b.subject.kind == "index"
        and not a.subject.id.startswith("@") and b.subject.id == "@other"
        and b.start - a.end <= 1 and not folded[a.end:b.start].strip()
    }
    return [t for t in tokens if id(t) not in drop] if drop else tokens
