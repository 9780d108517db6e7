"""A document too long to hold whole is read in pieces: offsets and lines still point into it."""

from __future__ import annotations

import pytest

import hkwrap.pipeline as pipeline
from hkwrap import Options, extract_text

PARAGRAPH = (
    "恒指收市跌 286 點，報 26226 點。騰訊（00700）升 3.1%，收報 655 元。\n\n"
    "The Hang Seng Tech Index fell 1.7% to 5,551. Xiaomi (1810.HK) dropped 2.4%.\n\n"
)


@pytest.fixture()
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 400)


def test_pieces_keep_offsets_and_lines(small_chunks: None) -> None:
    text = PARAGRAPH * 12
    doc = extract_text(text, options=Options(use_user_config=False))
    assert doc.mentions[-1].start > len(text) - len(PARAGRAPH)  # the last piece was read
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text
    for fact in (*doc.indices, *doc.stocks):
        ev = fact.evidence
        assert text[ev.start:ev.end] == ev.text
        assert text.count("\n", 0, ev.start) + 1 == ev.line
    assert {s.code for s in doc.stocks} == {"00700", "01810"}


def test_one_piece_and_many_agree_on_the_facts(small_chunks: None) -> None:
    whole = extract_text(PARAGRAPH, options=Options(use_user_config=False))
    pieces = extract_text(PARAGRAPH * 3, options=Options(use_user_config=False))
    assert {(s.code, s.change_pct) for s in whole.stocks} == {(s.code, s.change_pct) for s in pieces.stocks}


def test_a_run_on_sentence_is_read_in_bounded_pieces() -> None:
    """A report with no full stop (one clause repeated, or a line of a megabyte) is cut at
    clause breaks: no sentence the binder reads exceeds the bound, so the work per character
    stays constant however long the line, and the report says so in a warning."""
    from hkwrap.text.prepare import MAX_SENTENCE_CHARS, prepare

    clause = "騰訊升5%，美團跌2.1%，"
    text = clause * 3_000
    prep = prepare(text)
    assert max(e - s for s, e in prep.sentences) <= MAX_SENTENCE_CHARS
    assert prep.long_sentences > 0
    doc = extract_text(text, options=Options(use_user_config=False))
    assert any("2,000 characters" in w for w in doc.warnings)
    codes = {(s.code, s.change_pct) for s in doc.stocks}
    assert codes == {("00700", 5.0), ("03690", -2.1)}


def test_ordinary_sentences_are_not_cut() -> None:
    from hkwrap.text.prepare import prepare

    text = "The Hang Seng Index rose 1.2% to 25,000.12, and Tencent gained 2%. " * 50
    prep = prepare(text)
    assert prep.long_sentences == 0
    assert len(prep.sentences) == 50
