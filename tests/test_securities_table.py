"""The compiled table, user alias files, and their error messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hkwrap.errors import DataFileError
from hkwrap.securities import table as table_mod
from hkwrap.securities.build import compile_table, to_simplified
from hkwrap.securities.lookup import lookup, suggest
from hkwrap.securities.table import SecurityTable, get_table, load_user_file

FIXTURES = Path(__file__).parent / "fixtures" / "securities"


@pytest.fixture(scope="module")
def source():
    entries = yaml.safe_load((FIXTURES / "securities.yaml").read_text(encoding="utf-8"))
    t2s = yaml.safe_load((FIXTURES / "t2s.yaml").read_text(encoding="utf-8"))
    return entries, t2s


@pytest.fixture(scope="module")
def compiled(source):
    return compile_table(*source)


def test_compile_is_deterministic(source, compiled):
    entries, t2s = source
    again = compile_table(list(reversed(entries)), dict(reversed(list(t2s.items()))))
    assert json.dumps(again, ensure_ascii=False) == json.dumps(compiled, ensure_ascii=False)
    assert list(compiled["index"]) == sorted(compiled["index"])
    assert [r["code"] for r in compiled["records"]] == sorted(r["code"] for r in compiled["records"])


def test_simplified_is_character_by_character(source, compiled):
    _, t2s = source
    rec = next(r for r in compiled["records"] if r["code"] == "00700")
    assert rec["zh"] == "騰訊控股" and rec["zh_hans"] == "腾讯控股"
    assert "腾讯" in rec["aliases"]
    # no phrase conversion: characters absent from the map stay as they are
    assert to_simplified("騰訊X控股", t2s) == "腾讯X控股"


def test_generated_aliases(compiled):
    index = compiled["index"]
    assert index["alibaba-w"][0][0] == "09988"  # short name with its marker
    assert index["tme"][0] == ["01698", 1]  # short name without marker, generated
    assert index["中国中信"][0] == ["00267", 1]  # corporate word 股份 stripped
    assert "china" not in index  # too generic to be generated
    rec = next(r for r in compiled["records"] if r["code"] == "01810")
    assert rec["zh"] == "小米集團"  # marker stripped for display


def test_market_words_are_blockers_not_aliases(compiled):
    assert "恒生" not in compiled["index"]  # listed as an alias of 00011 in the fixture
    assert "恒生" in compiled["blockers"] and "恒指" in compiled["blockers"]


def test_never_a_name_words_come_from_the_data_file(source):
    """data/not_names.yaml, not Python, decides which words are never names: a word added
    there stops a generated alias and blocks a listed one."""
    from hkwrap.securities.build import NotNames, not_names

    entries, t2s = source
    shipped = not_names()
    assert "china" in shipped.generic and "大市" in shipped.market
    words = NotNames(shipped.generic | {"tme"}, (*shipped.market, "騰訊"))
    again = compile_table(entries, t2s, words)
    default = compile_table(entries, t2s)
    assert "tme" in default["index"] and "tme" not in again["index"]  # generated, now generic
    assert "腾讯" in default["index"] and "腾讯" not in again["index"]  # folded like the text
    assert "腾讯" in again["blockers"]
    assert again["index"]["腾讯控股"][0][0] == "00700"  # the full name still maps


def test_bad_code_in_data_is_rejected(source):
    _, t2s = source
    with pytest.raises(ValueError, match="5-digit"):
        compile_table([{"code": "700"}], t2s)


def test_table_access(compiled):
    t = SecurityTable(compiled)
    rec = t.get("09988")
    assert rec is not None and rec.name == "Alibaba Group Holding" and rec.us == "BABA"
    assert rec.name_zh == "阿里巴巴" and rec.rmb_counter == "89988"
    assert "00700" in t and len(t) == len(compiled["records"])
    assert {r.code for r in t} >= {"00700", "09988"}
    assert [r.code for r in t.by_alias("TENCENT")] == ["00700"]
    assert t.by_us("baba").code == "09988"
    assert t.by_a_share("601988.SH").code == "03988"
    assert t.by_rmb_counter("80700").code == "00700"
    assert t.by_alias("中銀") and len(t.by_alias("中銀")) == 2  # ambiguous on purpose


def _write(tmp_path: Path, text: str, name: str = "aliases.yaml") -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_user_file_list_and_mapping(tmp_path, compiled):
    a = _write(tmp_path, '- code: "00700"\n  aliases: [Goose Factory, 鵝廠]\n- code: "01499"\n  name: Orbit Lantern\n')
    b = _write(tmp_path, '"09988": [Ali Baba Co]\n"03888": Jinshan\n', "b.yaml")
    entries = load_user_file(a) + load_user_file(b)
    t = SecurityTable(compiled, entries)
    assert [r.code for r in t.by_alias("goose factory")] == ["00700"]
    assert [r.code for r in t.by_alias("Ali Baba Co")] == ["09988"]
    assert [r.code for r in t.by_alias("jinshan")] == ["03888"]
    assert t.get("01499").name == "Orbit Lantern"
    assert t.get("00700").name == "Tencent Holdings"  # built-in fields kept
    assert "Tencent" in t.get("00700").aliases and "Goose Factory" in t.get("00700").aliases


def test_user_alias_overrides_builtin(tmp_path, compiled):
    entries = load_user_file(_write(tmp_path, '"03988": [中銀]\n'))
    t = SecurityTable(compiled, entries)
    assert [r.code for r in t.by_alias("中銀")] == ["03988"]


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        ('- code: "00700"\n  aliases: [Tencent\n', 3, "syntax"),
        ('- code: "00700"\n- code: 700\n', 2, "bad code"),
        ('- code: "00700"\n  aliases: [a]\n- code: "123456"\n', 3, "bad code"),
        ('- code: "00700"\n  colour: red\n', 2, "unknown field"),
        ('- code: "00700"\n  aliases: {a: b}\n', 2, "aliases"),
        ('"00700": [a]\n"7x": [b]\n', 2, "bad code"),
        ("just a string\n", 1, "expected"),
        ('- "00700"\n', 1, "mapping"),
    ],
    ids=["syntax", "int-code", "six-digits", "unknown-field", "aliases-type", "mapping-bad-key", "scalar", "not-mapping"],
)
def test_malformed_user_file_names_file_and_line(tmp_path, text, line, what):
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError) as err:
        load_user_file(path)
    assert f"{path}:{line}" in str(err.value)


def test_missing_user_file(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        load_user_file(tmp_path / "nope.yaml")


def test_get_table_cached_and_reads_xdg_config(tmp_path, monkeypatch):
    cfg = tmp_path / "hkwrap"
    cfg.mkdir()
    (cfg / "aliases.yaml").write_text('"00700": [Penguin Co]\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    table_mod._cached_table.cache_clear()
    try:
        assert not get_table().by_alias("Penguin Co")  # the library reads no user file unprompted
        t = get_table(use_user_config=True)
        assert t is get_table(use_user_config=True)
        assert t.matcher() is t.matcher()
        assert [r.code for r in t.by_alias("Penguin Co")] == ["00700"]
        assert not get_table(use_user_config=False).by_alias("Penguin Co")
    finally:
        table_mod._cached_table.cache_clear()


def test_import_does_not_load_yaml():
    code = (
        "import sys, hkwrap.securities.table, hkwrap.securities.tickers, "
        "hkwrap.securities.matcher, hkwrap.securities.lookup, hkwrap.extractors.mentions\n"
        "t = hkwrap.securities.table.get_table(use_user_config=False); t.matcher()\n"
        "assert 'yaml' not in sys.modules, 'yaml imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={"XDG_CONFIG_HOME": "/nonexistent"})


def test_lookup_and_suggest(compiled):
    t = SecurityTable(compiled)
    for query in ("700", "0700.HK", "HK.00700", "騰訊", "腾讯", "tencent holdings", "TCEHY", "80700"):
        found = lookup(query, t)
        exact = [r["code"] for r in found if r["match"] in ("code", "name", "alias")]
        assert exact == ["00700"] and found[0]["code"] == "00700", query
    assert [r["code"] for r in lookup("601988.SH", t)] == ["03988"]
    rec = lookup("BABA", t)[0]
    assert rec["name_zh"] == "阿里巴巴" and rec["name_zh_hans"] == "阿里巴巴"
    assert {"code", "name", "name_zh", "name_zh_hans", "aliases", "type", "indices", "a_share",
            "us", "rmb_counter"} <= set(rec)
    assert [r["code"] for r in lookup("kingsoft", t) if r["match"] == "name"] == ["03888"]
    king = {r["code"] for r in lookup("king", t)}
    assert {"03888", "03896"} <= king and "02356" not in king  # not "Dah Sing Banking"
    assert lookup("12345", t) == []  # a code no security holds is no match
    assert lookup("Zzyzx", t) == []
    assert "Tencent" in suggest("Tencnet", t)
    assert suggest("", t) == []


# -- names over time -----------------------------------------------------------------------

DATED = [
    {"code": "00001", "name": "CK Hutchison", "zh": "長和",
     "history": [{"name": "Cheung Kong", "zh": "長江實業", "aliases": ["長實"], "to": "2015-03-17"}]},
    {"code": "01113", "name": "CK Asset", "zh": "長實集團", "aliases": ["長實"], "listed": "2015-06-03"},
    {"code": "00494", "name": "Li & Fung", "zh": "利豐", "delisted": "2020-05-27"},
    {"code": "06690", "name": "Haier Smart Home", "aliases": ["Haier"], "listed": "2020-12-23"},
    {"code": "01169", "name": "Haier Electronics", "delisted": "2020-12-22",
     "history": [{"aliases": ["Haier"]}]},
]
DATED_T2S = {"長": "长", "實": "实", "豐": "丰", "團": "团"}


@pytest.fixture(scope="module")
def dated():
    return table_mod.table_from_entries(DATED, DATED_T2S)


@pytest.mark.parametrize(
    ("name", "date", "codes"),
    [
        ("長實", None, ("01113",)),  # no date: the name's current holder
        ("長實", "2012-06-01", ("00001",)),
        ("长实", "2012-06-01", ("00001",)),  # Simplified twins carry the same span
        ("長實", "2015-03-17", ("00001",)),  # the last day is inside the span
        ("長實", "2015-04-01", ()),  # between the rename and the new listing: nothing
        ("長實", "2016-01-04", ("01113",)),
        ("Cheung Kong", "2024-01-02", ()),
        ("Cheung Kong", None, ("00001",)),  # only a former holder: it still answers undated
        ("Li & Fung", "2019-05-02", ("00494",)),
        ("Li & Fung", "2021-05-03", ()),
        ("Haier", "2019-05-02", ("01169",)),
        ("Haier", "2021-05-03", ("06690",)),
        ("Haier", None, ("06690",)),
    ],
)
def test_names_resolve_by_date(dated, name, date, codes):
    from hkwrap.text.fold import fold

    key = " ".join(fold(name).split())
    assert dated.codes_for_key(key, date) == codes


def test_dated_pairs_in_compiled_index():
    compiled = compile_table(DATED, DATED_T2S)
    pairs = compiled["index"]["长实"]
    assert sorted(pairs) == [["00001", 0, None, "2015-03-17"], ["01113", 0, "2015-06-03", None]]
    assert compiled["index"]["ck hutchison"] == [["00001", 0]]  # undated names stay pairs
    rec = next(r for r in compiled["records"] if r["code"] == "00494")
    assert rec["delisted"] == "2020-05-27"


@pytest.mark.parametrize(
    "bad",
    [
        {"code": "00494", "delisted": "27/05/2020"},
        {"code": "00001", "history": [{"name": "Cheung Kong", "to": "2015"}]},
        {"code": "00001", "history": ["Cheung Kong"]},
    ],
)
def test_bad_dates_are_rejected(bad):
    with pytest.raises(ValueError):
        compile_table([bad], {})


def test_user_file_may_carry_history(tmp_path):
    from hkwrap.text.fold import fold

    path = tmp_path / "aliases.yaml"
    path.write_text(
        "- code: \"02638\"\n  name: HK Electric Investments\n  aliases: [港燈]\n  listed: 2014-01-29\n"
        "- code: \"00006\"\n  name: Power Assets\n  history:\n    - {aliases: [港燈], to: 2014-01-28}\n",
        encoding="utf-8",
    )
    table = SecurityTable({}, load_user_file(path))
    assert table.codes_for_key(fold("港燈"), "2012-01-03") == ("00006",)
    assert table.codes_for_key(fold("港燈"), "2020-01-02") == ("02638",)
    assert table.get("02638").listed == "2014-01-29"


def test_one_key_read_straight_from_the_compiled_table_is_the_indexed_answer() -> None:
    """``codes_for_key`` before the alias index is made (one key from securities.json) gives
    what it gives once the index is made, for current and former names, at any date."""
    from hkwrap import data
    from hkwrap.securities.table import SecurityTable

    lazy = SecurityTable(data.load_securities())
    full = SecurityTable(data.load_securities())
    keys = sorted(full.index)  # makes full's index
    assert lazy._index_map is None and len(keys) > 4000
    dated = [k for k in keys if full.is_dated(k)]
    assert dated  # the table has names that changed hands
    for key in keys:
        for date in (None, "2010-06-30", "2026-01-15"):
            assert lazy.codes_for_key(key, date) == full.codes_for_key(key, date), (key, date)
    assert lazy._index_map is None and lazy.codes_for_key("no such name") == ()


def test_table_caches_of_other_installs_are_pruned(tmp_path, monkeypatch):
    """Each install keeps its built-in table's cache under a name of its own: writing one
    keeps only the newest KEPT_TABLE_CACHES of them, never another kind's file."""
    folder = tmp_path / "hkwrap"
    folder.mkdir()
    old = []
    for i in range(12):  # twelve earlier installs, oldest first
        path = folder / f"builtin-{i:016x}.bin"
        path.write_bytes(b"HKWT stale")
        os.utime(path, ns=(1_000_000_000 * (i + 1), 1_000_000_000 * (i + 1)))
        old.append(path)
    other = folder / "patterns-x.bin"
    other.write_bytes(b"HKWP")
    os.utime(other, ns=(1, 1))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    table_mod._cached_table.cache_clear()
    try:
        table = get_table(use_user_config=False, cache=True)
        assert [r.code for r in table.by_alias("Tencent")] == ["00700"]
    finally:
        table_mod._cached_table.cache_clear()
    left = sorted(p.name for p in folder.glob("builtin-*.bin"))
    assert len(left) == table_mod.KEPT_TABLE_CACHES
    assert [p.name for p in old[-(table_mod.KEPT_TABLE_CACHES - 1):]] == [
        n for n in left if n in {p.name for p in old}
    ]  # this run's file and the seven newest others
    assert other.exists()
