"""Gold comparison for the stand-in report sets, shared by tests/test_reports.py and
tests/tools/known_misses.py.

The comparison is the one ../shared/eval/score.py makes, re-implemented so CI does not need
../shared: indices and stocks as tuples with numbers rounded to two decimals (counted with
multiplicity), mentions as a code set, each market figure within 0.5%, the date exact (a report
whose gold and output both have no date is not scored). On top of score.py's totals this module
names every single fact, so each can be pinned: a gold fact the extractor does not produce is a
"missed" fact, a fact it produces that the gold lacks is an "extra" one, each written as one line
of text such as ``missed ('HSI', 22930.28, -0.42, -96.32)`` (the form ``score.py -v`` prints).
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hkwrap import Options
from hkwrap.pipeline import extract_source
from hkwrap.readers import read_bytes

HERE = Path(__file__).resolve().parent
SETS = ("reports", "reports2", "reports3", "reports4", "reports5", "reports6", "reports7", "reports8", "reports9", "reports10", "reports11", "reports12", "reports13", "reports14", "reports15", "reports16", "reports17", "reports18", "reports19", "reports20", "reports21", "reports22", "reports23", "reports24", "reports25", "reports26", "reports27", "reports28", "reports29", "reports30", "reports31", "reports32", "reports33", "reports34", "reports35", "reports36", "reports37", "reports38", "reports39", "reports40", "reports41", "reports42", "reports43", "reports44", "reports45", "reports46", "reports47", "reports48", "reports49", "reports50", "reports51", "reports52", "reports53", "reports54", "reports55", "reports56", "reports57", "reports58", "reports59", "reports60", "reports61", "reports62", "reports63", "reports64", "reports65", "reports66", "reports67", "reports68", "reports69", "reports70", "reports71", "reports72", "reports73", "reports74", "reports75", "reports76", "reports77", "reports78", "reports79", "reports80", "reports81", "reports82", "reports83", "reports84", "reports85", "reports86", "reports87", "reports88", "reports89", "reports90", "reports91", "reports92", "reports93", "reports94", "reports95", "reports96", "reports97", "reports98", "reports99", "reports100", "reports101", "reports102", "reports103", "reports104", "reports105", "reports106", "reports107", "reports108", "reports109", "reports110", "reports111", "reports112", "reports113", "reports114", "reports115", "reports116", "reports117", "reports118", "reports119", "reports120", "reports121", "reports122", "reports123", "reports124", "reports125", "reports126", "reports127", "reports128", "reports129", "reports130", "reports131", "reports132", "reports133", "reports134", "reports135", "reports136", "reports137", "reports138", "reports139", "reports140", "reports141", "reports142", "reports143", "reports144", "reports145", "reports146", "reports147", "reports148", "reports149", "reports150", "reports151", "reports152", "reports153", "reports154", "reports155", "reports156", "reports157", "reports158", "reports159", "reports160", "reports161", "reports162", "reports163", "reports164", "reports165", "reports166", "reports167", "reports168", "reports169", "reports170", "reports171", "reports172", "reports173", "reports174", "reports175", "reports176", "reports177", "reports178", "reports179", "reports180", "reports181", "reports182", "reports183", "reports184", "reports185", "reports186", "reports187", "reports188", "reports189", "reports190", "reports191", "reports192", "reports193", "reports194", "reports195", "reports196", "reports197", "reports198", "reports199", "reports200", "reports201", "reports202", "reports203", "reports204", "reports205", "reports206", "reports207", "reports208", "reports209", "reports210", "reports211", "reports212", "reports213", "reports214", "reports215", "reports216", "reports217", "reports218", "reports219", "reports220", "reports221", "reports222", "reports223", "reports224", "reports225", "reports226", "reports227", "reports228", "reports229", "reports230", "reports231", "reports232", "reports233", "reports234", "reports235", "reports236", "reports237", "reports238", "reports239", "reports240", "reports241", "reports242", "reports243", "reports244", "reports245", "reports246", "reports247", "reports248", "reports249", "reports250", "reports251", "reports252", "reports253", "reports254", "reports255", "reports256", "reports257", "reports258", "reports259", "reports260", "reports261", "reports262", "reports263", "reports264", "reports265", "reports266", "reports267", "reports268", "reports269", "reports270", "reports271", "reports272", "reports273", "reports274", "reports275", "reports276", "reports277", "reports278", "reports279", "reports280", "reports281", "reports282", "reports283", "reports284", "reports285", "reports286", "reports287", "reports288", "reports289", "reports290", "reports291", "reports292", "reports293", "reports294", "reports295", "reports296", "reports297", "reports298", "reports299", "reports300", "reports301", "reports302", "reports303", "reports304", "reports305", "reports306", "reports307", "reports308", "reports309", "reports310", "reports311", "reports312", "reports313", "reports314", "reports315", "reports316", "reports317", "reports318", "reports319", "reports320", "reports321", "reports322", "reports323", "reports324", "reports325", "reports326", "reports327")
CATEGORIES = ("indices", "stocks", "mentions", "market", "date")
MARKET_KEYS = ("turnover", "advancers", "decliners", "unchanged", "southbound", "northbound")
KNOWN_MISSES = "known_misses.yaml"
# score.py's tolerance on market figures: within 0.5% of the gold value (absolute 0.005 near 0).
MARKET_TOLERANCE = 0.005


# --- comparison, as ../shared/eval/score.py does it -------------------------------------------


def r2(x):
    return None if x is None else round(float(x), 2)


def index_tuples(facts) -> Counter:
    return Counter(
        (f.get("index"), r2(f.get("level")), r2(f.get("change_pct")), r2(f.get("change_points")))
        for f in facts or []
    )


def stock_tuples(facts) -> Counter:
    return Counter(
        (str(f.get("code")), r2(f.get("change_pct")), r2(f.get("price"))) for f in facts or []
    )


def mention_set(items) -> Counter:
    codes = set()
    for m in items or []:
        codes.add(str(m.get("code") if isinstance(m, dict) else m))
    return Counter(codes)


def market_value(market, key):
    v = (market or {}).get(key)
    if isinstance(v, dict):
        v = v.get("value")
    return None if v is None else float(v)


def market_ok(gold: float | None, pred: float | None) -> bool:
    return (
        gold is not None
        and pred is not None
        and abs(gold - pred) <= MARKET_TOLERANCE * max(abs(gold), 1.0)
    )


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


# --- reading the sets --------------------------------------------------------------------------


def strip_source(text: str) -> str:
    lines = text.split("\n")
    if lines and lines[0].startswith("source:"):
        lines = lines[2:] if len(lines) > 1 and not lines[1].strip() else lines[1:]
    return "\n".join(lines)


def gold_files(name: str) -> list[Path]:
    return sorted((HERE / name / "gold").glob("*.gold.yaml"))


@functools.cache
def load_gold(name: str) -> tuple[dict, ...]:
    return tuple(yaml.safe_load(p.read_text(encoding="utf-8")) for p in gold_files(name))


@functools.cache
def extract(name: str, doc: str) -> tuple[dict, str]:
    """The extractor's document as a JSON-like dict and an error message ('' if none); run
    once per report and cached, so every test on that report shares one extraction."""
    text = strip_source((HERE / name / "docs" / doc).read_text(encoding="utf-8"))
    try:
        # through the reader, as the command line reads a file (front matter, HTML ...)
        source = read_bytes(text.encode("utf-8"), doc)[0]
        result = extract_source(source, Options(use_user_config=False))
    except Exception as exc:  # scored as score.py scores a run that failed: no output
        return {}, f"{type(exc).__name__}: {exc}"
    if result.failed_steps:
        # a step that raised is recorded, not raised (the document keeps its other facts), so
        # without this an exception in the binder would show only as missed facts
        return result.to_dict(), f"extraction steps failed: {', '.join(map(str, result.failed_steps))}"
    return result.to_dict(), ""


# --- facts, one line each ---------------------------------------------------------------------


def _tuple_facts(counter: Counter) -> list[str]:
    """One line per occurrence; a repeated tuple's later occurrences carry ' #2', ' #3' ..."""
    out = []
    for t in sorted(counter, key=repr):
        out += [repr(t) + (f" #{i}" if i > 1 else "") for i in range(1, counter[t] + 1)]
    return out


def _number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)


def gold_facts(gold: dict) -> dict[str, list[str]]:
    """Every fact of a gold file, by category, as the lines the known-misses files use
    (without the 'missed ' prefix)."""
    facts = {
        "indices": _tuple_facts(index_tuples(gold.get("indices"))),
        "stocks": _tuple_facts(stock_tuples(gold.get("stocks"))),
        "mentions": sorted(mention_set(gold.get("mentions"))),
        "market": [],
        "date": [] if gold.get("date") is None else [str(gold["date"])],
    }
    for key in MARKET_KEYS:
        g = market_value(gold.get("market"), key)
        if g is not None:
            facts["market"].append(f"{key} {_number(g)}")
    return facts


@dataclass
class Comparison:
    """One report's gold against the extractor's output."""

    missed: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in CATEGORIES})
    extra: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in CATEGORIES})
    tallies: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in CATEGORIES})
    error: str = ""


def compare(gold: dict, pred: dict, error: str = "") -> Comparison:
    c = Comparison(error=error)
    for key, fn in (("indices", index_tuples), ("stocks", stock_tuples), ("mentions", mention_set)):
        g, p = fn(gold.get(key)), fn(pred.get(key))
        hit = sum((g & p).values())
        t = c.tallies[key]
        t.tp += hit
        t.fp += sum(p.values()) - hit
        t.fn += sum(g.values()) - hit
        if key == "mentions":
            c.missed[key] = sorted(g - p)
            c.extra[key] = sorted(p - g)
        else:
            # name a missed occurrence as gold_facts names it: the k-th copy of a tuple is missed
            # when the output has fewer than k copies
            c.missed[key] = [
                repr(tup) + (f" #{i}" if i > 1 else "")
                for tup in sorted(g, key=repr)
                for i in range(p[tup] + 1, g[tup] + 1)
            ]
            c.extra[key] = _tuple_facts(p - g)
    for key in MARKET_KEYS:
        g, p = market_value(gold.get("market"), key), market_value(pred.get("market"), key)
        if g is None and p is None:
            continue
        ok = market_ok(g, p)
        t = c.tallies["market"]
        t.tp += ok
        if not ok and p is not None:
            t.fp += 1
            c.extra["market"].append(f"{key} {_number(p)}")
        if not ok and g is not None:
            t.fn += 1
            c.missed["market"].append(f"{key} {_number(g)}")
    gd, pd = gold.get("date"), pred.get("date")
    gd = None if gd is None else str(gd)
    t = c.tallies["date"]
    if gd is None and pd is None and not error:
        pass  # no date stated and none claimed: nothing to score
    elif gd == pd and not error:
        t.tp += 1
    else:
        if pd is not None or error:
            t.fp += 1
            c.extra["date"].append(str(pd))
        if gd is not None:
            t.fn += 1
            c.missed["date"].append(gd)
    return c


@functools.cache
def compare_report(name: str, doc: str) -> Comparison:
    gold = next(g for g in load_gold(name) if g["doc"] == doc)
    pred, error = extract(name, doc)
    return compare(gold, pred, error)


def score_set(name: str) -> tuple[dict[str, Tally], int, int]:
    """Per-category tallies over a set, the number of reports whose extraction failed, and
    the number of reports."""
    totals = {k: Tally() for k in CATEGORIES}
    failures = 0
    golds = load_gold(name)
    for gold in golds:
        c = compare_report(name, gold["doc"])
        failures += bool(c.error)
        for k, t in c.tallies.items():
            totals[k].tp += t.tp
            totals[k].fp += t.fp
            totals[k].fn += t.fn
    return totals, failures, len(golds)


def score_table(name: str) -> str:
    totals, failures, n = score_set(name)
    lines = [
        f"{name}: {'category':<10} {'P':>6} {'R':>6} {'F1':>6}   ({n} reports, {failures} failed)"
    ]
    f1s = []
    for key, t in totals.items():
        p, r, f = t.prf()
        f1s.append(f)
        lines.append(f"{key:<10} {p:6.3f} {r:6.3f} {f:6.3f}")
    lines.append(f"mean F1 {sum(f1s) / len(f1s):.3f}")
    return "\n".join(lines)


# --- known-misses files -----------------------------------------------------------------------


@dataclass(frozen=True)
class KnownMiss:
    report: str
    category: str
    fact: str  # "missed <fact>" or "extra <fact>"
    reason: str

    @property
    def key(self) -> tuple[str, str, str]:
        return self.report, self.category, self.fact


def known_misses_path(name: str) -> Path:
    return HERE / name / KNOWN_MISSES


@functools.cache
def load_known_misses(name: str) -> tuple[KnownMiss, ...]:
    path = known_misses_path(name)
    if not path.exists():
        return ()
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return tuple(
        KnownMiss(str(e["report"]), str(e["category"]), str(e["fact"]), str(e.get("reason") or ""))
        for e in entries
    )


def current_misses(name: str) -> list[tuple[str, str, str]]:
    """(report, category, 'missed ...'/'extra ...') for everything the extractor gets wrong on
    a set today, in report order."""
    out = []
    for gold in load_gold(name):
        c = compare_report(name, gold["doc"])
        for cat in CATEGORIES:
            out += [(gold["doc"], cat, f"missed {f}") for f in c.missed[cat]]
            out += [(gold["doc"], cat, f"extra {f}") for f in c.extra[cat]]
    return out


UNREVIEWED = "unreviewed: new since the list was last refreshed"


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def format_known_misses(name: str, reasons: dict[tuple[str, str, str], str]) -> str:
    """The set's known-misses file as it should read for today's extractor, keeping the
    reasons already written for lines that stay."""
    lines = [
        f"# Facts the extractor gets wrong on tests/{name} today, pinned by tests/test_reports.py:",
        "# each line is a strict xfail, so a fix fails the suite until its line is removed, and a",
        "# miss not listed here fails it too. 'missed' = gold fact not produced, 'extra' = produced,",
        "# not in the gold. Regenerate for review (never in CI):",
        "#   .venv/bin/python tests/tools/known_misses.py --write && git diff tests/*/known_misses.yaml",
    ]
    misses = current_misses(name)
    if not misses:
        return "\n".join([*lines, "[]", ""])
    for report, cat, fact in misses:
        reason = reasons.get((report, cat, fact)) or UNREVIEWED
        lines.append(
            f"- {{report: {report}, category: {cat}, fact: {_quote(fact)}, reason: {_quote(reason)}}}"
        )
    return "\n".join(lines) + "\n"
