"""The language of a report: en, zh-Hant, zh-Hans or mixed."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from hkwrap import data, patterns
from hkwrap.text.prepare import Prepared

_HAN_RUN = patterns.compile(r"\p{Han}+")
# A run of two or more spaces: a blanked stretch that can hold a Latin word (of two letters or
# more; a single blanked character holds none). The single spaces between words, most runs of
# spaces, are not visited.
_BLANK_RUN = patterns.compile(r" {2,}")
_LATIN_WORD = patterns.compile(r"[A-Za-z]{2,}")


@lru_cache(maxsize=1)
def _script_sets() -> tuple[frozenset[str], frozenset[str]]:
    t2s = data.load().get("t2s", {})
    trad = frozenset(t2s)
    simp = frozenset(v for v in t2s.values() if v not in t2s)
    return trad, simp


def detect_language(prep: Prepared) -> str:
    """Count Han characters against Latin words in the report body (blanked parts skipped).

    A Chinese character carries about a word's meaning in two or three characters, so one
    Latin word weighs as much as two and a half Han characters.
    """
    return language_of(language_counts(prep))


# (Han characters, Latin words, Traditional-only Han, Simplified-only Han): what the language
# is judged on. Counts add up, so a report read in pieces is judged on its whole text.
LanguageCounts = tuple[int, int, int, int]


def language_counts(prep: Prepared) -> LanguageCounts:
    """The counts :func:`language_of` judges, for one prepared text."""
    text, folded = prep.text, prep.folded
    # Folding keeps a Han character Han (Traditional to Simplified) and blanks what is not the
    # report's own text, so the report's Han characters are the text under the folded Han runs.
    han = "".join(text[m.start():m.end()] for m in _HAN_RUN.finditer(folded))
    # Latin words, less those in blanked stretches (runs of two or more spaces in the folded
    # text that are not spaces in the text). No copy of the text is made: a long report stays
    # cheap.
    words = len(_LATIN_WORD.findall(text)) - sum(
        len(_LATIN_WORD.findall(text, m.start(), m.end()))
        for m in _BLANK_RUN.finditer(folded) if not text[m.start():m.end()].isspace()
    )
    trad, simp = _script_sets()
    # (each distinct character looked up once: a report repeats a few hundred of them)
    seen = Counter(han)
    n_trad = sum(n for char, n in seen.items() if char in trad)
    n_simp = sum(n for char, n in seen.items() if char in simp)
    return len(han), words, n_trad, n_simp


def add_counts(a: LanguageCounts, b: LanguageCounts) -> LanguageCounts:
    """The counts of two texts together."""
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


def language_of(counts: LanguageCounts) -> str:
    """en, zh-Hant, zh-Hans or mixed, from :func:`language_counts`."""
    han, words, n_trad, n_simp = counts
    if not han and not words:
        return "en"
    zh_weight = han / 2.5
    if words > 4 * zh_weight:
        return "en"
    script = "zh-Hant" if n_trad >= n_simp else "zh-Hans"
    if zh_weight > 4 * words:
        return script
    return "mixed"
