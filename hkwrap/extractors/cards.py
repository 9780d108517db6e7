"""Index cards: a data vendor's block for one index, a line naming it (perhaps with its level
and change) and, indented under it, one labelled figure a line::

    恒生指数：16,961.54（-0.71%）
      涨跌点数：-120.57
      最高：17,131.08
      振幅：1.37%

Read as sentences, the labelled lines name no index, so the binder cannot place their
figures; here they are the card's: the change in points joins the level, the open and the
day's extremes are moves of their own. Label words live in ``lexicon/market.yaml`` (``card_*``)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from hkwrap import data, patterns
from hkwrap.extractors.moves import Move, Num
from hkwrap.extractors.tokens import Subject
from hkwrap.text.fold import fold
from hkwrap.text.lexicon import Lexicon
from hkwrap.text.prepare import Prepared

if TYPE_CHECKING:
    import regex

    _Line = tuple[str, int, regex.Match[str]]  # a card line: its kind, where its figures start, their match
    # a card: its index, its head line's match and start, its labelled lines, where it ends
    _Card = tuple[str, regex.Match[str], int, list[tuple[int, regex.Match[str]]], int]

_FIGURE = r"[+\-]?\d[\d,]{0,15}(?:\.\d{1,4})?"  # bounded repeats: linear on any line
_PCT = r"[+\-]?\d{1,3}(?:\.\d{1,4})?"
# The card's first line: the index's name alone, or with its level and its percent in brackets.
_HEAD = patterns.compile(
    rf"\s{{0,4}}(?P<name>[^\d\s:：|][^\d:：|]{{0,30}}?)\s{{0,4}}"
    rf"(?:[:：]\s{{0,4}}(?P<level>{_FIGURE})(?:\s{{0,2}}点)?(?:\s{{0,4}}[(（](?P<pct>{_PCT})\s?%[)）])?)?\s{{0,4}}"
)
# A card line: indented, a label, a colon, then its figure (a unit, a bracketed percent or
# another cell may follow: "成交额：402.15亿港元", "今开：25,011.20（+0.16%）").
_LINE = patterns.compile(r"\s{1,8}(?P<label>[^\d\s:：][^\d:：]{0,15}?)\s{0,4}[:：]\s{0,4}(?P<rest>.{0,60})")
_VALUE = patterns.compile(
    rf"(?P<n>{_FIGURE})(?P<unit>\s?%)?(?:\s{{0,2}}点)?(?:\s{{0,4}}[(（](?P<pct>{_PCT})\s?%[)）])?\s{{0,4}}$"
)
# What a card's labels say (market.yaml): the level, the change in points (perhaps with its
# percent in brackets), the percent, the open, a day's extreme.
_KINDS = ("card_level", "card_change", "card_pct", "card_open", "card_extreme")
# A card is at most this many labelled lines under its head (a vendor's card holds a dozen).
_CARD_LINES = 16
# A card's line is short: an indent, a label and a figure with its unit and bracket (the
# patterns below stop well within this).
_CARD_LINE_CHARS = 100


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    """Folded label -> what it says (one of ``_KINDS``)."""
    words = data.load()["lexicon"]["market"]
    return {fold(w): kind for kind in _KINDS for w in words[kind]}


def index_cards(prep: Prepared, lexicon: Lexicon) -> list[Move]:
    """The moves of every index card in the text with at least one labelled figure read."""
    labels = _labels()
    moves: list[Move] = []
    for index_id, head, start, lines, end in _cards(prep, lexicon):
        card: list[_Line] = []
        for line_start, m in lines:
            kind = labels.get(m["label"].strip())
            value = _VALUE.match(m["rest"]) if kind is not None else None
            if kind is not None and value is not None:
                card.append((kind, line_start + m.start("rest"), value))
        if card:
            moves.extend(_card_moves(index_id, head, start, card, end))
    return moves


def in_index_card(prep: Prepared, lexicon: Lexicon, pos: int) -> bool:
    """Is ``pos`` on a labelled line of an index's card ("  成交额：402.15亿港元" indented under
    "恒生指数：16,961.54（-0.71%）")? Such a line's figure is the index's own, not the market's."""
    starts = prep.once("card_line_starts", lambda: {at for *_, lines, _ in _cards(prep, lexicon) for at, _ in lines})
    return prep.text.rfind("\n", 0, pos) + 1 in starts


def _cards(prep: Prepared, lexicon: Lexicon) -> list[_Card]:
    """Every index card of the text (found once per text): the index, its head line's match and
    start, its labelled lines (start, match) and where the last of them ends."""
    return prep.once("index_cards", lambda: _find_cards(prep, lexicon))


def _find_cards(prep: Prepared, lexicon: Lexicon) -> list[_Card]:
    lines = list(_short_lines(prep))
    cards: list[_Card] = []
    i = 0
    while i < len(lines):
        start, line = lines[i]
        head = _HEAD.fullmatch(line) if line.strip() and not line[:1].isspace() else None
        index_id = lexicon.index_of(head["name"].strip()) if head is not None else None
        if head is None or index_id is None or index_id.startswith("@"):
            i += 1
            continue
        labelled: list[tuple[int, regex.Match[str]]] = []
        j = i + 1
        while j < len(lines) and j - i <= _CARD_LINES and (m := _LINE.fullmatch(lines[j][1])) is not None:
            labelled.append((lines[j][0], m))
            j += 1
        if labelled:
            cards.append((index_id, head, start, labelled, lines[j - 1][0] + len(lines[j - 1][1])))
        i = j
    return cards


def _short_lines(prep: Prepared) -> Iterator[tuple[int, str]]:
    """(start, folded line) for each line of the text as written (the folded text joins a line
    it takes for wrapped to the one before; offsets are the same in both). A line too long to
    be a card's is given empty, so a long text is never copied line by line."""
    text, folded = prep.text, prep.folded
    pos = 0
    while pos <= len(text):
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        yield pos, folded[pos:stop] if stop - pos <= _CARD_LINE_CHARS else ""
        pos = stop + 1


def _num(m: regex.Match[str], group: str, offset: int) -> Num:
    """The figure of ``group`` in ``m`` (a match inside a line that starts at ``offset``)."""
    return Num(float(m[group].replace(",", "")), "exact", offset + m.start(group), offset + m.end(group))


def _card_moves(index_id: str, head: regex.Match[str], start: int, card: list[_Line], end: int) -> list[Move]:
    """The day's move (the head's level and percent, the change lines' points) and one move
    each for the open and the extremes."""
    name_start = start + head.start("name")
    name = head["name"].strip()

    def subject() -> Subject:
        return Subject("index", index_id, name_start, name_start + len(name))

    day = Move([subject()], (start, end))
    if head["level"] is not None:
        day.level = _num(head, "level", start)
    if head["pct"] is not None:
        day.pcts.append(_num(head, "pct", start))
    others: list[Move] = []
    for kind, at, v in card:
        line_end = at + len(v.group())
        if kind == "card_level" and day.level is None and not v["unit"]:
            day.level = _num(v, "n", at)
        elif kind == "card_change" and not v["unit"]:
            day.points.append(_num(v, "n", at))
            if v["pct"] is not None and not day.pcts:
                day.pcts.append(_num(v, "pct", at))
        elif kind in ("card_change", "card_pct") and v["unit"] and not day.pcts:
            day.pcts.append(_num(v, "n", at))
        elif kind in ("card_open", "card_extreme") and not v["unit"]:
            move = Move([subject()], (at, line_end))
            move.level = _num(v, "n", at)
            if v["pct"] is not None:
                move.pcts.append(_num(v, "pct", at))
            move.session, move.session_explicit = ("open" if kind == "card_open" else "intraday"), True
            others.append(move)
    if not (day.points or others or (day.pcts and head["pct"] is None) or (day.level is not None and head["level"] is None)):
        return []  # nothing the head line does not say already: the binder's reading stands
    return ([day] if day.level is not None or day.pcts or day.points else []) + others
