"""Quantities as reports write them, in both scripts: a table of forms with ids."""

from __future__ import annotations

import pytest

from hkwrap.numbers import parse_zh_numeral, scan
from hkwrap.text.fold import fold

CASES = [
    # text, kind, value, currency
    ("21, 634.48", "num", 21634.48, None),
    ("106. 67 points", "pts", 106.67, None),
    ("0. 83 percent", "pct", 0.83, None),
    ("three and a half percent", "pct", 3.5, None),  # read out, with a half
    ("一個半百分比", "pct", 1.5, None),  # Cantonese: one and a half percent
    ("兩個半巴仙", "pct", 2.5, None),
    ("九十二蚊半", "money", 92.5, "HKD"),  # ninety-two dollars fifty
    ("半成", "pct", 5, None),  # half of 一成
    ("三成半", "pct", 35, None),  # three and a half 成
    ("2成7", "pct", 27, None),  # a tenth's digit after 成, in Arabic digits as 二成七 is in words
    ("1.58個巴仙", "pct", 1.58, None),  # Cantonese percent after digits
    ("二點六個巴仙", "pct", 2.6, None),  # ... and after a spoken figure with its decimal
    ("二十五塊八了", "money", 25.8, "HKD"),  # a spoken price, 了 after it
    ("四十二個億", "num", 4_200_000_000, None),  # 個億: spoken hundred-millions
    ("HK$ 179,662 百萬", "money", 179_662_000_000, "HKD"),  # a statistics bulletin's millions
    ("2.3巴仙", "pct", 2.3, None),
    ("零點四厘", "pct", 0.4, None),  # Cantonese on air: 厘 for percent
    ("三厘", "pct", 3.0, None),
    ("百分之6.36", "pct", 6.36, None),  # 百分之 before digits: a translated wire's style
    ("1,200億港圓", "money", 120_000_000_000, "HKD"),  # 港圓, the older spelling of 港元
    ("港元1,200億", "money", 120_000_000_000, "HKD"),  # the currency before the figure
    ("HK$1.2bil", "money", 1_200_000_000, "HKD"),  # "bil" for billion
    ("41 dollars 30", "money", 41.3, "HKD"),  # read out, "cents" left out
    ("五十九蚊三五", "money", 59.35, "HKD"),  # Cantonese: both digits after 蚊, their words left out
    ("十蚊零二", "money", 10.02, "HKD"),  # (零 for no dimes)
    ("72蚊35", "money", 72.35, "HKD"),  # ... in Arabic digits too
    ("千二億元", "money", 120_000_000_000, "HKD"),  # 千二 before 億 is 1,200
    ("一千零二億", "num", 100_200_000_000, None),  # (with 零 it is 1,002)
    ("六百一十蚊零二毫", "money", 610.2, "HKD"),  # a 零 before the 毫's digit is filler
    ("三十一億八千萬", "num", 3_180_000_000, None),  # 萬 after 億: the numeral's remainder, not a magnitude of it all
    ("一億二千萬港元", "money", 120_000_000, "HKD"),
    ("a tenth of one percent", "pct", 0.1, None),  # a fraction read out
    ("half a percent", "pct", 0.5, None),  # wire copy's stray space, before a percent too
    ("228. 4 HK dollars", "money", 228.4, "HKD"),  # ... and before a currency
    ("80. 84 billion HK dollars", "money", 80_840_000_000, "HKD"),
    ("25,300.28 points", "pts", 25300.28, None),
    ("２５３００點", "pts", 25300, None),
    ("４,４０５點", "pts", 4405, None),
    ("3257 億元", "money", 325_700_000_000, "HKD"),
    ("2,312亿HKD", "money", 231_200_000_000, "HKD"),  # a Latin currency code right after 亿
    ("52.3億 RMB", "money", 5_230_000_000, "RMB"),
    ("1,100.9億", "num", 110_090_000_000, None),
    ("3萬4000", "num", 34_000, None),
    ("2萬3", "num", 23_000, None),
    ("二萬三點", "pts", 23_000, None),
    ("兩萬五千點", "pts", 25_000, None),
    ("二萬零七百二十六點", "pts", 20_726, None),
    ("百分之零點六五", "pct", 0.65, None),
    ("一成", "pct", 10, None),
    ("1.6%", "pct", 1.6, None),
    ("1.6％", "pct", 1.6, None),
    ("2.5 per cent", "pct", 2.5, None),
    ("0.8 percent", "pct", 0.8, None),
    ("3 pct", "pct", 3, None),
    ("2.35 percentage points", "pp", 2.35, None),
    ("0.3個百分點", "pp", 0.3, None),
    ("73 pts", "pts", 73, None),
    ("HK$12.204 billion", "money", 12_204_000_000, "HKD"),
    ("HKD 148.50", "money", 148.5, "HKD"),
    ("HK$98.7bn", "money", 98_700_000_000, "HKD"),
    ("HK$900 million", "money", 900_000_000, "HKD"),
    ("HK$1.2 trillion", "money", 1_200_000_000_000, "HKD"),
    ("US$3.5 billion", "money", 3_500_000_000, "USD"),
    ("RMB 250 million", "money", 250_000_000, "RMB"),
    ("人民幣 13 億元", "money", 1_300_000_000, "RMB"),
    ("611 港元", "money", 611, "HKD"),
    ("88 億港元", "money", 8_800_000_000, "HKD"),
    ("1.2萬億元", "money", 1_200_000_000_000, "HKD"),
    # spoken amounts: the figure "and some more" (多, 餘, 幾) before its magnitude
    ("八十多億港元", "money", 8_000_000_000, "HKD"),
    ("一千一百多億港幣", "money", 110_000_000_000, "HKD"),
    ("二十幾億", "num", 2_000_000_000, None),
    ("一千多萬元", "money", 10_000_000, "HKD"),
    ("1,000多億", "num", 100_000_000_000, None),
    ("三十餘億元", "money", 3_000_000_000, "HKD"),
    ("233 隻", "count", 233, None),
    ("1,592 stocks", "count", 1592, None),
    # read out in a TV or radio script
    ("one point six percent", "pct", 1.6, None),
    ("point eight percent", "pct", 0.8, None),  # a fraction read out with no whole part
    ("64 Hong Kong cents", "money", 0.64, "HKD"),
    ("three per cent", "pct", 3, None),
    ("four hundred and twelve points", "pts", 412, None),
    ("twenty-five hundred points", "pts", 2500, None),
    ("two thousand three hundred points", "pts", 2300, None),
    ("oh point seven five percent", "pct", 0.75, None),
    ("zero point five percentage points", "pp", 0.5, None),
    # a level with its place words between digits, as Hong Kong papers print it
    ("2萬零345點", "pts", 20345, None),
    ("1萬9千9百16點", "pts", 19916, None),
    ("2萬6千零58點", "pts", 26058, None),
    ("1萬9千5百點", "pts", 19500, None),
    ("6千7百零8點", "pts", 6708, None),
    ("3千5百萬元", "money", 35_000_000, "HKD"),
]


@pytest.mark.parametrize(("text", "kind", "value", "currency"), CASES, ids=[c[0] for c in CASES])
def test_quantity_forms(text: str, kind: str, value: float, currency: str | None) -> None:
    folded = fold(text)
    found = list(scan(folded))
    assert found, f"nothing found in {text!r}"
    q = found[0]
    assert (q.kind, round(q.value, 4)) == (kind, round(value, 4))
    if currency:
        assert q.currency == currency
    assert folded[q.start:q.end].strip() == folded.strip() or q.start == 0


@pytest.mark.parametrize(
    ("text", "sign"), [("+0.80%", 1), ("-1.25%", -1), ("0.5%", 0)], ids=["plus", "minus", "none"]
)
def test_explicit_signs(text: str, sign: int) -> None:
    assert next(scan(fold(text))).sign == sign


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("十二", 12), ("二十", 20), ("一百零五", 105), ("三千二", 3200), ("兩萬五", 25000),
     ("二萬零七百二十六", 20726), ("三點五", 3.5), ("一億二千萬", 120_000_000)],
)
def test_chinese_numerals(numeral: str, value: float) -> None:
    assert parse_zh_numeral(fold(numeral)) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    ["一度", "一些", "逾 1 年低位"[:2], "no numbers here", "成交",
     "at one point down", "one of the points made", "someone percent", "seven-point plan",
     "幾十億元", "幾百萬", "港元匯率", "一百零幾點"],  # 幾 before a numeral is "some": no figure
)
def test_words_that_are_not_numbers(text: str) -> None:
    assert list(scan(fold(text))) == []


def test_magnitude_amounts_have_no_float_noise() -> None:
    q = next(scan(fold("1,100.9億")))
    assert q.value == 110_090_000_000


@pytest.mark.parametrize("text", ["八十多億港元", "二十幾億", "1,000多億", "700多點"])
def test_figure_and_some_more_is_odd(text: str) -> None:
    assert next(scan(fold(text))).odd


def test_odd_word_without_magnitude_keeps_its_number() -> None:
    """"八十多只" is a count of eighty odd; the 多 does not reach past a non-magnitude."""
    q = next(scan(fold("八十多隻")))
    assert (q.value, q.odd) == (80, True)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("跌了两个多点", "pts", 2),  # a percent when said of a stock or an index (moves.py)
        ("跌了一点五个百分点", "pp", 1.5),
        ("跌咗半個百分點", "pp", 0.5),  # 半 said as the figure
        ("收三百七十块左右", "money", 370),
        ("收八十块八毛", "money", 80.8),
        ("收在三十八块二，", "money", 38.2),
        ("收在五块七毛一，", "money", 5.71),  # the 分 left out
        ("收九十二蚊半", "money", 92.5),
    ],
)
def test_spoken_mandarin_figures(text: str, kind: str, value: float) -> None:
    """Figures a voice-over reads out: a number under ten before its measure word (个点,
    块), and a price in 块, 毛 and the 分 after them."""
    q = next(scan(fold(text)))
    assert (q.kind, q.value) == (kind, pytest.approx(value))


@pytest.mark.parametrize("text", ["好一点五个人", "早上十点半", "一块地皮"[:1]])
def test_spoken_words_that_are_not_figures(text: str) -> None:
    assert list(scan(fold(text))) == []


@pytest.mark.parametrize("text", ["三厘米", "五厘印花稅"])
def test_li_of_length_or_stamp_duty_is_no_percent(text: str) -> None:
    """厘 is a percent only when said of a move: not a centimetre (厘米), nor 厘印 stamp duty."""
    assert all(q.kind != "pct" for q in scan(fold(text)))


def test_tens_and_some_is_a_figure_but_hundreds_and_some_is_not() -> None:
    """二百八十幾點 is 280-odd points (a figure to the ten); 三百幾點 and 百幾點 (some hundreds)
    state none, as the reports' annotators read them."""
    q = next(scan(fold("一度跌咗二百八十幾點")))
    assert (q.kind, q.value, q.odd) == ("pts", 280, True)
    assert list(scan(fold("升幅擴大到三百幾點"))) == list(scan(fold("高開百幾點"))) == []


def test_a_tab_parts_two_cells_never_thousands() -> None:
    """A space may part a figure's thousands ("23 229.21"), a tab never: a table pasted from a
    spreadsheet ("騰訊\t700\t618.50") is a code and a price, and once crashed the scan."""
    values = [q.value for q in scan(fold("騰訊\t700\t618.50\t-1.51\t+1.2"))]
    assert values[:2] == [700, 618.50]
    assert [q.value for q in scan(fold("恒指收報 23 229.21 點"))] == [23229.21]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("騰訊報二百七十點二；", "num", 270.2),  # 點 inside a spoken figure after 報: its decimal point
        ("友邦報六十四點三五。", "num", 64.35),
        ("恒指收一萬九千四百八十三。", "num", 19483),  # a bare spoken level, as before
        ("恒指跌九百一十一點，", "pts", 911),  # 點 before a break: the unit of points
        ("恒指收報二萬五千二百八十二點，", "pts", 25282),
    ],
)
def test_spoken_figure_after_bao_keeps_its_decimals(text: str, kind: str, value: float) -> None:
    found = list(scan(fold(text)))
    assert [(q.kind, round(q.value, 4)) for q in found] == [(kind, value)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("恒指跌二百九十三點六二，", "pts", 293.62),  # 點 inside the points said aloud: their decimal point
        ("最多跌五百一十七點四四，低見", "pts", 517.44),
        ("低見一萬九千一百七十八點五三。", "pts", 19178.53),
        ("國指升五十九點三一 ", "pts", 59.31),
        ("恒指跌二百九十三點六二點，", "pts", 293.62),  # (with 點 said again after the decimals)
        ("恒指跌九百一十一點，", "pts", 911),  # 點 before a break, no decimals: the unit
    ],
)
def test_spoken_points_keep_their_decimals(text: str, kind: str, value: float) -> None:
    found = list(scan(fold(text)))
    assert [(q.kind, round(q.value, 4)) for q in found] == [(kind, value)]


def test_spoken_hour_and_a_quarter_is_no_points() -> None:
    """"十點三" before a clause's end after a part of the day is a time (a quarter past ten)."""
    assert list(scan(fold("早上十點三，恒指升"))) == []


def test_spoken_level_keeps_its_decimals() -> None:
    """A level read out after "at" keeps its decimals read out ("… eighty-eight point two")."""
    found = list(scan(fold("closed at twenty-six thousand, five hundred and eighty-eight point two.")))
    assert [(q.kind, round(q.value, 4)) for q in found] == [("num", 26588.2)]
