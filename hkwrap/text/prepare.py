"""Prepare a report for the extractors: fold it, blank out what is not the report's own text,
and split it into sentences. Offsets everywhere refer to the original text.

What is blanked (replaced by spaces in the folded copy, so nothing there is extracted):
- everything before ``body_start`` (front matter);
- web addresses, and Markdown link lists ("- [Title](https://...)");
- "Related stocks / Related news" blocks and the like;
- a line that ends in a citation marker such as ``[2]``: the title of a cited article, often
  about another day; so is a short line ending in a bracketed date, unless it is the report's
  own title (its first line);
- a run of digits too long to be any figure a report states (an ID, a hash, noise).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from hkwrap import patterns
from hkwrap.model import Evidence
from hkwrap.plain import record
from hkwrap.text.fold import fold
from hkwrap.text.wrap import ABBREVIATIONS as _ABBREV
from hkwrap.text.wrap import soft_breaks

# The longest figure a report writes, 10^18 with thousands separators and decimals, is under
# 32 characters; a longer run of digits is not a number (and would overflow int parsing).
MAX_NUMBER_CHARS = 32
_DIGIT_RUN = patterns.compile(rf"\d[\d,.]{{{MAX_NUMBER_CHARS},}}")
# A web address, bare or inside Markdown's (...) link target.
_URL = patterns.compile(r"https?://[^\s)\]>]+")
# One Markdown link list item: "- [anything](target)" with nothing else but spaces after it.
_LINK_ITEM = patterns.compile(r"(?:^|(?<=\s))[-*+]\s+\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)")
# How far after a link list's last item the next may start: a line break and two spaces of indent.
_LINK_ITEM_GAP = 3
# Headings that open a block of links rather than report text (perhaps in 【】: 【相關新聞】).
_LINK_HEADINGS = (
    r"related\s(?:stocks|news|articles|reading|research)"
    r"|read\smore|more\snews|you\smay\salso\slike|most\s(?:popular|read)|trending|top\sstories"
    r"|相关(?:股票|新闻|文章|报道|阅读)|延伸阅读|热门新闻|热门文章|推荐阅读|更多新闻"
)
_RELATED = patterns.compile(
    rf"(?:^|(?<=[\s*_]))(?:#{{1,6}}\s*)?【?(?:{_LINK_HEADINGS})"
    r"】?[^\n]{0,40}?(?=\s[-*+]\s\[|\s?[:：]?[*_]{0,2}\s?\[|\n|$)"
)
# A line that is a link label and the linked article's headline on one line: "Related: Hang
# Seng ends up 1.1% as property stocks rebound (Jan 20)", "延伸閱讀：恒指三連升" (one of the
# headings above, or a bare "Related", "See also", "Also read").
_LABELLED_HEADLINE = patterns.compile(
    rf"(?m)^[ \t>*_-]*(?:related|see\salso|also\sread|{_LINK_HEADINGS})"
    r"\s?[:：][ \t]*[^\s\[][^\n]{0,200}$"
)
# A publisher's tag in lenticular brackets: 【Now 新聞台】, 【i-Cable 有線新聞】 (a company's
# name there is the newsroom, not a security talked about). Tags with digits are datelines;
# one with a magnitude is a flash's title (【南向资金今日净买入逾百亿港元】).
_PUBLISHER_TAG = patterns.compile(r"【[^】\n\d亿万%]{1,20}】")
# A link written in line after such a heading: "：[title](target)".
_INLINE_LINK = patterns.compile(r"\s?[:：]?[*_]{0,2}\s?\[[^\]\n]{0,300}\](?:\([^)\n]{0,500}\))?")
# A subtitle file's (SRT, WebVTT) cue: its number on a line of its own, then its timing line.
_SUBTITLE_CUE = patterns.compile(
    r"(?m)^(?:[ \t]*\d{1,6}[ \t]*\n)?[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}[ \t]*-->[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}[^\n]{0,60}$"
)
# A line ending in a citation marker: "... New High[2]." (the title of a cited article; a
# paragraph that cites sources all along, "...跌幅1.82% [1][2] - ...", is report text).
_CITED_LINE = patterns.compile(r"(?m)^(?:(?!\[\d{1,3}\])[^\n]){0,400}\[\d{1,3}\][.。]?[ \t]*$")
# A short line ending in a bracketed date: "港股收评｜恒指涨0.2%（8月11日）", "- HSI Close: Up
# 0.4% at 24,050 (2025/04/01)" (a headline of another day's article). The report's own title,
# its first line, is not one: there the bracketed date is the report's own day ("[吹水台]
# 2024-09-24 收市 round-up (24/9)", "港股收評：恒指升1%（5月3日）"). A day and month written
# with a dot ("(8.11)") is a decimal instead after a column of figures: a table row's last
# cell ("Hang Seng  19,876.52  (215.30)  (1.07)", "HSI  25,310.22  +185.71  (0.74)").
_DATED_HEADLINE = patterns.compile(
    r"(?m)^[^\n]{0,100}\((?:\d{1,2}\s?月\s?\d{1,2}\s?日|20\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]20\d\d"
    r"|\d{1,2}[-/]\d{1,2}|(?<![\d)%][ \t]{1,40}\()\d{1,2}\.\d{1,2})\)[ \t]*$"
)

# A line after a "Related news" heading that is this short is a headline, not report text.
_HEADLINE_MAX = 60
# ... or this short when it is a list item ("» Alibaba soars 8pc on AI model launch").
_LISTED_HEADLINE_MAX = 150
_LIST_MARK = patterns.compile(r"[»·•▪\-*+]|\d{1,2}[.)]\s")

# Sentence ends. "." ends a sentence only before white space and not after an abbreviation.
# Semicolons do not end a sentence: the clause after one often keeps its subject unsaid
# (恒指低開 302 點；收市跌 1,105 點).
# Sentence ends: a line break, a full stop, a bullet, or a wire's " ** " between items.
_DOT_LEADER = "..."  # (three or more dots)
_HARD_BREAK = patterns.compile(r"\n|[。！？!?▪•●■◆]|(?<=[.])\s+|(?<=\s)\*\*(?=\s)")


@record()
class Prepared:
    """A report ready for extraction.

    ``text``: the original decoded text. ``folded``: the same length, folded (see ``fold``),
    with blanked regions replaced by spaces. ``sentences``: (start, end) spans of the
    sentences, in order, skipping blank ones. (A plain record: hkwrap/plain.py says why.)
    """

    __match_args__ = ("text", "folded", "sentences", "long_sentences", "_line_starts", "_memo")
    __slots__ = __match_args__

    def __init__(
        self, text: str, folded: str, sentences: list[tuple[int, int]] | None = None, long_sentences: int = 0,
    ) -> None:
        self.text = text
        self.folded = folded
        self.sentences = [] if sentences is None else sentences
        self.long_sentences = long_sentences  # sentences cut into pieces of at most MAX_SENTENCE_CHARS
        self._line_starts: list[int] = []
        self._memo: dict[str, Any] = {}

    def quantities(self, start: int, end: int) -> list:
        """The quantities inside a sentence span. The whole text is scanned once (one
        pattern pass is far cheaper than one per sentence); spans are bisected out of it."""
        if "q" not in self._memo:
            from hkwrap.numbers import scan, shared_units

            found = _without_nested(shared_units(list(scan(self.folded)), self.folded))
            self._memo["q"] = (found, [q.start for q in found])
        return inside(*self._memo["q"], start, end)

    def words(self, lexicon: object, start: int, end: int) -> list:
        """The lexicon words inside a sentence span, from one scan of the whole text."""
        if "w" not in self._memo:
            found = lexicon.scan(self.folded, 0, len(self.folded))  # type: ignore[attr-defined]
            self._memo["w"] = (found, [w.start for w in found])
        return inside(*self._memo["w"], start, end)

    def scanned_words(self) -> list:
        """Every lexicon word of the text, once :meth:`words` has scanned it (else none)."""
        return self._memo["w"][0] if "w" in self._memo else []

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        """``make()``, computed once for this text: a reading several steps ask for (the
        date matches, a breadth table's rows)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def line_of(self, offset: int) -> int:
        """1-based line number of ``offset``; LF, CRLF and a lone CR each end a line."""
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in _LINE_END.finditer(self.text)]
        return bisect.bisect_right(self._line_starts, offset)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for the span, trimmed of surrounding white space and bullets. The facts
        of one sentence share one (immutable) record, so a long report holds each sentence's
        text once rather than once per fact."""
        cache = self._memo.setdefault("ev", {})
        found = cache.get((start, end))
        if found is None:
            found = cache[(start, end)] = self._evidence(start, end)
        return found

    def _evidence(self, start: int, end: int) -> Evidence:
        while start < end and (self.text[start].isspace() or self.text[start] in "▪•●■◆-*"):
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Evidence(self.text[start:end], start, end, self.line_of(start))


def _without_nested(quantities: list) -> list:
    """``quantities`` (in text order) without any that lies inside a longer one: the scanner's
    passes may each read a piece of one figure ("兩個percent" whole, and its "兩" on its own)."""
    out: list = []
    reach = -1  # the furthest end of a figure kept so far
    for q in sorted(quantities, key=lambda q: (q.start, -q.end)):
        if q.end <= reach:
            continue
        out.append(q)
        reach = q.end
    return out


def inside(items: list, starts: list[int], start: int, end: int) -> list:
    """The items (spans sorted by start, ``starts`` their starts) that lie within ``[start, end)``."""
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return [x for x in items[lo:hi] if x.end <= end]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character inside ``spans`` but a line break turned into a space.

    Built from slices, not from a list of characters: a list costs 8 bytes a character plus an
    object for every CJK character (tens of MB for one long report)."""
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        out.append(text[pos:start])
        out.append("\n".join(" " * len(part) for part in text[start:end].split("\n")))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _first_line_start(folded: str, body_start: int) -> int:
    """Where the body's first non-blank line starts (the report's title), or -1."""
    m = _NON_BLANK_LINE.search(folded, body_start)
    return m.start() if m is not None else -1


_NON_BLANK_LINE = patterns.compile(r"(?m)^[ \t]*\S")


def mask(folded: str, body_start: int = 0) -> str:
    """Blank out the parts of ``folded`` that are not the report's own text."""
    spans: list[tuple[int, int]] = [(0, body_start)]
    for m in _CITED_LINE.finditer(folded):
        spans.append((m.start(), m.end()))
    title = _first_line_start(folded, body_start)
    for m in _DATED_HEADLINE.finditer(folded):
        if m.start() != title:
            spans.append((m.start(), m.end()))
    for m in _PUBLISHER_TAG.finditer(folded):
        spans.append((m.start(), m.end()))
    for m in _LABELLED_HEADLINE.finditer(folded):
        spans.append((m.start(), m.end()))
    for m in _RELATED.finditer(folded):
        # The heading and the link list that follows it; or, where the heading ends its line,
        # the short lines after it up to a blank or a long line (a list of headlines).
        end = m.end()
        if end < len(folded) and folded[end] == "\n":
            pos = end + 1
            while pos < len(folded):  # skip blank lines right under the heading
                nl = folded.find("\n", pos)
                nl = len(folded) if nl < 0 else nl
                if folded[pos:nl].strip():
                    break
                pos = nl + 1
            while pos < len(folded):
                nl = folded.find("\n", pos)
                nl = len(folded) if nl < 0 else nl
                line = folded[pos:nl].strip()
                limit = _LISTED_HEADLINE_MAX if _LIST_MARK.match(line) else _HEADLINE_MAX
                if not line or len(line) > limit:
                    break
                end = nl
                pos = nl + 1
        inline = _INLINE_LINK.match(folded, end)
        if inline:
            end = inline.end()  # 相关文章：[港股收评：恒指涨0.4%](https://...)
        while True:
            nxt = _LINK_ITEM.match(folded, end + (1 if end < len(folded) and folded[end] in " \n" else 0))
            if not nxt:
                nxt = _LINK_ITEM.search(folded, end, min(len(folded), end + _LINK_ITEM_GAP))
            if not nxt:
                break
            end = nxt.end()
        spans.append((m.start(), end))
    for pattern in (_LINK_ITEM, _URL, _DIGIT_RUN):
        spans.extend((m.start(), m.end()) for m in pattern.finditer(folded))
    if "-->" in folded:
        # a subtitle file's cue numbers and timings: no text of the report, so a sentence cut
        # across two cues ("恒指收市跌218點" / "報26,487點，跌幅0.82%") reads on
        spans.extend((m.start(), m.end()) for m in _SUBTITLE_CUE.finditer(folded))
    return _blank(folded, spans)


def split_sentences(text: str, folded: str) -> list[tuple[int, int]]:
    """Sentence spans of ``folded`` (blank ones dropped)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _HARD_BREAK.finditer(folded):
        if m.group().isspace() and "\n" not in m.group():
            # after a full stop: not a break after an abbreviation, a single initial, or
            # before a lower-case continuation.
            dot = m.start() - 1
            word_start = dot
            while word_start > 0 and (folded[word_start - 1].isalpha() or folded[word_start - 1] == "."):
                word_start -= 1
            word = folded[word_start:dot]
            nxt = text[m.end()] if m.end() < len(text) else ""
            digit_split = dot > 0 and folded[dot - 1].isdigit() and nxt.isdigit()  # "106. 67"
            # a dot leader between a row's label and its figure: "HSI ........ 19,220.62"
            leader = folded.endswith(_DOT_LEADER, 0, m.start()) and nxt.isdigit()
            if word in _ABBREV or len(word) == 1 or (nxt and nxt.islower()) or digit_split or leader:
                continue
        # a full stop or 。 belongs to its sentence; a bullet or line break to neither
        end = m.start() if m.group().isspace() or m.group() in ("▪", "•", "●", "■", "◆", "**") else m.end()
        if folded[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if folded[start:].strip():
        spans.append((start, len(folded)))
    return spans


# The most one sentence may hold. Binding reads a sentence's tokens against each other, so a
# run-on "sentence" (a megabyte with no full stop, a clause repeated thousands of times) is cut
# at clause breaks to keep the work per character bounded; real sentences are far shorter.
MAX_SENTENCE_CHARS = 2_000
_CLAUSE_BREAK = patterns.compile(r"[,;，；、]")


def _bounded(spans: list[tuple[int, int]], folded: str) -> list[tuple[int, int]]:
    """``spans`` with every span longer than ``MAX_SENTENCE_CHARS`` cut at its last clause
    break before the limit (or at the limit, when there is none)."""
    if all(e - s <= MAX_SENTENCE_CHARS for s, e in spans):
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > MAX_SENTENCE_CHARS:
            limit = s + MAX_SENTENCE_CHARS
            cut = max((m.end() for m in _CLAUSE_BREAK.finditer(folded, limit - MAX_SENTENCE_CHARS // 2, limit)), default=limit)
            out.append((s, cut))
            s = cut
        if folded[s:e].strip():
            out.append((s, e))
    return out


# Line ends as text files write them: LF (Unix), CRLF (Windows), a lone CR (old Mac, some feeds).
_LINE_END = patterns.compile(r"\r\n|\r|\n")
_LONE_CR = patterns.compile(r"\r(?!\n)")


def prepare(text: str, body_start: int = 0) -> Prepared:
    """Fold, blank and split ``text``; ``body_start`` skips front matter. A lone CR ends a line
    as LF does (it reads as LF, one character for one, so offsets hold)."""
    lf = _LONE_CR.sub("\n", text) if "\r" in text else text
    folded = mask(fold(lf), body_start)
    soft = soft_breaks(lf)
    if soft:
        # a line break inside a sentence (hard-wrapped text) reads as a space
        pieces: list[str] = []
        pos = 0
        for at in sorted({a for a in soft if a >= body_start}):
            pieces += (folded[pos:at], " ")
            pos = at + 1
        folded = "".join(pieces) + folded[pos:]
    spans = split_sentences(text, folded)
    bounded = _bounded(spans, folded)
    return Prepared(text=text, folded=folded, sentences=bounded, long_sentences=len(bounded) - len(spans))
