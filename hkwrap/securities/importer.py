"""Build user-table entries from HKEX's "List of Securities" (xlsx, English or Chinese; or a
CSV export of it) and write them as a user alias file.

The header row is found by its text and columns are mapped by header text, because the
layout changes between years (columns added, renamed, reordered). Equity, ETFs and REITs
are kept; warrants, CBBCs and debt are skipped; leveraged and inverse products are optional.
RMB counter rows (8xxxx, trading in RMB) are folded into their HKD row as ``rmb_counter``.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from hkwrap.errors import DataFileError

MAX_HEADER_SEARCH = 30
# One CSV row of HKEX's list is under 1,000 characters; 100x that is not a list of securities.
MAX_CSV_ROW_CHARS = 100_000

# Column -> accepted header texts (normalised: NFKC, lower case, single spaces).
_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("stock code", "股份代號", "股份代号", "證券代號", "证券代号"),
    "name": ("name of securities", "股份名稱", "股份名称", "證券名稱", "证券名称"),
    "category": ("category", "分類", "分类"),
    "sub_category": ("sub-category", "sub category", "次分類", "次分类"),
    "isin": ("isin", "國際證券號碼 (isin)", "国际证券号码 (isin)"),
    "currency": ("trading currency", "交易貨幣", "交易货币"),
    "rmb_counter": ("rmb counter", "rmb櫃台", "rmb柜台", "人民幣櫃台", "人民币柜台"),
}


def _norm(s: Any) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(s or ""))).strip()


def _key(s: Any) -> str:
    return _norm(s).lower()


def _has_cjk(s: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" for c in s)


def _classify(category: str, sub: str, include_leveraged: bool) -> tuple[str, str] | None:
    """(type, board) for a kept row, None for a skipped one."""
    cat, sub = _key(category), _key(sub)
    if cat in ("equity", "股本"):
        board = "gem" if ("gem" in sub or "創業板" in sub or "创业板" in sub) else "main"
        return "equity", board
    if cat in ("exchange traded products", "交易所買賣產品", "交易所买卖产品"):
        if "leveraged" in sub or "槓桿" in sub or "杠杆" in sub:
            return ("other", "main") if include_leveraged else None
        return "etf", "main"
    if cat in ("real estate investment trusts", "房地產投資信託基金", "房地产投资信托基金"):
        return "reit", "main"
    return None


def _rows(path: Path) -> Iterator[list[str]]:
    if path.suffix.lower() == ".csv":
        try:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                reader = csv.reader(fh)
                for row in reader:
                    if sum(map(len, row)) > MAX_CSV_ROW_CHARS:
                        raise DataFileError(
                            f"{path}: line {reader.line_num}: row over {MAX_CSV_ROW_CHARS:,} characters"
                        )
                    yield row
        except UnicodeDecodeError as exc:
            raise DataFileError(f"{path}: CSV is not UTF-8 text") from exc
        except csv.Error as exc:  # a NUL byte, a field over csv's own size limit ...
            raise DataFileError(f"{path}: malformed CSV: {exc}") from exc
        return
    from hkwrap.securities.xlsx import read_rows

    yield from read_rows(str(path))


def _map_header(row: list[str]) -> dict[str, int] | None:
    keys = [_key(c) for c in row]
    if not any(k in _HEADERS["code"] for k in keys):
        return None
    cols: dict[str, int] = {}
    for i, k in enumerate(keys):
        for field, names in _HEADERS.items():
            if field in cols:
                continue
            if k in names or (field == "isin" and k.endswith("(isin)")):
                cols[field] = i
                break
    missing = [f for f in ("code", "name", "category") if f not in cols]
    if missing:
        raise DataFileError(f"header row has no column for {', '.join(missing)}")
    return cols


def import_list_of_securities(
    path: str | os.PathLike[str], include_leveraged: bool = False
) -> list[dict[str, Any]]:
    """User-table entries (``code`` plus ``short`` or ``zh``, ``type``, ``board``,
    ``rmb_counter``) from an HKEX List of Securities, sorted by code."""
    path = Path(path)
    if not path.is_file():
        raise DataFileError(f"{path}: no such file")
    rows = _rows(path)
    cols: dict[str, int] | None = None
    for n, row in enumerate(rows):
        if n >= MAX_HEADER_SEARCH:
            break
        try:
            cols = _map_header(row)
        except DataFileError as exc:
            raise DataFileError(f"{path}: row {n + 1}: {exc}") from None
        if cols:
            break
    if not cols:
        raise DataFileError(
            f"{path}: no header row with 'Stock Code' / '股份代號' in the first "
            f"{MAX_HEADER_SEARCH} rows; is this HKEX's List of Securities?"
        )

    def cell(row: list[str], field: str) -> str:
        i = cols.get(field)
        return _norm(row[i]) if i is not None and i < len(row) else ""

    entries: dict[str, dict[str, Any]] = {}
    rmb_rows: dict[str, str] = {}  # ISIN -> RMB counter code
    from hkwrap import data

    compiled = data.load()
    words = compiled.get("hkex_words") or {}
    # codes the built-in table names already: its name is kept (a user entry's would replace it)
    named = {r["code"] for r in data.load_securities().get("records") or () if r.get("name")}
    for row in rows:
        code = cell(row, "code")
        if not code.isdigit() or len(code) > 5:
            continue
        code = code.zfill(5)
        kind = _classify(cell(row, "category"), cell(row, "sub_category"), include_leveraged)
        if kind is None:
            continue
        name = cell(row, "name")
        currency = cell(row, "currency").upper()
        if code.startswith("8") and (currency == "RMB" or name.upper().endswith("-R")):
            isin = cell(row, "isin")
            if isin:
                rmb_rows[isin] = code
            continue
        entry: dict[str, Any] = {"code": code}
        if name:
            entry["zh" if _has_cjk(name) else "short"] = name
            if not _has_cjk(name) and code not in named:
                entry["name"] = readable_name(name, words)
        entry["type"], entry["board"] = kind
        rmb = cell(row, "rmb_counter")
        if rmb.isdigit() and len(rmb) <= 5:
            entry["rmb_counter"] = rmb.zfill(5)
        isin = cell(row, "isin")
        if isin:
            entry["_isin"] = isin
        entries[code] = entry
    for entry in entries.values():
        isin = entry.pop("_isin", None)
        if "rmb_counter" not in entry and isin in rmb_rows:
            entry["rmb_counter"] = rmb_rows[isin]
    return [entries[c] for c in sorted(entries)]


_VOWELS = frozenset("AEIOU")  # Y left out: BYD, SKY read as acronyms


def readable_name(short: str, words: Mapping[str, Any]) -> str:
    """An HKEX short name as people write it: ``TIAN AN`` -> ``Tian An``, ``DYNAMIC HLDGS`` ->
    ``Dynamic Holdings``, ``CK ASSET`` -> ``CK Asset``; the ``-W`` / ``-SW`` marker dropped.
    ``words`` is the compiled ``hkex_words.yaml`` (``expand`` and ``keep``)."""
    from hkwrap.securities.build import split_suffix

    expand: Mapping[str, str] = words.get("expand") or {}
    keep = frozenset(words.get("keep") or ())
    out = []
    for word in split_suffix(short)[0].split():
        upper = word.upper()
        if upper in expand:
            out.append(str(expand[upper]))
        elif word != upper or not any(c.isalpha() for c in word):
            out.append(word)  # mixed case or no letters (&, 2x): as written
        elif upper in keep or len(word) == 1 or not (_VOWELS & set(upper)):
            out.append(word)  # an acronym: HK, CK, HSBC, AIA
        else:
            out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)


_HEADER_COMMENT = (
    "# hkwrap user securities table (same entry format as hkwrap/data/securities.yaml;\n"
    "# only `code` is required). Load with `--aliases FILE` or copy to\n"
    "# $XDG_CONFIG_HOME/hkwrap/aliases.yaml.\n"
)


def write_user_table(entries: Iterable[dict[str, Any]], path: str | os.PathLike[str]) -> None:
    """Write entries as a user alias file (YAML) through the one atomic writer: a reader never
    sees half a file, a symlink is kept, a device or FIFO is written through. Entries are
    dumped one at a time (the same text as dumping the list at once, without building the
    whole document in memory: 100,000 entries took 270 MB that way)."""
    import yaml

    from hkwrap.output.atomic import AtomicFile

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    with AtomicFile(path) as sink:
        sink.stream.write(_HEADER_COMMENT)
        wrote = False
        for entry in entries:
            clean = {k: v for k, v in entry.items() if not k.startswith("_")}
            sink.stream.write(
                yaml.dump([clean], Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
            )
            wrote = True
        if not wrote:
            sink.stream.write("[]\n")
