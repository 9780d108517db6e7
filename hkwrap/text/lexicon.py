"""Vocabulary lookup: every lexicon word and index name in a span of folded text, in one pass.

The words come from ``hkwrap/data/lexicon/{en,zh}.yaml`` and ``indices.yaml`` (compiled to
JSON). One Aho-Corasick automaton (leftmost-longest) finds them all; Latin words must stand on
word boundaries. A word can carry several roles: 收報 is both a level marker and a close.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

import ahocorasick_rs as ac

from hkwrap import data
from hkwrap.text.fold import fold

# The roles of a direction word, which is no word of its own as a hyphenated compound's tail.
_DIRECTION_ROLES = frozenset({"up", "down"})


@lru_cache(maxsize=8192)
def role_kind(roles: frozenset[str], prefix: str) -> str | None:
    """For roles like "session:close", the kind ("close") of the role named ``prefix`` in
    ``roles`` (the lexicon gives a word one such role at most), else None. Cached per set of
    roles: a report's words share a few hundred sets (each frozenset keeps its hash), and the
    extractors ask the same questions of every word."""
    head = prefix + ":"
    for r in roles:
        if r.startswith(head):
            return r[len(head):]
    return None


class Word(NamedTuple):
    """A lexicon hit: ``roles`` like {"down", "session:close", "index:HSI"}. (A named tuple:
    one is made per word found, and a frozen dataclass costs ~0.5 ms of every start to define
    and about three times as much to make.)"""

    roles: frozenset[str]
    start: int
    end: int


class IndexScale(NamedTuple):
    """What numbers an index's moves are made of (``scale`` in indices.yaml)."""

    level_min: float = 1000.0  # below this a number is never the index's level
    level_floor: float = 2000.0  # unsigned points at or above this are a level, not a change
    points_max: float = 4000.0  # no day moves the index by more points
    levels: tuple[float, float] = (0.0, float("inf"))  # where its support/resistance may stand

    @classmethod
    def from_data(cls, raw: dict | None) -> IndexScale:
        if not raw:
            return cls()
        default = cls()
        lo, hi = raw.get("levels", default.levels)
        return cls(
            float(raw.get("level_min", default.level_min)),
            float(raw.get("level_floor", default.level_floor)),
            float(raw.get("points_max", default.points_max)),
            (float(lo), float(hi)),
        )


class IndexInfo(NamedTuple):
    id: str
    name: str
    name_zh: str
    context_not: tuple[str, ...]
    needs_verb: frozenset[str] = frozenset()  # aliases that name the index only before a verb
    scale: IndexScale = IndexScale()


def vocabulary(compiled: Mapping[str, Any], fold_word: Callable[[str], str] = fold) -> dict[str, Any]:
    """Every folded word of the lexicon files and index aliases with its roles, longest word
    first (then in code-point order): ``{"words": [...], "roles": [[role, ...], ...]}``.
    ``make data`` stores it in ``compiled.json`` (folding with the map it compiles), so a run
    does not fold ~2,000 words again; ``Lexicon`` works it out itself when it is missing."""
    roles: dict[str, set[str]] = {}

    def add(word: str, role: str) -> None:
        w = fold_word(word).strip()
        if w:
            roles.setdefault(w, set()).add(role)

    for lang in ("en", "zh"):
        # A list gives its key as the role ("down"); a mapping gives "key:kind"
        # ("qualifier:over", "session:close").
        for role, words in compiled["lexicon"].get(lang, {}).items():
            if isinstance(words, dict):
                for kind, kind_words in words.items():
                    for w in kind_words:
                        add(w, f"{role}:{kind}")
            else:
                for w in words:
                    add(w, role)
    for entry in compiled.get("indices", []):
        for alias in entry.get("aliases", []):
            add(alias, f"index:{entry['id']}")
        for label in entry.get("labels", []):
            add(label, f"index_label:{entry['id']}")
    words = sorted(roles, key=lambda w: (-len(w), w))
    return {"words": words, "roles": [sorted(roles[w]) for w in words]}


# The whole vocabulary's automaton (~2,600 words) takes ~6.5 ms to build, more than a short
# report's whole scan. Until a run has scanned this many characters, each text is scanned with
# an automaton of only the words it holds, which costs about 1 microsecond a character to find
# and build (~1 ms for a 700-character Chinese report): past this, the small automata would
# have cost about as much as one whole build, which then serves the rest of the run. (The same
# trade as the securities matcher's, hkwrap/securities/matcher.py.)
FULL_AUTOMATON_AFTER_CHARS = 8_000


class Lexicon:
    """The compiled vocabulary and its automaton."""

    def __init__(self) -> None:
        compiled = data.load()
        vocab = compiled.get("vocabulary") or vocabulary(compiled)
        self.indices: dict[str, IndexInfo] = {}
        for entry in compiled.get("indices", []):
            self.indices[entry["id"]] = IndexInfo(
                entry["id"], entry.get("name", ""), entry.get("name_zh", ""),
                tuple(fold(w) for w in entry.get("context_not", [])),
                frozenset(fold(w) for w in entry.get("needs_verb", [])),
                IndexScale.from_data(entry.get("scale")),
            )
        self.words: list[str] = vocab["words"]
        # one frozenset per distinct set of roles (~130 for ~3,000 words): made once each, and
        # role_kind's cache, keyed by the set, sees the same object for every word that has it
        shared: dict[tuple[str, ...], frozenset[str]] = {}
        self.roles = [
            shared[key] if (key := tuple(r)) in shared else shared.setdefault(key, frozenset(r))
            for r in vocab["roles"]
        ]
        self._latin = [w[0].isascii() and w[0].isalnum() for w in self.words]
        # a direction word (up, down) is no word of its own as a compound's hyphenated tail:
        # "the line-up of the committee", "a market round-up", "the slow-down"
        self._hyphen_tail = [latin and bool(r & _DIRECTION_ROLES) for latin, r in zip(self._latin, self.roles, strict=True)]
        self._latin_end = [w[-1].isascii() and w[-1].isalnum() for w in self.words]
        self._index = {w: i for i, w in enumerate(self.words)}
        # The whole vocabulary's automaton is built only once a run has scanned enough text
        # (FULL_AUTOMATON_AFTER_CHARS); until then each text gets one of the words it holds.
        self._whole: ac.AhoCorasick | None = None
        self._firsts: list[str] | None = None  # each word's first character
        self._chars_read = 0
        # the text the last small automaton was built for, with it: its sentences come next
        self._last: tuple[str, ac.AhoCorasick | None, list[int] | None] | None = None

    @property
    def automaton(self) -> ac.AhoCorasick:
        """The automaton of every word, built on first use. The words are longest first, so
        leftmost-first is leftmost-longest (and the automaton builds in about half the time)."""
        if self._whole is None:
            self._whole = ac.AhoCorasick(self.words, matchkind=ac.MatchKind.LeftmostFirst)
            self._last = None
        return self._whole

    def _automaton(self, folded: str) -> tuple[ac.AhoCorasick | None, list[int] | None]:
        """The automaton to scan (a stretch of) ``folded`` with, and the word id of each of its
        words (None when it is the whole vocabulary's). One of the words ``folded`` holds finds
        exactly what the whole one finds in any stretch of it: a word absent from the text
        matches nowhere, and the words keep their order, so the same word wins at every start."""
        if self._whole is None and self._last is not None and self._last[0] is folded:
            return self._last[1], self._last[2]
        self._chars_read += len(folded)
        if self._whole is not None or self._chars_read > FULL_AUTOMATON_AFTER_CHARS:
            return self.automaton, None
        if self._firsts is None:
            self._firsts = [w[0] for w in self.words]
        chars = set(folded)
        words = self.words
        probe = squeeze_spaces(folded)[0] if "  " in folded else folded  # (what scan reads)
        # a word whose first character the text lacks is not in it (a cheap test before ``in``)
        ids = [i for i, first in enumerate(self._firsts) if first in chars and words[i] in probe]
        sub = ac.AhoCorasick([words[i] for i in ids], matchkind=ac.MatchKind.LeftmostFirst) if ids else None
        self._last = (folded, sub, ids)
        return sub, ids

    def index_of(self, folded_word: str) -> str | None:
        """The index id a whole folded word names ("国企指数" -> "HSCEI"), if it is one."""
        idx = self._index.get(folded_word, -1)
        if idx < 0:
            return None
        ids = sorted(r[6:] for r in self.roles[idx] if r.startswith("index:"))
        return ids[0] if ids else None

    def scan(self, folded: str, start: int, end: int) -> list[Word]:
        """Lexicon words in ``folded[start:end]``, in order, without overlaps. A run of spaces
        counts as one space, so a word of several stands across an indented line wrap
        ("a net" / "  sale of HK$2.05bn", joined by the preparation into "a net   sale")."""
        segment = folded[start:end]
        out: list[Word] = []
        automaton, ids = self._automaton(folded)
        if automaton is None:
            return out
        if "  " not in segment:
            self._scan(segment, 0, len(segment), start, out, automaton, ids)
            return out
        squeezed, at, shift = squeeze_spaces(segment)
        self._scan(squeezed, 0, len(squeezed), 0, out, automaton, ids)
        return [Word(w.roles, start + unsqueeze(w.start, at, shift), start + unsqueeze(w.end - 1, at, shift) + 1) for w in out]

    def _scan(
        self, segment: str, lo: int, hi: int, base: int, out: list[Word],
        automaton: ac.AhoCorasick, ids: list[int] | None,
    ) -> None:
        found = automaton.find_matches_as_indexes(segment[lo:hi] if lo or hi < len(segment) else segment)
        if ids is not None:  # a small automaton's word ids are the vocabulary's
            found = [(ids[idx], s, e) for idx, s, e in found]
        for i, (idx, s, e) in enumerate(found):
            s, e = s + lo, e + lo
            if self._latin[idx] and s > 0 and _wordchar(segment[s - 1]):
                continue
            if self._hyphen_tail[idx] and s > 1 and segment[s - 1] == "-" and _wordchar(segment[s - 2]):
                continue
            if self._latin_end[idx] and e < len(segment) and _wordchar(segment[e]):
                # "southbound trading links": the longest word was cut mid-word; a shorter
                # word of the vocabulary may still end on a word boundary
                idx, short_end = self._shorter(segment, s, e)
                if idx >= 0:
                    out.append(Word(self.roles[idx], base + s, base + short_end))
                    continue
                # "the China Enterprises indexes": the rejected word hid a word that starts
                # later ("china enterprises"); read the stretch it covered again
                nxt = found[i + 1][1] + lo if i + 1 < len(found) else hi
                if s + 1 < nxt:
                    self._scan(segment, s + 1, nxt, base, out, automaton, ids)
                continue
            out.append(Word(self.roles[idx], base + s, base + e))

    def _shorter(self, segment: str, s: int, e: int) -> tuple[int, int]:
        """The longest vocabulary word at ``s`` that ends before ``e`` on a word boundary."""
        for k in range(e - 1, s, -1):
            if _wordchar(segment[k - 1]) and not _wordchar(segment[k]):
                idx = self._index.get(segment[s:k], -1)
                if idx >= 0:
                    return idx, k
        return -1, e


def squeeze_spaces(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` with each run of spaces cut to one space, and how to map an offset back
    (:func:`unsqueeze`): the squeezed offset where each cut run's next character now stands,
    and how many spaces had been cut up to there."""
    pos = text.find("  ")
    if pos < 0:
        return text, [], []
    pieces: list[str] = []
    at: list[int] = []
    shift: list[int] = []
    kept = removed = start = 0
    while pos >= 0:
        run_end = pos + 2
        while run_end < len(text) and text[run_end] == " ":
            run_end += 1
        pieces.append(text[start:pos + 1])
        kept += pos + 1 - start
        removed += run_end - pos - 1
        at.append(kept)
        shift.append(removed)
        start = run_end
        pos = text.find("  ", start)
    pieces.append(text[start:])
    return "".join(pieces), at, shift


def unsqueeze(offset: int, at: list[int], shift: list[int]) -> int:
    """The offset in the original text of a character at ``offset`` of its squeezed copy."""
    k = bisect.bisect_right(at, offset) - 1
    return offset + shift[k] if k >= 0 else offset


def _wordchar(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c == "_")


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The process-wide lexicon, built on first use."""
    return Lexicon()
