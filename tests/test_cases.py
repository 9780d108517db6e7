"""Golden cases: tests/cases/<kind>/<name>.txt beside <name>.expected.json, found automatically.

An expected file is a partial document. Lists (indices, stocks, levels) must have exactly as
many items as expected, each expected item matching a distinct actual item on the fields it
gives (numbers to two decimals). ``mentions`` is the set of codes. ``market`` gives the figures
tested; every market figure it does not give must be null. ``date`` is compared as is. An
optional ``reference_date`` runs the case as ``--date`` would; ``note`` explains the case; a
``"xfail": "reason"`` marks a known failure (strict, so a fix is noticed).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hkwrap import Options, extract_text

CASES = Path(__file__).parent / "cases"
MARKET_KEYS = ("turnover", "southbound", "northbound", "advancers", "decliners", "unchanged",
               "short_selling_ratio")


def _cases() -> list[Any]:
    out = []
    for exp in sorted(CASES.glob("*/*.expected.json")):
        txt = exp.with_name(exp.name.replace(".expected.json", ".txt"))
        spec = json.loads(exp.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(reason=spec["xfail"], strict=True)] if "xfail" in spec else []
        out.append(pytest.param(txt, spec, id=f"{exp.parent.name}/{txt.stem}", marks=marks))
    return out


def _same(want: Any, got: Any) -> bool:
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        return isinstance(got, (int, float)) and round(float(got), 2) == round(float(want), 2)
    if isinstance(want, dict):
        return isinstance(got, dict) and all(_same(v, got.get(k)) for k, v in want.items())
    return want == got


def _match_list(key: str, want: list[dict], got: list[dict]) -> None:
    assert len(got) == len(want), f"{key}: expected {len(want)} items, got {len(got)}: {got}"
    free = list(got)
    for item in want:
        hit = next((g for g in free if _same(item, g)), None)
        assert hit is not None, f"{key}: no match for {item} among {free}"
        free.remove(hit)


@pytest.mark.parametrize(("path", "spec"), _cases())
def test_case(path: Path, spec: dict[str, Any]) -> None:
    options = Options(reference_date=spec.get("reference_date"), use_user_config=False)
    doc = extract_text(path.read_text(encoding="utf-8"), source=path.name, options=options).to_dict()
    for key in ("indices", "stocks", "levels"):
        if key in spec:
            _match_list(key, spec[key], doc[key])
    if "mentions" in spec:
        assert sorted({m["code"] for m in doc["mentions"]}) == sorted(set(spec["mentions"]))
    if "market" in spec:
        for k in MARKET_KEYS:
            want, got = spec["market"].get(k), doc["market"][k]
            if want is None:
                assert got is None, f"market.{k}: expected null, got {got}"
            elif isinstance(want, dict):
                assert _same(want, got), f"market.{k}: expected {want}, got {got}"
            else:
                assert _same(want, got), f"market.{k}: expected {want}, got {got}"
    if "date" in spec:
        assert doc["date"] == spec["date"]


def test_cases_exist_for_every_kind() -> None:
    kinds = {p.parent.name for p in CASES.glob("*/*.expected.json")}
    assert {"indices", "stocks", "market", "dates", "levels", "mentions"} <= kinds
    assert len(list(CASES.glob("*/*.expected.json"))) >= 80
