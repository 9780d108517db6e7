"""A small, defensive, streaming xlsx reader (stdlib only: zipfile + xml.etree's pull parser).

Reads the first worksheet of a workbook as rows of strings, resolving shared strings and
inline strings. The file is treated as untrusted, and every limit is checked as the bytes
arrive, never after a whole part is in memory:

- the zip: too many parts, an absurd declared uncompressed size or compression ratio, a part
  that inflates past what it declares, a corrupt stream or CRC: refused (``DataFileError``);
- every XML part is decompressed and parsed in chunks (``XMLPullParser``); a DOCTYPE or entity
  declaration is refused; one row or one shared string larger than ``MAX_ITEM_BYTES`` is
  refused before it is built;
- the shared-string table is kept (cells refer to it by number) but bounded in count and size;
  worksheet rows are yielded one by one and dropped, so memory does not grow with the sheet.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from hkwrap.errors import DataFileError

MAX_TOTAL_BYTES = 512 * 1024 * 1024  # declared uncompressed size of all parts
MAX_PART_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for parts over 1 MB
MAX_MEMBERS = 2000
MAX_ROWS = 500_000
MAX_CELLS = 20_000_000
# One row or one shared string: HKEX's widest row is under 2 KB of XML; 1 MB is 500x that.
MAX_ITEM_BYTES = 1024 * 1024
# The shared-string table stays in memory: HKEX's list has about 40,000 strings, 1.5 MB of text;
# these bounds keep it under about 50 MB even in Chinese.
MAX_SHARED_STRINGS = 300_000
MAX_SHARED_CHARS = 8 * 1024 * 1024
CHUNK_BYTES = 64 * 1024  # read and parse this much at a time
_OVERLAP = 16  # bytes kept from the previous chunk, so "<!DOCTYPE" split by a chunk is seen

_COL_RE = re.compile(r"^([A-Z]{1,3})")
_FORBIDDEN = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _col_index(ref: str | None) -> int | None:
    if not ref:
        return None
    m = _COL_RE.match(ref)
    if not m:
        return None
    n = 0
    for ch in m.group(1):
        n = n * 26 + (ord(ch) - 64)
    return n - 1


class _Book:
    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.zf = zipfile.ZipFile(path)
            infos = self.zf.infolist()
        except (*_ZIP_ERRORS, OSError, ValueError) as exc:
            raise DataFileError(f"{path}: not an xlsx workbook ({exc})") from exc
        if len(infos) > MAX_MEMBERS:
            self.refuse(f"{len(infos)} parts in the archive")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            self.refuse(f"declared uncompressed size {total:,} bytes")
        for info in infos:
            if info.file_size > MAX_PART_BYTES:
                self.refuse(f"part {info.filename} declares {info.file_size:,} bytes")
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                self.refuse(f"part {info.filename} has a compression ratio over {MAX_RATIO}:1")
        self.names = {i.filename for i in infos}

    def refuse(self, why: str) -> None:
        raise DataFileError(f"{self.path}: refusing suspicious xlsx: {why}")

    def chunks(self, name: str) -> Iterator[bytes]:
        """The part's bytes, a chunk at a time, checked against its declared size and for
        DOCTYPE / ENTITY declarations; a corrupt stream is one ``DataFileError``."""
        info = self.zf.getinfo(name)
        seen = 0
        tail = b""
        try:
            with self.zf.open(info) as fh:
                while True:
                    chunk = fh.read(CHUNK_BYTES)
                    if not chunk:
                        return
                    seen += len(chunk)
                    if seen > info.file_size:
                        self.refuse(f"part {name} is larger than it declares")
                    if _FORBIDDEN.search(tail + chunk):
                        self.refuse(f"part {name} has a DOCTYPE or entity declaration")
                    tail = chunk[-_OVERLAP:]
                    yield chunk
        except (*_ZIP_ERRORS, OSError, ValueError) as exc:  # a bad offset is EINVAL on seek
            raise DataFileError(f"{self.path}: corrupt xlsx: part {name}: {exc}") from exc

    def events(self, name: str, tag: str) -> Iterator[ET.Element]:
        """Each complete ``tag`` element of the part, in order; it is cleared (and detached
        from its parent) after the caller has looked at it, so the tree never grows."""
        parser = ET.XMLPullParser(events=("start", "end"))
        stack: list[ET.Element] = []
        since_item = 0
        try:
            for chunk in self.chunks(name):
                since_item += len(chunk)
                parser.feed(chunk)
                for event, el in parser.read_events():
                    if event == "start":
                        stack.append(el)
                        continue
                    stack.pop()
                    if _local(el.tag) != tag:
                        continue
                    since_item = 0
                    yield el
                    el.clear()
                    if stack and el in stack[-1]:
                        stack[-1].remove(el)
                if since_item > MAX_ITEM_BYTES:
                    self.refuse(f"part {name}: over {MAX_ITEM_BYTES:,} bytes without a whole {tag}")
            parser.close()
        except ET.ParseError as exc:
            raise DataFileError(f"{self.path}: {name}: malformed XML ({exc})") from exc

    def parse(self, name: str) -> ET.Element:
        """A small part (workbook, relationships) as a tree."""
        try:
            return ET.fromstring(b"".join(self.chunks(name)))
        except ET.ParseError as exc:
            raise DataFileError(f"{self.path}: {name}: malformed XML ({exc})") from exc

    def first_sheet(self) -> str:
        if "xl/workbook.xml" not in self.names:
            raise DataFileError(f"{self.path}: not an xlsx workbook (no xl/workbook.xml)")
        wb = self.parse("xl/workbook.xml")
        rid = None
        for el in wb.iter():
            if _local(el.tag) == "sheet":
                rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
                break
        target = "worksheets/sheet1.xml"
        if rid and "xl/_rels/workbook.xml.rels" in self.names:
            for rel in self.parse("xl/_rels/workbook.xml.rels").iter():
                if _local(rel.tag) == "Relationship" and rel.get("Id") == rid:
                    target = rel.get("Target", target)
                    break
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        path = posixpath.normpath(path)
        if path not in self.names:
            raise DataFileError(f"{self.path}: worksheet {path} missing from the workbook")
        return path

    def shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self.names:
            return []
        out: list[str] = []
        chars = 0
        for si in self.events("xl/sharedStrings.xml", "si"):
            text = "".join(t.text or "" for t in si.iter() if _local(t.tag) == "t")
            chars += len(text)
            out.append(text)
            if len(out) > MAX_SHARED_STRINGS:
                self.refuse(f"more than {MAX_SHARED_STRINGS:,} shared strings")
            if chars > MAX_SHARED_CHARS:
                self.refuse(f"shared strings over {MAX_SHARED_CHARS:,} characters")
        return out


def _cell_text(cell: ET.Element, shared: list[str]) -> str:
    kind = cell.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter() if _local(t.tag) == "t")
    value = next((c.text or "" for c in cell if _local(c.tag) == "v"), "")
    if kind == "s":
        try:
            return shared[int(value)]
        except (ValueError, IndexError):
            return ""
    return value


def read_rows(path: str) -> Iterator[list[str]]:
    """Rows of the first worksheet as lists of strings (missing cells are ""), one at a time."""
    book = _Book(str(path))
    sheet = book.first_sheet()
    shared = book.shared_strings()
    rows = cells = 0
    for el in book.events(sheet, "row"):
        rows += 1
        if rows > MAX_ROWS:
            book.refuse(f"more than {MAX_ROWS:,} rows")
        row: list[str] = []
        for cell in el:
            if _local(cell.tag) != "c":
                continue
            cells += 1
            if cells > MAX_CELLS:
                book.refuse(f"more than {MAX_CELLS:,} cells")
            idx = _col_index(cell.get("r"))
            if idx is None:
                idx = len(row)
            if idx > 16384:
                book.refuse("a cell beyond column XFD")
            if idx >= len(row):
                row.extend([""] * (idx + 1 - len(row)))
            row[idx] = _cell_text(cell, shared)
        yield row
