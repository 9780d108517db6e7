"""What the binder asks about the words around a token: clauses, asides, other days and
periods, the subject carried from the sentence before. Read by :class:`binder._Binder`."""

from __future__ import annotations

import bisect
from itertools import pairwise
from typing import TYPE_CHECKING

from hkwrap.extractors.dates import _weekday_number, chinese_full_dates
from hkwrap.extractors.moves.cues import (
    _ADJACENT,
    _AFTER_THEN,
    _AHEAD_OF,
    _AHEAD_REACH,
    _ALSO_AFTER,
    _BARE_PERCENT_MAX,
    _BRACKETS,
    _CARD_CLOSE,
    _CAUSE_FRAME,
    _CHAT_LEAD,
    _CLAUSE_END,
    _CLAUSE_JOIN,
    _CLAUSE_JOIN_BEFORE_NAME,
    _CLAUSE_JOIN_BETWEEN,
    _CLAUSE_MARK,
    _CLOCK_AFTER_ZH,
    _CLOCK_TIME_AFTER,
    _COLLOQUIAL_PCT,
    _COLOUR_CLAUSE,
    _COMPANY_OPENING,
    _CONDITION_END,
    _DAY_AFTER_MONTH,
    _DAY_BEFORE_HEADING,
    _DAY_BEFORE_MONTH,
    _DAY_MONTH_BEFORE,
    _DAY_OF_MONTH_AFTER,
    _DAY_RANGE_LINE,
    _DEFAULT_SCALE,
    _DESCRIPTOR_REACH,
    _DIRECTIONS,
    _EVENT_BEFORE_PERIOD,
    _EVENT_BETWEEN,
    _FIGURE_ENDS_CLAUSE,
    _FIGURE_ONLY_ROLES,
    _FIGURELESS_CLAUSES,
    _FROM_BASE_BETWEEN,
    _FROM_DAY_AFTER,
    _FULL_STOP_BREAK,
    _HAN_RUN,
    _HEADING_CHARS,
    _HEADING_MARKS,
    _HIGH_LOW_LINE,
    _LEAD_SESSIONS,
    _LEAD_WORDS,
    _LIST_AND,
    _LIST_CLAUSE_BREAK,
    _LIST_SESSIONS,
    _LOOKBACK,
    _MARK_VERBS,
    _MARKET_WIDE_ROLES,
    _MODAL_END,
    _MONTH_DAY,
    _MORNING_REACH,
    _NEAR,
    _NEAR_BREAK,
    _NEXT_CLAUSE_HEADS,
    _OF_BEFORE_FIGURE,
    _ON_HEADING,
    _ONE_DAY_BASE,
    _OPENS_REACH,
    _OWN_MOVE_TOKENS,
    _PAST_PERFECT,
    _PCT_PAIR_AFTER,
    _PERFORMANCE_CARRY,
    _PERFORMANCE_LABEL,
    _PERIOD_AFTER_BREAK,
    _PERIOD_AFTER_REACH,
    _PERIOD_AFTER_TOKENS,
    _POST_DIRECTION_TOKENS,
    _QUIET_CARRY,
    _QUOTE_CARRY,
    _QUOTE_LINE,
    _RELATIVE_ASIDE,
    _RELATIVE_OPEN,
    _RESTATED_MOVE_OPENING,
    _SECTOR_PLACE_BEFORE,
    _SECTOR_VERB_GAP,
    _SEQUENCE_WORD,
    _SESSION_AFTER_REACH,
    _SHARE_OF_BETWEEN,
    _SINCE_START,
    _SIZED_MOVE_OPENING,
    _SPAN_AFTER,
    _STAMPED_CARRY,
    _STREAK_GAP,
    _TIME_STAMP,
    _TOTAL_AFTER,
    _TOUCHING,
    _TRADING_DAYS,
    _TRADING_FROM,
    _TRADING_TO,
    _TREND_EASES,
    _UNKNOWN_CJK_NAME,
    _UNKNOWN_NAME_CHARS,
    _UNKNOWN_NAME_MARKS,
    _WEEK_HEADING,
    _WHEN_CLAUSE_AFTER,
    _YEAR_AS_PERIOD,
    _YEAR_OPENING,
    _YEAR_WORD_REACH,
    _day_number,
    _near_level,
)
from hkwrap.extractors.moves.dated import (
    _SPACE_YEAR,
    _date_after,
    _dated_day,
    _dated_year,
    _month_numbers,
    _when_after_date,
)
from hkwrap.extractors.moves.records import Move, Num, _is_year, _Pending, _same_kind_change
from hkwrap.extractors.tokens import WEEKDAY_NUMBERS, Subject, Token
from hkwrap.numbers import Quantity
from hkwrap.text.lexicon import IndexScale, Word, role_kind
from hkwrap.text.spans import MATCH_WINDOW as _MATCH_WINDOW
from hkwrap.text.spans import RELATIVE_ASIDE_CHARS

if TYPE_CHECKING:
    import regex


class _Context:
    """The binder's questions about context (a mixin of :class:`binder._Binder`)."""

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
        sets its period again), or past a clause of no figure when it says "also" (亦)."""
        p = self.previous
        last = self.last_subject
        if (
            p is None or p.scope > tok.start or p.scope >= self.sentence[1]
            or subj.kind not in ("stock", "index") or last is None or last.subject is None
            or last.subject.id == subj.id or last.subject.weak or last.start < self.sentence[0]
            or last.end > p.scope or not (
                _CLAUSE_JOIN.fullmatch(self.folded, p.scope, tok.start)
                or (_ALSO_AFTER.match(self.folded, tok.end, tok.end + _MATCH_WINDOW)
                and _FIGURELESS_CLAUSES.fullmatch(self.folded, p.scope, tok.start))
            )
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
        ends = [t.end for t in self.tokens if t.qty is not None and last.end <= t.start < p.end]  # (in text order)
        figure_end = ends[-1] if ends else None
        if ends and _CLAUSE_JOIN_BETWEEN.search(self.folded, ends[0], p.end) is not None:
            # "Tencent rose 2.6% but still finished the week 0.9% lower, and NetEase lost 3.1%":
            # the period came after the day's own figure, in a clause of its own
            return
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
        if year is not None and day is not None and self.folded.find("年", *self.sentence) >= 0:
            # "回想一九九七年十月二十八日，恒指一日跌去1,438點": a full date of another day,
            # before any subject, dates its sentence
            for told, at, until in chinese_full_dates(self.prep, *self.sentence):
                if any(t.subject is not None and t.start < at for t in self.tokens):
                    break
                if (told.year, told.month, told.day) != (year, *day):
                    self.set_previous(until, self.sentence[1])
                    return
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
        for pattern in (_CAUSE_FRAME, _SEQUENCE_WORD):
            for m in pattern.finditer(self.folded, self.sentence[0], tokens[verb].start):
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

    def sector_as_place(self, tok: Token) -> bool:
        """Is the sector word ``tok`` where the subject stands, its clause ended before the verb
        ("Bilibili was one of the few bright spots in the sector, jumping 4.8 percent")?"""
        nxt = self.next_token(tok)
        return (
            nxt is not None and "," in self.folded[tok.end:nxt.start]
            and _SECTOR_PLACE_BEFORE.search(self.folded, max(self.sentence[0], tok.start - _MATCH_WINDOW), tok.start) is not None
        )

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

    def in_relative_aside(self, tok: Token, aside: regex.Pattern[str] = _RELATIVE_ASIDE) -> bool:
        """Is ``tok`` inside a relative clause set off by commas (", whose earnings depend on
        turnover,"), or another ``aside``?"""
        lo = max(self.sentence[0], tok.start - RELATIVE_ASIDE_CHARS)
        hi = min(self.sentence[1], tok.end + RELATIVE_ASIDE_CHARS)
        return any(m.start() < tok.start and tok.end < m.end() for m in aside.finditer(self.folded, lo, hi))

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

    def clock_time_follows(self, tok: Token) -> bool:
        """Is a clock time right after this level word ("at 3:20 p.m.")? It says when, not
        where: no second level."""
        return _CLOCK_TIME_AFTER.match(self.folded, tok.end, tok.end + _MATCH_WINDOW) is not None

    def session_follows_in_sentence(self, tok: Token) -> bool:
        """Is another session word told after ``tok`` in its sentence ("... in the morning, and
        was down 270 points at the midday break")?"""
        return any(t.start >= tok.end and t.word is not None and t.role_kind("session") is not None for t in self.tokens)

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
            close = _closing_bracket(folded, pos, end)
            if close >= 0 and (cut is None or close < cut):
                cut = close
        return cut

    def end_modal(self, pos: int) -> None:
        """A hypothetical speaks for its own clause: "If the index loses another 500 points,
        margin calls follow"; "若恒指跌穿 23000 點，或再跌 500 點"."""
        if self.modal and (_CONDITION_END if self.modal_conditional else _MODAL_END).search(self.folded, self.modal_at, pos):
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
                and not _CLAUSE_JOIN_BETWEEN.search(self.folded, tok.end, t.start)
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
        if last is None or self.folded.find(",", self.sentence[0], tok.start) < 0:
            return 0  # (a relative clause opens on a comma: most words stand in none)
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

    def when_clause_of_other_day(self, q: Quantity) -> bool:
        """Is ``q`` in a when-clause right after a date that is not the report's ("the low it hit
        on July 28, when it tumbled 4.6%", "in 2008, when the index lost 13%")?"""
        if self.folded.find("when", self.sentence[0], q.start) < 0:
            return False
        m = _when_after_date().search(self.folded, self.sentence[0], q.start)
        if m is None:
            return False
        if m.group("y"):
            return self.state.report_year is None or int(m.group("y")) != self.state.report_year
        if m.group("wd"):
            # (another weekday than the report's: a report of no known weekday keeps it)
            weekday = _weekday_number(m.group("wd"))
            return self.state.report_weekday is not None and weekday != self.state.report_weekday
        if m.group("y2") and self.state.report_year is not None and int(m.group("y2")) != self.state.report_year:
            return True  # "since October 24, 2022, when the index plunged 6.36 per cent"
        month = _month_numbers().get(m.group("mon") or m.group("mon2"))
        day = int(m.group("d") or m.group("d2"))
        return month is not None and (self.state.report_day is None or (month, day) != self.state.report_day)

    def today_after(self, i: int) -> bool:
        """The day reported, named right after the number: "slid 5.5% on Monday and a further
        3.1% yesterday" in a morning note, 今日 after a figure: that figure is the day's own."""
        tok = self.tokens[i]
        # (past the price it moved to: "rose 0.9% to HK$548.50 today")
        price = self.tokens[i + 1:i + 3]
        past = price[1].end - tok.end if (
            len(price) == 2 and price[0].word is not None and "level" in price[0].word.roles
            and price[1].qty is not None and price[1].qty.kind == "money"
        ) else 0
        for t in self.tokens[i + 1:i + 1 + _PERIOD_AFTER_TOKENS + (2 if past else 0)]:
            roles = t.word.roles if t.word is not None else frozenset()
            # (or the report's own weekday, in a report of several days: "slipped 0.4% on
            # Thursday but bounced 1.2% to HK$336.20 on Friday" in Friday's)
            day = t.role_kind("weekday")
            if day is not None and (self.folded.endswith(("'s", "’s"), t.start, t.end) or self.folded.startswith(("'s", "’s"), t.end)):
                day = None  # (not "at HK$606.00 after Friday's 2.3% fall": the day owns a move of its own)
            if (
                ("today" in roles or ("yesterday" in roles and self.state.yesterday_is_report_day)
                 or (day is not None and WEEKDAY_NUMBERS[day] == self.state.report_weekday))
                and t.start - tok.end <= _PERIOD_AFTER_REACH + past
                and not _PERIOD_AFTER_BREAK.search(self.folded[tok.end:t.start])
                # (not "恒指昨日升近200點後今日未能延續升勢": after that figure, today is another event)
                and not _AFTER_THEN.match(self.folded, tok.end, t.start)
                # (nor a Chinese day word that heads the next move, its verb after it: "昨日 HSI
                # 先升 0.5% 今日又跌晒"; Chinese tells a move's day before its verb; or the next
                # market figure: "科指本周累计涨9.1% 周五成交额破3,300亿港元")
                and (self.folded[t.start:t.end].isascii() or not self.verb_follows(t, _NEXT_CLAUSE_HEADS))
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
        "closed 1.73 percent, or 461 points, lower at 26,290" (or bracketed: "closing 39.26
        points (+0.15%) higher")."""
        end = self.tokens[i].end
        for nxt in self.tokens[i + 1:i + 1 + _POST_DIRECTION_TOKENS]:
            between = self.folded[end:nxt.start].strip(" ,()（）")
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
        if move.session == "intraday" and last.session != "intraday" and last.has_change:
            return False  # "a loss of 259.58 points, after the index had traded as low as 19,851.05": the day's low
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
        # a live blog's entry opens on its time ("14:20  Day's high so far: 25,146.92")
        stamp = _TIME_STAMP.match(self.folded, self.sentence[0], self.sentence[1])
        opens_at = stamp.end() if stamp else self.sentence[0]
        if first is not None:
            if (own := self.size_clause_before(tokens, first, opens_at)) is not None:
                return own  # "跌幅扩大至3%，恒指报24225.78点": the index the next clause names
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
        # (an indented line opens where its words do: "  昨日急升8.4%至HK$112.30" under its name)
        while opens_at < self.sentence[1] and self.folded[opens_at] in " \t\u3000":
            opens_at += 1
        # (or past a short clause of the session's colour, with no name or figure: "臨收市前有少少
        # 獲利回吐，全日收報23,594點，升652點"; not "今日掛牌的一隻消費新股，半日收報8.7元", a
        # company of its own)
        colour = _COLOUR_CLAUSE.match(self.folded, opens_at, self.sentence[1])
        if colour is not None:
            clause = [t for t in tokens if t.start < colour.end()]
            if not any(t.subject is not None or t.qty is not None for t in clause) and (any(
                t.role_kind("session") is not None or t.has("neutral") for t in clause
            ) or _TREND_EASES.search(self.folded, opens_at, colour.end()) is not None):
                opens_at = colour.end()
                tokens = tokens[len(clause):]
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
        # (or session words and a qualifier before the verb: "盘中一度跌超3.5%，最低下探20,950点",
        # "午盘一度涨超2.5%")
        while (
            lead < len(tokens) - 1 and lead < _LEAD_WORDS and tokens[lead].word is not None
            and (tokens[lead].role_kind("session") in _LEAD_SESSIONS or tokens[lead].role_kind("qualifier"))
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
        if (
            last is not None and last.kind == "stock" and state.last_index is not None
            and not state.last_index.startswith("@") and state.sentence - state.index_sentence <= _STAMPED_CARRY
            and any(
                t.qty is not None and t.qty.kind == "pts" and u.word is not None and bool({"up", "down"} & u.word.roles)
                and t.start - u.end <= _ADJACENT
                for u, t in pairwise(tokens)
            )
        ):
            # "[09:45] Joanne: low 19,260.21, 跌咗867點": a line with a change in index points goes
            # on about the index named a few lines up, not the company named in the last one
            last = Subject("index", state.last_index, last.start, last.end)
        # an index's level word may continue the index a few timestamped entries on
        reach = _STAMPED_CARRY if stamp and opens_on_level and last is not None and last.kind == "index" else 1
        if state.figure_sentence <= state.subject_sentence:
            reach = max(reach, _QUIET_CARRY)
        # (the readings below of the figures before the first name ask for one: most sentences
        # open on their name and carry nothing)
        figured = any(t.qty is not None for t in tokens)
        restated = self.restated_extreme(tokens) if figured else None
        if restated is not None:
            return restated
        if (
            figured and last is not None and 0 < state.sentence - state.subject_sentence <= reach
            and self.opens_on_sized_move(tokens, opens_at)
        ):
            return last  # "Tuesday's 8.61% slide was the Hang Seng's steepest since 2008": that move, sized
        if (
            last is not None and last.kind in ("index", "stock") and 0 < state.sentence - state.subject_sentence <= _QUOTE_CARRY
            and _QUOTE_LINE.fullmatch(self.folded, self.sentence[0], self.sentence[1])
        ):
            return last  # a quote page's figures under the index's name, or a security's ("00700 騰訊控股" / "301.400 ▲4.600 (+1.55%)")
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
        if last is None or not 0 < state.sentence - state.subject_sentence <= reach or not figured:
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
        opens_on_level = opens_on_level or self.opens_on_extreme_level(tokens, opens_at, chat=stamp is None)
        before: Token | None = None
        prev: Token | None = None
        for t in tokens:
            q = t.qty
            prev2, prev, before = prev, before, t
            if q is None:
                continue
            # a change in points, or a level the sentence opens on ("收一萬九千四百八十三");
            # a bare level deep in another topic's sentence (牛證重貨區在22,400至22,699點) is not
            scale = self.scale_of(last.id)
            # "跌1,008.47點": points right after a direction word are a change, however many
            # (a Chinese qualifier may stand between: "盘中一度飙升逾1,000点")
            verb = prev
            if (
                prev is not None and prev.word is not None and prev.role_kind("qualifier") and prev2 is not None
                and not {"up", "down"} & prev.word.roles and q.start - prev.end <= _ADJACENT
                and prev.start - prev2.end <= _ADJACENT and not self.folded[prev.start:prev.end].isascii()
            ):
                verb = prev2
            verb_before = verb is not None and verb.word is not None and bool({"up", "down"} & verb.word.roles) and (
                q.start - verb.end <= _ADJACENT + (prev.end - prev.start if verb is not prev else 0) and q.value <= scale.points_max
            )
            if last.kind == "index" and (
                (q.kind == "pts" and (q.value < scale.level_min or opens_on_level or verb_before))
                or (opens_on_level and q.kind == "num" and q.value >= scale.level_min)
                # "午盘就翻红了，半日收涨0.7%左右": a percent right after a verb of the session's end
                # (with no figure before it: "恒生医疗ETF(159892)收涨3.6%" names a fund of its own)
                or (q.kind == "pct" and self.session_end_verb(tokens, prev) and q.start - prev.end <= _ADJACENT
                    and not any(t.qty is not None and t.start < prev.start for t in tokens))
                # "HSI gapped up then faded." / "Opened +0.2% at 26,962": a signed percent right
                # after the opening word the line opens on
                or (q.kind == "pct" and q.sign and prev is not None and prev is tokens[opening]
                    and prev.role_kind("session") == "open" and prev.start - opens_at <= _OPENS_REACH
                    and q.start - prev.end <= _ADJACENT)
            ):
                return last
            if last.kind == "stock" and opens_on_level and q.kind in ("money", "num"):
                return last
            # (a stock's 个点 is a percent: "涨超5个点！" on a line under its name)
            colloquial_pct = q.kind == "pts" and _COLLOQUIAL_PCT.search(self.folded, q.start, q.end) is not None
            if last.kind == "stock" and (
                (opens_on_close and q.kind == "money")
                or ((opens_on_verb or opens_on_company) and (q.kind in ("pct", "money") or colloquial_pct))
            ):
                return last
            if last.kind == "index" and opens_on_close and q.kind == "num" and q.value >= scale.level_min:
                return last
            if last.kind == "index" and opens_on_verb and q.kind == "pct":
                return last  # a subtitle's own line: "報18,083點" / "升幅0.53%"
        return None

    def size_clause_before(self, tokens: list[Token], first: int, opens_at: int) -> Subject | None:
        """"跌幅扩大至3%，恒指报24225.78点", "涨幅收窄至0.5%，恒指报…": a feed's line opening
        (at ``opens_at``, past its time) on the size of a move widened or narrowed, its one
        figure, then a comma and an index: that index's move (not the subject of the line before)."""
        named = tokens[first].subject
        lead = tokens[:first]
        if named is None or named.kind != "index" or named.id.startswith("@") or len(lead) < 3:
            return None
        figures = [t for t in lead if t.qty is not None]
        if (
            len(figures) != 1 or figures[0].qty.kind != "pct" or not self.is_size_word(lead[0])  # type: ignore[attr-defined]
            or not any(t.has("narrow") for t in lead) or lead[0].start - opens_at > _OPENS_REACH
            or _CLAUSE_JOIN_BEFORE_NAME.fullmatch(self.folded, figures[0].end, named.start) is None
        ):
            return None
        return Subject(named.kind, named.id, self.sentence[0], self.sentence[0], named.entity)

    def opens_on_sized_move(self, tokens: list[Token], opens_at: int) -> bool:
        """"The 8.61% slide was ...", "Tuesday's 1.2% gain ...": does the sentence open on a
        percent or points with a noun of the move right after it (the move just told, sized)?"""
        if tokens and tokens[0].subject is not None and tokens[0].subject.kind == "pronoun":
            tokens = tokens[1:]  # ("that was" is a pronoun of the lexicon's)
        k = next((k for k, t in enumerate(tokens) if t.qty is not None), None)
        if (
            k is not None and 1 <= k <= 2 and tokens[k].qty.kind in ("pct", "pts") and tokens[0].word is not None
            and bool({"up", "down"} & tokens[0].word.roles) and (k == 1 or tokens[1].role_kind("qualifier"))
            and _RESTATED_MOVE_OPENING.fullmatch(self.folded, opens_at, tokens[0].start) is not None
            and _OF_BEFORE_FIGURE.fullmatch(self.folded, tokens[0].end, tokens[1].start if k == 2 else tokens[k].start) is not None
        ):
            return True  # "In percentage terms that was a rise of 0.62%": the move just told, restated
        # (after the day's own word at most: "Tuesday's", "today's")
        if k is None or k > 1 or k + 1 >= len(tokens) or (q := tokens[k].qty) is None or q.kind not in ("pct", "pts"):
            return False
        if k == 1 and not tokens[0].has("today") and not (
            (day := tokens[0].role_kind("weekday")) is not None and WEEKDAY_NUMBERS[day] == self.state.report_weekday
        ):
            return False  # ("Monday's 4.13% drop" in a Tuesday report: the day before's)
        noun = tokens[k + 1]
        return (
            noun.word is not None and bool({"up", "down"} & noun.word.roles) and noun.start - q.end <= _ADJACENT
            and _SIZED_MOVE_OPENING.fullmatch(self.folded, opens_at, q.start) is not None
        )

    def opens_on_extreme_level(self, tokens: list[Token], opens_at: int, chat: bool) -> bool:
        """"最低跌到23,650點左右": does the sentence, from ``opens_at``, open on the day's extreme
        (after a reply's 係呀), with a level word (到, 至, 報) right before its first figure?
        ``chat``: it may be a chat's message, opening past its time and sender ("[Sat 14/6
        09:44] Mandy: 係呀 intraday 最低…")."""
        lead = _CHAT_LEAD.match(self.folded, opens_at, self.sentence[1]) if chat else None
        message_at = lead.end() if lead is not None else opens_at
        told = [t for t in tokens if t.start >= message_at]
        opener = next((k for k, t in enumerate(told) if t.word is None or "neutral" not in t.word.roles), None)
        fig = next((k for k, t in enumerate(told) if t.qty is not None), None)
        return (
            fig is not None and opener is not None and fig - opener >= 2 and told[opener].word is not None
            and told[opener].role_kind("session") == "intraday" and told[0].start - message_at <= _OPENS_REACH
            and told[fig - 1].word is not None and "level" in told[fig - 1].word.roles
        )

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
            if t.word is None:
                continue
            session = role_kind(t.word.roles, "session")
            if session == "midday" and _CLOCK_AFTER_ZH.match(self.folded, t.end, t.end + _MATCH_WINDOW):
                roles = frozenset(r for r in t.word.roles if not r.startswith("session:")) | {"session:intraday"}
                tokens[k] = Token(t.start, t.end, word=t.word._replace(roles=roles))
                continue
            if session != "close":
                continue
            if (
                k and tokens[k - 1].role_kind("session") == "midday" and t.start - tokens[k - 1].end <= _TOUCHING
                and not self.folded[t.start:t.end].isascii()
            ):
                # "午市收市", "午間收市" (a heading over the morning's quotes, "━━ 午市收市 ━━"):
                # the morning session's close
                roles = frozenset(r for r in t.word.roles if not r.startswith("session:")) | {"session:midday"}
                tokens[k] = Token(t.start, t.end, word=t.word._replace(roles=roles))
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
            and not _YEAR_AS_PERIOD.search(self.folded, max(0, q.start - _YEAR_WORD_REACH), q.start)
        ):
            return  # the report's own year (2023年12月29日), unless as a period ("fell 14% in 2023")
        clause = self.clause_end(q.end)
        if (stop := _FULL_STOP_BREAK.search(self.folded, q.end, self.sentence[1])) is not None and (clause is None or stop.start() < clause):
            clause = stop.start()  # "worst day since 2008. hscei -9.98%": a chat's full stop before a small letter
        if clause is not None:
            clause = self.through_when_clause(clause)  # "its worst year since 2011, when it fell 20%": that year's clause too
        # a date opening the sentence dates all of it: "On 24 October 2008, the index lost 8.3
        # per cent in a single day" (a year after its day and month, before any subject)
        # (or a year alone after the sentence's frame word: "In 2022, the benchmark dropped 15.5%")
        heads = (
            _DAY_MONTH_BEFORE.search(self.folded, max(self.sentence[0], q.start - _LOOKBACK), q.start) is not None
            or _YEAR_OPENING.fullmatch(self.folded, self.sentence[0], q.start) is not None
        ) and not any(t.subject is not None and t.start < q.start for t in self.tokens)
        self.set_previous(q.start, clause if clause is not None and not heads else self.sentence[1])

    def through_when_clause(self, scope: int) -> int:
        """``scope``, a period's clause end, or past the relative clause of that time right after
        it (", when the index finished at 14,687.02"), which the period dates too."""
        when = _WHEN_CLAUSE_AFTER.match(self.folded, scope, scope + _MATCH_WINDOW)
        return scope if when is None else self.clause_end(when.end()) or self.sentence[1]

    def own_part_after(self, tok: Token, clause: int) -> int | None:
        """Where the part of the sentence a Chinese period word dates ends, when an index or a
        stock follows the word at once in its clause ("昨日恒指收涨1.2%，报17,679.3点；中国平安…"):
        the next ";" (or the sentence's end), if no other subject is named after the clause
        before it. (English puts its period first as a frame: "Yesterday, the index ...".)"""
        if self.folded[tok.start:tok.end].isascii():
            return None
        nxt = next((t for t in self.tokens if t.start >= tok.end), None)
        if (
            nxt is None or nxt.subject is None or nxt.subject.kind not in ("index", "stock")
            or nxt.start >= clause or nxt.start - tok.end > 1
        ):
            return None
        semi = self.folded.find(";", clause, self.sentence[1])
        part = semi if semi >= 0 else self.sentence[1]
        return None if any(t.subject is not None and clause <= t.start < part for t in self.tokens) else part

    def set_previous(self, end: int, scope: int) -> None:
        """An other-period frame from ``end`` to ``scope``; a wider frame already open stays."""
        if self.previous is not None and self.previous.scope > end:
            scope = max(scope, self.previous.scope)
        self.previous = _Pending(end, scope=scope)
        self.weekday_frame = False  # (set after this by another weekday's frame)


def _closing_bracket(folded: str, pos: int, end: int) -> int:
    """Where the round bracket that ``pos`` stands in closes, before ``end`` (-1 if it does
    not), past any pair inside it: "(附註：恒指昨日(18日)收報22,877點)" closes at the last one."""
    depth = 0
    for m in _BRACKETS.finditer(folded, pos, end):
        if m.group() == "(":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return m.start()
    return -1
