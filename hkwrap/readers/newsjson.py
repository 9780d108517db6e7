"""News-API JSON -> one Source per article.

Accepted shapes: one article object; a list of them; or an object holding the list under
``articles``, ``data``, ``items``, ``results`` (and a few other names, see ``LIST_KEYS``), also
one level further down (``{"data": {"items": [...]}}``).

Fields, first match wins (keys compared case-insensitively):
title ``TITLE_KEYS``; body ``BODY_KEYS``; date ``DATE_KEYS``. A field may also be an object
with the text under ``rendered``/``text``/``value`` (WordPress), or a list of paragraphs.

``text`` is ``title + "\\n\\n" + body`` (``body_start`` stays 0: the headline is report text, and
often the only place a figure is stated). A body that looks like HTML is reduced to its text.
Other short scalar fields (id, url, author, lang, ``source.name`` ...) are kept in metadata as
strings. A numeric date (epoch seconds or milliseconds) becomes ISO 8601 in Hong Kong time,
since a bare number means nothing to the date extractor; string dates are kept as given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from hkwrap.readers import Source
from hkwrap.readers.markup import html_to_text, looks_like_html

LIST_KEYS = ("articles", "data", "items", "results", "news", "stories", "entries", "posts", "docs")
TITLE_KEYS = ("title", "headline", "heading", "subject")
BODY_KEYS = ("body", "content", "text", "article", "full_text", "description", "summary")
DATE_KEYS = (
    "published",
    "datetime",
    "date",
    "publishedat",
    "pubdate",
    "published_at",
    "publishdate",
    "publish_date",
    "datepublished",
    "date_published",
    "time",
    "created_at",
)
_NESTED_TEXT_KEYS = ("rendered", "text", "value", "content", "name")
_MAX_META = 500
_HKT = timezone(timedelta(hours=8))


def load(text: str) -> Any:
    """``json.loads``; ValueError (with json's line/column message) or RecursionError on failure."""
    return json.loads(text)


# -- streaming: one article at a time ------------------------------------------------------------
#
# A news-API file can hold 100,000 articles. ``json.loads`` would build every one of them (and
# the CLI used to hold every document) before the first is written. Instead the text is scanned
# once to find where each article object lies, checking the JSON syntax of the whole file as
# ``json.loads`` would; then articles are decoded, read and handed out one at a time. The result
# is the same list of Sources ``read_news_json(json.loads(text))`` gives, in the same order, with
# the same names and notes.

_DECODER = json.JSONDecoder()
_WS = re.compile(r"[ \t\n\r]*")
# What str.splitlines() breaks on (JSON Lines are read line by line, as it would split them).
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")

Span = tuple[int, int]


@dataclass(slots=True)
class _Node:
    """Where a JSON value lies; arrays keep their elements' spans, objects their members."""

    start: int
    end: int
    kind: str  # array | object | value
    items: list[Span] = field(default_factory=list)  # array elements
    members: dict[str, _Node] = field(default_factory=dict)  # object, lower-cased keys


def _skip(text: str, pos: int) -> int:
    return _WS.match(text, pos).end()  # type: ignore[union-attr]


def _scan(text: str, pos: int, depth: int) -> _Node:
    """The node of the value at ``pos``. Only the outer objects (up to the depth at which
    ``find_records`` looks for article lists) are taken apart; any other value is decoded once
    to find its end, then dropped."""
    ch = text[pos : pos + 1]
    if ch == "[" and depth <= 2:
        node = _Node(pos, pos, "array")
        pos = _skip(text, pos + 1)
        if text[pos : pos + 1] == "]":
            node.end = pos + 1
            return node
        while True:
            _, end = _DECODER.raw_decode(text, pos)
            node.items.append((pos, end))
            pos = _skip(text, end)
            ch = text[pos : pos + 1]
            if ch == "]":
                node.end = pos + 1
                return node
            if ch != ",":
                raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
            pos = _skip(text, pos + 1)
    if ch == "{" and depth <= 2:
        node = _Node(pos, pos, "object")
        pos = _skip(text, pos + 1)
        if text[pos : pos + 1] == "}":
            node.end = pos + 1
            return node
        while True:
            if text[pos : pos + 1] != '"':
                raise json.JSONDecodeError(
                    "Expecting property name enclosed in double quotes", text, pos
                )
            key, pos = json.decoder.scanstring(text, pos + 1)  # type: ignore[attr-defined]
            pos = _skip(text, pos)
            if text[pos : pos + 1] != ":":
                raise json.JSONDecodeError("Expecting ':' delimiter", text, pos)
            pos = _skip(text, pos + 1)
            child = _scan(text, pos, depth + 1)
            node.members.pop(key.lower(), None)  # a repeated key: the last one wins, as in dicts
            node.members[key.lower()] = child
            pos = _skip(text, child.end)
            ch = text[pos : pos + 1]
            if ch == "}":
                node.end = pos + 1
                return node
            if ch != ",":
                raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
            pos = _skip(text, pos + 1)
    _, end = _DECODER.raw_decode(text, pos)
    return _Node(pos, end, "value")


def _record_spans(text: str, node: _Node, depth: int = 0) -> list[Span]:
    """``find_records`` on a scanned node: the spans of the article objects."""
    if node.kind == "array":
        return node.items if any(text[s] == "{" for s, _ in node.items) else []
    if node.kind != "object":
        return []
    if depth < 2:
        for key in LIST_KEYS:
            child = node.members.get(key)
            if child is not None and child.kind in ("array", "object"):
                found = _record_spans(text, child, depth + 1)
                if found:
                    return found
    if any(k in node.members for k in TITLE_KEYS + BODY_KEYS):
        return [(node.start, node.end)]
    return []


def scan_news_json(text: str) -> list[Span]:
    """The spans of the article records in a JSON text (what ``find_records(json.loads(text))``
    returns, as offsets). Raises ValueError / RecursionError where ``json.loads`` would."""
    pos = _skip(text, 0)
    node = _scan(text, pos, 0)
    if _skip(text, node.end) != len(text):
        raise json.JSONDecodeError("Extra data", text, _skip(text, node.end))
    return _record_spans(text, node)


def scan_lines(text: str) -> list[Span] | None:
    """The spans of JSON Lines records, or None when that is not what ``text`` is (what
    ``load_lines`` accepts: two or more lines, each one JSON object)."""
    spans: list[Span] = []
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError):
            return None
        if not isinstance(obj, dict):
            return None
        # start at the object itself: json.loads allowed blanks before it, raw_decode does not
        spans.append((m.start() + len(line) - len(line.lstrip(" \t")), m.end()))
    return spans if len(spans) >= 2 else None


def iter_news_json(
    text: str, spans: list[Span], name: str, notes: tuple[str, ...] = ()
) -> Iterator[Source] | None:
    """The Sources of the records at ``spans``, decoded one at a time; None when none of them
    is an article. Same names, texts, metadata and notes as ``read_news_json``."""
    if not spans:
        return None
    skipped = sum(1 for record in _decode_each(text, spans) if _article(record) is None)
    if skipped == len(spans):
        return None
    return _sources(text, spans, name, notes, skipped)


def _decode_each(text: str, spans: list[Span]) -> Iterator[Any]:
    for start, _ in spans:
        yield _DECODER.raw_decode(text, start)[0]


def _sources(
    text: str, spans: list[Span], name: str, notes: tuple[str, ...], skipped: int
) -> Iterator[Source]:
    single = len(spans) == 1
    first = True
    for number, record in enumerate(_decode_each(text, spans), start=1):
        article = _article(record)
        if article is None:
            continue
        body, metadata, more = article
        extra = more
        if first and skipped:
            extra += (f"{skipped} JSON entries without title or body skipped",)
        first = False
        yield Source(
            name=name if single else f"{name}#{number}",
            text=body,
            kind="json",
            metadata=metadata,
            notes=notes + extra,
        )


def read_news_json(data: Any, name: str, notes: tuple[str, ...] = ()) -> list[Source] | None:
    """Sources for parsed JSON, or None when it holds no article with a title or body."""
    records = find_records(data)
    if not records:
        return None
    built: list[tuple[int, str, dict[str, str], tuple[str, ...]]] = []
    skipped = 0
    for number, record in enumerate(records, start=1):
        article = _article(record)
        if article is None:
            skipped += 1
            continue
        built.append((number, *article))
    if not built:
        return None
    sources: list[Source] = []
    single = len(records) == 1
    for i, (number, text, metadata, more) in enumerate(built):
        extra = more
        if i == 0 and skipped:
            extra += (f"{skipped} JSON entries without title or body skipped",)
        sources.append(
            Source(
                name=name if single else f"{name}#{number}",
                text=text,
                kind="json",
                metadata=metadata,
                notes=notes + extra,
            )
        )
    return sources


def find_records(data: Any, depth: int = 0) -> list[Any]:
    """The article objects in ``data`` (non-objects inside a list are kept, then skipped)."""
    if isinstance(data, list):
        return data if any(isinstance(x, dict) for x in data) else []
    if not isinstance(data, dict):
        return []
    lowered = {str(k).lower(): v for k, v in data.items()}
    if depth < 2:
        for key in LIST_KEYS:
            if isinstance(lowered.get(key), (list, dict)):
                found = find_records(lowered[key], depth + 1)
                if found:
                    return found
    if any(k in lowered for k in TITLE_KEYS + BODY_KEYS):
        return [data]
    return []


def _article(record: Any) -> tuple[str, dict[str, str], tuple[str, ...]] | None:
    if not isinstance(record, dict):
        return None
    fields = {str(k).lower(): (str(k), v) for k, v in record.items()}
    notes: tuple[str, ...] = ()
    title_key, title = _first_text(fields, TITLE_KEYS)
    body_key, body = _first_text(fields, BODY_KEYS)
    if looks_like_html(title):
        title = html_to_text(title)[0].replace("\n", " ")
    if looks_like_html(body):
        body, _, notes = html_to_text(body)
    title, body = title.strip(), body.strip()
    if not title and not body:
        return None
    text = f"{title}\n\n{body}" if title and body else title or body

    metadata: dict[str, str] = {}
    used = {title_key, body_key}
    for low, (key, value) in fields.items():
        if low in used:
            continue
        scalar = _scalar(value)
        if scalar is not None and len(scalar) <= _MAX_META:
            metadata[key] = scalar
    if title:
        metadata["title"] = title
    for key in DATE_KEYS:
        if key in fields:
            date = _date(fields[key][1])
            if date:
                metadata["date"] = date
                break
    return text, metadata, notes


def _first_text(fields: dict[str, tuple[str, Any]], keys: tuple[str, ...]) -> tuple[str, str]:
    for key in keys:
        if key in fields:
            value = _text_of(fields[key][1])
            if value.strip():
                return key, value
    return "", ""


def _text_of(value: Any, depth: int = 0) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and depth == 0:
        return "\n\n".join(t for t in (_text_of(v, 1) for v in value) if t.strip())
    if isinstance(value, dict) and depth < 2:
        for key in _NESTED_TEXT_KEYS:
            if isinstance(value.get(key), str):
                return value[key]
    return ""


def _scalar(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, dict):  # "source": {"id": ..., "name": "Market Wire"}
        name = value.get("name")
        return name if isinstance(name, str) else None
    return None


def _date(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=_HKT).isoformat()
        except (OverflowError, OSError, ValueError):
            return ""
    if isinstance(value, dict):
        return _text_of(value).strip()
    return ""


def load_lines(text: str) -> list[Any] | None:
    """JSON Lines (one object per non-blank line), or None when that is not what ``text`` is."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    out: list[Any] = []
    for line in lines:
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError):
            return None
        if not isinstance(obj, dict):
            return None
        out.append(obj)
    return out
