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

A run whose patterns all come from the file never imports ``regex`` itself: the constructor is
``regex``'s C extension, loaded on its own (:func:`_engine`); the pattern parser in
``regex/_regex_core.py`` and what it imports (``string``, ``unicodedata``, ``threading``,
``locale``) cost ~9 ms of a run's start-up. Modules name flags and escape words through this
module (:data:`IGNORECASE`, :func:`escape`) for that reason; ``regex`` is imported the first
time a pattern has to be compiled.
"""

from __future__ import annotations

import marshal
import os
import sys
from typing import TYPE_CHECKING, Any

from hkwrap import cachefile

if TYPE_CHECKING:
    import regex

# The cache file (hkwrap/cachefile.py): this magic, a checksum, then the marshalled mapping.
CACHE_MAGIC = b"HKWP"
# Bump when the layout of the mapping changes (3: marshal, each pattern its constructor's
# arguments, where 2 was a pickle).
CACHE_FORMAT = 3
# Patterns a file keeps at most. hkwrap compiles ~210; an upgrade adds its new patterns beside
# the old ones, so past this many the file keeps only the patterns the writing run used.
MAX_KEPT = 2_000

# regex's flags, by the numbers regex gives them (tests/test_patterns.py holds them to it), for
# the modules that compile through this one without importing regex.
IGNORECASE = 0x2
MULTILINE = 0x8
VERBOSE = 0x40

# The characters regex.escape puts a backslash before (besides white space), as regex lists them.
_METACHARS = frozenset("()[]{}?*+|^$\\.-#&~")

_Key = tuple[str, int]

_cache_path: str | None = None
_loaded: dict[_Key, bytes] = {}  # each pattern's constructor arguments, marshalled, as the file holds them
_used: dict[_Key, regex.Pattern[str]] = {}
_dirty = False


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the cache file when the command line loaded one."""
    global _dirty
    if _cache_path is None:
        import regex

        return regex.compile(pattern, flags)
    key = (pattern, int(flags))  # an int: a RegexFlag would pickle as a class of its own
    compiled = _used.get(key)
    if compiled is None:
        compiled = _construct(_loaded[key], key) if key in _loaded else None
        if compiled is None:
            import regex

            compiled = regex.compile(pattern, flags)
            _dirty = True
        _used[key] = compiled
    return compiled


def escape(text: str) -> str:
    """``regex.escape(text)``: a backslash before each of regex's special characters and each
    white-space character, so that ``text`` is matched literally."""
    return "".join("\\" + c if c in _METACHARS or c.isspace() else c for c in text)


def cache_file(folder: str | os.PathLike[str]) -> str:
    """The cache file in ``folder`` for this build of ``regex``'s engine and this Python: the
    engine's file (its path, size and time) names it, so a program compiled by one build is
    never given to another."""
    engine = _engine()
    try:
        stat = os.stat(engine.__file__)
        build = _crc(f"{engine.__file__}:{stat.st_size}:{stat.st_mtime_ns}:{engine.MAGIC}")
    except (AttributeError, OSError):
        import regex

        build = _crc(regex.__version__)
    version = f"{build:08x}-py{sys.version_info[0]}{sys.version_info[1]}-f{CACHE_FORMAT}"
    return os.path.join(folder, f"patterns-{version}.bin")


def _crc(text: str) -> int:
    """The CRC-32 of ``text``: a short, stable name for it."""
    import zlib

    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def _engine() -> Any:
    """``regex``'s C extension (``regex._regex``, whose ``compile`` makes a pattern from its
    compiled program), without running ``regex/__init__.py``, which imports the pattern parser.
    The extension is loaded from the ``regex`` package's folder as the import system would load
    it, and registered under its own name, so a later ``import regex`` uses this one. When the
    package is already imported, or lives somewhere that is not a plain folder (a zip, another
    finder), ``regex`` is imported as usual."""
    engine = sys.modules.get("regex._regex")
    if engine is not None:
        return engine
    if "regex" not in sys.modules:
        try:
            from importlib.machinery import (
                EXTENSION_SUFFIXES,
                ExtensionFileLoader,
                ModuleSpec,
                PathFinder,
            )

            package = PathFinder.find_spec("regex")
            for folder in (package.submodule_search_locations or []) if package is not None else []:
                for suffix in EXTENSION_SUFFIXES:
                    path = os.path.join(folder, "_regex" + suffix)
                    if os.path.isfile(path):
                        loader = ExtensionFileLoader("regex._regex", path)
                        engine = loader.create_module(ModuleSpec("regex._regex", loader, origin=path))
                        loader.exec_module(engine)
                        sys.modules["regex._regex"] = engine
                        return engine
        except Exception:  # anything unusual: the package's own import below
            sys.modules.pop("regex._regex", None)
    from regex import _regex

    return _regex


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
    import copyreg

    import regex  # noqa: F401 (its import registers the reducer of a compiled pattern)

    reduce = copyreg.dispatch_table.get(type(compiled))
    try:
        func, args = reduce(compiled)  # type: ignore[misc]
        if func is not _engine().compile:
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
        compiled = _engine().compile(*args)
        if compiled.pattern == key[0] and compiled.flags & key[1] == key[1]:
            return compiled
    except Exception:  # a bad entry only means compiling as usual
        return None
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
