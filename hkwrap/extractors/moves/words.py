"""Words: directions, sessions, qualifiers, level and threshold words as the binder reads
them. Read by :class:`binder._Binder`."""

from __future__ import annotations

from hkwrap.extractors.dates import opens_on_event_clause
from hkwrap.extractors.moves.cues import (
    _ADJACENT,
    _ADVERBIAL_OPENING_CHARS,
    _AFTER_EVENT_ZH,
    _APPOSITION_END,
    _BENEFIT_BEFORE,
    _CLAUSE_BREAK_STRONG,
    _CLAUSE_END,
    _CLAUSE_MARK,
    _CLAUSE_OPENS_BEFORE,
    _COLON_AFTER,
    _COMPANION_BEFORE,
    _COMPARED_WITH,
    _CONDITION_OPENS_REACH,
    _CONDITION_WORD,
    _COPULA_FIGURE_AFTER,
    _DESCRIPTOR_REACH,
    _EVENT_BEFORE_PERIOD,
    _EVENT_PERIOD_REACH,
    _FIGURE_NEXT,
    _FROM_SESSION_BEFORE,
    _GIVE_BACK_BEFORE,
    _HEADING_COLON,
    _HEADING_MARK,
    _HEADING_REACH,
    _LIST_DIRECTION_GAP,
    _LOOKBACK,
    _LOOKBACK_WORD,
    _MOVE_OPENERS,
    _OPENING_COMMA,
    _OTHER_EXTREME,
    _OWNED_FIGURE_AFTER,
    _PERIOD_APPOSITION,
    _PERIOD_OTHER_EXTREME,
    _PLANNED_FOR,
    _POSSESSIVE_AFTER,
    _POSSESSIVE_GAP,
    _QUOTE_OPENS,
    _REVERSAL,
    _SESSION_AFTER_REACH,
    _STREAK_GAP,
    _TOUCHING,
    _UNKNOWN_NOUN_BEFORE,
)
from hkwrap.extractors.moves.records import (
    _first_figure,
    _last_figure,
    _Pending,
    _right_after,
    _unknown_name_between,
)
from hkwrap.extractors.tokens import WEEKDAY_NUMBERS, Subject, Token
from hkwrap.text.spans import MATCH_WINDOW as _MATCH_WINDOW


class _Words:
    """The binder's handling of vocabulary words (a mixin of :class:`binder._Binder`)."""

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
        if (
            "level" in roles and cur is not None and (figure := cur.level or cur.price) is not None
            and folded[figure.end:tok.start] in (",", ", ") and _APPOSITION_END.match(folded, tok.end) is not None
        ):
            return  # "SMIC jumped 6.05% to HK$72.80, a record, and Hua Hong added nearly 5%": what the figure was
        if (
            "level" in roles and cur is not None and (cur.level is not None or cur.price is not None)
            and not self.session_follows(tok) and not self.clock_time_follows(tok)
            and not 0 <= tok.start - self.where_copula_at <= _ADJACENT  # ("where it was still up 188.76 points")
        ):
            # a second level: "to 26,418.62, after trading as high as 26,702"; "報119.2港元，
            # 盤中最高見121港元"
            figure = cur.level or cur.price
            other_extreme = cur.session == "intraday" and _OTHER_EXTREME.fullmatch(folded, figure.end, tok.end) is not None
            if (
                cur.has_change and "up" not in roles and "down" not in roles
                and self.direction_end <= max(n.start for n in (*cur.pcts, *cur.points))
            ):
                # (the way the move before went is not the new level's: "收报19,560.21点，跌182.25点，
                # 早段高见19,812.33点，一度升69.87点" is a high, then its rise)
                self.direction = 0
            self.close()
            if other_extreme:  # "最高見17,135點，最低曾回落至16,902點": the day's other extreme
                self.sticky_session, self.sticky_at = "intraday", tok.end
        d = 1 if "up" in roles else -1 if "down" in roles else 0
        if d and self.group and (aside_end := self.relative_clause_end(tok)) and not any(
            t.qty is not None and tok.end <= t.start < aside_end for t in self.tokens
        ):
            # "The Hang Seng Index, which had opened the day with gains on early exit polls,
            # ended the session at 20,259.13": a relative clause's way, with no figure of its
            # own, is no direction of the figures after it
            d = 0
        if (
            d and (named := self.last_subject) is not None and _POSSESSIVE_GAP.fullmatch(folded, named.end, tok.start)
            and (copula := _COPULA_FIGURE_AFTER.match(folded, tok.end, tok.end + _MATCH_WINDOW))
        ):
            self.copula_figure_at = copula.end() - 1  # "the Hang Seng's fall was 2.16 per cent": the change
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
            sess == "close" and cur is not None and cur.session == "midday"
            and ("level" not in roles or (cur.level is None and cur.price is None))
            and not folded[tok.start:tok.end].isascii()
            # (not after a semicolon that ends a whole midday move: "午间跌0.31%，报9,098.12点；
            # 收市涨44.43点" is the day's close)
            and not (cur.has_change and cur.level is not None and ";" in folded[_last_figure(cur):tok.start])
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
        if "sector" in roles and self.verb_follows(tok) and not self.sector_as_place(tok):
            # "the IT sector rose 2.04 percent", 內房板塊急升5%: the sector's move, not the last name's
            self.close()
            self.group = [Subject("elsewhere", "@sector", tok.start, tok.end)]
            self.group_done = False
            self.direction = 0
            self.last_subject = tok
        if "sequence" in roles:
            # "at one point it had been up 0.3%": the session word before an earlier state is
            # its own, when no figure has come since it
            # (a word of this sentence, not a session carried from the one before)
            told_back = "looking_back" in roles and self.sticky_session is not None and self.sticky_at > self.sentence[0] and (
                self.cur is None or not self.cur.has_numbers or self.sticky_at > _last_figure(self.cur)
            )
            told = self.sticky_session, self.sticky_at
            self.close()  # "其後最多反彈255點", "then turned around": a later move of the subject
            # (else "早段……其後……最新報301.8元": not the earlier session)
            self.sticky_session, self.sticky_at = told if told_back else (None, self.sticky_at)
            self.fundamental = None  # "on a strong shipment update, then ... to close up 5.1%": the shares again
        if "likelihood" in roles:
            # "恒指在17,000點至18,000點區間震盪的概率較大": the figures of its clause are a forecast
            for m in (*self.moves, self.cur):
                if m is not None and m.has_numbers and not _CLAUSE_END.search(self.folded, _first_figure(m), tok.start):
                    m.modal = True
        # (not a day ahead inside a descriptor of the next company: "明日公布中期業績的騰訊(700)跌
        # 2.8%"; but "到價提醒｜您關注的騰訊" heads an alert)
        if "modal" in roles and not self.month_may(tok) and not (
            self.describes_next_subject(tok) and not _HEADING_MARK.search(folded, tok.end, tok.end + _DESCRIPTOR_REACH)
        ):
            self.modal, self.modal_at = True, tok.end
            if self.cur is not None and not self.cur.has_numbers:
                self.cur.modal = True
            # "If the index closes below 16,800, a measured move points to roughly 16,000": a
            # sentence that opens on its condition is hypothetical past its commas, up to a
            # semicolon or a colon ("If you're just joining us: the Hang Seng Index fell …")
            self.modal_conditional = tok.start - sentence[0] <= _CONDITION_OPENS_REACH and (
                _CONDITION_WORD.fullmatch(folded, tok.start, tok.end) is not None
            )
        if "today" in roles or ("yesterday" in roles and self.state.yesterday_is_report_day):
            # "昨日急升的泡泡瑪特今日回吐 4.6%"; in a morning recap, "前日急挫後，恒指昨日低開":
            # back to the day reported, and not with that other day's session ("1987年……恒指曾
            # 單日暴跌33.3%，今日恒指升1.2%")
            if self.previous is not None and self.previous.end <= self.sticky_at <= self.previous.scope:
                self.sticky_session = None
            self.previous = None
        last = self.last_subject
        turnover_said = self.turnover_word is not None and last is not None and self.turnover_word.end > last.end
        previous = self.is_previous(word)  # (asked once: each branch below asks it first)
        if (
            previous and not turnover_said
            and _COMPARED_WITH.search(folded, max(sentence[0], tok.start - _LOOKBACK), tok.start)
            # (but "升幅比昨日的1.3%明顯放緩", "compared with yesterday's 1.3%": that day's own figure)
            and not _OWNED_FIGURE_AFTER.match(folded, tok.end, tok.end + _MATCH_WINDOW)
        ):
            pass  # "比上個交易日跌94.2點", "down 1.2% from the previous session": today's move
        elif (
            previous and self.prev is not None and self.prev.has("neutral")
            and tok.start - self.prev.end <= _STREAK_GAP
        ):
            pass  # "連跌三日", "連升兩周": how long a streak has run, not the figures' period
        elif previous and self.streak_follows(tok):
            pass  # "snapped a three-day losing streak": how long the streak had run
        elif previous and _PLANNED_FOR.search(folded, max(sentence[0], tok.start - _LOOKBACK), tok.start):
            pass  # "美国众议院计划本周就法案进行表决": the period dates a planned event, not the figures
        elif previous and self.describes_next_subject(tok):
            pass  # "上月初掛牌的長實地產跌4.1%": the period dates the company's listing, not the move
        elif previous:
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
            elif not framing and clause is not None and (part := self.own_part_after(tok, clause)) is not None:
                # "08:40 回顾：昨日恒指收涨1.2%，报17,679.3点；中国平安昨日涨3.1%": a period right
                # before its subject dates the clauses after it that name no other, up to ";"
                scope = part
            if (
                not framing and clause is not None and clause - tok.end <= _ADJACENT
                and _CLAUSE_OPENS_BEFORE.search(folded, max(sentence[0], tok.start - _LOOKBACK_WORD), tok.start) is not None
            ):
                # "…tumbled 5.7%; the following day, the index jumped 9.1%": a period that is its
                # clause by itself frames the clause after it
                scope = self.clause_end(clause + 1) or sentence[1]
            if not framing and scope == clause and (other := _PERIOD_OTHER_EXTREME.match(folded, clause, sentence[1])):
                # "52周高位是66.7元、低位52.2元": the period's other extreme, after the list mark
                scope = self.clause_end(other.end()) or sentence[1]
            elif not framing and scope == clause and (aside := _PERIOD_APPOSITION.match(folded, clause, sentence[1])):
                scope = aside.end() - 1  # "The HSI's loss for July, close to 10%, was its worst": the period's figure
            if (after := _AFTER_EVENT_ZH.match(folded, tok.end, scope)) is not None:
                scope = after.end()  # "港股在前一日大跌後企穩，恒指收報…": the other day ends with 後
            elif (colon := _COLON_AFTER.match(folded, tok.end, scope)) is not None and any(
                event.search(folded, max(sentence[0], tok.start - _EVENT_PERIOD_REACH), tok.start)
                for event in (_EVENT_BEFORE_PERIOD, _GIVE_BACK_BEFORE)
            ):
                # "retreated after a 20% run this month: Alibaba -3.4%", "gave back part of last
                # week's 9% rally: Galaxy lost 3%": the event's period, up to the colon
                scope = colon.end() - 1
            scope = self.through_when_clause(scope)  # "since October 31, 2022, when the index finished at 14,687.02"
            if (quote := _QUOTE_OPENS.search(folded, tok.end, scope + _MATCH_WINDOW)) is not None and quote.start() < scope:
                scope = quote.start()  # "... since September 2021 (26,776.34, +337.83, +1.28%)": the day's quote
            self.set_previous(tok.end, scope)
            if self.in_brackets(tok.start):
                self.aside_period = True
            if self.text.endswith((":", "：")):
                self.state.period_heading = True
        if self.other_weekday(tok) and not self.describes_next_subject(tok):
            # "On Monday the Hang Seng Index finished at 26,849" in Tuesday's report (but
            # "周三公布季績的香港交易所漲1.36%": the day dates what the company did)
            clause = self.clause_end(tok.end)
            # (not "After a 1.5% jump on Monday …, the Hang Seng opened firmer": the weekday
            # dates the event clause the sentence opens on)
            frames = self.framing_sentence() and not opens_on_event_clause(folded, *sentence)
            scope = sentence[1] if frames or clause is None else clause
            if _COMPARED_WITH.search(folded, max(sentence[0], tok.start - _LOOKBACK), tok.start):
                # "climbed from Friday's 17,454.19 to finish at 17,778.10", "rose 324 points from
                # Friday's close to 17,778.10": the day compared with owns its own figure, if it
                # has one, not the move to today's
                scope = next((t.end for t in self.tokens if t.qty is not None and tok.end <= t.start < scope), tok.end)
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
            if self.group and self.group[0].id == "@listing" and folded[tok.start:tok.end].isascii() and (
                company := next((s for s in reversed(self.named) if s.kind == "stock" and s.end <= self.group[0].start), None)
            ) is not None:
                # "Alibaba's shares in New York rose 4%, and its Hong Kong stock followed, adding
                # 2.8%": the company named before the other listing, in Hong Kong again (a
                # Chinese H股 names its own code next: "A股……｜H股（01211）")
                self.close()
                self.group = [company]
                self.group_done = False
                self.last_subject = tok
        if "other_listing" in roles and _COMPANION_BEFORE.search(self.folded, max(sentence[0], tok.start - _LOOKBACK_WORD), tok.start):
            pass  # "saw a further decline alongside A-shares, with the latest report at 26,506": a comparison
        elif "other_listing" in roles:
            self.elsewhere = True
            self.elsewhere_at = tok.start
            # An A-share clause ends at ";"; an ADR paragraph lists its prices across them
            # ("滙豐折合45.52元，較港高0.42元；騰訊報617.7元"), but not an aside on the stock just
            # named ("阿里巴巴升7.1%，該股ADR上晚折合港元只報76.6元；美團…升8.2%"): its clause only
            prev = self.prev
            aside = prev is not None and prev.subject is not None and prev.subject.kind == "pronoun" and tok.start - prev.end <= _ADJACENT
            self.elsewhere_clause = "mainland_market" in roles or aside
            self.close()
            self.group = [Subject("elsewhere", "@listing", tok.start, tok.end)]
            self.group_done = False
            self.last_subject = tok
        if "narrow" in roles:
            self.narrowed = True
            self.narrow_at = tok.end
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
            if "sequence" in roles:
                # "低開後反覆向上，午後一度升至24,187點": the word tells the move before the turn,
                # not the way of the figures after it
                self.direction = 0
        elif sess:
            self.on_session(tok, sess, roles)
        if "level" in roles:
            # 收報, "closing at": the session applies once a level or price follows
            self.level = _Pending(tok.end, sess or "")
            if sess and self.cur is not None and not self.cur.has_numbers:
                self.cur.session, self.cur.session_explicit = sess, True
        if "threshold" in roles:
            self.thresh = _Pending(tok.end)
        elif d and self.thresh is not None and tok.start >= self.thresh.end:
            self.thresh = None  # "收市都企穩升3.6%": a verb after the level word takes the figure as its change
        qk = tok.role_kind("qualifier")
        if qk:
            self.qual = _Pending(tok.end, qk)
        if "price" in roles:
            self.price_word = _Pending(tok.end)
            self.fundamental = None  # "...收入增長 15%，股價升 2%": the shares again
        elif sess in ("open", "close") and self.fundamental is not None and tok.start > self.fundamental.end:
            self.fundamental = None  # "after reporting strong September shipments, and closed up 6.8%"
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
        elif (
            ("both" in roles or "pair_pronoun" in roles) and len(self.state.last_pair) > 1
            and self.state.pair_sentence == self.state.sentence - 1  # (the sentence just before)
            and tok.start - self.sentence[0] <= _ADVERBIAL_OPENING_CHARS
            # (no name before it in the sentence, but the one carried from the sentence before)
            and not any(t.subject is not None and t.end > t.start and t.start < tok.start for t in self.tokens)
            and ("both" in roles or self.verb_follows(tok))  # ("They said …" goes on with no list)
        ):
            # "Tencent and Alibaba traded higher. Both rose about 1%", "They rose 1.2% and 1.4%
            # respectively": the list that closed the sentence before
            self.close()
            self.group = list(self.state.last_pair)
            self.group_done = False
        if "respectively" in roles and (self.cur is not None or len(self.group) > 1):
            # after the figures ("rose 1% and 2% respectively") or before them, right after
            # the list of subjects ("周生生及六福集團分別跌0.6%及升1.4%")
            m = self.cur if self.cur is not None else self.ensure()
            m.respectively, m.respectively_at = True, tok.start
            m.each = m.each or "each" in roles  # 各自: one figure told is each one's

    def on_direction(self, tok: Token, d: int, sess: str | None) -> None:
        cur = self.cur
        after_figure = False
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
            after_figure = True  # "closed 1.3% higher": the word states the direction of that number
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
        self.direction, self.direction_end, self.direction_after = d, tok.end, after_figure
        self.sentence_dir = d
        if self.cur is not None and not self.cur.has_change:
            self.cur.direction = d
        if sess and self.group:  # 低開, 收跌, closed: the session of this move only
            m = self.ensure()
            m.session, m.session_explicit = sess, True

    def chinese_session_of_next_figure(self, tok: Token, sess: str) -> bool:
        """Is ``tok`` a Chinese word of the day's extreme with a figure after it in its clause?
        Chinese tells a session before its figure: "恒指升204點 一度衝上24400" is the next
        clause's extreme, not the 204 points'."""
        if sess != "intraday" or self.folded[tok.start:tok.end].isascii():
            return False
        for t in self.tokens:
            if t.start >= tok.end and t.qty is not None:
                return _CLAUSE_MARK.search(self.folded, tok.end, t.start) is None
        return False

    def on_session(self, tok: Token, sess: str, roles: frozenset[str]) -> None:
        cur = self.cur
        if cur is not None and cur.has_numbers and _FROM_SESSION_BEFORE.search(
            self.folded, max(self.sentence[0], tok.start - _LOOKBACK_WORD), tok.start
        ):
            return  # "surged more than 4 per cent, climbing steadily from the opening bell": since when
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
        ) and not (
            # (not the figure's own session right after it: "HSI up 1.9% intraday, 重上20,900點";
            # English puts a figure's session after it, Chinese before the next move: "涨1.61%
            # 盘中一度站上27000点" is a move of its own, hence the script)
            cur.session is None and _right_after(self.folded, cur, tok) and self.folded[tok.start:tok.end].isascii()
        ):
            # "中金公司涨超16%，盘中一度大涨逾20%": the word opens the next move
            self.close()
            self.sticky_session, self.sticky_at = sess, tok.end
            return
        if (
            sess == "midday" and cur is not None and cur.session in (None, "intraday")
            and (
                any(n.qualifier == "as_much_as" for n in (*cur.pcts, *cur.points))
                # "touched an intraday low of 23,512 in the morning, down 270 points": the
                # extreme's level, then when it came (no session told after it in the sentence)
                or (cur.session == "intraday" and cur.session_explicit and cur.level is not None
                    and not cur.has_change and not self.session_follows_in_sentence(tok))
            )
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
            and not self.chinese_session_of_next_figure(tok, sess)
        ):
            cur.session, cur.session_explicit = sess, True  # "6% intraday"
            return
        if (
            sess == "intraday" and "level" in roles and cur is not None and cur.session == "midday"
            and not cur.session_explicit and cur.level is None and not cur.points
            and any(n.qualifier == "as_much_as" for n in cur.pcts)
            and 0 <= tok.start - cur.pcts[-1].end <= _SESSION_AFTER_REACH
            and self.folded[cur.pcts[-1].end:tok.start].strip(" ,") in ("", "to")
        ):
            # "In the morning session the index fell as much as 3.1 per cent, to a low of
            # 19,636": the frame said when the extreme came; its level follows
            cur.session, cur.session_explicit = "intraday", True
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
            and not self.chinese_session_of_next_figure(tok, sess)
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
