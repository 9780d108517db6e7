"""Markdown: YAML front matter read as strings, the body left where it is.

Two layouts are recognised:

- the usual one: a first line ``---``, YAML, a closing line ``---`` (or ``...``);
- the *flattened* one some publishers' pages arrive in, where the whole front matter sits on one
  line: ``--- title: "..." type: "News" datetime: "2026-06-25T11:31:16.000Z" locales: -
  [zh-CN](...) - [en](...) --- # Heading ...``. Its ``key: "value"`` pairs are read with a
  small scanner; list values (``- item - item``) are skipped.

``Source.text`` is always the whole decoded file; ``body_start`` points just past the closing
``---`` so offsets still refer to the file. Front matter that cannot be read is left in the text
as body (``body_start`` 0) with a note; it never raises.

YAML is loaded with ``BaseLoader``: every scalar stays a string (``2024-04-21`` is not a date,
``yes`` is not True).
"""

from __future__ import annotations

import json
import re
from typing import Any

from hkwrap.readers import Source

# Keys whose value is the report's date, in order of preference (compared lower-cased).
DATE_KEYS = (
    "date",
    "datetime",
    "published",
    "published_at",
    "publishedat",
    "published_time",
    "publish_date",
    "pubdate",
    "date_published",
    "datepublished",
    "created",
    "created_at",
)

_OPEN = re.compile(r"---[ \t]*\r?\n")
# Sniffing a .txt file asks for more: the first line after '---' must start with "key:".
_SNIFF_OPEN = re.compile(r"---[ \t]*\r?\n(?=[A-Za-z_][\w.-]*[ \t]*:)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_ONE_LINE_OPEN = re.compile(r"---[ \t]+(?=[A-Za-z_][\w.-]*:\s)")
_MAX_FRONT_MATTER = 1024 * 1024  # look no further than this for the closing line

# The flattened layout, token by token.
_WS = re.compile(r"\s*")
_KEY = re.compile(r"([A-Za-z_][\w.-]*):(?=\s)\s*")
_DQ = re.compile(r'"((?:[^"\\]|\\.)*)"', re.DOTALL)
_SQ = re.compile(r"'((?:[^']|'')*)'")
_CLOSER = re.compile(r"---(?=\s|\Z)\s?")
# A list item: "- " then anything up to the next item, key or closing marker.
_ITEM = re.compile(r"-\s+.*?(?=\s+-\s|\s+[A-Za-z_][\w.-]*:\s|\s+---(?:\s|\Z))", re.DOTALL)
# A bare value: up to the next key or the closing marker.
_BARE = re.compile(r"(?!-\s)[^\s\"'].*?(?=\s+[A-Za-z_][\w.-]*:\s|\s+---(?:\s|\Z))", re.DOTALL)


def has_front_matter(text: str) -> bool:
    """True when ``text`` opens with front matter in either layout (used to sniff .txt files)."""
    m = _SNIFF_OPEN.match(text)
    if m:
        return _CLOSE.search(text, m.end(), m.end() + _MAX_FRONT_MATTER) is not None
    return bool(_ONE_LINE_OPEN.match(text)) and " ---" in text[:_MAX_FRONT_MATTER]


def read_markdown(text: str, name: str, notes: tuple[str, ...] = ()) -> Source:
    """One Source for a Markdown file, front matter (if any) in ``metadata``."""
    metadata: dict[str, str] = {}
    body_start = 0
    extra: list[str] = []
    m = _OPEN.match(text)
    if m:
        close = _CLOSE.search(text, m.end(), m.end() + _MAX_FRONT_MATTER)
        if close is None:
            extra.append("front matter not read: no closing '---' line")
        else:
            parsed = _load_yaml(text[m.end() : close.start()])
            if isinstance(parsed, str):
                extra.append(f"front matter not read: {parsed}")
            else:
                metadata = parsed
                body_start = close.end()
    elif _ONE_LINE_OPEN.match(text):
        result = _scan_one_line(text)
        if isinstance(result, str):
            extra.append(f"front matter not read: {result}")
        else:
            metadata, body_start = result
    _add_date(metadata)
    if "title" not in metadata:
        heading = _first_heading(text, body_start)
        if heading:
            metadata["title"] = heading
    return Source(
        name=name,
        text=text,
        body_start=body_start,
        kind="markdown",
        metadata=metadata,
        notes=notes + tuple(extra),
    )


def _load_yaml(block: str) -> dict[str, str] | str:
    """The front matter as a flat dict of strings, or a short reason it could not be read."""
    import yaml

    loader: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    try:
        data = yaml.load(block, Loader=loader)  # BaseLoader: str/list/dict only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return f"{problem}{where}"
    except RecursionError:
        return "nested too deeply"
    if data is None:
        return {}
    if not isinstance(data, dict):
        return "not a mapping of keys to values"
    return flatten(data)


def flatten(data: dict[Any, Any]) -> dict[str, str]:
    """Keep string values; join lists of strings with ", "; drop nested mappings."""
    out: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(key, str):
            continue
        if isinstance(value, str):
            out[key] = value
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            out[key] = ", ".join(value)
    return out


def _scan_one_line(text: str) -> tuple[dict[str, str], int] | str:
    """Read ``--- key: "value" key: - item ... ---``; (metadata, body_start) or a reason."""
    metadata: dict[str, str] = {}
    opened = _ONE_LINE_OPEN.match(text)
    assert opened is not None
    pos = opened.end()
    limit = min(len(text), _MAX_FRONT_MATTER)
    while pos < limit:
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        closer = _CLOSER.match(text, pos)
        if closer:
            return metadata, closer.end()
        key = _KEY.match(text, pos)
        if not key:
            return f"unexpected text at offset {pos}"
        pos = key.end()
        if text.startswith('"', pos):
            m = _DQ.match(text, pos)
            if not m:
                return f"unclosed quote at offset {pos}"
            metadata[key.group(1)] = _unescape_double(m.group(1))
            pos = m.end()
        elif text.startswith("'", pos):
            m = _SQ.match(text, pos)
            if not m:
                return f"unclosed quote at offset {pos}"
            metadata[key.group(1)] = m.group(1).replace("''", "'")
            pos = m.end()
        elif text.startswith("- ", pos) or text.startswith("-\n", pos):
            while True:  # a list value: skipped
                item = _ITEM.match(text, pos)
                if not item:
                    return f"unreadable list at offset {pos}"
                pos = item.end()
                nxt = _WS.match(text, pos).end()  # type: ignore[union-attr]
                if not text.startswith("-", nxt) or _CLOSER.match(text, nxt):
                    break
                pos = nxt
        else:
            m = _BARE.match(text, pos)
            if m:
                metadata[key.group(1)] = m.group(0)
                pos = m.end()
            # else: an empty value; the next token follows
    return "no closing '---'"


def _unescape_double(raw: str) -> str:
    try:
        value = json.loads(f'"{raw}"')
    except ValueError:
        return raw.replace('\\"', '"').replace("\\\\", "\\")
    return value if isinstance(value, str) else raw


def _add_date(metadata: dict[str, str]) -> None:
    if "date" in metadata:
        return
    lowered = {k.lower(): v for k, v in metadata.items()}
    for key in DATE_KEYS:
        value = lowered.get(key)
        if value:
            metadata["date"] = value
            return


_MAX_HEADING = 300
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def _first_heading(text: str, start: int) -> str:
    m = _HEADING.search(text, start, start + 4096)
    if not m or len(m.group(1)) > _MAX_HEADING:
        return ""
    return m.group(1).strip()
