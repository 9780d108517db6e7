"""Folding: one comparable view of text in any script, the same length as the original.

Every step maps one character to exactly one character, so an offset into the folded text is
an offset into the original: evidence never needs a separate offset map.

- full-width ASCII forms (ＡＢＣ１２３％（）) -> ASCII; ideographic space, NBSP and other
  Unicode spaces -> " "; full-width/Chinese punctuation that plays the same role -> ASCII;
- Traditional Chinese -> Simplified, character by character (``t2s.yaml``), never by phrase;
- Latin letters lower-cased (only where lower-casing keeps one character).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Mapping
from functools import lru_cache

from hkwrap import data

# Punctuation that means the same in both scripts. Chinese list marks (、) and full stops (。)
# are kept: they carry meaning for clause splitting.
_PUNCT = {
    "\u3000": " ", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\uff0c": ",", "\uff1b": ";", "\uff1a": ":", "\uff08": "(", "\uff09": ")",
    "\uff05": "%", "\uff0e": ".", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\uff0d": "-", "\ufe63": "-",
    # small form variants, which Hong Kong feeds use as decimal points and commas ("2﹒3%")
    "\ufe52": ".", "\ufe50": ",", "\ufe54": ";", "\ufe55": ":", "\ufe59": "(", "\ufe5a": ")",
    "\ufe6a": "%",
    # emoji arrows, which social posts and app cards use as a quote board's ("恒指 ⬆️ +0.35%"),
    # and the variation selector that makes them emoji (BMP only: the fast table covers the BMP;
    # numbers.py reads 🔺 and 🔻 as arrows itself)
    "\u2b06": "↑", "\u2b07": "↓", "\ufe0f": " ",
    # box-drawing walls of a table drawn in a plain-text e-mail ("│ 騰訊控股 │ 455.2 │ -6.90%│"):
    # its cells' bars, as "|" is in a Markdown or ASCII table
    "\u2502": "|", "\u2503": "|", "\u2551": "|",
}


def make_table(t2s: dict[str, str]) -> dict[int, str]:
    """The translation table for a given Traditional -> Simplified character map (the build
    passes the map it is compiling; the runtime the compiled one)."""
    table: dict[int, str] = {}
    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[cp] = chr(cp - 0xFEE0)
    for src, dst in _PUNCT.items():
        table[ord(src)] = dst
    for trad, simp in t2s.items():
        if len(trad) == 1 and len(simp) == 1:
            table[ord(trad)] = simp
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    for cp in range(0xFF21, 0xFF3B):  # full-width capitals fold straight to lower case
        table[cp] = chr(cp - 0xFEE0 + 32)
    return table


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    return make_table(data.load().get("t2s", {}))


# ``str.translate`` with a dict looks each character up by hashing, and a character the dict
# lacks (most of them) costs a raised and cleared KeyError. A table indexed by code point (a
# string of 65,536 characters: ``table[cp]`` is cp folded) folds 2-3x faster; a character past
# it (IndexError, a LookupError like KeyError) stays as it is, as with the dict. Building it
# costs 2-3 ms, so it is built once this many characters have been folded with the dict: a
# short run (one small report) does not pay for it, a batch or a long report does at once.
_FAST_AFTER_CHARS = 100_000
_BMP = 0x10000
_fast_table: str | None = None
_folded_chars = 0


def _code_point_table(table: dict[int, str]) -> str:
    """``table`` as a string indexed by code point over the Basic Multilingual Plane."""
    points = array("I", range(_BMP))
    for cp, folded in table.items():
        if cp < _BMP:
            points[cp] = ord(folded)
    codec = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
    return points.tobytes().decode(codec, "surrogatepass")  # (surrogates kept as themselves)


def fold(text: str) -> str:
    """Return the folded view of ``text``; ``len(fold(t)) == len(t)`` always."""
    global _fast_table, _folded_chars
    if _fast_table is None:
        _folded_chars += len(text)
        if _folded_chars < _FAST_AFTER_CHARS:
            return text.translate(_table())
        _fast_table = _code_point_table(_table())
    return text.translate(_fast_table)


def fold_char_map() -> dict[int, str]:
    """The translation table, for callers that fold many short strings (alias tables)."""
    return _table()


def to_simplified(text: str, t2s: Mapping[str, str]) -> str:
    """Traditional -> Simplified, one character at a time (Chinese names for display: no
    case or width folding)."""
    return "".join(t2s.get(c, c) if len(t2s.get(c, c)) == 1 else c for c in text)
