"""Days and moments a sentence names before the binder reads it: a recap of yesterday, a
time stamp line, and the date patterns the binder asks about."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING

from hkwrap import patterns
from hkwrap.extractors.dates import _calendar, is_earlier_issue_heading
from hkwrap.extractors.moves.cues import (
    _LUNCH_FROM,
    _LUNCH_TO,
    _STAMP_LINE,
    _TRADING_FROM,
    _TRADING_TO,
)
from hkwrap.extractors.moves.records import BindState
from hkwrap.extractors.tokens import Token
from hkwrap.text.prepare import Prepared

if TYPE_CHECKING:
    import regex

# How far apart an index name and a day word stand when the word dates the index's move
# ("恒指昨日高開", "昨日恒指", "The Hang Seng Index yesterday rose").
_DAY_WORD_REACH = 2
# ... or with the day's own date in brackets between ("昨日（9月25日）港股", "昨日（周三）恒指"):
# the longest such bracket, "（12月31日）", and a space
_DATED_DAY_WORD_REACH = 10


@functools.cache
def _month_numbers() -> dict[str, int]:
    """Folded month names and abbreviations to their numbers (dates.yaml)."""
    from hkwrap import data

    months = data.load()["lexicon"]["dates"]["months"]
    return {w: int(n) for n, names in months.items() for w in names}


@functools.cache
def _date_after() -> regex.Pattern:
    """" on April 7", " on 7 April": a day and month right after a figure."""
    names = "|".join(sorted(_month_numbers(), key=lambda w: (-len(w), w)))
    return patterns.compile(
        rf",?\s(?:on\s)?(?:(?P<mon>{names})\.?\s(?P<d>[0-3]?\d)(?:st|nd|rd|th)?|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s(?P<mon2>{names}))\b"
    )


@functools.cache
def _dated_day() -> regex.Pattern:
    """"on March 15", "on 15 March": a day and a month in English, with no year (a figure
    after the day is no date: "on March 15%")."""
    names = "|".join(sorted(_month_numbers(), key=lambda w: (-len(w), w)))
    return patterns.compile(
        rf"\bon\s(?:(?P<mon>{names})\.?\s(?P<d>[0-3]?\d)(?:st|nd|rd|th)?|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s(?P<mon2>{names})\b)"
        r"(?![\d%]|[.,]\d|,?\s(?:19|20)\d\d)"
    )


# The longest when-clause read before its figure: "when a softer-than-expected US inflation
# print sent the benchmark up " (64 characters) and some to spare.
_WHEN_CLAUSE_CHARS = 80


@functools.cache
def _when_after_date() -> regex.Pattern:
    """A date, then a when-clause that runs on to the end of the text searched: "the low it
    hit on July 28, when it tumbled ", "back in 2008, when the index lost ", "thanks to
    Wednesday, when a soft inflation print sent the benchmark up " (the clause's figures are
    that day's or that year's)."""
    names = "|".join(sorted(_month_numbers(), key=lambda w: (-len(w), w)))
    days = "|".join(_calendar()["en_weekdays"])  # (longest first)
    return patterns.compile(
        rf"\b(?:(?:(?P<mon>{names})\.?\s(?P<d>[0-3]?\d)(?:st|nd|rd|th)?|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s(?P<mon2>{names}))(?:,?\s(?P<y2>(?:19|20)\d\d))?"
        rf"|in\s(?P<y>(?:19|20)\d\d)|(?P<wd>{days})),\swhen\s[^,;.:]{{0,{_WHEN_CLAUSE_CHARS}}}$"
    )


# The year of a date in English ends _dated_year's match, after a space: a sentence without
# one is not searched (the pattern is tried at each of its words otherwise, ~2% of a run).
_SPACE_YEAR = patterns.compile(r"\s(?:19|20)\d\d\b")


@functools.lru_cache(maxsize=1)
def _dated_year() -> regex.Pattern:
    """"On 24 October 2008,", "on Oct. 24, 2008": a day, a month and a year in English."""
    names = "|".join(sorted(_month_numbers(), key=lambda w: (-len(w), w)))
    return patterns.compile(
        rf"\b(?:(?P<mon>{names})\.?\s[0-3]?\d(?:st|nd|rd|th)?,?|[0-3]?\d(?:st|nd|rd|th)?\s(?P<mon2>{names})\.?,?)\s(?P<y>(?:19|20)\d\d)\b"
    )


def recap_of_yesterday(sentences: Iterable[list[Token]]) -> bool:
    """Is an undated report a next-morning recap? It dates the index's own move "yesterday"
    (恒指昨日高開 156 點) and never "today", but in a forecast (今日港股有望高開)."""
    yesterday = today = False
    for tokens in sentences:
        forecast = any(t.has("modal") for t in tokens)
        # "昨天 (Tue) 科指还 +2.3%，今天全吐回去一大半": the index's yesterday set against its today
        if not forecast and any(t.has("today") for t in tokens) and any(
            t.word is not None and t.has("yesterday") for t in tokens
        ) and any(t.subject is not None and t.subject.kind == "index" and not t.subject.id.startswith("@") for t in tokens):
            today = True
        if not forecast and tokens and tokens[0].word is not None and tokens[0].has("today"):
            # "今天下午，港股突然跳水": the day, perhaps a session, then the index, heading the sentence
            head = next((t for t in tokens[1:] if t.word is None or t.role_kind("session") is None), None)
            if head is not None and head.subject is not None and head.subject.kind == "index" and not head.subject.id.startswith("@"):
                today = True
        for k, tok in enumerate(tokens):
            # "昨日（9月25日）港股延续强势": the day's own date in brackets between the word and
            # the index
            if tok.word is not None and tok.has("yesterday") and not forecast:
                after = next((t for t in tokens[k + 1:] if not (t.qty is not None or t.role_kind("weekday"))), None)
                if (
                    after is not None and after.subject is not None and after.subject.kind == "index"
                    and not after.subject.id.startswith("@") and after.start - tok.end <= _DATED_DAY_WORD_REACH
                    and after is not tokens[k + 1]
                ):
                    yesterday = True
        for prev, tok in pairwise(tokens):
            if tok.start - prev.end > _DAY_WORD_REACH:
                continue
            pair = (prev, tok)
            subject = next((t for t in pair if t.subject is not None and t.subject.kind == "index"), None)
            word = next((t for t in pair if t.word is not None), None)
            if subject is not None and word is not None and not subject.subject.id.startswith("@"):
                yesterday = yesterday or word.has("yesterday")
                today = today or (word.has("today") and not forecast)
            elif (
                # "港股三大指数今日集体收涨": the market, its indices, then the day
                word is not None and word is tok and word.has("today") and not forecast
                and prev.subject is not None and prev.subject.kind == "index"
                and any(t.subject is not None and t.subject.weak and prev.start - t.end <= _DAY_WORD_REACH for t in tokens)
            ):
                today = True
    return yesterday and not today




def earlier_issue_heading(prep: Prepared, sentence: tuple[int, int], state: BindState) -> bool:
    """Is the sentence a heading over a quoted earlier issue? Then the figures under it, to the
    next blank line, are that issue's, not the day's: the binder reads none of them (as under
    a period's heading, ``state.period_block_at``)."""
    if not is_earlier_issue_heading(prep.folded, *sentence):
        return False
    state.period_block_at, state.period_block_closes = sentence[1], False
    return True


def note_stamp(prep: Prepared, sentence: tuple[int, int], state: BindState) -> None:
    """A line that is only a time of day ("15:31" above a flash): the next sentence is a
    reading of that moment, intraday (at noon, the midday). (And a heading of no figure over
    a quoted earlier issue: :func:`earlier_issue_heading`.)"""
    if earlier_issue_heading(prep, sentence, state):
        return
    m = _STAMP_LINE.fullmatch(prep.folded, *sentence)
    if m is None:
        return
    hour, minute = int(m.group(1)), int(m.group(2))
    if _TRADING_FROM <= (hour, minute) < _TRADING_TO:
        state.stamp_session = "midday" if _LUNCH_FROM <= (hour, minute) < _LUNCH_TO else "intraday"
