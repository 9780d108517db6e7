"""Figures: which number is a percent, points, a level, a price, a mark or a range, and the
move it joins. Read by :class:`binder._Binder`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hkwrap.extractors.moves.cues import (
    _ADJACENT,
    _ALERT_AFTER,
    _ARTICLE_GAP,
    _AT_SIGN_PRICE,
    _BARE_POINTS_LINK,
    _BARS,
    _BOUND_BEFORE,
    _BOUND_REACH,
    _BRACKET_NEXT,
    _CHANGE_GAP,
    _CLAUSE_END,
    _CLAUSE_MARK,
    _COLLOQUIAL_PCT,
    _COLLOQUIAL_PCT_MAX,
    _COMMODITY_UNIT_AFTER,
    _COMPARED_AFTER,
    _DAY_AFTER_BEFORE,
    _DAY_AFTER_REACH,
    _DIRECTION_GAP,
    _DIRECTION_RIGHT_AFTER,
    _DURATION_AFTER,
    _EARLIER_MOMENT_BETWEEN,
    _EXTREME_LABEL_BEFORE,
    _FINER_LEVEL_LINK,
    _FINER_LEVEL_SPREAD,
    _FOR_SUBJECT,
    _FROM_BEFORE,
    _FROM_PEAK_AFTER,
    _FROM_REACH,
    _FROM_WHERE_AFTER,
    _GIVEN_BACK_BEFORE,
    _GIVEN_BACK_REACH,
    _HELD_BEFORE,
    _HELD_REACH,
    _HIGH_LOW_GAP,
    _HIGH_LOW_JOIN,
    _HOVER_AFTER,
    _JOINER,
    _LATER_VERB_JOIN,
    _LEVEL_AFTER_CHANGE,
    _LEVEL_LABEL_BEFORE,
    _LEVEL_LINK_AFTER_POINTS,
    _LEVEL_MARK_WORDS,
    _LEVEL_THEN_DIRECTION,
    _LOOKAHEAD,
    _LOOKBACK,
    _LOOKBACK_WORD,
    _MARK_AFTER,
    _METRIC_REACH,
    _MONTH_ALONE_REACH,
    _NAME_LEVEL_GAP,
    _NAME_PRICE_GAP,
    _NEAR_TERM,
    _NOT_REACHED_AFTER,
    _NOT_REACHED_BEFORE,
    _NOT_REACHED_REACH,
    _NOUN_DOWN_AFTER,
    _NOUN_UP_AFTER,
    _OF_BY,
    _OFFER_PRICE_AFTER,
    _OLD_VALUE_LINK,
    _ON_THE_DOLLAR,
    _OPENS_REACH,
    _OPINION,
    _OR,
    _ORDINAL_COUNT_BEFORE,
    _ORDINAL_COUNT_REACH,
    _OTHER_EXTREME,
    _PAPER_RETURN_BEFORE,
    _PAPER_RETURN_REACH,
    _PCT_SIDE_AFTER,
    _PCT_THEN_PRICE,
    _PER_SHARE_AFTER,
    _PERIOD_MOVE_BEFORE,
    _PERIOD_MOVE_REACH,
    _PERIOD_POSSESSIVE_BEFORE,
    _PERIOD_POSSESSIVE_REACH,
    _PLAN_AFTER,
    _QUOTE_BRACKET_BEFORE,
    _QUOTE_BRACKET_REACH,
    _QUOTE_LINK,
    _QUOTE_SIGNED_NEXT,
    _RANGE_AFTER,
    _RANGE_LINK,
    _RANGE_LINKS,
    _RANGE_NOUN_LINK,
    _RANGE_QUALIFIER,
    _RANGE_WIDTH_AFTER,
    _RANGE_WIDTH_LINK,
    _RATIO_POINTS,
    _REFERENCE_ZONE_REACH,
    _RESPECTIVELY_COPULA,
    _RESTATED_AS,
    _RESTATED_SKIP_REACH,
    _RESULTS_AFTER,
    _RETURN_SHARE_AFTER,
    _ROOM_AFTER,
    _ROUND_LEVEL,
    _ROUNDED_PCT_TOLERANCE,
    _ROW_CELL_END,
    _ROW_COLUMN_GAP,
    _SECOND_MOMENT,
    _SESSION_GAP,
    _SHARE_OF_MOVE_BEFORE,
    _SHARE_OF_MOVE_REACH,
    _SIDE_AFTER,
    _SIGNED_PAIR_LINK,
    _SIGNED_POINTS_LINK,
    _SINCE,
    _SINCE_EXTREME_BEFORE,
    _SINCE_PERFECT_BEFORE,
    _SINCE_PERFECT_REACH,
    _SINCE_THE_BEFORE,
    _SIZE_NOUN_END,
    _SIZE_TOPIC_GAP,
    _SIZE_WORD_REACH,
    _SPAN_AFTER,
    _SPAN_BEFORE,
    _SPAN_BEFORE_REACH,
    _SWING_BEFORE,
    _SWING_REACH,
    _TARGET_FOR,
    _TARGET_FOR_REACH,
    _TARGET_FROM,
    _TARGET_REACH,
    _TARGET_TO,
    _TECHNICAL_AFTER,
    _TECHNICAL_FOR,
    _TECHNICAL_LINK,
    _TECHNICAL_NEXT_NAME,
    _TECHNICAL_ROLES,
    _TECHNICAL_SUBJECT_LINK,
    _THRESHOLD_REACH,
    _TICKER_GAP,
    _TICKER_LEVEL_END,
    _TO_VERB_BEFORE,
    _TOTAL_AFTER,
    _TURNOVER_PCT_REACH,
    _UNCHANGED_LINK,
    _US_TRADING_AFTER,
    _VS_CLOSE_AFTER,
    _VS_OFFER_AFTER,
    _VS_OFFER_BEFORE,
    _VS_OFFER_REACH,
    _WITHDRAWN_AFTER,
    _WITHDRAWN_REACH,
    _YEAR_AFTER,
    _YEAR_AFTER_REACH,
    WITHDRAWN_BEFORE,
    WITHDRAWN_BEFORE_REACH,
    month_spans,
)
from hkwrap.extractors.moves.records import Move, Num, _is_year, _last_figure, _written_zero
from hkwrap.extractors.tokens import Token
from hkwrap.numbers import Quantity
from hkwrap.text.spans import MATCH_WINDOW as _MATCH_WINDOW

if TYPE_CHECKING:
    import regex


class _Figures:
    """The binder's handling of numbers (a mixin of :class:`binder._Binder`)."""

    def on_quantity(self, i: int, tok: Token, q: Quantity) -> None:
        folded, tokens = self.folded, self.tokens
        cues = self.cues  # (whether the text can match each cue at all: gate.CueGate)
        s0, qs = self.sentence[0], q.start  # (read once: the windows below look back from the figure)
        self.end_modal(q.start)
        if cues[_WITHDRAWN_AFTER].match(folded, q.end, q.end + _WITHDRAWN_REACH) or cues[WITHDRAWN_BEFORE].search(
            folded, max(s0, qs - WITHDRAWN_BEFORE_REACH), q.start
        ):
            return  # 更正: "指國企指數跌「3.5%」，應為跌4.5%", "跌幅誤植為3.9%": the figure printed in error
        if self.finer_level(q):
            return  # "收報2萬零345點（20,345.17點）": the level, to its decimals
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        # (a move's noun may stand between: "a 2% gain in the Hang Seng")
        named = nxt if nxt is None or nxt.subject is not None or i + 2 >= len(tokens) else tokens[i + 2]
        if (
            named is not None and named.subject is not None and cues[_FOR_SUBJECT].fullmatch(folded, q.end, named.start)
            and not folded.startswith(("'s", "’s"), named.end)  # ("2% for the index's best day": the name's day)
        ):
            return  # "against -3.2% for the Hang Seng Index and -6.9% for the MSCI China": the next name's
        kind = self.group[0].kind
        prev = self.prev
        # (the technical word may stand before a level word: "below its 50-day line at HK$59.40")
        tech = tokens[i - 2] if prev is not None and prev.has("level") and i >= 2 else prev
        if (
            ((kind == "index" and q.kind in ("pts", "num")) or (kind == "stock" and q.kind in ("money", "num") and not q.sign))
            and tech is not None and tech.word is not None
            and tech.word.roles & _TECHNICAL_ROLES and cues[_TECHNICAL_LINK].fullmatch(folded, tech.end, q.start) is not None
        ):
            self.technical_end = q.end
            return  # "恒指下一個阻力位在25,800點": a technical level (levels.py), not where the index traded
        if (
            ((kind == "index" and q.kind in ("pts", "num")) or (kind == "stock" and q.kind in ("money", "num") and not q.sign))
            and self.technical_of_subject(q)
        ):
            self.technical_end = q.end
            return  # "Near-term support for the HSI is at 19,400": the word before the name
        if q.kind == "num" and not q.magnitude and self.indicator_reading(i):
            return  # "RSI跌至33", "14天RSI由上日的28回升至36", "its RSI fell to 33": the indicator's reading
        if self.technical_end and (
            cues[_RANGE_LINK].fullmatch(folded, self.technical_end, q.start) is not None
            or (q.start == self.technical_end and folded[q.start] in "-–~")  # ("612-618": the dash read as a sign)
            # ("Sands China has support at HK$17.5 and Galaxy at HK$36": the next name's, its
            # technical word left out)
            or (
                (named := self.last_subject) is not None and named.start >= self.technical_end
                and cues[_TECHNICAL_NEXT_NAME].fullmatch(folded, self.technical_end, named.start) is not None
                and cues[_TECHNICAL_SUBJECT_LINK].fullmatch(folded, named.end, q.start) is not None
            )
        ):
            self.technical_end = q.end
            return  # "Tencent's gap at HK$612-618": the far end of the technical level's range
        self.technical_end = 0
        ref = self.reference
        if (
            kind == "index" and q.kind in ("pts", "num") and ref is not None
            and 0 <= q.start - ref.end <= _REFERENCE_ZONE_REACH and not cues[_CLAUSE_END].search(folded, ref.end, q.start)
        ):
            return  # "收回價在16,900點至17,099點之間的熊證", "a strike of 22,000": a product's terms
        if q.kind in ("pts", "num", "money") and cues[_TECHNICAL_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW):
            return  # "股價於290元附近有支持", "430港元附近有支撑": a support level, not a price
        if q.kind in ("pts", "num") and (
            cues[_NOT_REACHED_BEFORE].search(folded, max(s0, qs - _NOT_REACHED_REACH), q.start)
            or cues[_NOT_REACHED_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW)
        ):
            return  # "午后未能收复27,200点", "failed to reclaim 20,000", "26,000點亦險些失守": a level not reached
        if (
            kind == "index" and q.kind in ("pts", "num") and cues[_HOVER_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW)
            and not (self.cur is not None and self.cur.has_change)
        ):
            # "恒指一度在16,500點附近靠穩，午後跌幅擴大，最多跌395點": where the index steadied a
            # while, no level of a move (after the change it is the reading's level: "恒指維持升約
            # 0.9%，於15,300點附近徘徊")
            return
        if (
            kind == "index" and q.kind in ("pts", "num") and cues[_SIDE_AFTER].match(folded, q.end, q.end + _LOOKAHEAD)
            and cues[_HELD_BEFORE].search(folded, max(s0, qs - _HELD_REACH), q.start)
        ):
            return  # "全天都站在23000点上方": a side of a level the index held, not where it traded
        if q.kind in ("num", "money") and cues[_PLAN_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW):
            return  # "跌到430港元附近分批关注", "回落至60元可吸纳": a price to act at, not the price
        if q.kind in ("pct", "pts") and cues[_ORDINAL_COUNT_BEFORE].search(folded, max(s0, qs - _ORDINAL_COUNT_REACH), q.start):
            return  # "為本月第三度單日升逾1%", "its third daily gain of more than 1% this month": a count of such days
        qual = self.qual
        qualifier = qual.kind if qual is not None and (
            q.start - qual.end <= _OPENS_REACH or self.only_direction_between(qual.end, q.start)
        ) else "over" if q.odd else "exact"  # "over 4%", "at one point down 2.6%", "百餘點"
        if qualifier == "exact" and q.kind == "pct" and (side := cues[_PCT_SIDE_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW)):
            qualifier = "over" if side.group(1) == "以上" else "under"  # "國企指數升3%以上", 跌1%以下
        is_threshold = (
            (self.near(self.thresh, q, _THRESHOLD_REACH) and not (qual is not None and qualifier != "exact" and q.kind == "pct"))
            or ((mark := cues[_MARK_AFTER].match(folded[q.end:q.end + _LOOKAHEAD])) is not None and not self.level_word_reads(q, mark))
        )
        is_level = self.near(self.level, q) or (
            # "the high of the day, 26,371.87, came early": the day's extreme in apposition
            self.level is not None and self.level.kind == "intraday" and q.kind != "pct"
            and not folded[self.level.end:q.start].strip(" ,")
        ) or (
            # "+0.62% (close 6,910.33)", "+6.8%, last HK$19.96": a label of the level or price
            q.kind != "pct" and cues[_LEVEL_LABEL_BEFORE].search(folded, max(s0, qs - _LOOKBACK), q.start) is not None
        ) or (q.kind == "num" and cues[_EXTREME_LABEL_BEFORE].search(folded, max(s0, qs - _LOOKBACK), q.start) is not None) or (
            # a chat's "1299 flat 58.2": a word of no change right before a bare figure, its price
            q.kind in ("num", "money") and not q.magnitude and not q.sign and self.prev is not None
            and self.prev.has("unchanged") and q.start - self.prev.end == 1
        )
        # "低見19,000點以下": a level with a side of it is a mark, which an exact level stated
        # after ("最低曾見18,868點") replaces
        self.level_q = "mark" if (
            kind == "index" and q.kind != "pct" and cues[_SIDE_AFTER].match(folded, q.end, q.end + _LOOKAHEAD)
        ) else "exact"
        # A range ("from 1.8% to 2.9%", "1.8%至2.9%") is not a move.
        nxt = next((t for t in tokens[i + 1:] if t.qty is not None), None)
        # "升近5%至近6%", "between over 3% and 5%": a qualifier on the far end is still a range
        link = _RANGE_QUALIFIER.sub("", folded[q.end:nxt.start]).strip() if nxt is not None else ""
        if (noun_link := _RANGE_NOUN_LINK.fullmatch(link)) is not None:
            link = noun_link.group(1)  # "between a 1% gain and a 1% loss": the range's two ends
        elif not link and nxt is not None and nxt.start == q.end and nxt.qty.sign < 0 and folded[nxt.start] in "-–":
            link = "-"  # "Range 23,960-24,394": the dash read as the far end's sign
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
            and cues[_SECOND_MOMENT].search(folded, _last_figure(self.cur), q.start) is not None
        ):
            # "had been up as much as 96 points in the morning session and was still 0.2 percent
            # higher at the midday break": the extreme, then where the index stood later
            self.close()
        elif not self.split_at and is_level and self.extreme_level_after(q):
            if self.cur is not None and self.level is not None and self.cur.session == self.level.kind:
                self.cur.session = None  # (the extreme's word spoke for the extreme, not the change)
            self.close()
        elif not self.split_at and self.extreme_after(q, qualifier):
            # "closed down 1.73% at 25,441.35, after trading as much as 2.6% lower": the same, its
            # direction word after the figure
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
            # (a second verb after a whole opening move: "gapped down at the open to 16,480.21
            # (-0.74%) ... and was down some 200 pts at the midday break" tells a later moment)
            # (but "低开0.96%，报25,612.40点，跌247.73点" restates the open: a joined verb phrase only)
            open_told = (
                cur.session == "open" and cur.session_explicit and cur.level is not None and cur.has_change
                and cues[_LATER_VERB_JOIN].search(self.folded, _last_figure(cur), q.start) is not None
            )
            if same_kind or self.split_at != cur.direction or after_open or open_told or self.extreme_after(q, qualifier):
                self.close()
                if after_open:
                    self.sticky_session, self.sticky_at = "intraday", q.start
            self.split_at = 0
        d = self.direction or self.post_direction(i)
        if self.direction and self.session_since_direction(i):
            # a direction right after the figures is theirs when a session word stands between
            # the earlier one and them: "reversed early losses to end 88 points, or 0.4%, higher"
            d = self.post_direction(i) or d
        elif self.direction and cues[_TO_VERB_BEFORE].search(folded, self.direction_end, q.start) and cues[_DIRECTION_RIGHT_AFTER].match(folded, q.end):
            # ... and so is one right after the figure of a "to" clause: "dropped as much as
            # 5.8% before recovering to trade 3.1% lower"
            d = self.post_direction(i) or d
        elif self.direction and (after := self.post_direction(i)) and (
            self.direction_after or cues[_CLAUSE_MARK].search(folded, self.direction_end, q.start) is not None
        ):
            # ... and so is one after this figure when the earlier word came after its own
            # figure or in an earlier clause: "closed 0.8% down at 8,037.15, having been 0.6%
            # higher at lunch", "fell 0.5% to 8,100.25, having been 0.3% higher at lunch"
            d = after
        vs_close = cues[_VS_CLOSE_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW) if q.kind in ("pct", "pts") else None
        if vs_close is not None:
            d = 1 if vs_close.group(1) in ("above", "over", "higher than") else -1  # "156 points under yesterday's close"
        elif q.kind == "pct" and (vs := cues[_VS_OFFER_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW)) is not None:
            d = 1 if vs.group(1) in ("above", "over", "higher than", "premium to") else -1  # "16.4% above the offer price"
        elif q.kind == "pct" and (vs := cues[_VS_OFFER_BEFORE].search(folded, max(s0, qs - _VS_OFFER_REACH), q.start)) is not None:
            d = 1 if vs.group(1) in ("高", "高出", "溢价") else -1  # "回落至37.6元，較招股價仍高26.2%": above the offer
        last = self.last_subject
        if not d and self.sentence_dir and last is not None and self.only_qualifiers(last.end, q.start):
            # "Galaxy rose 6.2% and Sands China 5.7%", "..., and MCC more than 4%": the verb
            # is shared
            d = self.sentence_dir
        if not d and self.group and last is not None and (d := self.size_word_heading_list(q, last)):
            # "跌幅方面，科指、恒指及國指分別為1.35%、0.98%及1.47%": the list's direction, for each figure
            self.direction, self.direction_end, self.direction_after = d, q.start, False
        if _is_year(folded, q):
            self.frame_by_year(q)
            self.qual = None
            return
        skip = (
            self.near(self.target_word, q, _TARGET_REACH)  # "目標價上調至 700 元": a forecast, not a price
            # "trimmed its target price to HK$41 from HK$45": the old target after the new one;
            # "target raised to HK$8.90": the new one past the verb
            or (
                self.target_word is not None and q.kind in ("money", "num") and (
                    cues[_TARGET_FROM].fullmatch(folded, self.target_word.end, q.start) is not None
                    or cues[_TARGET_TO].fullmatch(folded, self.target_word.end, q.start) is not None
                )
            )
            # "cut its target for Anta Sports to HK$95": the target's company named between
            or (
                self.target_word is not None and q.kind in ("money", "num")
                and cues[_TARGET_FOR].match(folded, self.target_word.end, self.target_word.end + _MATCH_WINDOW) is not None
                and self.near(self.target_word, q, _TARGET_FOR_REACH)
            )
            # "left the index more than 20% below its mid-February high": a distance from a peak
            # (in points too: "recovered over 200 points from the bottom")
            or (q.kind in ("pct", "pts") and cues[_FROM_PEAK_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            or (q.kind in ("pct", "pts") and cues[_SINCE_EXTREME_BEFORE].search(folded, self.sentence[0], q.start) is not None)
            or (q.kind == "pct" and cues[_SHARE_OF_MOVE_BEFORE].search(folded, max(s0, qs - _SHARE_OF_MOVE_REACH), q.start) is not None)
            or (q.kind in ("pct", "pts") and cues[_GIVEN_BACK_BEFORE].search(folded, max(s0, qs - _GIVEN_BACK_REACH), q.start) is not None)
            # "建行、工行同中行跌幅都唔超過1%", "no more than 1%": a bound the moves stayed within
            or (q.kind == "pct" and cues[_BOUND_BEFORE].search(folded, max(s0, qs - _BOUND_REACH), q.start) is not None)
            # "盤中振幅接近3%": the width of the day's swing in percent, not a move
            # (or in points: "日內波幅差唔多800點")
            or (q.kind in ("pct", "pts") and cues[_SWING_BEFORE].search(folded, max(s0, qs - _SWING_REACH), q.start) is not None)
            or (q.kind in ("pct", "pts") and cues[_SPAN_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            # "for a yearly gain of roughly 45%", "the quarter's worst blue chip with a loss of
            # about 58%": the period's move
            or (q.kind in ("pct", "pts") and cues[_PERIOD_MOVE_BEFORE].search(folded, max(s0, qs - _PERIOD_MOVE_REACH), q.start) is not None)
            or (
                q.kind in ("pct", "pts") and not self.today_after(i)  # ("… with a rise of 4.1% today": the day's)
                and cues[_PERIOD_POSSESSIVE_BEFORE].search(folded, max(s0, qs - _PERIOD_POSSESSIVE_REACH), q.start) is not None
            )
            # "it has since rallied about 14 per cent": a move counted from an earlier point
            or (q.kind in ("pct", "pts") and cues[_SINCE_PERFECT_BEFORE].search(folded, max(s0, qs - _SINCE_PERFECT_REACH), q.start) is not None)
            # "March alone brought a gain of 8.7 per cent": one month's move
            or (q.kind in ("pct", "pts") and month_spans()[1].search(folded, max(s0, qs - _MONTH_ALONE_REACH), q.start) is not None)
            or (q.kind in ("pct", "pts") and cues[_SPAN_BEFORE].search(folded, max(s0, qs - _SPAN_BEFORE_REACH), q.start) is not None)
            or (q.kind in ("pct", "pts") and cues[_TOTAL_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            # "NetEase added 0.9 percentage points to relative return": a holding's share of a fund's return
            or (q.kind in ("pct", "pp") and cues[_RETURN_SHARE_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            # "较现价有约24%的上涨空间": the room to a target, not a move
            or (q.kind == "pct" and cues[_ROOM_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            # "collecting more than 1,000 points or 4.4 percent along the way": the points too
            or (q.kind == "pts" and self.pct_pair_of_span(q))
            # "down 81% from where they stood before a 17-month suspension"
            or (q.kind == "pct" and cues[_FROM_WHERE_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            # "the worst January since the 6.7 per cent slide in the first month of 2020"
            or (q.kind in ("pct", "pts") and cues[_SINCE_THE_BEFORE].search(folded, max(s0, qs - _LOOKBACK_WORD), q.start) is not None)
            or (q.kind in ("pct", "pts") and cues[_DAY_AFTER_BEFORE].search(folded, max(s0, qs - _DAY_AFTER_REACH), q.start) is not None)
            or (q.kind in ("pct", "pts") and self.other_date_after(q))
            or (q.kind in ("pct", "pts") and self.when_clause_of_other_day(q))
            # "driven by Alibaba's 8% surge in U.S. stocks": the other listing's move
            or (kind == "stock" and q.kind == "pct" and cues[_US_TRADING_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            # "after losses of 14%, 15% and 14% in 2021, 2022 and 2023": those years' moves
            or (q.kind in ("pct", "pts") and cues[_YEAR_AFTER].match(folded, q.end, q.end + _YEAR_AFTER_REACH) is not None)
            # "a 24 percent rise in interim net profit": the company's results, not its shares
            or (q.kind == "pct" and cues[_RESULTS_AFTER].match(folded, q.end, q.end + _MATCH_WINDOW) is not None)
            # "此前一日恒指收跌0.45%", "up 20% year-to-date": another period
            or (self.previous is not None and self.previous.end <= q.start < self.previous.scope and not self.today_after(i))
            or self.frame_goes_on(i, q)
            or (self.previous_after(i) and vs_close is None)  # (not the close a change is measured from)
            or (q.kind in ("num", "pts") and cues[_DURATION_AFTER].match(folded[q.end:q.end + _LOOKBACK]) is not None)
            or (self.aside_period and q.kind == "pct" and self.in_brackets(q.start))
            or (kind == "index" and self.range_width(i, q))
            # "rose 1.97% over the five sessions, or 506 points": the other figure of one left out
            or (
                self.skipped is not None and q.kind in ("pct", "pts") and self.skipped.kind in ("pct", "pts")
                and q.kind != self.skipped.kind and q.start - self.skipped.end <= _RESTATED_SKIP_REACH
                and cues[_RESTATED_AS].search(folded, self.skipped.end, q.start) is not None
                and ";" not in folded[self.skipped.end:q.start]
                and next((t.qty for t in reversed(tokens[:i]) if t.qty is not None), None) is self.skipped
            )
            # "trimmed their targets for the index to around 27,000 from as high as 31,000": the
            # old value of a figure left out goes with it
            or (
                self.skipped is not None and q.kind == self.skipped.kind
                and cues[_OLD_VALUE_LINK].fullmatch(folded, self.skipped.end, q.start) is not None
            )
        )
        if skip:
            self.qual = None
            self.skipped = q
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
        if q.kind == "pts" and cues[_COLLOQUIAL_PCT].search(folded, q.start, q.end) and (
            kind == "stock" or q.value < _COLLOQUIAL_PCT_MAX
        ):
            # "涨了3个多点": said of a stock, 个点 is a percentage point of its price; said of an
            # index, a single figure too ("恒生科技指数跌了两个多点"; 跌咗三百幾個點 are points)
            q = Quantity("pct", q.value, q.start, q.end, sign=q.sign, odd=q.odd or "多" in folded[q.start:q.end])
            qualifier = "over" if qualifier == "exact" and q.odd else qualifier
        elif q.kind == "pp" and kind in ("stock", "index") and not self.metric and (
            self.right_after_direction(q)
            # (or restating the move's points: "下挫52.17點或1.46個百分點")
            or (self.cur is not None and bool(self.cur.points) and not self.cur.pcts
                and cues[_OR].fullmatch(folded, self.cur.points[-1].end, q.start) is not None)
        ):
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
                # signed figure no day's move has passed: "恒生指数　20933.15　-2166.63（-9.38%）")
                # (with a change before it only when the level opens a compact quote: "rose about 1.9%
                # (9,958.34, +185.71, +1.90%)")
                or (self.cur is not None and self.cur.level is not None and self.cur.level.start == self.prev.start
                    and not self.cur.points and (not self.cur.pcts or self.cur.level.start == self.quote_level_at)
                    and q.value < self.scale().points_max)
            )
            and cues[_QUOTE_LINK].fullmatch(folded, self.prev.end, q.start) is not None
        ) or (
            # "closing up 1.1% at 17,791.01 (+193.51)": the signed points in brackets after the
            # level of a move told in percent, the same way
            q.kind == "num" and kind == "index" and q.sign and self.prev is not None and self.prev.qty is not None
            and self.cur is not None and self.cur.level is not None and self.cur.level.start == self.prev.start
            and not self.cur.points and self.cur.pcts and all((p.value > 0) == (q.sign > 0) for p in self.cur.pcts)
            and q.value < self.scale().points_max
            and cues[_BRACKET_NEXT].fullmatch(folded, self.prev.end, q.start) is not None
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
            after_name = prev is last and prev is not None and cues[_NAME_LEVEL_GAP].fullmatch(folded, prev.end, q.start) is not None
            # (or a session's label: "HSI MIDDAY 24,622.18 ▼474.42 (-1.89%)", "HSI 收市 24,622")
            after_name = after_name or (
                prev is not None and last is not None and i >= 2 and tokens[i - 2] is last
                and prev.role_kind("session") in ("open", "midday", "close")
                and (
                    cues[_NAME_LEVEL_GAP].fullmatch(folded, last.end, prev.start) is not None
                    # (in brackets: "HANG SENG INDEX (half-day)    27,203.88   +156.20")
                    or (cues[_BRACKET_NEXT].fullmatch(folded, last.end, prev.start) is not None and folded.startswith(")", prev.end))
                )
                and cues[_NAME_LEVEL_GAP].fullmatch(folded, prev.end, q.start) is not None
            )
            cur = self.cur
            # "closed at 20,115.42 and 7,301.88 respectively": the next level of a list
            next_of_list = cur is not None and bool(cur.levels) and cues[_JOINER].match(folded[cur.levels[-1].end:q.start])
            # "国企指数涨1.3%，8,934；": a bare level after the change, closing its clause
            after_change = self.level_after_change(q)
            quote = self.bracket_quote_level(q)
            if quote:
                self.quote_level_at = q.start
            if (is_level or after_name or next_of_list or after_close or after_change or quote) and not is_threshold and q.value >= self.scale().level_min:
                self.add_level(self.ensure(), Num(q.value, self.level_q, q.start, q.end))
            elif is_threshold:
                self.take_mark(q)
        elif q.kind in ("num", "money") and kind == "stock" and not q.currency and self.after_bond_points(i):
            pass  # "The USD 2027s traded down 2pts to 58/60": a bond's price, in points of par
        elif q.kind == "num" and kind == "stock" and self.bare_percent_of_list(i, q):
            # "Li Auto dropped 4.8 per cent and Geely lost 3.9": the list's unit left out
            self.take_pct(Quantity("pct", q.value, q.start, q.end, sign=q.sign), d, kind, qualifier, False, False, False)
        elif q.kind in ("num", "money") and kind == "stock" and cues[_ON_THE_DOLLAR].match(folded, q.end, q.end + _MATCH_WINDOW):
            pass  # "its dollar bond fell about 6 cents to 41 cents on the dollar": a bond's price
        elif q.kind in ("num", "money") and kind == "stock" and self.take_other_extreme(q):
            pass  # "全日最高72.4元，最低70.6元": the day's other extreme, a price of its own
        elif q.kind in ("num", "money") and kind == "stock":
            self.take_money(
                q, qualifier, is_threshold,
                is_level or after_close or self.quote_price(i, q, last) or self.row_price(i, q, last) or self.ticker_price(q),
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
            # "我嘅美團而家帳面 -23%": the writer's position on paper, not the day's move
            or _PAPER_RETURN_BEFORE.search(self.folded, max(self.sentence[0], q.start - _PAPER_RETURN_REACH), q.start) is not None
        ):
            return
        magnitude_word = self.level is not None and "幅" in self.folded[max(0, self.level.end - _THRESHOLD_REACH):self.level.end]
        # "盤中一度跌至2.7%" is the index's fall, not a ratio it stands at ("climbed to 22.10%")
        fell_to = kind == "index" and self.level is not None and not self.folded[self.level.end - 1].isascii()
        # "JD.com was 10.06% lower", "the Hang Seng was 0.7% firmer": a change, said with "was"
        compared = (
            q.start <= self.copula_figure_at < q.end  # "the decline for the HSCEI was 1.2%"
            or _COMPARED_AFTER.match(self.folded, q.end, q.end + _MATCH_WINDOW) is not None
            or _VS_CLOSE_AFTER.match(self.folded, q.end, q.end + _MATCH_WINDOW) is not None  # "was 0.8% below its previous close"
        )
        noun = None
        if not q.sign and (noun := _NOUN_DOWN_AFTER.match(self.folded, q.end, q.end + _MATCH_WINDOW)):
            d = -1
        elif not q.sign and (noun := _NOUN_UP_AFTER.match(self.folded, q.end, q.end + _MATCH_WINDOW)):
            d = 1
        # (a signed percent is a change wherever it stands: "中信證券收 +11%", "阿里收 +7.1% @ 72.85";
        # so is one a noun of gain or loss names: "after touching a 1.2% gain in the first hour")
        if is_level and not self.narrowed and not magnitude_word and not fell_to and not compared and not q.sign and noun is None:
            self.ratio = True  # its "3.94-point increase" is in percentage points
            return  # "climbed to 22.10%" is where a ratio stands (but 跌幅達到百分之五 is the fall)
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
        if (
            not sign and cur is not None and cur.points and cur.points[-1].value
            and (
                _OR.fullmatch(self.folded, cur.points[-1].end, q.start) is not None
                # (or in brackets right after them: "恒指 19876.43 ▼312.56點 (1.55%)")
                or _BRACKET_NEXT.fullmatch(self.folded, cur.points[-1].end, q.start) is not None
            )
        ):
            sign = 1 if cur.points[-1].value > 0 else -1  # "+1,310.05 pts, or 6.2%": the percent restates the signed points
        if (
            sign and cur is not None and len(cur.subjects) == 1 and cur.pcts and not cur.points
            and cur.pcts[-1].end < self.narrow_at < q.start
        ):
            # "國指 -3.4% → 收窄到 -1.5%": the fall narrowed to a later figure, a move of its own
            self.close()
        if (
            sign and qualifier == "exact" and cur is not None and cur.pcts and cur.pcts[-1].qualifier != "exact"
            and (
                _BRACKET_NEXT.fullmatch(self.folded, cur.pcts[-1].end, q.start) is not None
                # (or after the move's level: "gained nearly 2%, closing at 3,858.45 (+1.97%)")
                or (cur.level is not None and cur.level.start > cur.pcts[-1].end
                    and _BRACKET_NEXT.fullmatch(self.folded, cur.level.end, q.start) is not None)
                # (or the last cell of a compact quote: "rose about 1.9% (9,958.34, +185.71, +1.90%)")
                or (cur.level is not None and cur.level.start == self.quote_level_at and cur.level.start > cur.pcts[-1].end
                    and ")" not in self.folded[cur.level.end:q.start])
            )
            and (cur.pcts[-1].value > 0) == (sign > 0)
            and abs(abs(cur.pcts[-1].value) - q.value) < _ROUNDED_PCT_TOLERANCE
        ):
            # "dropped nearly 2% (-1.96%)": the exact figure in brackets restates the rounded one
            cur.pcts[-1] = Num(sign * q.value, qualifier, q.start, q.end)
            return
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

    def finer_level(self, q: Quantity) -> bool:
        """Is ``q`` the level just read restated to its decimals in brackets ("2萬零345點
        （20,345.17點）")? Then it replaces the rounded figure."""
        level = self.cur.level if self.cur is not None else None
        if (
            level is None or q.kind not in ("pts", "num") or q.value == level.value
            or abs(q.value - level.value) >= _FINER_LEVEL_SPREAD
            or _FINER_LEVEL_LINK.fullmatch(self.folded, level.end, q.start) is None
        ):
            return False
        assert self.cur is not None
        self.cur.level = Num(q.value, level.qualifier, q.start, q.end)
        return True

    def technical_of_subject(self, q: Quantity) -> bool:
        """Does a technical word stand before the subject last named, which ``q`` follows
        ("support for the HSI is at 19,400", "resistance on Tencent sits at HK$520")?"""
        named = self.last_subject
        if named is None or _TECHNICAL_SUBJECT_LINK.fullmatch(self.folded, named.end, q.start) is None:
            return False
        before = next((t for t in reversed(self.tokens) if t.end <= named.start), None)
        return (
            before is not None and before.word is not None and bool(before.word.roles & _TECHNICAL_ROLES)
            and _TECHNICAL_FOR.fullmatch(self.folded, before.end, named.start) is not None
        )

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

    def extreme_after(self, q: Quantity, qualifier: str) -> bool:
        """The day's extreme after a plain change, past a word of an earlier moment ("added
        42.61 points after rising as much as 0.9%"): where the index stood at one point, a move
        of its own, not the other half of the close. (Or after a level alone: "stood at 21,080
        at the lunch break, having fallen as much as 2.2% in the morning".)"""
        cur = self.cur
        return (
            cur is not None and qualifier == "as_much_as" and (cur.has_change or cur.level is not None)
            and not any(n.qualifier == "as_much_as" for n in (*cur.pcts, *cur.points))
            and _EARLIER_MOMENT_BETWEEN.search(self.folded, _last_figure(cur), q.start) is not None
        )

    def extreme_level_after(self, q: Quantity) -> bool:
        """The day's high or low after a plain change, past a word of an earlier moment ("fell
        1.3% after hitting an intraday low of 19,851.05", "a loss of 259.58 points, after the
        index had traded as low as 19,851.05"): a level of its own, not the close's."""
        cur, level = self.cur, self.level
        return (
            cur is not None and level is not None and level.kind == "intraday" and q.kind != "pct"
            and cur.has_change and cur.level is None
            and not any(n.qualifier == "as_much_as" for n in (*cur.pcts, *cur.points))
            and _EARLIER_MOMENT_BETWEEN.search(self.folded, _last_figure(cur), level.end) is not None
        )

    def bare_points(self, i: int, q: Quantity) -> bool:
        """A number right after a direction word and before "或 0.73%": points with no unit."""
        prev = self.prev
        nxt = next((t for t in self.tokens[i + 1:i + 3] if t.qty is not None), None)
        level_min = self.scale().level_min
        if prev is None:
            return False
        if nxt is None:
            # "Hang Seng Index: 20,912.37, up 248.16": a figure with decimals right after a
            # direction word that follows the move's level, the last figure of its line
            cur = self.cur
            return (
                cur is not None and cur.level is not None and not cur.has_change and not q.sign
                and prev.word is not None and bool({"up", "down"} & prev.word.roles) and q.start - prev.end <= 1
                and _LEVEL_THEN_DIRECTION.fullmatch(self.folded, cur.level.end, prev.start) is not None
                and "." in self.folded[q.start:q.end] and q.value < self.scale().points_max
                and "\n" not in self.folded[cur.level.end:q.start]
            )
        if nxt.qty is None:
            return False
        if nxt.qty.kind == "num":
            # a chat's "HSI open +210 @ 22558", "恒指 +210，報 22,558": signed points right after
            # the index's name, then the level (signed, as many points as a day can hold: a
            # desk's "hsi -3,021.51 / 19,828.30")
            return (
                bool(q.sign) and q.value < self.scale().points_max and not nxt.qty.sign and nxt.qty.value >= level_min
                and prev.subject is not None and prev is self.last_subject and prev.subject.kind == "index"
                and _SESSION_GAP.fullmatch(self.folded, prev.end, q.start) is not None
                and _LEVEL_LINK_AFTER_POINTS.fullmatch(self.folded, q.end, nxt.start) is not None
            )
        if nxt.qty.kind != "pct" or q.value >= level_min:
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

    def level_after_change(self, q: Quantity) -> bool:
        """A bare level right after the index's change ("国指涨1.3%，8,934；", "▼0.4% 5,321.7",
        "恒指升咗400點，而家 15,907", "up as much as 2.6% (26,470)", "hsi -180 / 19,820"), where
        the index trades."""
        prev = self.prev
        if prev is None or prev.qty is None:
            return False
        if prev.qty.kind not in ("pct", "pts") and not (
            # (or signed points with no unit, taken as the move's points: "hsi -180 / 19,820")
            prev.qty.kind == "num" and prev.qty.sign and self.cur is not None
            and any(p.start == prev.start for p in self.cur.points)
        ):
            return False
        folded = self.folded
        return any(
            gap.fullmatch(folded, prev.end, q.start) is not None and end.match(folded, q.end, q.end + _MATCH_WINDOW) is not None
            for gap, end in _LEVEL_AFTER_CHANGE
        ) and self.scale().levels[0] <= q.value <= self.scale().levels[1]

    def bracket_quote_level(self, q: Quantity) -> bool:
        """The level that opens a compact quote in brackets, a signed change after it: "The
        Hang Seng Index fell for a fifth straight session (25,281.30, -543.61, -2.11%)"."""
        folded = self.folded
        return (
            not q.sign and not q.magnitude
            and _QUOTE_BRACKET_BEFORE.search(folded, max(self.sentence[0], q.start - _QUOTE_BRACKET_REACH), q.start) is not None
            and _QUOTE_SIGNED_NEXT.match(folded, q.end, q.end + _MATCH_WINDOW) is not None
            and self.scale().levels[0] <= q.value <= self.scale().levels[1]
        )

    def ticker_price(self, q: Quantity) -> bool:
        """A chat's or ticker's shorthand: the bare price right after the signed change, at the
        end of its clause ("阿里 9988 扯到 +3.2% 98.4", "騰訊 +4.5% 287.8；")."""
        prev = self.prev
        return (
            prev is not None and prev.qty is not None and prev.qty.kind == "pct" and bool(prev.qty.sign)
            and not q.magnitude and _TICKER_GAP.fullmatch(self.folded, prev.end, q.start) is not None
            and _TICKER_LEVEL_END.match(self.folded, q.end, q.end + _MATCH_WINDOW) is not None
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

    def indicator_reading(self, i: int) -> bool:
        """Is the bare figure ``tokens[i]`` a technical indicator's reading: an indicator word
        (RSI, MACD, 相對強弱指數) earlier in its clause, no name or unit-bearing figure between?
        (The tokens are read once a sentence, on from where the last call stopped: a long run
        of bare figures costs no more than its length.)"""
        tokens, (pos, live) = self.tokens, self.indicator_scan
        for k in range(pos, i + 1):
            t = tokens[k]
            if live and k and _CLAUSE_END.search(self.folded, tokens[k - 1].end, t.start) is not None:
                live = False  # the clause ended
            if t.subject is not None or (t.qty is not None and t.qty.kind != "num"):
                live = False
            elif t.word is not None and "indicator" in t.word.roles:
                live = True
        self.indicator_scan = (i + 1, live)
        return live

    def in_brackets(self, pos: int) -> bool:
        """Is ``pos`` inside an aside in round brackets, opened in this sentence?"""
        lo = self.sentence[0]
        return self.folded.rfind("(", lo, pos) > self.folded.rfind(")", lo, pos)

    def range_width(self, i: int, q: Quantity) -> bool:
        """"波幅達260點", "a range of 330 points", "a 412-point range": the day's swing."""
        # (a figure said in points may be as wide as a day's move: "全日波幅逾千點")
        if q.kind not in ("pts", "num") or q.value >= (self.scale().points_max if q.kind == "pts" else self.scale().level_min):
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
        # (or a range said roughly: "恒指大約喺26,000至27,000點之間上落"; the day's is told exactly)
        rough = self.qual is not None and self.qual.kind == "about" and q.start - self.qual.end <= _OPENS_REACH
        # (or in round hundreds at both ends: "全日於19,500點至19,700點之間窄幅上落，最低見19,488點"
        # is a band, the extremes told apart)
        rough = rough or (q.value % _ROUND_LEVEL == 0 and second.value % _ROUND_LEVEL == 0)
        if rough or _NEAR_TERM.search(self.folded, self.sentence[0], q.start) or _OPINION.search(self.folded, self.sentence[0], q.start) or any(
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

    def level_word_reads(self, q: Quantity, mark: regex.Match[str]) -> bool:
        """"收報15,150點水平", "closed at the 20,000 level": 水平 or "level" after a figure that a
        level word (報, 至, "at") governs names where the index stood, not a mark it passed
        (企穩19,500點水平, "held above the 20,000 level")."""
        prev = self.prev
        return (
            mark.group().strip() in _LEVEL_MARK_WORDS and prev is not None and prev.word is not None
            and "level" in prev.word.roles and "threshold" not in prev.word.roles
            and _ARTICLE_GAP.fullmatch(self.folded, prev.end, q.start) is not None
        )

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
        """Is ``tok`` a direction word naming a move's size (跌幅, 升幅, 漲幅, or opening on
        it: 跌幅最大一度, "the fall at its widest"; not 大幅下跌)?"""
        return (
            tok.word is not None and (tok.has("up") or tok.has("down"))
            and (
                self.folded[tok.start:tok.end].endswith(_SIZE_NOUN_END)
                or self.folded.startswith(_SIZE_NOUN_END, tok.start + 1)
            )
        )

    def size_word_heading_list(self, q: Quantity, last: Token) -> int:
        """"跌幅方面，科指、恒指及國指分別為1.35%、0.98%及1.47%": a size word (跌幅, 升幅) heading
        the clause before the subjects, their figures after a copula: the size word's direction
        (0 when the figures are not told so)."""
        first = self.group[0]
        head = next((t for t in reversed(self.tokens) if t.end <= first.start), None)
        if head is None or not self.is_size_word(head):
            return 0
        if _SIZE_TOPIC_GAP.fullmatch(self.folded, head.end, first.start) is None:
            return 0
        if _RESPECTIVELY_COPULA.fullmatch(self.folded, last.end, q.start) is None:
            return 0
        return 1 if head.has("up") else -1

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
                # (the word may say the widening itself: 跌幅最多擴大)
                return (widened or t.has("narrow")) and self.is_size_word(t)
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
        if _COMMODITY_UNIT_AFTER.match(folded, q.end, q.end + _MATCH_WINDOW):
            return  # "At US$4,000/oz the sector trades at 11x": gold's price, not a share's
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
