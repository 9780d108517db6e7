"""Readers: bytes on disk (or stdin) -> decoded report text plus metadata.

Interface (stable; the pipeline and the CLI rely on it):

- ``Source``: one report as read. ``text`` is the decoded text that evidence offsets refer to;
  ``body_start`` is where the report body begins inside it (after YAML front matter);
  ``metadata`` holds strings only (title, date, locale ...), never coerced types; ``notes``
  are things worth one line on stderr (``"encoding guessed: big5hkscs"``, front matter that
  could not be read ...).
- ``read_bytes(data, name, encoding=None, kind=None, errors=None)`` -> list[Source] (a
  news-API JSON list yields many, named ``file.json#1``, ``#2`` ...).
- ``read_path(path, encoding=None, max_bytes=..., errors=None)`` -> list[Source]; raises
  InputError. ``errors`` is how undecodable bytes are met (``encoding.decode``).
- ``iter_bytes`` / ``iter_path``: the same, one Source at a time (a news-API list is read article
  by article, so memory does not grow with the number of articles).
- ``iter_inputs(paths)`` -> the files to read, directories walked for known extensions.

Modules: ``encoding`` (bytes -> str), ``frontmatter`` (Markdown), ``markup`` (HTML),
``newsjson`` (news-API JSON). Kind comes from ``kind=``, else the extension (.md .markdown,
.html .htm, .json), else the content: front matter -> Markdown, an HTML page -> HTML, JSON
holding articles -> JSON, anything else plain text (kept exactly as decoded, BOM removed).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator

from hkwrap.model import _FRESH
from hkwrap.plain import dataclass_record, fresh


@dataclass_record(frozen=True)  # a frozen dataclass (its __init__ written out: hkwrap/plain.py says why)
class Source:
    name: str
    text: str
    body_start: int = 0
    kind: str = "text"  # text | markdown | html | json
    metadata: dict[str, str] = fresh(dict)
    notes: tuple[str, ...] = ()  # e.g. "encoding guessed: big5hkscs"

    def __init__(
        self, name: str, text: str, body_start: int = 0, kind: str = "text",
        metadata: dict[str, str] = _FRESH, notes: tuple[str, ...] = (),
    ) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "body_start", body_start)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "metadata", {} if metadata is _FRESH else metadata)
        object.__setattr__(self, "notes", notes)


KINDS = ("text", "markdown", "html", "json")
# Walked directories yield files with these extensions (files named explicitly are always read).
INPUT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".json")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_EXTENSION_KINDS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
}


def read_bytes(
    data: bytes,
    name: str,
    *,
    encoding: str | None = None,
    kind: str | None = None,
    errors: str | None = None,
) -> list[Source]:
    """Decode ``data`` (the contents of ``name``) and read it as ``kind``, or as its extension
    and content suggest. Raises InputError (message naming ``name``) for empty, binary or
    undecodable input, and for invalid JSON in a file that must be JSON."""
    return list(iter_bytes(data, name, encoding=encoding, kind=kind, errors=errors))


def iter_bytes(
    data: bytes,
    name: str,
    *,
    encoding: str | None = None,
    kind: str | None = None,
    errors: str | None = None,
) -> Iterator[Source]:
    """:func:`read_bytes`, one Source at a time: a news-API list of 100,000 articles is checked
    whole (a syntax error anywhere is raised before the first Source), then read article by
    article, so memory does not grow with the number of articles."""
    from hkwrap.readers._errors import input_error
    from hkwrap.readers.encoding import decode

    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if not data:
        raise input_error(name, "empty input")
    decoded = decode(data, name, encoding, errors)
    del data  # the text is what is read from here on
    text, notes = decoded.text, decoded.notes
    del decoded
    if not text.strip():
        raise input_error(name, "empty input (only white space)")

    ext = os.path.splitext(name)[1].lower()
    if kind is None:
        kind = _EXTENSION_KINDS.get(ext)
    if kind == "markdown":
        from hkwrap.readers.frontmatter import read_markdown

        yield read_markdown(text, name, notes)
        return
    if kind == "html":
        from hkwrap.readers.markup import read_html

        yield read_html(text, name, notes)
        return
    if kind == "json":
        sources = _read_json(text, name, notes, required=True)
        assert sources is not None  # required=True raises instead of returning None
        yield from sources
        return

    # No kind from the caller or the extension (.txt, stdin, anything else): sniff the content.
    # The readers are imported only for text that can be theirs: front matter opens with
    # "---", an HTML page with "<" (html.parser alone costs ~2.5 ms of a run's start).
    if kind is None:
        if text.startswith("---"):
            from hkwrap.readers.frontmatter import has_front_matter, read_markdown

            if has_front_matter(text):
                yield read_markdown(text, name, notes)
                return
        if text[:1024].lstrip()[:1] == "<":
            from hkwrap.readers.markup import is_html_document, read_html

            if is_html_document(text):
                yield read_html(text, name, notes)
                return
        if text[_first_non_space(text) : _first_non_space(text) + 1] in ("{", "["):
            sources = _read_json(text, name, notes)
            if sources is not None:
                yield from sources
                return
    yield Source(name=name, text=text, kind="text", notes=notes)


def _first_non_space(text: str) -> int:
    """Where ``text.lstrip()`` would start, without copying the text."""
    for i, ch in enumerate(text):
        if not ch.isspace():
            return i
    return len(text)


def read_path(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    regular_only: bool = False,
    errors: str | None = None,
) -> list[Source]:
    """Read one file ("-" is stdin) as bytes and hand it to :func:`read_bytes`; see
    :func:`iter_path`."""
    return list(
        iter_path(
            path, encoding=encoding, max_bytes=max_bytes, regular_only=regular_only, errors=errors
        )
    )


def iter_path(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    regular_only: bool = False,
    errors: str | None = None,
) -> Iterator[Source]:
    """Read one file ("-" is stdin) as bytes and hand it to :func:`iter_bytes`.

    A FIFO or device named here is read as a stream (``<(...)`` in a shell); with
    ``regular_only`` (files found by walking a folder) anything but a regular file is refused
    without waiting on it. Raises InputError naming the file when it is missing, a directory,
    unreadable, empty, larger than ``max_bytes``, binary or undecodable."""
    from hkwrap.readers._errors import input_error

    name = os.fspath(path)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            st = os.stat(name)
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(errno.EISDIR, "is a directory")
            if regular_only and not stat.S_ISREG(st.st_mode):
                raise input_error(name, f"{file_kind(st.st_mode)}, not a regular file; skipped")
            if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
                raise input_error(name, _too_large(st.st_size, max_bytes))
            # O_NONBLOCK: a FIFO swapped in after the check above opens without waiting for a
            # writer (and is refused by the fstat below); a regular file ignores the flag.
            flags = os.O_RDONLY | (os.O_NONBLOCK if regular_only else 0)
            with open(os.open(name, flags), "rb") as f:
                if regular_only and not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                    raise input_error(name, "not a regular file; skipped")
                data = f.read(max_bytes + 1)
        except OSError as exc:
            raise input_error(name, _os_problem(exc)) from None
    if len(data) > max_bytes:
        raise input_error(name, _too_large(None, max_bytes))
    sources = iter_bytes(data, name, encoding=encoding, errors=errors)
    del data  # iter_bytes drops it once decoded
    yield from sources


def iter_inputs(
    paths: list[str], on_skip: Callable[[str, str], None] | None = None
) -> Iterator[str]:
    """The inputs to read, in order: "-" and files as given (any extension, even missing ones,
    so the reader can name the problem); directories walked recursively for regular files with
    an ``INPUT_EXTENSIONS`` extension, in sorted path order, hidden files and folders skipped.
    A FIFO, socket or device met in a walk is skipped (it could block the run forever) and
    reported to ``on_skip(path, why)``."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            yield from _walk(path, on_skip)
        else:
            yield path


# hkwrap's JSON and JSON Lines output begins with its first document's first field.
_OWN_OUTPUT_START = b'{"schema_version": '
_OWN_OUTPUT_PEEK = 64  # bytes read to recognise it


def is_hkwrap_output(path: str) -> bool:
    """Whether ``path`` is a JSON / JSON Lines file written by ``hkwrap extract`` (read back as
    news it would invent documents)."""
    if os.path.splitext(path)[1].lower() not in (".json", ".jsonl", ".ndjson"):
        return False
    try:
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as f:
            head = f.read(_OWN_OUTPUT_PEEK)
    except OSError:
        return False  # the reader names the problem
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"["):  # --format json: an array of documents
        head = head[1:].lstrip()
    return head.startswith(_OWN_OUTPUT_START)


def file_kind(mode: int) -> str:
    """What a stat mode names, in a few words ("a FIFO", "a socket" ...)."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "a special file"


def _walk(top: str, on_skip: Callable[[str, str], None] | None = None) -> Iterator[str]:
    found: list[tuple[tuple[str, ...], str]] = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = os.path.relpath(dirpath, top)
        parts = () if rel == os.curdir else tuple(rel.split(os.sep))
        for filename in filenames:
            if filename.startswith("."):
                continue
            if os.path.splitext(filename)[1].lower() not in INPUT_EXTENSIONS:
                continue
            path = os.path.join(dirpath, filename)
            try:
                mode = os.stat(path).st_mode  # follows links: a link to a report is read
            except OSError:
                mode = stat.S_IFREG  # a dangling link: the reader names the problem
            if not stat.S_ISREG(mode):
                if on_skip is not None:
                    on_skip(path, f"{file_kind(mode)}, not a regular file; skipped")
                continue
            if is_hkwrap_output(path):
                if on_skip is not None:
                    on_skip(path, "hkwrap's own output (schema_version), not a report; skipped")
                continue
            found.append(((*parts, filename), path))
    found.sort()
    for _, path in found:
        yield path


def _read_json(
    text: str, name: str, notes: tuple[str, ...], *, required: bool = False
) -> Iterator[Source] | None:
    """The articles of a JSON (or JSON Lines) text, read one at a time once the whole text has
    been checked; None when it is not JSON holding articles (InputError if ``required``)."""
    from hkwrap.readers._errors import input_error
    from hkwrap.readers.newsjson import iter_news_json, scan_lines, scan_news_json

    try:
        spans = scan_news_json(text)
    except RecursionError:
        if required:
            raise input_error(name, "invalid JSON: nested too deeply") from None
        return None
    except ValueError as exc:
        lines = scan_lines(text)  # JSON Lines: one article object per line
        if lines is None:
            if required:
                raise input_error(name, f"invalid JSON: {exc}") from None
            return None
        spans = lines
    sources = iter_news_json(text, spans, name, notes)
    if sources is None and required:
        raise input_error(name, "no news article in JSON (no title or body field found)")
    return sources


def _too_large(size: int | None, max_bytes: int) -> str:
    have = f"{size:,} bytes" if size is not None else "more"
    return f"larger than --max-bytes ({have} > {max_bytes:,})"


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read ({exc.strerror or type(exc).__name__})"
