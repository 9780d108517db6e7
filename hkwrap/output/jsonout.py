"""JSON and JSON Lines renderers.

UTF-8 text, Chinese written as is (``ensure_ascii=False``), numbers as JSON numbers. NaN and
infinity are refused (``allow_nan=False``): they are not JSON, and a ``ValueError`` here becomes a
per-input error in the CLI instead of a file ``jq`` cannot read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def dumps(doc: Mapping[str, Any]) -> str:
    """One document as a single line of JSON."""
    return json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))


class JsonlRenderer:
    """One document per line."""

    def header(self) -> str:
        return ""

    def document(self, doc: Mapping[str, Any]) -> str:
        return dumps(doc) + "\n"

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

    def footer(self) -> str:
        return "]\n" if self._count == 0 else "\n]\n"
