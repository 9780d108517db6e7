"""Readers: bytes on disk (or stdin) -> decoded report text plus metadata.

Interface (stable; the pipeline and the CLI rely on it):

- ``Source``: one report as read. ``text`` is the decoded text that evidence offsets refer to;
  ``body_start`` is where the report body begins inside it (after YAML front matter);
  ``metadata`` holds strings only (title, date, locale ...), never coerced types.
- ``read_bytes(data, name, encoding=None)`` -> list[Source] (a news-API JSON list yields many).
- ``read_path(path, encoding=None, max_bytes=...)`` -> list[Source]; raises InputError.
- ``iter_inputs(paths)`` -> the files to read, directories walked for known extensions.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    text: str
    body_start: int = 0
    kind: str = "text"  # text | markdown | html | json
    metadata: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # e.g. "encoding guessed: big5hkscs"
