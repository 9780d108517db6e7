"""Adding an index is data alone: an entry in indices.yaml (names and ``scale``) and cases.

The index here is made up for the test and trades near 800 points, below the Hang Seng family's
1,000-point floor: with its own ``scale`` its level, its points and its support are read like
the benchmark's, and nothing in Python names it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest

from hkwrap import Options, data, extract_text
from hkwrap.text.lexicon import get_lexicon, vocabulary

TEST_INDEX = {
    "id": "HSDVT",
    "name": "Hang Seng Dividend Test Index",
    "name_zh": "恒生股息測試指數",
    "scale": {"level_min": 300, "level_floor": 500, "points_max": 120, "levels": [400, 1600]},
    "aliases": ["dividend test index", "hang seng dividend test index", "股息測試指數", "恒生股息測試指數"],
}


@pytest.fixture
def with_test_index(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    compiled = copy.deepcopy(data.load())
    compiled["indices"].insert(0, TEST_INDEX)
    compiled["vocabulary"] = vocabulary(compiled)  # what `make data` derives from the entry
    get_lexicon.cache_clear()
    monkeypatch.setattr(data, "load", lambda: compiled)
    yield
    get_lexicon.cache_clear()


def _indices(text: str) -> list[dict]:
    doc = extract_text(text, options=Options(use_user_config=False)).to_dict()
    return [{k: i[k] for k in ("index", "level", "change_pct", "change_points", "session")} for i in doc["indices"]]


def test_an_index_near_800_points_is_read_from_data(with_test_index: None) -> None:
    got = _indices(
        "The Hang Seng Dividend Test Index rose 12.4 points, or 1.5%, to close at 856.20, while "
        "the Hang Seng Index added 0.8% to 25,310.44."
    )
    assert {"index": "HSDVT", "level": 856.2, "change_pct": 1.5, "change_points": 12.4, "session": "close"} in got
    assert {"index": "HSI", "level": 25310.44, "change_pct": 0.8, "change_points": None, "session": None} in got


def test_the_new_index_in_chinese_with_a_level_said_first(with_test_index: None) -> None:
    got = _indices("恒生股息測試指數收報812點，跌9點，跌幅1.1%。")
    assert got == [{"index": "HSDVT", "level": 812.0, "change_pct": -1.1, "change_points": -9.0, "session": "close"}]


def test_its_support_level_uses_its_own_range(with_test_index: None) -> None:
    doc = extract_text("分析師指股息測試指數支持位在780點。", options=Options(use_user_config=False)).to_dict()
    assert [(lv["index"], lv["kind"], lv["value"]) for lv in doc["levels"]] == [("HSDVT", "support", 780.0)]


def test_without_the_entry_the_same_text_names_no_index() -> None:
    assert _indices("The Dividend Test Index rose 12.4 points, or 1.5%, to close at 856.20.") == []
