"""Running ``hkwrap extract`` (and what ``hkwrap load`` shares with it): inputs into units,
units into documents (in worker processes with ``--jobs``), documents into the output, and every
failure into one line on stderr. No argument parsing lives here: ``hkwrap/cli.py`` (typer) and
``hkwrap/launch.py`` (extract's own options, parsed without importing typer) both build an
:class:`ExtractRequest` and call :func:`extract`.

Exit status: 0 every input was read (finding nothing is fine), 1 at least one input failed, 2
usage error (:class:`UsageError`), 130 interrupted (SIGINT), 143 terminated (SIGTERM), 141
when the reader of stdout went away (``| head``). Tracebacks only with ``--debug``. stdout
carries data only.
"""

from __future__ import annotations

# Nothing here imports typer, click or rich (~40 ms of a start): `extract` runs without them.
# The pipeline and the writers load inside the functions that need them.
import contextlib
import gc
import os
import re
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

if TYPE_CHECKING:  # (pathlib costs ~4 ms of a start: -o and --aliases alone need it)
    from pathlib import Path

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


class UsageError(Exception):
    """A usage error found once the options are parsed (exit 2). Reported as click reports a
    bad parameter, one line: ``hkwrap: error: invalid value for '-o': folder x does not exist``."""

    def __init__(self, message: str, param_hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param_hint = param_hint

    def format_message(self) -> str:
        if self.param_hint is None:
            return f"invalid value: {self.message}"
        return f"invalid value for {self.param_hint}: {self.message}"

    def report(self) -> int:
        """Say it on stderr, one line; the exit status of a usage error."""
        print(f"hkwrap: error: {one_line(self.format_message())}", file=sys.stderr, flush=True)
        return EXIT_USAGE


class Exit(Exception):
    """End the command with ``code``; whatever it had to say is said."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class ExtractRequest(NamedTuple):
    """What ``hkwrap extract`` was asked to do, its options parsed and checked one by one
    (formats and styles as their lower-case names; sizes and job counts as numbers)."""

    paths: Sequence[str] = ()
    fmt: str | None = None
    fmt_from_env: bool = False  # the format came from HKWRAP_FORMAT, not -f: -o's extension wins
    output: Path | None = None
    date: str | None = None
    encoding: str | None = None
    encoding_errors: str | None = None
    aliases: Sequence[Path] = ()
    no_user_aliases: bool = False
    ticker_style: str | None = None
    colours: str = "hk"
    color: str = "auto"
    bom: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int = 1
    fail_fast: bool = False
    files_from: str | None = None
    null: bool = False
    append: bool = False
    quiet: bool = False
    debug: bool = False


# -- small helpers ------------------------------------------------------------------------------


class Terminated(BaseException):
    """Raised in the main process by the SIGTERM handler (a BaseException, like Ctrl-C)."""


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def stdin_is_tty() -> bool:
    return _isatty(sys.stdin)


def stdout_is_tty() -> bool:
    return _isatty(sys.stdout)


def stderr_is_tty() -> bool:
    return _isatty(sys.stderr)


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def say(kind: str, name: str | None, message: str) -> None:
    """``hkwrap: <kind>: [<name>: ]<message>`` on stderr, always one line."""
    where = f"{one_line(name)}: " if name else ""
    print(f"hkwrap: {kind}: {where}{one_line(message)}", file=sys.stderr, flush=True)


def colour_wanted(to_terminal: bool, mode: str = "auto") -> bool:
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
    message = one_line(message) or type(exc).__name__
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
        raise UsageError(f"{value!r} is not a size such as 50M or 1048576")
    size = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    if size <= 0:
        raise UsageError("must be more than 0 bytes")
    return size


def parse_jobs(value: str | int) -> int:
    """A positive number of worker processes, or ``auto`` for one per CPU."""
    text = str(value).strip().lower()
    if text == "auto":
        return max(1, os.cpu_count() or 1)
    if not text.isdigit() or int(text) < 1:
        raise UsageError(f"{value!r} is neither a positive number nor 'auto'")
    return int(text)


def parse_date(value: str | None) -> str | None:
    """A real calendar date written YYYY-MM-DD."""
    if value is None:
        return None
    import datetime

    if not _ISO_DATE.fullmatch(value):
        raise UsageError(f"{value!r} is not a date written YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(_no_such_day(value)) from None


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
        raise UsageError(f"unknown encoding {value!r}") from None



# -- one input, possibly in a worker process ----------------------------------------------------


class Settings(NamedTuple):
    encoding: str | None
    max_bytes: int
    options: Options
    debug: bool
    encoding_errors: str | None = None  # None: a few stray bytes replaced, more refused
    # With --jobs: where workers leave a long document's spooled facts for the writer (a
    # folder the writer made and removes however the run ends).
    spool_dir: str | None = None


class Unit(NamedTuple):
    """One input: a path, or ``-`` with the bytes read from stdin; ``error`` if already failed."""

    name: str
    data: bytes | None = None
    error: str | None = None
    walked: bool = False  # found in a folder: read only if still a regular file


# What reading one input produces, in order: ("note", name, text); ("failed", name, problem)
# for an extraction step that failed (its document is still written); ("doc", document, None);
# and at most one last ("error", message, traceback or None) when the input could not be read.
Event = tuple[str, Any, Any]


def read_unit(unit: Unit, settings: Settings) -> Iterator[Source]:
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


def unit_events(unit: Unit, settings: Settings) -> Iterator[Event]:
    """Read and extract one input, one document at a time (a news-API list of 100,000 articles
    is never held whole). Never raises an ``Exception``: a failure is the last event."""
    if unit.error is not None:
        yield ("error", unit.error, None)
        return
    try:
        from hkwrap.pipeline import CHUNK_CHARS, extract_source

        for src in read_unit(unit, settings):
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
        trace = None
        if settings.debug:  # (traceback's import costs ~3 ms of a start: only with --debug)
            import traceback

            trace = traceback.format_exc()
        yield ("error", describe_error(exc, unit.name), trace)


def _run_unit(unit: Unit, settings: Settings) -> list[Event]:
    """Every event of one input, for a worker process to send back whole (a spooled long
    document goes back by the names of its files in ``settings.spool_dir``)."""
    events = []
    for kind, first, second in unit_events(unit, settings):
        if kind == "doc" and not isinstance(first, dict):
            first = first.hand_over()
        events.append((kind, first, second))
    return events


def _worker_init() -> None:
    """Workers leave Ctrl-C and SIGTERM handling to the main process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def outcomes(
    units: Sequence[Unit], settings: Settings, jobs: int
) -> Iterator[tuple[Unit, Iterable[Event]]]:
    """Each input with its events, in input order. With one job the events stream (each
    document is written before the next is extracted); with ``jobs > 1`` a process pool works
    ahead of the writer, one input at a time."""
    if jobs <= 1 or len(units) <= 1:
        for unit in units:
            yield unit, unit_events(unit, settings)
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
            say("note", path, why)

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
        raise UsageError(
            f"cannot read {source}: {exc.strerror or exc}", param_hint="'--files-from'"
        ) from None
    if null:
        names = data.split(b"\0")
    else:
        names = [line.removesuffix(b"\r") for line in data.split(b"\n")]
    return [os.fsdecode(name) for name in names if name]


def read_stdin(max_bytes: int) -> bytes:
    stream = sys.stdin
    if stream is None:
        return b""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return bytes(buffer.read(max_bytes + 1))
    return str(stream.read(max_bytes + 1)).encode("utf-8")


def collect_units(
    paths: Sequence[str], max_bytes: int, quiet: bool, output: Path | None = None
) -> list[Unit]:
    units: list[Unit] = []
    stdin_used = False
    for path in paths:
        if path == "-":
            if stdin_used:
                raise UsageError("'-' (stdin) can be given only once", param_hint="PATHS")
            stdin_used = True
            units.append(Unit("-", data=read_stdin(max_bytes)))
        elif os.path.isdir(path):
            try:
                files = _walk(path, quiet, output)
            except Exception as exc:
                units.append(Unit(path, error=describe_error(exc, path)))
                continue
            if not files and not quiet:
                say("note", path, "no report files found in this directory")
            units.extend(Unit(f, walked=True) for f in files)
        else:
            units.append(Unit(path))
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


def stdout_stream() -> TextIO:
    stream = sys.stdout
    with contextlib.suppress(AttributeError, ValueError, OSError):
        stream.reconfigure(encoding="utf-8", errors="strict")  # type: ignore[union-attr]
    return stream


def silence_stdout() -> None:
    """After EPIPE: point fd 1 at /dev/null so the interpreter's last flush stays quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@contextlib.contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """SIGTERM raises Terminated in the main thread for the duration of a run."""

    def on_term(signum: int, frame: Any) -> None:
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class RunResult:
    """What a run of ``extract`` did (a plain class: a dataclass costs ~0.5 ms of every start)."""

    __slots__ = ("documents", "failed", "fmt", "inputs")

    def __init__(self, inputs: int = 0, documents: int = 0, failed: int = 0, fmt: str = "jsonl") -> None:
        self.inputs = inputs
        self.documents = documents
        self.failed = failed
        self.fmt = fmt


def write_units(
    units: Sequence[Unit], settings: Settings, request: ExtractRequest, *, fmt: str | None,
    output: Path | None,
) -> RunResult:
    """Every unit's documents written in input order to ``output`` (stdout when None) as
    ``fmt`` (None: a table on a terminal, else JSON Lines), the rest as ``request`` asks."""
    from hkwrap.output import get_renderer

    jobs, fail_fast, quiet, debug = request.jobs, request.fail_fast, request.quiet, request.debug
    bom, ticker_style, colours = request.bom, request.ticker_style, request.colours
    append, color = request.append, request.color
    from hkwrap.output.records import add_tickers, ticker_converter, ticker_formatter

    sink: AtomicFile | None = None
    if output is not None:
        from hkwrap.output import atomic  # tempfile and all: only with -o

        try:
            sink = atomic.AtomicFile(output, append=append)
        except OSError as exc:
            raise UsageError(
                f"cannot write {output}: {exc.strerror or exc}", param_hint="'-o'"
            ) from None
        stream: TextIO = sink.stream
        to_terminal = False
    else:
        stream = stdout_stream()
        to_terminal = stdout_is_tty()
    fmt = fmt or ("table" if to_terminal else "jsonl")
    if bom and fmt != "csv":
        if sink is not None:
            sink.discard()
        raise UsageError("--bom applies to --format csv only", param_hint="'--bom'")
    if append and fmt not in ("jsonl", "csv"):
        if sink is not None:
            sink.discard()
        raise UsageError(
            f"--append adds lines: it needs --format jsonl or csv, not {fmt}", param_hint="'--append'"
        )

    colour = (sink is None or color == "always") and colour_wanted(to_terminal, color)
    width = None
    if fmt == "table" and to_terminal:
        import shutil

        width = shutil.get_terminal_size((100, 24)).columns
    renderer = get_renderer(fmt, bom=bom, colour=colour, colours=colours, width=width)
    format_code = ticker_formatter() if ticker_style else None

    result = RunResult(inputs=len(units), fmt=fmt)
    progress = _Progress(
        len(units),
        enabled=len(units) >= PROGRESS_MIN_FILES and stderr_is_tty() and not quiet,
    )
    aborted = False
    try:
        if sink is not None and sink.kept:  # --append to a file that already has lines
            if sink.kept_tail != b"\n":
                stream.write("\n")  # end its unfinished last line first
        else:
            stream.write(renderer.header())  # CSV header (and BOM) only at a file's start
        with contextlib.closing(outcomes(units, settings, jobs)) as results:
            for unit, events in results:
                progress.clear()
                failed = False
                for kind, first, second in events:
                    if kind == "note":
                        if not quiet:
                            say("note", first, second)
                        continue
                    if kind == "failed":  # one step of one document: the rest is written
                        failed = True
                        say("error", first, second)
                        continue
                    if kind == "error":  # the input could not be read (further)
                        failed = True
                        say("error", unit.name, first)
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
                                say("error", doc.head.source or unit.name, f"cannot write as {fmt}: {exc}")
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
                        say(
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


def load_alias_table(aliases: Sequence[Path], use_user_config: bool) -> None:
    """Load the alias table once up front, so a bad alias file is one usage error (exit 2)."""
    from hkwrap.errors import HkwrapError
    from hkwrap.securities.table import get_table

    try:
        get_table(
            alias_files=tuple(str(a) for a in aliases), use_user_config=use_user_config, cache=True
        )
    except (HkwrapError, OSError, UnicodeDecodeError, ValueError) as exc:
        say("error", None, describe_error(exc, ""))
        raise Exit(EXIT_USAGE) from None



def extract(request: ExtractRequest) -> int:
    """``hkwrap extract``: every input of ``request`` read, extracted and written; the exit
    status. Raises :class:`UsageError` and :class:`Exit` for its caller to report."""
    from hkwrap.pipeline import Options

    r = request
    output, fmt = r.output, r.fmt
    if output is not None and str(output) == "-":
        output = None  # -o - is stdout
    if output is not None:
        _check_output_dir(output)
        fmt = _format_for_output(output, fmt, r.fmt_from_env)
    inputs = list(r.paths)
    if r.null and r.files_from is None:
        raise UsageError("-0/--null goes with --files-from", param_hint="'--null'")
    if r.append and output is None:
        raise UsageError("--append needs -o FILE", param_hint="'--append'")
    if r.files_from is not None:
        if r.files_from == "-" and "-" in inputs:
            raise UsageError(
                "stdin cannot be both a report ('-') and the list of files", param_hint="PATHS"
            )
        inputs.extend(_read_file_list(r.files_from, r.null))
    elif not inputs:
        if sys.stdin is None or stdin_is_tty():
            raise UsageError(
                "give report files or directories, or '-' / a pipe for stdin", param_hint="PATHS"
            )
        inputs = ["-"]
    alias_paths = list(r.aliases)
    load_alias_table(alias_paths, not r.no_user_aliases)
    settings = Settings(
        encoding=r.encoding,
        max_bytes=r.max_bytes,
        options=Options(
            reference_date=r.date,
            alias_files=tuple(str(a) for a in alias_paths),
            use_user_config=not r.no_user_aliases,
            cache=True,
        ),
        debug=r.debug,
        encoding_errors=r.encoding_errors,
    )
    warm_up(settings.options)

    code = EXIT_OK
    try:
        with signals_as_exceptions():
            units = collect_units(inputs, r.max_bytes, r.quiet, output)
            if not units:  # said even with -q: an empty run is a mistake cron should report
                say("error", None, f"no report found in {', '.join(inputs) or 'the list'}")
                if output is not None:
                    raise Exit(EXIT_FAILED)  # the old -o file is kept as it was
            result = write_units(units, settings, r, fmt=fmt, output=output)
        code = EXIT_FAILED if result.failed or not units else EXIT_OK
        if not r.quiet and result.fmt == "table":
            _summary(result)
    except KeyboardInterrupt:
        say("error", None, "interrupted")
        code = EXIT_SIGINT
    except Terminated:
        say("error", None, "terminated")
        code = EXIT_SIGTERM
    except BrokenPipeError:
        silence_stdout()
        code = EXIT_PIPE
    except (Exit, UsageError):
        raise
    except Exception as exc:
        if r.debug:
            raise
        say("error", None, f"internal error: {type(exc).__name__}: {exc} (--debug shows more)")
        code = EXIT_FAILED
    return code


# -o FILE's extension names the format when -f does not (Format values, by extension).
_EXTENSION_FORMATS = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "table",
}


def _format_for_output(output: Path, fmt: str | None, from_env: bool) -> str | None:
    """The format for ``-o output``: ``-f`` if given, else the file's extension; a ``-f`` that
    contradicts a known extension is a usage error (``-f csv -o facts.json``). A format taken
    from HKWRAP_FORMAT gives way to the extension instead."""
    implied = _EXTENSION_FORMATS.get(output.suffix.lower())
    if implied is None:
        return fmt
    if fmt is None or (from_env and fmt != implied):
        return implied
    if fmt != implied:
        raise UsageError(
            f"--format {fmt} contradicts the extension of {output} ({implied}); "
            "change one of them",
            param_hint="'-o'",
        )
    return fmt


def _check_output_dir(output: Path) -> None:
    """``-o`` into a folder that does not exist is a usage error (nothing is created)."""
    from hkwrap.output.atomic import is_stream_alias

    if is_stream_alias(str(output)):
        return
    from pathlib import Path

    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"folder {parent} does not exist", param_hint="'-o'")


def _summary(result: RunResult) -> None:
    docs = f"{result.documents} document{'s' if result.documents != 1 else ''}"
    inputs = f"{result.inputs} input{'s' if result.inputs != 1 else ''}"
    failed = f", {result.failed} failed" if result.failed else ""
    print(f"hkwrap: {docs} from {inputs}{failed}", file=sys.stderr, flush=True)


# -- start-up -----------------------------------------------------------------------------------

# Whether pause_collector() paused the garbage collector for the start of an `extract` run.
_COLLECTOR_PAUSED = False


def pause_collector() -> None:
    """Pause the garbage collector until :func:`warm_up` has built what the run keeps."""
    global _COLLECTOR_PAUSED
    if gc.isenabled():
        gc.disable()
        _COLLECTOR_PAUSED = True


def resume_collector() -> None:
    """Turn the garbage collector back on if :func:`pause_collector` paused it, with what start-up made (which
    lives as long as the run) frozen: otherwise the first collection after would go through
    all of it, and each full collection of a long run again."""
    global _COLLECTOR_PAUSED
    if _COLLECTOR_PAUSED:
        _COLLECTOR_PAUSED = False
        gc.freeze()
        gc.enable()


def warm_up(options: Options) -> None:
    """Load the extractors, the vocabulary and the securities automaton before the first
    report, then resume the collector: start-up makes some 100,000 objects that live as long
    as the run, and collecting them ~90 times over on the way found nothing (~7 ms)."""
    try:
        from hkwrap.pipeline import warm_up as load_extractors

        load_extractors(options)
    except Exception:  # each report then fails, and is reported, on its own
        pass
    finally:
        resume_collector()


def run_command(body: Callable[[], int | None], *, extract: bool) -> int | None:
    """Run one command's ``body`` as the command line wraps every command: the compiled
    patterns kept between runs (hkwrap/patterns.py); for ``extract`` the collector paused until
    warm-up, and SIGTERM raised from the start, so that Ctrl-C or SIGTERM while a run starts
    ends it as during the reports; a reader of stdout gone away, Ctrl-C and SIGTERM as one line
    and 141, 130 or 143, no traceback. Used by ``hkwrap.cli.main`` (typer) and
    ``hkwrap.launch`` (a plain ``extract``)."""
    if extract:
        pause_collector()  # until warm_up has built what the run keeps
    from hkwrap import patterns
    from hkwrap.paths import cache_dir

    patterns.use_cache(cache_dir())
    try:
        with signals_as_exceptions() if extract else contextlib.nullcontext():
            return body()
    except BrokenPipeError:
        silence_stdout()
        return EXIT_PIPE
    except KeyboardInterrupt:
        say("error", None, "interrupted")
        return EXIT_SIGINT
    except Terminated:
        say("error", None, "terminated")
        return EXIT_SIGTERM
    finally:
        resume_collector()
        patterns.save()
