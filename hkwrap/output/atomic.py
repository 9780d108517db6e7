"""The one writer of every file hkwrap writes: readers see the old file or the whole new one.

Every command that writes a file goes through ``AtomicFile`` (``extract -o``, ``securities
import``, the alias-table cache). What it does depends on what the path names:

- a new path or a regular file: the text goes to a temporary file in the same directory;
  ``commit()`` flushes it to disk and renames it over the target with ``os.replace`` (atomic on
  POSIX and Windows). ``discard()``, an exception or an interruption inside the ``with`` block
  removes the temporary file and leaves the target as it was;
- a symbolic link: the same, on the file the link finally points to; the link itself is kept;
- anything else that can be written (a character device such as ``/dev/null`` or a terminal, a
  FIFO, ``/dev/stdout`` and ``/dev/fd/N``): written through, as a shell redirect ``>`` would.
  Nothing is renamed over it, so a device or pipe is never turned into a regular file;
- a directory, a socket or a block device: refused with ``OSError`` before anything is written.

The target is checked again just before the rename: if something other than a regular file
appeared there meanwhile, the rename is refused and the temporary file removed.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
from pathlib import Path
from types import TracebackType
from typing import TextIO

# Paths that name an already-open stream of this process: written through like a redirect.
_STREAM_ALIASES = ("/dev/stdout", "/dev/stderr")
_STREAM_PREFIXES = ("/dev/fd/", "/proc/self/fd/")


_COPY_CHUNK = 1024 * 1024  # bytes copied at a time when appending


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def is_stream_alias(path: str) -> bool:
    return path in _STREAM_ALIASES or path.startswith(_STREAM_PREFIXES)


def _stream_fd(path: str) -> int | None:
    """The descriptor a stream path names (/dev/stdout -> 1, /dev/fd/5 -> 5), else None."""
    if path in _STREAM_ALIASES:
        return _STREAM_ALIASES.index(path) + 1
    for prefix in _STREAM_PREFIXES:
        if path.startswith(prefix) and path[len(prefix) :].isdigit():
            return int(path[len(prefix) :])
    return None


def _kind(path: str) -> str:
    """``new``, ``regular``, ``through`` (device, FIFO, stream) or ``refused``, following links."""
    if is_stream_alias(path):
        return "through"
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "new"
    if stat.S_ISREG(mode):
        return "regular"
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return "through"
    return "refused"


def _refusal(path: str) -> OSError:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = 0
    if stat.S_ISDIR(mode):
        return IsADirectoryError(errno.EISDIR, "is a directory", path)
    what = "a socket" if stat.S_ISSOCK(mode) else "a block device" if stat.S_ISBLK(mode) else (
        "not a regular file"
    )
    return OSError(errno.EINVAL, f"is {what}; refusing to write there", path)


class AtomicFile:
    """``with AtomicFile(path) as f: f.stream.write(...)``; committed when the block ends.

    ``through`` tells whether the target is written in place (a device, FIFO or stream) rather
    than replaced; ``target`` is the file that is finally replaced (a link's destination).
    Raises ``OSError`` when the target is a directory, a socket or a block device, or when its
    directory cannot be written.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, encoding: str = "utf-8", append: bool = False
    ) -> None:
        self.path = Path(path)
        name = os.fspath(path)
        kind = _kind(name)
        if kind == "refused":
            raise _refusal(name)
        self.through = kind == "through"
        self._done = False
        self.tmp: Path | None = None
        # With ``append``: how many bytes the target already held, and its last byte (a caller
        # writing lines may need to end an unfinished last line first).
        self.kept = 0
        self.kept_tail = b""
        if self.through:
            self.target = self.path
            fd = _stream_fd(name)
            if fd is not None:
                # /dev/stdout, /dev/fd/N: this process's own descriptor, shared as is (its
                # offset and append mode too), so `-o /dev/stdout >> log` appends like `>>`
                self.stream: TextIO = os.fdopen(os.dup(fd), "w", encoding=encoding, newline="")
                return
            # As a shell redirect: open the existing device / FIFO and write into it.
            # (Opening a FIFO waits for its reader, as ``>`` does.)
            mode = "a" if append else "w"
            self.stream = open(name, mode, encoding=encoding, newline="")  # noqa: SIM115
            return
        # A symbolic link (or a chain of them) is followed to the file it names, so the link
        # survives and its destination is what gets replaced.
        self.target = Path(os.path.realpath(name)) if os.path.islink(name) else self.path
        directory = self.target.parent if str(self.target.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=directory)
        self.tmp = Path(tmp)
        raw = os.fdopen(fd, "wb")
        if append and kind == "regular":
            # Appending atomically: the old content is copied first, so a failed run still
            # leaves the old file as it was and a reader never sees a half-appended one.
            try:
                with open(self.target, "rb") as old:
                    while chunk := old.read(_COPY_CHUNK):
                        raw.write(chunk)
                        self.kept += len(chunk)
                        self.kept_tail = chunk[-1:]
            except BaseException:
                raw.close()
                self.tmp.unlink()
                raise
        self.stream = io.TextIOWrapper(raw, encoding=encoding, newline="")

    def commit(self) -> None:
        """Flush and, for a regular file, sync and rename over the target."""
        if self._done:
            return
        try:
            self.stream.flush()
            if self.through:
                self.stream.close()
                self._done = True
                return
            assert self.tmp is not None
            os.fsync(self.stream.fileno())
            self.stream.close()
            kind = _kind(str(self.target))
            if kind not in ("new", "regular"):  # something else appeared there meanwhile
                raise _refusal(str(self.target))
            try:
                mode = self.target.stat().st_mode & 0o7777
            except FileNotFoundError:
                mode = _default_mode()
            os.chmod(self.tmp, mode)
            os.replace(self.tmp, self.target)
        except BaseException:
            self.discard()
            raise
        self._done = True

    def discard(self) -> None:
        """Drop the temporary file; the target is left untouched (a device or FIFO keeps what
        was already written into it, as with a shell redirect)."""
        if self._done:
            return
        self._done = True
        with contextlib.suppress(OSError, ValueError):
            self.stream.close()
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                self.tmp.unlink()

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` through :class:`AtomicFile` in one go."""
    with AtomicFile(path) as sink:
        sink.stream.write(text)
