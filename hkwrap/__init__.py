"""hkwrap: facts out of Hong Kong stock-market reports.

    >>> from hkwrap import extract_text
    >>> doc = extract_text("The Hang Seng Index fell 1.2% to 25,000.5 points.")
    >>> doc.indices[0].index, doc.indices[0].change_pct
    ('HSI', -1.2)

Importing this package stays light: no typer, no rich. The extraction machinery is loaded on
first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hkwrap._version import __version__

if TYPE_CHECKING:
    from hkwrap.model import Document
    from hkwrap.pipeline import Options

__all__ = ["Options", "__version__", "extract_file", "extract_text"]


def extract_text(text: str, **kwargs: Any) -> Document:
    """Extract one report given as text. See :func:`hkwrap.pipeline.extract_text`."""
    from hkwrap.pipeline import extract_text as _extract_text

    return _extract_text(text, **kwargs)


def extract_file(path: str, **kwargs: Any) -> list[Document]:
    """Read one file (text, Markdown, HTML or news JSON) and extract every report in it."""
    from hkwrap.pipeline import extract_file as _extract_file

    return _extract_file(path, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "Options":
        from hkwrap.pipeline import Options

        return Options
    raise AttributeError(name)
