"""A small, defensive xlsx reader (stdlib only: zipfile + xml.etree).

Reads the first worksheet of a workbook as rows of strings, resolving shared strings and
inline strings. The file is treated as untrusted: it is refused (``DataFileError``) when the
zip declares an absurd uncompressed size or compression ratio, when any XML part carries a
DOCTYPE or entity declaration, or when the sheet has too many rows or cells.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from hkwrap.errors import DataFileError

MAX_TOTAL_BYTES = 512 * 1024 * 1024  # declared uncompressed size of all parts
MAX_PART_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for parts over 1 MB
MAX_MEMBERS = 2000
MAX_ROWS = 500_000
MAX_CELLS = 20_000_000

_COL_RE = re.compile(r"^([A-Z]{1,3})")
_FORBIDDEN = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


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
        except (zipfile.BadZipFile, OSError) as exc:
            raise DataFileError(f"{path}: not an xlsx workbook ({exc})") from exc
        infos = self.zf.infolist()
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

    def read(self, name: str) -> bytes:
        info = self.zf.getinfo(name)
        with self.zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
        if len(data) > info.file_size:
            self.refuse(f"part {name} is larger than it declares")
        if _FORBIDDEN.search(data):
            self.refuse(f"part {name} has a DOCTYPE or entity declaration")
        return data

    def parse(self, name: str) -> ET.Element:
        try:
            return ET.fromstring(self.read(name))
        except ET.ParseError as exc:
            raise DataFileError(f"{self.path}: {name}: malformed XML ({exc})") from exc

    def first_sheet(self) -> str:
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
        for si in self.parse("xl/sharedStrings.xml"):
            if _local(si.tag) == "si":
                out.append("".join(t.text or "" for t in si.iter() if _local(t.tag) == "t"))
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
    """Rows of the first worksheet as lists of strings (missing cells are "")."""
    book = _Book(str(path))
    shared = book.shared_strings()
    data = book.read(book.first_sheet())
    rows = cells = 0
    try:
        for _event, el in ET.iterparse(io.BytesIO(data), events=("end",)):
            if _local(el.tag) != "row":
                continue
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
            el.clear()
            yield row
    except ET.ParseError as exc:
        raise DataFileError(f"{path}: malformed worksheet XML ({exc})") from exc
