"""Properties behind issue 9 (Hypothesis; ``make fuzz`` runs them 10,000 times each):

- facts are the same whether a long document is read whole or in pieces;
- LF, CRLF and lone-CR line ends give the same facts on the same lines;
- the streaming news-API JSON reader gives exactly the Sources the whole-file reader gave, and
  fails exactly where ``json.loads`` fails;
- malformed user files (alias YAML, xlsx, csv) raise ``DataFileError`` and nothing else.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

hypothesis = pytest.importorskip("hypothesis")

from conftest import examples  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import hkwrap.pipeline  # noqa: E402
from hkwrap import extract_text  # noqa: E402
from hkwrap.errors import DataFileError  # noqa: E402
from hkwrap.pipeline import Options  # noqa: E402

OPTIONS = Options(reference_date="2025-11-21")

# Report sentences of every kind of fact, each about its own subject, so that a document made
# of them has no figure stated twice (restating is merged within a piece, by design).
LINES = (
    "The Hang Seng Index rose 1.2% to 25,000.5 points at the close.",
    "The Hang Seng China Enterprises Index fell 0.8% to 8,950 points.",
    "The Hang Seng Tech Index gained 2.1 per cent.",
    "Tencent (00700) gained 2.5% to HK$612.",
    "Alibaba (09988) slid 4.1% to HK$120.3.",
    "HSBC (00005) added 0.6%.",
    "Market turnover was HK$215.6 billion.",
    "Southbound investors bought a net HK$8.8 billion of Hong Kong shares.",
    "Analysts see support for the Hang Seng Index at 24,500 and resistance at 25,800.",
    "恒生指數收市升335點，報23,076點。",
    "美團（03690）跌3.2%，收報128元。",
    "小米集團（01810）升5.4%。",
    "大市成交2,156億元。",
    "Meituan and Xiaomi were among the most active stocks.",
    "Stocks in Hong Kong ended the week on a quiet note.",
)


def _facts(doc: Any) -> dict[str, Any]:
    """Every fact of a document without character offsets, evidence normalised to LF."""

    def ev(e: Any) -> Any:
        return None if e is None else (re.sub(r"\r\n?", "\n", e.text), e.line)

    market = doc.market
    return {
        "date": doc.date,
        "language": doc.language,
        "indices": sorted(
            (i.index, i.level, i.change_pct, i.change_points, i.qualifier, i.session, ev(i.evidence))
            for i in doc.indices
        ),
        "stocks": sorted(
            (s.code, s.change_pct, s.price, s.turnover, s.qualifier, s.session, ev(s.evidence))
            for s in doc.stocks
        ),
        "levels": sorted((lv.index, lv.kind, lv.value, ev(lv.evidence)) for lv in doc.levels),
        "mentions": sorted((m.code, m.text) for m in doc.mentions),
        "market": (
            [(a.value, a.currency, ev(a.evidence)) if a else None
             for a in (market.turnover, market.southbound, market.northbound)],
            market.advancers, market.decliners, market.unchanged, market.short_selling_ratio,
        ),
        "warnings": sorted(doc.warnings),
    }


paragraphs = st.lists(
    st.lists(st.sampled_from(LINES), min_size=1, max_size=3, unique=True),
    min_size=2,
    max_size=6,
)


@settings(max_examples=examples(60))
@given(paragraphs, st.data())
def test_facts_are_the_same_read_whole_or_in_pieces(parts: list[list[str]], data: Any) -> None:
    seen: set[str] = set()
    unique = []  # each sentence once in the whole document
    for part in parts:
        kept = [line for line in part if line not in seen]
        seen.update(kept)
        if kept:
            unique.append(kept)
    blocks = [" ".join(p) for p in unique]
    text = "\n\n".join(blocks) + "\n"
    whole = extract_text(text, options=OPTIONS)
    # A piece ends at a paragraph break in its second half: any size over twice the longest
    # paragraph finds one, so no sentence is cut.
    shortest = 2 * max(map(len, blocks)) + 4
    piece = data.draw(st.integers(shortest, max(shortest, len(text))), label="piece")
    with mock.patch.object(hkwrap.pipeline, "CHUNK_CHARS", piece):
        pieces = extract_text(text, options=OPTIONS)
    assert _facts(pieces) == _facts(whole)
    # offsets still index the whole text
    for fact in (*pieces.indices, *pieces.stocks, *pieces.levels):
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text


@settings(max_examples=examples(60))
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=8), st.booleans())
def test_lf_crlf_and_cr_give_the_same_facts(lines: list[str], blank_between: bool) -> None:
    sep = "\n\n" if blank_between else "\n"
    lf = sep.join(lines) + "\n"
    docs = {
        "lf": extract_text(lf, options=OPTIONS),
        "crlf": extract_text(lf.replace("\n", "\r\n"), options=OPTIONS),
        "cr": extract_text(lf.replace("\n", "\r"), options=OPTIONS),
    }
    assert _facts(docs["crlf"]) == _facts(docs["lf"])
    assert _facts(docs["cr"]) == _facts(docs["lf"])
    # a lone CR is one character, like LF: the offsets agree too
    assert [(i.evidence.start, i.evidence.end) for i in docs["cr"].indices] == [
        (i.evidence.start, i.evidence.end) for i in docs["lf"].indices
    ]


# -- the streaming JSON reader against the whole-file one --------------------------------------

_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**12), 10**13), st.text(max_size=30),
    st.sampled_from(LINES),
)
_keys = st.sampled_from(
    ["title", "Title", "headline", "body", "content", "text", "date", "published", "id",
     "articles", "data", "items", "Results", "source", "url", "x"]
)
_json = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(_keys, inner, max_size=6),
    ),
    max_leaves=25,
)


def _whole(text: str, name: str) -> list[tuple] | None:
    """What the reader did before it streamed: json.loads, then read_news_json."""
    from hkwrap.readers.newsjson import read_news_json

    sources = read_news_json(json.loads(text), name)
    return None if sources is None else [(s.name, s.text, s.metadata, s.notes) for s in sources]


def _streamed(text: str, name: str) -> list[tuple] | None:
    from hkwrap.readers.newsjson import iter_news_json, scan_news_json

    sources = iter_news_json(text, scan_news_json(text), name)
    return None if sources is None else [(s.name, s.text, s.metadata, s.notes) for s in sources]


@settings(max_examples=examples(300))
@given(_json, st.sampled_from([None, 0, 2]), st.booleans())
def test_streamed_json_reader_matches_the_whole_file_reader(
    value: Any, indent: int | None, ascii_only: bool
) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    assert _streamed(text, "feed.json") == _whole(text, "feed.json")


@settings(max_examples=examples(300))
@given(_json, st.integers(min_value=0), st.sampled_from(["", ",", "]", "}", "x", '"', "\\"]))
def test_streamed_json_reader_fails_where_json_loads_fails(
    value: Any, where: int, junk: str
) -> None:
    from hkwrap.readers.newsjson import scan_news_json

    text = json.dumps(value)
    at = where % (len(text) + 1)
    broken = text[:at] + junk + text[at:]
    try:
        json.loads(broken)
    except ValueError:
        with pytest.raises(ValueError):
            scan_news_json(broken)
    else:
        assert _streamed(broken, "f.json") == _whole(broken, "f.json")


# -- malformed user files raise DataFileError, nothing else -------------------------------------

_yaml_pieces = st.sampled_from(
    ["- ", "code: ", '"00700"', "00700", "[", "]", "{", "}", "&a ", "*a", "\n", "  ", "aliases: ",
     "Tencent", "騰訊", ":", ",", "!!python/object ", "? ", "|", "\t", "'", '"', "#"]
)


@settings(max_examples=examples(300))
@given(st.lists(_yaml_pieces, max_size=40).map("".join) | st.binary(max_size=200))
def test_any_alias_file_is_entries_or_data_file_error(content: str | bytes) -> None:
    from hkwrap.securities.table import load_user_file

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "aliases.yaml"
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        try:
            entries = load_user_file(path)
        except DataFileError as exc:
            assert str(path) in str(exc)
        else:
            assert all(isinstance(e, dict) and e.get("code") for e in entries)


def _workbook() -> bytes:
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="str"><v>Name of Securities</v></c>'
        '<c r="C1" t="str"><v>Category</v></c></row>'
        '<row r="2"><c r="A2" t="str"><v>00700</v></c><c r="B2" t="inlineStr"><is><t>TENCENT</t>'
        '</is></c><c r="C2" t="str"><v>Equity</v></c></row></sheetData></worksheet>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="s"/></sheets></workbook>')
        z.writestr("xl/sharedStrings.xml", "<sst><si><t>Stock Code</t></si></sst>")
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


WORKBOOK = _workbook()


@settings(max_examples=examples(300))
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=8),
       st.integers(min_value=0))
def test_any_damaged_xlsx_is_rows_or_data_file_error(
    flips: list[tuple[int, int]], cut: int
) -> None:
    from hkwrap.securities.importer import import_list_of_securities

    data = bytearray(WORKBOOK)
    for where, value in flips:
        data[where % len(data)] = value
    data = data[: len(data) - cut % 40]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "list.xlsx"
        path.write_bytes(bytes(data))
        try:
            import_list_of_securities(path)
        except DataFileError as exc:
            assert str(path) in str(exc)


@settings(max_examples=examples(300))
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_any_csv_is_rows_or_data_file_error(content: bytes) -> None:
    from hkwrap.securities.importer import import_list_of_securities

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "list.csv"
        path.write_bytes(b"Stock Code,Name of Securities,Category\n" + content)
        try:
            import_list_of_securities(path)
        except DataFileError as exc:
            assert str(path) in str(exc)
