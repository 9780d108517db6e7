"""The command line's cache files (the merged alias table, the compiled patterns): a magic of
the file's kind, the CRC-32 of the body (4 bytes, big-endian), then the body. The checksum
catches a damaged or truncated file before anything in it is used; writing is atomic (a
reader never sees half a file), and a read-only or full cache folder is no error: the next
run only builds the cached thing again."""

from __future__ import annotations

import contextlib
import os
import zlib

_CRC_BYTES = 4


def read(path: str, magic: bytes, *, own: bool = False) -> memoryview | None:
    """The body of the cache file at ``path`` when it is intact and of ``magic``'s kind (and,
    with ``own``, the current user's); None when it is missing, unreadable or damaged."""
    try:
        with open(path, "rb") as fh:
            if own and hasattr(os, "getuid") and os.fstat(fh.fileno()).st_uid != os.getuid():
                return None
            raw = fh.read()
    except OSError:
        return None
    head = len(magic)
    if raw[:head] != magic:
        return None
    body = memoryview(raw)[head + _CRC_BYTES :]
    if zlib.crc32(body) != int.from_bytes(raw[head : head + _CRC_BYTES], "big"):
        return None
    return body


def write(path: str, magic: bytes, body: bytes) -> None:
    """Write ``body`` as a cache file of ``magic``'s kind at ``path``, atomically."""
    import tempfile

    tmp: str | None = None
    try:
        folder, name = os.path.split(path)
        os.makedirs(folder or ".", exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
        with os.fdopen(fd, "wb") as fh:
            fh.write(magic + zlib.crc32(body).to_bytes(_CRC_BYTES, "big") + body)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass  # a read-only home still works, only slower
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
