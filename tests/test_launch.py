"""hkwrap/launch.py: a plain `hkwrap extract` runs without typer and does what typer's does.

Three kinds of check: the launcher's option table against typer's own parameters (a new or
changed option of `extract` fails here until the table follows); command lines run both ways
in this process, compared on exit status, stdout, stderr and the -o file; and which lines the
launcher leaves to typer.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from hkwrap import cli, launch, run
from tests.conftest import HKWRAP_VARIABLES

REPORT = (
    "Hong Kong stocks ended higher on Tuesday. The Hang Seng Index rose 1.3% to 25,480.2, "
    "while Tencent (0700.HK) gained 2.1% to HK$612.5.\n"
)
REPORT_ZH = "恒指收市升212點，報25480點；騰訊(00700)升2.1%，收612.5元。\n"


def _extract_command() -> Any:
    return typer.main.get_command(cli.app).commands["extract"]  # type: ignore[attr-defined]


def test_option_table_matches_typers_parameters() -> None:
    """Every option of typer's extract is in the launcher's table with the same names,
    environment variable, choices and default, and the table holds nothing else."""
    seen: set[str] = set()
    for param in _extract_command().params:
        if param.param_type_name != "option":
            assert param.name == "paths" and param.nargs == -1
            continue
        names = [*param.opts, *param.secondary_opts]
        if param.is_flag:
            assert {launch.FLAGS.get(name) for name in names} == {param.name}
        else:
            options = {launch.VALUE_OPTIONS.get(name) for name in names}
            assert len(options) == 1 and None not in options, names
            (option,) = options
            assert option is not None
            assert option.envvar == param.envvar, names
            assert option.repeat == param.multiple, names
            choices = getattr(param.type, "choices", None)
            assert option.choices == (tuple(str(c) for c in choices) if choices else None), names
            default = param.default.value if hasattr(param.default, "value") else param.default
            assert option.default == default, names
        seen.update(names)
    assert seen == set(launch.VALUE_OPTIONS) | set(launch.FLAGS)


def _run_both(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str],
    workdir: Path, stdin: bytes | None = None,
) -> list[tuple[Any, str, str, bytes | None]]:
    """(exit status, stdout, stderr, the -o file) of `hkwrap ARGS` through typer, then through
    the launcher."""
    monkeypatch.chdir(workdir)
    results = []
    for entry in (cli.main, launch.main):
        target = workdir / "facts.json"
        target.unlink(missing_ok=True)
        monkeypatch.setattr(sys, "argv", ["hkwrap", *args])
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        with pytest.raises(SystemExit) as stop:
            entry()
        out, err = capfd.readouterr()
        written = target.read_bytes() if target.exists() else None
        results.append((stop.value.code, out, err, written))
    return results


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("NO_COLOR", "FORCE_COLOR", *HKWRAP_VARIABLES):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "work"
    (folder / "reports").mkdir(parents=True)
    (folder / "close.txt").write_text(REPORT, encoding="utf-8")
    (folder / "reports" / "zh.txt").write_text(REPORT_ZH, encoding="utf-8")
    (folder / "reports" / "empty.txt").write_text("No figures today.\n", encoding="utf-8")
    (folder / "list.txt").write_text("close.txt\nreports/zh.txt\n", encoding="utf-8")
    (folder / "aliases.yaml").write_text(
        "- code: '00700'\n  name: Tencent Holdings\n  aliases: [Tencent, 企鵝]\n", encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "close.txt"],
        ["extract", "-f", "json", "close.txt", "reports"],
        ["extract", "--format=csv", "--bom", "reports", "close.txt"],
        ["extract", "close.txt", "-q", "--ticker-style", "yahoo"],
        ["extract", "-f", "table", "--colours", "mainland", "--color", "always", "close.txt"],
        ["extract", "-o", "facts.json", "close.txt", "reports/zh.txt"],
        ["extract", "-o", "facts.json", "-f", "csv", "close.txt"],  # contradicts the extension
        ["extract", "--append", "close.txt"],  # --append needs -o
        ["extract", "-0", "close.txt"],  # --null needs --files-from
        ["extract", "--files-from", "list.txt", "-f", "jsonl"],
        ["extract", "--files-from", "missing-list.txt"],
        ["extract", "-o", "no/such/folder/facts.json", "close.txt"],
        ["extract", "--date", "2026-03-17", "--max-bytes", "1M", "-j", "1", "close.txt"],
        ["extract", "--max-bytes", "20", "close.txt", "reports/zh.txt"],  # one input too large
        ["extract", "--aliases", "aliases.yaml", "--no-user-aliases", "close.txt"],
        ["extract", "missing.txt", "close.txt", "--fail-fast"],
        ["extract", "-e", "utf-8", "--encoding-errors", "replace", "--debug", "close.txt"],
        # typer's to parse: help, errors in options, what the launcher does not read
        ["extract", "--help"],
        ["extract", "--format", "JSON", "close.txt"],
        ["extract", "--format", "xml", "close.txt"],
        ["extract", "--date", "2026-02-30", "close.txt"],
        ["extract", "--jobs", "none", "close.txt"],
        ["extract", "--bogus", "close.txt"],
        ["extract", "-qf", "json", "close.txt"],
        ["extract", "-o", "reports", "close.txt"],
        ["extract", "--aliases", "missing.yaml", "close.txt"],
        ["extract", "close.txt", "-o"],
    ],
)
def test_launcher_and_typer_agree(
    args: list[str], workdir: Path, monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    typer_run, launcher_run = _run_both(args, monkeypatch, capfd, workdir)
    assert launcher_run == typer_run


@pytest.mark.parametrize(
    ("env", "args"),
    [
        ({"HKWRAP_FORMAT": "csv"}, ["extract", "close.txt"]),
        ({"HKWRAP_FORMAT": "csv"}, ["extract", "-o", "facts.json", "close.txt"]),  # extension wins
        ({"HKWRAP_FORMAT": ""}, ["extract", "close.txt"]),  # empty: unset, as click reads it
        ({"HKWRAP_FORMAT": "Json"}, ["extract", "close.txt"]),
        ({"HKWRAP_JOBS": "0"}, ["extract", "close.txt"]),
        ({"HKWRAP_TICKER_STYLE": "bloomberg", "HKWRAP_MAX_BYTES": "2k"}, ["extract", "close.txt"]),
    ],
)
def test_launcher_and_typer_agree_on_the_environment(
    env: dict[str, str], args: list[str], workdir: Path, monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    typer_run, launcher_run = _run_both(args, monkeypatch, capfd, workdir)
    assert launcher_run == typer_run


def test_launcher_and_typer_agree_on_stdin(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    typer_run, launcher_run = _run_both(
        ["extract", "-f", "json"], monkeypatch, capfd, workdir, stdin=REPORT_ZH.encode()
    )
    assert launcher_run == typer_run
    assert '"source": "-"' in launcher_run[1]


def test_plain_lines_are_parsed_as_typer_would() -> None:
    request = launch.parse_extract(
        ["a.txt", "--format=csv", "-", "-o", "out.csv", "--aliases", "/dev/null", "-q",
         "--max-bytes", "2k", "--jobs", "3", "b.txt", "--date", "2026-03-17"]
    )
    assert request is not None
    assert request.paths == ("a.txt", "-", "b.txt")
    assert request.fmt == "csv" and not request.fmt_from_env
    assert request.output == Path("out.csv") and request.aliases == (Path("/dev/null"),)
    assert request.quiet and not request.debug and not request.bom
    assert (request.max_bytes, request.jobs, request.date) == (2048, 3, "2026-03-17")
    assert (request.colours, request.color) == ("hk", "auto")


@pytest.mark.parametrize(
    "args",
    [
        ["-h"], ["a.txt", "--help"], ["--", "-a.txt"], ["-fjson", "a.txt"], ["-f=json", "a.txt"],
        ["--quiet=yes", "a.txt"], ["--format", "Table", "a.txt"], ["--color", "sometimes"],
        ["--max-bytes", "0", "a.txt"], ["--jobs", "-2", "a.txt"], ["--encoding", "klingon"],
        ["-o"], ["-o", "--quiet", "a.txt"], ["", "a.txt"], ["--version"],
    ],
)
def test_lines_left_to_typer(args: list[str]) -> None:
    assert launch.parse_extract(args) is None


def test_the_last_of_a_repeated_option_counts_and_aliases_add_up() -> None:
    request = launch.parse_extract(
        ["-f", "json", "--format", "jsonl", "--aliases", "/dev/null", "--aliases", "/dev/zero"]
    )
    assert request is not None
    assert request.fmt == "jsonl" and request.aliases == (Path("/dev/null"), Path("/dev/zero"))


def test_a_plain_extract_never_imports_typer(tmp_path: Path) -> None:
    report = tmp_path / "close.txt"
    report.write_text(REPORT, encoding="utf-8")
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('typer' in sys.modules, file=sys.stderr))\n"
        "from hkwrap.launch import main\n"
        f"sys.argv = ['hkwrap', 'extract', '-f', 'json', {str(report)!r}]\n"
        "main()\n"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert '"index": "HSI"' in done.stdout
    assert done.stderr.splitlines()[-1] == "False"
    # and a line the launcher leaves to typer still gets typer's answer
    probe = probe.replace("'-f', 'json'", "'-f', 'JSON'")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=120, check=False)
    assert done.returncode == 0 and '"index": "HSI"' in done.stdout
    assert done.stderr.splitlines()[-1] == "True"


def test_usage_errors_read_as_clicks() -> None:
    assert run.UsageError("folder x does not exist", "'-o'").format_message() == (
        "invalid value for '-o': folder x does not exist"
    )
    assert run.UsageError("no").format_message() == "invalid value: no"
