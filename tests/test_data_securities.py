"""Checks on the hand-written data files: hkwrap/data/securities.yaml and hkwrap/data/t2s.yaml.

The YAML is loaded directly (not through the compiled JSON) so a bad edit is reported against
the file a person edits.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parent.parent / "hkwrap" / "data"

REQUIRED = ("code", "aliases", "type", "board")  # and a name: ``name`` or ``zh`` or both
ALLOWED_KEYS = set(REQUIRED) | {
    "name", "zh", "short", "indices", "a_share", "us", "rmb_counter", "ambiguous",
    "listed", "delisted", "history", "context", "short_aliases", "home",
}
HISTORY_KEYS = {"name", "zh", "aliases", "from", "to"}
TYPES = {"equity", "etf", "reit", "other"}
BOARDS = {"main", "gem"}
INDICES = {"HSI", "HSCEI", "HSTECH"}
CJK = re.compile(r"[\u3400-\u9fff]")

# Traditional characters used in the table that must fold to a different Simplified form.
MUST_MAP = (
    "國團騰訊匯滙豐銀業鐵電動車廣東華貴會計點數漲瀉飆揚顯隻臺灣"
    "業區證証綫網雲鏈圖寶鵬來嗶萬黃靈礦贛鋒鋰寧時創龍興發長實"
    "滬濰兗粵潤蘭氣視鴨貓麗鶴勁譜範禮選優聲鴻養貝殼閱樂賽鳳藥製醫聯"
)


def _load(name: str):
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def table() -> list[dict]:
    rows = _load("securities.yaml")
    assert isinstance(rows, list)
    return rows


@pytest.fixture(scope="module")
def t2s() -> dict[str, str]:
    m = _load("t2s.yaml")
    assert isinstance(m, dict)
    return m


def _fold(text: str, t2s: dict[str, str]) -> str:
    text = text.strip()
    if CJK.search(text):
        return "".join(t2s.get(ch, ch) for ch in text)
    return text.lower()


def _names(row: dict) -> list[str]:
    return [n for n in (row.get("name"), row.get("zh")) if n] + list(row.get("aliases", []))


def test_codes_unique_sorted_five_digits(table):
    codes = [row["code"] for row in table]
    for code in codes:
        assert isinstance(code, str) and re.fullmatch(r"\d{5}", code), code
    assert len(codes) == len(set(codes)), "duplicate codes"
    assert codes == sorted(codes), "entries must be sorted by code"


def test_required_fields_and_values(table):
    for row in table:
        code = row.get("code")
        for key in REQUIRED:
            assert key in row, (code, key)
        assert set(row) <= ALLOWED_KEYS, (code, set(row) - ALLOWED_KEYS)
        assert row.get("name") or row.get("zh"), code
        for key in ("name", "zh"):
            if key in row:
                assert isinstance(row[key], str) and row[key].strip(), code
        assert isinstance(row["aliases"], list), code
        assert row["type"] in TYPES, code
        assert row["board"] in BOARDS, code
        indices = row.get("indices") or []
        assert isinstance(indices, list) and set(indices) <= INDICES, code
        assert len(indices) == len(set(indices)), code
        if "short" in row:
            assert isinstance(row["short"], str) and row["short"] == row["short"].strip(), code
        if "a_share" in row:
            assert re.fullmatch(r"\d{6}\.(SH|SZ)", row["a_share"]), code
        if "us" in row:
            assert re.fullmatch(r"[A-Z][A-Z.]{0,5}", row["us"]), code
        if "rmb_counter" in row:
            assert re.fullmatch(r"8\d{4}", row["rmb_counter"]), code
            assert row["rmb_counter"][1:] == code[1:], code
        if row["type"] == "etf":
            assert not indices, code


def test_aliases_not_empty_or_numeric(table):
    for row in table:
        for alias in _names(row):
            assert isinstance(alias, str), (row["code"], alias)
            assert alias.strip(), row["code"]
            assert alias == alias.strip(), (row["code"], alias)
            assert not re.fullmatch(r"[\d.,\s]+", alias), (row["code"], alias)


def test_no_alias_shared_unless_declared(table, t2s):
    owners: dict[str, set[str]] = defaultdict(set)
    declared: dict[str, set[str]] = {}
    for row in table:
        declared[row["code"]] = {_fold(a, t2s) for a in row.get("ambiguous", [])}
        for alias in _names(row):
            owners[_fold(alias, t2s)].add(row["code"])
    clashes = []
    for alias, codes in owners.items():
        if len(codes) > 1 and not all(alias in declared[c] for c in codes):
            clashes.append((alias, sorted(codes)))
    assert not clashes, clashes


def test_dates_and_history_items(table):
    """Listing dates are dates; a history item names something and its span is in order."""
    import datetime as dt

    for row in table:
        code = row["code"]
        for key in ("listed", "delisted"):
            if key in row:
                assert isinstance(row[key], dt.date), (code, key, row[key])
        if "listed" in row and "delisted" in row:
            assert row["listed"] <= row["delisted"], code
        for item in row.get("history") or []:
            assert isinstance(item, dict) and set(item) <= HISTORY_KEYS, (code, item)
            assert item.get("name") or item.get("zh") or item.get("aliases"), (code, item)
            for key in ("from", "to"):
                if key in item:
                    assert isinstance(item[key], dt.date), (code, key, item[key])
            if "from" in item and "to" in item:
                assert item["from"] <= item["to"], (code, item)


def test_ambiguous_entries_are_real_aliases(table, t2s):
    for row in table:
        mine = {_fold(a, t2s) for a in _names(row)}
        for alias in row.get("ambiguous", []):
            assert _fold(alias, t2s) in mine, (row["code"], alias)


def test_table_size_and_index_counts(table):
    assert len(table) >= 400
    count = defaultdict(int)
    for row in table:
        for idx in row.get("indices") or []:
            count[idx] += 1
    assert count["HSI"] >= 80
    assert 45 <= count["HSCEI"] <= 50
    assert count["HSTECH"] == 30


@pytest.mark.parametrize(
    "code,alias",
    [
        ("00700", "騰訊"), ("00700", "Tencent"), ("09988", "阿里"), ("09988", "Alibaba"),
        ("00005", "匯控"), ("00005", "HSBC"), ("00941", "中移動"), ("00388", "港交所"),
        ("00388", "HKEX"), ("02318", "平保"), ("03750", "寧德時代"), ("03750", "CATL"),
        ("03690", "美團"), ("01810", "小米"), ("09618", "京東"), ("01211", "比亞迪"),
        ("00981", "中芯"), ("00939", "建行"), ("01398", "工行"), ("02388", "中銀香港"),
        ("03988", "中國銀行"), ("01030", "New City Development"), ("02878", "Silicon Integrated Systems"),
        ("01499", "OKLink"), ("00434", "Boya Interactive"), ("02513", "智谱"), ("00100", "MINIMAX-WP"),
    ],
)
def test_well_known_aliases_resolve(table, t2s, code, alias):
    by_code = {row["code"]: row for row in table}
    row = by_code[code]
    names = {_fold(a, t2s) for a in _names(row) + ([row["short"]] if "short" in row else [])}
    assert _fold(alias, t2s) in names


def test_gold_codes_present(table):
    gold = Path("/work/shared/gold")
    if not gold.is_dir():
        pytest.skip("no shared gold annotations here")
    codes = {row["code"] for row in table}
    wanted = set()
    for path in gold.glob("*.gold.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        wanted.update(s["code"] for s in doc.get("stocks") or [])
        wanted.update(doc.get("mentions") or [])
    assert wanted and wanted <= codes, sorted(wanted - codes)


def test_t2s_shape(t2s):
    keys = list(t2s)
    assert len(keys) >= 1500
    assert keys == sorted(keys)
    for trad, simp in t2s.items():
        assert isinstance(trad, str) and len(trad) == 1, trad
        assert isinstance(simp, str) and len(simp) == 1, (trad, simp)
        assert trad != simp, trad
        # idempotent: a Simplified result is never folded again
        assert simp not in t2s, (trad, simp)


def test_t2s_file_has_unique_lines():
    seen = set()
    for line in (DATA / "t2s.yaml").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key = line.split(":", 1)[0]
        assert key not in seen, key
        seen.add(key)


def test_t2s_covers_table_characters(table, t2s):
    used = set()
    for row in table:
        for alias in _names(row):
            used.update(CJK.findall(alias))
    missing = sorted(ch for ch in MUST_MAP if ch in used and ch not in t2s)
    assert not missing, "".join(missing)
    assert not [ch for ch in MUST_MAP if ch not in t2s]


def test_home_markets_are_known(table):
    """A ``home`` names a market whose words cues.yaml lists, else the rule it drives reads nothing."""
    from hkwrap import data

    markets = data.load().get("cues", {}).get("home_markets", {})
    homes = {row["home"] for row in table if "home" in row}
    assert homes, "no security has a home market"
    assert homes <= set(markets), homes - set(markets)
