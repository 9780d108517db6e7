"""Write a file so that readers see the old file or the complete new one, never half.

The text goes to a temporary file in the target's directory; ``commit()`` flushes it to disk and
renames it over the target with ``os.replace`` (atomic on POSIX and Windows). ``discard()``, an
exception or an interruption inside the ``with`` block removes the temporary file and leaves the
target as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import TextIO


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


class AtomicFile:
    """``with AtomicFile(path) as f: f.stream.write(...)``; committed when the block ends."""

    def __init__(self, path: str | os.PathLike[str], *, encoding: str = "utf-8") -> None:
        self.path = Path(path)
        directory = self.path.parent if str(self.path.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
        self.tmp = Path(tmp)
        self.stream: TextIO = os.fdopen(fd, "w", encoding=encoding, newline="")
        self._done = False

    def commit(self) -> None:
        """Flush, sync and rename over the target."""
        if self._done:
            return
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            try:
                mode = self.path.stat().st_mode & 0o7777
            except FileNotFoundError:
                mode = _default_mode()
            os.chmod(self.tmp, mode)
            os.replace(self.tmp, self.path)
        except BaseException:
            self.discard()
            raise
        self._done = True

    def discard(self) -> None:
        """Drop the temporary file; the target is left untouched."""
        if self._done:
            return
        self._done = True
        with contextlib.suppress(OSError, ValueError):
            self.stream.close()
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
