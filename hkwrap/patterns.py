"""Compiled patterns, kept between runs of the command line.

The ``regex`` module parses and compiles each pattern in Python: hkwrap's ~210 patterns cost
about 70 ms a run, a third of a short report's start-up. A compiled pattern pickles as its
compiled program (``regex``'s own pickle support: loading one calls the C constructor with that
program, nothing is parsed again), so the command line keeps them in one cache file and a run
loads them all in about 2 ms. Each pattern is kept as its own pickle and loaded only when a
module asks for it: a compiled pattern holds its matching tables (up to ~300 KB), and a file
may also hold patterns of an older hkwrap that this run never uses.

Every module compiles through :func:`compile`. The library compiles as usual unless asked: it
writes no user file on its own. The command line asks (:func:`use_cache`, with
``$XDG_CACHE_HOME/hkwrap``) and writes the file back at the end of a run (:func:`save`) when
the run compiled a pattern the file did not hold.

The file is trusted no further than it must be: it is read only when its checksum holds, and
unpickled with nothing but ``regex``'s pattern constructor allowed, so a damaged or tampered
file is at worst ignored, never run. A file of another ``regex`` or Python version is another
file (its name says which), so a pattern is never loaded by a ``regex`` that did not compile it.
"""

from __future__ import annotations

import io
import pickle
import sys
from pathlib import Path
from typing import Any

import regex

from hkwrap import cachefile

# The cache file (hkwrap/cachefile.py): this magic, a checksum, then the pickle.
CACHE_MAGIC = b"HKWP"
# Bump when the layout of the pickled mapping changes.
CACHE_FORMAT = 2
# Patterns a file keeps at most. hkwrap compiles ~210; an upgrade adds its new patterns beside
# the old ones, so past this many the file keeps only the patterns the writing run used.
MAX_KEPT = 2_000
# The one callable a cache file may name: regex's constructor of a compiled pattern.
_ALLOWED_GLOBAL = ("regex._regex", "compile")

_Key = tuple[str, int]

_cache_path: Path | None = None
_loaded: dict[_Key, bytes] = {}  # each pattern's own pickle, as the file holds it
_used: dict[_Key, regex.Pattern[str]] = {}
_dirty = False


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the cache file when the command line loaded one."""
    global _dirty
    if _cache_path is None:
        return regex.compile(pattern, flags)
    key = (pattern, int(flags))  # an int: a RegexFlag would pickle as a class of its own
    compiled = _used.get(key)
    if compiled is None:
        compiled = _unpickle(_loaded[key], key) if key in _loaded else None
        if compiled is None:
            compiled = regex.compile(pattern, flags)
            _dirty = True
        _used[key] = compiled
    return compiled


def cache_file(folder: Path) -> Path:
    """The cache file in ``folder`` for this ``regex`` and this Python."""
    version = f"{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}-f{CACHE_FORMAT}"
    return folder / f"patterns-{version}.bin"


def use_cache(folder: Path) -> None:
    """Compile through the cache file in ``folder`` from now on, loading what it holds. A
    missing, damaged or unreadable file is no error: the patterns are compiled as usual."""
    global _cache_path, _loaded, _used, _dirty
    _cache_path = cache_file(folder)
    _loaded = _read(_cache_path)
    _used, _dirty = {}, False


def save() -> None:
    """Write the cache file back if this run compiled a pattern it did not hold. Atomic (a
    reader never sees half a file); a read-only or full cache folder is no error."""
    global _dirty
    if _cache_path is None or not _dirty:
        return
    _dirty = False
    kept = dict(_loaded) if len(_loaded) + len(_used) <= MAX_KEPT else {}
    for key, compiled in _used.items():
        if key not in kept:
            kept[key] = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
    body = pickle.dumps({"format": CACHE_FORMAT, "patterns": kept}, protocol=pickle.HIGHEST_PROTOCOL)
    cachefile.write(_cache_path, CACHE_MAGIC, body)


class _RestrictedUnpickler(pickle.Unpickler):
    """Unpickles plain containers and, when ``allowed``, compiled patterns; refuses any other
    callable."""

    def __init__(self, data: bytes, allowed: tuple[tuple[str, str], ...]) -> None:
        super().__init__(io.BytesIO(data))
        self.allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self.allowed:
            raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")
        return super().find_class(module, name)


def _unpickle(data: bytes, key: _Key) -> regex.Pattern[str] | None:
    """The compiled pattern ``data`` holds, if it is the pattern ``key`` names; else None."""
    try:
        compiled = _RestrictedUnpickler(data, (_ALLOWED_GLOBAL,)).load()
    except Exception:  # a bad entry only means compiling as usual
        return None
    if isinstance(compiled, regex.Pattern) and compiled.pattern == key[0] and compiled.flags & key[1] == key[1]:
        return compiled
    return None


def _read(path: Path) -> dict[_Key, bytes]:
    """Each pattern's pickle in the file at ``path``; empty when it is missing, not the
    current user's, damaged or of another format."""
    body = cachefile.read(path, CACHE_MAGIC, own=True)
    if body is None:
        return {}
    try:
        cached = _RestrictedUnpickler(bytes(body), ()).load()
        if not isinstance(cached, dict) or cached.get("format") != CACHE_FORMAT:
            return {}
        patterns = cached.get("patterns")
        if not isinstance(patterns, dict):
            return {}
        return {
            key: value for key, value in patterns.items()
            if isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str)
            and isinstance(key[1], int) and isinstance(value, bytes)
        }
    except Exception:  # anything wrong with the file only means compiling as usual
        return {}
