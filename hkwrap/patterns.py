"""Compiled patterns, kept between runs of the command line.

The ``regex`` module parses and compiles each pattern in Python: hkwrap's ~210 patterns cost
about 70 ms a run, a third of a short report's start-up. A compiled pattern pickles as its
compiled program (``regex``'s own pickle support: loading one calls the C constructor with that
program, nothing is parsed again), so the command line keeps each pattern's program in one cache
file and a run loads them all in a few ms. Each pattern is kept on its own and loaded only when a
module asks for it: a compiled pattern holds its matching tables (up to ~300 KB), and a file
may also hold patterns of an older hkwrap that this run never uses.

Every module compiles through :func:`compile`. The library compiles as usual unless asked: it
writes no user file on its own. The command line asks (:func:`use_cache`, with
``$XDG_CACHE_HOME/hkwrap``) and writes the file back at the end of a run (:func:`save`) when
the run compiled a pattern the file did not hold.

The file is trusted no further than it must be: it is read only when its checksum holds and it
is the current user's. It holds plain data only (``marshal``: strings, numbers, tuples, lists,
dicts), and each pattern is made by ``regex``'s own constructor of a compiled pattern from the
arguments its pickling gives (what unpickling one would call, without an unpickler's ~5
microseconds a pattern): anything else in the file is ignored, never run. A file of another
``regex`` or Python version is another file (its name says which), so a pattern is never
loaded by a ``regex`` that did not compile it.
"""

from __future__ import annotations

import copyreg
import marshal
import os
import sys

import regex
from regex import _regex

from hkwrap import cachefile

# The cache file (hkwrap/cachefile.py): this magic, a checksum, then the marshalled mapping.
CACHE_MAGIC = b"HKWP"
# Bump when the layout of the mapping changes (3: marshal, each pattern its constructor's
# arguments, where 2 was a pickle).
CACHE_FORMAT = 3
# Patterns a file keeps at most. hkwrap compiles ~210; an upgrade adds its new patterns beside
# the old ones, so past this many the file keeps only the patterns the writing run used.
MAX_KEPT = 2_000

_Key = tuple[str, int]

_cache_path: str | None = None
_loaded: dict[_Key, bytes] = {}  # each pattern's constructor arguments, marshalled, as the file holds them
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
        compiled = _construct(_loaded[key], key) if key in _loaded else None
        if compiled is None:
            compiled = regex.compile(pattern, flags)
            _dirty = True
        _used[key] = compiled
    return compiled


def cache_file(folder: str | os.PathLike[str]) -> str:
    """The cache file in ``folder`` for this ``regex`` and this Python."""
    version = f"{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}-f{CACHE_FORMAT}"
    return os.path.join(folder, f"patterns-{version}.bin")


def use_cache(folder: str | os.PathLike[str]) -> None:
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
            args = _arguments(compiled)
            if args is not None:
                kept[key] = args
    body = marshal.dumps({"format": CACHE_FORMAT, "patterns": kept})
    cachefile.write(_cache_path, CACHE_MAGIC, body)


def _arguments(compiled: regex.Pattern[str]) -> bytes | None:
    """The arguments of ``regex``'s constructor that make ``compiled`` again (what pickling
    it gives), marshalled; None when this ``regex`` pickles patterns some other way."""
    reduce = copyreg.dispatch_table.get(type(compiled))
    try:
        func, args = reduce(compiled)  # type: ignore[misc]
        if func is not _regex.compile:
            return None
        return marshal.dumps(args)
    except Exception:  # no reducer, another shape, or arguments marshal cannot hold
        return None


def _construct(data: bytes, key: _Key) -> regex.Pattern[str] | None:
    """The compiled pattern ``data`` (its constructor's arguments) makes, if it is the pattern
    ``key`` names; else None."""
    try:
        args = marshal.loads(data)
        if not isinstance(args, tuple) or not args or args[0] != key[0]:
            return None
        compiled = _regex.compile(*args)
    except Exception:  # a bad entry only means compiling as usual
        return None
    if isinstance(compiled, regex.Pattern) and compiled.pattern == key[0] and compiled.flags & key[1] == key[1]:
        return compiled
    return None


def _read(path: str) -> dict[_Key, bytes]:
    """Each pattern's entry in the file at ``path``; empty when it is missing, not the
    current user's, damaged or of another format."""
    body = cachefile.read(path, CACHE_MAGIC, own=True)
    if body is None:
        return {}
    try:
        cached = marshal.loads(body)
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
