"""One fact, once: merge restatements of a move, keep different sessions apart.

A headline's "over 3%" and the body's -3.11% are one fact carrying the precise figure; an
intraday low and the close are two. Two drafts of the same subject merge when their sessions
agree (or one is unknown) and every figure both state is compatible: equal, or an approximate
figure ("over 300 points", "nearly 3%") that the precise one satisfies. In a timed feed, two
updates stamped at two times before the close are two moments (text/stamps.py).
"""

from __future__ import annotations

import math

from hkwrap.model import _FRESH, Evidence
from hkwrap.plain import dataclass_record, fresh
from hkwrap.text import stamps

_PRECISE = frozenset({"exact", "as_much_as"})
# Sessions a day has once: two statements of one are one moment, whenever they were told.
_ONE_A_DAY = frozenset({"open", "midday", "close"})
_FINE_DECIMALS = 2  # a percent this finely stated (-7.72%) names one move, whatever else differs
# Restatements kept as evidence for one fact.
_MAX_RESTATED = 20
# How far apart (characters) two statements of one fact may stand: within one report.
RESTATEMENT_REACH = 30_000
# A mark crossed stands this close to the level reached (25,000 for 24,952 or 25,310).
_MARK_SLACK = 0.03


@dataclass_record()  # (its __init__ written out: hkwrap/plain.py says why)
class Draft:
    """A move of one subject, before merging."""

    subject: str
    position: int
    pct: float | None = None
    pct_q: str = "exact"
    points: float | None = None
    points_q: str = "exact"
    level: float | None = None
    level_q: str = "exact"  # "mark": a threshold crossed ("surpassing the 20,600-point mark")
    tentative: bool = False  # kept only if it merges into a draft that is not (the market's %)
    price: float | None = None
    currency: str = "HKD"
    turnover: float | None = None
    session: str | None = None
    evidence: Evidence | None = None
    restated: list[Evidence] = fresh(list)
    # the way a draft with no change went to its level ("一度跌至16,512點": down), 0 unknown
    heading: int = 0
    # the time of the feed's update that told it (minutes after midnight; text/stamps.py)
    stamp: int | None = None

    def __init__(
        self, subject: str, position: int, pct: float | None = None, pct_q: str = "exact",
        points: float | None = None, points_q: str = "exact", level: float | None = None,
        level_q: str = "exact", tentative: bool = False, price: float | None = None,
        currency: str = "HKD", turnover: float | None = None, session: str | None = None,
        evidence: Evidence | None = None, restated: list[Evidence] = _FRESH, heading: int = 0,
        stamp: int | None = None,
    ) -> None:
        self.subject = subject
        self.position = position
        self.pct = pct
        self.pct_q = pct_q
        self.points = points
        self.points_q = points_q
        self.level = level
        self.level_q = level_q
        self.tentative = tentative
        self.price = price
        self.currency = currency
        self.turnover = turnover
        self.session = session
        self.evidence = evidence
        self.restated = [] if restated is _FRESH else restated
        self.heading = heading
        self.stamp = stamp

    @property
    def qualifier(self) -> str:
        for v, q in ((self.pct, self.pct_q), (self.points, self.points_q)):
            if v is not None and q != "exact":
                return q
        return "exact"

    def precision(self) -> int:
        """How many figures are stated exactly: the better draft keeps its evidence."""
        return sum(
            (self.pct is not None and self.pct_q in _PRECISE,
             self.points is not None and self.points_q in _PRECISE,
             self.level is not None and self.level_q == "exact", self.price is not None,
             self.turnover is not None)
        )


def round4(x: float | None) -> float | None:
    """Figures as reported: four decimals are more than any report states."""
    return None if x is None else round(x, 4)


def approx_compatible(v1: float | None, q1: str, v2: float | None, q2: str) -> bool:
    """Could these two figures state the same fact?"""
    if v1 is None or v2 is None:
        return True
    if (v1 > 0) != (v2 > 0) and v1 != 0 and v2 != 0:
        return False
    a, b = abs(v1), abs(v2)
    if q1 in _PRECISE and q2 in _PRECISE:
        # equal, or one a rounding of the other (a headline's 400 for the body's 400.08)
        return abs(a - b) < SAME_FIGURE or _rounds_to(a, b) or _rounds_to(b, a)
    if q1 not in _PRECISE and q2 not in _PRECISE:
        # two approximations agree when the ranges they allow meet ("近 4%" and "近 3.8%")
        lo1, hi1 = _range(a, q1)
        lo2, hi2 = _range(b, q2)
        return lo1 <= hi2 + _EPS and lo2 <= hi1 + _EPS
    x, (v, q) = (a, (b, q2)) if q1 in _PRECISE else (b, (a, q1))
    if q not in _APPROX:
        return abs(x - v) < SAME_FIGURE
    lo, hi = _range(v, q)
    return lo - _EPS <= x <= hi + _EPS


# What an approximate figure allows of the precise one it restates:
# "over 3%" for up to 5% (1.5x, plus half a unit for small figures: "over 1%" for 2%); more
# than that is a headline about another figure.
OVER_REACH, OVER_SLACK = 1.5, 0.5
# "nearly 4%" for 3% or more: further below is not "nearly".
NEARLY_FLOOR = 0.75
# "about 3%" within 15% of the figure, or half a unit for small ones ("約 1%" for 1.4%).
ABOUT_SHARE, ABOUT_SLACK = 0.15, 0.5
# Two precise figures are one when they differ by under 0.006: float noise and a second
# decimal cut rather than rounded (2.345 stated as 2.34).
SAME_FIGURE = 0.006
_ROUND_HUNDREDS = 100  # a figure in whole hundreds may round the precise one (300 for 306) ...
_ROUND_SHARE = 0.03  # ... when it is this close to it
_EPS = 1e-9  # float noise in comparing bounds
_APPROX = frozenset({"over", "nearly", "under", "about"})


def _range(v: float, q: str) -> tuple[float, float]:
    """The values an approximate figure allows (see ``approx_compatible``)."""
    if q == "over":
        return v, v * OVER_REACH + OVER_SLACK
    if q == "nearly":
        return v * NEARLY_FLOOR, v
    if q == "under":
        return 0.0, v
    if q == "about":
        slack = max(ABOUT_SHARE * v, ABOUT_SLACK)
        return v - slack, v + slack
    return v, v


def _decimals(v: float) -> int:
    text = repr(float(v))
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


def _round_half_up(value: float, places: int) -> float:
    """``value`` rounded as people round it, a half up: 2.65 to 2.7 (``round`` gives 2.6, the
    float just below 2.65). (decimal is imported here: ~1.5 ms of a start, for the few
    figures that ``round`` alone does not settle.)"""
    from decimal import ROUND_HALF_UP, Decimal

    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def _rounds_to(precise: float, rounded: float) -> bool:
    """Is ``rounded`` (a whole number or one decimal) ``precise`` rounded?"""
    apart = abs(precise - rounded)
    if apart >= 1 and apart > _ROUND_SHARE * precise:
        return False  # (the cheap test first: each way of rounding below stays closer than this)
    for places in (0, 1):
        if round(rounded, places) == rounded and (
            abs(round(precise, places) - rounded) < _EPS
            # (a percent given to one decimal from two is rounded a half up: 2.7% for -2.65%,
            # where ``round`` gives 2.6; a whole number keeps ``round``'s half to even, so 2.5%
            # and another "3%" stay two figures)
            or (places == 1 and abs(_round_half_up(precise, places) - rounded) < _EPS)
            # (or cut short to one decimal, as headlines cut to whole numbers: 0.6% for -0.65%)
            or (places == 1 and abs(math.trunc(precise * 10 + _EPS) / 10 - rounded) < _EPS)
        ):
            return precise != rounded
    # a headline's round hundreds for the body's points: 恒指反彈三百點 for 升306點
    if (
        rounded >= _ROUND_HUNDREDS and rounded % _ROUND_HUNDREDS == 0 and abs(round(precise, -2) - rounded) < _EPS
        and abs(precise - rounded) <= _ROUND_SHARE * precise  # (not 700 for 660: another figure)
    ):
        return precise != rounded
    # headlines also cut figures short: 24802 for 24,802.56
    return rounded == int(rounded) and int(precise) == rounded and precise != rounded


def _implied_restates(a: Draft, b: Draft) -> bool:
    """Is ``a``'s bare percent the one ``b``'s exact points and level imply, to the decimals ``a``
    gives ("HSI -1.6%" in a digest's line, "HSI close 18,581.13 (-292.84 pts)" in another)?"""
    if a.pct is None or a.points is not None or a.level is not None or a.pct_q not in _PRECISE:
        return False
    implied = _implied_pct(b)
    if implied is None or b.pct is not None:
        return False
    places = len(f"{abs(a.pct):.6g}".partition(".")[2])
    return abs(round(implied, places) - a.pct) < _EPS


def _points_complete(a: Draft, b: Draft) -> bool:
    """Are ``b``'s bare exact points the change that ``a``'s quote (a level and a percent, no
    points) implies, to the decimals ``a`` gives? A digest's row "Hang Seng 23,980.30 ▼ 0.34%"
    and, in its prose, "It closed down 81.38 points" are one close."""
    if a.level is None or a.pct is None or a.points is not None or a.level_q != "exact" or a.pct_q not in _PRECISE:
        return False
    if b.points is None or b.pct is not None or b.level is not None or b.points_q not in _PRECISE:
        return False
    before = a.level - b.points
    if before <= 0:
        return False
    places = len(f"{abs(a.pct):.6g}".partition(".")[2])
    return abs(round(100 * b.points / before, places) - a.pct) < _EPS


def _direction(d: Draft) -> int:
    """+1 or -1 for a draft whose percent or points say which way it moved, else 0."""
    for v in (d.pct, d.points):
        if v:
            return 1 if v > 0 else -1
    return d.heading


def _overlap(a: Draft, b: Draft) -> bool:
    """Do the drafts state at least one figure in common?"""
    return (
        (a.pct is not None and b.pct is not None) or (a.points is not None and b.points is not None)
        or (a.level is not None and b.level is not None) or (a.price is not None and b.price is not None)
    )


def _closing_price_of(price: Draft, move: Draft) -> bool:
    """A stock's closing price said alone ("阿里巴巴收市報97元") and, elsewhere, its change with
    no price and no other session (騰訊、阿里巴巴及美團分別升23%、27%及32%): one fact, the
    day's close."""
    return (
        price.subject[:1].isdigit() and price.session == "close" and price.price is not None
        and price.pct is None and price.points is None and price.level is None
        and move.session in (None, "close") and move.price is None and move.pct is not None
    )


def _closing_level_of(level: Draft, move: Draft) -> bool:
    """The same for an index: its close said alone as a level (a scoreboard's "Hang Seng
    Index 16,353.39" under "Friday close / change on the week") and, elsewhere, its change
    with no level and no other session ("added 124.09 points, or 0.76%"): the day's close."""
    return (
        not level.subject[:1].isdigit() and level.session == "close" and level.level is not None
        and level.pct is None and level.points is None
        and move.session in (None, "close") and move.level is None and (move.pct is not None or move.points is not None)
    )


def _quote_and_extreme(quote: Draft, extreme: Draft) -> bool:
    """A quote stating itself whole (a level with its exact points and percent, no session:
    "恒生指數：23,594.21點，升2.84%（+652.44點）") and, on another line, a figure the day
    reached at some point said roughly (盤中最高曾升近700點): the day's extreme is a fact of
    its own, not the quote's restatement."""
    return (
        quote.session is None and extreme.session == "intraday"
        and quote.level is not None and quote.pct is not None and quote.points is not None
        and quote.pct_q in _PRECISE and quote.points_q in _PRECISE
        and extreme.qualifier != "exact"
        and not (quote.evidence is not None and extreme.evidence is not None and quote.evidence.line == extreme.evidence.line)
    )


def _extreme_then_its_change(level: Draft, change: Draft) -> bool:
    """The day's extreme as a level, then in the same sentence a percent of no session against
    the close before ("盘中最高见26012点，较前一交易日收市上涨约1.56%"): one fact."""
    # ... or the extreme's own size in points, said as the day's ("盘中最低见24,748.77点，跌幅一度
    # 扩大至约1,440点")
    # (not another way than the level went: "一度跌至16,512點，其後……最多升271點" is two extremes)
    if level.session != "intraday" or level.level is None:
        return False  # (the cheap test first: most drafts are no extreme's level)
    same_way = level.heading == 0 or level.heading == _direction(change)
    pct_against_close = (
        change.pct is not None and change.points is None
        and (change.session is None or (change.session == "intraday" and same_way))
    )
    extreme_in_points = change.session == "intraday" and change.points is not None and change.pct is None and same_way
    return (
        level.session == "intraday" and level.level is not None and level.pct is None and level.points is None
        and (pct_against_close or extreme_in_points) and change.level is None
        and level.evidence is not None and change.evidence is not None
        and level.evidence.start == change.evidence.start and level.position < change.position
    )


def _extreme_change(a: Draft, b: Draft) -> bool:
    """Is one draft the day's extreme as a level and the other its change (either way round)?"""
    return _extreme_then_its_change(a, b) or _extreme_then_its_change(b, a)


def _move_and_its_extreme(move: Draft, extreme: Draft) -> bool:
    """One sentence gives a move, then the day's extreme of a different size ("中金公司涨超16%，
    盘中一度大涨逾20%"): two facts, whatever their approximate words allow."""
    return (
        move.session is None and extreme.session == "intraday"
        and move.evidence is not None and extreme.evidence is not None
        and move.evidence.start == extreme.evidence.start and move.position < extreme.position
        and move.pct is not None and extreme.pct is not None and move.pct != extreme.pct
    )


def _day_and_its_extreme(move: Draft, extreme: Draft) -> bool:
    """A stock's day told exactly with no session (a table's row, "比亚迪股份 01211 262.4
    ▲4.97%") and, anywhere else, how far it went at one point ("盘中一度涨近6%"), roughly: two
    facts, the day and its extreme."""
    return (
        move.subject[:1].isdigit() and move.session is None and extreme.session == "intraday"
        and move.pct is not None and extreme.pct is not None and move.pct_q == "exact"
        and extreme.pct_q in _APPROX and abs(move.pct) < abs(extreme.pct)
    )


def _price_only(d: Draft) -> bool:
    """Does the draft state a price and no change?"""
    return d.price is not None and d.pct is None and d.points is None


def _same_fine_pct(a: Draft, b: Draft) -> bool:
    """Do both drafts state one exact percent given to two decimals or more (-7.72%)?"""
    return (
        a.pct is not None and b.pct is not None and a.pct_q == b.pct_q == "exact"
        and abs(a.pct - b.pct) < SAME_FIGURE and _decimals(a.pct) >= _FINE_DECIMALS
    )


def _level_restated(a: Draft, b: Draft) -> bool:
    """A level alone restating the other's to the point or rounded ("恒指三連跌收報26,159點" over
    "收市報26,159.12點"): the words after it in a headline are other subjects'."""
    return (
        a.session is not None and a.session == b.session and a.level is not None and b.level is not None
        and any(d.pct is None and d.points is None for d in (a, b))
        and approx_compatible(a.level, "exact", b.level, "exact")
    )


def compatible(a: Draft, b: Draft) -> bool:
    if a.subject != b.subject:
        return False
    if a.tentative != b.tentative:
        # the market's bare percent restates the index's move that states no percent
        firm, loose = (b, a) if a.tentative else (a, b)
        if loose.pct is not None and firm.pct is not None and (
            round4(firm.pct) == round4(loose.pct)
            # (or said roughly: "港股跌逾2%" over a close of -2.16%)
            or (loose.pct_q not in _PRECISE and approx_compatible(firm.pct, firm.pct_q, loose.pct, loose.pct_q))
        ):
            return True  # "港股放量大涨3.8%" over a close of +3.8%: the same figure restated
        return (
            firm.pct is None and loose.pct is not None
            and (firm.points is not None or firm.session == "close")  # a move, not a range's end
            and (firm.points is None or (firm.points > 0) == (loose.pct > 0))
            and _pct_agrees(loose, firm)  # "暴涨14.35%" is not the high's 1,698 points (15.4%)
        )
    # (Past here each test is a condition the pair must meet, none with a side effect: their
    # order is free, and the two commonest no's, a percent that does not fit and two ways of
    # moving, come first, so that most pairs are told apart in a few comparisons.)
    if a.session and b.session and a.session != b.session:
        return False
    if not approx_compatible(a.pct, a.pct_q, b.pct, b.pct_q):
        return False
    # an intraday extreme told again to the point ("技術上，恒指昨日低見25,011點後反彈"): one
    # fact, whatever the verb after the restatement says
    same_extreme = (
        a.session == b.session == "intraday" and a.level is not None and b.level is not None
        and abs(a.level - b.level) < SAME_FIGURE
    )
    if (
        (sa := _direction(a)) and (sb := _direction(b)) and sa != sb
        and not same_extreme and not _extreme_change(a, b) and not _level_restated(a, b)
    ):
        return False  # "(HSI: 18,245.37, -0.8%) ... reversing a 300-point rally": two moves
    if stamps.apart(a.stamp, b.stamp) and not _one_moment(a, b):
        return False  # "14:36 科指跌逾2%" and "16:10 …科指跌2.05%": two updates of a feed
    if _quote_and_extreme(a, b) or _quote_and_extreme(b, a):
        return False
    if _move_and_its_extreme(a, b) or _move_and_its_extreme(b, a) or _day_and_its_extreme(a, b) or _day_and_its_extreme(b, a):
        return False
    level_only = (a.level is not None and a.pct is None and a.points is None) or (
        b.level is not None and b.pct is None and b.points is None
    )
    same_session = a.session is not None and a.session == b.session and not (level_only and a.session == "intraday")
    # an intraday level alone (a low, or a high) says nothing of which extreme another intraday
    # figure is: only the same sentence or paragraph joins them
    if not _overlap(a, b) and not same_session:
        # Nothing in common to show it is the same fact, unless the same paragraph (line)
        # completes it: "SMIC fell 6.2% ...; SMIC closed at HK$71.25."
        same_line = a.evidence is not None and b.evidence is not None and a.evidence.line == b.evidence.line
        # (or one update of a feed, its title and its body: "16:27【小米集团-W收跌2.52%】" over
        # "小米(01810)报55.2港元")
        same_update = a.stamp is not None and a.stamp == b.stamp
        if not same_line and not same_update and not (
            _implied_restates(a, b) or _implied_restates(b, a) or _closing_price_of(a, b) or _closing_price_of(b, a)
            or _closing_level_of(a, b) or _closing_level_of(b, a)
            or _points_complete(a, b) or _points_complete(b, a)
        ):
            return False
        if (
            level_only and "intraday" in (a.session, b.session) and "as_much_as" not in (a.pct_q, a.points_q, b.pct_q, b.points_q)
            and not same_extreme and not _extreme_change(a, b) and not _list_extreme_and_its_level(a, b)
        ):
            # "eased 201 points ...; its intraday low was 26,190.55": the extreme is its own
            # (but "曾急跌至23,382點，全日最多跌399點" is one extreme said twice)
            return False
        if (
            (_price_only(a) or _price_only(b)) and "intraday" in (a.session, b.session)
            and "as_much_as" not in (a.pct_q, b.pct_q) and not _same_sentence(a, b)
        ):
            # "Power Assets rose 2.2%. It reached HK$52.80 during the afternoon before closing at
            # HK$52.35": a stock's extreme price in a sentence of its own is no price of the
            # day's change
            return False
    if not (_pct_agrees(a, b) and _pct_agrees(b, a)):
        return False
    if not (_points_fit(a, b) and _points_fit(b, a)):
        return False
    if not approx_compatible(a.points, a.points_q, b.points, b.points_q):
        return False
    if "mark" in (a.level_q, b.level_q):
        if a.level is not None and b.level is not None and abs(a.level - b.level) > _MARK_SLACK * max(a.level, b.level):
            return False
        if level_only and (a.level is None or b.level is None):
            return False  # "一度衝上18,400點以上 … 下晝仲一度倒跌49點": a mark passed is not the extreme's level
    elif not approx_compatible(a.level, "exact", b.level, "exact"):
        return False
    if not approx_compatible(a.price, "exact", b.price, "exact"):
        return False
    # (a turnover of another kind, a Stock Connect list's "成交额22.4亿" against the day's "逾60亿",
    # does not part two drafts of the same two-decimal percent)
    if not approx_compatible(a.turnover, "exact", b.turnover, "exact") and not _same_fine_pct(a, b):
        return False
    # "收68.75元，……盤中曾見69元": the day's extreme is its own price, not a rounded close
    return not (
        (a.session == "intraday") != (b.session == "intraday") and a.price is not None and b.price is not None
        and abs(a.price - b.price) >= SAME_FIGURE
    )


def _list_extreme_and_its_level(a: Draft, b: Draft) -> bool:
    """"恒指、国指、科指盘中一度分别跌超2%、2.5%、3%，其中恒指最低见16,680.45点": an extreme
    told as a change and, in the same sentence, its level alone, the same way: one extreme."""
    if not (a.session == b.session == "intraday" and _same_sentence(a, b)):
        return False
    level, change = (a, b) if a.pct is None and a.points is None else (b, a)
    if not (
        level.level is not None and level.pct is None and level.points is None
        and change.level is None and (change.pct is not None or change.points is not None)
        and level.heading in (0, _direction(change)) and change.position < level.position
    ):
        return False
    # (in one clause or the next, not past a semicolon: "最多跌约0.3%；午后……最高见26012点" is
    # the other extreme)
    assert change.evidence is not None
    between = change.evidence.text[change.position - change.evidence.start:level.position - change.evidence.start]
    return not any(mark in between for mark in ";；。")


def _one_moment(a: Draft, b: Draft) -> bool:
    """Do two updates of a feed, stamped at two times, tell one moment?

    - The day has one open, one midday break and one close ("09:20 恒指高开0.33%", then
      "12:01 …早盘高开88点").
    - A rough figure worded alike is one statement copied (:func:`_said_again`).
    - An update after the close looking back on the day ("盤中曾升8%", "早盘一度涨近2%") tells
      again a figure an earlier update gave as it happened ("10:45 美團升幅擴大至8%"), when it
      is no finer ("盘中最高见54.3港元" at 16:10 is not the 10:15 "小米涨超5%", nor "盤中高見
      23,513點" the 10:30 "重上23,000點") or gives that figure to the point ("一度擴大至186點，
      高見25,799點" under the 16:10 heading, "【10:30】恒指升幅擴大至186點")."""
    if (a.session == b.session and a.session in _ONE_A_DAY) or _said_again(a, b):
        return True
    early, late = (a, b) if (a.stamp or 0) <= (b.stamp or 0) else (b, a)
    return (
        (late.stamp or 0) >= stamps.CLOSE_MINUTES and late.session == "intraday" and _overlap(a, b)
        and (late.precision() <= early.precision() or _same_figure_told(a, b))
    )


def _same_figure_told(a: Draft, b: Draft) -> bool:
    """Do the drafts state one figure (a percent or points) to the same value?"""
    return any(
        x is not None and y is not None and abs(x - y) < SAME_FIGURE
        for x, y in ((a.pct, b.pct), (a.points, b.points))
    )


def _said_again(a: Draft, b: Draft) -> bool:
    """Do two drafts word an approximate figure alike ("涨超5%" in a 10:31 flash and again in
    the 收评's list)? An update summing up the day copies an earlier one's rough figure; two
    readings of the market that happen to agree are stated exactly."""
    shared = [
        (x, qx, y, qy) for x, qx, y, qy in ((a.pct, a.pct_q, b.pct, b.pct_q), (a.points, a.points_q, b.points, b.points_q))
        if x is not None and y is not None
    ]
    return bool(shared) and all(abs(x - y) < SAME_FIGURE and qx == qy for x, qx, y, qy in shared) and any(
        qx not in _PRECISE for _, qx, _, _ in shared
    )


def _implied_pct(d: Draft) -> float | None:
    """The percent a draft's exact points and level imply (the points over the level before)."""
    if d.points is None or d.level is None or d.level_q != "exact" or d.points_q not in _PRECISE:
        return None
    before = d.level - d.points
    return 100 * d.points / before if before > 0 else None


def _pct_agrees(a: Draft, b: Draft) -> bool:
    """Does ``a``'s percent agree with the one ``b``'s points and level imply, when ``b``
    states none? "10:52 Hang Seng up 0.8%" is not the day's high "25,146.92, a gain of 240.11
    points" (0.96%)."""
    implied = _implied_pct(b) if b.pct is None else None
    if a.pct is None or implied is None:
        return True
    if a.pct_q in _PRECISE:
        return abs(a.pct - implied) <= max(IMPLIED_SLACK, IMPLIED_SHARE * abs(a.pct))
    return approx_compatible(a.pct, a.pct_q, implied, "exact")


def _points_fit(a: Draft, b: Draft) -> bool:
    """Would ``b``'s exact points, the only change it states, fit ``a``'s level and percent?
    "恒指早盘高开86点" is not the close "涨1.05%报17,874.67点" (86 points off 17,789 is 0.48%)."""
    if (
        a.level is None or a.pct is None or a.points is not None or a.level_q != "exact" or a.pct_q not in _PRECISE
        or b.points is None or b.pct is not None or b.points_q not in _PRECISE
    ):
        return True
    before = a.level - b.points
    if before <= 0:
        return True
    implied = 100 * b.points / before
    return abs(a.pct - implied) <= max(IMPLIED_SLACK, IMPLIED_SHARE * abs(a.pct))


# A stated percent and the one points and level imply may differ by this much (points, or
# share of the percent) and still be one fact: reports round, and misprint a little (2.58% for
# 573.11 points off 22,282.24, which is 2.57%).
IMPLIED_SLACK = 0.05
IMPLIED_SHARE = 0.05


def _better(v1: float | None, q1: str, v2: float | None, q2: str) -> tuple[float | None, str]:
    if v1 is None:
        return v2, q2
    if v2 is None:
        return v1, q1
    if q1 not in _PRECISE and q2 in _PRECISE:
        return v2, q2
    if (q1 in _PRECISE) == (q2 in _PRECISE) and _decimals(v2) > _decimals(v1):
        return v2, q2  # the finer figure: 400.08 over a headline's 400, 3.8 over 4
    if (q1 in _PRECISE) == (q2 in _PRECISE) and _decimals(v2) == _decimals(v1) == 0 and _rounds_to(abs(v2), abs(v1)):
        return v2, q2  # and over a headline's round thousands or hundreds: 3021 over 3000
    return v1, q1


def _finer(x: float | None, y: float | None) -> float | None:
    """The figure with more decimals (24,802.56 over a headline's 24802)."""
    if x is None or y is None:
        return y if x is None else x
    return y if _decimals(y) > _decimals(x) else x


def _level(a: Draft, b: Draft) -> float | None:
    """The level two statements of one fact give: a stated level over a mark crossed."""
    if a.level is not None and b.level is not None and a.level_q != b.level_q:
        return a.level if a.level_q == "exact" else b.level
    return _finer(a.level, b.level)


def merge(a: Draft, b: Draft) -> Draft:
    """``a`` and ``b`` as one fact: the precise figures, all the evidence."""
    primary, other = (a, b) if a.precision() >= b.precision() else (b, a)
    pct, pct_q = _better(primary.pct, primary.pct_q, other.pct, other.pct_q)
    points, points_q = _better(primary.points, primary.points_q, other.points, other.points_q)
    # Keep a bounded sample of restatements: a feed that repeats a report thousands of times
    # must not make every merge copy thousands of evidence records.
    restated = primary.restated
    if len(restated) < _MAX_RESTATED:
        known = {e.start for e in restated}
        if primary.evidence is not None:
            known.add(primary.evidence.start)
        for e in ([other.evidence] if other.evidence else []) + other.restated:
            if e.start not in known and len(restated) < _MAX_RESTATED:
                known.add(e.start)
                restated = [*restated, e]
    unique = restated
    return Draft(
        subject=a.subject,
        tentative=a.tentative and b.tentative,
        position=min(a.position, b.position),
        pct=pct,
        pct_q=pct_q,
        points=points,
        points_q=points_q,
        level=_level(primary, other),
        level_q="mark" if primary.level_q == other.level_q == "mark" or (
            primary.level is None and other.level_q == "mark") or (other.level is None and primary.level_q == "mark") else "exact",
        price=_finer(primary.price, other.price),
        currency=primary.currency if primary.price is not None else other.currency,
        turnover=primary.turnover if primary.turnover is not None else other.turnover,
        session=primary.session or other.session,
        heading=primary.heading or other.heading,
        stamp=primary.stamp if primary.stamp is not None else other.stamp,
        evidence=primary.evidence,
        restated=sorted(unique, key=lambda e: e.start),
    )


def consolidate(drafts: list[Draft]) -> list[Draft]:
    """Merge restatements; order by first appearance. Identical exact facts always merge;
    a draft prefers a partner whose session is the same as its own.

    Only drafts of the same subject stated within ``RESTATEMENT_REACH`` characters of each other are
    compared: a report restates its facts within itself, and an archive of thousands of
    reports pasted into one file stays linear."""
    import bisect

    by_subject: dict[str, tuple[list[int], list[Draft]]] = {}
    # (the market's bare percent last: it restates a move already read, if any)
    for d in sorted(drafts, key=lambda x: (x.tentative, x.precision() == 0, x.position)):
        positions, out = by_subject.setdefault(d.subject, ([], []))
        lo = bisect.bisect_left(positions, d.position - RESTATEMENT_REACH)
        hi = bisect.bisect_right(positions, d.position + RESTATEMENT_REACH)
        # (compatible's commonest no's, two drafts of one kind naming two sessions or stating
        # two percents that cannot be one, told without a call: most of the pairs a report
        # compares)
        session, tentative, pct, pct_q = d.session, d.tentative, d.pct, d.pct_q
        candidates = []
        for i in range(lo, hi):
            o = out[i]
            if o.tentative == tentative and (
                (session and o.session and o.session != session)
                # (two percents, or approx_compatible says yes without a call)
                or (pct is not None and o.pct is not None and not approx_compatible(o.pct, o.pct_q, pct, pct_q))
            ):
                continue
            if compatible(o, d):
                candidates.append(i)
        if candidates:
            same = [i for i in candidates if out[i].session == d.session]
            if d.tentative:  # the market's bare percent: the move stating that very percent first
                same = [i for i in candidates if out[i].pct is not None and round4(out[i].pct) == round4(d.pct)] or same
            # (else one told in the same sentence: "盘中最高见26012点，较前一交易日收市上涨约1.56%",
            # not a headline's rougher figure)
            near = [i for i in candidates if _same_sentence(out[i], d)]
            # (else one that already states each of its figures: the headline's "港股跌逾2%"
            # restates the close's -2.16%, it does not complete the open's -176 points)
            # (else one whose figures the draft's exact ones round: a caption's "恒指跌423點" is
            # the close's -422.73, not the afternoon's "一度跌近500點" it also fits)
            agreeing = [i for i in candidates if _figures_agree(out[i], d)]
            restating = [
                i for i in candidates
                if (d.pct is None or out[i].pct is not None) and (d.points is None or out[i].points is not None)
            ]
            i = (same or near or agreeing or restating or candidates)[0]
            out[i] = merge(out[i], d)
            positions[i] = out[i].position
            if i > 0 and positions[i] < positions[i - 1]:  # merge may move a fact earlier
                order = sorted(range(len(out)), key=positions.__getitem__)
                positions[:] = [positions[j] for j in order]
                out[:] = [out[j] for j in order]
        else:
            i = bisect.bisect_right(positions, d.position)
            positions.insert(i, d.position)
            out.insert(i, d)
    return sorted(
        (d for _, out in by_subject.values() for d in _vague_to_extreme(out)), key=lambda x: x.position
    )


def _figures_agree(held: Draft, d: Draft) -> bool:
    """Does ``held`` state each exact change of ``d`` (a percent, points), to the point or
    more finely? (Only a draft with an exact change can agree.)"""
    told = [(h, v) for h, v, q in ((held.pct, d.pct, d.pct_q), (held.points, d.points, d.points_q)) if v is not None and q == "exact"]
    return bool(told) and all(
        h is not None and (abs(h - v) < SAME_FIGURE or (_rounds_to(abs(h), abs(v)) and (h > 0) == (v > 0))) for h, v in told
    )


def _same_sentence(a: Draft, b: Draft) -> bool:
    return a.evidence is not None and b.evidence is not None and a.evidence.start == b.evidence.start


def _vague(d: Draft) -> bool:
    """Only approximate figures, no session, no level or price: a headline's "挫近300點"."""
    figures = [(v, q) for v, q in ((d.pct, d.pct_q), (d.points, d.points_q)) if v is not None]
    return (
        d.session is None and d.level is None and d.price is None and bool(figures)
        and all(q not in _PRECISE for _, q in figures)
    )


def _vague_to_extreme(drafts: list[Draft]) -> list[Draft]:
    """A vague figure that the close contradicts restates the day's extreme: "科技指數挫近300
    點" over a close of -210 points and an intraday fall of over 3% to 7,119 is that fall."""
    closes = [d for d in drafts if d.session == "close"]
    extremes = [d for d in drafts if d.session == "intraday"]
    if not closes or len(extremes) != 1:
        return drafts
    out = list(drafts)
    for d in drafts:
        if not _vague(d) or any(compatible(c, d) for c in closes):
            continue
        x = extremes[0]
        fits = (d.pct is None or x.pct is None) and (d.points is None or x.points is None) and not stamps.apart(d.stamp, x.stamp)
        if fits and approx_compatible(d.pct, d.pct_q, x.pct, x.pct_q) and approx_compatible(
            d.points, d.points_q, x.points, x.points_q
        ):
            merged = merge(x, d)
            merged.session = "intraday"
            out[out.index(x)] = merged
            out.remove(d)
            extremes = [merged]
    return out


def join(held: list[Draft], new: list[Draft]) -> list[bool]:
    """Merge into ``held`` (the consolidated drafts of the pieces before a cut in a long
    document, in document offsets) each draft of ``new`` (the next piece's) that restates one of
    them: the same test and the same choice as ``consolidate`` (same subject within
    ``RESTATEMENT_REACH``, compatible, a partner of the same session first). ``held`` is changed in place;
    the answer says, per draft of ``new``, whether it was merged (and so is no fact of its own)."""
    merged = [False] * len(new)
    if not held or not new:
        return merged
    first = min(d.position for d in new)
    by_subject: dict[str, list[int]] = {}
    for i, d in enumerate(held):
        if d.position >= first - RESTATEMENT_REACH:  # no earlier draft can be a restatement's partner
            by_subject.setdefault(d.subject, []).append(i)
    if not by_subject:
        return merged
    for j in sorted(range(len(new)), key=lambda k: (new[k].precision() == 0, new[k].position)):
        d = new[j]
        near = [i for i in by_subject.get(d.subject, ()) if abs(held[i].position - d.position) <= RESTATEMENT_REACH]
        candidates = sorted((i for i in near if compatible(held[i], d)), key=lambda i: held[i].position)
        if candidates:
            same = [i for i in candidates if held[i].session == d.session]
            i = (same or candidates)[0]
            held[i] = merge(held[i], d)
            merged[j] = True
    return merged
