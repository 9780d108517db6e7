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


# -- a long document written as it is read (issue 10 item 6) -------------------------------------

HANS_PARAGRAPH = "恒指收市跌 286 点，报 26226 点。腾讯控股（00700）升 3.1%，收报 655 元。美团（03690）跌 2%。\n\n"


def _cli_output(runner, tmp_path, text: str, *args: str) -> bytes:
    from hkwrap.cli import app

    src = tmp_path / "archive.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / f"out-{len(list(tmp_path.iterdir()))}"
    result = runner.invoke(app, ["extract", "-q", "--no-user-aliases", *args, "-o", str(out), str(src)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def _whole_rendering(text: str, source: str, fmt: str, ticker: str | None = None) -> bytes:
    """What the renderer writes for the Document that ``extract_text`` gathers (not spooled)."""
    from hkwrap.output import get_renderer
    from hkwrap.output.records import add_tickers

    doc = extract_text(text, source=source, options=Options(use_user_config=False)).to_dict()
    if ticker:
        doc = add_tickers(doc, ticker)
    renderer = get_renderer(fmt)
    return (renderer.header() + renderer.document(doc) + renderer.footer()).encode()


@pytest.mark.parametrize(
    ("paragraph", "args"),
    [
        (PARAGRAPH, ("-f", "json")),
        (PARAGRAPH, ("-f", "jsonl")),
        (PARAGRAPH, ("-f", "csv")),
        (PARAGRAPH, ("-f", "jsonl", "--ticker-style", "yahoo")),
        (HANS_PARAGRAPH, ("-f", "json")),  # name_zh_hans: known only once the language is
        (HANS_PARAGRAPH, ("-f", "csv", "--ticker-style", "bloomberg")),
    ],
)
def test_a_spooled_document_is_written_as_the_whole_one(small_chunks, runner, tmp_path, paragraph, args) -> None:
    text = paragraph * 12
    fmt = args[1]
    ticker = args[3] if len(args) > 2 else None
    written = _cli_output(runner, tmp_path, text, *args)
    assert written == _whole_rendering(text, str(tmp_path / "archive.txt"), fmt, ticker)
    if paragraph is HANS_PARAGRAPH and fmt == "json":
        assert b'"name_zh_hans": "' in written


def test_the_command_line_never_holds_the_whole_documents_facts(
    small_chunks, runner, tmp_path, monkeypatch
) -> None:
    """Each piece's facts are written out once no later piece can restate them: with a
    restatement's reach shorter than a piece (as 30,000 characters is beside a million), the
    stock moves alive while a piece is read never exceed what two pieces hold, however many."""
    import gc

    from hkwrap.extractors import consolidate
    from hkwrap.model import StockMove

    monkeypatch.setattr(consolidate, "RESTATEMENT_REACH", 300)  # pieces are of 200-400 characters here

    alive: list[int] = []
    read_one = pipeline._extract_one

    def counting(*args, **kwargs):
        gc.collect()
        alive.append(sum(isinstance(o, StockMove) for o in gc.get_objects()))
        return read_one(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_extract_one", counting)
    text = PARAGRAPH * 40
    _cli_output(runner, tmp_path, text, "-f", "jsonl")
    per_piece = len(extract_text(PARAGRAPH * 2, options=Options(use_user_config=False)).stocks)
    assert len(alive) >= 15  # many pieces were read
    assert max(alive) <= 2 * per_piece


def test_spools_are_anonymous_and_closed_on_every_exit(small_chunks, runner, tmp_path, monkeypatch) -> None:
    """The temporary files are unlinked on creation (nothing left in the temp folder, even
    after a kill) and closed when the document is written or the run fails midway."""
    import tempfile

    from hkwrap.output import jsonout

    made: list = []
    real = tempfile.TemporaryFile

    def tracked(*args, **kwargs):
        f = real(*args, **kwargs)
        made.append(f)
        return f

    monkeypatch.setattr(tempfile, "TemporaryFile", tracked)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", None)
    text = PARAGRAPH * 12
    _cli_output(runner, tmp_path, text, "-f", "jsonl")
    assert made and all(f.closed for f in made)
    assert not list((tmp_path / "tmp").iterdir())

    made.clear()

    def broken(self, doc):
        raise OSError("disk full")
        yield  # a generator, as the real one

    monkeypatch.setattr(jsonout.JsonlRenderer, "document_chunks", broken)
    from hkwrap.cli import app

    src = tmp_path / "archive.txt"
    result = runner.invoke(app, ["extract", "-q", "--no-user-aliases", "-o", str(tmp_path / "x.jsonl"), str(src)])
    assert result.exit_code != 0
    assert made and all(f.closed for f in made)
    assert not list((tmp_path / "tmp").iterdir())


def test_language_of_pieces_is_the_language_of_the_whole(small_chunks) -> None:
    """The language is judged on the counts of every piece together, not on the first piece."""
    text = PARAGRAPH + HANS_PARAGRAPH * 20
    pieces = extract_text(text, options=Options(use_user_config=False))
    first = extract_text(PARAGRAPH, options=Options(use_user_config=False))
    assert pieces.language == "zh-Hans" != first.language


def test_masking_blanks_exactly_what_a_character_list_would() -> None:
    """The slice-built mask equals blanking character by character (line breaks kept)."""
    from hkwrap.text.prepare import _blank, mask

    text = (
        "Source: https://news.example/a?b=1 【港股通】\n相關文章：\n- [恒指收市](https://x.example/1)\n"
        "恒指升 1.2%。" + "1,234,567,890,123,456,789 " * 3 + "\n> 引述一行\n騰訊升 3%。\n"
    )
    spans = [(0, 7), (5, 30), (40, 41), (len(text) - 4, len(text) + 10)]
    chars = list(text)
    for start, end in spans:
        for i in range(start, min(end, len(text))):
            if chars[i] != "\n":
                chars[i] = " "
    assert _blank(text, spans) == "".join(chars)
    masked = mask(text, 3)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert "https" not in masked and "騰訊升 3%" in masked


@pytest.mark.parametrize("paragraph", [PARAGRAPH, HANS_PARAGRAPH])
def test_a_document_read_in_pieces_is_the_document_read_whole(small_chunks, paragraph) -> None:
    """A move stated on both sides of a cut is one fact with the later statements in
    ``restated``, and a level stated in two pieces is given once: the document read in pieces
    of 400 characters is the document read whole (see ``iter_pieces``)."""
    text = (paragraph + "Analysts see support at 25,800 and resistance at 26,500.\n\n") * 6
    options = Options(use_user_config=False)
    pieces = extract_text(text, options=options)
    pipeline.CHUNK_CHARS = 10_000  # the same text read whole (monkeypatch restores it)
    whole = extract_text(text, options=options)
    assert len({s.code for s in whole.stocks}) == len(whole.stocks)  # consolidated when whole
    assert all(len(s.restated) == 5 for s in whole.stocks)
    assert {(lv.kind, lv.value) for lv in whole.levels} == {("support", 25800), ("resistance", 26500)}
    assert pieces.to_dict() == whole.to_dict()


def test_pieces_beyond_a_restatements_reach_are_not_joined(small_chunks, monkeypatch) -> None:
    """Two statements of one move further apart than a restatement's reach are two facts, in
    pieces as in the whole text: an archive holds the same move on two days."""
    from hkwrap.extractors import consolidate

    monkeypatch.setattr(consolidate, "RESTATEMENT_REACH", 300)
    text = PARAGRAPH * 6
    options = Options(use_user_config=False)
    pieces = extract_text(text, options=options)
    pipeline.CHUNK_CHARS = 10_000
    whole = extract_text(text, options=options)
    assert len(whole.stocks) > 2  # restatements more than 300 characters apart stay apart
    assert pieces.to_dict() == whole.to_dict()


def test_workers_hand_long_documents_over_by_file(small_chunks, runner, tmp_path, monkeypatch) -> None:
    """With --jobs 2 a worker spools a long document into a folder the writer made; the output
    is that of one job, and the folder is gone after the run."""
    from hkwrap.cli import app

    spools = tmp_path / "tmp"
    spools.mkdir()
    monkeypatch.setenv("TMPDIR", str(spools))
    monkeypatch.setattr("tempfile.tempdir", None)
    for i, paragraph in enumerate((PARAGRAPH, HANS_PARAGRAPH, PARAGRAPH)):
        (tmp_path / f"long{i}.txt").write_text(paragraph * (10 + i), encoding="utf-8")
    inputs = [str(tmp_path / f"long{i}.txt") for i in range(3)]
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.json"
        result = runner.invoke(
            app, ["extract", "-q", "--no-user-aliases", "-f", "json", "--jobs", jobs, "-o", str(out), *inputs]
        )
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b'"schema_version"') == 3
    assert not list(spools.iterdir())


def test_a_spooled_document_drawn_as_a_table_is_the_whole_one(small_chunks, runner, tmp_path) -> None:
    text = PARAGRAPH * 12
    written = _cli_output(runner, tmp_path, text, "-f", "table")
    assert written == _whole_rendering(text, str(tmp_path / "archive.txt"), "table")
