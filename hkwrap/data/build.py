"""Compile the YAML data sources into ``compiled.json`` and ``securities.json`` (run:
``make data``).

YAML is for people; the runtime reads JSON only. ``tests/test_data.py`` rebuilds in memory and
fails if a committed file differs, so a stale copy cannot ship.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

from hkwrap.data import COMPILED, DATA_DIR, SECURITIES


def _load_yaml(path: Path) -> Any:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def compile_all(data_dir: str | Path = DATA_DIR) -> dict[str, Any]:
    """Everything the runtime needs, as one JSON-ready dict."""
    data_dir = Path(data_dir)
    out: dict[str, Any] = {}
    t2s_path = data_dir / "t2s.yaml"
    t2s: dict[str, str] = _load_yaml(t2s_path) if t2s_path.exists() else {}
    out["t2s"] = dict(sorted((t2s or {}).items()))
    lex_dir = data_dir / "lexicon"
    out["lexicon"] = {
        p.stem: _load_yaml(p) for p in sorted(lex_dir.glob("*.yaml"))
    } if lex_dir.exists() else {}
    idx = data_dir / "indices.yaml"
    out["indices"] = _load_yaml(idx) if idx.exists() else []
    out["vocabulary"] = _vocabulary(out)
    cues = data_dir / "cues.yaml"
    out["cues"] = _load_yaml(cues) if cues.exists() else {}
    not_names = data_dir / "not_names.yaml"
    out["not_names"] = _load_yaml(not_names) if not_names.exists() else {}
    sec = data_dir / "securities.yaml"
    if sec.exists():
        from hkwrap.securities.build import compile_table
        from hkwrap.securities.build import not_names as words_of

        out["securities"] = compile_table(
            _load_yaml(sec) or [], out["t2s"], words_of(out["not_names"])
        )
        out["securities"]["patterns"] = _alias_patterns(out["securities"])
    else:
        out["securities"] = {}
    words = data_dir / "hkex_words.yaml"
    out["hkex_words"] = _load_yaml(words) if words.exists() else {}
    meta = data_dir / "securities_meta.yaml"
    if meta.exists() and out["securities"]:
        out["securities"]["as_of"] = str((_load_yaml(meta) or {}).get("as_of") or "") or None
    return out


def _vocabulary(compiled: dict[str, Any]) -> dict[str, Any]:
    """The lexicon's words folded, with their roles (``hkwrap.text.lexicon.vocabulary``),
    folded with the Traditional -> Simplified map compiled here."""
    from hkwrap.text.fold import make_table
    from hkwrap.text.lexicon import vocabulary

    table = make_table(compiled["t2s"])
    return vocabulary(compiled, lambda word: word.translate(table))


def _alias_patterns(securities: dict[str, Any]) -> dict[str, Any]:
    """The keys of the built-in table's alias automaton and what each means, resolved here
    once instead of at every run's start (~6 ms)."""
    from hkwrap.securities.table import SecurityTable

    return SecurityTable(securities).alias_patterns().to_json()


def _text(value: Any) -> str:
    """Stable text form: sorted keys, compact, one line."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def render(compiled: dict[str, Any]) -> str:
    """``compiled.json``: every section of ``compiled`` but the securities table."""
    return _text({k: v for k, v in compiled.items() if k != "securities"})


def render_securities(compiled: dict[str, Any]) -> str:
    """``securities.json``: the built-in securities table."""
    return _text(compiled.get("securities") or {})


def main() -> int:
    compiled = compile_all()
    for path, text in ((COMPILED, render(compiled)), (SECURITIES, render_securities(compiled))):
        Path(path).write_text(text, encoding="utf-8")
        print(f"wrote {path} ({len(text.encode('utf-8')):,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
