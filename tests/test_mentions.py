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
