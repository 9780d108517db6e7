"""The vocabulary files: valid, sorted, unique, known roles, and the compiled copy not stale."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
import yaml

from hkwrap import data
from hkwrap.data.build import compile_all, render, render_securities

DATA_DIR, COMPILED, SECURITIES = (Path(p) for p in (data.DATA_DIR, data.COMPILED, data.SECURITIES))
LEXICONS = sorted((DATA_DIR / "lexicon").glob("*.yaml"))
# Roles the extractors read. A new role in a lexicon file must be read somewhere.
KNOWN_ROLES = {
    "pair_pronoun", "up", "down", "level", "threshold", "qualifier", "session", "respectively", "each", "link",
    "metric", "range", "other_period", "source", "turnover", "market_subject", "southbound",
    "northbound", "flow_in", "flow_out", "advancers", "decliners", "unchanged", "blue_chip",
    "short_ratio", "short_sale", "sequence", "looking_back", "gap", "indicator", "day_range", "contribution", "sector", "count_noun", "support", "resistance", "target", "price", "modal", "narrow", "previous",
    "neutral", "pronoun", "former", "latter", "high_low", "low_first", "index_set", "yesterday", "other_listing", "mainland_market", "today", "hk_listing", "fundamental", "reference_price", "weekday",
    "most_active", "both", "other_session", "warrant_pronoun", "change_label", "likelihood", "figure_next", "reading", "average_line", "line_label",
}
QUALIFIERS = {"over", "under", "nearly", "about", "as_much_as"}
SESSIONS = {"open", "midday", "intraday", "close"}


def test_compiled_copy_is_not_stale() -> None:
    """Run `make data` when this fails: compiled.json and securities.json must match the YAML
    sources."""
    compiled = compile_all()
    assert COMPILED.read_text(encoding="utf-8") == render(compiled)
    assert SECURITIES.read_text(encoding="utf-8") == render_securities(compiled)


@pytest.mark.parametrize("path", [p for p in LEXICONS if p.stem not in ("units", "dates", "market")], ids=lambda p: p.name)
def test_lexicon_lists_are_sorted_unique_and_known(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) <= KNOWN_ROLES, f"unknown roles: {set(data) - KNOWN_ROLES}"
    for role, words in data.items():
        groups = words.items() if isinstance(words, dict) else [(role, words)]
        if role == "qualifier":
            assert set(words) <= QUALIFIERS
        if role == "session":
            assert set(words) <= SESSIONS
        for name, group in groups:
            assert group == sorted(group), f"{path.name}: {name} is not sorted"
            assert len(group) == len(set(group)), f"{path.name}: {name} has duplicates"
            assert all(isinstance(w, str) and w.strip() == w and w for w in group)


def test_both_scripts_cover_the_same_roles() -> None:
    en = yaml.safe_load((DATA_DIR / "lexicon" / "en.yaml").read_text(encoding="utf-8"))
    zh = yaml.safe_load((DATA_DIR / "lexicon" / "zh.yaml").read_text(encoding="utf-8"))
    # (looking_back is English tense, "had been": Chinese tells an earlier state with 曾, a qualifier;
    # line_label is for English labels that are no words alone, "Close:", "Lunch:": 收市 and 午市
    # are session words wherever they stand)
    assert set(en) - {"neutral", "source", "looking_back", "line_label"} <= set(zh)
    assert set(zh) <= set(en)


def test_calendar_words_cover_every_month_and_trading_weekday() -> None:
    cal = yaml.safe_load((DATA_DIR / "lexicon" / "dates.yaml").read_text(encoding="utf-8"))
    assert sorted(cal["months"]) == list(range(1, 13))
    assert sorted(cal["weekdays"]) == list(range(5))  # Monday to Friday
    assert set(cal["weekday_suffixes"].values()) == set(range(7))
    names = [w for ws in [*cal["months"].values(), *cal["weekdays"].values()] for w in ws]
    assert len(names) == len(set(names)) and all(w == w.lower() for w in names)


def test_market_words_are_lists_of_words() -> None:
    words = yaml.safe_load((DATA_DIR / "lexicon" / "market.yaml").read_text(encoding="utf-8"))
    assert {"breadth_up", "breadth_down", "outnumber", "midday", "full_day", "flow_total"} <= set(words)
    for key, group in words.items():
        assert group and len(group) == len(set(group)), key
        assert all(isinstance(w, str) and w == w.strip() and w == w.lower() for w in group), key


def test_units_map_to_currencies_and_powers_of_ten() -> None:
    units = yaml.safe_load((DATA_DIR / "lexicon" / "units.yaml").read_text(encoding="utf-8"))
    currencies = {*units["currency_before"].values(), *units["currency_after"].values()}
    assert currencies <= {"HKD", "RMB", "USD"}
    for word, factor in units["magnitudes"].items():
        assert factor > 1 and str(int(factor)).rstrip("0") == "1", word


def test_indices_have_unique_ids_and_aliases() -> None:
    entries = yaml.safe_load((DATA_DIR / "indices.yaml").read_text(encoding="utf-8"))
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    assert {"HSI", "HSCEI", "HSTECH", "HSCI"} <= set(ids)
    seen: dict[str, str] = {}
    for e in entries:
        for alias in e["aliases"]:
            assert alias not in seen, f"{alias} names both {seen.get(alias)} and {e['id']}"
            seen[alias] = e["id"]


def test_compiled_json_parses_and_has_every_section() -> None:
    data = json.loads(COMPILED.read_text(encoding="utf-8"))
    assert {"t2s", "lexicon", "indices", "cues"} <= set(data)
    securities = json.loads(SECURITIES.read_text(encoding="utf-8"))
    assert len(securities["records"]) >= 400 and len(securities["patterns"]["keys"]) >= 4000


def test_compiled_vocabulary_is_what_the_lexicon_would_work_out() -> None:
    """The words and roles `make data` stores are those the lexicon files give, longest first
    (the lexicon's automaton relies on that order to find the longest word)."""
    from hkwrap.text.lexicon import vocabulary

    data = json.loads(COMPILED.read_text(encoding="utf-8"))
    stored = data["vocabulary"]
    assert stored == vocabulary({k: v for k, v in data.items() if k != "vocabulary"})
    words = stored["words"]
    assert len(words) > 1000 and all(len(a) >= len(b) for a, b in itertools.pairwise(words))
    assert "index:HSI" in stored["roles"][words.index("恒指")]


def test_a_word_has_one_kind_of_each_role() -> None:
    """A word that were both session:intraday and session:midday (上午 once was) would take
    whichever kind a frozenset yields first, which changes with PYTHONHASHSEED: the output
    must not. Each word carries at most one kind per role."""
    vocab = compile_all()["vocabulary"]
    clashes = []
    for word, roles in zip(vocab["words"], vocab["roles"], strict=True):
        prefixes = [r.split(":", 1)[0] for r in roles if ":" in r]
        if len(prefixes) != len(set(prefixes)):
            clashes.append((word, roles))
    assert clashes == []


def test_fold_reads_the_same_before_and_after_its_fast_table() -> None:
    """fold() switches to a code-point table over the Basic Multilingual Plane once a run has
    folded enough text; every mapping it makes must be one that table holds, or a report would
    fold differently early and late in a batch (an astral emoji arrow once did)."""
    from hkwrap.text import fold as fold_module

    table = fold_module.fold_char_map()
    assert all(cp < fold_module._BMP for cp in table), "a folding past the BMP is lost by the fast table"
    sample = "恒指 ⬆️ +0.42%（+101.3點）國指 ⬇️ 0.3% ＨＳＩ 騰訊控股 Ａ股"
    fast = fold_module._code_point_table(table)
    assert sample.translate(table) == sample.translate(fast)


def test_every_misprint_cue_holds_a_withdrawn_mark() -> None:
    """market.py looks for a withdrawn figure only in a text holding one of WITHDRAWN_MARKS:
    each alternative of WITHDRAWN_BEFORE must hold one, or a new cue would be skipped there."""
    from hkwrap.extractors.moves.cues import WITHDRAWN_BEFORE, WITHDRAWN_MARKS

    body = WITHDRAWN_BEFORE.pattern.removeprefix("(?:").removesuffix(")\\s?$")
    alternatives, depth, part = [], 0, ""
    for ch in body:  # the top-level alternatives (a "|" inside brackets is an inner one)
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            alternatives.append(part)
            part = ""
        else:
            part += ch
    alternatives.append(part)
    assert len(alternatives) > 1 and all(any(mark in a for mark in WITHDRAWN_MARKS) for a in alternatives), alternatives
