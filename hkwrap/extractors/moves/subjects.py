"""Subjects: a name, a list of names, a pronoun or a warrant read by the binder. Read by
:class:`binder._Binder`."""

from __future__ import annotations

from hkwrap.extractors.moves.cues import (
    _ADJACENT,
    _ADVERBIAL_OPENING_CHARS,
    _ADVERBIAL_ROLES,
    _AND_DESCRIPTOR,
    _APPOSITIVE,
    _APPOSITIVE_ASIDE,
    _APPOSITIVE_HEAD,
    _AUXILIARY_GAP,
    _CAUSE_FRAME,
    _CLAUSE_JOIN_EN,
    _CLAUSE_JOIN_EN_END,
    _CLAUSE_JOIN_REACH,
    _CLAUSE_MARK,
    _CLAUSE_OPENER,
    _CODE_DIGITS,
    _COMPANION_BEFORE,
    _CONTRIBUTION_FIGURE,
    _COPULA_AFTER,
    _COPULA_FIGURE_AFTER,
    _FRAME_ROLES,
    _HAN_CLAUSE,
    _HK_CODE_MARK,
    _HK_LISTING_HEAD,
    _IN_DESCRIPTOR,
    _IN_RELATIVE,
    _INDEX_APPOSITIVE,
    _INDEX_SET,
    _JOINER,
    _LED_OBJECT,
    _LEVEL_WORDS_TO_PRICE,
    _LIST_ITEM,
    _LOOKAHEAD,
    _LOOKBACK_WORD,
    _NAME_THEN_JOINER,
    _NEAR_BREAK,
    _NOUN_FOR,
    _OF_DESCRIPTOR,
    _PARAGRAPH_BREAK,
    _PARENT_OF_BEFORE,
    _PREPOSITION_BEFORE,
    _PRONOUN_OPENS,
    _PRONOUN_VERB_TOKENS,
    _RELATIVE_HEAD,
    _RENAMED_AFTER_FIGURE,
    _SHARE_WORD,
    _SPEAKER_LABEL,
    _STOCK_IN_RELATIVE,
    _THE_ITS,
    _TIME_OPENER,
    _UNKNOWN_NAME_GAP,
    _WHERE_IT_LINK,
    _WORD_CHAR,
    _derivative_code,
)
from hkwrap.extractors.moves.records import _bare_code, _last_figure
from hkwrap.extractors.tokens import Subject, Token
from hkwrap.text.spans import MATCH_WINDOW as _MATCH_WINDOW


class _Subjects:
    """The binder's handling of subjects (a mixin of :class:`binder._Binder`)."""

    def on_subject(self, i: int, tok: Token) -> None:
        state, folded = self.state, self.folded
        subj = tok.subject
        assert subj is not None
        last = self.last_subject
        set_rest: tuple[str, ...] = ()
        if self.elsewhere and self.elsewhere_clause and last is not None and (
            ";" in folded[last.end:tok.start]
            # (or, in English, a clause joined on after the listing's: "outpacing the 1.1% gain in
            # its Shanghai-listed A shares, and Bank of China added 1.3%")
            or _CLAUSE_JOIN_EN.fullmatch(folded, last.end, tok.start) is not None
            # (or after the listing's own figure: "even as its Shanghai-listed shares edged up
            # 0.2%, while PetroChina and Sinopec lost 0.9% and 0.5%")
            or _CLAUSE_JOIN_EN_END.search(folded, max(last.end, tok.start - _CLAUSE_JOIN_REACH), tok.start) is not None
        ):
            self.elsewhere = False  # "A股中国平安涨1.1%；中国人寿涨1.4%": the next clause is Hong Kong's
        if self.elsewhere and _LIST_ITEM.search(self.prep.text, self.sentence[0], self.elsewhere_at) and _LIST_ITEM.search(
            self.prep.text, self.elsewhere_at, tok.start
        ):  # (the text as written: the folded text may join a line to the one before)
            # "1）汇丰控股……其伦敦股价隔夜亦跌逾3%；" then "2）友邦保险（01299）……": the other
            # listing named inside one item of a numbered list speaks for that item only
            self.elsewhere = False
        if subj.kind == "stock" and self.elsewhere and (
            _HK_LISTING_HEAD.match(folded, subj.start, subj.end)
            # "On the A-share side, ChinaAMC CSI 300 Index ETF (3188 HK) was little changed": a
            # Hong Kong code printed with the name, after a mainland word, is the Hong Kong listing
            or (self.elsewhere_clause and _HK_CODE_MARK.search(folded, subj.start, subj.end))
        ):
            self.elsewhere = False  # "招商银行A股涨1.1%，H股（03968.HK）涨0.9%": the name is the H shares'
        if (
            subj.kind == "stock" and self.elsewhere and _CODE_DIGITS.search(folded, subj.start, subj.end) is not None
            and any(s.id == subj.id and s.end <= self.elsewhere_at for s in self.named)
            and folded[max(self.sentence[0], subj.start - _ADJACENT):subj.start].rstrip().endswith((";", ","))
        ):
            # "阿里巴巴美股預託證券升5.2%；阿里巴巴-W（09988）今日收報107.9元": the company named
            # again, with its Hong Kong code, opening a clause after its other listing's figures
            # is its Hong Kong shares
            self.elsewhere = False
        if subj.kind == "stock" and self.elsewhere:
            subj = Subject("elsewhere", subj.id, subj.start, subj.end, subj.entity)
        if subj.kind == "pronoun" and subj.id == "@warrant":
            subj = self.resolve_warrant(tok)
            if subj is None:
                return
        elif subj.id == "@index_set":
            # "三大指數午間收盤時分別漲2.9%、3.3%和4.1%": the three main indices, once the report
            # has named each (before that, or in a report about other markets, they are unknown)
            # (named before, or anywhere in the report: "三大指数盘中一度齐涨逾1%" in a lead, the
            # list "恒指、国指、科指分别…" after it)
            if (state.indices_named.issuperset(_INDEX_SET) or self.indices_in_text().issuperset(_INDEX_SET)) and self.frame_only_before(i):
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
        elif subj.kind == "pronoun" and (
            self.prev is not None and self.prev.has("both") and len(self.group) > 1 and tok.start - self.prev.end <= _ADJACENT
        ):
            return  # "兩者股價分別跌1.1%和0.9%": the shares of the two just named, not the last one
        elif subj.kind == "pronoun":
            cur = self.cur
            if (
                subj.id == "@it" and cur is not None and cur.level is not None and not cur.has_change
                and _WHERE_IT_LINK.fullmatch(folded, cur.level.end, tok.start) is not None
            ):
                # "knocked the index back to 19,262.47, where it was still up 188.76 points": the
                # level's own change, told in a clause of that moment
                self.where_copula_at = tok.end
                return
            subj = self.resolve_pronoun(i, tok)
            if subj is None:
                if tok.word is not None:
                    self.on_word(tok)  # "…銷量6.7萬輛，股價升3.8%": 股價, the price word, after all
                return
        if subj.id == "@previous":
            if state.last_index is None:
                return
            if _PREPOSITION_BEFORE.search(folded, max(self.sentence[0], tok.start - _LOOKBACK_WORD), tok.start):
                return  # "a record closing low for the gauge, and the HSCEI fell": an object, not a subject
            ref = state.last_index
            if state.main_index is not None and self.heading_line():
                ref = state.main_index  # a heading "**The index**": the report's own index
            if ref == "@other" and state.main_index is not None and _PARAGRAPH_BREAK.search(folded, state.index_end, subj.start):
                # "Around the region: Tokyo's Nikkei 225 is down 6.4 per cent ..." then, in an
                # entry of its own, "The index starts 5.4 per cent lower": the report's index
                ref = state.main_index
            if ref == "@derived" and state.main_index is not None and folded[subj.start:subj.end].isascii():
                # "Then US stock futures turned higher … The index closed up 187 points": futures
                # or an ADR gauge are no "the index"; the report's own index is
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
            # (and the index is its object, not the next clause's subject: "受加息預期拖累，科指兩日
            # 累跌逾8%")
            and _CLAUSE_MARK.search(self.folded, prev.end, tok.start) is None
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
                # "China Mobile (0941.HK), the index's heaviest weight after HSBC, gave up 10.5%"
                or (_APPOSITIVE_HEAD.fullmatch(folded, last.end, tok.start) and self.in_relative_aside(tok, _APPOSITIVE_ASIDE))
                # "sending the gold-mining spin-off of Zijin Mining up 63.99%": the parent named in
                # a noun for the company told, which the move stays with
                or (_PARENT_OF_BEFORE.search(folded, last.end, tok.start) is not None and ";" not in folded[last.end:tok.start])
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
        if group and last is not None and any(g.id == subj.id for g in group) and _JOINER.match(gap) and (
            # (not a member of the list named again in a clause of its own: "前五名分别是腾讯、
            # 阿里、中芯、小米、美团，小米今天只涨了0.7%")
            (last.subject is not None and last.subject.id == subj.id) or not _CLAUSE_MARK.search(gap)
        ):
            self.last_subject = tok  # "Tencent 騰訊 (00700)": one subject named twice
            if set_rest:  # 港股三大指數: the market, then its three indices, each in full
                self.group[:] = [subj if g.id == subj.id else g for g in group]
                self.list_with(set_rest, tok)
            return
        cur = self.cur
        if (
            len(group) == 1 and group[0].id == subj.id
            and cur is not None and cur.has_numbers and cur.level is None and subj.kind == "index"
            and _RENAMED_AFTER_FIGURE.fullmatch(folded, _last_figure(cur), tok.start) is not None
        ):
            self.last_subject = tok  # "恒指倒跌35點，the gauge 見22,038": the same index named again, its level after
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
            # "…fell as much as 1.9% in the afternoon, and at one point before lunch it had been
            # up 0.4%": a session word after the last move's figures, unread by it, is the next
            # move's
            ahead = (self.sticky_session, self.sticky_at) if (
                cur is not None and cur.has_numbers and self.sticky_session is not None and self.sticky_at > _last_figure(cur)
            ) else None
            self.close()
            if ahead is not None:
                self.sticky_session, self.sticky_at = ahead
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
                self.direction_after = False
            elif (
                prev is not None and prev.word is not None and prev.word.roles & {"up", "down"}
                and _NOUN_FOR.fullmatch(folded, prev.end, tok.start)
                and (copula := _COPULA_FIGURE_AFTER.match(folded, tok.end, tok.end + _MATCH_WINDOW))
            ):
                # "the day's advance on the Hang Seng was 138.72 points": the noun's direction,
                # and its figure after the copula is the change, not where a ratio stands
                self.direction = 1 if "up" in prev.word.roles else -1
                self.direction_after = False
                self.copula_figure_at = copula.end() - 1
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

    def drop_names_in_cause_frames(self) -> None:
        """Names inside a frame of cause with no figure in it ("早段受隔晚美股帶動，最多升198點",
        "在內銀股支持下") are not the sentence's subjects: its figures go on with the subject
        they would have without the frame. (A frame that holds a figure, "受騰訊升5%帶動", tells
        that name's own move, and stays.) Nor do the frame's words of another day date the
        move: "受上周五美國非農數據影響，港股周一低開" is Monday's move, caused by Friday's news."""
        start, end = self.sentence
        frames = [
            (m.start(), m.end()) for m in _CAUSE_FRAME.finditer(self.folded, start, end)
            if not any(c.isdigit() for c in m.group())
        ]
        if frames:
            self.tokens = [
                t for t in self.tokens
                if (t.subject is None and not (t.word is not None and _dates_a_cause(t.word.roles)))
                or not any(s < t.start and t.end <= e for s, e in frames)
            ]

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
                return self.cause_clause_before(i)
            at = t.end
        return not _WORD_CHAR.search(self.folded, at, self.tokens[i].start) or self.cause_clause_before(i)

    def indices_in_text(self) -> frozenset[str]:
        """The indices the report names anywhere (from the one scan of its words)."""
        return self.prep.once("indices_in_text", lambda: frozenset(
            r[6:] for w in self.prep.scanned_words() for r in w.roles if r.startswith("index:") and not r.startswith("index:@")
        ))

    def cause_clause_before(self, i: int) -> bool:
        """Does a Chinese clause of the day's colour, naming no subject, no figure and no other
        market, stand before token ``i`` and end right before it at a comma ("午后随着南向资金入场
        承接，三大指数…")?"""
        start = self.tokens[i].start
        if not self.folded.endswith(",", self.sentence[0], start) or not _HAN_CLAUSE.fullmatch(self.folded, self.sentence[0], start):
            return False
        return not any(
            t.subject is not None or t.qty is not None
            or (t.word is not None and t.word.roles & {"mainland_market", "other_listing", "previous", "yesterday"})
            for t in self.tokens[:i] if t.start >= self.sentence[0]
        )

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
        # (or after an adverbial that opens the sentence and ends on a comma: "Shortly after
        # 2 p.m., it had been down as much as 2,330 points")
        opens_clause = _CLAUSE_OPENER.fullmatch(before) or (
            (before.rstrip().endswith(",") or _TIME_OPENER.fullmatch(before) is not None)
            and tok.start - self.sentence[0] <= _ADVERBIAL_OPENING_CHARS
            and not any(t.subject is not None for t in self.tokens[:i])
        )  # (or after a time with no comma: "This morning it was up as much as 2.4%")
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
            # (an auxiliary may stand between the word and its verb: "It had reached 25,912.40")
            if t.start - end > _ADJACENT and not (end == self.tokens[i].end and _AUXILIARY_GAP.fullmatch(self.folded, end, t.start)):
                return False
            if t.qty is not None:
                return t.qty.kind in ("money", "num") and end > self.tokens[i].end
            if t.word is None or "level" not in t.word.roles:
                return False
            end = t.end
        return False


# The roles of a word that names another day or period ("上周五", 昨日, "last week").
_OTHER_DAY_ROLES = frozenset({"other_period", "previous", "yesterday"})


def _dates_a_cause(roles: frozenset[str]) -> bool:
    """Does a word with ``roles`` name another day (inside a frame of cause, the cause's day)?"""
    return bool(roles & _OTHER_DAY_ROLES) or any(r.startswith("weekday:") for r in roles)
