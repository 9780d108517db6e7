"""read -> prepare -> extract -> consolidate. Pure functions; never prints.

``extract_text`` is a pure function of its arguments (text and an ``Options`` value), with no
global state to set up, so it can be mapped over a cluster (see docs/scale-out.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hkwrap.model import Document
from hkwrap.readers import Source

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Options:
    """What a run may vary. Hashable and picklable."""

    reference_date: str | None = None  # YYYY-MM-DD for reports that state no year
    alias_files: tuple[str, ...] = ()  # user alias tables (YAML), added to the built-in one
    use_user_config: bool = True  # read $XDG_CONFIG_HOME/hkwrap/aliases.yaml if present


def extract_text(
    text: str,
    *,
    source: str = "-",
    options: Options | None = None,
    metadata: dict[str, str] | None = None,
    body_start: int = 0,
) -> Document:
    """Extract every fact from one report given as decoded text."""
    options = options or Options()
    return Document(source=source, metadata=dict(metadata or {}))


def extract_source(src: Source, options: Options | None = None) -> Document:
    """Extract one report produced by a reader."""
    return extract_text(
        src.text,
        source=src.name,
        options=options,
        metadata=src.metadata,
        body_start=src.body_start,
    )


def extract_file(
    path: str | Path,
    *,
    options: Options | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Document]:
    """Read a file and extract each report in it (a news-API JSON list holds many)."""
    from hkwrap.readers import read_path

    return [extract_source(s, options) for s in read_path(path, encoding=encoding, max_bytes=max_bytes)]
