"""Everyday use (issue 11): file lists, appending, output paths and formats, usage messages.

Each test runs the command line as a user would, in a temporary folder with its own home.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from cli_run import hkwrap


def report(day: int) -> str:
    return f"The Hang Seng Index rose {day / 10:.1f}% to 25,{day:03d} points on Friday.\n"


@pytest.fixture
def archive(tmp_path: Path) -> list[Path]:
    """Reports whose names need care: spaces, a newline, a leading dash, Chinese."""
    folder = tmp_path / "archive"
    folder.mkdir()
    names = ["a b.txt", "line\nbreak.txt", "-dash.txt", "港股.txt", "plain.txt"]
    paths = []
    for day, name in enumerate(names, start=1):
        path = folder / name
        path.write_text(report(day), encoding="utf-8")
        paths.append(path)
    return paths


def _sources(out: Path) -> list[str]:
    return [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]


# -- item 1: --files-from, -0, --append; walks skip hkwrap's own output ----------------------


def test_files_from_nul_separated_stdin_reads_every_name(tmp_path: Path, archive: list[Path]) -> None:
    listing = b"\0".join(os.fsencode(p) for p in archive) + b"\0"
    out = tmp_path / "archive.jsonl"
    result = hkwrap("extract", "--files-from", "-", "-0", "-o", str(out), cwd=tmp_path, stdin=listing)
    assert result.returncode == 0, result.stderr
    assert _sources(out) == [str(p) for p in archive]  # in list order, even the newline name


def test_files_from_a_file_one_path_a_line(tmp_path: Path, archive: list[Path]) -> None:
    plain = [p for p in archive if "\n" not in p.name]
    (tmp_path / "list.txt").write_text("".join(f"{p}\r\n" for p in plain) + "\n", encoding="utf-8")
    result = hkwrap("extract", "--files-from", "list.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"] for d in docs] == [str(p) for p in plain]


def test_files_from_with_many_names_gives_one_document_each(tmp_path: Path) -> None:
    """The README recipe: xargs split 3,000 names into batches that replaced each other's -o."""
    folder = tmp_path / "many"
    folder.mkdir()
    names = []
    for i in range(1, 1201):
        path = folder / f"report-{i:04d}-{'x' * 60}.txt"
        path.write_text(report(i % 900), encoding="utf-8")
        names.append(os.fsencode(path))
    out = tmp_path / "all.jsonl"
    result = hkwrap(
        "extract", "-q", "--files-from", "-", "-0", "--jobs", "2", "-o", str(out),
        cwd=tmp_path, stdin=b"\0".join(names),
    )
    assert result.returncode == 0, result.stderr
    assert len(_sources(out)) == 1200


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-0", "x.txt"], "--files-from"),
        (["--files-from", "-", "-"], "stdin cannot be both"),
        (["--files-from", "missing.txt"], "cannot read missing.txt"),
        (["--append", "x.txt"], "--append needs -o"),
    ],
)
def test_file_list_and_append_misuse_are_usage_errors(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "x.txt").write_text(report(1), encoding="utf-8")
    result = hkwrap("extract", *args, cwd=tmp_path, stdin=b"x.txt\n")
    assert result.returncode == 2
    assert message in result.stderr.decode()


def test_append_adds_to_jsonl_and_csv_atomically(tmp_path: Path, archive: list[Path]) -> None:
    out = tmp_path / "facts.jsonl"
    assert hkwrap("extract", "-o", str(out), str(archive[0]), cwd=tmp_path).returncode == 0
    out.write_bytes(out.read_bytes().rstrip(b"\n"))  # a last line left unfinished by someone else
    result = hkwrap("extract", "--append", "-o", str(out), str(archive[1]), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _sources(out) == [str(archive[0]), str(archive[1])]

    table = tmp_path / "facts.csv"
    for path in archive[:2]:
        result = hkwrap("extract", "-f", "csv", "--append", "-o", str(table), str(path), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    with open(table, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert sum(1 for row in rows if row[0] == "source") == 1  # one header, at the top
    assert rows[0][0] == "source"
    assert {row[0] for row in rows[1:]} == {str(archive[0]), str(archive[1])}

    before = out.read_bytes()
    result = hkwrap(
        "extract", "--append", "--fail-fast", "-o", str(out), str(archive[2]), "missing.txt",
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert out.read_bytes() == before  # a failed run appends nothing
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_append_to_json_array_or_table_is_refused(tmp_path: Path, archive: list[Path]) -> None:
    out = tmp_path / "facts.out"
    out.write_text("{}\n", encoding="utf-8")
    result = hkwrap("extract", "-f", "json", "--append", "-o", str(out), str(archive[0]), cwd=tmp_path)
    assert result.returncode == 2
    assert "--append" in result.stderr.decode()
    assert out.read_text(encoding="utf-8") == "{}\n"


def test_a_second_run_does_not_read_its_own_output_back(tmp_path: Path, archive: list[Path]) -> None:
    folder = archive[0].parent
    out = folder / "facts.json"
    first = hkwrap("extract", "-f", "json", "-o", str(out), str(folder), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    count = len(json.loads(out.read_text(encoding="utf-8")))
    assert count == len(archive)
    (folder / "copy.json").write_bytes(out.read_bytes())  # an older run's output, renamed
    second = hkwrap("extract", "-f", "json", "-o", str(out), str(folder), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))) == count  # no invented documents
    notes = second.stderr.decode()
    assert f"{out}: hkwrap's own output" in notes
    assert f"{folder / 'copy.json'}: hkwrap's own output" in notes
    # a table written into the folder is not JSON, but it is this run's -o target
    tables = folder / "facts.txt"
    for _ in range(2):
        run = hkwrap("extract", "-f", "table", "-o", str(tables), str(folder), cwd=tmp_path)
        assert run.returncode == 0, run.stderr
    assert f"{tables}: the -o output of this run; skipped" in run.stderr.decode()
    assert str(tables) not in tables.read_text(encoding="utf-8")  # not read back as a report


def test_a_news_json_file_is_not_taken_for_hkwrap_output(tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    feed = [{"title": "Hang Seng Index rose 1%", "body": "Tencent (00700) gained 2%."}]
    (folder / "feed.json").write_text(json.dumps(feed), encoding="utf-8")
    result = hkwrap("extract", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"] == str(folder / "feed.json")


# -- item 3: format from the -o extension; a missing folder; a run with no report -------------


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("facts.csv", lambda text: text.startswith("source,date,kind,")),
        ("facts.json", lambda text: isinstance(json.loads(text), list)),
        ("facts.ndjson", lambda text: json.loads(text.splitlines()[0])["schema_version"] == 1),
        ("facts.txt", lambda text: "HSI" in text and not text.lstrip().startswith(("{", "["))),
        ("facts.out", lambda text: json.loads(text.splitlines()[0])["schema_version"] == 1),
    ],
)
def test_output_format_follows_the_extension(
    tmp_path: Path, archive: list[Path], name: str, check
) -> None:
    result = hkwrap("extract", "-o", name, str(archive[0]), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert check((tmp_path / name).read_text(encoding="utf-8"))


def test_format_from_the_environment_gives_way_to_the_extension(
    tmp_path: Path, archive: list[Path]
) -> None:
    result = hkwrap(
        "extract", "-o", "facts.csv", str(archive[0]), cwd=tmp_path, env={"HKWRAP_FORMAT": "jsonl"}
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "facts.csv").read_text(encoding="utf-8").startswith("source,")


def test_a_format_contradicting_the_extension_is_refused(tmp_path: Path, archive: list[Path]) -> None:
    out = tmp_path / "facts.json"
    out.write_text("[]\n", encoding="utf-8")
    result = hkwrap("extract", "-f", "csv", "-o", str(out), str(archive[0]), cwd=tmp_path)
    assert result.returncode == 2
    assert "contradicts the extension" in result.stderr.decode()
    assert out.read_text(encoding="utf-8") == "[]\n"


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path: Path, archive: list[Path]) -> None:
    result = hkwrap("extract", "-o", "nowhere/facts.jsonl", str(archive[0]), cwd=tmp_path)
    assert result.returncode == 2
    assert "folder nowhere does not exist" in result.stderr.decode()
    assert not (tmp_path / "nowhere").exists()


def test_a_run_with_no_report_at_all_says_so_and_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "inbox"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a report extension
    out = tmp_path / "day.jsonl"
    out.write_text('{"old": true}\n', encoding="utf-8")
    result = hkwrap("extract", "-q", "-o", str(out), str(empty), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.decode() == f"hkwrap: error: no report found in {empty}\n"
    assert out.read_text(encoding="utf-8") == '{"old": true}\n'  # yesterday's file is kept
    listed = hkwrap("extract", "-q", "--files-from", "-", cwd=tmp_path, stdin=b"")
    assert listed.returncode == 1
    assert "no report found" in listed.stderr.decode()


# -- item 4: usage errors are one line; real metavars -------------------------------------------


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["extract", "--nope", "x.txt"], "hkwrap: error: no such option: --nope"),
        (
            ["extract", "--date", "2026-02-30", "x.txt"],
            "hkwrap: error: invalid value for '--date': 2026-02-30: there is no such day "
            "(February 2026 has 28 days)",
        ),
        (
            ["extract", "--date", "2026-13-01", "x.txt"],
            "hkwrap: error: invalid value for '--date': 2026-13-01: there is no month 13",
        ),
        (
            ["extract", "-o", "nowhere/facts.jsonl", "x.txt"],
            "hkwrap: error: invalid value for '-o': folder nowhere does not exist",
        ),
        (["lookup"], "hkwrap: error: missing argument 'QUERY...'."),
        (["securities", "import"], "hkwrap: error: missing argument 'FILE'."),
        (["extract", "--jobs", "0", "x.txt"], "hkwrap: error: invalid value for '--jobs' / '-j'"),
    ],
)
def test_usage_errors_are_one_line(tmp_path: Path, args: list[str], line: str) -> None:
    (tmp_path / "x.txt").write_text(report(1), encoding="utf-8")
    result = hkwrap(*args, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(line)
    assert result.stdout == b""


def test_help_shows_real_metavars(tmp_path: Path) -> None:
    lookup = hkwrap("lookup", "-h", cwd=tmp_path).stdout.decode()
    # QUERY is optional: queries may also come from stdin, one a line (issue 11 item 6)
    assert lookup.startswith("Usage: hkwrap lookup [OPTIONS] [QUERY...]\n")
    importer = hkwrap("securities", "import", "-h", cwd=tmp_path).stdout.decode()
    assert importer.startswith("Usage: hkwrap securities import [OPTIONS] FILE\n")
    for text in (lookup, importer):
        assert "{" not in text.split("\n")[0]
        assert "queries" not in text and "{file}" not in text
    quiet = " ".join(lookup[lookup.index("-q, --quiet") :].split("\n\n")[0].split())
    assert "lookup" in quiet


def test_output_is_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Python randomises string hashes per process, so anything read from a set in its
    iteration order (a word's roles, say) can differ run to run. A cron job must get the same
    bytes every evening: two runs under different PYTHONHASHSEED values agree on a report of
    every second report of the sets and on the samples."""
    root = Path(__file__).resolve().parent
    docs = sorted(root.glob("reports*/docs/*"))[::2] + sorted((root.parent / "samples").glob("*.txt"))
    assert len(docs) > 350
    runs = [
        hkwrap("extract", "--no-user-aliases", "-f", "jsonl", *map(str, docs), cwd=tmp_path, env={"PYTHONHASHSEED": seed})
        for seed in ("1", "4")
    ]
    assert runs[0].returncode == runs[1].returncode == 0, runs[0].stderr.decode()[-500:]
    assert runs[0].stdout == runs[1].stdout
