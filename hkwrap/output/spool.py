"""A long document written as it is read: each piece's facts go to temporary files at once.

``hkwrap extract`` reads a document longer than ``pipeline.CHUNK_CHARS`` piece by piece
(:func:`hkwrap.pipeline.iter_pieces`). Rather than gathering every piece's facts into one
Document and one giant string, :func:`spool_source` serialises each piece's facts as soon as
they are final, one JSON record a line, into one temporary file per fact list (index moves,
stock moves, mentions, levels). The renderers then write the document by copying those files
in order (``document_chunks``), so the output is byte for byte what the whole document's
``to_dict()`` would render. The temporary files are anonymous (``tempfile.TemporaryFile``:
unlinked on creation), so no exit path, not even a kill, leaves one behind. With ``--jobs``,
a worker spools into named files in a folder the writing process made (and removes however
the run ends), and hands the document over by those names.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from typing import IO, Any

from hkwrap.model import Document, _with_hans
from hkwrap.output.jsonout import dumps

# The fact lists of a document, spooled; every other field stays in memory (it is small).
LIST_FIELDS = ("indices", "stocks", "mentions", "levels")
_HANS_FIELDS = ("stocks", "mentions")  # records that carry ``name_zh_hans`` in a zh-Hans report
CHUNK = 1 << 16  # characters gathered before one write to the output (fewer, larger writes)

Record = dict[str, Any]


class SpooledDocument:
    """One document whose fact lists wait in temporary files; ``head`` holds the rest.

    ``convert`` (set by the caller, e.g. tickers) is applied to each stock and mention record
    as it is read back, after the Simplified name, as ``add_tickers`` is applied to a whole
    document's dict."""

    def __init__(self, head: Document, directory: str | None = None) -> None:
        self.head = head
        self.counts = dict.fromkeys(LIST_FIELDS, 0)
        self.convert: Callable[[Record], Record] | None = None
        self._files: dict[str, IO[str]] = {}
        self._directory = directory  # None: anonymous files; else named files in it
        self._paths: dict[str, str] = {}
        self._handed_over = False  # the files now belong to the process that receives this

    def _open(self, key: str) -> IO[str]:
        if self._directory is None:
            return tempfile.TemporaryFile(
                "w+", encoding="utf-8", newline="", prefix="hkwrap-"
            )
        fd, path = tempfile.mkstemp(prefix=f"{key}-", dir=self._directory)
        self._paths[key] = path
        return open(fd, "w+", encoding="utf-8", newline="")

    def hand_over(self) -> SpooledDocument:
        """Close the named files for another process to read (pickle this); closing this
        copy then leaves them for the receiver, which removes them."""
        if self._directory is None and any(self.counts.values()):
            raise ValueError("anonymous spools cannot be handed over: spool to a directory")
        for spool in self._files.values():
            spool.close()
        self._files.clear()
        self._handed_over = True
        return self

    def __getstate__(self) -> dict[str, Any]:
        if not self._handed_over:
            raise TypeError("a spooled document is picklable once handed over (hand_over())")
        return {"head": self.head, "counts": self.counts, "paths": self._paths}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["head"])  # type: ignore[misc]
        self.counts = state["counts"]
        self._paths = state["paths"]

    def add(self, part: Document) -> None:
        """Serialise the facts of one piece (then dropped from ``part``)."""
        for key in LIST_FIELDS:
            facts = getattr(part, key)
            if not facts:
                continue
            spool = self._files.get(key)
            if spool is None:
                spool = self._files[key] = self._open(key)
            for fact in facts:  # one at a time: a piece's records joined are megabytes
                # json escapes every line break inside a string: one record, one line
                spool.write(dumps(fact.to_dict()) + "\n")
            self.counts[key] += len(facts)
            facts.clear()

    def has_facts(self) -> bool:
        """Whether any index move, stock move, level or market figure was found."""
        market = self.head.market
        return bool(self.counts["indices"] or self.counts["stocks"] or self.counts["levels"]) or any(
            getattr(market, f) is not None
            for f in ("turnover", "southbound", "northbound", "advancers", "decliners", "unchanged",
                      "short_selling_ratio")
        )

    def fields(self) -> Record:
        """The document's dict in output order, with every fact list empty."""
        return self.head.to_dict()

    def lines(self, key: str) -> Iterator[str]:
        """The JSON of each fact of list ``key``, in order, as ``to_dict()[key]`` would give it
        (with ``convert`` applied)."""
        spool = self._files.get(key)
        if spool is None and key in self._paths:  # handed over by a worker
            spool = self._files[key] = open(self._paths[key], encoding="utf-8", newline="")  # noqa: SIM115
        if spool is None:
            return
        spool.flush()
        spool.seek(0)
        hans = key in _HANS_FIELDS and self.head.language == "zh-Hans"
        convert = self.convert if key in _HANS_FIELDS else None
        for line in spool:
            line = line[:-1]
            if hans or convert is not None:
                record = json.loads(line)
                if hans:
                    record = _with_hans(record)
                if convert is not None:
                    record = convert(record)
                line = dumps(record)
            yield line

    def records(self, key: str) -> Iterator[Record]:
        """The facts of list ``key`` as dicts, one at a time."""
        return (json.loads(line) for line in self.lines(key))

    def to_dict(self) -> Record:
        """The whole document as one dict (what ``Document.to_dict()`` gives), ``convert`` not
        applied: for a renderer that needs it whole (the table) and for worker processes."""
        convert, self.convert = self.convert, None
        try:
            doc = self.fields()
            for key in LIST_FIELDS:
                doc[key] = list(self.records(key))
            return doc
        finally:
            self.convert = convert

    def close(self) -> None:
        """Close (and so remove) the temporary files; safe to call twice."""
        for spool in self._files.values():
            spool.close()
        self._files.clear()
        if not self._handed_over:
            for path in self._paths.values():
                with contextlib.suppress(OSError):
                    os.unlink(path)
            self._paths.clear()

    def __enter__(self) -> SpooledDocument:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def spool_text(
    text: str,
    *,
    source: str = "-",
    options: Any = None,
    metadata: dict[str, str] | None = None,
    body_start: int = 0,
    directory: str | None = None,
) -> SpooledDocument:
    """``extract_text`` for a long text, facts spooled piece by piece (to anonymous files, or
    to named files in ``directory`` for another process to read). Close the result."""
    from hkwrap.pipeline import iter_pieces

    metadata = dict(metadata or {})
    head = Document(source=source, metadata=metadata, title=metadata.get("title"))
    doc = SpooledDocument(head, directory)
    try:
        for part in iter_pieces(text, head, options, body_start):
            doc.add(part)
    except BaseException:
        doc.close()
        raise
    return doc


def json_chunks(doc: SpooledDocument) -> Iterator[str]:
    """The document's JSON (``dumps(doc.to_dict())``) in pieces. Every field but the fact lists
    is serialised before this returns, so a value JSON cannot hold raises here, before anything
    is written."""
    head = doc.fields()
    done = {key: dumps(value) for key, value in head.items() if key not in LIST_FIELDS}
    return _batched(_json_parts(doc, list(head), done))


def _json_parts(doc: SpooledDocument, keys: list[str], done: dict[str, str]) -> Iterator[str]:
    # json.dumps with separators (", ", ": ") writes "{", then `"key": value` items joined by
    # ", ", then "}"; a list is "[" + items joined by ", " + "]".
    yield "{"
    for i, key in enumerate(keys):
        yield (", " if i else "") + json.dumps(key) + ": "
        if key in done:
            yield done[key]
            continue
        yield "["
        for j, line in enumerate(doc.lines(key)):
            yield ", " + line if j else line
        yield "]"
    yield "}"


def _batched(parts: Iterator[str]) -> Iterator[str]:
    """``parts`` joined into strings of about CHUNK characters."""
    buf: list[str] = []
    size = 0
    for part in parts:
        buf.append(part)
        size += len(part)
        if size >= CHUNK:
            yield "".join(buf)
            buf, size = [], 0
    if buf:
        yield "".join(buf)
