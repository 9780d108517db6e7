"""Mentions: every HK-listed security a report names, with the words as written.

``find_entities`` returns every security the matcher finds, each with a role:

- ``subject``: the security is talked about (it moved, it announced, it was bought);
- ``source``: the company is only the source of an opinion or a statistic ("according to
  CITIC Securities", "CICC highlighted that", "analysts at ...", 中金指, 據中信證券,
  中信證券表示). A source is not a mention; the same company discussed as a stock elsewhere
  in the report is.

Rules, checked on the folded text around the entity within its sentence:
- before it: "according to", "as noted by", "analysts at/from", "data from", 據, 根據, 引述;
- after it: "analysts", "'s strategist", 分析師, 研究報告, "maintained a Buy", 維持...評級;
- after a broker (a name with Securities / Capital / 證券 / 中金 ...), also a speech or
  forecast verb: said, noted, expects, estimates, highlighted, 表示, 認為, 預計, 指.
"""

from __future__ import annotations

import bisect
import re
import weakref
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

import ahocorasick_rs

from hkwrap import data, patterns
from hkwrap.extractors.dates import date_ends_at, time_zone_word
from hkwrap.model import Mention
from hkwrap.securities.matcher import Hit
from hkwrap.securities.table import SecurityTable
from hkwrap.text.fold import fold
from hkwrap.text.prepare import Prepared
from hkwrap.text.spans import MATCH_WINDOW as _MATCH_WINDOW

if TYPE_CHECKING:
    import regex


class Entity(NamedTuple):
    """A security named in the text. ``text == prep.text[start:end]``. (A named tuple: cheaper
    to define and make than a frozen dataclass.)"""

    code: str | None
    name: str | None
    name_zh: str | None
    text: str
    start: int
    end: int
    role: str = "subject"  # subject | source
    warning: str | None = None
    codes: tuple[str, ...] = ()  # candidate codes when ``code`` is None (ambiguous name)


# -- cue vocabulary (folded at first use, so Traditional and Simplified both match) ----------

# The English cue patterns: the grammar is here, every word list is in cues.yaml
# (``_en``: a list as an alternation, a space in a word matching any run of spaces).
def _en(key: str, space: str = r"\s+") -> str:
    return _alt(_words(key), space)


def _en_before() -> str:
    """A source's name comes next: "according to", "as noted by", "analysts at", "head of
    equity research at", "a report from", "citing" (then "the")."""
    return (
        rf"(?:{_en('en_before')}|as\s+(?:{_en('en_as_by')})\s+by"
        rf"|(?:{_en('en_research_roles')})\s+(?:at|from|with)"
        rf"|(?:{_en('en_head_titles')})\s+of\s+(?:[a-z-]+\s+){{0,3}}?(?:{_en('en_desks')})\s+(?:at|with)"
        rf"|(?:{_en('en_report_nouns')})\s+(?:from|by))\s+(?:the\s+)?$"
    )


def _en_after_always() -> str:
    """After a source's name: its analysts ("HSBC Holdings Plc strategists"), or a rating it
    gives ("maintained its buy rating")."""
    return (
        rf"(?:\s+(?:{_en('en_company_suffixes')})\.?)*"
        rf"(?:'s)?\s+(?:(?:{_en('en_role_words')})\s+)*(?:{_en('en_research_after')})\b"
        rf"|\s+(?:has\s+|have\s+)?(?:{_en('en_rating_verbs')})"
        rf"\b[^.;\n]{{0,60}}?\b(?:{_en('en_rating_words')})\b"
    )


def _en_speaker() -> str:
    """A speaker's employer: the company, the speaker's title and name (up to three words),
    then a speech verb ("HKEX chief executive Bonnie Chan said")."""
    return (
        rf"(?:'s)?\s+(?:group\s+)?(?:{_en('en_speaker_titles')})\s+(?:[a-z][\w'.-]*\s+){{0,3}}"
        rf"(?:{_en('en_speech')})\b"
    )


# A day or date between a source and its verb ("華泰證券5月8日發表研究報告", "Nomura on Tuesday
# said"), and a publishing verb before a report word (發表研究報告).
_ZH_WHEN = (
    r"(?:\d{1,2}月\d{1,2}日|\d{1,2}日|\d{1,2}月|昨日|昨天|今日|今天|日前|近日|早前|最新|[周週][一二三四五六日]|"
    r"星期[一二三四五六日天])"
)
_EN_WHEN = (
    r"(?:\s+(?:on|late\s+on|earlier\s+on)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2})|\s+this\s+week|\s+today)?"
)

# How far after a company's name a planned listing may be said ("百度在港二次上市", "Baidu
# said on Monday it plans a secondary listing"); a sentence with a figure (a debut's first-day
# move) keeps the company a stock.
_LISTING_REACH = 40
# Between a word of the future and its listing verb: a time and a place (下月初在港, 於12月初在港).
_LISTING_FUTURE_GAP = 10
_FIGURE = patterns.compile(r"%|(?<![\d,.])\d[\d,.]{0,20}\s?(?:元|港元)|(?:hk\$|\$)\s?\d")  # bounded: linear on digit runs

# Through the standard library's ``re``: about 1.5x faster than ``regex`` on this pattern.
_SENTENCE_END = re.compile(r"[.!?;。！？；\n](?=\s|$)|[。！？；\n]")


def _words(key: str) -> tuple[str, ...]:
    """A list of cue words from ``hkwrap/data/cues.yaml`` (compiled)."""
    return tuple(data.load().get("cues", {}).get(key, ()))


# Speech verbs that are move verbs too: "HTSC (06886.HK) added 4.7%" is the broker's shares
# moving, not the broker speaking, when a figure follows.
_MOVE_VERBS_TOO = frozenset({"added", "adds"})
_FIGURE_NEXT = r"(?!\s+(?:another\s+|a\s+further\s+)?[-+]?(?:hk\$|us\$|\$|hkd\s?)?\d)"


def _alt(words: tuple[str, ...], space: str | None = None) -> str:
    """An alternation of ``words``, longest first: both the words as written and folded (the
    text may have been folded with a different T->S map, a user's or a test's, than the
    compiled one). ``space``: what a space in a word matches (itself when not given)."""
    folded = sorted({fold(w) for w in words} | set(words), key=lambda w: (-len(w), w))
    escaped = (re.escape(w) for w in folded)
    return "|".join(escaped if space is None else (w.replace(r"\ ", space) for w in escaped))


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str] | regex.Pattern[str]]:
    alt = _alt
    return {
        # (Searched backwards, from the name, through regex's (?r): every form of the cue ends
        # where the stretch does ($), so a backward search fails at each place in a step, where
        # a forward one tried the cue's every word at every character, ~2.5x slower. Only whether
        # it matches is read, the same either way: the cue has no atomic group, possessive
        # quantifier or back reference.)
        "before": patterns.compile(
            rf"(?r)(?:{_en_before()}|(?:{alt(_words('zh_before'))})\s?[:：]?\s?$"
            # "聯席保薦人為中金公司": a listing's sponsor named after the word
            rf"|(?:{alt(_words('zh_sponsor'))})(?:为|為|是|包括)\s?$)"
        ),
        "after": patterns.compile(
            rf"(?:{_en_after_always()}|\s?(?:{_ZH_WHEN}\s?)?(?:{alt(_words('zh_publish'))})?(?:的)?"
            rf"(?:{alt(_words('zh_after') + _words('zh_data_cues'))})"
            r"|\s(?:data|figures|statistics)\s(?:show|showed|shows)\b"
            rf"|\s?(?:{alt(_words('zh_rating_verbs'))})[^。;\n]{{0,20}}?(?:{alt(_words('zh_rating_words'))})"
            rf"|{_en_speaker()}|(?:集團|集团)?(?:{alt(_words('zh_speaker_titles'))})[\u4e00-\u9fff]{{2,4}}?"
            rf"(?:{alt(_words('zh_speech'))})"
            # ... or the name is the outlet of the news: "TVB PEARL NEWS AT 7:30", 無綫新聞 (one
            # pattern with the cues above: a call costs ~0.5 us whatever the pattern holds)
            rf"|\s?(?:{alt(_words('media_after'))})(?![a-z]))"
        ),
    }


@lru_cache(maxsize=1)
def _broker_words() -> regex.Pattern[str]:
    """Any of the broker words (cues.yaml), folded: a security whose names hold one is a
    broker. Through the pattern cache: compiled through ``re`` for each run, it cost ~0.5 ms
    of every start (and it is searched once per security a report names)."""
    return patterns.compile("|".join(re.escape(fold(w)) for w in _words("broker_words")))


def _listing_words() -> tuple[str, ...]:
    """The words one of which every match of the listing cue holds (a planned listing, a
    listing verb, a sponsor)."""
    return (
        _words("zh_listing_plan") + _words("en_listing_plan") + _words("zh_listing_verbs")
        + _words("zh_sponsor") + _words("en_sponsor")
    )


@lru_cache(maxsize=1)
def _listing_anchors() -> ahocorasick_rs.AhoCorasick | None:
    """The listing words, as written and folded, looked for in a name's reach before the
    listing cue is tried: the cue cannot match where none of them is, so a report that speaks
    of no listing never builds it (~1.7 ms through ``re``). (None if a word is empty: it
    stands everywhere.)"""
    forms = sorted({fold(w) for w in _listing_words()} | set(_listing_words()))
    if not all(forms):
        return None
    return ahocorasick_rs.AhoCorasick(forms, matchkind=ahocorasick_rs.MatchKind.Standard)


def _listing_anchor_ends(prep: Prepared) -> tuple[list[int], list[int]] | None:
    """Where the listing words stand in the folded text, from one scan of it: the places
    where one starts, in order, and for each the nearest end of a word starting there or
    later. (A search of the words' alternation in each name's reach cost ~2.5 us a name,
    most of them tried at every character of English text.)"""
    anchors = _listing_anchors()
    if anchors is None:
        return None

    def scan() -> tuple[list[int], list[int]]:
        first_end: dict[int, int] = {}  # each start: the end of the shortest word there
        for _, s, e in anchors.find_matches_as_indexes(prep.folded, overlapping=True):
            if e < first_end.get(s, e + 1):
                first_end[s] = e
        starts = sorted(first_end)
        ends = [first_end[s] for s in starts]
        for i in range(len(ends) - 2, -1, -1):
            ends[i] = min(ends[i], ends[i + 1])
        return starts, ends

    return prep.once("mentions.listing_anchors", scan)


def _listing_word_within(prep: Prepared, start: int, end: int) -> bool:
    """Does a listing word stand wholly within ``prep.folded[start:end]``?"""
    found = _listing_anchor_ends(prep)
    if found is None:
        return True
    starts, ends = found
    k = bisect.bisect_left(starts, start)
    return k < len(starts) and ends[k] <= end


@lru_cache(maxsize=1)
def _listing_cue() -> re.Pattern[str]:
    """What a company plans to list, or a listing it sponsors: a little way after its name.
    Through ``re``: ~8x faster than ``regex`` on its lazy reach."""
    alt = _alt
    return re.compile(
        # "HashKey, which is preparing its own Hong Kong listing": a relative clause after the name
        rf"(?:'s)?(?:,\s(?:which|that)\s)?[^,;。，；]{{0,{_LISTING_REACH}}}?(?:{alt(_words('zh_listing_plan') + _words('en_listing_plan'))}"
        rf"|(?:{alt(_words('zh_listing_future'))})[^,;。，；%]{{0,{_LISTING_FUTURE_GAP}}}?(?:{alt(_words('zh_listing_verbs'))})"
        rf"|(?:为|為|担任|擔任|作为|作為)(?:其|该公司|該公司)?(?:上市|ipo)?(?:的)?(?:{alt(_words('zh_sponsor'))})"
        rf"|\s(?:as|acting\s+as)\s+(?:its\s+|the\s+)?(?:{alt(_words('en_sponsor'))})\b)"
    )


def _listing_after(prep: Prepared, start: int, end: int) -> bool:
    """Does the listing cue match at ``start`` within ``prep.folded[:end]``?"""
    if not _listing_word_within(prep, start, end):
        return False
    return _listing_cue().match(prep.folded, start, end) is not None


# A broker's report noun stands this far after its name before the verb ("在最新发布的策略报告中表示").
_REPORT_REACH = 12
# ... and a verb of giving this far ("那边给"), then what it gives this far on ("的年底目标").
_GIVE_REACH, _GIVEN_REACH = 4, 6


@lru_cache(maxsize=1)
def _after_broker() -> regex.Pattern[str]:
    """A broker's speech verb, straight after its name or after a person's name or title of a
    few characters (耀才證券植耀輝指, 中金研究部表示). Compiled when a report first names a
    broker (~1.7 ms)."""
    # "(has|had|also) said", "pointed out": a broker's speech verb right after its name
    en_after_broker = r"\s+(?:(?:has|had|also)\s+)?(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") + (_FIGURE_NEXT if w in _MOVE_VERBS_TOO else "")
        for w in _words("en_broker_verbs")
    ) + r")\b"
    return patterns.compile(
        # "中信证券：港股AI主线行情有望延续": a broker's name, a colon, its view
        rf"(?:\s?[:：](?!\s?[-+]?\d)"
        rf"|{_EN_WHEN}{en_after_broker}"
        # "招商证券(香港)表示": the broker's arm in brackets before its verb
        rf"|(?:\s?\([\u4e00-\u9fff]{{1,4}}\))?\s?(?:{_ZH_WHEN}\s?)?[\u4e00-\u9fff]{{0,6}}?(?:{_alt(_words('zh_broker_verbs'))})"
        rf"(?!{_alt(_words('zh_not_verb'))})"
        # "中金公司在最新发布的策略报告中表示": its report, then the verb
        rf"|(?:{_ZH_WHEN}\s?)?[\u4e00-\u9fff]{{0,{_REPORT_REACH}}}?(?:{_alt(_words('zh_report_nouns'))})中?(?:{_alt(_words('zh_broker_verbs'))})"
        # "中金那边给的年底目标": the target or rating it gives
        rf"|[\u4e00-\u9fff]{{0,{_GIVE_REACH}}}?(?:{_alt(_words('zh_give'))})(?:的)?[\u4e00-\u9fff]{{0,{_GIVEN_REACH}}}?(?:{_alt(_words('zh_given'))}))"
    )


# Per table: whether each code's security is a broker, as worked out so far. Kept across
# reports (a record's names do not change): folding a security's names and searching them cost
# ~0.15 s per 120 reports when it was redone for each report.
_BROKERS: weakref.WeakKeyDictionary[SecurityTable, dict[str, bool]] = weakref.WeakKeyDictionary()


def _is_broker(table: SecurityTable, code: str | None, cache: dict[str, bool]) -> bool:
    if code is None:
        return False
    if code not in cache:
        rec = table.get(code)
        names = " ".join(
            x for x in (rec.name, rec.short, rec.name_zh, *rec.aliases) if x
        ) if rec else ""
        cache[code] = bool(_broker_words().search(fold(names)) or _broker_words().search(names))
    return cache[code]


# How far around a name its role's cues are looked for, within its sentence: a cue before a
# name is short ("according to", "analysts at"); one after it may follow a title and a
# person's name ("chief China strategist Jane Doe said").
CUE_BEFORE = 60
CUE_AFTER = 90


# What ends a sentence at the very end of the stretch a cue looks at, whatever follows it
# there: the pattern's "." (or "!", "?", ";") before the end of the string it is run on.
_END_OF_STRETCH = frozenset(".!?;")


def _sentence_ends(prep: Prepared) -> list[int]:
    """Where ``_SENTENCE_END`` matches in the whole folded text (one scan a report)."""
    return prep.once("mentions.sentence_ends", lambda: [m.start() for m in _SENTENCE_END.finditer(prep.folded)])


def _sentence_bounds(prep: Prepared, start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence around [start, end) that cues may look at.

    As ``_SENTENCE_END`` run on the CUE_BEFORE characters before ``start`` (its last match) and
    on the CUE_AFTER characters from ``end`` (its first), read off one scan of the text: a match
    inside a stretch is one in the whole text, but at a stretch's last character, where "."
    ends a sentence whatever follows it (``$``). (Per hit the two scans cost ~4 us; a report
    names a security ~90 times.)"""
    folded = prep.folded
    ends = _sentence_ends(prep)
    lo = max(0, start - CUE_BEFORE)
    if lo < start:
        if folded[start - 1] in _END_OF_STRETCH:
            lo = start
        else:
            k = bisect.bisect_left(ends, start) - 1
            if k >= 0 and ends[k] >= lo:
                lo = ends[k] + 1
    hi = min(len(folded), end + CUE_AFTER)
    if end < hi:
        k = bisect.bisect_left(ends, end)
        if k < len(ends) and ends[k] < hi:
            hi = ends[k]
        elif folded[hi - 1] in _END_OF_STRETCH:
            hi -= 1
    return lo, hi


# The exchange operator named as the place of a listing or a filing ("filed with HKEX", 向港交所
# 提交上市申請, 在港交所主板上市) is not talked about as a stock (the gold's rule for HKEX).
EXCHANGE_CODES = frozenset({"00388"})  # HKEX: the one listed exchange operator in the table


# A sources label's list, up to the exchange's name ("Sources: Bloomberg, company filings, ").
_SOURCE_LIST_CHARS = 60
# The rules' name between the rule maker's verb and 規則 ("“18A”章節上市規則").
_RULES_NAME_CHARS = 12


@lru_cache(maxsize=1)
def _venue() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The exchange as a venue: the words before its name, and those after it (the words
    are in cues.yaml)."""
    few_spaces = r"\s{1,3}"  # bounded: a name's next words are close by
    before = patterns.compile(
        # (not 於 of a conjunction: 至於, 對於, 關於, 由於 — "至於港交所（388），周五跌2.6%")
        rf"(?:(?<!至|对|关|由)(?:{_en('venue_before')})\s?(?:the\s+)?"
        # "Sources: Bloomberg, HKEX": anywhere in a sources label's list, on its line
        rf"|(?<![a-z])(?:{_en('venue_source_labels')})\s?[:：][^\n。;]{{0,{_SOURCE_LIST_CHARS}}}?)$"
    )
    gap = rf"(?:{_alt(_words('venue_gap'))})?"  # 將, 今日, 持續優化: a time, a modal, a rule maker's verb
    after = patterns.compile(
        rf"\s?(?:{_alt(_words('venue_boards'))})?\s?(?:{_alt(_words('venue_listing'))})"
        rf"|\s?{gap}[^\s,;。，；]{{0,{_RULES_NAME_CHARS}}}?(?:的)?(?:{_alt(_words('venue_rules'))})"
        rf"|\s?{gap}(?:{_alt(_words('venue_published'))})(?!.{{0,3}}(?:{_alt(_words('venue_results'))}))"
        # "Hong Kong Exchanges and Clearing Limited (HKEX) today published"
        rf"|(?:\s(?:limited|ltd\.?))?(?:\s?\([a-z]{{2,10}}\)|\))?(?:'s)?\s{{1,3}}(?:(?:{_en('venue_after_en', few_spaces)})\b"
        r"|for\s{1,3}(?:a|an|its)\s{1,3}(?:listing|ipo))"
    )
    return before, after


@lru_cache(maxsize=1)
def _employer() -> regex.Pattern[str]:
    """A speaker's title right after a company's name: the company as an employer
    ("港交所行政总裁李小加", "HKEX chief executive Nicolas Aguzzi")."""
    return patterns.compile(
        rf"(?:'s)?\s?(?:group\s)?(?:{_en('en_speaker_titles')}|{_alt(_words('zh_speaker_titles'))})(?![a-z])"
    )


def _role(prep: Prepared, hit: Hit, is_broker: bool) -> str:
    folded = prep.folded
    cues = _cues()
    lo, hi = _sentence_bounds(prep, hit.start, hit.end)
    if hit.code in EXCHANGE_CODES and (
        _venue()[0].search(folded, lo, hit.start) or _venue()[1].match(folded, hit.end, hi)
        or _employer().match(folded, hit.end, hi)
    ):
        return "source"
    if cues["before"].search(folded, lo, hit.start):
        return "source"
    if cues["after"].match(folded, hit.end, hi):
        return "source"
    if is_broker and (said := _after_broker().match(folded, hit.end, hi)) is not None and not (
        # "1. 中信证券(6030 HK)：H股飙升16.9%": a name printed with its code, then a colon,
        # heads a list item about the stock, not the broker's view
        hit.code_start is not None and said.group().strip()[:1] in (":", "：")
    ):
        return "source"
    if _listing_after(prep, hit.end, hi) and not _FIGURE.search(folded, lo, hi):
        return "source"  # a planned listing or its sponsor, in a sentence that moves no figure
    return "subject"


# The security's other listing is meant: "Alibaba's ADR", "its Shenzhen-listed shares",
# 美股/A股 before the name. Moves said of it are not the Hong Kong shares' moves.
_ELSEWHERE_AFTER = patterns.compile(
    r"\.(?:us|n|o|sh|sz|ss|cn)(?![a-z0-9])"  # NIO.US, 601398.SH written as one word
    r"|\s?\(\s?(?:\d{6}(?:\.(?:sh|sz|ss|cn))?|[a-z]{1,5}\.(?:us|n|o))\s?\)"  # 工商银行(601398.SH), 宁德时代(300750)
    r"|(?:'s)?\s?(?:adrs?\b|american depositary|u\.?s\.?[- ]listed|us shares|u\.s\. shares"
    r"|new york[- ]listed|nasdaq[- ]listed|shanghai[- ]listed|shenzhen[- ]listed|a[- ]shares?\b"
    r"|美股|a股|adr)"
    r"|\sus(?=\s?[-+▲▼]\s?\d)"  # a chat's "NIO US -4%": the US line's move
)
_CODE_OF_OTHER_LISTING = patterns.compile(
    r"\.(?:us|n|o|sh|sz|ss|cn)(?![a-z0-9])|\s?\(\s?(?:\d{6}(?:\.(?:sh|sz|ss|cn))?|[a-z]{1,5}\.(?:us|n|o))\s?\)"
)
# The other listing is written just after the name (NIO.US, "'s ADRs", 宁德时代（300750）) or
# just before it (美股, "US-listed"): these many characters each way.
# A Chinese name with a capital A written onto it is the A share's short name (万科A, 深发展A).
# (Tried only where the "a" follows the name: a string test is a tenth of a pattern's call.)
_A_SHARE_NAME = patterns.compile(r"[\u4e00-\u9fff]a(?![a-z0-9+]|\s?股)")  # not 中國平安A股: the company's A shares
_ELSEWHERE_AFTER_REACH = 30
_ELSEWHERE_BEFORE_REACH = 16
_ELSEWHERE_BEFORE = patterns.compile(r"(?:美股|a股|中概股|us-listed|u\.s\.-listed|adr of|adrs? of)\s?$")


_TIME_BEFORE = patterns.compile(
    r"\d{1,2}:\d{2}\s?(?:[ap]\.?m\.?\s?)?$|\b(?:times?|calendar|schedule|timetable|agenda)\b[^.\n]{0,16}$", patterns.IGNORECASE
)
# "16:20 " before the name, or the word time (or a calendar) a few words before it ("all times
# are Hong Kong time (HKT)", "times in HKT", "Economic calendar (HKT)")
_TIME_REACH = 24
_TIME_AFTER = patterns.compile(r"\s?\d{1,2}:\d{2}")  # "2022-05-24 HKT 12:14": the zone before the time
# A zone in brackets after a time or a date: "Tue 15 Mar 2022 (HKT)", "16:10 （HKT）".
_ZONE_OPEN = patterns.compile(r"\s?[(\[（]\s?$")
_ZONE_CLOSE = patterns.compile(r"\s?[)\]）]")
_ZONE_OPEN_REACH = 3  # a space, the bracket, a space
_SPACE_BEFORE = patterns.compile(r"[ \t]+$")  # a date and the zone: spaces only ("2022, HKT rose" is news)


# A weekday written right before a time zone's abbreviation ("Thu HKT", "Tue night HKT").
_WEEKDAY_BEFORE = patterns.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?\s(?:(?:night|morning|evening|afternoon)\s)?$"
)


def _time_zone(prep: Prepared, hit: Hit) -> bool:
    """Is the hit a time zone's abbreviation written as one (a company may have it as its
    alias: HKT Trust)? After a time ("16:10 HKT", "[09:31 HKT]", "4:08PM HKT"), before one
    ("2022-05-24 HKT 12:14"), after a date ("Tue 15 Mar 2022 HKT"), in brackets after either
    ("15 Mar 2022 (HKT)", "16:10 (HKT)"), or where the text speaks of times ("all times are
    Hong Kong time (HKT)"). "HKT Trust", "HKT (6823)" and "HKT shares rose" are the company."""
    written = prep.text[hit.start:hit.end]
    if not (written.isupper() and time_zone_word(written)):
        return False
    text, start = prep.text, hit.start
    if _TIME_AFTER.match(text, hit.end, hit.end + _TIME_REACH):
        return True
    bracket = _ZONE_OPEN.search(text, max(0, start - _ZONE_OPEN_REACH), start)
    if bracket is not None:
        if _ZONE_CLOSE.match(text, hit.end, hit.end + _ZONE_OPEN_REACH) is None:
            return False  # "(HKT Trust ..." opens a name, not a zone
        start = bracket.start()
    if _TIME_BEFORE.search(text, max(0, start - _TIME_REACH), start):
        return True
    if _WEEKDAY_BEFORE.search(prep.folded, max(0, start - _TIME_REACH), start):
        return True  # "(Fed decision Thu HKT)": a day named in Hong Kong time
    space = _SPACE_BEFORE.search(text, max(0, start - _ZONE_OPEN_REACH), start)
    if space is None and bracket is None:
        return False  # "15 Mar 2022HKT": no date stands apart before it
    return date_ends_at(prep.folded, space.start() if space is not None else start)


def _us_ticker_in_us_sentence(prep: Prepared, hit: Hit, us: str) -> bool:
    """The name is followed by its own US ticker in brackets in a sentence about US trading."""
    # The ticker between two patterns shared by every ticker (a pattern per ticker cost
    # ~0.15 ms each to compile, every run). Through ``re``, whose \s also takes the text's
    # masking characters (\x1c-\x1f), as the one pattern per ticker did.
    folded = prep.folded
    opened = _US_TICKER_OPEN.match(folded, hit.end)
    ticker = us.lower()
    if opened is None or not folded.startswith(ticker, opened.end()):
        return False
    closed = _US_TICKER_CLOSE.match(folded, opened.end() + len(ticker))
    if closed is None:
        return False
    lo, hi = _sentence_bounds(prep, hit.start, closed.end())
    return bool(_US_TRADING.search(folded, lo, hi))


# A number right after a name, bare or in brackets: "BABA 9988", "BABA (9988)".
_NUMBER_AFTER = re.compile(r"\s?[(（]?\s?(\d{1,5})(?![\d.,%])")
# "(BILI)", "（ BABA.US )": a US ticker in brackets after a name (the ticker checked between).
_US_TICKER_OPEN = re.compile(r"\s?[(（]\s?")
_US_TICKER_CLOSE = re.compile(r"(?:\.us)?\s?[)）]")


def _listing_role(prep: Prepared, hit: Hit, rec: object) -> str:
    """"elsewhere" where the text speaks of the security's US or A-share listing: a bare US
    ticker or mainland code (not a Hong Kong mention at all), or a name marked as that
    listing ("Alibaba's ADR", A股寧德時代: still a mention, but its moves are not Hong
    Kong's). Otherwise "subject"."""
    ticker = getattr(hit, "ticker", None)
    if hit.kind == "code" and ticker is not None and ticker.via in ("us", "a_share"):
        return "elsewhere"
    us = getattr(rec, "us", None)
    name = (getattr(rec, "name", None) or "").upper()
    # a US ticker that is not also the start of the name (BABA, but not NIO, HSBC or JD)
    if us and prep.text[hit.start:hit.end] == us and not name.startswith(us.upper()):
        code = _NUMBER_AFTER.match(prep.folded, hit.end, hit.end + _MATCH_WINDOW)
        if code is None or int(code.group(1)) != int(getattr(rec, "code", "0")):
            return "elsewhere"  # (not "BABA 9988 +3.1%": the ticker as a name before the HK code)
    folded = prep.folded
    if us and _us_ticker_in_us_sentence(prep, hit, us):
        return "listed_elsewhere"  # "In New York, Bilibili (BILI) fell 4%": the US shares
    # (_ELSEWHERE_AFTER opens on _CODE_OF_OTHER_LISTING's alternatives: where it does not
    # match, neither does the code, and most names have neither after them)
    after = _ELSEWHERE_AFTER.match(folded, hit.end, hit.end + _ELSEWHERE_AFTER_REACH)
    if after is not None and _CODE_OF_OTHER_LISTING.match(folded, hit.end, hit.end + _ELSEWHERE_AFTER_REACH):
        return "elsewhere"  # 宁德时代（300750）, NIO.US: the name is that listing's security
    if folded.startswith("a", hit.end) and _A_SHARE_NAME.match(folded, hit.end - 1, hit.end + 2):
        return "elsewhere"  # 万科A: a Shenzhen A share's own short name, not the H share
    if after is not None:
        return "listed_elsewhere"
    if _ELSEWHERE_BEFORE.search(folded, max(0, hit.start - _ELSEWHERE_BEFORE_REACH), hit.start):
        return "listed_elsewhere"
    home = getattr(rec, "home", None)
    if home and _speaks_of_home(prep, hit, home):
        return "listed_elsewhere"  # "In Japan, the Nikkei 225 ... Fast Retailing fell 4.54%"
    return "subject"


@cache
def _home_words(home: str) -> regex.Pattern[str] | None:
    """The words that name a primary listing's market (cues.yaml ``home_markets``)."""
    words = tuple(data.load().get("cues", {}).get("home_markets", {}).get(home, ()))
    return patterns.compile(rf"(?<![a-z])(?:{_alt(words)})(?![a-z])") if words else None


def _speaks_of_home(prep: Prepared, hit: Hit, home: str) -> bool:
    """Does the text speak of the security's home market before its name, in its sentence or
    the one before (a regional wrap's paragraph on Tokyo), and not of Hong Kong's in its own?"""
    pattern = _home_words(home)
    if pattern is None:
        return False
    n = bisect.bisect_right(prep.sentences, (hit.start, len(prep.folded))) - 1
    if n < 0:
        return False
    lo = prep.sentences[max(0, n - 1)][0]
    own_lo, own_hi = prep.sentences[n]
    if _HONG_KONG_MARKET.search(prep.folded, own_lo, own_hi):
        return False  # "迅銷在港上市的股份升3%": the sentence is about Hong Kong
    return pattern.search(prep.folded, lo, hit.start) is not None


# A sentence speaking of the Hong Kong market: its moves are the Hong Kong listing's.
_HONG_KONG_MARKET = patterns.compile(r"(?<![a-z])(?:hong kong|hang seng|hsi)(?![a-z])|香港|港股|恒指|恒生")


# -- names resolved by the report itself ----------------------------------------------------

# A Chinese name printed before a bracketed code the table does not know under that name.
# (regex, not re: re compiles a CJK range into a bitmap in Python, ~0.7 ms at every start;
# ``[\s\x1c-\x1f]`` is re's ``\s``, which regex's leaves the separator controls out of.)
_ZH_NAME_BEFORE_CODE = patterns.compile(r"([\u4e00-\u9fff]{2,8})[\s\x1c-\x1f]?$")
_ZH_NAME_REACH = 10  # the pattern's longest name (8) and a space, and one to spare
SENSE_WINDOW = 80  # characters either side of an ambiguous name in which its context words count


def _name_key(prep: Prepared, hit: Hit) -> str | None:
    """The folded name part of a hit: the alias, or the unknown words before a bare code."""
    if hit.name_start is not None:
        return prep.folded[hit.name_start : hit.name_end]
    if hit.code_start is not None and hit.start < hit.code_start:
        return prep.folded[hit.start : hit.code_start].strip() or None
    if hit.code_start is not None and prep.folded[hit.code_start] in "(「":
        m = _ZH_NAME_BEFORE_CODE.search(prep.folded, max(0, hit.code_start - _ZH_NAME_REACH), hit.code_start)
        return m.group(1) if m else None
    return None


def _resolve_in_report(prep: Prepared, table: SecurityTable, hits: list[Hit]) -> list[Hit]:
    """Names whose code the report itself settles.

    - A name printed with a code keeps that code when it comes back bare (港燈(00006.HK) ...
      港燈報45.2元), also a name the table does not know ("Hengten (00136) ... Hengten").
    - A name shared by several codes takes the one its sentence's context words point to
      ("Sun Hung Kai, the property developer"), else the one the report names unambiguously.
    """

    tied: dict[str, str] = {}
    firm = {h.code for h in hits if h.code and (h.kind != "name" or len(h.codes) <= 1)}
    out: list[Hit] = []
    for hit in hits:
        key = _name_key(prep, hit)
        if hit.code and hit.code_start is not None and key:
            tied.setdefault(key, hit.code)
        elif key in tied and hit.kind == "name" and hit.code != tied[key]:
            hit = hit._replace(code=tied[key])
        elif hit.code is None and len(hit.codes) > 1 and (printed := _by_bare_code(prep.folded, hit)) is not None:
            code, cs, ce = printed
            if cs >= hit.end:  # the code after the name is part of it: "Sun Hung Kai Prop (16)"
                hit = hit._replace(end=ce, code_start=cs, code_end=ce)
            hit = hit._replace(code=code)
        elif hit.code is None and len(hit.codes) > 1:
            code = _by_context(prep, table, hit) or _only_one(hit.codes, firm)
            if code:
                hit = hit._replace(code=code)
        out.append(hit)
    known = _KNOWN_NAMES.setdefault(table, {})
    unknown = {k: c for k, c in tied.items() if len(k) >= _MIN_UNKNOWN_NAME and not _known_name(table, k, known)}
    if unknown:
        out = _later_unknown_names(prep, out, unknown)
    return out


_MIN_UNKNOWN_NAME = 4  # characters: shorter unknown names recur by accident

# Per table: whether each name printed with a code is one of the table's names, as looked up
# so far. Kept across reports (the same names come back in report after report): looking
# each up again cost ~0.05 s per 120 reports.
_KNOWN_NAMES: weakref.WeakKeyDictionary[SecurityTable, dict[str, bool]] = weakref.WeakKeyDictionary()


def _known_name(table: SecurityTable, name: str, known: dict[str, bool]) -> bool:
    if name not in known:
        known[name] = bool(table.by_alias(name))
    return known[name]


# A code printed bare right after a name, or leading it ("平安 2318", "2318 平安", "平安(2318)").
_BARE_CODE_NEXT = patterns.compile(
    r"\s?[(（]?\s?(\d{1,5})(?:\.hk)?\s?[)）]?(?![\d.,%])"
    # or in brackets after the rest of a shortened name: "Sun Hung Kai Prop (16)"
    r"|(?:\s[a-z][a-z&.']{0,12}){1,2}\s?[(（]\s?(\d{1,5})(?:\.hk)?\s?[)）]"
)
_BARE_CODE_LEAD = patterns.compile(r"(?<![\d.])(?<!\d,)(\d{1,5})\s?$")
_BARE_CODE_REACH = 36  # "(02318.HK)" and a space, or two words of the name before the bracket


def _by_bare_code(folded: str, hit: Hit) -> tuple[str, int, int] | None:
    """The one of a shared name's codes printed bare beside it ("新鴻基 16 跌1.2%"), with
    where that code stands."""
    for m in (
        _BARE_CODE_NEXT.match(folded, hit.end, hit.end + _BARE_CODE_REACH),
        _BARE_CODE_LEAD.search(folded, max(0, hit.start - _BARE_CODE_REACH), hit.start),
    ):
        if m is not None:
            group = 1 if m.group(1) else 2
            code = m.group(group).zfill(5)
            if code in hit.codes:
                return code, m.start(group), m.end()
    return None


def _only_one(codes: tuple[str, ...], firm: set[str]) -> str | None:
    named = [c for c in codes if c in firm]
    return named[0] if len(named) == 1 else None


def _by_context(prep: Prepared, table: SecurityTable, hit: Hit) -> str | None:
    lo, hi = _sentence_bounds(prep, hit.start, hit.end)
    lo, hi = max(lo, hit.start - SENSE_WINDOW), min(hi, hit.end + SENSE_WINDOW)
    around = prep.folded[lo : hit.start] + " " + prep.folded[hit.end : hi]
    picked = []
    for code in hit.codes:
        rec = table.get(code)
        words = [fold(w) for w in (rec.context if rec else ())]
        if any(re.search(rf"(?<![a-z]){re.escape(w)}" if w[:1].isascii() else re.escape(w), around)
               for w in words):
            picked.append(code)
    return picked[0] if len(picked) == 1 else None


def _later_unknown_names(prep: Prepared, hits: list[Hit], unknown: dict[str, str]) -> list[Hit]:
    """Bare repeats of a name the report tied to a code and the table does not know."""
    folded = prep.folded
    pattern = re.compile("|".join(re.escape(k) for k in sorted(unknown, key=lambda w: (-len(w), w))))
    first = {}
    for h in hits:
        key = _name_key(prep, h)
        if key in unknown:
            first.setdefault(key, h.end)
    extra: list[Hit] = []
    replaced: set[int] = set()
    for m in pattern.finditer(folded):
        key = m.group(0)
        if m.start() < first.get(key, len(folded)):
            continue
        if key[0].isascii() and (
            (m.start() > 0 and folded[m.start() - 1].isalnum())
            or (m.end() < len(folded) and folded[m.end()].isalnum())
        ):
            continue
        inside = [i for i, h in enumerate(hits) if h.start < m.end() and m.start() < h.end]
        # a known shorter name inside the tied one (Sinopec in Sinopec Kantons) gives way
        if any(hits[i].kind != "name" or hits[i].start < m.start() or hits[i].end > m.end() for i in inside):
            continue
        replaced.update(inside)
        extra.append(Hit(m.start(), m.end(), unknown[key], m.start(), m.end(), (unknown[key],)))
    if not extra:
        return hits
    kept = [h for i, h in enumerate(hits) if i not in replaced]
    return sorted([*kept, *extra], key=lambda h: h.start)


# A bracketed US ticker right after the name of a dual-listed security ("KE Holdings (BEKE)")
# only identifies it; it means the US listing when the sentence is about US trading.
_BRACKET_OPEN = patterns.compile(r"\s?\(\s?$")
_BRACKET_CLOSE = patterns.compile(r"\s?\)")
_US_TRADING = patterns.compile(
    r"(?<![a-z])(?:u\.s\.|us-listed|u\.s\.-listed|american depositary|adrs?|new york|nasdaq|nyse|"
    r"wall street|overnight|premarket|pre-market|after-hours|in the us|us trading|us shares)(?![a-z])"
    r"|美股|美國|美国|紐約|纽约|納斯達克|纳斯达克|納指|纳指|隔夜|中概|預託證券|预托证券|盤前|盘前"
)


def _tied_ticker_merged(prep: Prepared, table: SecurityTable, hits: list[Hit]) -> list[Hit]:
    """A US ticker in brackets after its own security's name joins the name's hit, unless the
    sentence speaks of US trading (then it stays the US listing)."""

    out: list[Hit] = []
    folded = prep.folded
    for hit in hits:
        prev = out[-1] if out else None
        if prev is not None and prev.code and hit.code == prev.code and hit.name_start is not None:
            rec = table.get(hit.code)
            written = prep.text[hit.name_start : hit.name_end]
            close = _BRACKET_CLOSE.match(folded, hit.end, hit.end + _MATCH_WINDOW)
            if (
                rec is not None and rec.us and written.upper() == rec.us.upper()
                and _BRACKET_OPEN.search(folded, prev.end, hit.start) and close
            ):
                lo, hi = _sentence_bounds(prep, prev.start, close.end())
                if not _US_TRADING.search(folded, lo, hi):
                    out[-1] = prev._replace(end=close.end())
                    continue
        out.append(hit)
    return out


def find_entities(prep: Prepared, table: SecurityTable, date: str | None = None) -> list[Entity]:
    """Every security named in the report, in text order, with its role. ``date`` (ISO): the
    report's day, for names that meant another code then (長實 before 2015 is 00001)."""
    hits = table.matcher().find(prep.folded, prep.text, date)
    hits = _resolve_in_report(prep, table, _tied_ticker_merged(prep, table, hits))
    brokers = _BROKERS.setdefault(table, {})
    out: list[Entity] = []
    for hit in hits:
        if _time_zone(prep, hit):
            continue  # "16:20 HKT", "Tue 15 Mar 2022 (HKT)": a time zone, not HKT Trust
        rec = (table.get(hit.code) or table.by_rmb_counter(hit.code)) if hit.code else None
        warning = hit.warning
        if hit.code is None and len(hit.codes) > 1:
            warning = (
                f"{prep.text[hit.start:hit.end]!r} may mean {' or '.join(hit.codes)}; "
                "not counted as a mention"
            )
        role = _role(prep, hit, _is_broker(table, hit.code, brokers))
        if role == "subject":
            role = _listing_role(prep, hit, rec)
        # (positional, in Entity's field order: a named tuple made by keywords costs ~2.5x)
        out.append(
            Entity(
                hit.code,  # code
                rec.name if rec else None,  # name
                rec.name_zh if rec else None,  # name_zh
                prep.text[hit.start : hit.end],  # text
                hit.start,
                hit.end,
                role,
                warning,
                hit.codes,  # codes
            )
        )
    return out


def find_mentions(
    prep: Prepared, table: SecurityTable, date: str | None = None
) -> tuple[list[Mention], list[str]]:
    """Mentions (securities talked about, in text order) and warnings."""
    return mentions_from_entities(find_entities(prep, table, date))


def mentions_from_entities(entities: list[Entity]) -> tuple[list[Mention], list[str]]:
    """The mentions among entities already found: subjects with a code; and the warnings."""
    mentions: list[Mention] = []
    warnings: list[str] = []
    for ent in entities:
        if ent.warning and ent.warning not in warnings:
            warnings.append(ent.warning)
        if ent.code is None or ent.role not in ("subject", "listed_elsewhere"):
            continue
        mentions.append(
            Mention(
                code=ent.code,
                name=ent.name,
                text=ent.text,
                start=ent.start,
                end=ent.end,
                name_zh=ent.name_zh,
            )
        )
    return mentions, warnings
