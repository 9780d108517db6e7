"""Renderers: document dicts (``Document.to_dict()``) -> text, one document at a time.

Every renderer has the same three methods so the CLI can stream: ``header()`` before the first
document, ``document(doc)`` for each one in input order, ``footer()`` after the last. Each
returns a string to write. Renderers take plain dicts, never touch the filesystem, and never
import typer; only :mod:`hkwrap.output.table` imports rich, and only when a table is drawn.

- ``json``: one JSON array, one element per document, written element by element.
- ``jsonl``: one document per line; a line has exactly the shape of an array element.
- ``csv``: one row per fact under a fixed header (:data:`hkwrap.output.csvout.COLUMNS`).
- ``table``: Rich tables for people (plain text off a terminal).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

FORMATS = ("table", "json", "jsonl", "csv")


class Renderer(Protocol):
    def header(self) -> str: ...

    def document(self, doc: Mapping[str, Any]) -> str: ...

    def footer(self) -> str: ...


def get_renderer(fmt: str, **options: Any) -> Renderer:
    """The renderer for ``fmt`` (one of :data:`FORMATS`).

    Options: ``bom`` (csv), ``colour`` / ``colours`` / ``width`` (table).
    """
    if fmt == "json":
        from hkwrap.output.jsonout import JsonRenderer

        return JsonRenderer()
    if fmt == "jsonl":
        from hkwrap.output.jsonout import JsonlRenderer

        return JsonlRenderer()
    if fmt == "csv":
        from hkwrap.output.csvout import CsvRenderer

        return CsvRenderer(bom=bool(options.get("bom", False)))
    if fmt == "table":
        from hkwrap.output.table import TableRenderer

        return TableRenderer(
            colour=bool(options.get("colour", False)),
            colours=str(options.get("colours", "hk")),
            width=options.get("width"),
        )
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "Renderer", "get_renderer"]
