"""What binding makes and carries: a number as bound (``Num``), a move, the state kept from
one sentence to the next, and the helpers that read a move's numbers."""

from __future__ import annotations

from hkwrap import patterns
from hkwrap.extractors.moves.cues import (
    _FIRST_YEAR,
    _LAST_YEAR,
    _RIGHT_AFTER_BREAK,
    _YEAR_FISCAL_AFTER,
    _YEAR_FRAME_BEFORE,
    _YEAR_MULTIPLE_BEFORE,
    _YEAR_WORD_REACH,
)
from hkwrap.extractors.tokens import Subject, Token
from hkwrap.numbers import Quantity
from hkwrap.plain import record
from hkwrap.text.lexicon import IndexScale
from hkwrap.text.prepare import Prepared
from hkwrap.text.spans import MATCH_WINDOW as _MATCH_WINDOW


@record()
class Num:
    """A number as bound: its value (signed by the move's direction), how it was stated
    (exact, over, nearly ...) and where it stands. (The records here are plain classes:
    hkwrap/plain.py says why.)"""

    __match_args__ = ("value", "qualifier", "start", "end")  # the fields, in order
    __slots__ = __match_args__

    def __init__(self, value: float, qualifier: str, start: int, end: int) -> None:
        self.value = value
        self.qualifier = qualifier
        self.start = start
        self.end = end


@record()
class Move:
    """One move of one or more subjects, read from a sentence: its figures as bound."""

    __match_args__ = (
        "subjects", "sentence", "direction", "pcts", "points", "level", "levels", "price", "prices",
        "currency", "turnover", "turnover_currency", "session", "session_explicit", "respectively",
        "respectively_at", "each", "modal",
    )  # the fields, in order
    __slots__ = __match_args__

    def __init__(
        self, subjects: list[Subject], sentence: tuple[int, int], direction: int = 0,
        session: str | None = None, modal: bool = False,
    ) -> None:
        self.subjects = subjects
        self.sentence = sentence
        self.direction = direction
        self.pcts: list[Num] = []
        self.points: list[Num] = []
        self.level: Num | None = None
        self.levels: list[Num] = []  # "分別報19,998點及7,245點": one a subject
        self.price: Num | None = None
        self.prices: list[Num] = []  # several, for a list of subjects
        self.currency = "HKD"
        self.turnover: Num | None = None
        self.turnover_currency = "HKD"
        self.session = session
        self.session_explicit = False
        self.respectively = False
        self.respectively_at = 0  # where the list word stood: a figure before it is shared
        self.each = False  # the list word gives each subject a single figure told (各自)
        self.modal = modal

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


@record()
class BindState:
    """What carries from one sentence to the next: the index last named ("the index")."""

    __match_args__ = (
        "last_index", "last_subject", "last_stock", "last_warrant", "topic",
        "yesterday_is_report_day", "half_day", "midday_report", "period_heading", "period_block_at",
        "period_block_closes", "listing_heading", "sentence", "index_sentence", "index_end",
        "main_index", "subject_sentence", "figure_sentence", "heading_session", "stamp_session",
        "index_levels", "index_refs", "indices_named", "last_session", "last_move", "last_pair", "pair_sentence", "withdrawn_subject", "corrections", "report_year",
        "report_weekday", "report_day", "scales",
    )  # the fields, in order
    __slots__ = __match_args__

    def __init__(
        self, *, scales: dict[str, IndexScale] | None = None, yesterday_is_report_day: bool = False,
        report_year: int | None = None, report_weekday: int | None = None,
        report_day: tuple[int, int] | None = None, half_day: bool = False, midday_report: bool = False,
    ) -> None:
        self.last_index: str | None = None
        self.last_subject: Subject | None = None
        self.last_stock: Subject | None = None  # the company "its share price", 該股 refers to
        self.last_warrant: Subject | None = None  # the warrant or CBBC 該證, "the warrant" refers to
        self.topic: Subject | None = None  # the first subject of the last sentence that named one
        self.yesterday_is_report_day: bool = yesterday_is_report_day
        self.half_day: bool = half_day  # the market traded only in the morning: its noon close is the close
        self.midday_report: bool = midday_report  # the headline calls the report a midday one ("港股午評")
        self.period_heading: bool = False  # the last sentence was "For the week:" (a list follows)
        # where a heading line that is only a period since a start ("Year to date 年初至今") ended:
        # the lines under it, to the next blank line, are that period's
        self.period_block_at: int | None = None
        self.period_block_closes: bool = False  # the period block's heading names the close as well
        self.listing_heading: bool = False  # the last heading was "ADRs vs HK close": its list is the ADRs'
        self.sentence: int = 0  # sentences bound so far
        self.index_sentence: int = -2  # the last sentence that named an index
        self.index_end: int = 0  # where the last index named ends
        self.main_index: str | None = None  # the first Hong Kong index named: the report's own
        self.subject_sentence: int = -2  # the last sentence that named a subject
        self.figure_sentence: int = -2  # the last sentence that held a figure
        self.heading_session: str | None = None  # a sentence that is only a session word ("收市。")
        self.stamp_session: str | None = None  # a line that is only a time of day ("15:31"), for the next
        self.index_levels: dict[str, float] = {}  # each index's last level, latest last
        self.index_refs: set[int] = set()  # where "the index" (@previous) stood
        self.indices_named: set[str] = set()  # each index the report has named so far
        self.last_session: str | None = None  # the session of the last move bound
        self.last_move: Move | None = None  # the last move bound, which a carried sentence may complete
        # the list of two or more names that closed the last sentence naming a subject ("Tencent
        # and Alibaba traded higher."), which "both" or "they" opening the next goes on with
        self.last_pair: list[Subject] = []
        self.pair_sentence: int = -2  # the sentence that named it
        # the subject of a sentence withdrawn as the writer's error ("we said the Hang Seng Index
        # fell 6.63%"), which the correcting sentence after it goes on with ("The correct figure …")
        self.withdrawn_subject: Subject | None = None
        # a note correcting an earlier figure ("（更正：上段恒指收市數字應為26,093.84點。）"): the
        # index, the session its word names (or None), the right level as read, and the note's span
        self.corrections: list[tuple[Subject, str | None, Num, tuple[int, int]]] = []
        self.report_year: int | None = report_year  # the year of the trading day, when known
        self.report_weekday: int | None = report_weekday  # its day of the week (Monday 0)
        self.report_day: tuple[int, int] | None = report_day  # its (month, day)
        self.scales: dict[str, IndexScale] = {} if scales is None else scales  # by index id, from indices.yaml


@record()
class _Pending:
    """A word waiting for its number: where it ends, its kind, how far it reaches."""

    __match_args__ = ("end", "kind", "scope")  # the fields, in order
    __slots__ = __match_args__

    def __init__(self, end: int, kind: str = "", scope: int = 0) -> None:
        self.end = end
        self.kind = kind
        self.scope = scope



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
    return (
        after.lstrip().startswith("年") or _YEAR_FRAME_BEFORE.search(before) is not None
        or _YEAR_MULTIPLE_BEFORE.search(before) is not None
        or _YEAR_FISCAL_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW) is not None
    )


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
    # the prices or levels paired one to a subject ("分別收4.6元、3.83元及2.92元"): one figure
    # after the whole list ("，升幅不足0.5%") is shared by all of them
    paired = move.prices if len(move.prices) == n else move.levels if len(move.levels) == n else []
    list_end = paired[-1].end if n > 1 and paired else None

    def pick(nums: list[Num], i: int) -> Num | None:
        if not nums:
            return None
        if n == 1:
            return nums[0]
        if len(nums) == n:
            return nums[i]
        if move.respectively and len(after := [x for x in nums if x.start >= move.respectively_at]) == n:
            return after[i]  # "都跌 2% 幾，具體係 -2.3% 同 -2.8%": a rough shared figure, then each one's
        if len(nums) == 1 and (
            not move.respectively or move.each or nums[0].end <= move.respectively_at
            or (list_end is not None and nums[0].start > list_end)
        ):
            return nums[0]  # shared; "齊跌逾8%，收市分別報48.66元及23.62元" pairs the prices only
        return None

    if n > 1 and move.respectively and move.pcts and move.points and len(move.pcts) + len(move.points) == n:
        # "恒指、國指及科指分別跌82.7點、0.52%及1.1%": a list of figures of both kinds, one a
        # subject, in order
        in_order = sorted([(x, True) for x in move.pcts] + [(x, False) for x in move.points], key=lambda f: f[0].start)
        return [(s, x if pct else None, None if pct else x) for s, (x, pct) in zip(subjects, in_order, strict=True)]
    return [(s, pick(move.pcts, i), pick(move.points, i)) for i, s in enumerate(subjects)]


def apply_corrections(moves: list[Move], corrections: list[tuple[Subject, str | None, Num, tuple[int, int]]]) -> list[Move]:
    """``moves`` put right by the correction notes after them ("收市報26,339.16點……" then
    "（更正：上段恒指收市數字應為26,093.84點。）"): an index's level told before the note, of the
    session the note names, that is not the level the note gives, is withdrawn, and the note's
    level is a move of its own (its evidence the note), of that session. A move left with no
    figure is dropped."""
    for named, session, right, note in corrections:
        withdrawn = [
            m for m in moves
            if m.sentence[0] < note[0] and m.level is not None and m.level.value != right.value
            and any(s.kind == "index" and s.id == named.id for s in m.subjects)
            and (session is None or m.session == session)
        ]
        for m in withdrawn:
            m.level = None
        if withdrawn:
            fixed = Move([named], note, session=session or withdrawn[-1].session)
            fixed.level = right
            moves.append(fixed)
    return [m for m in moves if m.has_numbers] if corrections else moves
