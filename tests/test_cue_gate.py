"""The binder's cue gate (hkwrap/extractors/moves/gate.py): the words a cue cannot match
without, read off the pattern, and a text's gate built from them."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from hkwrap.extractors.moves import cues
from hkwrap.extractors.moves.gate import CueGate, required_words
from hkwrap.text.prepare import prepare

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("收市(?:报|報)", ("收市",)),  # the literal run before the group, one word over two
        (r"(?:以来|since)\s?", ("since", "以来")),  # alternatives: one of each
        (r"\s(?:above|below)\s(?:the\s)?close", ("close",)),  # the fewest words win
        (r"第[一二三]次", ("第",)),
        (r"(?:up|down)+", ("down", "up")),  # a repeat of at least once requires its body
        (r"[升跌]\d", ("升", "跌")),  # a small class is a set of one-character words
    ],
)
def test_required_words_are_read_off_the_pattern(source: str, words: tuple[str, ...]) -> None:
    assert required_words(source, 0) == words


@pytest.mark.parametrize(
    "source",
    [
        r"(?:up|down)?\s*",  # every part optional
        r"[^,]+\d",  # a negated class and a category
        r"(?i)close",  # case ignored: "Close" holds no "close"
        r"(?<=since )\d",  # a look-behind's words are not consumed by the match
        r"\p{Han}{2}",  # regex's own syntax, which re's parser does not read
        r"up|\s",  # one alternative requires nothing
    ],
)
def test_no_words_where_none_are_required(source: str) -> None:
    assert required_words(source, 0) is None


def _report_texts() -> list[str]:
    files = sorted(ROOT.glob("tests/reports*/docs/*.txt"))[::6] + sorted(ROOT.glob("samples/*.txt"))
    return [prepare(p.read_text(encoding="utf-8")).folded for p in files]


def test_every_match_of_every_cue_holds_one_of_its_words() -> None:
    """Over real reports: each match any gated cue of the binder finds holds one of the words
    the gate requires of it (else the gate would hide a match the binder reads)."""
    gated = {
        name: (p, words) for name, p in vars(cues).items()
        if isinstance(p, regex.Pattern) and (words := required_words(p.pattern, p.flags)) is not None
    }
    assert len(gated) > 150  # (most cues have words: the gate is not a no-op)
    matches = 0
    for text in _report_texts():
        for name, (p, words) in gated.items():
            for m in p.finditer(text, overlapped=True):
                matches += 1
                assert any(w in m.group() for w in words), (name, m.group(), words)
    assert matches > 1000


def test_a_text_without_a_cues_words_is_gated_off() -> None:
    english = CueGate(prepare("The Hang Seng Index fell 1.2% to 25,000.").folded)
    chinese = CueGate(prepare("恒指跌1.2%，今年以来累计升5%。").folded)
    # gated off: a stand-in whose every search finds nothing; else the cue itself
    assert english[cues._SINCE] is not cues._SINCE and chinese[cues._SINCE] is cues._SINCE
    assert english[cues._SINCE].search(english.folded, 0, len(english.folded)) is None
    assert english[cues._SINCE].match("since 2020") is None  # (it never matches, whatever it is given)
    assert cues._SINCE in chinese  # (each answer is kept once asked)
