"""The command line: arguments, output formats, exit codes. No extraction logic lives here.

Commands::

    hkwrap extract PATH...            facts out of reports (files, directories, - for stdin)
    hkwrap lookup QUERY...            find securities by code, ticker or name
    hkwrap securities import FILE     turn HKEX's list of securities into a user alias table

The library raises; this module turns every failure into one line on stderr and an exit status:
0 every input was read (finding nothing is fine), 1 at least one input failed, 2 usage error,
130 interrupted (SIGINT), 143 terminated (SIGTERM), 141 when the reader of stdout went away
(``| head``). Tracebacks only with ``--debug``. stdout carries data only.

What a run of ``extract`` does once its options are parsed lives in ``hkwrap/run.py``; a
plain ``hkwrap extract ...`` is parsed by ``hkwrap/launch.py`` without importing typer, and
reaches this module only for help, errors in its options, or anything it does not know.
"""

# No ``from __future__ import annotations`` here: typer reads each command's annotations, and
# as strings it compiles and evaluates every one of them twice on every start (~4 ms for
# extract); evaluated with the module, they are ready. (Names imported only for type checking
# are quoted.)
import contextlib
import os
import re
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from hkwrap import run
from hkwrap._version import __version__
from hkwrap.run import (
    DEFAULT_MAX_BYTES,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PIPE,
    EXIT_SIGINT,
    EXIT_USAGE,
)

# What `hkwrap lookup` shows as a table (JSON has every field): one short line per security.
LOOKUP_COLUMNS = ("query", "code", "ticker", "name", "name_zh", "type", "indices", "match")
# `hkwrap lookup --format csv`: every field, lists joined (codes stay text: "00700").
LOOKUP_CSV_COLUMNS = (
    "query", "code", "ticker", "name", "short", "name_zh", "name_zh_hans", "type", "board",
    "indices", "aliases", "a_share", "us", "rmb_counter", "listed", "delisted", "match",
)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class TickerStyle(str, Enum):
    hkex = "hkex"
    yahoo = "yahoo"
    bloomberg = "bloomberg"
    futu = "futu"


class Colours(str, Enum):
    hk = "hk"
    mainland = "mainland"


class ColorMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class EncodingErrors(str, Enum):
    strict = "strict"
    replace = "replace"


_APP_SETTINGS: dict[str, Any] = {
    "pretty_exceptions_enable": False,  # never Rich tracebacks (with locals) in cron mail
    "rich_markup_mode": None,  # plain help and usage errors: rich stays for tables only
    "no_args_is_help": True,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}

class _OneLineErrors(TyperGroup):
    """Usage errors as one line, ``hkwrap: error: ...`` (exit 2), as the README promises,
    instead of click's three (usage, a hint, then the error)."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except typer.Abort:
            print("hkwrap: error: interrupted", file=sys.stderr)
            sys.exit(EXIT_SIGINT)
        except run.UsageError as exc:  # found by a command once its options were parsed
            sys.exit(exc.report())
        except run.Exit as exc:
            sys.exit(exc.code)
        except typer.TyperException as exc:  # click's exceptions: usage errors and the like
            if type(exc).__name__ == "NoArgsIsHelpError":  # `hkwrap` alone: the help
                exc.show()
                sys.exit(exc.exit_code)
            message = run.one_line(exc.format_message())
            if message[:1].isupper() and message[1:2].islower():
                message = message[0].lower() + message[1:]  # "no such option", like our lines
            print(f"hkwrap: error: {message}", file=sys.stderr, flush=True)
            sys.exit(exc.exit_code)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


class _PlainUsage(TyperCommand):
    """Usage lines with metavars as written (``QUERY...``), not typer's ``{QUERY...}``."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


_APP_HELP = "Facts out of Hong Kong stock-market reports (English, Traditional and Simplified Chinese)."
app = typer.Typer(name="hkwrap", help=_APP_HELP, cls=_OneLineErrors, **_APP_SETTINGS)
securities_app = typer.Typer(
    help="Manage the securities (alias) table.", add_completion=False, **_APP_SETTINGS
)
app.add_typer(securities_app, name="securities")


def user_aliases_path() -> Path:
    """``$XDG_CONFIG_HOME/hkwrap/aliases.yaml``: the one rule, in ``hkwrap.paths``."""
    from hkwrap.paths import user_aliases_path as path

    return Path(path())

# -- option parsing: hkwrap/run.py's parsers, their errors as click's ----------------------------


def _click_errors(parse: Any) -> Any:
    """``parse`` as a typer callback: its UsageError becomes click's BadParameter, which click
    reports with the option's name."""

    def callback(value: Any) -> Any:
        try:
            return parse(value)
        except run.UsageError as exc:
            raise typer.BadParameter(exc.message) from None

    callback.__name__ = callback.__qualname__ = parse.__name__
    callback.__doc__ = parse.__doc__
    return callback


parse_size = _click_errors(run.parse_size)
parse_jobs = _click_errors(run.parse_jobs)
parse_date = _click_errors(run.parse_date)
parse_encoding = _click_errors(run.parse_encoding)


def _version_callback(value: bool) -> None:
    if value:
        from hkwrap.securities.table import table_date

        print(f"hkwrap {__version__}")
        print(f"securities table: {table_date() or 'date unknown'} (built in)")
        user = user_aliases_path()
        with contextlib.suppress(OSError):
            import datetime

            changed = datetime.date.fromtimestamp(user.stat().st_mtime).isoformat()
            print(f"user alias table: {changed} ({user})")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version_callback,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Facts out of Hong Kong stock-market reports.

    Run `hkwrap extract --help` to start.
    """


# -- commands -----------------------------------------------------------------------------------

AliasesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--aliases",
        help="A YAML alias table adding to or overriding the built-in securities; repeatable.",
        exists=True,
        dir_okay=False,
        readable=True,
    ),
]
NoUserAliasesOption = Annotated[
    bool,
    typer.Option(
        "--no-user-aliases",
        help="Do not read $XDG_CONFIG_HOME/hkwrap/aliases.yaml.",
    ),
]
TickerStyleOption = Annotated[
    TickerStyle | None,
    typer.Option(
        "--ticker-style",
        envvar="HKWRAP_TICKER_STYLE",
        help="Add a 'ticker' field beside each 5-digit 'code': hkex 00700, yahoo 0700.HK, "
        "bloomberg 700 HK, futu HK.00700.",
        case_sensitive=False,
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No notes, warnings, progress or summary on stderr.")
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Print a traceback with each error.")]
ColorOption = Annotated[
    ColorMode,
    typer.Option(
        "--color",
        case_sensitive=False,
        help="Colour in tables: auto (a terminal, unless NO_COLOR; FORCE_COLOR also in a pipe), "
        "always or never.",
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        "-e",
        envvar="HKWRAP_ENCODING",
        callback=parse_encoding,
        help="Input encoding (e.g. big5hkscs, gb18030). Default: UTF-8 with or without BOM, "
        "else a guess announced on stderr.",
        show_default=False,
    ),
]
EncodingErrorsOption = Annotated[
    EncodingErrors | None,
    typer.Option(
        "--encoding-errors",
        envvar="HKWRAP_ENCODING_ERRORS",
        case_sensitive=False,
        help="Undecodable bytes: strict refuses the file, replace reads it with U+FFFD. "
        "Default: a few are replaced (with a note), more refuse the file.",
        show_default=False,
    ),
]


@app.command()
def extract(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Report files or directories; '-' reads stdin (the default when stdin is a pipe).",
            metavar="PATH...",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            envvar="HKWRAP_FORMAT",
            case_sensitive=False,
            help="Output format. Default: table when stdout is a terminal, jsonl otherwise.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to FILE atomically (the old file stays if the run fails or is stopped).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            callback=parse_date,
            help="Reference date for reports that state no year (never the wall clock).",
            show_default=False,
        ),
    ] = None,
    encoding: EncodingOption = None,
    encoding_errors: EncodingErrorsOption = None,
    aliases: AliasesOption = None,
    no_user_aliases: NoUserAliasesOption = False,
    ticker_style: TickerStyleOption = None,
    colours: Annotated[
        Colours,
        typer.Option(
            "--colours",
            "--colors",
            envvar="HKWRAP_COLOURS",
            case_sensitive=False,
            help="Table colours: hk (up green, down red) or mainland (up red, down green).",
        ),
    ] = Colours.hk,
    color: ColorOption = ColorMode.auto,
    bom: Annotated[
        bool, typer.Option("--bom", help="Start CSV output with a UTF-8 BOM (for Excel).")
    ] = False,
    max_bytes: Annotated[
        str,
        typer.Option(
            "--max-bytes",
            envvar="HKWRAP_MAX_BYTES",
            metavar="SIZE",
            callback=parse_size,
            help="Refuse inputs larger than SIZE (bytes, or 500k, 50M, 1G).",
        ),
    ] = "50M",
    jobs: Annotated[
        str,
        typer.Option(
            "--jobs",
            "-j",
            envvar="HKWRAP_JOBS",
            metavar="N|auto",
            callback=parse_jobs,
            help="Worker processes over files ('auto': one per CPU). Output stays in input order.",
        ),
    ] = "1",
    fail_fast: Annotated[
        bool,
        typer.Option(
            "--fail-fast", help="Stop at the first input that fails (-o keeps the old file)."
        ),
    ] = False,
    files_from: Annotated[
        str | None,
        typer.Option(
            "--files-from",
            metavar="FILE",
            help="Also read the PATHs listed in FILE, one a line ('-': stdin), as tar -T does.",
            show_default=False,
        ),
    ] = None,
    null: Annotated[
        bool,
        typer.Option(
            "--null", "-0", help="--files-from names end with NUL, not newline (find -print0)."
        ),
    ] = False,
    append: Annotated[
        bool,
        typer.Option(
            "--append",
            help="Add to the -o file instead of replacing it (jsonl, csv); still atomic.",
        ),
    ] = False,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Extract index moves, stock moves, market figures, levels and the date from reports."""
    source = ctx.get_parameter_source("fmt")
    request = run.ExtractRequest(
        paths=tuple(paths or ()),
        fmt=fmt.value if fmt else None,
        fmt_from_env=getattr(source, "name", "") == "ENVIRONMENT",  # HKWRAP_FORMAT, not -f
        output=output,
        date=date,  # the option callbacks have validated and converted these
        encoding=encoding,
        encoding_errors=encoding_errors.value if encoding_errors else None,
        aliases=tuple(aliases or ()),
        no_user_aliases=no_user_aliases,
        ticker_style=ticker_style.value if ticker_style else None,
        colours=colours.value,
        color=color.value,
        bom=bom,
        max_bytes=int(max_bytes),
        jobs=int(jobs),
        fail_fast=fail_fast,
        files_from=files_from,
        null=null,
        append=append,
        quiet=quiet,
        debug=debug,
    )
    raise typer.Exit(run.extract(request))


@app.command(cls=_PlainUsage)
def lookup(
    queries: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="QUERY...",
            help="Codes (700, 00700, 0700.HK), tickers or names; none or '-': one a line from stdin.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        Format | None,  # the same four formats as extract
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="table, json (a list of records), jsonl (one record a line) or csv. "
            "Default: table on a terminal, json otherwise.",
            show_default=False,
        ),
    ] = None,
    color: ColorOption = ColorMode.auto,
    aliases: AliasesOption = None,
    no_user_aliases: NoUserAliasesOption = False,
    ticker_style: TickerStyleOption = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Accepted for scripts that pass -q to every command; "
            "lookup prints no notes anyway (errors still go to stderr).",
        ),
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Find HK-listed securities by code, ticker or name (English or Chinese)."""
    from hkwrap.errors import HkwrapError
    from hkwrap.securities.lookup import lookup as find
    from hkwrap.securities.lookup import suggest
    from hkwrap.securities.table import get_table

    try:
        table = get_table(
            alias_files=tuple(str(a) for a in aliases or ()),
            use_user_config=not no_user_aliases,
            cache=True,
        )
    except (HkwrapError, OSError, UnicodeDecodeError, ValueError) as exc:
        if debug:
            raise
        run.say("error", None, run.describe_error(exc, ""))
        raise typer.Exit(EXIT_USAGE) from None

    wanted = list(queries or [])
    if not wanted or wanted == ["-"]:
        if sys.stdin is not None and not run.stdin_is_tty():  # queries piped in, one a line
            wanted = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
        if not wanted:  # nothing on the line nor on stdin
            import importlib

            # click's exceptions, wherever this typer keeps its click (vendored or not)
            exceptions = importlib.import_module(typer.BadParameter.__module__)
            raise exceptions.MissingParameter(param_type="argument", param_hint="'QUERY...'")
    records: list[dict[str, Any]] = []
    missing = 0
    for query in wanted:
        found = find(query, table)
        if not found:
            missing += 1
            close = list(suggest(query, table))[:5]
            hint = f"; did you mean: {', '.join(close)}?" if close else ""
            run.say("error", query, f"no security matches{hint}")
            continue
        for record in found:
            records.append(
                {"query": query, **{k: v for k, v in dict(record).items() if k != "query"}}
            )
    if ticker_style:
        from hkwrap.output.records import add_tickers

        records = add_tickers({"stocks": records}, ticker_style.value)["stocks"]

    to_terminal = run.stdout_is_tty()
    chosen = fmt.value if fmt else ("table" if to_terminal else "json")
    try:
        stream = run.stdout_stream()
        if chosen == "json":
            import json

            stream.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        elif chosen == "jsonl":
            import json

            stream.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        elif chosen == "csv":
            stream.write(_lookup_csv(records))
        elif records:
            from hkwrap.output.table import render_records

            width = None
            if to_terminal:
                import shutil

                width = shutil.get_terminal_size((100, 24)).columns
            stream.write(
                render_records(
                    records,
                    columns=LOOKUP_COLUMNS,
                    colour=run.colour_wanted(to_terminal, color.value),
                    width=width,
                )
            )
        stream.flush()
    except BrokenPipeError:
        run.silence_stdout()
        raise typer.Exit(EXIT_PIPE) from None
    raise typer.Exit(EXIT_FAILED if missing else EXIT_OK)


def _lookup_csv(records: Sequence[dict[str, Any]]) -> str:
    """Lookup records as CSV (header, CRLF rows as in extract's CSV); lists joined by "; "."""
    import csv
    import io

    from hkwrap.output.csvout import neutralise

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(LOOKUP_CSV_COLUMNS)
    for record in records:
        row = []
        for column in LOOKUP_CSV_COLUMNS:
            value = record.get(column)
            if isinstance(value, (list, tuple)):
                value = "; ".join(str(v) for v in value)
            row.append("" if value is None else neutralise(str(value)))
        writer.writerow(row)
    return buf.getvalue()


@app.command("text")
def text_command(
    file: Annotated[
        str,
        typer.Argument(
            help="A report file ('-': stdin); FILE.json#N for the Nth article of a news-API list.",
            metavar="FILE",
            show_default=False,
        ),
    ],
    encoding: EncodingOption = None,
    encoding_errors: EncodingErrorsOption = None,
    debug: DebugOption = False,
) -> None:
    """Print the decoded text of a report: the text that evidence offsets (start, end) index."""
    from hkwrap.errors import HkwrapError

    name, article = file, None
    found = re.fullmatch(r"(.+)#(\d+)", file)
    if found and not os.path.exists(file):
        name, article = found.group(1), int(found.group(2))
    unit = run.Unit(name, data=run.read_stdin(DEFAULT_MAX_BYTES)) if name == "-" else run.Unit(name)
    settings_errors = encoding_errors.value if encoding_errors else None
    try:
        from hkwrap.pipeline import Options

        settings = run.Settings(encoding, DEFAULT_MAX_BYTES, Options(), debug, settings_errors)
        sources = list(run.read_unit(unit, settings))
    except (HkwrapError, OSError, UnicodeDecodeError) as exc:
        if debug:
            raise
        run.say("error", name, run.describe_error(exc, name))
        raise typer.Exit(EXIT_FAILED) from None
    for src in sources:
        for note in src.notes:
            run.say("note", src.name, note)
    if article is not None:
        wanted = f"{name}#{article}"
        sources = [s for s in sources if s.name == wanted]
        if not sources:
            run.say("error", file, "no such article in this file")
            raise typer.Exit(EXIT_FAILED)
    elif len(sources) > 1:
        first, last = sources[0].name, sources[-1].name
        run.say(
            "error",
            name,
            f"holds {len(sources)} articles, each with its own offsets: name one, {first} to {last}",
        )
        raise typer.Exit(EXIT_USAGE)
    try:
        stream = run.stdout_stream()
        stream.write(sources[0].text)
        stream.flush()
    except BrokenPipeError:
        run.silence_stdout()
        raise typer.Exit(EXIT_PIPE) from None


@securities_app.command("import", cls=_PlainUsage)
def import_securities(
    file: Annotated[
        Path,
        typer.Argument(
            help="HKEX's list of securities (ListOfSecurities .xlsx or .csv).",
            metavar="FILE",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the alias table. Default: $XDG_CONFIG_HOME/hkwrap/aliases.yaml.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    include_leveraged: Annotated[
        bool,
        typer.Option(
            "--include-leveraged",
            help="Also import leveraged and inverse products (left out by default).",
        ),
    ] = False,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Import HKEX's list of securities as the user alias table (replaced atomically)."""
    from hkwrap.errors import HkwrapError
    from hkwrap.securities.importer import import_list_of_securities, write_user_table

    target = output or user_aliases_path()
    try:
        entries = import_list_of_securities(file, include_leveraged=include_leveraged)
        if output is None:
            target.parent.mkdir(parents=True, exist_ok=True)  # the config folder, on first use
        write_user_table(entries, target)
    except (HkwrapError, OSError, UnicodeDecodeError, ValueError, KeyError, RecursionError) as exc:
        if debug:
            raise
        run.say("error", str(file), run.describe_error(exc, str(file)))
        # a malformed list is a bad user file (2, as a bad --aliases file); a write that failed is 1
        raise typer.Exit(EXIT_FAILED if isinstance(exc, OSError) else EXIT_USAGE) from None
    except KeyboardInterrupt:
        run.say("error", None, "interrupted")
        raise typer.Exit(EXIT_SIGINT) from None
    if not quiet:
        run.say("note", None, f"wrote {len(entries)} securities to {target}")


def _app_for(args: Sequence[str]) -> typer.Typer:
    """The app that runs ``hkwrap ARGS``: when the first argument names a command, a copy of
    the app holding that command alone, so that typer turns one function signature into
    click options instead of all of them (~7 ms of every run). Everything a run of that
    command prints is the same; anything else (no command, an option first, a typo that
    click suggests a command for, a command group) gets the whole app."""
    if not args:
        return app
    wanted = [
        info for info in app.registered_commands
        if info.callback is not None
        and (info.name or typer.main.get_command_name(info.callback.__name__)) == args[0]
    ]
    if len(wanted) != 1:
        return app
    lean = typer.Typer(name="hkwrap", help=_APP_HELP, cls=_OneLineErrors, **_APP_SETTINGS)
    lean.registered_callback = app.registered_callback
    lean.registered_commands = wanted
    return lean


# Whether main() paused the garbage collector for the start of an `extract` run.
def main() -> None:
    """Every command through typer (``hkwrap.launch.main`` runs a plain ``extract`` without
    it, and this for everything else)."""
    args = sys.argv[1:]
    sys.exit(run.run_command(lambda: _app_for(args)(prog_name="hkwrap"), extract=args[:1] == ["extract"]))


# -- the market record (hkwrap/store/cli.py, which reuses the option handling above) ------------
from hkwrap.store import cli as _store_cli  # noqa: E402  (needs the names defined above)

app.command("load")(_store_cli.load)
app.command("day")(_store_cli.day)
app.command("series")(_store_cli.series)
