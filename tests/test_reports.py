"""Regression guard on hand-annotated stand-ins for the hidden evaluation set.

Two sets of reports written for this project, each a folder with docs/ and gold/:

- tests/reports/: many publishers' styles (wire, portal, broker note, TV script, morning
  preview, Markdown with front matter; English, Traditional and Simplified Chinese, mixed;
  2019-2026).
- tests/reports2/: a harder batch in voices and constructions the first lacks: Bloomberg and
  Reuters wraps with many other markets, RTHK radio script, etnet flash notes, 大公報/文匯報,
  財聯社/證券時報 收評 with 南向 split into 滬/深港通, broker morning notes with index and
  top-mover tables, Futu app news, copied web pages, two-day tables, futures / ADR /
  short-selling / dividend-yield noise, full-width digits, Chinese numerals in speech, IPO
  debuts, suspensions, RMB counters, A+H pairs.
- tests/reports3/: the publishers and layouts of the five seed reports (flattened Markdown
  news pages, PortAI reviews, SEO explainers with cited headlines, crypto portals,
  narratives) with other content, dates and constructions.
- tests/reports4/: other voices again: AFP/AP/Xinhua/China Daily briefs, TVB scripts in
  spoken Cantonese, 阿思達克 flash notes, 信報 commentary, 第一财经 收评, app push alerts,
  year-end and half-year reviews, an IPO first day, ex-dividend stocks, a suspension, an index
  review, a typhoon closure, record falls.
- tests/reports5/: the most common kinds again (wire closes, TV and portal closes and
  middays, 收评/午评 with sector and stock lists), written fresh, with a few traps each.

Gold is in the format of ../shared/gold/SCHEMA.md. Each report is extracted in-process and
compared exactly as ../shared/eval/score.py compares (re-implemented here so CI does not need
../shared): indices and stocks as tuples with numbers rounded to two decimals, mentions as a
code set, market figures within 0.5%, date exact. `pytest -s tests/test_reports.py` prints each
set's per-category table and every miss.

The floors are the figures the extractor reached, minus 0.02; raise them when it improves.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from hkwrap import Options
from hkwrap.pipeline import extract_source
from hkwrap.readers import read_bytes

HERE = Path(__file__).resolve().parent
MARKET_KEYS = ("turnover", "advancers", "decliners", "unchanged", "southbound", "northbound")
CATEGORIES = ("indices", "stocks", "mentions", "market", "date")

# F1 reached on each set. First measured (25 reports each), before the fixes each set led to:
#   reports  (hkwrap 879e113): indices 0.902 stocks 0.925 mentions 0.988 market 0.925 date 0.844
#   reports2 (hkwrap 63e13f7): indices 0.836 stocks 0.780 mentions 0.980 market 0.857 date 0.920
#   reports3 (hkwrap 460d1b4): indices 0.958 stocks 0.982 mentions 0.994 market 0.973 date 0.980
#   reports4 (hkwrap 224c18f): indices 0.898 stocks 0.890 mentions 1.000 market 0.822 date 0.980
#   reports5 (hkwrap fbe92d0): indices 0.938 stocks 0.997 mentions 0.994 market 0.938 date 0.821
MEASURED_F1 = {
    "reports": {"indices": 1.0, "stocks": 1.0, "mentions": 1.0, "market": 1.0, "date": 1.0},
    "reports2": {"indices": 0.982, "stocks": 0.986, "mentions": 0.992, "market": 1.0, "date": 0.960},
    "reports3": {"indices": 1.0, "stocks": 1.0, "mentions": 1.0, "market": 1.0, "date": 0.980},
    "reports4": {"indices": 0.993, "stocks": 0.981, "mentions": 1.0, "market": 0.972, "date": 1.0},
    "reports5": {"indices": 0.984, "stocks": 1.0, "mentions": 0.997, "market": 1.0, "date": 1.0},
}
F1_FLOORS = {
    name: {k: max(0.0, round(v - 0.02, 3)) for k, v in figures.items()}
    for name, figures in MEASURED_F1.items()
}


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


def gold_files(name: str) -> list[Path]:
    return sorted((HERE / name / "gold").glob("*.gold.yaml"))


def run_one(name: str, gold: dict) -> tuple[dict, str]:
    """The extractor's document as JSON-like dict, and an error message ('' if none)."""
    text = strip_source((HERE / name / "docs" / gold["doc"]).read_text(encoding="utf-8"))
    try:
        # through the reader, as the command line reads a file (front matter, HTML ...)
        source = read_bytes(text.encode("utf-8"), gold["doc"])[0]
        doc = extract_source(source, Options(use_user_config=False))
    except Exception as exc:  # scored like score.py scores a failed run
        return {}, f"{type(exc).__name__}: {exc}"
    return doc.to_dict(), ""


def score_all(name: str):
    tallies = {k: Tally() for k in CATEGORIES}
    notes: dict[str, list[str]] = {}
    failures = 0
    golds = gold_files(name)
    for gpath in golds:
        gold = yaml.safe_load(gpath.read_text(encoding="utf-8"))
        pred, err = run_one(name, gold)
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


SETS = sorted(MEASURED_F1)


@pytest.fixture(scope="module", params=SETS)
def scored(request):
    name = request.param
    tallies, notes, failures, n = score_all(name)
    lines = [f"{name}: {'category':<10} {'P':>6} {'R':>6} {'F1':>6}   ({n} reports, {failures} failed)"]
    f1s = []
    for key, t in tallies.items():
        p, r, f = t.prf()
        f1s.append(f)
        lines.append(f"{key:<10} {p:6.3f} {r:6.3f} {f:6.3f}   (floor {F1_FLOORS[name][key]:.3f})")
    lines.append(f"mean F1 {sum(f1s) / len(f1s):.3f}")
    for doc, out in notes.items():
        lines.append(doc)
        lines.extend(out)
    print("\n" + "\n".join(lines))
    return name, tallies, failures


@pytest.mark.parametrize("name", SETS)
def test_every_doc_has_gold_and_back(name):
    docs = {p.name for p in (HERE / name / "docs").glob("*.txt")}
    golds = {yaml.safe_load(p.read_text(encoding="utf-8"))["doc"] for p in gold_files(name)}
    assert docs == golds
    for p in gold_files(name):
        assert (
            p.name == Path(yaml.safe_load(p.read_text(encoding="utf-8"))["doc"]).stem + ".gold.yaml"
        )


@pytest.mark.parametrize("name", SETS)
def test_gold_files_well_formed(name):
    for p in gold_files(name):
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
    _, _, failures = scored
    assert failures == 0


@pytest.mark.parametrize("category", CATEGORIES)
def test_f1_floor(scored, category):
    name, tallies, _ = scored
    _, _, f1 = tallies[category].prf()
    floor = F1_FLOORS[name][category]
    assert f1 >= floor, f"{name}: {category} F1 {f1:.3f} below floor {floor:.3f}"
