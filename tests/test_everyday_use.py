"""Everyday use (issue 11): encodings, lookup, output shape, colour, version, completion, text.

Each test states what a user met before and what they get now; the reports are written here.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hkwrap.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
HKWRAP = [sys.executable, "-m", "hkwrap"]

# A Traditional Chinese close written for these tests.
ZH_HANT = (
    "【港股收市】恒指收市升 215 點，報 25,630 點，國企指數升 0.9%。\n"
    "大市全日成交 2,156 億元，北水淨買入 38.2 億元。\n"
    "騰訊（00700）升 2.4%，報 512 元；匯豐控股（00005）跌 0.6%，報 98.5 元。\n"
)
ZH_HANS = (
    "港股收盘：恒生指数涨1.05%，报25630点。全天成交额2156亿港元。\n"
    "腾讯控股(00700)涨2.4%，报512元；美团跌1.2%。\n"
)


def one_doc(result) -> dict:
    (line,) = [x for x in result.stdout.splitlines() if x.strip()]
    return json.loads(line)


def notes(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("hkwrap: note:")]


# -- 2. encodings ------------------------------------------------------------------------------


def test_one_stray_byte_no_longer_rejects_a_utf8_report(runner: CliRunner, tmp_path: Path) -> None:
    data = ZH_HANT.encode("utf-8")
    at = len("【港股收市】".encode())
    damaged = data[:at] + b"\xff" + data[at:]  # one stray byte, between two characters
    path = tmp_path / "close.txt"
    path.write_bytes(damaged)
    result = runner.invoke(app, ["extract", "-f", "jsonl", str(path)])
    assert result.exit_code == 0, result.stderr
    doc = one_doc(result)
    assert {s["code"] for s in doc["stocks"]} == {"00700", "00005"}
    assert doc["market"]["turnover"]["value"] == 215600000000
    (note,) = [n for n in notes(result.stderr) if "U+FFFD" in n]
    assert "1 byte" in note and f"offset {at}" in note and str(path) in note

    strict = runner.invoke(app, ["extract", "--encoding-errors", "strict", str(path)])
    assert strict.exit_code == 1
    assert re.search(r"cannot decode .*offset", strict.stderr)


def test_mostly_undecodable_is_refused_even_with_replace(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8 + b"HSI")
    result = runner.invoke(
        app, ["extract", "-e", "utf-8", "--encoding-errors", "replace", str(path)]
    )
    assert result.exit_code == 1
    (error,) = result.stderr.splitlines()
    assert error.startswith(f"hkwrap: error: {path}: cannot decode as utf-8")
    assert "pass --encoding" not in error  # it was passed


def test_many_bad_bytes_need_replace_by_default(runner: CliRunner, tmp_path: Path) -> None:
    # A UTF-8 report with every tenth byte of its Chinese damaged: too many to replace unasked.
    data = bytearray(ZH_HANT.encode("utf-8") * 4)
    for i in range(5, len(data), 10):
        if data[i] >= 0x80:
            data[i] = 0xFF
    path = tmp_path / "bad.txt"
    path.write_bytes(bytes(data))
    refused = runner.invoke(app, ["extract", "-e", "utf-8", str(path)])
    assert refused.exit_code == 1
    assert "--encoding-errors replace" in refused.stderr
    assert "pass --encoding" not in refused.stderr
    read = runner.invoke(app, ["extract", "-e", "utf-8", "--encoding-errors", "replace", str(path)])
    assert read.exit_code == 0
    assert any("replaced with U+FFFD" in n for n in notes(read.stderr))


def test_forced_wrong_encoding_is_called_garbled(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "tvb.txt"
    path.write_bytes(ZH_HANT.encode("big5hkscs"))
    wrong = runner.invoke(app, ["extract", "-e", "cp1252", "--encoding-errors", "replace", str(path)])
    assert wrong.exit_code == 0
    said = notes(wrong.stderr)
    assert any("looks garbled" in n for n in said)
    assert any("no fact found in the text decoded as cp1252" in n for n in said)
    assert "pass --encoding" not in wrong.stderr  # the user already did
    right = runner.invoke(app, ["extract", "-e", "big5hkscs", str(path)])
    assert right.exit_code == 0 and notes(right.stderr) == []


# -- 6. lookup ---------------------------------------------------------------------------------


def test_unknown_code_is_no_match(runner: CliRunner) -> None:
    result = runner.invoke(app, ["lookup", "-f", "json", "99999"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert result.stderr.startswith("hkwrap: error: 99999: no security matches")


def test_letters_match_on_word_boundaries(runner: CliRunner) -> None:
    result = runner.invoke(app, ["lookup", "-f", "json", "HSI"])
    codes = [r["code"] for r in json.loads(result.stdout)]
    assert "02356" not in codes  # DAHSING BANKING holds the letters, not the word
    assert "03037" in codes  # CSOP HSI ETF holds the word


def test_results_are_ranked(runner: CliRunner) -> None:
    from hkwrap.securities.lookup import MATCH_KINDS

    result = runner.invoke(app, ["lookup", "-f", "json", "Tencent", "kingsoft"])
    records = json.loads(result.stdout)
    for query in ("Tencent", "kingsoft"):
        kinds = [MATCH_KINDS.index(r["match"]) for r in records if r["query"] == query]
        assert kinds == sorted(kinds) and len(kinds) >= 2
    assert [r["code"] for r in records[:2]] == ["00700", "01698"]  # the company, then the music


def test_lookup_jsonl_csv_and_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["lookup", "-f", "csv"], input="700\n\n9988\n")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["query"], r["code"]) for r in rows] == [("700", "00700"), ("9988", "09988")]
    jsonl = runner.invoke(app, ["lookup", "-f", "jsonl", "-"], input="00005\n")
    (record,) = [json.loads(x) for x in jsonl.stdout.splitlines()]
    assert record["code"] == "00005" and record["match"] == "code"


HKEX_CSV = (
    "List of Securities\n"
    "Updated as at 31/12/2025\n"
    "Stock Code,Name of Securities,Category,Sub-Category,Board Lot,ISIN\n"
    "00028,TIAN AN,Equity,Equity Securities (Main Board),2000,BMG8868K1084\n"
    "02999,NORTHWIND HLDGS-SW,Equity,Equity Securities (Main Board),100,KYG000000001\n"
    "00700,TENCENT,Equity,Equity Securities (Main Board),100,KYG875721634\n"
)


def test_imported_names_are_cased_as_people_write_them(runner: CliRunner, tmp_path: Path) -> None:
    listing = tmp_path / "ListOfSecurities.csv"
    listing.write_text(HKEX_CSV, encoding="utf-8")
    table = tmp_path / "aliases.yaml"
    imported = runner.invoke(app, ["securities", "import", str(listing), "-o", str(table)])
    assert imported.exit_code == 0, imported.stderr
    found = runner.invoke(
        app, ["lookup", "-f", "json", "--aliases", str(table), "28", "2999", "700"]
    )
    names = [r["name"] for r in json.loads(found.stdout)]
    assert names == ["Tian An", "Northwind Holdings", "Tencent Holdings"]  # built-in name kept


def _northwind_alias_file(tmp_path: Path, monkeypatch, extra: str = "") -> Path:
    """A one-security user alias file, with the cache in ``tmp_path``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text(
        f'- {{code: "02999", short: NORTHWIND HLDGS, name: Northwind Holdings, {extra}'
        "aliases: [北風控股, Northwind]}\n",
        encoding="utf-8",
    )
    return aliases


def test_imported_table_is_read_back_without_compiling_it(tmp_path: Path, monkeypatch) -> None:
    """The second run with the same alias file reads the merged table back, compiling nothing."""
    from hkwrap.securities import build
    from hkwrap.securities import table as tables

    aliases = _northwind_alias_file(tmp_path, monkeypatch)
    first = tables._table_with_user_files([str(aliases)])
    calls = []
    real = build.compile_record
    monkeypatch.setattr(build, "compile_record", lambda *a, **k: calls.append(1) or real(*a, **k))
    second = tables._table_with_user_files([str(aliases)])
    assert calls == []
    assert second.index == first.index and second.by_alias("北风控股")[0].code == "02999"
    os.utime(aliases, ns=(1, 1))  # the file changed: compiled again
    tables._table_with_user_files([str(aliases)])
    assert calls


def test_table_cache_is_one_file_reused_and_rebuilt_when_stale_or_damaged(
    tmp_path: Path, monkeypatch
) -> None:
    """A run with an imported table reads one cache file (no YAML, no compiling, the automaton's
    keys already resolved) and gets the same table; a re-imported file, or a damaged cache
    file, is built again without an error."""
    from hkwrap.securities import table as tables
    from hkwrap.text.fold import fold

    aliases = _northwind_alias_file(tmp_path, monkeypatch, extra="us: NWND, ")
    first = tables._table_with_user_files([str(aliases)])
    (cache,) = (tmp_path / "cache" / "hkwrap").glob("table-*.bin")

    def no_yaml(path: object) -> None:
        raise AssertionError(f"read {path} again")

    with monkeypatch.context() as m:
        m.setattr(tables, "load_user_file", no_yaml)
        second = tables._table_with_user_files([str(aliases)])
    assert second._patterns is not None  # taken from the cache, not worked out again
    assert second.alias_patterns() == first.alias_patterns()
    assert second.index == first.index
    assert [r.to_dict() for r in second] == [r.to_dict() for r in first]
    assert second.by_us("NWND").code == "02999"
    text = "Northwind Holdings and 北風控股 rose; Tencent fell."
    folded = fold(text)
    assert second.matcher().find(folded, text) == first.matcher().find(folded, text)

    # a re-import writes the file again: the new names count, the old ones no longer
    aliases.write_text('- {code: "02999", name: Southwind Holdings, aliases: [南風控股]}\n', encoding="utf-8")
    os.utime(aliases, ns=(2_000_000_000, 2_000_000_000))
    third = tables._table_with_user_files([str(aliases)])
    assert [r.code for r in third.by_alias("南風控股")] == ["02999"]
    assert third.by_alias("北風控股") == [] and third.by_us("NWND") is None

    good = cache.read_bytes()
    for damaged in (b"", good[: len(good) // 2], good[:-1] + bytes([good[-1] ^ 1]), b"not a cache"):
        cache.write_bytes(damaged)
        again = tables._table_with_user_files([str(aliases)])
        assert again.alias_patterns() == third.alias_patterns()
        assert again.get("02999").name == "Southwind Holdings"
        assert cache.read_bytes() == good  # written anew


# -- 7. output shape ---------------------------------------------------------------------------


def test_amounts_and_counts_are_json_integers(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "close.txt"
    path.write_text(ZH_HANT, encoding="utf-8")
    result = runner.invoke(app, ["extract", "-f", "jsonl", str(path)])
    assert '"value": 215600000000,' in result.stdout
    assert "215600000000.0" not in result.stdout
    market = one_doc(result)["market"]
    assert isinstance(market["southbound"]["value"], int)


def test_market_evidence_is_given_once(runner: CliRunner) -> None:
    sample = SAMPLES / "zh-hans_close_2026-02-10.txt"
    result = runner.invoke(app, ["extract", "-f", "jsonl", str(sample)])
    market = one_doc(result)["market"]
    text = runner.invoke(app, ["text", str(sample)]).stdout
    for figure in ("turnover", "southbound"):
        assert set(market[figure]) == {"value", "currency", "qualifier"}
        ev = market["evidence"][figure]
        assert text[ev["start"] : ev["end"]] == ev["text"]
    assert {"advancers", "decliners", "unchanged"} <= set(market["evidence"])


def test_simplified_report_carries_simplified_names(runner: CliRunner, tmp_path: Path) -> None:
    hans = tmp_path / "hans.txt"
    hans.write_text(ZH_HANS, encoding="utf-8")
    doc = one_doc(runner.invoke(app, ["extract", "-f", "jsonl", str(hans)]))
    assert doc["language"] == "zh-Hans"
    tencent = next(s for s in doc["stocks"] if s["code"] == "00700")
    assert (tencent["name_zh"], tencent["name_zh_hans"]) == ("騰訊控股", "腾讯控股")
    assert list(tencent).index("name_zh_hans") == list(tencent).index("name_zh") + 1
    assert all("name_zh_hans" in m for m in doc["mentions"])
    hant = tmp_path / "hant.txt"
    hant.write_text(ZH_HANT, encoding="utf-8")
    other = one_doc(runner.invoke(app, ["extract", "-f", "jsonl", str(hant)]))
    assert all("name_zh_hans" not in s for s in other["stocks"])
    table = runner.invoke(app, ["extract", "-f", "table", str(hans)]).stdout
    assert "腾讯控股" in table and "騰訊控股" not in table  # the table in the report's script


@pytest.mark.parametrize(
    "source",
    [
        "html_portal_2026-03-05.html",
        "markdown_frontmatter_2025-10-08.md",
        "newsapi_2026-04-17.json#2",
        "zh-hant_tv_close_2026-01-15.txt",
    ],
)
def test_text_prints_what_offsets_index(runner: CliRunner, source: str) -> None:
    name = str(SAMPLES / source)
    result = runner.invoke(app, ["extract", "-f", "jsonl", name.split("#")[0]])
    doc = next(d for d in map(json.loads, result.stdout.splitlines()) if d["source"] == name)
    text = runner.invoke(app, ["text", name])
    assert text.exit_code == 0, text.stderr
    spans = [f["evidence"] for f in doc["indices"] + doc["stocks"] if f["evidence"]]
    spans += [{"text": m["text"], "start": m["start"], "end": m["end"]} for m in doc["mentions"]]
    assert spans
    for ev in spans:
        assert text.stdout[ev["start"] : ev["end"]] == ev["text"]


def test_text_of_a_list_of_articles_asks_which(runner: CliRunner) -> None:
    result = runner.invoke(app, ["text", str(SAMPLES / "newsapi_2026-04-17.json")])
    assert result.exit_code == 2
    assert "#1" in result.stderr and "#3" in result.stderr and result.stdout == ""


def test_color_option_beside_the_environment(runner: CliRunner) -> None:
    sample = str(SAMPLES / "en_wire_close_2025-11-24.txt")
    always = runner.invoke(app, ["extract", "-f", "table", "--color", "always", sample])
    assert "\x1b[" in always.stdout
    never = runner.invoke(
        app, ["extract", "-f", "table", "--color", "never", sample], env={"FORCE_COLOR": "1"}
    )
    assert "\x1b[" not in never.stdout
    forced = runner.invoke(app, ["extract", "-f", "table", sample], env={"FORCE_COLOR": "1"})
    assert "\x1b[" in forced.stdout  # auto still follows FORCE_COLOR
    looked = runner.invoke(app, ["lookup", "-f", "table", "--color", "always", "700"])
    assert "\x1b[" in looked.stdout


def test_version_names_the_securities_table_date(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert re.fullmatch(r"securities table: \d{4}-\d{2}-\d{2} \(built in\)", result.stdout.splitlines()[1])


def test_shell_completion(tmp_path: Path) -> None:
    env = {**os.environ, "_HKWRAP_COMPLETE": "complete_bash", "COMP_WORDS": "hkwrap ex",
           "COMP_CWORD": "1"}
    done = subprocess.run([*HKWRAP], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["extract"]
    env["COMP_WORDS"], env["COMP_CWORD"] = "hkwrap extract --encoding-e", "2"
    done = subprocess.run([*HKWRAP], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["--encoding-errors"]
    home = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    installed = subprocess.run(
        [*HKWRAP, "--install-completion", "bash"], env=home, capture_output=True, text=True,
        timeout=60,
    )
    assert installed.returncode == 0, installed.stderr
    assert "hkwrap" in (tmp_path / ".bashrc").read_text()


# -- 5. tables at a terminal's width -----------------------------------------------------------


def table_body(text: str, title: str | None = None) -> list[str]:
    """The lines of a plain table's rows: after its header's rule, up to the next blank line."""
    if title is not None:
        text = text.split(f"\n{title}\n", 1)[1]
    body = text.split("\n", 2)[2]  # past the column names and the rule under them
    return body.split("\n\n", 1)[0].rstrip("\n").split("\n")


def sample_doc(name: str) -> dict:
    from hkwrap.pipeline import extract_file

    (doc,) = extract_file(str(SAMPLES / name))
    return doc.to_dict()


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize(
    "name", ["en_wire_close_2025-11-24.txt", "zh-hant_tv_close_2026-01-15.txt"]
)
def test_tables_keep_one_line_per_row(name: str, width: int) -> None:
    from rich.cells import cell_len

    from hkwrap.output.table import TableRenderer

    doc = sample_doc(name)
    doc["stocks"][0]["name"] = "A Very Long Company Name Holdings International Group Limited"
    text = TableRenderer(colour=False, width=width).document(doc)
    lines = text.splitlines()
    assert all(cell_len(line) <= width for line in lines)
    stock_rows = table_body(text, "Stocks")
    assert len(stock_rows) == len(doc["stocks"])  # no row spills onto a second line
    assert all(re.match(r"\d{5}\s", row) for row in stock_rows)
    assert all(re.search(r"[+-][\d.]+%", row) for row in stock_rows)  # the figure on the row
    if width == 80:
        assert re.search(r"A Very Long Company \S*…", text)  # cut, with an ellipsis
    mentioned = {m["code"] for m in doc["mentions"]}
    shown = set(re.findall(r"(?<!\d)\d{5}(?!\d)", text.split("Mentions:")[1]))
    assert shown <= mentioned and len(shown) == min(len(mentioned), 12)  # no code cut in two


def test_tables_show_qualifiers_and_whole_points_and_hide_empty_columns() -> None:
    from hkwrap.output.table import TableRenderer

    doc = sample_doc("zh-hant_tv_close_2026-01-15.txt")
    text = TableRenderer(colour=False, width=80).document(doc)
    assert "Qualifier" not in text and "as_much_as" not in text
    assert "up to -407" in text and "-286" in text and "-286.00" not in text
    assert ">-7.00%" in text  # NIO fell over 7%
    assert "~4.10bn" in text  # southbound about 4.1 billion
    assert "Turnover " not in text.split("Stocks")[1].split("\n")[1]  # no stock turnover given


def test_lookup_table_is_one_line_per_security() -> None:
    from rich.cells import cell_len

    from hkwrap.cli import LOOKUP_COLUMNS
    from hkwrap.output.table import render_records
    from hkwrap.securities.lookup import lookup
    from hkwrap.securities.table import get_table

    table = get_table(use_user_config=False)
    records = [{"query": q, **r} for q in ("HSI", "騰訊") for r in lookup(q, table)]
    text = render_records(records, columns=LOOKUP_COLUMNS, width=80)
    rows = table_body(text)
    assert len(rows) == len(records) and all(re.match(r"(HSI|騰訊)\s", row) for row in rows)
    assert all(cell_len(line) <= 80 for line in text.splitlines())
    assert all(re.search(r"\s\d{5}\s", row) for row in rows)
