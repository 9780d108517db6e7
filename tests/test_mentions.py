"""Mentions: securities talked about, not companies quoted as sources."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hkwrap.extractors.mentions import find_entities, find_mentions
from hkwrap.securities.build import make_fold_map
from hkwrap.securities.table import table_from_entries
from hkwrap.text.prepare import Prepared

FIXTURES = Path(__file__).parent / "fixtures" / "securities"


@pytest.fixture(scope="module")
def env():
    entries = yaml.safe_load((FIXTURES / "securities.yaml").read_text(encoding="utf-8"))
    t2s = yaml.safe_load((FIXTURES / "t2s.yaml").read_text(encoding="utf-8"))
    table = table_from_entries(entries, t2s)
    fold_map = make_fold_map(t2s)

    def prep(text: str, mask: tuple[int, int] | None = None) -> Prepared:
        folded = text.translate(fold_map)
        if mask:
            a, b = mask
            folded = folded[:a] + " " * (b - a) + folded[b:]
        return Prepared(text=text, folded=folded)

    return table, prep


def roles(env, text):
    table, prep = env
    return [(e.code, e.text, e.role) for e in find_entities(prep(text), table)]


ROLE_CASES = [
    ("according-to", "According to CITIC Securities, developers face weaker sales.",
     [("06030", "CITIC Securities", "source")]),
    ("highlighted", "CICC highlighted that AI demand keeps growing.", [("03908", "CICC", "source")]),
    ("noted", "Huatai Securities noted that curbs may bite.", [("06886", "Huatai Securities", "source")]),
    ("analysts-at", "Analysts at CICC expect a rebound in Meituan.",
     [("03908", "CICC", "source"), ("03690", "Meituan", "subject")]),
    ("maintained-buy", "CITIC Securities maintained a Buy rating on Tencent.",
     [("06030", "CITIC Securities", "source"), ("00700", "Tencent", "subject")]),
    ("possessive-analysts", "CICC's analysts raised their target for Xiaomi.",
     [("03908", "CICC", "source"), ("01810", "Xiaomi", "subject")]),
    ("broker-as-stock", "CITIC Securities rose 3% while HKEX slipped.",
     [("06030", "CITIC Securities", "subject"), ("00388", "HKEX", "subject")]),
    ("company-speaks-about-itself", "Tencent said quarterly revenue grew 15%.",
     [("00700", "Tencent", "subject")]),
    ("data-from", "Data from HKEX showed heavy short selling in Kuaishou.",
     [("00388", "HKEX", "source"), ("01024", "Kuaishou", "subject")]),
    ("zh-zhongjin-zhi", "中金指騰訊估值吸引。", [("03908", "中金", "source"), ("00700", "騰訊", "subject")]),
    ("zh-ju", "據中信證券報告，美團今年盈利改善。",
     [("06030", "中信證券", "source"), ("03690", "美團", "subject")]),
    ("zh-biaoshi", "中信證券表示，內銀股息吸引。", [("06030", "中信證券", "source")]),
    ("zh-renwei", "華泰證券認為港交所成交將回升。",
     [("06886", "華泰證券", "source"), ("00388", "港交所", "subject")]),
    ("zh-analyst", "滙豐分析師看好快手。", [("00005", "滙豐", "source"), ("01024", "快手", "subject")]),
    ("zh-rating", "中金維持騰訊「跑贏行業」評級。", [("03908", "中金", "source"), ("00700", "騰訊", "subject")]),
    ("zh-broker-as-stock", "中信證券升3%，華泰證券跌1%。",
     [("06030", "中信證券", "subject"), ("06886", "華泰證券", "subject")]),
    ("zh-index-not-said", "中金指數成份股小米上升。",
     [("03908", "中金", "subject"), ("01810", "小米", "subject")]),
    ("hans-ju", "据中信证券研报，京东集团回升。",
     [("06030", "中信证券", "source"), ("09618", "京东集团", "subject")]),
    ("hans-renwei", "华泰证券认为腾讯仍有上升空间。",
     [("06886", "华泰证券", "source"), ("00700", "腾讯", "subject")]),
    ("sentence-boundary", "CICC was quiet. According to the survey, Meituan rose.",
     [("03908", "CICC", "subject"), ("03690", "Meituan", "subject")]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in ROLE_CASES], ids=[c[0] for c in ROLE_CASES])
def test_roles(env, text, expected):
    assert roles(env, text) == expected


def test_mentions_skip_sources_and_keep_order(env):
    table, prep = env
    text = "據中信證券，小米集團－Ｗ(01810)升2%，騰訊跌1%；中信證券本身亦升3%。"
    mentions, warnings = find_mentions(prep(text), table)
    assert [m.code for m in mentions] == ["01810", "00700", "06030"]
    first = mentions[0]
    assert text[first.start : first.end] == first.text == "小米集團－Ｗ(01810)"
    assert first.name == "Xiaomi Corporation" and first.name_zh == "小米集團"
    assert warnings == []


def test_source_cue_words_are_data(env, monkeypatch):
    """The English cue words are cues.yaml's lists: a word added there ("per") makes the
    company after it a source; the grammar around the words stays in mentions.py."""
    import hkwrap.extractors.mentions as mentions

    text = "Per HSBC, Tencent rose 2%."
    assert ("00005", "HSBC", "subject") in roles(env, text)
    words = mentions._words
    monkeypatch.setattr(
        mentions, "_words", lambda key: (*words(key), "per") if key == "en_before" else words(key)
    )
    mentions._cues.cache_clear()
    try:
        assert ("00005", "HSBC", "source") in roles(env, text)
    finally:
        monkeypatch.undo()
        mentions._cues.cache_clear()


def test_market_words_never_map(env):
    table, prep = env
    text = "恒指收市升，藍籌普遍造好，北水淨流入，大市成交增加，恒生指數報 25000 點。"
    assert find_mentions(prep(text), table) == ([], [])


def test_unknown_company_with_code_is_a_mention(env):
    table, prep = env
    mentions, _ = find_mentions(prep("Orbit Lantern (01499.HK) gained 3.7%."), table)
    assert [(m.code, m.name, m.text) for m in mentions] == [("01499", None, "Orbit Lantern (01499.HK)")]


def test_code_disagreement_gives_warning(env):
    table, prep = env
    mentions, warnings = find_mentions(prep("Kingsoft (03896.HK) rose."), table)
    assert [m.code for m in mentions] == ["03896"]
    assert len(warnings) == 1 and "03896" in warnings[0]


def test_ambiguous_name_is_warned_not_counted(env):
    table, prep = env
    mentions, warnings = find_mentions(prep("中銀股價走高。"), table)
    assert mentions == [] and warnings and "02388" in warnings[0]


def test_masked_regions_give_nothing(env):
    table, prep = env
    text = "Tencent rose.\nRelated: Alibaba (9988.HK)"
    start = text.index("Related")
    mentions, _ = find_mentions(prep(text, (start, len(text))), table)
    assert [m.code for m in mentions] == ["00700"]


# -- names the report itself settles ----------------------------------------------------------

REPORT_ENTRIES = [
    {"code": "00006", "name": "Power Assets", "zh": "電能實業",
     "history": [{"name": "HK Electric", "aliases": ["港燈"], "to": "2014-01-28"}]},
    {"code": "02638", "name": "HK Electric Investments", "aliases": ["HK Electric", "港燈"],
     "listed": "2014-01-29"},
    {"code": "00016", "name": "Sun Hung Kai Properties", "aliases": ["Sun Hung Kai", "新鴻基"],
     "context": ["property", "developer", "地產"]},
    {"code": "00086", "name": "Sun Hung Kai & Co", "aliases": ["Sun Hung Kai", "新鴻基"],
     "context": ["financial", "lender", "金融"]},
    {"code": "00386", "name": "Sinopec", "zh": "中國石油化工", "aliases": ["中石化"]},
    {"code": "02423", "name": "KE Holdings", "aliases": ["BEKE"], "us": "BEKE"},
    {"code": "06886", "name": "Huatai Securities", "zh": "華泰證券"},
    {"code": "00388", "name": "HKEX", "zh": "香港交易所", "aliases": ["港交所"]},
    {"code": "01638", "name": "Kaisa Group", "zh": "佳兆業集團", "aliases": ["Kaisa", "佳兆業"]},
    {"code": "06823", "name": "HKT Trust and HKT", "zh": "香港電訊", "aliases": ["HKT", "HKT Trust"]},
]


@pytest.fixture(scope="module")
def report_env():
    t2s = {"燈": "灯", "電": "电", "實": "实", "業": "业", "鴻": "鸿", "國": "国", "華": "华", "證": "证",
           "券": "券", "產": "产", "屬": "属", "交": "交", "們": "们"}
    table = table_from_entries(REPORT_ENTRIES, t2s)
    fold_map = make_fold_map(t2s)
    return table, lambda text: Prepared(text=text, folded=text.translate(fold_map))


def codes(report_env, text, date=None):
    table, prep = report_env
    return [(e.code, e.text) for e in find_entities(prep(text), table, date) if e.role == "subject"]


def test_name_resolved_by_report_date(report_env):
    assert codes(report_env, "港燈升0.3%。", "2012-05-02") == [("00006", "港燈")]
    assert codes(report_env, "港燈升0.3%。", "2020-05-04") == [("02638", "港燈")]
    assert codes(report_env, "港燈升0.3%。") == [("02638", "港燈")]


def test_name_tied_to_a_code_keeps_it_when_repeated(report_env):
    text = "港燈(00006.HK)早段向好。港燈收報45.2元。"
    assert [c for c, _ in codes(report_env, text, "2024-04-17")] == ["00006", "00006"]


def test_unknown_name_tied_to_a_code_and_repeated(report_env):
    text = "Sinopec Kantons (00934) rose 4.1%. Later Sinopec Kantons held its gains, and Sinopec eased."
    assert [c for c, _ in codes(report_env, text)] == ["00934", "00934", "00386"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sun Hung Kai, the property developer, gained 1.1%.", "00016"),
        ("Sun Hung Kai, the financial group, slipped 0.4%.", "00086"),
        ("金融股中，新鴻基跌0.8%。", "00086"),
        ("Sun Hung Kai Properties rose. Sun Hung Kai later pared gains.", "00016"),
    ],
)
def test_ambiguous_name_takes_its_context(report_env, text, expected):
    found = codes(report_env, text)
    assert found and found[-1][0] == expected


def test_ambiguous_name_without_context_stays_unresolved(report_env):
    assert codes(report_env, "Sun Hung Kai slipped 0.4%.") == [(None, "Sun Hung Kai")]


def test_longer_capitalised_name_is_not_its_prefix(report_env):
    assert codes(report_env, "Kaisa Health Group Holdings rose 4.1 percent.") == []
    assert codes(report_env, "佳兆業健康集團升4.1%。") == []
    assert [c for c, _ in codes(report_env, "Kaisa Group rose 0.2 percent.")] == ["01638"]  # the name itself
    assert [c for c, _ in codes(report_env, "佳兆業集團升0.2%。")] == ["01638"]
    # a headline in title case says nothing by its capitals
    assert [c for c, _ in codes(report_env, "Sinopec Shares Jump As Oil Group Lifts Outlook")] == ["00386"]


def test_bracketed_us_ticker_after_its_name(report_env):
    table, prep = report_env
    hk = find_entities(prep("KE Holdings (BEKE) declined by 2.3% in Hong Kong."), table)
    assert [(e.code, e.text, e.role) for e in hk] == [("02423", "KE Holdings (BEKE)", "subject")]
    us = find_entities(prep("In New York overnight, KE Holdings (BEKE) fell 3%."), table)
    assert [e.role for e in us] == ["listed_elsewhere", "elsewhere"]


@pytest.mark.parametrize(
    "text",
    [
        "華泰證券5月8日發表研究報告認為，內銀股息吸引。",
        "Huatai Securities on Tuesday said southbound buying would last.",
        "HKEX chief executive Bonnie Chan said the pipeline was healthy.",
        "港交所行政總裁陳翊庭表示，新股市場回暖。",
        "The firm plans to file with HKEX next month.",
        "公司計劃向港交所遞表。",
    ],
)
def test_sources_and_venues_are_not_mentions(report_env, text):
    assert codes(report_env, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#desk | exported log | Tue 15 Mar 2022 (HKT)", []),
        ("Posted 2022-03-15 HKT 16:40.", []),
        ("16:10 （HKT） 收市更新。", []),
        ("Snapshot for 15 March 2022 HKT: the index was flat.", []),
        ("[09:31 HKT] HKT Trust opened higher.", [("06823", "HKT Trust")]),
        ("On 15 March 2022, HKT shares rose 1%.", [("06823", "HKT")]),
        ("At 10:00, HKT (6823) was up 1.2%.", [("06823", "HKT (6823)")]),
    ],
)
def test_time_zone_is_not_the_company(report_env, text, expected):
    assert codes(report_env, text) == expected
