"""Every ticker form people write, normalised to one canonical 5-digit code."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hkwrap.securities.table import table_from_entries
from hkwrap.securities.tickers import format_code, normalize_ticker

FIXTURES = Path(__file__).parent / "fixtures" / "securities"


@pytest.fixture(scope="module")
def table():
    entries = yaml.safe_load((FIXTURES / "securities.yaml").read_text(encoding="utf-8"))
    t2s = yaml.safe_load((FIXTURES / "t2s.yaml").read_text(encoding="utf-8"))
    return table_from_entries(entries, t2s)


HK_FORMS = [
    ("9988.HK", "09988"),
    ("09988.HK", "09988"),
    ("0700.HK", "00700"),
    ("700.HK", "00700"),
    ("(700)", "00700"),
    ("(00700)", "00700"),
    ("（00700）", "00700"),
    ("00700.hk", "00700"),
    ("HK.00700", "00700"),
    ("HK:0700", "00700"),
    ("HKG:0700", "00700"),
    ("SEHK:700", "00700"),
    ("700 HK", "00700"),
    ("700:HK", "00700"),
    ("港股代號 700", "00700"),
    ("股份代號：700", "00700"),
    ("股份代号:700", "00700"),
    ("００７００", "00700"),
    ("700", "00700"),
    ("5", "00005"),
    (" 1810.HK ", "01810"),
]


@pytest.mark.parametrize(("written", "code"), HK_FORMS, ids=[w.strip() for w, _ in HK_FORMS])
def test_hk_forms(written, code, table):
    m = normalize_ticker(written, table)
    assert m is not None and m.code == code
    assert m.via == "hk" and m.note is None


def test_code_missing_from_table_is_accepted(table):
    m = normalize_ticker("1499.HK", table)
    assert m is not None and m.code == "01499" and not m.known


RMB = [
    ("89988", "09988", "rmb_counter field"),
    ("89988.HK", "09988", "rmb_counter field with suffix"),
    ("80700", "00700", "tencent rmb"),
    ("81810", "01810", "8xxxx rule"),
]


@pytest.mark.parametrize(("written", "code", "why"), RMB, ids=[r[2] for r in RMB])
def test_rmb_counters(written, code, why, table):
    m = normalize_ticker(written, table)
    assert m is not None and m.code == code and m.via == "rmb"
    assert "RMB counter" in m.note


def test_rmb_only_security_keeps_its_code(table):
    m = normalize_ticker("87001", table)
    assert m is not None and m.code == "87001" and m.note is None


PAIRS = [
    ("BABA", "09988"),
    ("BABA.US", "09988"),
    ("NYSE:BABA", "09988"),
    ("baba", "09988"),
    ("JD", "09618"),
    ("601988.SH", "03988"),
    ("601988.CN", "03988"),
    ("SH601988", "03988"),
    ("601288.SS", "01288"),
    ("600030", "06030"),
]


@pytest.mark.parametrize(("written", "code"), PAIRS, ids=[w for w, _ in PAIRS])
def test_listed_pairs(written, code, table):
    m = normalize_ticker(written, table)
    assert m is not None and m.code == code and m.note


NOT_TICKERS = ["", "AAPL", "000000", "123456", "HK$700", "700 yuan", "7000000", "0", "N/A"]


@pytest.mark.parametrize("written", NOT_TICKERS, ids=[repr(w) for w in NOT_TICKERS])
def test_not_tickers(written, table):
    assert normalize_ticker(written, table) is None


STYLES = [
    ("00700", "hkex", "00700"),
    ("00700", "yahoo", "0700.HK"),
    ("09988", "yahoo", "9988.HK"),
    ("00005", "yahoo", "0005.HK"),
    ("00700", "bloomberg", "700 HK"),
    ("00700", "futu", "HK.00700"),
]


@pytest.mark.parametrize(("code", "style", "out"), STYLES, ids=[f"{c}-{s}" for c, s, _ in STYLES])
def test_format_code(code, style, out):
    assert format_code(code, style) == out


@pytest.mark.parametrize("style", ["hkex", "yahoo", "bloomberg", "futu"])
def test_format_round_trips(style, table):
    for code in ("00005", "00700", "09988", "01810"):
        m = normalize_ticker(format_code(code, style), table)
        assert m is not None and m.code == code


def test_unknown_style():
    with pytest.raises(ValueError):
        format_code("00700", "reuters")
