"""The library surface: what ``from hkwrap import ...`` promises, and that importing it stays light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_names_importable() -> None:
    from hkwrap import Options, __version__, extract_file, extract_text

    assert callable(extract_text) and callable(extract_file)
    assert isinstance(__version__, str) and __version__
    assert Options().reference_date is None


def test_all_lists_public_names() -> None:
    import hkwrap

    for name in hkwrap.__all__:
        assert getattr(hkwrap, name) is not None
    with pytest.raises(AttributeError):
        _ = hkwrap.no_such_name  # type: ignore[attr-defined]


def test_import_is_light() -> None:
    code = (
        "import json, sys\n"
        "import hkwrap\n"
        "heavy = ('typer', 'rich', 'yaml', 'click')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(out.stdout) == []


def test_extract_text_without_cli_modules() -> None:
    """The library path (extract_text) never needs typer or rich."""
    code = (
        "import json, sys\n"
        "from hkwrap import extract_text\n"
        "doc = extract_text('The Hang Seng Index fell 1.2% to 25,000.5 points.')\n"
        "heavy = ('typer', 'rich')\n"
        "print(json.dumps([doc.indices[0].index,"
        " sorted(m for m in sys.modules if m.split('.')[0] in heavy)]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(out.stdout) == ["HSI", []]


def test_extract_text_returns_document() -> None:
    from hkwrap import extract_text
    from hkwrap.model import Document

    doc = extract_text("恒指收市跌335點，報23076點。")
    assert isinstance(doc, Document)
    assert doc.source == "-"
    assert doc.to_dict()["schema_version"] == 1


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.iterdir()))
def test_extract_file_on_samples(sample: str) -> None:
    from hkwrap import extract_file
    from hkwrap.model import Document

    docs = extract_file(str(SAMPLES / sample))
    assert docs and all(isinstance(d, Document) for d in docs)
    for d in docs:
        assert d.source.startswith(str(SAMPLES / sample))
    if sample.endswith(".json"):
        assert len(docs) > 1  # a news-API list gives one document per article


def test_extract_file_accepts_path_and_options() -> None:
    from hkwrap import Options, extract_file

    path = SAMPLES / "zh-hant_tv_close_2026-01-15.txt"
    docs = extract_file(path, options=Options(reference_date="2026-01-15", use_user_config=False))
    assert len(docs) == 1
    assert docs[0].indices


def test_extract_file_raises_library_errors(tmp_path: Path) -> None:
    from hkwrap import extract_file
    from hkwrap.errors import HkwrapError, InputError

    assert issubclass(InputError, HkwrapError)
    with pytest.raises(InputError):
        extract_file(str(tmp_path / "missing.txt"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError):
        extract_file(str(empty))
