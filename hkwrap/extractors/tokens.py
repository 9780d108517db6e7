"""A sentence as a sequence of typed tokens: subjects, lexicon words and quantities.

The binding rules (``moves.py``) read these types, not words, so one rule serves English and
Chinese: "Zijin and Zhaojin fell 3.7% and 3.5% respectively" and "紫金及招金分別跌 3.7% 及 3.5%"
are both SUBJ SUBJ DOWN PCT PCT RESPECTIVELY.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hkwrap.numbers import Quantity
from hkwrap.text.lexicon import Lexicon, Word
from hkwrap.text.prepare import Prepared


@dataclass(frozen=True, slots=True)
class Subject:
    """Who a move is about: an index id ("HSI") or a stock code ("00700")."""

    kind: str  # index | stock
    id: str
    start: int
    end: int
    entity: Any = None  # the securities Entity, for stocks


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    subject: Subject | None = None
    word: Word | None = None
    qty: Quantity | None = None

    def has(self, role: str) -> bool:
        return self.word is not None and role in self.word.roles

    def role_kind(self, role: str) -> str | None:
        """For "session:close" style roles, the kind ("close") of ``role``; else None."""
        if self.word is None:
            return None
        prefix = role + ":"
        for r in self.word.roles:
            if r.startswith(prefix):
                return r[len(prefix):]
        return None


def _overlaps(a_start: int, a_end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a_start < e and s < a_end for s, e in spans)


def tokenize(
    prep: Prepared,
    start: int,
    end: int,
    lexicon: Lexicon,
    entities: list[Any],
) -> list[Token]:
    """Tokens of ``prep.folded[start:end]``. ``entities`` are securities found in the text
    (any order); those inside the span with role "subject" become stock subjects. Index
    names become index subjects unless a word right after them says otherwise (大市成交)."""
    folded = prep.folded
    tokens: list[Token] = []
    taken: list[tuple[int, int]] = []
    for ent in entities:
        if ent.code and ent.start >= start and ent.end <= end:
            role = getattr(ent, "role", "subject")
            # Another listing of the security (ADR, A-share) is a subject of its own, so that
            # its moves are bound to it and then dropped, not to the Hong Kong shares.
            kind = "stock" if role == "subject" else "elsewhere" if "elsewhere" in role else None
            if kind:
                tokens.append(Token(ent.start, ent.end, subject=Subject(kind, ent.code, ent.start, ent.end, ent)))
            taken.append((ent.start, ent.end))
    words = [w for w in prep.words(lexicon, start, end) if not _overlaps(w.start, w.end, taken)]
    # Index names win over numbers inside them ("CSI 300", "Nikkei 225").
    taken.extend((w.start, w.end) for w in words if any(r.startswith("index:") for r in w.roles))
    quantities = [q for q in prep.quantities(start, end) if not _overlaps(q.start, q.end, taken)]
    qspans = [(q.start, q.end) for q in quantities]
    for w in words:
        index_ids = [r[6:] for r in w.roles if r.startswith("index:")]
        if not index_ids and _overlaps(w.start, w.end, qspans):
            continue
        if index_ids:
            info = lexicon.indices.get(index_ids[0])
            if folded.startswith("'s", w.end) and index_ids[0] == "@previous":
                continue  # "Tencent, the index's largest member, rose": not the index's move
            after = folded[w.end:w.end + 8].lstrip()
            if info and any(after.startswith(c) or after[2:].startswith(c) for c in info.context_not):
                continue
            tokens.append(Token(w.start, w.end, subject=Subject("index", index_ids[0], w.start, w.end)))
            continue
        if "pronoun" in w.roles:  # "it", 該股: resolved by the binder to the last subject
            tokens.append(Token(w.start, w.end, subject=Subject("pronoun", "@it", w.start, w.end)))
            continue
        tokens.append(Token(w.start, w.end, word=w))
    tokens.extend(Token(q.start, q.end, qty=q) for q in quantities)
    tokens.sort(key=lambda t: (t.start, t.end))
    return tokens
