"""HTML -> report text with the standard library's ``html.parser``.

What is kept: the visible text of the page body, with block elements turned into line breaks
and table cells separated by tabs. What is dropped: ``script``, ``style``, ``noscript``,
``template``, ``svg``, ``head`` (its ``<title>`` goes to metadata), and the page furniture
``nav``, ``footer``, ``aside``. Entities are decoded; runs of white space inside text collapse to
one space (except in ``pre``), and runs of blank lines to one.

Metadata: ``title`` (``<title>``, else ``og:title``), the meta tags listed in ``_META_KEYS``
under their own lower-cased names, ``date`` from the first of ``article:published_time``,
``date`` ... or the first ``<time datetime=...>``, and ``lang`` from ``<html lang=...>``.

No tree is built and nothing recurses, so deeply nested or broken markup costs only linear time.
Unclosed furniture (a ``<nav>`` never closed) is closed by ``</body>``, and an unclosed
``<head>`` by the first body element.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hkwrap.readers import Source

_FURNITURE = frozenset({"nav", "footer", "aside"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"}) | _FURNITURE
# Parsed as raw text by html.parser (their content is never markup).
_RAW = frozenset({"script", "style"})
_PARAGRAPH = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "main",
        "blockquote", "pre", "table", "ul", "ol", "dl", "figure", "figcaption", "hr",
    }
)  # fmt: skip
_LINE = frozenset(
    {"div", "br", "li", "tr", "dd", "dt", "caption", "address", "form", "fieldset", "center"}
)
_CELL = frozenset({"td", "th"})
_VOID = frozenset(
    {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}
)
# Tags that can only start the body: they close an unclosed <head>.
_BODY_STARTERS = _PARAGRAPH | _LINE | _CELL | {"body", "span", "a", "b", "strong", "em", "i"}

# Meta names kept in metadata, and the order in which they supply ``date``.
_META_KEYS = frozenset(
    {
        "article:published_time", "article:modified_time", "og:title", "og:description",
        "og:locale", "og:url", "og:site_name", "description", "date", "pubdate", "publishdate",
        "publish-date", "dc.date", "dc.date.issued", "dcterms.date", "datepublished",
        "sailthru.date", "parsely-pub-date", "author", "keywords",
    }
)  # fmt: skip
_META_DATE_ORDER = (
    "article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
    "dc.date.issued", "dc.date", "dcterms.date", "parsely-pub-date", "sailthru.date",
)  # fmt: skip

_SPACES = re.compile(r"[ \t\r\n\f]+")
_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_MAX_META = 2000


class _Extractor(HTMLParser):
    def __init__(self, *, drop_furniture: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.dropped = _SKIP if drop_furniture else _SKIP - _FURNITURE
        self.parts: list[str] = []
        self.skip: list[str] = []  # open elements whose content is dropped
        self.pre = 0
        self.title: list[str] | None = None  # collecting <title> text while not None
        self.titles: list[str] = []
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.lang = ""

    # --- tags -------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = self.lang or (dict(attrs).get("lang") or "")
            return
        if tag == "meta":
            self._meta(attrs)
            return
        if tag == "title":
            self.title = []
            return
        if tag == "time":
            value = dict(attrs).get("datetime")
            if value:
                self.times.append(value.strip())
        if self.skip == ["head"] and tag in _BODY_STARTERS:
            self.skip.clear()  # an unclosed <head>: the body has begun
        if tag in self.dropped:
            self.skip.append(tag)
            return
        if self.skip:
            return
        self._block(tag, opening=True)
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <meta .../>, and self-closed furniture such as <nav/> (which holds nothing).
        if tag in self.dropped:
            return
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            if self.title is not None:
                self.titles.append("".join(self.title))
            self.title = None
            return
        if tag in ("body", "html"):
            self.skip.clear()
            return
        if tag in self.skip:
            while self.skip and self.skip.pop() != tag:
                pass
            return
        if self.skip or tag in _VOID:
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
        self._block(tag, opening=False)

    def _block(self, tag: str, *, opening: bool) -> None:
        if tag in _PARAGRAPH:
            self.parts.append("\n\n")
        elif tag in _LINE:
            if tag == "br" or not opening or (self.parts and self.parts[-1] != "\n"):
                self.parts.append("\n")
        elif tag in _CELL and opening:
            self.parts.append("\t")

    def _meta(self, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
        content = a.get("content", "").strip()
        if key in _META_KEYS and content and key not in self.meta:
            self.meta[key] = content[:_MAX_META]

    # --- text -------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
            return
        if self.skip:
            return
        self.parts.append(data if self.pre else _SPACES.sub(" ", data))


def html_to_text(markup: str) -> tuple[str, dict[str, str], tuple[str, ...]]:
    """(text, metadata, notes) for an HTML document or fragment."""
    parser, text, notes = _run(markup, drop_furniture=True)
    if not text:
        # Nothing outside nav/footer/aside: an unclosed <nav> swallowed the page, or the
        # fragment is all furniture. Keep it rather than return nothing.
        kept, kept_text, kept_notes = _run(markup, drop_furniture=False)
        if kept_text:
            parser, text = kept, kept_text
            notes = (*kept_notes, "HTML: no text outside nav/footer/aside; kept them")
    metadata = dict(parser.meta)
    title = next((_SPACES.sub(" ", t).strip() for t in parser.titles if t.strip()), "")
    if title:
        metadata["title"] = title[:_MAX_META]
    elif "og:title" in metadata:
        metadata["title"] = metadata["og:title"]
    for key in _META_DATE_ORDER:
        if key in metadata:
            metadata["date"] = metadata[key]
            break
    else:
        if parser.times:
            metadata["date"] = parser.times[0][:_MAX_META]
    if parser.lang:
        metadata["lang"] = parser.lang.strip()[:_MAX_META]
    return text, metadata, notes


def _run(markup: str, *, drop_furniture: bool) -> tuple[_Extractor, str, tuple[str, ...]]:
    parser = _Extractor(drop_furniture=drop_furniture)
    notes: tuple[str, ...] = ()
    try:
        parser.feed(markup)
        parser.close()
    except Exception as exc:  # html.parser is lenient; anything it still raises is one note
        notes = (f"HTML parsing stopped early: {type(exc).__name__}",)
    return parser, _tidy("".join(parser.parts)), notes


def read_html(markup: str, name: str, notes: tuple[str, ...] = ()) -> Source:
    text, metadata, more = html_to_text(markup)
    return Source(name=name, text=text, kind="html", metadata=metadata, notes=notes + more)


def _tidy(text: str) -> str:
    """Trim spaces at line ends, collapse blank-line runs to one blank line, trim the ends."""
    lines = [line.strip(" \t") for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n ")


# A tag's attributes are bounded: with "[^>]*" every "<p" of a text that never closes its
# tags read on to the end of the text (quadratic: 1.1 s on 100 KB of "<p<p<p...").
_TAG_ATTRIBUTES_MAX = 2000
_LOOKS_LIKE_HTML = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|br|span|a\s|li|ul|ol|h[1-6]|table|tr|td|strong"
    rf"|em|b|i|img|article|section|script|style|meta)\b[^>]{{0,{_TAG_ATTRIBUTES_MAX}}}>|</[a-z][a-z0-9]*\s*>"
    r"|&(?:nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when a string (a JSON body, a .txt file's start) contains HTML tags or entities."""
    return _LOOKS_LIKE_HTML.search(text) is not None


def is_html_document(text: str) -> bool:
    """True for text that *is* an HTML page (sniffing a .txt file), not text mentioning a tag."""
    head = text[:1024].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower():
        return True
    return head.startswith("<") and bool(
        re.match(r"<(?:head|body|div|p|article|section|table|h[1-6])\b", head)
    )
