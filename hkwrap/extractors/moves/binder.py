"""The binder: one sentence's tokens read left to right into moves (:func:`bind`). Its
questions and handlers live in context.py, subjects.py, words.py and figures.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hkwrap.extractors.dates import correction_of_earlier_issue, full_day_named
from hkwrap.extractors.moves.context import _Context
from hkwrap.extractors.moves.cues import (
    _BEFORE_SESSION,
    _CLAUSE_MARK,
    _CLOSE_IN_HEADING,
    _CORRECTED_CLOSE,
    _CORRECTED_NEXT,
    _CORRECTION_NOTE,
    _EDITORS_NOTE,
    _FROM_EXTREME_OPENING,
    _HEADING_CHARS,
    _LOOKBACK_WORD,
    _PARAGRAPH_BREAK,
    _QUOTE_ROW,
    _ROW_INDENT,
    _SPAN_OPENING,
    _WE_SAID,
    month_spans,
)
from hkwrap.extractors.moves.dated import earlier_issue_heading
from hkwrap.extractors.moves.figures import _Figures
from hkwrap.extractors.moves.gate import CueGate
from hkwrap.extractors.moves.records import (
    BindState,
    Move,
    Num,
    _is_year,
    _Pending,
    _spread_list_over_moves,
)
from hkwrap.extractors.moves.subjects import _Subjects
from hkwrap.extractors.moves.words import _Words
from hkwrap.extractors.tokens import Subject, Token
from hkwrap.numbers import Quantity
from hkwrap.text.prepare import Prepared

if TYPE_CHECKING:
    import regex


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


class _Binder(_Context, _Subjects, _Words, _Figures):
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
        self.skipped: Quantity | None = None  # the last figure left out as another period's or a span's
        self.technical_end = 0  # where the last figure read as a technical level ended (a range's far end follows)
        self.direction_after = False  # that word came after the figure it states ("closed 0.8% down")
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
        self.modal_conditional = False  # it opened the sentence as its condition (If, 如果)
        self.narrowed = False
        self.where_copula_at = -1  # where "it" ended in ", where it was up 188.76 points": its verb is no second level
        self.copula_figure_at = -1  # where a move noun's figure after "was" starts ("the gain for the HSI was 1%")
        self.narrow_at = 0  # where the last narrowing word (收窄, pared) ended
        self.elsewhere = False  # after "ADRs" / A股 in a sentence, names mean those listings
        self.elsewhere_clause = False  # ... for one clause only (A股: a ";" returns to Hong Kong)
        self.elsewhere_at = 0  # where the word of the other listing stood
        self.skip_next_pct = False
        self.skip_next_level = False  # the second level of a day's range, already taken
        self.high_low: Token | None = None  # "全日高低位", "day's high/low": a pair of levels follows
        self.restated: Quantity | None = None  # an index's level restated to finer decimals
        self.quote_level_at = -1  # where the level of a compact quote in brackets starts ("(25,281.30, -543.61, -2.11%)")
        # a bracketed aside of the sentence named another period ("長城汽車跌3.7%(一年升160%)"):
        # the later asides of its list are of that period too ("李寧挫7.1%(升123%)")
        self.aside_period = False
        self.last_subject: Token | None = None
        self.prev: Token | None = None
        # another market named as what the subject followed ("港股承接美股大瀉三百點跌勢，今日低開"):
        # where its clause ends, and the group to go back to there
        self.companion: tuple[int, list[Subject], Token | None] | None = None
        self.skip_until = 0  # tokens before this are inside an aside already read past
        self.indicator_scan = (0, False)  # the next token to read for an indicator, and whether one is in force
        self.text = self.folded[sentence[0]:sentence[1]].strip()
        self.full_day = state.midday_report and full_day_named(prep, *sentence)  # 全日 in a midday report
        self.cues = prep.once("moves.cue_gate", lambda: CueGate(prep.folded))  # which cues the text can match

    # -- the sentence -----------------------------------------------------------------------

    def span_opening(self) -> regex.Match[str] | None:
        """The span the sentence opens on ("Over the past four trading days", "Over the
        April-June quarter"), at its start or after a heading line of no figure that the
        sentence begins with ("THE QUARTER" / "Over the April-June quarter the HSI rose 7.3%")."""
        folded, (start, end) = self.folded, self.sentence
        months = month_spans()[0]  # ("Over January to March the benchmark lost 5.2 per cent")
        if (opening := _SPAN_OPENING.match(folded, start, end) or months.match(folded, start, end)) is not None:
            return opening
        if (opening := _FROM_EXTREME_OPENING.match(folded, start, end)) is not None:
            return opening  # "From its 27 February closing high of 26,512.08, the HSI has given back more than 6%"
        line_end = self.prep.text.find("\n", start, start + _HEADING_CHARS)  # (the folded text joins wrapped lines)
        if line_end < 0 or any(t.qty is not None and t.start < line_end for t in self.tokens):
            return None
        return _SPAN_OPENING.match(folded, line_end + 1, end) or months.match(folded, line_end + 1, end)


    def indented_row(self) -> bool:
        """Does the sentence open its line indented, as a list's row under its heading ("ADRs
        (HK$ equiv., vs HK close):" / "  BABA     HK$131.70  (-2.4%)")?"""
        start, text = self.sentence[0], self.folded[self.sentence[0]:self.sentence[1]]
        opens = start + len(text) - len(text.lstrip())
        indent = self.folded[self.folded.rfind("\n", 0, opens) + 1:opens]
        return len(indent) >= _ROW_INDENT and not indent.strip(" \t")

    def run(self) -> list[Move]:
        state, sentence = self.state, self.sentence
        state.sentence += 1
        if _EDITORS_NOTE.match(self.folded, sentence[0], sentence[1]) or correction_of_earlier_issue(self.prep, sentence):
            return []  # "(Corrects … closing level in paragraph 2 to 16,884.88 from 16,848.88)"
        withdrawn, state.withdrawn_subject = state.withdrawn_subject, None
        if _WE_SAID.search(self.folded, *sentence) and _CORRECTED_NEXT.match(self.folded, sentence[1]):
            # "… we said the Hang Seng Index fell 6.63% today. The correct figure is 6.36%."
            state.withdrawn_subject = next(
                (t.subject for t in self.tokens if t.subject is not None and t.subject.kind in ("index", "stock")), None
            )
            return []
        if earlier_issue_heading(self.prep, sentence, state):
            return []  # "----- Previous issue (Wednesday, 13 March 2024) -----" over the issue quoted
        if (note := _CORRECTION_NOTE.match(self.folded, sentence[0], sentence[1])) is not None:
            # "（更正：上段恒指收市數字應為26,093.84點。）": the figure told before is withdrawn
            named = next((t.subject for t in self.tokens if t.subject is not None and t.subject.kind == "index"
                          and t.start < note.end("what")), None)
            if named is not None and not named.id.startswith("@"):
                session = next((k for t in self.tokens if t.start < note.end("what") and (k := t.role_kind("session"))), None)
                right = Num(float(note["n"].replace(",", "")), "exact", note.start("n"), note.end("n"))
                state.corrections.append((named, session, right, sentence))
                return []
        self.close_of_the_morning()
        if any(t.subject is not None for t in self.tokens):
            self.drop_names_in_cause_frames()
        if not any(t.subject is not None for t in self.tokens) and (extremes := self.high_low_line()):
            return extremes
        self.frame_other_day()
        if (opening := self.span_opening()) is not None:
            # "Over the past four trading days, the Hang Seng Index has dropped nearly 3.8 percent"
            self.set_previous(opening.end(), sentence[1])
        carried = self.carried_subject()
        if carried is None and withdrawn is not None and _CORRECTED_NEXT.match(self.folded, sentence[0]) and not any(
            t.subject is not None for t in self.tokens
        ):
            carried = withdrawn  # "The correct close is 17,082.11, down 88.17 points": the withdrawn sentence's subject
            correcting_close = _CORRECTED_CLOSE.match(self.folded, sentence[0]) is not None
        else:
            correcting_close = False
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
                # (nor a bare 見, "saw": "內房及物管股亦見拋售。" heads no session)
                and self.folded[t.start:t.end] != "见"
            ]
            # one clause only: "午後有資金趁低吸納，但係收復唔到幾多失地" is a remark, not a heading
            if sessions and not any(t.qty is not None for t in self.tokens) and not _CLAUSE_MARK.search(
                self.folded, sentence[0], sentence[1]
            ):
                state.heading_session = sessions[-1]
        if carried is not None and self.sticky_session is None:
            self.sticky_session = state.last_session  # the figures go on with that move
        if self.card_close or correcting_close:
            self.sticky_session = "close"  # 昨收 in a morning note, "The correct close is": the close of the day reported
        if self.sticky_session is None and self.trading_hours_stamp():
            # a live blog's entry timed in trading hours with no session word ("10:52  Hang
            # Seng up 0.8%"): a reading of the moment, not the midday or the close
            self.sticky_session = "intraday"
        if any(t.qty is not None and not _is_year(self.folded, t.qty) for t in self.tokens):
            state.figure_sentence = state.sentence  # (a year is no figure: "跌幅是1997年以來最大")
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
        # (a listing's rows may be indented instead: "ADRs (HK$ equiv., vs HK close):" over
        # "  BABA     HK$131.70  (-2.4%)")
        in_list = in_list or (state.listing_heading and self.indented_row())
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
        if self.named:
            # (a list that ends the sentence's names: the pair "both" or "they" may go on with)
            listed = self.last_list
            state.last_pair = list(listed) if len(listed) > 1 and listed[-1].id == self.named[-1].id else []
            state.pair_sentence = state.sentence
        return moves
