"""The command line: exit codes, stdout and stderr checked separately, formats and their shapes.

Extraction itself is tested elsewhere; where a test needs facts in the output it replaces
``hkwrap.pipeline.extract_source`` with ``fake_extract`` below, so these tests check the CLI's
behaviour whatever the extractors currently find.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import hkwrap.pipeline
from hkwrap import __version__, cli, run
from hkwrap.cli import app
from hkwrap.model import (
    Amount,
    Document,
    Evidence,
    IndexMove,
    Level,
    Market,
    Mention,
    StockMove,
)

ANSI = "\x1b["
REPO = Path(__file__).resolve().parent.parent


def fact_document(source: str) -> Document:
    """A document with one fact of every kind, one evidence beginning with '='."""
    ev = Evidence("The Hang Seng Index fell 1.2% to 25,000.5 points", 0, 49, 1)
    formula = Evidence('=HYPERLINK("http://x","click")', 50, 80, 2)
    return Document(
        source=source,
        language="en",
        date="2025-11-21",
        title="Hong Kong close",
        indices=[IndexMove("HSI", "Hang Seng Index", 25000.5, -1.2, -303.4, "exact", "close", ev)],
        stocks=[
            StockMove("00700", "Tencent", "騰訊控股", 2.5, 612.0, "HKD", 1.2204e10, "over",
                      "close", formula),
            StockMove("09988", "Alibaba", "阿里巴巴", -4.1, 120.3, session="close"),
        ],
        mentions=[Mention("00700", "Tencent", "Tencent", 50, 57)],
        market=Market(
            turnover=Amount(3.257e11, "HKD", "over", ev),
            southbound=Amount(-8.8e9, "RMB"),
            advancers=800,
            decliners=1000,
        ),
        levels=[Level("HSI", "support", 22500.0, ev)],
        warnings=["date taken from the file name"],
    )


def fake_extract(src: Any, options: Any = None) -> Document:
    return fact_document(src.name)


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """A directory with a few small reports."""
    folder = tmp_path / "reports"
    folder.mkdir()
    texts = {
        "a.txt": "The Hang Seng Index fell 1.2% to 25,000.5 points on Friday.\n",
        "b.txt": "恒指收市跌335點，報23076點。\n",
        "c.txt": "恒指收市跌335点，报23076点。\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def facts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hkwrap.pipeline, "extract_source", fake_extract)


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


# -- basics ---------------------------------------------------------------------------------


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"hkwrap {__version__}"
    assert result.stderr == ""


def test_no_command_shows_help(runner: CliRunner) -> None:
    result = runner.invoke(app, [])
    assert result.exit_code in (0, 2)
    assert "extract" in result.stdout + result.stderr


def test_default_format_off_a_terminal_is_jsonl(runner: CliRunner, reports: Path) -> None:
    paths = [str(reports / n) for n in ("a.txt", "b.txt", "c.txt")]
    result = runner.invoke(app, ["extract", *paths])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in lines(result.stdout)]
    assert [r["source"] for r in records] == paths
    assert result.stderr == ""


def _check_contract(doc: dict[str, Any]) -> None:
    assert doc["schema_version"] == 1
    assert isinstance(doc["source"], str)
    assert doc["language"] in ("en", "zh-Hant", "zh-Hans", "mixed")
    assert doc["date"] is None or isinstance(doc["date"], str)
    for key in ("indices", "stocks", "mentions", "levels", "warnings"):
        assert isinstance(doc[key], list), key
    market = doc["market"]
    for key in ("turnover", "southbound", "northbound"):
        amount = market[key]
        assert amount is None or (
            isinstance(amount["value"], (int, float)) and amount["currency"] in ("HKD", "RMB", "USD")
        )
    for key in ("advancers", "decliners", "unchanged"):
        assert market[key] is None or isinstance(market[key], int)
    assert market["short_selling_ratio"] is None or isinstance(
        market["short_selling_ratio"], (int, float)
    )
    number_or_null = (int, float, type(None))
    for move in doc["indices"]:
        assert {"index", "name", "level", "change_pct", "change_points", "qualifier", "session",
                "evidence"} <= move.keys()
        assert isinstance(move["change_pct"], number_or_null)
        assert isinstance(move["level"], number_or_null)
    for move in doc["stocks"]:
        assert {"code", "name", "name_zh", "change_pct", "price", "currency", "turnover",
                "qualifier", "session", "evidence"} <= move.keys()
        assert isinstance(move["code"], str) and len(move["code"]) == 5 and move["code"].isdigit()
        assert isinstance(move["price"], number_or_null)
        assert isinstance(move["turnover"], number_or_null)
    for mention in doc["mentions"]:
        assert {"code", "name", "text", "start", "end"} <= mention.keys()
        assert isinstance(mention["start"], int) and isinstance(mention["end"], int)
    for level in doc["levels"]:
        assert {"index", "kind", "value", "evidence"} <= level.keys()
        assert level["kind"] in ("support", "resistance", "target")
    for fact in doc["indices"] + doc["stocks"] + doc["levels"]:
        ev = fact["evidence"]
        if ev is not None:
            assert isinstance(ev["text"], str)
            assert all(isinstance(ev[k], int) for k in ("start", "end", "line"))


def test_json_is_one_array_in_input_order_with_contract_fields(
    runner: CliRunner, reports: Path
) -> None:
    paths = [str(reports / n) for n in ("c.txt", "a.txt", "b.txt")]
    result = runner.invoke(app, ["extract", "--format", "json", *paths])
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)
    assert isinstance(docs, list)
    assert [d["source"] for d in docs] == paths
    for doc in docs:
        _check_contract(doc)


def test_json_contract_types_with_facts(runner: CliRunner, reports: Path, facts: None) -> None:
    result = runner.invoke(app, ["extract", "-f", "json", "-q", str(reports / "a.txt")])
    assert result.exit_code == 0, result.stderr
    (doc,) = json.loads(result.stdout)
    _check_contract(doc)
    assert doc["stocks"][0]["name_zh"] == "騰訊控股"
    assert "騰訊控股" in result.stdout  # UTF-8, not \\u-escaped


def test_json_with_no_input_document_is_an_empty_array(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["extract", "-q", "-f", "json", str(empty)])
    assert result.exit_code == 1  # no report at all is said, even with -q (issue 11, item 3)
    assert json.loads(result.stdout) == []
    assert result.stderr == f"hkwrap: error: no report found in {empty}\n"


def test_jsonl_record_has_the_shape_of_a_json_element(
    runner: CliRunner, reports: Path, facts: None
) -> None:
    path = str(reports / "a.txt")
    as_json = runner.invoke(app, ["extract", "-q", "-f", "json", path])
    as_jsonl = runner.invoke(app, ["extract", "-q", "-f", "jsonl", path])
    assert as_json.exit_code == as_jsonl.exit_code == 0
    assert json.loads(as_json.stdout) == [json.loads(line) for line in lines(as_jsonl.stdout)]


def test_csv_one_row_per_fact_with_fixed_header(
    runner: CliRunner, reports: Path, facts: None
) -> None:
    result = runner.invoke(app, ["extract", "-q", "-f", "csv", str(reports / "a.txt")])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    header = result.stdout.splitlines()[0].split(",")
    for column in ("source", "date", "kind", "subject", "name", "change_pct", "change_points",
                   "value", "currency", "qualifier", "evidence"):
        assert column in header
    kinds = [r["kind"] for r in rows]
    # 1 index move, 2 stock moves, 4 market figures (turnover, southbound, advancers,
    # decliners: the null ones have no row), 1 level
    assert kinds == ["index", "stock", "stock", "market", "market", "market", "market", "level"]
    assert rows[0]["change_pct"] == "-1.2"  # a negative number stays a number
    assert rows[3]["value"] == "325700000000"


def test_csv_neutralises_formulas(runner: CliRunner, reports: Path, facts: None) -> None:
    result = runner.invoke(app, ["extract", "-q", "-f", "csv", str(reports / "a.txt")])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    tencent = next(r for r in rows if r["subject"] == "00700")
    assert tencent["evidence"].startswith("'=HYPERLINK")
    assert not any(cell.startswith(("=", "@", "+")) for row in rows for cell in row.values())


def test_csv_bom_only_when_asked(runner: CliRunner, reports: Path) -> None:
    path = str(reports / "a.txt")
    plain = runner.invoke(app, ["extract", "-f", "csv", path])
    bom = runner.invoke(app, ["extract", "-f", "csv", "--bom", path])
    assert not plain.stdout_bytes.startswith(b"\xef\xbb\xbf")
    assert bom.stdout_bytes.startswith(b"\xef\xbb\xbfsource,")
    wrong = runner.invoke(app, ["extract", "-f", "json", "--bom", path])
    assert wrong.exit_code == 2


# -- inputs and errors ----------------------------------------------------------------------


def test_bad_inputs_are_named_and_the_good_one_still_written(
    runner: CliRunner, reports: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "image.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    missing = tmp_path / "nope.txt"
    good = reports / "a.txt"
    result = runner.invoke(app, ["extract", str(missing), str(good), str(binary)])
    assert result.exit_code == 1
    errors = lines(result.stderr)
    assert len(errors) == 2, result.stderr
    assert errors[0].startswith(f"hkwrap: error: {missing}: ")
    assert errors[1].startswith(f"hkwrap: error: {binary}: ")
    assert "Traceback" not in result.stderr
    (record,) = [json.loads(line) for line in lines(result.stdout)]
    assert record["source"] == str(good)


def test_unexpected_exception_in_extraction_is_one_line(
    runner: CliRunner, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(src: Any, options: Any = None) -> Document:
        if src.name.endswith("b.txt"):
            raise RuntimeError("boom\nsecond line")
        return Document(source=src.name)

    monkeypatch.setattr(hkwrap.pipeline, "extract_source", broken)
    paths = [str(reports / n) for n in ("a.txt", "b.txt", "c.txt")]
    result = runner.invoke(app, ["extract", *paths])
    assert result.exit_code == 1
    (error,) = lines(result.stderr)
    assert error.startswith(f"hkwrap: error: {paths[1]}: internal error: RuntimeError: boom")
    assert [json.loads(x)["source"] for x in lines(result.stdout)] == [paths[0], paths[2]]

    debug = runner.invoke(app, ["extract", "--debug", *paths])
    assert debug.exit_code == 1
    assert "Traceback" in debug.stderr


def test_fail_fast_stops_at_the_first_failure(
    runner: CliRunner, reports: Path, tmp_path: Path
) -> None:
    paths = [str(reports / "a.txt"), str(tmp_path / "missing.txt"), str(reports / "b.txt")]
    result = runner.invoke(app, ["extract", "--fail-fast", *paths])
    assert result.exit_code == 1
    assert len(lines(result.stderr)) == 1
    assert [json.loads(x)["source"] for x in lines(result.stdout)] == [paths[0]]


def test_max_bytes_refuses_one_input_and_goes_on(runner: CliRunner, reports: Path) -> None:
    big = reports / "big.txt"
    big.write_text("Hang Seng " * 200, encoding="utf-8")
    result = runner.invoke(
        app, ["extract", "--max-bytes", "1k", str(big), str(reports / "a.txt")]
    )
    assert result.exit_code == 1
    (error,) = lines(result.stderr)
    assert error.startswith(f"hkwrap: error: {big}: ") and "max-bytes" in error
    assert len(lines(result.stdout)) == 1


@pytest.mark.parametrize("value", ["0", "-3", "lots", "12Q"])
def test_max_bytes_is_validated(runner: CliRunner, reports: Path, value: str) -> None:
    result = runner.invoke(app, ["extract", f"--max-bytes={value}", str(reports / "a.txt")])
    assert result.exit_code == 2


def test_stdin_dash(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-"], input="恒指收市跌335點。\n")
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in lines(result.stdout)]
    assert record["source"] == "-"


def test_no_arguments_with_piped_stdin_reads_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract"], input="The Hang Seng Index rose 1%.\n")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["source"] == "-"


def test_no_arguments_with_a_terminal_on_stdin_is_a_usage_error(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "stdin_is_tty", lambda: True)
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "stdin" in result.stderr


def test_directories_are_walked_in_order(runner: CliRunner, reports: Path) -> None:
    result = runner.invoke(app, ["extract", str(reports)])
    assert result.exit_code == 0, result.stderr
    sources = [json.loads(x)["source"] for x in lines(result.stdout)]
    assert [Path(s).name for s in sources] == ["a.txt", "b.txt", "c.txt"]


def test_jobs_keep_input_order(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    paths = []
    for i in range(12):
        path = folder / f"r{i:02d}.txt"
        path.write_text(f"Report {i}: the Hang Seng Index rose {i}%.\n", encoding="utf-8")
        paths.append(str(path))
    paths.insert(5, str(tmp_path / "missing.txt"))
    result = runner.invoke(app, ["extract", "--jobs", "3", *paths])
    assert result.exit_code == 1
    assert len(lines(result.stderr)) == 1
    assert [json.loads(x)["source"] for x in lines(result.stdout)] == [
        p for p in paths if "missing" not in p
    ]
    auto = runner.invoke(app, ["extract", "-j", "auto", str(folder)])
    assert auto.exit_code == 0
    assert len(lines(auto.stdout)) == 12


@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_jobs_is_validated(runner: CliRunner, reports: Path, value: str) -> None:
    assert runner.invoke(app, ["extract", f"--jobs={value}", str(reports)]).exit_code == 2


def test_no_progress_bar_when_stderr_is_not_a_terminal(runner: CliRunner, tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"r{i}.txt").write_text("Hang Seng Index rose 1%.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("value", "ok"),
    [("2025-11-21", True), ("2024-02-29", True), ("2025-02-30", False), ("21/11/2025", False),
     ("20251121", False), ("yesterday", False)],
)
def test_date_is_validated_and_passed_on(
    runner: CliRunner, reports: Path, monkeypatch: pytest.MonkeyPatch, value: str, ok: bool
) -> None:
    seen: list[Any] = []

    def spy(src: Any, options: Any = None) -> Document:
        seen.append(options)
        return Document(source=src.name)

    monkeypatch.setattr(hkwrap.pipeline, "extract_source", spy)
    result = runner.invoke(app, ["extract", "--date", value, str(reports / "a.txt")])
    if ok:
        assert result.exit_code == 0, result.stderr
        assert seen[0].reference_date == value
    else:
        assert result.exit_code == 2
        assert "--date" in result.stderr
        assert result.stdout == ""


def test_encoding_is_validated(runner: CliRunner, reports: Path) -> None:
    assert runner.invoke(app, ["extract", "--encoding", "no-such", str(reports)]).exit_code == 2
    big5 = reports / "big5.txt"
    big5.write_bytes("恒指收市跌335點。\n".encode("big5hkscs"))
    result = runner.invoke(app, ["extract", "--encoding", "big5hkscs", str(big5)])
    assert result.exit_code == 0, result.stderr


def test_aliases_and_user_config_reach_the_options(
    runner: CliRunner, reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Any] = []

    def spy(src: Any, options: Any = None) -> Document:
        seen.append(options)
        return Document(source=src.name)

    monkeypatch.setattr(hkwrap.pipeline, "extract_source", spy)
    monkeypatch.setattr(run, "load_alias_table", lambda aliases, use_user_config: None)
    aliases = tmp_path / "mine.yaml"
    aliases.write_text("[]\n", encoding="utf-8")
    result = runner.invoke(
        app, ["extract", "--aliases", str(aliases), "--no-user-aliases", str(reports / "a.txt")]
    )
    assert result.exit_code == 0, result.stderr
    assert seen[0].alias_files == (str(aliases),)
    assert seen[0].use_user_config is False
    missing = runner.invoke(app, ["extract", "--aliases", str(tmp_path / "no.yaml"), str(reports)])
    assert missing.exit_code == 2


def test_notes_and_warnings_go_to_stderr_unless_quiet(
    runner: CliRunner, reports: Path, facts: None
) -> None:
    path = str(reports / "a.txt")
    loud = runner.invoke(app, ["extract", path])
    assert loud.exit_code == 0
    assert lines(loud.stderr) == [f"hkwrap: note: {path}: date taken from the file name"]
    quiet = runner.invoke(app, ["extract", "-q", path])
    assert quiet.exit_code == 0
    assert quiet.stderr == ""
    assert quiet.stdout == loud.stdout


def test_ticker_style_adds_ticker_beside_code(
    runner: CliRunner, reports: Path, facts: None
) -> None:
    result = runner.invoke(
        app, ["extract", "-q", "-f", "json", "--ticker-style", "yahoo", str(reports / "a.txt")]
    )
    assert result.exit_code == 0, result.stderr
    (doc,) = json.loads(result.stdout)
    stock = doc["stocks"][0]
    assert stock["code"] == "00700"
    assert stock["ticker"] == "0700.HK"
    assert list(stock)[:2] == ["code", "ticker"]
    assert doc["mentions"][0]["ticker"] == "0700.HK"
    bad = runner.invoke(app, ["extract", "--ticker-style", "reuters", str(reports)])
    assert bad.exit_code == 2


# -- terminal -------------------------------------------------------------------------------


def test_table_on_a_pipe_has_no_ansi(runner: CliRunner, reports: Path, facts: None) -> None:
    result = runner.invoke(app, ["extract", "-f", "table", str(reports / "a.txt")])
    assert result.exit_code == 0, result.stderr
    assert ANSI not in result.stdout
    assert "Indices" in result.stdout and "Stocks" in result.stdout
    assert "騰訊控股" in result.stdout
    assert result.stderr.splitlines()[-1].startswith("hkwrap: 1 document from 1 input")


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        ({"NO_COLOR": "1"}, False),
        ({"TERM": "dumb"}, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ({}, True),
    ],
)
def test_colour_on_a_terminal_honours_the_environment(
    runner: CliRunner,
    reports: Path,
    facts: None,
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    coloured: bool,
) -> None:
    monkeypatch.setattr(run, "stdout_is_tty", lambda: True)
    result = runner.invoke(app, ["extract", "-q", str(reports / "a.txt")], env=env)
    assert result.exit_code == 0, result.stderr
    assert "Indices" in result.stdout  # a terminal gets the table by default
    assert (ANSI in result.stdout) is coloured


def test_force_color_colours_a_pipe(runner: CliRunner, reports: Path, facts: None) -> None:
    result = runner.invoke(
        app, ["extract", "-q", "-f", "table", str(reports / "a.txt")], env={"FORCE_COLOR": "1"}
    )
    assert ANSI in result.stdout


@pytest.mark.parametrize(("colours", "up_code"), [("hk", "32"), ("mainland", "31")])
def test_colour_conventions(
    runner: CliRunner, reports: Path, facts: None, colours: str, up_code: str
) -> None:
    result = runner.invoke(
        app,
        ["extract", "-q", "-f", "table", "--colours", colours, str(reports / "a.txt")],
        env={"FORCE_COLOR": "1"},
    )
    assert f"\x1b[{up_code}m>+2.50%" in result.stdout  # rose over 2.5%


# -- -o FILE --------------------------------------------------------------------------------


def test_output_file_is_written(runner: CliRunner, reports: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "-o", str(target), str(reports)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert len(lines(target.read_text(encoding="utf-8"))) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config", "out.jsonl", "reports"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "reports"]


@pytest.mark.parametrize(
    ("raised", "code"), [(KeyboardInterrupt, 130), (run.Terminated, 143), (RuntimeError, 1)]
)
def test_output_file_kept_when_the_run_is_interrupted(
    runner: CliRunner,
    reports: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    raised: type[BaseException],
    code: int,
) -> None:
    from hkwrap.output import jsonout

    calls = {"n": 0}
    original = jsonout.JsonlRenderer.document

    def flaky(self: Any, doc: Any) -> str:
        calls["n"] += 1
        if calls["n"] == 2:  # one document already written to the temporary file
            raise raised()
        return original(self, doc)

    monkeypatch.setattr(jsonout.JsonlRenderer, "document", flaky)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "today.jsonl"
    target.write_text("yesterday's complete output\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "-o", str(target), str(reports)])
    assert result.exit_code == code
    assert target.read_text(encoding="utf-8") == "yesterday's complete output\n"
    assert [p.name for p in out_dir.iterdir()] == ["today.jsonl"]  # no temporary file left
    assert len(lines(result.stderr)) == 1
    assert "Traceback" not in result.stderr


def test_fail_fast_keeps_the_old_output_file(
    runner: CliRunner, reports: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    result = runner.invoke(
        app, ["extract", "--fail-fast", "-o", str(target), str(reports / "a.txt"), missing]
    )
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "old\n"


def test_output_into_a_missing_directory_is_a_usage_error(
    runner: CliRunner, reports: Path, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["extract", "-o", str(tmp_path / "no" / "x.jsonl"), str(reports)])
    assert result.exit_code == 2


# -- processes ------------------------------------------------------------------------------


def _run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=REPO, **kwargs
    )


def test_import_hkwrap_stays_light() -> None:
    code = (
        "import sys, hkwrap; "
        "hkwrap.extract_text('The Hang Seng Index fell 1.2%.'); "
        "bad = [m for m in ('typer', 'rich', 'click') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    result = _run(["-c", code])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_python_dash_m_and_closed_pipe_is_quiet(tmp_path: Path) -> None:
    for i in range(400):
        (tmp_path / f"r{i:03d}.txt").write_text(f"Report {i}.\n", encoding="utf-8")
    script = f"{sys.executable} -m hkwrap extract {tmp_path} | head -n 1"
    env = dict(os.environ)
    result = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, cwd=REPO, env=env
    )
    assert result.returncode == 0
    assert len(lines(result.stdout)) == 1
    assert result.stderr == ""


# -- lookup and securities import (need hkwrap.securities.lookup / importer) ----------------


def test_lookup_json_and_no_match(runner: CliRunner) -> None:
    pytest.importorskip("hkwrap.securities.lookup")
    result = runner.invoke(app, ["lookup", "-f", "json", "--no-user-aliases", "00700"])
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert isinstance(records, list) and records
    assert any(r.get("code") == "00700" for r in records)

    missing = runner.invoke(app, ["lookup", "-f", "json", "--no-user-aliases", "zzzqqqxx"])
    assert missing.exit_code == 1
    assert json.loads(missing.stdout) == []
    (error,) = lines(missing.stderr)
    assert error.startswith("hkwrap: error: zzzqqqxx: no security matches")


def test_lookup_table(runner: CliRunner) -> None:
    pytest.importorskip("hkwrap.securities.lookup")
    result = runner.invoke(app, ["lookup", "-f", "table", "--no-user-aliases", "700"])
    assert result.exit_code == 0, result.stderr
    assert "00700" in result.stdout
    assert ANSI not in result.stdout


def test_securities_import_writes_the_user_table(runner: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("hkwrap.securities.importer")
    source = Path("/work/shared/data/hkex_ListOfSecurities_c_2025-11-04.csv")
    if not source.exists():
        pytest.skip("no HKEX list of securities available")
    target = tmp_path / "aliases.yaml"
    result = runner.invoke(app, ["securities", "import", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.stat().st_size > 0
    assert result.stdout == ""


def test_securities_import_default_path_is_xdg(runner: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("hkwrap.securities.importer")
    source = Path("/work/shared/data/hkex_ListOfSecurities_c_2025-11-04.csv")
    if not source.exists():
        pytest.skip("no HKEX list of securities available")
    result = runner.invoke(
        app, ["securities", "import", str(source)], env={"XDG_CONFIG_HOME": str(tmp_path / "x")}
    )
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "x" / "hkwrap" / "aliases.yaml").exists()


def test_securities_import_missing_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["securities", "import", str(tmp_path / "none.xlsx")])
    assert result.exit_code == 2


@pytest.mark.parametrize(("signum", "code"), [(2, 130), (15, 143)])
def test_signals_exit_with_one_line(tmp_path: Path, signum: int, code: int) -> None:
    import signal
    import time

    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    env = dict(os.environ)
    proc = subprocess.Popen(
        [sys.executable, "-m", "hkwrap", "extract", "-o", str(target), "-"],
        stdin=subprocess.PIPE,  # left open: the run waits for stdin until the signal
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
        # as a user's shell starts it: a test runner launched in the background (`cmd &` from a
        # script) ignores SIGINT, and a child inherits that, so the run would never see Ctrl-C
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(1.5)
    proc.send_signal(signal.Signals(signum))
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == code
    assert len(lines(err)) == 1 and err.startswith("hkwrap: error: ")
    assert out == ""
    assert target.read_text(encoding="utf-8") == "old\n"


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "--help"],
        ["extract", "--format", "xml", "x.txt"],
        ["extract", "--bogus"],
        ["lookup", "--help"],
        ["lookup", "tencent", "--format", "csv"],
        ["text", "--help"],
        ["load", "--help"],
    ],
)
def test_a_run_builds_only_its_command_and_prints_the_same(
    runner: CliRunner, args: list[str]
) -> None:
    """``main`` hands typer the named command alone (less start-up); help, usage errors and
    output are what the whole app gives."""
    lean = cli._app_for(args)
    assert lean is not app and len(lean.registered_commands) == 1
    whole = runner.invoke(app, args)
    alone = runner.invoke(lean, args)
    assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output)


@pytest.mark.parametrize("args", [[], ["--version"], ["securities", "import", "--help"], ["extrct"]])
def test_no_command_first_runs_the_whole_app(args: list[str]) -> None:
    assert cli._app_for(args) is app


def test_extract_pauses_the_collector_only_for_start_up(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """main() pauses the garbage collector for an `extract` run's start and turns it back on
    once the extractors, vocabulary and automaton are built, with them frozen (and after the
    run, whatever happens)."""
    import gc

    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))  # not this test process
    frozen: list[bool] = []

    seen: list[bool] = []
    real = hkwrap.pipeline.extract_source

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(hkwrap.pipeline, "extract_source", spy)
    sample = Path(__file__).parents[1] / "samples" / "en_wire_close_2025-11-24.txt"
    monkeypatch.setattr(sys, "argv", ["hkwrap", "extract", "--no-user-aliases", "-f", "json", str(sample)])
    assert gc.isenabled()
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 0 and seen == [True] and gc.isenabled() and frozen == [True]
    assert json.loads(capsys.readouterr().out)[0]["indices"]
    monkeypatch.setattr(sys, "argv", ["hkwrap", "extract", "--bogus"])
    with pytest.raises(SystemExit):
        cli.main()
    assert gc.isenabled()
