"""The command line: arguments, output formats, exit codes. No extraction logic lives here.

Commands::

    hkwrap extract PATH...            facts out of reports (files, directories, - for stdin)
    hkwrap lookup QUERY...            find securities by code, ticker or name
    hkwrap securities import FILE     turn HKEX's list of securities into a user alias table

The library raises; this module turns every failure into one line on stderr and an exit status:
0 every input was read (finding nothing is fine), 1 at least one input failed, 2 usage error,
130 interrupted (SIGINT), 143 terminated (SIGTERM), 141 when the reader of stdout went away
(``| head``). Tracebacks only with ``--debug``. stdout carries data only.
"""

# No ``from __future__ import annotations`` here: typer reads each command's annotations, and
# as strings it compiles and evaluates every one of them twice on every start (~4 ms for
# extract); evaluated with the module, they are ready. (Names imported only for type checking
# are quoted.)
import contextlib
import gc
import os
import re
import signal
import sys
import traceback
from collections.abc import Iterable, Iterator, Sequence
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, TextIO

import typer
from typer.core import TyperCommand, TyperGroup

from hkwrap._version import __version__

if TYPE_CHECKING:
    from hkwrap.output.atomic import AtomicFile
    from hkwrap.pipeline import Options
    from hkwrap.readers import Source

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_SIGINT = 130
EXIT_PIPE = 141
EXIT_SIGTERM = 143

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
PROGRESS_MIN_FILES = 5
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
        except typer.TyperException as exc:  # click's exceptions: usage errors and the like
            if type(exc).__name__ == "NoArgsIsHelpError":  # `hkwrap` alone: the help
                exc.show()
                sys.exit(exc.exit_code)
            message = _one_line(exc.format_message())
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


# -- small helpers ------------------------------------------------------------------------------


class _Terminated(BaseException):
    """Raised in the main process by the SIGTERM handler (a BaseException, like Ctrl-C)."""


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _stdin_is_tty() -> bool:
    return _isatty(sys.stdin)


def _stdout_is_tty() -> bool:
    return _isatty(sys.stdout)


def _stderr_is_tty() -> bool:
    return _isatty(sys.stderr)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _say(kind: str, name: str | None, message: str) -> None:
    """``hkwrap: <kind>: [<name>: ]<message>`` on stderr, always one line."""
    where = f"{_one_line(name)}: " if name else ""
    print(f"hkwrap: {kind}: {where}{_one_line(message)}", file=sys.stderr, flush=True)


def _colour_wanted(to_terminal: bool, mode: str = "auto") -> bool:
    """``--color always|never`` decides; with ``auto`` NO_COLOR wins, then FORCE_COLOR, then
    TERM=dumb; otherwise colour only on a terminal."""
    if mode in ("always", "never"):
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR") not in (None, "", "0"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return to_terminal


def user_aliases_path() -> Path:
    """``$XDG_CONFIG_HOME/hkwrap/aliases.yaml``: the one rule, in ``hkwrap.paths``."""
    from hkwrap.paths import user_aliases_path as path

    return path()


def describe_error(exc: BaseException, name: str) -> str:
    """A one-line message for a failure while reading or extracting ``name``."""
    from hkwrap.errors import HkwrapError

    if isinstance(exc, HkwrapError):
        message = str(exc)
    elif isinstance(exc, UnicodeDecodeError):
        message = (
            f"cannot decode as {exc.encoding} (byte {exc.start}); "
            "pass --encoding, e.g. --encoding big5hkscs or --encoding gb18030"
        )
    elif isinstance(exc, OSError):
        message = exc.strerror or str(exc)
        if exc.filename and str(exc.filename) != name:
            message = f"{exc.filename}: {message}"
    else:
        message = f"internal error: {type(exc).__name__}: {exc} (--debug shows the traceback)"
    message = _one_line(message) or type(exc).__name__
    prefix = f"{name}: "
    while message.startswith(prefix):
        message = message[len(prefix) :]
    return message


# -- option parsing -----------------------------------------------------------------------------

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_size(value: str | int) -> int:
    """``52428800``, ``50M``, ``50MB``, ``50MiB``, ``1.5G``, ``500k`` -> bytes (units of 1024)."""
    match = _SIZE.fullmatch(str(value))
    if not match:
        raise typer.BadParameter(f"{value!r} is not a size such as 50M or 1048576")
    size = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    if size <= 0:
        raise typer.BadParameter("must be more than 0 bytes")
    return size


def parse_jobs(value: str | int) -> int:
    """A positive number of worker processes, or ``auto`` for one per CPU."""
    text = str(value).strip().lower()
    if text == "auto":
        return max(1, os.cpu_count() or 1)
    if not text.isdigit() or int(text) < 1:
        raise typer.BadParameter(f"{value!r} is neither a positive number nor 'auto'")
    return int(text)


def parse_date(value: str | None) -> str | None:
    """A real calendar date written YYYY-MM-DD."""
    if value is None:
        return None
    import datetime

    if not _ISO_DATE.fullmatch(value):
        raise typer.BadParameter(f"{value!r} is not a date written YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(_no_such_day(value)) from None


def _no_such_day(value: str) -> str:
    """Why a well-formed YYYY-MM-DD is no date: ``2026-02-30: there is no such day (February
    2026 has 28 days)``."""
    import calendar

    year, month, day = (int(part) for part in value.split("-"))
    if not 1 <= month <= 12:
        return f"{value}: there is no month {month}"
    if year < 1:
        return f"{value}: there is no year 0"
    last = calendar.monthrange(year, month)[1]
    return (
        f"{value}: there is no such day ({calendar.month_name[month]} {year} has {last} days)"
        if day > last or day < 1
        else f"{value}: not a date"
    )


def parse_encoding(value: str | None) -> str | None:
    if value is None:
        return None
    import codecs

    try:
        return codecs.lookup(value).name
    except LookupError:
        raise typer.BadParameter(f"unknown encoding {value!r}") from None


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


# -- one input, possibly in a worker process ----------------------------------------------------


class _Settings(NamedTuple):
    encoding: str | None
    max_bytes: int
    options: "Options"
    debug: bool
    encoding_errors: str | None = None  # None: a few stray bytes replaced, more refused
    # With --jobs: where workers leave a long document's spooled facts for the writer (a
    # folder the writer made and removes however the run ends).
    spool_dir: str | None = None


class _Unit(NamedTuple):
    """One input: a path, or ``-`` with the bytes read from stdin; ``error`` if already failed."""

    name: str
    data: bytes | None = None
    error: str | None = None
    walked: bool = False  # found in a folder: read only if still a regular file


# What reading one input produces, in order: ("note", name, text); ("failed", name, problem)
# for an extraction step that failed (its document is still written); ("doc", document, None);
# and at most one last ("error", message, traceback or None) when the input could not be read.
_Event = tuple[str, Any, Any]


def _read(unit: _Unit, settings: _Settings) -> "Iterator[Source]":
    from hkwrap.readers import iter_bytes, iter_path

    if unit.data is not None:  # stdin, read up front (max_bytes + 1 bytes at most)
        if len(unit.data) > settings.max_bytes:
            from hkwrap.errors import InputError

            raise InputError(f"larger than --max-bytes ({settings.max_bytes:,} bytes)")
        return iter_bytes(
            unit.data, unit.name, encoding=settings.encoding, errors=settings.encoding_errors
        )
    return iter_path(
        unit.name,
        encoding=settings.encoding,
        max_bytes=settings.max_bytes,
        regular_only=unit.walked,
        errors=settings.encoding_errors,
    )


def no_fact_note(doc: Any, notes: Sequence[str], forced_encoding: str | None) -> str | None:
    """A note for a report decoded from another encoding than UTF-8 (forced or guessed) that
    gave no fact at all, which often means the encoding was wrong; None otherwise. Never asks
    for --encoding when one was given."""
    if hasattr(doc, "has_facts"):  # a long document spooled to files
        if doc.has_facts():
            return None
    elif doc.indices or doc.stocks or doc.levels or any(
        getattr(doc.market, f) is not None
        for f in ("turnover", "southbound", "northbound", "advancers", "decliners", "unchanged")
    ) or doc.market.short_selling_ratio is not None:
        return None
    from hkwrap.readers.encoding import GUESS_NOTE

    guessed = next((n[len(GUESS_NOTE) :] for n in notes if n.startswith(GUESS_NOTE)), None)
    if forced_encoding in (None, "utf-8") and guessed is None:
        return None  # read as UTF-8: a report without facts is just that (the table says so)
    if forced_encoding:
        return (
            f"no fact found in the text decoded as {forced_encoding}; "
            "`hkwrap text` shows that text, to check the encoding"
        )
    return f"no fact found; the encoding was guessed as {guessed}: if that is wrong, pass --encoding"


def _unit_events(unit: _Unit, settings: _Settings) -> Iterator[_Event]:
    """Read and extract one input, one document at a time (a news-API list of 100,000 articles
    is never held whole). Never raises an ``Exception``: a failure is the last event."""
    if unit.error is not None:
        yield ("error", unit.error, None)
        return
    try:
        from hkwrap.pipeline import CHUNK_CHARS, extract_source

        for src in _read(unit, settings):
            for note in src.notes:
                yield ("note", src.name, note)
            if len(src.text) > CHUNK_CHARS:  # read in pieces, each piece's facts spooled at once
                from hkwrap.output.spool import spool_text

                spooled = spool_text(
                    src.text, source=src.name, options=settings.options,
                    metadata=src.metadata, body_start=src.body_start,
                    directory=settings.spool_dir,
                )
                doc: Any = spooled.head
            else:
                spooled = None
                doc = extract_source(src, settings.options)
            for warning in doc.warnings:
                if warning not in doc.failed_steps:
                    yield ("note", doc.source, warning)
            for problem in doc.failed_steps:
                yield ("failed", doc.source, problem)
            empty = no_fact_note(spooled or doc, src.notes, settings.encoding)
            if empty:
                yield ("note", doc.source, empty)
            if spooled is not None:
                with spooled:  # the writer copies the spools; closing removes them
                    yield ("doc", spooled, None)
            else:
                yield ("doc", doc.to_dict(), None)
    except Exception as exc:
        trace = traceback.format_exc() if settings.debug else None
        yield ("error", describe_error(exc, unit.name), trace)


def _run_unit(unit: _Unit, settings: _Settings) -> list[_Event]:
    """Every event of one input, for a worker process to send back whole (a spooled long
    document goes back by the names of its files in ``settings.spool_dir``)."""
    events = []
    for kind, first, second in _unit_events(unit, settings):
        if kind == "doc" and not isinstance(first, dict):
            first = first.hand_over()
        events.append((kind, first, second))
    return events


def _worker_init() -> None:
    """Workers leave Ctrl-C and SIGTERM handling to the main process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _outcomes(
    units: Sequence[_Unit], settings: _Settings, jobs: int
) -> Iterator[tuple[_Unit, Iterable[_Event]]]:
    """Each input with its events, in input order. With one job the events stream (each
    document is written before the next is extracted); with ``jobs > 1`` a process pool works
    ahead of the writer, one input at a time."""
    if jobs <= 1 or len(units) <= 1:
        for unit in units:
            yield unit, _unit_events(unit, settings)
        return
    import multiprocessing
    import shutil
    import tempfile

    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    spool_dir = tempfile.mkdtemp(prefix="hkwrap-spool-")
    settings = settings._replace(spool_dir=spool_dir)
    pool = context.Pool(processes=min(jobs, len(units)), initializer=_worker_init)
    finished = False
    try:
        results = pool.imap(partial(_run_unit, settings=settings), units, chunksize=1)
        yield from zip(units, results, strict=True)
        finished = True
    finally:
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()
        shutil.rmtree(spool_dir, ignore_errors=True)


# -- inputs -------------------------------------------------------------------------------------


def _walk(directory: str, quiet: bool = False, output: Path | None = None) -> list[str]:
    """A folder's report files; the ``-o`` target found there is skipped with a note."""
    from hkwrap.readers import iter_inputs

    def skipped(path: str, why: str) -> None:
        if not quiet:
            _say("note", path, why)

    target = os.path.realpath(output) if output is not None else None
    files = []
    for path in iter_inputs([directory], on_skip=skipped):
        if target is not None and os.path.realpath(path) == target:
            skipped(path, "the -o output of this run; skipped")
            continue
        files.append(str(path))
    return files


def _read_file_list(source: str, null: bool) -> list[str]:
    """The paths listed in ``source`` ("-" is stdin): one a line, or NUL-separated with
    ``null`` (``find -print0``), empty entries skipped, as ``tar -T`` reads them."""
    try:
        if source == "-":
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read() if stream is not None else sys.stdin.read().encode()
        else:
            with open(source, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        raise typer.BadParameter(
            f"cannot read {source}: {exc.strerror or exc}", param_hint="'--files-from'"
        ) from None
    if null:
        names = data.split(b"\0")
    else:
        names = [line.removesuffix(b"\r") for line in data.split(b"\n")]
    return [os.fsdecode(name) for name in names if name]


def _read_stdin(max_bytes: int) -> bytes:
    stream = sys.stdin
    if stream is None:
        return b""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return bytes(buffer.read(max_bytes + 1))
    return str(stream.read(max_bytes + 1)).encode("utf-8")


def _collect_units(
    paths: Sequence[str], max_bytes: int, quiet: bool, output: Path | None = None
) -> list[_Unit]:
    units: list[_Unit] = []
    stdin_used = False
    for path in paths:
        if path == "-":
            if stdin_used:
                raise typer.BadParameter("'-' (stdin) can be given only once", param_hint="PATHS")
            stdin_used = True
            units.append(_Unit("-", data=_read_stdin(max_bytes)))
        elif os.path.isdir(path):
            try:
                files = _walk(path, quiet, output)
            except Exception as exc:
                units.append(_Unit(path, error=describe_error(exc, path)))
                continue
            if not files and not quiet:
                _say("note", path, "no report files found in this directory")
            units.extend(_Unit(f, walked=True) for f in files)
        else:
            units.append(_Unit(path))
    return units


# -- output -------------------------------------------------------------------------------------


class _Progress:
    """A one-line progress bar on stderr; drawn only when enabled (many files, a terminal)."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.enabled = enabled
        self._shown = False

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // max(self.total, 1)
        bar = "#" * filled + "." * (width - filled)
        sys.stderr.write(f"\rhkwrap: [{bar}] {self.done}/{self.total} inputs")
        sys.stderr.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()
            self._shown = False


def _stdout_stream() -> TextIO:
    stream = sys.stdout
    with contextlib.suppress(AttributeError, ValueError, OSError):
        stream.reconfigure(encoding="utf-8", errors="strict")  # type: ignore[union-attr]
    return stream


def _silence_stdout() -> None:
    """After EPIPE: point fd 1 at /dev/null so the interpreter's last flush stays quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@contextlib.contextmanager
def _signals_as_exceptions() -> Iterator[None]:
    """SIGTERM raises _Terminated in the main thread for the duration of a run."""

    def on_term(signum: int, frame: Any) -> None:
        raise _Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _RunResult:
    """What a run of ``extract`` did (a plain class: a dataclass costs ~0.5 ms of every start)."""

    __slots__ = ("documents", "failed", "fmt", "inputs")

    def __init__(self, inputs: int = 0, documents: int = 0, failed: int = 0, fmt: str = "jsonl") -> None:
        self.inputs = inputs
        self.documents = documents
        self.failed = failed
        self.fmt = fmt


def _run_extract(
    units: Sequence[_Unit],
    settings: _Settings,
    *,
    fmt: str | None,
    output: Path | None,
    jobs: int,
    fail_fast: bool,
    quiet: bool,
    debug: bool,
    bom: bool,
    ticker_style: str | None,
    colours: str,
    append: bool = False,
    color: str = "auto",
) -> _RunResult:
    from hkwrap.output import get_renderer
    from hkwrap.output.records import add_tickers, ticker_converter, ticker_formatter

    sink: AtomicFile | None = None
    if output is not None:
        from hkwrap.output import atomic  # tempfile and all: only with -o

        try:
            sink = atomic.AtomicFile(output, append=append)
        except OSError as exc:
            raise typer.BadParameter(
                f"cannot write {output}: {exc.strerror or exc}", param_hint="'-o'"
            ) from None
        stream: TextIO = sink.stream
        to_terminal = False
    else:
        stream = _stdout_stream()
        to_terminal = _stdout_is_tty()
    fmt = fmt or ("table" if to_terminal else "jsonl")
    if bom and fmt != "csv":
        if sink is not None:
            sink.discard()
        raise typer.BadParameter("--bom applies to --format csv only", param_hint="'--bom'")
    if append and fmt not in ("jsonl", "csv"):
        if sink is not None:
            sink.discard()
        raise typer.BadParameter(
            f"--append adds lines: it needs --format jsonl or csv, not {fmt}", param_hint="'--append'"
        )

    colour = (sink is None or color == "always") and _colour_wanted(to_terminal, color)
    width = None
    if fmt == "table" and to_terminal:
        import shutil

        width = shutil.get_terminal_size((100, 24)).columns
    renderer = get_renderer(fmt, bom=bom, colour=colour, colours=colours, width=width)
    format_code = ticker_formatter() if ticker_style else None

    result = _RunResult(inputs=len(units), fmt=fmt)
    progress = _Progress(
        len(units),
        enabled=len(units) >= PROGRESS_MIN_FILES and _stderr_is_tty() and not quiet,
    )
    aborted = False
    try:
        if sink is not None and sink.kept:  # --append to a file that already has lines
            if sink.kept_tail != b"\n":
                stream.write("\n")  # end its unfinished last line first
        else:
            stream.write(renderer.header())  # CSV header (and BOM) only at a file's start
        with contextlib.closing(_outcomes(units, settings, jobs)) as outcomes:
            for unit, events in outcomes:
                progress.clear()
                failed = False
                for kind, first, second in events:
                    if kind == "note":
                        if not quiet:
                            _say("note", first, second)
                        continue
                    if kind == "failed":  # one step of one document: the rest is written
                        failed = True
                        _say("error", first, second)
                        continue
                    if kind == "error":  # the input could not be read (further)
                        failed = True
                        _say("error", unit.name, first)
                        if debug and second:
                            sys.stderr.write(second)
                        continue
                    doc = first
                    if not isinstance(doc, dict) and not hasattr(renderer, "document_chunks"):
                        with doc:  # a spooled document, for a renderer that needs it whole
                            doc = doc.to_dict()
                    if not isinstance(doc, dict):  # spooled: written piece by piece
                        if ticker_style:
                            doc.convert = ticker_converter(ticker_style, format_code)
                        with doc:  # its spools are removed once written (or not)
                            try:
                                chunks = renderer.document_chunks(doc)  # type: ignore[attr-defined]
                            except (ValueError, TypeError) as exc:
                                failed = True
                                _say("error", doc.head.source or unit.name, f"cannot write as {fmt}: {exc}")
                                continue
                            for chunk in chunks:
                                stream.write(chunk)
                        result.documents += 1
                        continue
                    if ticker_style:
                        doc = add_tickers(doc, ticker_style, format_code)
                    try:
                        text = renderer.document(doc)
                    except (ValueError, TypeError) as exc:
                        failed = True
                        _say(
                            "error",
                            str(doc.get("source") or unit.name),
                            f"cannot write as {fmt}: {exc}",
                        )
                        continue
                    stream.write(text)
                    result.documents += 1
                stream.flush()
                if failed:
                    result.failed += 1
                    if fail_fast:
                        aborted = True
                        break
                progress.advance()
        progress.clear()
        stream.write(renderer.footer())
        stream.flush()
    except BaseException:
        progress.clear()
        if sink is not None:
            sink.discard()
        raise
    if sink is not None:
        if aborted:
            sink.discard()  # --fail-fast: the run was abandoned, keep the old file
        else:
            sink.commit()
    return result


def _load_alias_table(aliases: Sequence[Path], use_user_config: bool) -> None:
    """Load the alias table once up front, so a bad alias file is one usage error (exit 2)."""
    from hkwrap.errors import HkwrapError
    from hkwrap.securities.table import get_table

    try:
        get_table(
            alias_files=tuple(str(a) for a in aliases), use_user_config=use_user_config, cache=True
        )
    except (HkwrapError, OSError, UnicodeDecodeError, ValueError) as exc:
        _say("error", None, describe_error(exc, ""))
        raise typer.Exit(EXIT_USAGE) from None


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
    from hkwrap.pipeline import Options

    reference_date = date  # the option callbacks below have validated and converted these
    enc = encoding
    limit = int(max_bytes)
    workers = int(jobs)
    if output is not None and str(output) == "-":
        output = None  # -o - is stdout
    if output is not None:
        _check_output_dir(output)
        source = ctx.get_parameter_source("fmt")
        from_env = getattr(source, "name", "") == "ENVIRONMENT"  # HKWRAP_FORMAT, not -f
        fmt = _format_for_output(output, fmt, from_env)
    inputs = list(paths or [])
    if null and files_from is None:
        raise typer.BadParameter("-0/--null goes with --files-from", param_hint="'--null'")
    if append and output is None:
        raise typer.BadParameter("--append needs -o FILE", param_hint="'--append'")
    if files_from is not None:
        if files_from == "-" and "-" in inputs:
            raise typer.BadParameter(
                "stdin cannot be both a report ('-') and the list of files", param_hint="PATHS"
            )
        inputs.extend(_read_file_list(files_from, null))
    elif not inputs:
        if sys.stdin is None or _stdin_is_tty():
            raise typer.BadParameter(
                "give report files or directories, or '-' / a pipe for stdin", param_hint="PATHS"
            )
        inputs = ["-"]
    alias_paths = list(aliases or [])
    _load_alias_table(alias_paths, not no_user_aliases)
    settings = _Settings(
        encoding=enc,
        max_bytes=limit,
        options=Options(
            reference_date=reference_date,
            alias_files=tuple(str(a) for a in alias_paths),
            use_user_config=not no_user_aliases,
            cache=True,
        ),
        debug=debug,
        encoding_errors=encoding_errors.value if encoding_errors else None,
    )
    _warm_up(settings.options)

    code = EXIT_OK
    try:
        with _signals_as_exceptions():
            units = _collect_units(inputs, limit, quiet, output)
            if not units:  # said even with -q: an empty run is a mistake cron should report
                _say("error", None, f"no report found in {', '.join(inputs) or 'the list'}")
                if output is not None:
                    raise typer.Exit(EXIT_FAILED)  # the old -o file is kept as it was
            result = _run_extract(
                units,
                settings,
                fmt=fmt.value if fmt else None,
                output=output,
                jobs=workers,
                fail_fast=fail_fast,
                quiet=quiet,
                debug=debug,
                bom=bom,
                ticker_style=ticker_style.value if ticker_style else None,
                colours=colours.value,
                append=append,
                color=color.value,
            )
        code = EXIT_FAILED if result.failed or not units else EXIT_OK
        if not quiet and result.fmt == "table":
            _summary(result)
    except KeyboardInterrupt:
        _say("error", None, "interrupted")
        code = EXIT_SIGINT
    except _Terminated:
        _say("error", None, "terminated")
        code = EXIT_SIGTERM
    except BrokenPipeError:
        _silence_stdout()
        code = EXIT_PIPE
    except (typer.Exit, typer.BadParameter):
        raise
    except Exception as exc:
        if debug:
            raise
        _say("error", None, f"internal error: {type(exc).__name__}: {exc} (--debug shows more)")
        code = EXIT_FAILED
    raise typer.Exit(code)


# -o FILE's extension names the format when -f does not (Format values, by extension).
_EXTENSION_FORMATS = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "table",
}


def _format_for_output(output: Path, fmt: Format | None, from_env: bool) -> Format | None:
    """The format for ``-o output``: ``-f`` if given, else the file's extension; a ``-f`` that
    contradicts a known extension is a usage error (``-f csv -o facts.json``). A format taken
    from HKWRAP_FORMAT gives way to the extension instead."""
    implied = _EXTENSION_FORMATS.get(output.suffix.lower())
    if implied is None:
        return fmt
    if fmt is None or (from_env and fmt.value != implied):
        return Format(implied)
    if fmt.value != implied:
        raise typer.BadParameter(
            f"--format {fmt.value} contradicts the extension of {output} ({implied}); "
            "change one of them",
            param_hint="'-o'",
        )
    return fmt


def _check_output_dir(output: Path) -> None:
    """``-o`` into a folder that does not exist is a usage error (nothing is created)."""
    from hkwrap.output.atomic import is_stream_alias

    if is_stream_alias(str(output)):
        return
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise typer.BadParameter(f"folder {parent} does not exist", param_hint="'-o'")


def _summary(result: _RunResult) -> None:
    docs = f"{result.documents} document{'s' if result.documents != 1 else ''}"
    inputs = f"{result.inputs} input{'s' if result.inputs != 1 else ''}"
    failed = f", {result.failed} failed" if result.failed else ""
    print(f"hkwrap: {docs} from {inputs}{failed}", file=sys.stderr, flush=True)


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
        _say("error", None, describe_error(exc, ""))
        raise typer.Exit(EXIT_USAGE) from None

    wanted = list(queries or [])
    if not wanted or wanted == ["-"]:
        if sys.stdin is not None and not _stdin_is_tty():  # queries piped in, one a line
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
            _say("error", query, f"no security matches{hint}")
            continue
        for record in found:
            records.append(
                {"query": query, **{k: v for k, v in dict(record).items() if k != "query"}}
            )
    if ticker_style:
        from hkwrap.output.records import add_tickers

        records = add_tickers({"stocks": records}, ticker_style.value)["stocks"]

    to_terminal = _stdout_is_tty()
    chosen = fmt.value if fmt else ("table" if to_terminal else "json")
    try:
        stream = _stdout_stream()
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
                    colour=_colour_wanted(to_terminal, color.value),
                    width=width,
                )
            )
        stream.flush()
    except BrokenPipeError:
        _silence_stdout()
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
    unit = _Unit(name, data=_read_stdin(DEFAULT_MAX_BYTES)) if name == "-" else _Unit(name)
    settings_errors = encoding_errors.value if encoding_errors else None
    try:
        from hkwrap.pipeline import Options

        settings = _Settings(encoding, DEFAULT_MAX_BYTES, Options(), debug, settings_errors)
        sources = list(_read(unit, settings))
    except (HkwrapError, OSError, UnicodeDecodeError) as exc:
        if debug:
            raise
        _say("error", name, describe_error(exc, name))
        raise typer.Exit(EXIT_FAILED) from None
    for src in sources:
        for note in src.notes:
            _say("note", src.name, note)
    if article is not None:
        wanted = f"{name}#{article}"
        sources = [s for s in sources if s.name == wanted]
        if not sources:
            _say("error", file, "no such article in this file")
            raise typer.Exit(EXIT_FAILED)
    elif len(sources) > 1:
        first, last = sources[0].name, sources[-1].name
        _say(
            "error",
            name,
            f"holds {len(sources)} articles, each with its own offsets: name one, {first} to {last}",
        )
        raise typer.Exit(EXIT_USAGE)
    try:
        stream = _stdout_stream()
        stream.write(sources[0].text)
        stream.flush()
    except BrokenPipeError:
        _silence_stdout()
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
        _say("error", str(file), describe_error(exc, str(file)))
        # a malformed list is a bad user file (2, as a bad --aliases file); a write that failed is 1
        raise typer.Exit(EXIT_FAILED if isinstance(exc, OSError) else EXIT_USAGE) from None
    except KeyboardInterrupt:
        _say("error", None, "interrupted")
        raise typer.Exit(EXIT_SIGINT) from None
    if not quiet:
        _say("note", None, f"wrote {len(entries)} securities to {target}")


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
_COLLECTOR_PAUSED = False


def _resume_collector() -> None:
    """Turn the garbage collector back on if main() paused it, with what start-up made (which
    lives as long as the run) frozen: otherwise the first collection after would go through
    all of it, and each full collection of a long run again."""
    global _COLLECTOR_PAUSED
    if _COLLECTOR_PAUSED:
        _COLLECTOR_PAUSED = False
        gc.freeze()
        gc.enable()


def _warm_up(options: "Options") -> None:
    """Load the extractors, the vocabulary and the securities automaton before the first
    report, then resume the collector: start-up makes some 100,000 objects that live as long
    as the run, and collecting them ~90 times over on the way found nothing (~7 ms)."""
    try:
        from hkwrap.pipeline import warm_up

        warm_up(options)
    except Exception:  # each report then fails, and is reported, on its own
        pass
    finally:
        _resume_collector()


def main() -> None:
    """Console-script entry point (``hkwrap``) and ``python -m hkwrap``."""
    global _COLLECTOR_PAUSED
    args = sys.argv[1:]
    if args[:1] == ["extract"] and gc.isenabled():
        gc.disable()  # until _warm_up has built what the run keeps
        _COLLECTOR_PAUSED = True
    from hkwrap import patterns
    from hkwrap.paths import cache_dir

    patterns.use_cache(cache_dir())  # compiled patterns kept between runs (hkwrap/patterns.py)
    # Ctrl-C or SIGTERM while a run starts (loading the extractors, before the first report)
    # ends it as during the reports: one line and 130 or 143, no traceback
    starting = _signals_as_exceptions() if args[:1] == ["extract"] else contextlib.nullcontext()
    try:
        with starting:
            _app_for(args)(prog_name="hkwrap")
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_PIPE)
    except KeyboardInterrupt:
        _say("error", None, "interrupted")
        sys.exit(EXIT_SIGINT)
    except _Terminated:
        _say("error", None, "terminated")
        sys.exit(EXIT_SIGTERM)
    finally:
        _resume_collector()
        patterns.save()


# -- the market record (hkwrap/store/cli.py, which reuses the option handling above) ------------
from hkwrap.store import cli as _store_cli  # noqa: E402  (needs the names defined above)

app.command("load")(_store_cli.load)
app.command("day")(_store_cli.day)
app.command("series")(_store_cli.series)
