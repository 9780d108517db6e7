"""JSON and JSON Lines renderers.

UTF-8 text, Chinese written as is (``ensure_ascii=False``), numbers as JSON numbers. NaN and
infinity are refused (``allow_nan=False``): they are not JSON, and a ``ValueError`` here becomes a
per-input error in the CLI instead of a file ``jq`` cannot read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hkwrap.output.spool import SpooledDocument


def dumps(doc: Mapping[str, Any]) -> str:
    """One document as a single line of JSON."""
    return json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))


class JsonlRenderer:
    """One document per line."""

    def header(self) -> str:
        return ""

    def document(self, doc: Mapping[str, Any]) -> str:
        return dumps(doc) + "\n"

    def document_chunks(self, doc: SpooledDocument) -> Iterator[str]:
        """``document(doc.to_dict())`` in pieces, for a long document spooled to files."""
        from hkwrap.output.spool import json_chunks

        chunks = json_chunks(doc)
        yield from chunks
        yield "\n"

    def footer(self) -> str:
        return ""


class JsonRenderer:
    """One JSON array; each element is written on its own line as soon as it is ready.

    The output is ``[\\n{...},\\n{...}\\n]\\n``, or ``[]\\n`` when there is no document.
    """

    def __init__(self) -> None:
        self._count = 0

    def header(self) -> str:
        return "["

    def document(self, doc: Mapping[str, Any]) -> str:
        text = dumps(doc)  # serialise first: a failure must not leave a stray comma
        sep = "\n" if self._count == 0 else ",\n"
        self._count += 1
        return sep + text

    def document_chunks(self, doc: SpooledDocument) -> Iterator[str]:
        """``document(doc.to_dict())`` in pieces, for a long document spooled to files. What
        can fail is serialised before the separator is handed out (no stray comma)."""
        from hkwrap.output.spool import json_chunks

        chunks = json_chunks(doc)  # raises here, before anything is yielded
        return self._after_separator(chunks)

    def _after_separator(self, chunks: Iterator[str]) -> Iterator[str]:
        yield "\n" if self._count == 0 else ",\n"
        self._count += 1
        yield from chunks

    def footer(self) -> str:
        return "]\n" if self._count == 0 else "\n]\n"
