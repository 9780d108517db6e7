"""The compiled-pattern cache (hkwrap/patterns.py): a run that loads its patterns from the cache
file extracts exactly what a run that compiles them does, and a damaged or tampered file is
ignored, never trusted."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import regex

from hkwrap import patterns
from tests.cli_run import hkwrap

REPORT = """\
Hong Kong stocks closed higher on Tuesday, 3 March 2026. The Hang Seng Index rose 312.40 points,
or 1.2 per cent, to 26,418.55. Tencent (0700.HK) gained 2.1% to HK$512.50 and Alibaba fell 0.8%.
Turnover was HK$248.6 billion.
港股周二高收，恒指升312點，收報26,418點；騰訊升2.1%，阿里巴巴跌0.8%，大市成交2,486億元。
"""


def _cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "hkwrap").glob("patterns-*.bin"))


def _extract(tmp_path: Path, **env: str) -> bytes:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = hkwrap("extract", "--no-user-aliases", str(report), "--format", "json", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_run_from_the_cache_extracts_what_a_compiling_run_does(tmp_path: Path) -> None:
    cold = _extract(tmp_path)
    (cache,) = _cache_files(tmp_path)
    assert cache.stat().st_size > 10_000  # hkwrap's ~200 patterns, compiled
    assert _extract(tmp_path) == cold


def test_patterns_are_the_same_text_in_every_run(tmp_path: Path) -> None:
    """A pattern built from a set of words in hash order would differ from run to run: each run
    would miss the cache and write it again."""
    _extract(tmp_path, PYTHONHASHSEED="1")
    (cache,) = _cache_files(tmp_path)
    first = cache.read_bytes()
    _extract(tmp_path, PYTHONHASHSEED="2")
    assert cache.read_bytes() == first


def test_a_damaged_cache_file_is_ignored_and_written_again(tmp_path: Path) -> None:
    cold = _extract(tmp_path)
    (cache,) = _cache_files(tmp_path)
    good = patterns._read(cache)
    cache.write_bytes(cache.read_bytes()[:-100])
    assert patterns._read(cache) == {}
    assert _extract(tmp_path) == cold
    assert patterns._read(cache).keys() == good.keys()


def test_a_cache_file_naming_another_callable_is_never_run(tmp_path: Path) -> None:
    cold = _extract(tmp_path)
    (cache,) = _cache_files(tmp_path)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    real_key = next(iter(patterns._read(cache)))
    for held in (
        {("x", 0): Payload()},  # in the file's own mapping
        {real_key: pickle.dumps(Payload())},  # as a pattern a run asks for
    ):
        body = pickle.dumps({"format": patterns.CACHE_FORMAT, "patterns": held})
        cache.write_bytes(patterns.CACHE_MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
        assert _extract(tmp_path) == cold
        assert not marker.exists()


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path) -> None:
    expected = _extract(tmp_path, XDG_CACHE_HOME=str(tmp_path / "elsewhere"))
    (tmp_path / "cache").write_text("a file where the cache folder would be")
    assert _extract(tmp_path) == expected
    assert _extract(tmp_path) == expected


@pytest.fixture
def fresh_cache_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run a test with the module's cache state of its own, restored afterwards."""
    monkeypatch.setattr(patterns, "_cache_path", None)
    monkeypatch.setattr(patterns, "_loaded", {})
    monkeypatch.setattr(patterns, "_used", {})
    monkeypatch.setattr(patterns, "_dirty", False)


def test_the_library_writes_no_cache_unless_asked(tmp_path: Path, fresh_cache_state: None) -> None:
    compiled = patterns.compile(r"(?P<points>\d[\d,]*)\s?點", regex.I)
    patterns.save()
    assert compiled.search("升312點")["points"] == "312"
    assert list(tmp_path.iterdir()) == []


def test_a_loaded_pattern_matches_as_the_compiled_one(tmp_path: Path, fresh_cache_state: None) -> None:
    source = r"(?<![\d.])(?P<level>\d{1,2},\d{3}(?:\.\d+)?)\s?(?:points|點|点)?"
    patterns.use_cache(tmp_path)
    compiled = patterns.compile(source, regex.X)
    patterns.save()
    assert Path(patterns.cache_file(tmp_path)).is_file()

    patterns.use_cache(tmp_path)  # a later run
    assert (source, int(regex.X)) in patterns._loaded
    loaded = patterns.compile(source, regex.X)
    assert loaded is not compiled and loaded is patterns._used[(source, int(regex.X))]
    text = "收報26,418.55點，較早前低見25,990點; the index ended at 26,418.55 points"
    assert [m.groupdict() for m in loaded.finditer(text)] == [m.groupdict() for m in compiled.finditer(text)]
    assert (loaded.pattern, loaded.flags, loaded.groupindex) == (compiled.pattern, compiled.flags, compiled.groupindex)


def test_flag_numbers_are_regexs() -> None:
    ours = (patterns.IGNORECASE, patterns.MULTILINE, patterns.VERBOSE)
    assert ours == (int(regex.IGNORECASE), int(regex.MULTILINE), int(regex.VERBOSE))


def _vocabulary_words(node: object) -> list[str]:
    """Every string in the data files' tree (words, names, units)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [w for k, v in node.items() for w in (*_vocabulary_words(k), *_vocabulary_words(v))]
    if isinstance(node, (list, tuple)):
        return [w for v in node for w in _vocabulary_words(v)]
    return []


def test_escape_is_regexs_on_every_word_of_the_vocabulary() -> None:
    from hkwrap import data

    words = _vocabulary_words(data.load())
    assert len(words) > 1000
    words += ["HK$1.2bn (est.)", "a|b", "[x]{2}", "^$*+?", "#&~-", "tab\there", "new\nline", "\u3000全角", "\\d"]
    for word in words:
        assert patterns.escape(word) == regex.escape(word), word
        assert regex.fullmatch(patterns.escape(word), word), word


def test_a_run_from_the_cache_never_imports_regexs_parser(tmp_path: Path) -> None:
    """The patterns are made by regex's C extension alone; the pattern parser (and its imports)
    stays out of a run that compiles nothing, and comes in when one does."""
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('regex._regex_core' in sys.modules, file=sys.stderr))\n"
        "from hkwrap.launch import main\n"
        f"sys.argv = ['hkwrap', 'extract', '--no-user-aliases', '-f', 'json', {str(report)!r}]\n"
        "main()\n"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "config"))

    def run() -> tuple[str, str]:
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                              stdin=subprocess.DEVNULL, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout, done.stderr.splitlines()[-1]

    cold, cold_parser = run()  # no cache file yet: every pattern compiled
    warm, warm_parser = run()
    assert (cold_parser, warm_parser) == ("True", "False")
    assert warm == cold and '"index": "HSI"' in warm


def test_patterns_from_the_extension_alone_are_regexs_patterns_once_it_is_imported() -> None:
    probe = (
        "import copyreg, pickle, sys\n"
        "from hkwrap import patterns\n"
        "engine = patterns._engine()\n"
        "assert 'regex' not in sys.modules and sys.modules['regex._regex'] is engine\n"
        "import regex\n"
        "assert regex._main._regex is engine  # regex's own import took the loaded extension\n"
        "p = regex.compile(r'(?P<pts>\\d+)點')\n"
        "made = engine.compile(*copyreg.dispatch_table[type(p)](p)[1])\n"
        "assert isinstance(made, regex.Pattern) and made.search('升312點')['pts'] == '312'\n"
        "assert pickle.loads(pickle.dumps(made)).pattern == p.pattern\n"
        "assert regex.sub(r'(\\d+)點', r'\\1 points', '升312點') == '升312 points'\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120, check=False)
    assert done.returncode == 0 and done.stdout == "ok\n", done.stderr
