"""Renderers and the atomic writer, without the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from hkwrap.model import Amount, Document, Evidence, IndexMove, Level, Market, StockMove
from hkwrap.output import FORMATS, get_renderer
from hkwrap.output.atomic import AtomicFile
from hkwrap.output.csvout import COLUMNS, cell, fact_rows, neutralise
from hkwrap.output.records import add_tickers
from hkwrap.output.table import fmt_amount, fmt_number
from hkwrap.securities.tickers import format_code


def sample(source: str = "r.txt") -> dict[str, Any]:
    ev = Evidence("恒指收市跌335點，報23076點", 0, 16, 3)
    return Document(
        source=source,
        language="zh-Hant",
        date="2026-06-25",
        indices=[IndexMove("HSI", "Hang Seng Index", 23076.0, None, -335.0, "exact", "close", ev)],
        stocks=[StockMove("09988", "Alibaba", "阿里巴巴", -4.0, qualifier="over", evidence=ev)],
        market=Market(turnover=Amount(3.257e11, "HKD", "over", ev), unchanged=120),
        levels=[Level("HSI", "support", 22500.0, ev), Level("HSI", "target", 22000.0)],
    ).to_dict()


def render(fmt: str, docs: list[dict[str, Any]], **options: Any) -> str:
    renderer = get_renderer(fmt, **options)
    return renderer.header() + "".join(renderer.document(d) for d in docs) + renderer.footer()


# -- CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+852 1234", "'+852 1234"),
        ("-A1", "'-A1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("-1.23", "-1.23"),
        ("+4.5", "+4.5"),
        ("-300", "-300"),
        ("-1e9", "-1e9"),
        ("-", "-"),
        ("Hang Seng", "Hang Seng"),
        ("騰訊控股", "騰訊控股"),
        ("", ""),
    ],
    ids=repr,
)
def test_neutralise(text: str, expected: str) -> None:
    assert neutralise(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, ""), (-1.23, "-1.23"), (325700000000.0, "325700000000"), (800, "800"),
     (0.465, "0.465"), (True, "true"), ("=x", "'=x")],
)
def test_cell(value: Any, expected: str) -> None:
    assert cell(value) == expected


def test_csv_rows_per_fact() -> None:
    rows = list(fact_rows(sample()))
    assert [(r["kind"], r["subject"]) for r in rows] == [
        ("index", "HSI"),
        ("stock", "09988"),
        ("market", "turnover"),
        ("market", "unchanged"),
        ("level", "HSI"),
        ("level", "HSI"),
    ]
    assert rows[-2]["level_type"] == "support" and rows[-1]["level_type"] == "target"
    assert set().union(*rows) <= set(COLUMNS)


def test_csv_header_and_round_trip() -> None:
    text = render("csv", [sample("a.txt"), sample("b.txt")])
    assert text.splitlines()[0] == ",".join(COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 12
    assert rows[0]["change_points"] == "-335"
    assert rows[0]["evidence"] == "恒指收市跌335點，報23076點"
    assert rows[0]["line"] == "3"
    assert {r["source"] for r in rows} == {"a.txt", "b.txt"}


def test_csv_bom() -> None:
    assert render("csv", [], bom=True).startswith("\ufeffsource,")
    assert render("csv", []).startswith("source,")


def test_csv_document_without_facts_has_no_rows() -> None:
    renderer = get_renderer("csv")
    assert renderer.document(Document(source="x").to_dict()) == ""


# -- JSON -----------------------------------------------------------------------------------


def test_json_array_streams_and_parses() -> None:
    docs = [sample("a.txt"), sample("b.txt")]
    text = render("json", docs)
    assert json.loads(text) == docs
    assert text.startswith("[\n{") and text.endswith("}\n]\n")
    assert "阿里巴巴" in text
    assert json.loads(render("json", [])) == []


def test_jsonl_lines_equal_array_elements() -> None:
    docs = [sample("a.txt"), sample("b.txt")]
    jsonl = [json.loads(line) for line in render("jsonl", docs).splitlines()]
    assert jsonl == json.loads(render("json", docs))


def test_json_refuses_nan_without_breaking_the_array() -> None:
    renderer = get_renderer("json")
    out = renderer.header() + renderer.document(sample("a.txt"))
    bad = sample("b.txt")
    bad["indices"][0]["change_pct"] = float("nan")
    with pytest.raises(ValueError):
        renderer.document(bad)
    out += renderer.document(sample("c.txt")) + renderer.footer()
    assert [d["source"] for d in json.loads(out)] == ["a.txt", "c.txt"]


def test_every_format_has_a_renderer() -> None:
    for fmt in FORMATS:
        assert isinstance(render(fmt, [sample()]), str)
    with pytest.raises(ValueError):
        get_renderer("xml")


# -- table ----------------------------------------------------------------------------------


def test_plain_table_has_no_escapes_and_no_trailing_spaces() -> None:
    text = render("table", [sample()])
    assert "\x1b[" not in text
    assert all(line == line.rstrip() for line in text.splitlines())
    for word in ("r.txt", "2026-06-25", "zh-Hant", "Indices", "Stocks", "Market", "Levels",
                 "Mentions: 0", "阿里巴巴", "325.70bn", "-335"):
        assert word in text, word


def test_plain_table_does_not_wrap_long_names() -> None:
    doc = sample()
    doc["stocks"][0]["name"] = "A Very Long Company Name Holdings Limited " * 3
    text = render("table", [doc])
    assert doc["stocks"][0]["name"].strip() in text


def test_empty_document_table() -> None:
    text = render("table", [Document(source="x.txt").to_dict()])
    assert "No facts found." in text


@pytest.mark.parametrize(("colours", "down"), [("hk", "31"), ("mainland", "32")])
def test_table_colours(colours: str, down: str) -> None:
    text = render("table", [sample()], colour=True, colours=colours)
    assert f"\x1b[{down}m>-4.00%" in text  # fell over 4%: the qualifier beside the figure


def test_number_formats() -> None:
    assert fmt_number(23076.0) == "23,076"
    assert fmt_number(0.465) == "0.465"
    assert fmt_amount(3.257e11) == "325.70bn"
    assert fmt_amount(-8.8e9) == "-8.80bn"
    assert fmt_amount(88e6) == "88.00m"


# -- tickers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "expected"),
    [("hkex", "00700"), ("yahoo", "0700.HK"), ("bloomberg", "700 HK"), ("futu", "HK.00700")],
)
def test_ticker_styles(style: str, expected: str) -> None:
    assert format_code("00700", style) == expected


def test_yahoo_keeps_four_digits_for_five_digit_codes() -> None:
    assert format_code("09992", "yahoo") == "9992.HK"
    assert format_code("80737", "yahoo") == "80737.HK"


def test_add_tickers_keeps_code_and_order() -> None:
    doc = sample()
    out = add_tickers(doc, "futu", format_code)
    assert list(out["stocks"][0])[:3] == ["code", "ticker", "name"]
    assert out["stocks"][0]["code"] == "09988"
    assert out["stocks"][0]["ticker"] == "HK.09988"
    assert "ticker" not in doc["stocks"][0]  # the input is not modified


# -- atomic writer --------------------------------------------------------------------------


def test_atomic_commit_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    with AtomicFile(target) as sink:
        sink.stream.write("新")
        assert target.read_text(encoding="utf-8") == "old"
    assert target.read_text(encoding="utf-8") == "新"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_atomic_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.jsonl"
    with AtomicFile(target) as sink:
        sink.stream.write("{}\n")
    assert target.stat().st_mode & 0o044  # readable by others per the umask, not 0600-only


@pytest.mark.parametrize("exc", [RuntimeError, KeyboardInterrupt])
def test_atomic_failure_keeps_old_file(tmp_path: Path, exc: type[BaseException]) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(exc), AtomicFile(target) as sink:
        sink.stream.write("half")
        raise exc()
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_atomic_discard(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    sink = AtomicFile(target)
    sink.stream.write("x")
    sink.discard()
    sink.commit()  # no effect after discard
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_render_records_picks_columns_and_drops_empty_ones() -> None:
    from hkwrap.output.table import render_records

    records = [
        {"query": "700", "code": "00700", "name": "Tencent", "us": None, "aliases": ["騰訊"]},
        {"query": "5", "code": "00005", "name": "HSBC", "us": None, "aliases": []},
    ]
    text = render_records(records, columns=("query", "code", "ticker", "name", "us", "aliases"))
    header = text.splitlines()[0].split()
    assert header == ["query", "code", "name", "aliases"]
    assert "騰訊" in text and "\x1b[" not in text
    assert all(line == line.rstrip() for line in text.splitlines())
