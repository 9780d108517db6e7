"""The ``hkwrap`` command's entry point: a plain ``hkwrap extract ...`` runs without typer.

Importing typer (and click with it) costs ~40 ms, a quarter of a short report's whole run, and
cron runs ``extract`` on one evening's file at a time. So this module reads extract's options
itself when they are written the plain way (``--format json``, ``--format=json``, ``-f json``,
flags, paths), then runs :func:`hkwrap.run.extract` as typer's ``extract`` would. Anything
else goes to typer (``hkwrap/cli.py``), which then parses the whole command line from the
start: help, another command, an option this table does not know, a value it would reject or
convert (``--format JSON``, a bad date or size), short options run together (``-qf``), ``--``.
Nothing has been read or written by then, so typer's answer is the only one the user sees.

:data:`VALUE_OPTIONS` and :data:`FLAGS` mirror extract's typer parameters;
tests/test_launch.py holds them to typer's own (names, environment variables, choices) and
runs command lines both ways.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from hkwrap import run


class ValueOption(NamedTuple):
    """An option that takes a value: where the value goes and how it is checked."""

    field: str  # the ExtractRequest field
    envvar: str | None = None  # read when the option is not given (an empty value is unset)
    choices: tuple[str, ...] | None = None  # the only values taken as written (else: typer)
    parse: Callable[[Any], Any] | None = None  # run.parse_*: a UsageError sends the line to typer
    default: str | None = None  # when neither given nor in the environment; parsed as a value
    repeat: bool = False  # every value kept, in order (--aliases)
    path: str | None = None  # "file": must be a readable file; "target": not a folder


_FORMATS = ("table", "json", "jsonl", "csv")

VALUE_OPTIONS: dict[str, ValueOption] = {}
for _names, _option in (
    (("--format", "-f"), ValueOption("fmt", "HKWRAP_FORMAT", _FORMATS)),
    (("--output", "-o"), ValueOption("output", path="target")),
    (("--date",), ValueOption("date", parse=run.parse_date)),
    (("--encoding", "-e"), ValueOption("encoding", "HKWRAP_ENCODING", parse=run.parse_encoding)),
    (("--encoding-errors",), ValueOption(
        "encoding_errors", "HKWRAP_ENCODING_ERRORS", ("strict", "replace"))),
    (("--aliases",), ValueOption("aliases", repeat=True, path="file")),
    (("--ticker-style",), ValueOption(
        "ticker_style", "HKWRAP_TICKER_STYLE", ("hkex", "yahoo", "bloomberg", "futu"))),
    (("--colours", "--colors"), ValueOption(
        "colours", "HKWRAP_COLOURS", ("hk", "mainland"), default="hk")),
    (("--color",), ValueOption(
        "color", choices=("auto", "always", "never"), default="auto")),
    (("--max-bytes",), ValueOption(
        "max_bytes", "HKWRAP_MAX_BYTES", parse=run.parse_size, default="50M")),
    (("--jobs", "-j"), ValueOption("jobs", "HKWRAP_JOBS", parse=run.parse_jobs, default="1")),
    (("--files-from",), ValueOption("files_from")),
):
    for _name in _names:
        VALUE_OPTIONS[_name] = _option

FLAGS: dict[str, str] = {
    "--no-user-aliases": "no_user_aliases",
    "--bom": "bom",
    "--fail-fast": "fail_fast",
    "--null": "null",
    "-0": "null",
    "--append": "append",
    "--quiet": "quiet",
    "-q": "quiet",
    "--debug": "debug",
}


class _Typer(Exception):
    """This command line is typer's to parse."""


def parse_extract(args: Sequence[str]) -> run.ExtractRequest | None:
    """The request ``hkwrap extract ARGS`` makes, or None when typer should parse ARGS."""
    try:
        return _parse(args)
    except (_Typer, run.UsageError):
        return None


def _parse(args: Sequence[str]) -> run.ExtractRequest:
    given: dict[str, Any] = {}
    paths: list[str] = []
    tokens = iter(args)
    for token in tokens:
        if token == "-" or not token.startswith("-"):
            if not token:
                raise _Typer  # click takes an empty path; leave such lines to it
            paths.append(token)
            continue
        name, equals, value = token.partition("=")
        if name in FLAGS and not equals:
            given[FLAGS[name]] = True
            continue
        option = VALUE_OPTIONS.get(name)
        if option is None or (equals and not name.startswith("--")):
            raise _Typer  # help, an unknown option, '--', '-fjson', '-qf', '-f=json'
        if not equals:
            value = next(tokens, "")
        if not value or (value.startswith("-") and value != "-"):
            raise _Typer  # a missing value, or an option where the value should be
        if option.repeat:
            given.setdefault(option.field, []).append(value)
        else:
            given[option.field] = value
    fields: dict[str, Any] = {"paths": tuple(paths)}
    for field in dict.fromkeys(FLAGS.values()):
        fields[field] = bool(given.get(field))
    for option in dict.fromkeys(VALUE_OPTIONS.values()):
        fields[option.field] = _value(option, given, fields)
    return run.ExtractRequest(**fields)


def _value(option: ValueOption, given: dict[str, Any], fields: dict[str, Any]) -> Any:
    """One option's value as typer's extract receives it (after its callback)."""
    value = given.get(option.field)
    if option.repeat:
        for path in value or ():
            _check_path(path, option.path)
        return tuple(_as_path(path) for path in value or ())
    if value is None and option.envvar:
        value = os.environ.get(option.envvar) or None
        if option.field == "fmt":
            fields["fmt_from_env"] = value is not None
    if value is None:
        value = option.default
    if option.choices is not None and value is not None and value not in option.choices:
        raise _Typer  # typer matches choices whatever their case, and words a wrong one
    if option.path is not None and value is not None:
        _check_path(value, option.path)
        return _as_path(value)
    if option.parse is not None:
        return option.parse(value)
    return value


def _check_path(value: str, kind: str | None) -> None:
    """What click's Path type checks before the command runs (``readable`` is on by default):
    anything it would refuse goes to typer, which says so."""
    try:
        st = os.stat(value)
    except OSError:
        if kind == "file":
            raise _Typer from None  # --aliases must exist
        return
    import stat

    if stat.S_ISDIR(st.st_mode) or not os.access(value, os.R_OK):
        raise _Typer


def _as_path(value: str) -> Any:
    from pathlib import Path

    return Path(value)


def run_extract(request: run.ExtractRequest) -> int | None:
    """``hkwrap extract`` for a parsed request, wrapped as ``hkwrap.cli.main`` wraps every
    command (:func:`hkwrap.run.run_command`), its usage errors said as typer's group says them."""

    def body() -> int:
        try:
            return run.extract(request)
        except run.UsageError as exc:
            return exc.report()
        except run.Exit as exc:
            return exc.code

    return run.run_command(body, extract=True)


def main() -> None:
    """Console-script entry point (``hkwrap``) and ``python -m hkwrap``."""
    args = sys.argv[1:]
    if args[:1] == ["extract"]:
        request = parse_extract(args[1:])
        if request is not None:
            sys.exit(run_extract(request))
    from hkwrap.cli import main as typer_main

    typer_main()
