"""The alias matcher on folded text: prefix traps, boundaries, markers, bracketed codes."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml

from hkwrap.securities.build import make_fold_map
from hkwrap.securities.table import table_from_entries

FIXTURES = Path(__file__).parent / "fixtures" / "securities"


@pytest.fixture(scope="module")
def env():
    entries = yaml.safe_load((FIXTURES / "securities.yaml").read_text(encoding="utf-8"))
    t2s = yaml.safe_load((FIXTURES / "t2s.yaml").read_text(encoding="utf-8"))
    table = table_from_entries(entries, t2s)
    fold_map = make_fold_map(t2s)

    def find(text: str):
        hits = table.matcher().find(text.translate(fold_map), text)
        return [(h.code, text[h.start : h.end]) for h in hits], hits

    return find


CASES = [
    # prefix traps resolve to the longer name
    ("ali-vs-alihealth-zh", "阿里健康升3%，阿里跌1%", [("00241", "阿里健康"), ("09988", "阿里")]),
    ("tencent-vs-music-zh", "騰訊音樂及騰訊控股", [("01698", "騰訊音樂"), ("00700", "騰訊控股")]),
    ("tencent-vs-music-hans", "腾讯音乐和腾讯", [("01698", "腾讯音乐"), ("00700", "腾讯")]),
    ("kingsoft-vs-cloud", "Kingsoft Cloud beat Kingsoft", [("03896", "Kingsoft Cloud"), ("03888", "Kingsoft")]),
    ("boc-vs-bochk", "中國銀行(香港)與中國銀行", [("02388", "中國銀行(香港)"), ("03988", "中國銀行")]),
    ("bochk-short", "中銀香港走高", [("02388", "中銀香港")]),
    ("xiaomi-group", "小米集團上升", [("01810", "小米集團")]),
    ("alibaba-health-en", "Alibaba Health and Alibaba", [("00241", "Alibaba Health"), ("09988", "Alibaba")]),
    # listing markers attach to the name
    ("suffix-space", "Alibaba -W fell", [("09988", "Alibaba -W")]),
    ("suffix-fullwidth", "小米集團－Ｗ上升", [("01810", "小米集團－Ｗ")]),
    ("suffix-sw", "Tencent Music-SW rose", [("01698", "Tencent Music-SW")]),
    ("suffix-b", "Meituan-B traded", [("03690", "Meituan-B")]),
    ("not-a-suffix", "Alibaba-backed funds", [("09988", "Alibaba")]),
    # name and code are one entity
    ("name-code-en", "Alibaba -W (9988.HK) fell", [("09988", "Alibaba -W (9988.HK)")]),
    ("name-code-zh", "騰訊(00700)升", [("00700", "騰訊(00700)")]),
    ("name-code-fullwidth", "騰訊（００７００）升", [("00700", "騰訊（００７００）")]),
    ("name-code-corp-words", "Tencent Holdings Co., Limited (700.HK) rose",
     [("00700", "Tencent Holdings Co., Limited (700.HK)")]),
    ("name-bloomberg", "Xiaomi (1810 HK) rose", [("01810", "Xiaomi (1810 HK)")]),
    # unknown names with a code still give the code
    ("unknown-name-code", "Orbit Lantern (01499.HK) gained", [("01499", "Orbit Lantern (01499.HK)")]),
    ("unknown-name-bare", "Harbour Kite Development (01030) slid", [("01030", "Harbour Kite Development (01030)")]),
    ("unknown-zh-code", "某公司(02878)急跌", [("02878", "(02878)")]),
    ("code-forms", "HK:0700, SEHK:700, 港股代號 1810 and 9988.HK",
     [("00700", "HK:0700"), ("00700", "SEHK:700"), ("01810", "港股代號 1810"), ("09988", "9988.HK")]),
    ("bloomberg-in-prose", "Most active: 9988.HK, 03690.HK and 1810 HK.",
     [("09988", "9988.HK"), ("03690", "03690.HK"), ("01810", "1810 HK")]),
    ("not-bloomberg", "the 3 HK banks and 2025 HK listings; 700 hk.", []),
    ("rmb-counter-code", "its RMB line 89988.HK", [("89988", "89988.HK")]),  # printed: its own line
    # bare numbers are not codes
    ("not-codes", "今日 (25 日) 的計劃 (2025-2027) 收市 (09.15) 人工智能 (AI) 於 2025 年", []),
    ("year-after-name", "Tencent (2025) results", [("00700", "Tencent")]),
    ("index-level", "Hang Seng Index (25000) closed", []),
    ("three-digit-bare", "Plan (700) only", []),
    # boundaries and case
    ("inside-word", "Xtencent and Tencentish", []),
    ("lower-case-common", "the tencent-like ping an idea", []),
    ("apostrophe", "Tencent's results", [("00700", "Tencent")]),
    # another company
    ("another-company-en", "with CITIC Financial Leasing and Ping An Bank", []),
    ("another-company-zh", "中信金融租賃", []),
    # market words never map
    ("market-words", "恒指及恒生指數下跌，北水流入，藍籌造好，大市成交", []),
    ("hang-seng-bank", "恒生銀行及Hang Seng Bank", [("00011", "恒生銀行"), ("00011", "Hang Seng Bank")]),
    ("hang-seng-alone", "The Hang Seng's slight rise", []),
    ("pboc", "The People's Bank of China cut rates", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_matcher(env, text, expected):
    got, _ = env(text)
    assert got == expected


def test_code_disagreeing_with_name_warns_and_code_wins(env):
    got, hits = env("Kingsoft (03896.HK) jumped")
    assert got == [("03896", "Kingsoft (03896.HK)")]
    assert hits[0].warning and "03888" in hits[0].warning and "03896" in hits[0].warning


def test_ambiguous_alias_has_no_code_unless_bracketed(env):
    _, hits = env("中銀走高")
    assert hits[0].code is None and hits[0].codes == ("02388", "03988")
    got, hits = env("中銀(02388)走高")
    assert got == [("02388", "中銀(02388)")] and hits[0].warning is None


def test_rejected_long_hit_does_not_hide_shorter(env):
    # "Kingsoft Cloudy" is not Kingsoft Cloud, but Kingsoft is still there
    got, _ = env("Kingsoft Cloudy skies")
    assert got == [("03888", "Kingsoft")]


def test_rejected_hit_does_not_hide_a_later_one(env):
    got, _ = env("XTencent Music")
    assert got == []
    got, _ = env("zAlibaba Health and Meituan")
    assert got == [("03690", "Meituan")]


def test_offsets_match_original_text(env):
    text = "ＸＹＺ：騰訊控股（００７００）及Alibaba -W"
    got, hits = env(text)
    assert [g[0] for g in got] == ["00700", "09988"]
    for h in hits:
        assert text[h.start : h.end] in ("騰訊控股（００７００）", "Alibaba -W")


def test_speed(env):
    text = ("騰訊(00700)升3%，阿里巴巴跌2%。Alibaba -W (9988.HK) fell; Kingsoft Cloud rose. " * 2000)
    got, _ = env(text)
    assert len(got) == 8000


def test_automaton_keys_are_longest_first_so_leftmost_first_finds_the_longest() -> None:
    """The matcher's automaton reports the first key (in the table's order) that matches at
    the leftmost start; with the keys longest first that is the longest, as a leftmost-longest
    automaton finds it, on every report the project keeps."""
    import ahocorasick_rs

    from hkwrap.securities.table import get_table
    from hkwrap.text.fold import fold

    table = get_table()
    keys = table.alias_patterns().keys
    assert all(len(a) >= len(b) for a, b in itertools.pairwise(keys))
    longest = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    reports = sorted(Path(__file__).parent.glob("reports*/docs/*"))
    assert len(reports) > 100
    found = 0
    for path in reports:
        folded = fold(path.read_text(encoding="utf-8", errors="replace"))
        got = table.matcher().whole_automaton().find_matches_as_indexes(folded)
        assert got == longest.find_matches_as_indexes(folded), path.name
        found += len(got)
    assert found > 1000


def test_a_short_run_finds_with_the_keys_its_text_holds_what_the_whole_automaton_finds(monkeypatch) -> None:
    """Until a run has read FULL_AUTOMATON_AFTER_CHARS, a report's names are found with an
    automaton of only the keys its text holds (the whole table's takes 8-14 ms to build).
    Every hit must be the one the whole table's automaton gives: on the project's own
    reports in all three scripts, and on the folded text the pipeline passes."""
    from hkwrap import data
    from hkwrap.securities import matcher as matchers
    from hkwrap.securities.table import SecurityTable
    from hkwrap.text.prepare import prepare

    root = Path(__file__).parent
    docs = sorted(root.glob("reports*/docs/*.txt"))[::7] + sorted((root.parent / "samples").glob("*.txt"))
    assert len(docs) > 80
    table = SecurityTable(data.load_securities())
    small, whole = matchers.Matcher(table), matchers.Matcher(table)
    whole.whole_automaton()
    monkeypatch.setattr(matchers, "FULL_AUTOMATON_AFTER_CHARS", 10**12)
    found = 0
    for doc in docs:
        prep = prepare(doc.read_text(encoding="utf-8"))
        hits = small.find(prep.folded, prep.text, "2025-06-13")
        assert hits == whole.find(prep.folded, prep.text, "2025-06-13"), doc.name
        found += len(hits)
    assert small._ac is None and whole._ac is not None  # each path ran as named
    assert found > 1000


def test_the_whole_automaton_is_built_once_a_run_has_read_enough() -> None:
    """Past FULL_AUTOMATON_AFTER_CHARS a run builds the whole table's automaton once and
    scans every later report with it."""
    from hkwrap import data
    from hkwrap.securities import matcher as matchers
    from hkwrap.securities.table import SecurityTable
    from hkwrap.text.fold import fold

    m = matchers.Matcher(SecurityTable(data.load_securities()))
    text = "騰訊控股升2%，阿里巴巴跌1%。"
    assert [pid for pid, _, _ in m.name_hits(fold(text))] and m._ac is None
    reads = matchers.FULL_AUTOMATON_AFTER_CHARS // len(text) + 1
    for i in range(reads):
        hits = m.name_hits(fold(f"{text}{i}"))
    assert m._ac is not None
    assert [m._keys[pid] for pid, _, _ in hits] == ["腾讯控股", "阿里巴巴"]
