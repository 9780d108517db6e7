"""The market-record commands, registered on hkwrap's app by ``hkwrap/cli.py``::

    hkwrap load DB PATH...     extract reports (or load hkwrap's JSON output) into DB
    hkwrap day DATE --db DB    one day's record, reconciled across every report of it
    hkwrap series SUBJECT --db DB   an index or a stock across dates

This is the command-line side of ``hkwrap.store`` and reuses hkwrap.cli's option parsing,
input collection and reading, so ``load`` reads exactly what ``extract`` reads. Exit status:
0 done, 1 an input failed (load) or the subject is unknown (series), 2 usage error (also a
missing or foreign database), 3 ``day --strict`` found a disputed figure, 130/143 interrupted
(the document being written is rolled back).
"""

from __future__ import annotations

import contextlib
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hkwrap.cli import (
    AliasesOption,
    Colours,
    DebugOption,
    NoUserAliasesOption,
    QuietOption,
    parse_date,
    parse_encoding,
    parse_size,
)
from hkwrap.run import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PIPE,
    EXIT_SIGINT,
    EXIT_SIGTERM,
    EXIT_USAGE,
    Terminated,
    colour_wanted,
    load_alias_table,
    say,
    silence_stdout,
    stdout_is_tty,
    stdout_stream,
)

if TYPE_CHECKING:
    import sqlite3

    from hkwrap.run import Settings, Unit

EXIT_DISPUTED = 3  # `day --strict`: at least one figure of the day is disputed
# Files read as possibly hkwrap's own output (JSON array or JSON Lines) before anything else.
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")


class DayFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class SeriesFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


DbArgument = Annotated[
    Path, typer.Argument(help="The SQLite database (created if missing).", dir_okay=False,
                         metavar="DB")
]
DbOption = Annotated[
    Path,
    typer.Option("--db", help="The SQLite database written by `hkwrap load`.", dir_okay=False,
                 envvar="HKWRAP_DB"),
]
ColoursOption = Annotated[
    Colours,
    typer.Option("--colours", "--colors", envvar="HKWRAP_COLOURS", case_sensitive=False,
                 help="Table colours: hk (up green, down red) or mainland (up red, down green)."),
]


def _open(db: Path, *, create: bool, debug: bool) -> sqlite3.Connection:
    from hkwrap.store.schema import StoreError, connect

    try:
        return connect(db, create=create)
    except StoreError as exc:
        if debug:
            raise
        say("error", None, str(exc))
        raise typer.Exit(EXIT_USAGE) from None


# -- load ---------------------------------------------------------------------------------------


def _items(unit: Unit, settings: Settings) -> list[tuple[dict[str, Any] | Any, str, str]]:
    """(document or Source, content hash, origin) for each document of one input."""
    from hkwrap.readers.encoding import decode
    from hkwrap.run import Unit, read_unit
    from hkwrap.store.loader import hash_document, hash_text, parse_hkwrap_output

    data = unit.data
    if data is None and unit.name.lower().endswith(JSON_SUFFIXES):
        with open(unit.name, "rb") as f:
            data = f.read(settings.max_bytes + 1)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] if data is not None else b""  # after a BOM
    if data is not None and len(data) <= settings.max_bytes and head in (b"{", b"["):
        docs = parse_hkwrap_output(decode(data, unit.name, settings.encoding).text)
        if docs is not None:
            return [(doc, hash_document(doc), "json") for doc in docs]
    sources = read_unit(Unit(unit.name, data=data) if data is not None else unit, settings)
    return [(src, hash_text(src.text, src.metadata), "report") for src in sources]


def load(
    db: DbArgument,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Report files or directories, hkwrap JSON/JSONL output, '-' for stdin.",
            metavar="PATH...", show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", callback=parse_date,
                     help="Reference date for reports that state no year.", show_default=False),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", "-e", envvar="HKWRAP_ENCODING", callback=parse_encoding,
                     help="Input encoding (e.g. big5hkscs, gb18030).", show_default=False),
    ] = None,
    aliases: AliasesOption = None,
    no_user_aliases: NoUserAliasesOption = False,
    max_bytes: Annotated[
        str,
        typer.Option("--max-bytes", envvar="HKWRAP_MAX_BYTES", metavar="SIZE",
                     callback=parse_size, help="Refuse inputs larger than SIZE."),
    ] = "50M",
    force: Annotated[
        bool,
        typer.Option("--force", help="Extract and replace documents even when unchanged."),
    ] = False,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")
    ] = False,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Extract reports into a SQLite market record; unchanged documents are skipped."""
    from hkwrap.pipeline import Options, extract_source
    from hkwrap.run import Settings, collect_units, describe_error, signals_as_exceptions
    from hkwrap.store.loader import ADDED, REPLACED, SKIPPED, Loader, Result

    inputs = list(paths or [])
    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise typer.BadParameter(
                "give report files or directories, or '-' / a pipe for stdin", param_hint="PATHS"
            )
        inputs = ["-"]
    alias_paths = list(aliases or [])
    load_alias_table(alias_paths, not no_user_aliases)
    settings = Settings(
        encoding=encoding, max_bytes=int(max_bytes), debug=debug,
        options=Options(reference_date=date, alias_files=tuple(str(a) for a in alias_paths),
                        use_user_config=not no_user_aliases),
    )
    conn = _open(db, create=True, debug=debug)
    loader = Loader(conn)
    counts = {ADDED: 0, REPLACED: 0, SKIPPED: 0}
    failed: set[str] = set()

    def fail(name: str, exc: BaseException) -> None:
        if debug:
            import traceback

            traceback.print_exception(type(exc), exc, exc.__traceback__)
        message = str(exc) if isinstance(exc, _InputFailed) else describe_error(exc, name)
        say("error", name, message)
        failed.add(name)

    def tally(results: list[Result]) -> None:
        for result in results:
            if result.error is not None:
                fail(result.input_name or result.source, result.error)
                continue
            counts[str(result.status)] += 1
            if result.status == REPLACED and not quiet:
                say("note", result.source, "changed: facts replaced")

    code = EXIT_OK
    try:
        with signals_as_exceptions():
            for unit in collect_units(inputs, int(max_bytes), quiet):
                try:
                    if unit.error is not None:
                        raise _InputFailed(unit.error)
                    sources, hashes = [], []
                    for item, content_hash, origin in _items(unit, settings):
                        if origin == "report":
                            if not quiet:
                                for note in item.notes:
                                    say("note", item.name, note)
                            sources.append(item.name)
                            hashes.append(content_hash)
                            if not force and loader.known(content_hash):
                                counts[SKIPPED] += 1
                                continue
                            doc = extract_source(item, settings.options).to_dict()
                            text = item.text
                        else:
                            doc, text = item, None
                        if not quiet:
                            for warning in doc.get("warnings") or ():
                                say("note", str(doc.get("source")), warning)
                        tally(loader.add(doc, content_hash, input_name=unit.name,
                                         origin=origin, text=text, force=force))
                    if unit.name != "-" and (unit.name.lower().endswith(JSON_SUFFIXES)
                                             or any(n != unit.name for n in sources)):
                        # a news file's articles (file.json#N): one may have been dropped
                        loader.forget_others(unit.name, sources, hashes)
                except Exception as exc:
                    fail(unit.name, exc)
                    if fail_fast:
                        break
            tally(loader.flush())
        code = EXIT_FAILED if failed else EXIT_OK
    except (KeyboardInterrupt, Terminated) as exc:
        with contextlib.suppress(Exception, KeyboardInterrupt, Terminated):
            tally(loader.flush())  # what was extracted before the interruption is kept
        say("error", None, f"{'interrupted' if isinstance(exc, KeyboardInterrupt) else 'terminated'};"
             " the document being loaded was not written")
        code = EXIT_SIGINT if isinstance(exc, KeyboardInterrupt) else EXIT_SIGTERM
    finally:
        conn.close()
    if not quiet:
        total = sum(counts.values())
        say("note", None, (
            f"{db}: {total} document{'s' if total != 1 else ''}: {counts[ADDED]} added, "
            f"{counts[REPLACED]} replaced, {counts[SKIPPED]} unchanged (skipped)"
            + (f", {len(failed)} input{'s' if len(failed) != 1 else ''} failed" if failed
               else "")
        ))
    raise typer.Exit(code)


class _InputFailed(Exception):
    """An input already known to have failed while inputs were collected."""


# -- day and series -----------------------------------------------------------------------------


def _emit(text: str) -> None:
    try:
        stream = stdout_stream()
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        silence_stdout()
        raise typer.Exit(EXIT_PIPE) from None


def _width(to_terminal: bool) -> int | None:
    if not to_terminal:
        return None
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def day(
    date: Annotated[str, typer.Argument(metavar="DATE", callback=parse_date,
                                        help="The trading day, YYYY-MM-DD.")],
    db: DbOption,
    fmt: Annotated[
        DayFormat | None,
        typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                     help="table, json, csv or md. Default: table on a terminal, json otherwise."),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=0, help="How many top gainers and losers to show.")
    ] = 5,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Exit with status 3 when any figure is disputed."),
    ] = False,
    colours: ColoursOption = Colours.hk,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """One trading day reconciled across every report of it: agreed figures and disputes."""
    from hkwrap.store import render
    from hkwrap.store.day import day_record

    conn = _open(db, create=False, debug=debug)
    try:
        record = day_record(conn, date, top=top)
    finally:
        conn.close()
    if not record["documents"] and not quiet:
        say("note", None, f"{db}: no report of {date}")
    to_terminal = stdout_is_tty()
    chosen = fmt.value if fmt else ("table" if to_terminal else "json")
    if chosen == "json":
        text = render.day_json(record)
    elif chosen == "csv":
        text = render.to_csv(render.day_csv_rows(record), render.CSV_COLUMNS)
    elif chosen == "md":
        text = render.day_markdown(record)
    else:
        text = render.day_table(record, colour=colour_wanted(to_terminal),
                                colours=colours.value, width=_width(to_terminal))
    _emit(text)
    raise typer.Exit(EXIT_DISPUTED if strict and record["disputes"] else EXIT_OK)


def _index_named(text: str) -> dict[str, Any] | None:
    """The index whose id, name or alias is ``text`` (HSI, hang seng, 恒指), if exactly one."""
    from hkwrap import data
    from hkwrap.text.fold import fold

    key = " ".join(fold(text).lower().split())
    found = [
        entry
        for entry in data.load().get("indices", [])
        if not str(entry["id"]).startswith("@")
        and key in {" ".join(fold(str(w)).lower().split())
                    for w in (entry["id"], entry.get("name"), entry.get("name_zh"),
                              *entry.get("aliases", ())) if w}
    ]
    return found[0] if len(found) == 1 else None


def _resolve(subject: str, conn: sqlite3.Connection, aliases: list[Path],
             use_user_config: bool) -> tuple[str, str, str]:
    """('index', 'HSI', title) or ('stock', '00700', title), or a one-line error and exit 1."""
    from hkwrap.securities.lookup import lookup, suggest
    from hkwrap.securities.table import get_table

    wanted = subject.strip()
    index = _index_named(wanted)
    if index is not None:
        return "index", index["id"], f"{index['id']} {index.get('name') or ''}".strip()
    load_alias_table(aliases, use_user_config)
    table = get_table(alias_files=tuple(str(a) for a in aliases), use_user_config=use_user_config)
    found = lookup(wanted, table)
    found = [r for r in found if r.get("match") == found[0].get("match")]  # the best kind only
    codes = sorted({r["code"] for r in found})
    if len(codes) == 1:
        rec = found[0]
        name = " ".join(p for p in (rec.get("name"), rec.get("name_zh")) if p)
        return "stock", codes[0], f"{codes[0]} {name}".strip()
    if not codes:
        close = list(suggest(wanted, table))[:5]
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        say("error", subject, f"no index or security matches{hint}")
    else:
        listed = ", ".join(f"{r['code']} {r.get('name') or ''}".strip() for r in found[:5])
        say("error", subject, f"matches {len(codes)} securities ({listed}); give the code")
    raise typer.Exit(EXIT_FAILED)


def series(
    subject: Annotated[str, typer.Argument(
        help="An index (HSI, HSCEI, 恒指 ...) or a stock (00700, 700.HK, Tencent, 騰訊).")],
    db: DbOption,
    date_from: Annotated[
        str | None,
        typer.Option("--from", metavar="YYYY-MM-DD", callback=parse_date, show_default=False,
                     help="First date (inclusive)."),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option("--to", metavar="YYYY-MM-DD", callback=parse_date, show_default=False,
                     help="Last date (inclusive)."),
    ] = None,
    session: Annotated[
        str,
        typer.Option("--session", help="Which session's figures: close, midday or open."),
    ] = "close",
    fmt: Annotated[
        SeriesFormat | None,
        typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                     help="table, json or csv. Default: table on a terminal, csv otherwise."),
    ] = None,
    aliases: AliasesOption = None,
    no_user_aliases: NoUserAliasesOption = False,
    colours: ColoursOption = Colours.hk,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """An index or a stock across dates, each date reconciled across its reports."""
    import json

    from hkwrap.store import render
    from hkwrap.store.day import DAY_SESSIONS
    from hkwrap.store.series import index_series, stock_series

    if session not in DAY_SESSIONS:
        raise typer.BadParameter(f"{session!r} is not one of {', '.join(DAY_SESSIONS)}",
                                 param_hint="'--session'")
    conn = _open(db, create=False, debug=debug)
    try:
        kind, key, title = _resolve(subject, conn, list(aliases or []), not no_user_aliases)
        fetch = index_series if kind == "index" else stock_series
        rows = fetch(conn, key, session=session, date_from=date_from, date_to=date_to)
    finally:
        conn.close()
    if not rows and not quiet:
        say("note", None, f"{db}: no {session} figures for {title}")
    to_terminal = stdout_is_tty()
    chosen = fmt.value if fmt else ("table" if to_terminal else "csv")
    if chosen == "json":
        text = json.dumps({"subject": key, "kind": kind, "session": session,
                           "rows": render.series_plain(rows, kind)},
                          ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    elif chosen == "csv":
        text = render.to_csv(render.series_plain(rows, kind), render.SERIES_COLUMNS[kind])
    else:
        text = render.series_table(rows, kind=kind, title=f"{title}, {session}",
                                   colour=colour_wanted(to_terminal), colours=colours.value,
                                   width=_width(to_terminal))
    _emit(text)
    raise typer.Exit(EXIT_OK)
