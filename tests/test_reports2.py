"""Second, harder stand-in batch for the hidden evaluation set (tests/reports2/).

Reports written for this project in publisher voices and constructions the first batch
(tests/reports/) lacks: Bloomberg/Reuters wraps with many other markets, RTHK radio script,
etnet flash notes, 大公報/文匯報, 財聯社/證券時報 收評 with 南向 split into 滬/深港通, broker
morning notes with index and top-mover tables, Futu app news, copied web pages, two-day
tables, futures / ADR / short-selling / dividend-yield noise, full-width digits, Chinese
numerals in speech, IPO debuts, suspensions, RMB counters, A+H pairs. Gold in the format of
../shared/gold/SCHEMA.md, compared exactly as ../shared/eval/score.py compares.
`pytest -s tests/test_reports2.py` prints the per-category table and every miss.

The floors are the figures the extractor reached when the batch was written, minus 0.02;
raise them when the extractor improves.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from hkwrap import Options, extract_text

HERE = Path(__file__).resolve().parent / "reports2"
DOCS = HERE / "docs"
GOLD = HERE / "gold"
MARKET_KEYS = ("turnover", "advancers", "decliners", "unchanged", "southbound", "northbound")
CATEGORIES = ("indices", "stocks", "mentions", "market", "date")

# Figures measured when this batch was written (25 reports, hkwrap at commit 63e13f7):
#   category      P      R     F1
#   indices   0.863  0.812  0.836
#   stocks    0.805  0.757  0.780
#   mentions  0.970  0.990  0.980
#   market    0.900  0.818  0.857
#   date      0.920  0.920  0.920
# Floors = these F1 - 0.02.
MEASURED_F1 = {
    "indices": 0.965,  # first measured 0.836; raised after the fixes this batch led to
    "stocks": 0.978,  # 0.780
    "mentions": 0.987,  # 0.980
    "market": 0.981,  # 0.857
    "date": 0.960,  # 0.920
}
F1_FLOORS = {k: max(0.0, round(v - 0.02, 3)) for k, v in MEASURED_F1.items()}


def r2(x):
    return None if x is None else round(float(x), 2)


def index_tuples(facts):
    return Counter(
        (f.get("index"), r2(f.get("level")), r2(f.get("change_pct")), r2(f.get("change_points")))
        for f in facts or []
    )


def stock_tuples(facts):
    return Counter(
        (str(f.get("code")), r2(f.get("change_pct")), r2(f.get("price"))) for f in facts or []
    )


def mention_set(items):
    codes = set()
    for m in items or []:
        codes.add(str(m.get("code") if isinstance(m, dict) else m))
    return Counter(codes)


def market_value(market, key):
    v = (market or {}).get(key)
    if isinstance(v, dict):
        v = v.get("value")
    return None if v is None else float(v)


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, gold: Counter, pred: Counter):
        hit = sum((gold & pred).values())
        self.tp += hit
        self.fp += sum(pred.values()) - hit
        self.fn += sum(gold.values()) - hit
        return gold - pred, pred - gold

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def strip_source(text: str) -> str:
    lines = text.split("\n")
    if lines and lines[0].startswith("source:"):
        lines = lines[2:] if len(lines) > 1 and not lines[1].strip() else lines[1:]
    return "\n".join(lines)


def gold_files():
    return sorted(GOLD.glob("*.gold.yaml"))


def run_one(gold: dict) -> tuple[dict, str]:
    """The extractor's document as JSON-like dict, and an error message ('' if none)."""
    text = strip_source((DOCS / gold["doc"]).read_text(encoding="utf-8"))
    try:
        doc = extract_text(text, source=gold["doc"], options=Options(use_user_config=False))
    except Exception as exc:  # scored like score.py scores a failed run
        return {}, f"{type(exc).__name__}: {exc}"
    return doc.to_dict(), ""


def score_all():
    tallies = {k: Tally() for k in CATEGORIES}
    notes: dict[str, list[str]] = {}
    failures = 0
    golds = gold_files()
    for gpath in golds:
        gold = yaml.safe_load(gpath.read_text(encoding="utf-8"))
        pred, err = run_one(gold)
        failures += bool(err)
        out = [f"  FAILED {err}"] if err else []
        for key, fn in (("indices", index_tuples), ("stocks", stock_tuples)):
            miss, extra = tallies[key].add(fn(gold.get(key)), fn(pred.get(key)))
            out += [f"  {key} missed {t}" for t in miss.elements()]
            out += [f"  {key} extra  {t}" for t in extra.elements()]
        miss, extra = tallies["mentions"].add(
            mention_set(gold.get("mentions")), mention_set(pred.get("mentions"))
        )
        out += [f"  mentions missed {sorted(miss)}"] if miss else []
        out += [f"  mentions extra  {sorted(extra)}"] if extra else []
        for key in MARKET_KEYS:
            g, p = market_value(gold.get("market"), key), market_value(pred.get("market"), key)
            if g is None and p is None:
                continue
            ok = g is not None and p is not None and abs(g - p) <= 0.005 * max(abs(g), 1.0)
            t = tallies["market"]
            t.tp += ok
            t.fp += (not ok) and p is not None
            t.fn += (not ok) and g is not None
            if not ok:
                out.append(f"  market {key}: gold {g} got {p}")
        gd, pd = gold.get("date"), pred.get("date")
        gd = None if gd is None else str(gd)
        t = tallies["date"]
        if gd == pd and not err:
            t.tp += 1
        else:
            t.fp += pd is not None or bool(err)
            t.fn += 1
            out.append(f"  date: gold {gd} got {pd}")
        if out:
            notes[gold["doc"]] = out
    return tallies, notes, failures, len(golds)


@pytest.fixture(scope="module")
def scored():
    tallies, notes, failures, n = score_all()
    lines = [f"{'category':<10} {'P':>6} {'R':>6} {'F1':>6}   ({n} reports, {failures} failed)"]
    f1s = []
    for key, t in tallies.items():
        p, r, f = t.prf()
        f1s.append(f)
        lines.append(f"{key:<10} {p:6.3f} {r:6.3f} {f:6.3f}   (floor {F1_FLOORS[key]:.3f})")
    lines.append(f"mean F1 {sum(f1s) / len(f1s):.3f}")
    for doc, out in notes.items():
        lines.append(doc)
        lines.extend(out)
    print("\n" + "\n".join(lines))
    return tallies, failures


def test_every_doc_has_gold_and_back():
    docs = {p.name for p in DOCS.glob("*.txt")}
    golds = {yaml.safe_load(p.read_text(encoding="utf-8"))["doc"] for p in gold_files()}
    assert docs == golds
    for p in gold_files():
        assert (
            p.name == Path(yaml.safe_load(p.read_text(encoding="utf-8"))["doc"]).stem + ".gold.yaml"
        )


def test_gold_files_well_formed():
    for p in gold_files():
        g = yaml.safe_load(p.read_text(encoding="utf-8"))
        assert g["lang"] in ("en", "zh-Hant", "zh-Hans", "mixed"), p.name
        assert g["date"] is None or len(str(g["date"])) == 10, p.name
        for s in g.get("stocks") or []:
            assert isinstance(s["code"], str) and len(s["code"]) == 5, (p.name, s)
        for c in g.get("mentions") or []:
            assert isinstance(c, str) and len(c) == 5, (p.name, c)
        stock_codes = {s["code"] for s in g.get("stocks") or []}
        assert stock_codes <= set(g.get("mentions") or []), (
            p.name,
            stock_codes - set(g["mentions"]),
        )
        for k, v in (g.get("market") or {}).items():
            assert k in MARKET_KEYS and (v is None or isinstance(v, int)), (p.name, k, v)


def test_no_report_fails(scored):
    _, failures = scored
    assert failures == 0


@pytest.mark.parametrize("category", CATEGORIES)
def test_f1_floor(scored, category):
    tallies, _ = scored
    _, _, f1 = tallies[category].prf()
    assert f1 >= F1_FLOORS[category], (
        f"{category} F1 {f1:.3f} below floor {F1_FLOORS[category]:.3f}"
    )
