"""Hostile input and the file system (issue 9): nothing hangs, nothing is damaged, no report is
lost. Each test reproduces one case from the issue and checks the message, the exit status and
that nothing else was touched.

Devices are only ever made inside ``tmp_path`` (a node with the numbers of /dev/null, so writing
to it is harmless); no test names a real device path for writing.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from cli_run import RUN_TIMEOUT, hkwrap

from hkwrap.output.atomic import AtomicFile, _kind

REPORT = (
    "Hong Kong stocks closed higher on Friday. The Hang Seng Index rose 1.2% to 25,000.5 "
    "points, while Tencent (00700) gained 2.5% to HK$612.\n"
)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


# -- 1. one atomic writer; devices, FIFOs and links survive -------------------------------------


def test_output_to_fifo_is_written_through(tmp_path: Path, report: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = hkwrap("extract", "-o", str(fifo), str(report), cwd=tmp_path)
    reader.join(RUN_TIMEOUT)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO, not a regular file
    doc = json.loads(received[0])
    assert doc["source"].endswith("r.txt")
    # no temporary file left ("cache" is the run's $XDG_CACHE_HOME, tests/cli_run.py)
    assert sorted(set(os.listdir(tmp_path)) - {"cache"}) == ["out.fifo", "r.txt"]


def test_output_through_symlink_replaces_target_and_keeps_link(
    tmp_path: Path, report: Path
) -> None:
    (tmp_path / "data").mkdir()
    real = tmp_path / "data" / "facts.jsonl"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(Path("data") / "facts.jsonl")
    result = hkwrap("extract", "-o", str(link), str(report), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == os.path.join("data", "facts.jsonl")
    assert json.loads(real.read_text(encoding="utf-8"))["source"].endswith("r.txt")
    assert os.listdir(tmp_path / "data") == ["facts.jsonl"]


def test_output_to_character_device_is_written_through(tmp_path: Path, report: Path) -> None:
    """A private node with /dev/null's numbers stands in for /dev/null (needs root)."""
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        with open(node, "w") as probe:  # a nodev mount refuses to open it
            probe.write("")
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    result = hkwrap("extract", "-o", str(node), str(report), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    mode = os.lstat(node).st_mode
    assert stat.S_ISCHR(mode) and os.major(os.lstat(node).st_rdev) == 1
    assert sorted(set(os.listdir(tmp_path)) - {"cache"}) == ["null", "r.txt"]


def test_output_to_stdout_alias_is_written_through(tmp_path: Path, report: Path) -> None:
    """A link to this process's fd 1 (as /dev/stdout is) writes into the pipe."""
    link = tmp_path / "stdout-link"
    link.symlink_to("/proc/self/fd/1")
    if not os.path.exists("/proc/self/fd/1"):
        pytest.skip("no /proc here")
    result = hkwrap("extract", "-o", str(link), str(report), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"].endswith("r.txt")
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_output_to_fd_1_shares_the_shells_redirect(tmp_path: Path, report: Path) -> None:
    """``-o /dev/fd/1 >> log`` appends to log as ``>>`` would: the descriptor is shared, not
    reopened (reopening would truncate). /dev/fd cannot hold a temporary file, so even a writer
    that tried to rename there could damage nothing."""
    log = tmp_path / "log.jsonl"
    log.write_text("earlier line\n", encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c")}
    env.pop("HKWRAP_FORMAT", None)
    with open(log, "ab") as out:
        done = subprocess.run(
            [sys.executable, "-m", "hkwrap", "extract", "-o", "/dev/fd/1", str(report)],
            stdout=out, stderr=subprocess.PIPE, env=env, timeout=RUN_TIMEOUT,
        )
    assert done.returncode == 0, done.stderr
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "earlier line"
    assert json.loads(lines[1])["source"] == str(report)


def test_stream_paths_are_never_renamed_over() -> None:
    """Decided by name alone: nothing is opened, stat-ed or written here."""
    for name in ("/dev/stdout", "/dev/stderr", "/dev/fd/1", "/proc/self/fd/2"):
        assert _kind(name) == "through"


def test_directory_and_socket_targets_are_refused(tmp_path: Path) -> None:
    import socket

    with pytest.raises(IsADirectoryError):
        AtomicFile(tmp_path)
    sock_path = tmp_path / "s.sock"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(sock_path))
        with pytest.raises(OSError, match="socket"):
            AtomicFile(sock_path)
    finally:
        sock.close()
    assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)


def test_target_turned_fifo_before_commit_is_not_renamed_over(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    sink = AtomicFile(target)
    sink.stream.write("{}\n")
    os.mkfifo(target)  # appears while the run is writing
    with pytest.raises(OSError):
        sink.commit()
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_securities_import_writes_through_the_same_writer(tmp_path: Path) -> None:
    table = tmp_path / "list.csv"
    table.write_text(
        "Stock Code,Name of Securities,Category,Sub-Category\n"
        "00700,TENCENT,Equity,Equity Securities (Main Board)\n",
        encoding="utf-8",
    )
    (tmp_path / "cfg").mkdir()
    real = tmp_path / "cfg" / "aliases.yaml"
    real.write_text("[]\n", encoding="utf-8")
    link = tmp_path / "aliases-link.yaml"
    link.symlink_to(real)
    result = hkwrap("securities", "import", "-q", "-o", str(link), str(table), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert "00700" in real.read_text(encoding="utf-8")
    fifo = tmp_path / "aliases.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = hkwrap("securities", "import", "-q", "-o", str(fifo), str(table), cwd=tmp_path)
    reader.join(RUN_TIMEOUT)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert b"00700" in received[0]


# -- 2. folder walks read regular files only; a FIFO on the command line is a stream --------------


def test_fifo_and_socket_in_a_walked_folder_are_skipped_with_a_note(tmp_path: Path) -> None:
    import socket

    folder = tmp_path / "inbox"
    folder.mkdir()
    os.mkfifo(folder / "a.txt")  # sorts first: it used to block the whole run
    (folder / "b.txt").write_text(REPORT, encoding="utf-8")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "c.txt"))
        result = hkwrap("extract", str(folder), cwd=tmp_path)
    finally:
        sock.close()
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"] for d in docs] == [str(folder / "b.txt")]
    notes = result.stderr.decode().splitlines()
    assert f"hkwrap: note: {folder / 'a.txt'}: a FIFO, not a regular file; skipped" in notes
    assert f"hkwrap: note: {folder / 'c.txt'}: a socket, not a regular file; skipped" in notes
    quiet = hkwrap("extract", "-q", str(folder), cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stderr == b""


def test_walked_file_swapped_for_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    from hkwrap.errors import InputError
    from hkwrap.readers import read_path

    fifo = tmp_path / "a.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_path(str(fifo), regular_only=True)


def test_fifo_named_on_the_command_line_is_read_as_a_stream(tmp_path: Path, report: Path) -> None:
    """``hkwrap extract <(cat r.txt)``: the shell passes /dev/fd/N, a pipe."""
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c")}
    env.pop("HKWRAP_FORMAT", None)
    result = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m hkwrap extract <(cat "{report}")'],
        capture_output=True,
        env=env,
        timeout=RUN_TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["source"].startswith("/dev/fd/")
    assert any(i["index"] == "HSI" for i in doc["indices"])


# -- 3. no report lost to one extractor; dates and counts out of range are not facts -------------


def test_a_failing_extractor_costs_only_its_own_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    import hkwrap.extractors.levels
    from hkwrap import extract_text
    from hkwrap.pipeline import Options

    def broken(*args: object, **kwargs: object) -> list:
        raise ZeroDivisionError("a bug in one extractor")

    monkeypatch.setattr(hkwrap.extractors.levels, "extract_levels", broken)
    doc = extract_text(REPORT, options=Options(use_user_config=False))
    assert any(i.index == "HSI" and i.change_pct == 1.2 for i in doc.indices)
    assert [s.code for s in doc.stocks] == ["00700"]
    assert doc.failed_steps == [
        "levels extractor failed (ZeroDivisionError: a bug in one extractor); its facts are missing"
    ]
    assert doc.failed_steps[0] in doc.warnings
    assert "failed_steps" not in doc.to_dict()  # the JSON contract is unchanged


def test_cli_writes_the_report_and_exits_1_when_an_extractor_fails(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, report: Path
) -> None:
    from typer.testing import CliRunner

    import hkwrap.extractors.levels
    from hkwrap.cli import app

    def broken(*args: object, **kwargs: object) -> list:
        raise ValueError("x" * 5000)

    monkeypatch.setattr(hkwrap.extractors.levels, "extract_levels", broken)
    good = tmp_path / "good.txt"
    good.write_text("恒指收市跌335點，報23076點。\n", encoding="utf-8")
    runner = CliRunner(env={"XDG_CONFIG_HOME": str(tmp_path / "cfg"), "HKWRAP_FORMAT": None})
    result = runner.invoke(app, ["extract", "--no-user-aliases", str(report), str(good)])
    assert result.exit_code == 1
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"] for d in docs] == [str(report), str(good)]  # both reports kept
    assert docs[0]["indices"] and docs[1]["indices"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("hkwrap: error:")]
    assert len(errors) == 2 and all("levels extractor failed (ValueError: xxx" in e for e in errors)
    assert all(len(e) < 400 for e in errors)  # cut to one readable line


@pytest.mark.parametrize(
    ("args", "text", "warning"),
    [
        (["--date", "9999-12-31"], "HSI rose 1% on Nov 21.\n", "reference date 9999-12-31"),
        (
            ["--date", "0001-01-01"],
            "The Hang Seng Index rose 1% to 25,000 points; it fell yesterday.\n",
            "reference date 0001-01-01",
        ),
        ([], "---\ndate: 9999-12-31\n---\nHSI rose 1% on Nov 21.\n", "date 9999-12-31"),
        (
            [],
            "---\npublished_time: 0001-01-01T08:00:00+08:00\n---\nHSI rose 1% on Nov 21.\n",
            "published_time 0001-01-01",
        ),
        ([], "The Hang Seng Index rose 1% on December 31, 9999.\n", None),
    ],
)
def test_dates_out_of_range_are_dropped_with_a_warning(
    tmp_path: Path, args: list[str], text: str, warning: str | None
) -> None:
    name = "r.md" if text.startswith("---") else "r.txt"
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = hkwrap("extract", *args, name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["date"] is None
    assert [i["change_pct"] for i in doc["indices"] if i["index"] == "HSI"] == [1.0]
    if warning:
        assert any(w.startswith(warning) and "out of range" in w for w in doc["warnings"])
        assert f"hkwrap: note: {name}: {warning}" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_absurd_counts_and_amounts_are_not_facts(tmp_path: Path) -> None:
    huge = "9" * 5000
    text = (
        "The Hang Seng Index rose 1% to 25,000. Market turnover was HK$250 billion.\n"
        f"Advancers/decliners/unchanged: {huge}/700/500\n"
        f"Gainers outnumbered losers by {huge} to 500.\n"
    )
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = hkwrap("extract", "r.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["market"]["turnover"]["value"] == 250e9  # the other facts are kept
    assert doc["market"]["advancers"] is None
    assert [i["level"] for i in doc["indices"] if i["index"] == "HSI"] == [25000.0]


def test_market_figures_beyond_any_real_market_are_dropped() -> None:
    from hkwrap.model import Amount, Document, Evidence, Market
    from hkwrap.pipeline import MAX_BREADTH_COUNT, _drop_implausible_market

    ev = Evidence("x", 0, 1, 1)
    doc = Document(
        source="-",
        market=Market(
            turnover=Amount(3e20, "HKD", "exact", ev),
            southbound=Amount(-8.8e9, "HKD", "exact", ev),
            advancers=MAX_BREADTH_COUNT + 1,
            decliners=900,
            evidence={"turnover": ev, "advancers": ev, "southbound": ev},
        ),
    )
    _drop_implausible_market(doc)
    assert doc.market.turnover is None and doc.market.advancers is None
    assert doc.market.southbound is not None and doc.market.decliners == 900
    assert set(doc.market.evidence) == {"southbound"}
    assert len(doc.warnings) == 2


# -- 6. one config-path rule; the library touches no user file unless asked ---------------------

LIST_OF_SECURITIES = (
    "Stock Code,Name of Securities,Category,Sub-Category\n"
    "08888,PENGUIN WIDGETS,Equity,Equity Securities (GEM)\n"
)


@pytest.mark.parametrize("xdg", ["relcfg", "ABSOLUTE"])
def test_import_and_extract_agree_on_the_config_path(tmp_path: Path, xdg: str) -> None:
    (tmp_path / "list.csv").write_text(LIST_OF_SECURITIES, encoding="utf-8")
    value = str(tmp_path / "abscfg") if xdg == "ABSOLUTE" else xdg
    env = {"XDG_CONFIG_HOME": value}
    imported = hkwrap("securities", "import", "list.csv", cwd=tmp_path, env=env)
    assert imported.returncode == 0, imported.stderr
    expected = (
        tmp_path / "abscfg" if xdg == "ABSOLUTE" else tmp_path / "home" / ".config"
    ) / "hkwrap" / "aliases.yaml"
    assert expected.is_file()
    assert str(expected) in imported.stderr.decode()
    assert not (tmp_path / "relcfg").exists()  # a relative XDG value is ignored, as XDG says
    found = hkwrap("lookup", "-f", "json", "08888", cwd=tmp_path, env=env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)[0]["code"] == "08888"
    (tmp_path / "r.txt").write_text("Penguin Widgets (8888) jumped 12%.\n", encoding="utf-8")
    extracted = hkwrap("extract", "r.txt", cwd=tmp_path, env=env)
    assert [m["code"] for m in json.loads(extracted.stdout)["mentions"]] == ["08888"]


def test_library_reads_and_writes_no_user_file_by_default(tmp_path: Path) -> None:
    cfg = tmp_path / "config" / "hkwrap"
    cfg.mkdir(parents=True)
    (cfg / "aliases.yaml").write_text('"00700": [Penguin Co]\n', encoding="utf-8")
    (tmp_path / "home").mkdir()
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }

    def mentions(options: str) -> list[str]:
        code = (
            "import json, hkwrap\n"
            "from hkwrap.pipeline import Options\n"
            f"doc = hkwrap.extract_text('Penguin Co rose 3%.', options=Options({options}))\n"
            "print(json.dumps([m.code for m in doc.mentions]))\n"
        )
        run = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, timeout=RUN_TIMEOUT
        )
        assert run.returncode == 0, run.stderr
        return json.loads(run.stdout)

    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert mentions("") == []  # the user's alias file is not read ...
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # nor written
    assert mentions("use_user_config=True, cache=True") == ["00700"]  # opting in reads it
    assert list((tmp_path / "cache" / "hkwrap").glob("aliases-*.json"))  # ... and caches it


def test_lone_cr_ends_lines(tmp_path: Path) -> None:
    from hkwrap import extract_text
    from hkwrap.pipeline import Options

    lines = [
        "Hong Kong close",
        "The Hang Seng Index rose 1.2% to 25,000 points.",
        "Tencent (00700) gained 2.5% to HK$612.",
    ]
    doc = extract_text("\r".join(lines) + "\r", options=Options())
    hsi = next(i for i in doc.indices if i.index == "HSI")
    assert (hsi.evidence.line, hsi.evidence.text) == (2, lines[1])
    assert hsi.evidence.start == len(lines[0]) + 1
    tencent = next(s for s in doc.stocks if s.code == "00700")
    assert tencent.evidence.line == 3


# -- 4. every malformed user file is one line naming it, exit 2; bounded YAML; streaming xlsx -----


def _one_error_line(result: subprocess.CompletedProcess, path: Path) -> str:
    err = result.stderr.decode()
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("hkwrap: error: ") and str(path) in lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("deep.yaml", "a: " + "[" * 900 + "]" * 900 + "\n", "nested more than"),
        (
            "anchors.yaml",
            "- &big {code: '00700', aliases: [" + ", ".join(f"n{i}" for i in range(15_000)) + "]}\n"
            + "- *big\n" * 10_000,
            "anchor references",
        ),
        ("tabs.yaml", "- code: '00700'\n\t- x\n", "yaml"),
        ("notutf8.yaml", None, "not UTF-8"),
    ],
)
def test_malformed_alias_file_is_one_line_and_exit_2(
    tmp_path: Path, report: Path, name: str, text: str | None, expected: str
) -> None:
    path = tmp_path / name
    if text is None:
        path.write_bytes(b"- code: '00700'\n  aliases: [\xff\xfe]\n")
    else:
        path.write_text(text, encoding="utf-8")
    for command in (["extract", "--aliases", str(path), str(report)],
                    ["lookup", "--aliases", str(path), "700"]):
        result = hkwrap(*command, cwd=tmp_path)
        assert result.returncode == 2
        line = _one_error_line(result, path)
        assert expected.lower() in line.lower()
        assert result.stdout == b""


def _sheet_zip(tmp_path: Path, rows: int = 50) -> Path:
    from test_importer import EN_2025, en_row, make_xlsx

    table = [EN_2025] + [
        en_row(f"{i:05d}", f"COMPANY {i}", "Equity", "Equity Securities (Main Board)", f"HK{i:010d}")
        for i in range(1, rows + 1)
    ]
    return make_xlsx(tmp_path / "list.xlsx", table)


def _patch_member(path: Path, member: str, patch) -> None:
    """Rewrite one member's bytes or header fields in place, as a broken or lying zip would."""
    import zipfile

    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    patch(data, info)
    path.write_bytes(bytes(data))


def test_corrupt_xlsx_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = _sheet_zip(tmp_path)

    def corrupt(data: bytearray, info) -> None:
        start = info.header_offset + 30 + len(info.filename.encode())
        for i in range(start + 20, start + min(info.compress_size - 4, 200)):
            data[i] ^= 0x5A

    _patch_member(path, "xl/worksheets/data.xml", corrupt)
    result = hkwrap("securities", "import", "-o", "out.yaml", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert "corrupt" in _one_error_line(result, path) or "malformed" in result.stderr.decode()
    assert not (tmp_path / "out.yaml").exists()


def test_size_lying_xlsx_is_one_line_and_exit_2(tmp_path: Path) -> None:
    import struct

    path = _sheet_zip(tmp_path)

    def lie(data: bytearray, info) -> None:
        small = 100  # the sheet claims 100 bytes, and inflates to far more
        struct.pack_into("<I", data, info.header_offset + 22, small)
        entry = bytes(data).find(info.filename.encode(), data.find(b"PK\x01\x02")) - 46
        assert data[entry : entry + 4] == b"PK\x01\x02"  # its central-directory record
        struct.pack_into("<I", data, entry + 24, small)

    _patch_member(path, "xl/worksheets/data.xml", lie)
    result = hkwrap("securities", "import", "-o", "out.yaml", str(path), cwd=tmp_path)
    assert result.returncode == 2
    line = _one_error_line(result, path)
    assert "larger than it declares" in line or "corrupt" in line


def test_truncated_and_garbage_xlsx(tmp_path: Path) -> None:
    path = _sheet_zip(tmp_path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    result = hkwrap("securities", "import", "-o", "out.yaml", str(path), cwd=tmp_path)
    assert result.returncode == 2
    _one_error_line(result, path)


@pytest.mark.parametrize(
    "content",
    [
        b'Stock Code,Name of Securities,Category\n00700,"' + b"x" * 200_000 + b'",Equity\n',
        b"Stock Code,Name of Securities,Category\n" + b",".join([b"y" * 60_000] * 3) + b"\n",
        b"Stock Code,Name of Securities\n00700,\xff\xfe\x00bad\n",
    ],
)
def test_malformed_csv_is_one_line_and_exit_2(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    result = hkwrap("securities", "import", "-o", "out.yaml", str(path), cwd=tmp_path)
    assert result.returncode == 2
    _one_error_line(result, path)


def test_xlsx_rows_are_streamed_not_read_whole(tmp_path: Path, monkeypatch) -> None:
    """After the first rows, only the first chunks of the sheet have been inflated."""
    from hkwrap.securities import xlsx

    path = _sheet_zip(tmp_path, rows=4000)
    monkeypatch.setattr(xlsx, "CHUNK_BYTES", 4096)
    inflated: list[int] = []
    original = xlsx._Book.chunks

    def counting(self, name):
        for chunk in original(self, name):
            if name.endswith("data.xml"):
                inflated.append(len(chunk))
            yield chunk

    monkeypatch.setattr(xlsx._Book, "chunks", counting)
    rows = xlsx.read_rows(str(path))
    first = [next(rows) for _ in range(3)]
    assert first[1][0] == "00001"
    read_early = sum(inflated)
    total = sum(1 for _ in rows) + 3
    assert total == 4001
    assert read_early * 20 < sum(inflated)  # a small part of the sheet was inflated at first


def test_one_huge_cell_is_refused_before_it_is_built(tmp_path: Path, monkeypatch) -> None:
    from test_importer import NS, make_xlsx

    from hkwrap.errors import DataFileError
    from hkwrap.securities import xlsx

    monkeypatch.setattr(xlsx, "MAX_ITEM_BYTES", 64 * 1024)
    sheet = (
        f'<worksheet xmlns="{NS}"><sheetData><row r="1"><c r="A1" t="str"><v>'.encode()
        + os.urandom(512 * 1024).hex().encode()  # 1 MB that does not compress
        + b"</v></c></row></sheetData></worksheet>"
    )
    path = make_xlsx(tmp_path / "wide.xlsx", [], sheet_xml=sheet)
    with pytest.raises(DataFileError, match="without a whole row"):
        list(xlsx.read_rows(str(path)))


# -- 5. a news-API list is read and extracted one article at a time ----------------------------


def _news_list(count: int) -> bytes:
    items = [
        {"title": f"Hang Seng Index rose {i % 3 + 1}%", "body": f"Tencent (00700) gained {i}%."}
        for i in range(1, count + 1)
    ]
    return json.dumps({"status": "ok", "articles": items}).encode()


def test_news_list_is_extracted_one_document_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import hkwrap.pipeline
    from hkwrap import run
    from hkwrap.pipeline import Options

    calls: list[str] = []
    real = hkwrap.pipeline.extract_source

    def spy(src, options=None):
        calls.append(src.name)
        return real(src, options)

    monkeypatch.setattr(hkwrap.pipeline, "extract_source", spy)
    settings = run.Settings(encoding=None, max_bytes=10**7, options=Options(), debug=False)
    unit = run.Unit("news.json", data=_news_list(50))
    [(got_unit, events)] = list(run.outcomes([unit], settings, jobs=1))
    assert got_unit is unit
    first_doc = next(e for e in events if e[0] == "doc")
    assert first_doc[1]["source"] == "news.json#1"
    assert calls == ["news.json#1"]  # the other 49 are not extracted (nor held) yet
    assert sum(1 for e in events if e[0] == "doc") == 49


def test_json_reader_decodes_articles_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    from hkwrap.readers import iter_bytes, newsjson

    built: list[int] = []
    real = newsjson._sources

    def counting(text, spans, name, notes, skipped):
        for src in real(text, spans, name, notes, skipped):
            built.append(1)
            yield src

    monkeypatch.setattr(newsjson, "_sources", counting)
    sources = iter_bytes(_news_list(1000), "feed.json")
    assert next(sources).name == "feed.json#1"
    assert len(built) == 1


def test_a_syntax_error_late_in_a_list_fails_before_any_document(tmp_path: Path) -> None:
    bad = _news_list(20)[:-3] + b",}"  # broken at the very end
    (tmp_path / "feed.json").write_bytes(bad)
    result = hkwrap("extract", "feed.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == b""
    assert result.stderr.decode().startswith("hkwrap: error: feed.json: invalid JSON: ")
