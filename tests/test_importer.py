"""The HKEX List of Securities importer, on small workbooks the tests build themselves."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml

from hkwrap.errors import DataFileError
from hkwrap.securities import xlsx
from hkwrap.securities.importer import import_list_of_securities, write_user_table
from hkwrap.securities.table import load_user_file

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _col(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def make_xlsx(path: Path, rows: list[list[str]], *, shared: bool = True, prefix: str = "x:",
              sheet_xml: bytes | None = None) -> Path:
    """A minimal workbook: shared strings for the first column, inline/str cells elsewhere."""
    strings: list[str] = []
    out_rows = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{_col(c)}{r}"
            if shared and c == 0:
                strings.append(value)
                cells.append(f'<{prefix}c r="{ref}" t="s"><{prefix}v>{len(strings) - 1}</{prefix}v></{prefix}c>')
            elif c % 2:
                cells.append(f'<{prefix}c r="{ref}" t="inlineStr"><{prefix}is><{prefix}t>{escape(value)}'
                             f'</{prefix}t></{prefix}is></{prefix}c>')
            else:
                cells.append(f'<{prefix}c r="{ref}" t="str"><{prefix}v>{escape(value)}</{prefix}v></{prefix}c>')
        out_rows.append(f'<{prefix}row r="{r}">{"".join(cells)}</{prefix}row>')
    x = f' xmlns:{prefix[:-1]}="{NS}"' if prefix else f' xmlns="{NS}"'
    sheet = sheet_xml or (
        f'<?xml version="1.0" encoding="utf-8"?><{prefix}worksheet{x}><{prefix}sheetData>'
        f'{"".join(out_rows)}</{prefix}sheetData></{prefix}worksheet>'
    ).encode()
    sst = "".join(f"<{prefix}si><{prefix}t>{escape(s)}</{prefix}t></{prefix}si>" for s in strings)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", f'<{prefix}workbook{x} xmlns:r="{REL}"><{prefix}sheets>'
                   f'<{prefix}sheet name="ListOfSecurities" sheetId="1" r:id="rId1"/></{prefix}sheets>'
                   f'</{prefix}workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/data.xml"/>'
                   '</Relationships>')
        z.writestr("xl/sharedStrings.xml", f"<{prefix}sst{x}>{sst}</{prefix}sst>")
        z.writestr("xl/worksheets/data.xml", sheet)
    return path


EN_2025 = [
    "Stock Code", "Name of Securities", "Category", "Sub-Category", "Board Lot", "ISIN",
    "Expiry Date", "Subject to Stamp Duty", "Shortsell Eligible", "CAS Eligible", "VCM Eligible",
    "Admitted to CCASS", "Debt Securities Board Lot (Nominal)", "Debt Securities Investor Type",
    "POS Eligible", "Spread Table\n1 = Part A\n3 = Part B", "Trading Currency", "RMB Counter",
]


def en_row(code, name, cat, sub, isin, cur="HKD", rmb=""):
    row = [""] * len(EN_2025)
    row[0], row[1], row[2], row[3], row[5], row[16], row[17] = code, name, cat, sub, isin, cur, rmb
    row[4] = "1,000"
    row[15] = "1 "
    return row


def test_english_2025_layout(tmp_path):
    rows = [
        ["List of Securities"], ["Updated as at 31/12/2025"], EN_2025,
        en_row("00011", "ALPHA TOWERS", "Equity", "Equity Securities (Main Board)", "HK01", rmb="80011"),
        en_row("08012", "BETA LABS", "Equity", "Equity Securities (GEM)", "KY02"),
        en_row("02805", "GAMMA TRACKER", "Exchange Traded Products", "Exchange Traded Funds", "HK03"),
        en_row("07301", "GAMMA 2X LONG", "Exchange Traded Products", "Leveraged and Inverse", "HK04"),
        en_row("00830", "DELTA REIT", "Real Estate Investment Trusts", "", "HK05"),
        en_row("12345", "EPS#ALPHA@EC2601A", "Derivative Warrants", "", "HK06"),
        en_row("56789", "ALPHA RC2612Q", "Callable Bull/Bear Contracts", "", "HK07"),
        en_row("04242", "ALPHA 5.1% N2030", "Debt Securities", "", "HK08"),
        en_row("80011", "ALPHA TOWERS-R", "Equity", "Equity Securities (Main Board)", "HK01", "RMB"),
        en_row("09877", "OMEGA-SW", "Equity", "Equity Securities (Main Board)", "KY09"),
        [], [], [], [],
    ]
    entries = import_list_of_securities(make_xlsx(tmp_path / "en.xlsx", rows))
    assert entries == [
        {"code": "00011", "short": "ALPHA TOWERS", "type": "equity", "board": "main", "rmb_counter": "80011"},
        {"code": "00830", "short": "DELTA REIT", "name": "Delta REIT", "type": "reit", "board": "main"},
        {"code": "02805", "short": "GAMMA TRACKER", "name": "Gamma Tracker", "type": "etf", "board": "main"},
        {"code": "08012", "short": "BETA LABS", "name": "Beta Labs", "type": "equity", "board": "gem"},
        {"code": "09877", "short": "OMEGA-SW", "name": "Omega", "type": "equity", "board": "main"},
    ]
    with_li = import_list_of_securities(tmp_path / "en.xlsx", include_leveraged=True)
    assert any(e["code"] == "07301" and e["type"] == "other" for e in with_li)


def test_older_chinese_layout_columns_moved(tmp_path):
    # Older layout: no Trading Currency / RMB Counter columns, extra columns, other order,
    # Chinese headers, full-width markers, default namespace, no shared strings.
    header = ["股份代號", "股份名稱", "面值", "分類", "次分類", "買賣單位", "國際證券號碼 (ISIN)", "交易貨幣"]
    rows = [
        ["證券名單"], ["截 至 04/11/2025"], header,
        ["00011", "甲乙大廈", "HKD 1", "股本", "股本證券(主板)", "1,000", "HK01", "HKD"],
        ["01234", "丙丁集團－ＳＷ", "", "股本", "股本證券(主板)", "500", "KY10", "HKD"],
        ["08012", "BETA LABS", "", "股本", "股本證券(創業板)", "2,000", "KY02", "HKD"],
        ["81234", "丙丁集團－Ｒ", "", "股本", "股本證券(主板)", "500", "KY10", "RMB"],
        ["12345", "某權證", "", "衍生權證", "", "10,000", "HK06", "HKD"],
        ["03456", "戊己房託", "", "房地產投資信託基金", "", "100", "HK11", "HKD"],
    ]
    entries = import_list_of_securities(make_xlsx(tmp_path / "zh.xlsx", rows, shared=False, prefix=""))
    assert entries == [
        {"code": "00011", "zh": "甲乙大廈", "type": "equity", "board": "main"},
        {"code": "01234", "zh": "丙丁集團-SW", "type": "equity", "board": "main", "rmb_counter": "81234"},
        {"code": "03456", "zh": "戊己房託", "type": "reit", "board": "main"},
        {"code": "08012", "short": "BETA LABS", "name": "Beta Labs", "type": "equity", "board": "gem"},
    ]


def test_csv_export(tmp_path):
    p = tmp_path / "list.csv"
    p.write_text("\ufeff證券名單\n截 至 04/11/2025\n股份代號,股份名稱,分類,次分類\n00011,甲乙大廈,股本,股本證券(主板)\n",
                 encoding="utf-8")
    assert import_list_of_securities(p) == [{"code": "00011", "zh": "甲乙大廈", "type": "equity", "board": "main"}]


def test_no_header_row(tmp_path):
    path = make_xlsx(tmp_path / "other.xlsx", [["Date", "Close"], ["2025-01-02", "100"]])
    with pytest.raises(DataFileError, match="no header row"):
        import_list_of_securities(path)


def test_not_a_zip(tmp_path):
    p = tmp_path / "fake.xlsx"
    p.write_bytes(b"hello")
    with pytest.raises(DataFileError, match="not an xlsx"):
        import_list_of_securities(p)


def test_doctype_is_refused(tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
            b'<worksheet xmlns="' + NS.encode() + b'"><sheetData><row r="1"><c r="A1" t="str">'
            b"<v>&lol2;</v></c></row></sheetData></worksheet>")
    path = make_xlsx(tmp_path / "bomb.xlsx", [], sheet_xml=bomb)
    with pytest.raises(DataFileError, match="DOCTYPE"):
        import_list_of_securities(path)


def test_compression_bomb_is_refused(tmp_path):
    path = make_xlsx(tmp_path / "zipbomb.xlsx", [EN_2025])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/media/padding.bin", b"\0" * (8 * 1024 * 1024))
    with pytest.raises(DataFileError, match="compression ratio"):
        import_list_of_securities(path)


def test_declared_size_limit(tmp_path, monkeypatch):
    path = make_xlsx(tmp_path / "big.xlsx", [EN_2025])
    monkeypatch.setattr(xlsx, "MAX_TOTAL_BYTES", 100)
    with pytest.raises(DataFileError, match="uncompressed size"):
        import_list_of_securities(path)


def test_too_many_rows(tmp_path, monkeypatch):
    rows = [EN_2025] + [en_row(f"{i:05d}", "X", "Equity", "", "") for i in range(1, 30)]
    path = make_xlsx(tmp_path / "rows.xlsx", rows)
    monkeypatch.setattr(xlsx, "MAX_ROWS", 10)
    with pytest.raises(DataFileError, match="rows"):
        import_list_of_securities(path)


def test_write_user_table_round_trip(tmp_path):
    entries = [
        {"code": "00011", "short": "ALPHA TOWERS", "type": "equity", "board": "main"},
        {"code": "01234", "zh": "丙丁集團-SW", "type": "equity", "board": "main", "rmb_counter": "81234"},
    ]
    out = tmp_path / "aliases.yaml"
    out.write_text("old", encoding="utf-8")
    write_user_table(entries, out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("#") and "丙丁集團" in text  # not \u-escaped
    assert yaml.safe_load(text) == entries
    assert load_user_file(out) == entries
    assert [p.name for p in tmp_path.iterdir()] == ["aliases.yaml"]  # no temp file left
