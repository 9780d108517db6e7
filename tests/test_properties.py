"""Properties of extraction on generated input (Hypothesis).

- ``extract_text`` never raises on arbitrary Unicode text, report-like or not;
- random bytes through ``read_bytes`` give Sources or raise ``InputError``, nothing else;
- extreme inputs (huge numbers, 100,000 digits, 20,000 nested divs, a report repeated 10,000
  times) finish in bounded time;
- every evidence offset slices the input to the evidence text;
- ``to_dict()`` survives a JSON round trip and has every field of docs/output-contract.md
  with the right type.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")

from conftest import examples  # noqa: E402
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from hkwrap import extract_text  # noqa: E402
from hkwrap.errors import InputError  # noqa: E402
from hkwrap.model import Document  # noqa: E402
from hkwrap.pipeline import Options, extract_source  # noqa: E402
from hkwrap.readers import Source, read_bytes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OPTIONS = Options(use_user_config=False)
# quick counts for `make test`; HYPOTHESIS_PROFILE=thorough (make fuzz) runs 10,000 of each
FAST = settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- the contract, as a checker ---------------------------------------------------------------

LANGUAGES = {"en", "zh-Hant", "zh-Hans", "mixed"}
QUALIFIERS = {"exact", "over", "under", "nearly", "about", "as_much_as"}
SESSIONS = {"open", "midday", "close", "intraday", None}
LEVEL_KINDS = {"support", "resistance", "target"}
CURRENCIES = {"HKD", "RMB", "USD"}
CODE = re.compile(r"\d{5}")
_LINE_END = re.compile(r"\r\n|\r|\n")
INDEX_ID = re.compile(r"[A-Z][A-Z0-9_]*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _num(value: Any, where: str, nullable: bool = True) -> None:
    if value is None and nullable:
        return
    assert isinstance(value, (int, float)) and not isinstance(value, bool), f"{where}: {value!r}"
    assert math.isfinite(value), f"{where} is not finite: {value!r}"


def _int(value: Any, where: str) -> None:
    assert value is None or (isinstance(value, int) and not isinstance(value, bool)), where


def _str(value: Any, where: str, nullable: bool = False) -> None:
    assert (nullable and value is None) or isinstance(value, str), f"{where}: {value!r}"


def _keys(obj: Any, keys: set[str], where: str) -> None:
    assert isinstance(obj, dict), f"{where} is not an object"
    missing = keys - obj.keys()
    assert not missing, f"{where} lacks {sorted(missing)}"


def _evidence(ev: Any, where: str) -> None:
    _keys(ev, {"text", "start", "end", "line"}, where)
    _str(ev["text"], f"{where}.text")
    for k in ("start", "end", "line"):
        assert isinstance(ev[k], int) and not isinstance(ev[k], bool), f"{where}.{k}"
    assert 0 <= ev["start"] <= ev["end"] and ev["line"] >= 1, f"{where}: {ev}"


def check_contract(doc: dict[str, Any]) -> None:
    """Every field docs/output-contract.md names, with its type and allowed values."""
    _keys(doc, {"schema_version", "source", "language", "date", "indices", "stocks",
                "mentions", "market", "levels", "warnings"}, "document")
    assert doc["schema_version"] == 1
    _str(doc["source"], "source")
    assert doc["language"] in LANGUAGES, doc["language"]
    assert doc["date"] is None or ISO_DATE.fullmatch(doc["date"]), doc["date"]
    assert isinstance(doc["warnings"], list) and all(isinstance(w, str) for w in doc["warnings"])
    for i, m in enumerate(doc["indices"]):
        w = f"indices[{i}]"
        _keys(m, {"index", "name", "level", "change_pct", "change_points", "qualifier",
                  "session", "evidence"}, w)
        assert INDEX_ID.fullmatch(m["index"]), m["index"]
        _str(m["name"], f"{w}.name")
        for k in ("level", "change_pct", "change_points"):
            _num(m[k], f"{w}.{k}")
        assert m["qualifier"] in QUALIFIERS and m["session"] in SESSIONS, m
        _evidence(m["evidence"], f"{w}.evidence")
    for i, s in enumerate(doc["stocks"]):
        w = f"stocks[{i}]"
        _keys(s, {"code", "name", "name_zh", "change_pct", "price", "currency", "turnover",
                  "qualifier", "session", "evidence"}, w)
        assert CODE.fullmatch(s["code"]), s["code"]
        _str(s["name"], f"{w}.name", nullable=True)
        _str(s["name_zh"], f"{w}.name_zh", nullable=True)
        for k in ("change_pct", "price", "turnover"):
            _num(s[k], f"{w}.{k}")
        assert s["currency"] in CURRENCIES, s["currency"]
        assert s["qualifier"] in QUALIFIERS and s["session"] in SESSIONS, s
        _evidence(s["evidence"], f"{w}.evidence")
    for i, m in enumerate(doc["mentions"]):
        w = f"mentions[{i}]"
        _keys(m, {"code", "name", "text", "start", "end"}, w)
        assert CODE.fullmatch(m["code"]), m["code"]
        _str(m["name"], f"{w}.name", nullable=True)
        _str(m["text"], f"{w}.text")
        assert isinstance(m["start"], int) and isinstance(m["end"], int), w
    market = doc["market"]
    _keys(market, {"turnover", "southbound", "northbound", "advancers", "decliners",
                   "unchanged", "short_selling_ratio"}, "market")
    for k in ("turnover", "southbound", "northbound"):
        amount = market[k]
        if amount is not None:
            _keys(amount, {"value", "currency", "qualifier"}, f"market.{k}")
            _num(amount["value"], f"market.{k}.value", nullable=False)
            assert amount["currency"] in CURRENCIES and amount["qualifier"] in QUALIFIERS
    for k in ("advancers", "decliners", "unchanged"):
        _int(market[k], f"market.{k}")
    _num(market["short_selling_ratio"], "market.short_selling_ratio")
    for i, lv in enumerate(doc["levels"]):
        w = f"levels[{i}]"
        _keys(lv, {"index", "kind", "value", "evidence"}, w)
        assert INDEX_ID.fullmatch(lv["index"]) and lv["kind"] in LEVEL_KINDS, lv
        _num(lv["value"], f"{w}.value", nullable=False)
        _evidence(lv["evidence"], f"{w}.evidence")


def all_evidence(doc: Document) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for kind, facts in (("index", doc.indices), ("stock", doc.stocks), ("level", doc.levels)):
        for f in facts:
            if f.evidence is not None:
                out.append((kind, f.evidence))
            out += [(f"{kind} restated", e) for e in getattr(f, "restated", [])]
    m = doc.market
    out += [(f"market {k}", e) for k, e in m.evidence.items()]
    for k in ("turnover", "southbound", "northbound"):
        amount = getattr(m, k)
        if amount is not None and amount.evidence is not None:
            out.append((f"market {k}", amount.evidence))
    return out


def check_offsets(text: str, doc: Document) -> None:
    for kind, ev in all_evidence(doc):
        assert text[ev.start : ev.end] == ev.text, f"{kind} evidence {ev}"
        # (a line ends at LF, CRLF or a lone CR, as Prepared.line_of counts them: "\r恒指…" is
        # on line 2; Hypothesis found the lone CR)
        assert ev.line == len(_LINE_END.findall(text, 0, ev.start)) + 1, f"{kind} evidence line {ev}"
    for m in doc.mentions:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text, f"mention {m}"


def check_document(text: str, doc: Document) -> None:
    check_offsets(text, doc)
    data = doc.to_dict()
    encoded = json.dumps(data, ensure_ascii=False, allow_nan=False)
    assert json.loads(encoded) == data
    check_contract(json.loads(encoded))


# -- strategies -------------------------------------------------------------------------------

TOKENS = (
    "恒指", "恒生指數", "恒生指数", "國指", "科指", "Hang Seng Index", "HSI", "HSCEI", "HSTECH",
    "升", "跌", "涨", "rose", "fell", "up", "down", "收報", "报", "close", "midday", "午",
    "點", "点", "億", "亿", "萬", "万", "元", "港元", "HK$", "US$", "RMB", "bn", "billion",
    "%", "％", "百分之", "個百分點", "or", "，", "。", "、", "；", ",", ".", " ", "\n", "\n\n",
    "0700.HK", "(00700)", "（09988）", "700 HK", "HK:0005", "騰訊", "阿里巴巴", "Tencent",
    "支持", "阻力", "support", "resistance", "target", "成交", "turnover", "南向資金", "北水",
    "淨買入", "net", "advancers", "decliners", "over", "nearly", "逾", "近", "約", "about",
    "二", "三", "十", "百", "千", "一", "零", "2025年11月21日", "Nov 21", "today", "今日",
    "<div>", "</p>", "---", "# ", "- ", "**", "(", ")", "[", "]",
)


def _number() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        # below 1e15: a figure near the float limit times a magnitude ("billion") overflows,
        # which test_huge_numbers covers on its own
        st.floats(min_value=-1e15, max_value=1e15).map(lambda f: f"{f:,.2f}"),
        st.decimals(min_value=-(10**15), max_value=10**15, places=3).map(str),
        st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}"),
    )


unicode_text = st.text(max_size=400)
soup = st.lists(
    st.one_of(st.sampled_from(TOKENS), _number(), st.text(max_size=4)), max_size=120
).map("".join)


@FAST
@given(st.one_of(unicode_text, soup))
@example("\r恒指0%-0")  # a lone CR ends a line: the evidence is on line 2
def test_extract_text_never_raises(text: str) -> None:
    doc = extract_text(text, options=OPTIONS)
    check_document(text, doc)


@FAST
@given(st.binary(max_size=600), st.sampled_from(["x.txt", "x.md", "x.html", "x.json", "x", "-"]))
def test_read_bytes_gives_sources_or_input_error(data: bytes, name: str) -> None:
    try:
        sources = read_bytes(data, name)
    except InputError:
        return
    assert isinstance(sources, list) and sources
    for src in sources:
        assert isinstance(src, Source) and isinstance(src.text, str)
        assert 0 <= src.body_start <= len(src.text)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in src.metadata.items())
        doc = extract_source(src, OPTIONS)
        check_document(src.text, doc)


@SLOW
@given(st.binary(max_size=300), st.sampled_from([b"\xef\xbb\xbf", b"", b"\xff\xfe", b"---\n"]))
def test_read_bytes_with_prefixes(data: bytes, prefix: bytes) -> None:
    with contextlib.suppress(InputError):
        read_bytes(prefix + data, "x.txt")


# -- report-like text, with offsets checked -----------------------------------------------------

sys.path.insert(0, str(ROOT / "bench"))
try:
    import corpus  # the benchmark's report generator (bench/corpus.py)

    GENERATOR: Any = corpus.Generator(seed=0)
except Exception as exc:  # pragma: no cover - only without bench/ or its data
    GENERATOR = None
    GENERATOR_ERROR = repr(exc)
finally:
    sys.path.pop(0)


@SLOW
@given(
    st.integers(min_value=0, max_value=2**32),
    st.sampled_from(["en", "zh-Hant", "zh-Hans", "mixed"]),
    st.integers(min_value=200, max_value=4000),
)
def test_generated_reports_evidence_slices_input(seed: int, lang: str, size: int) -> None:
    if GENERATOR is None:
        pytest.skip(f"bench/corpus.py unavailable: {GENERATOR_ERROR}")
    GENERATOR.rng.seed(seed)
    text = GENERATOR.report(lang, size)
    doc = extract_text(text, options=OPTIONS)
    check_document(text, doc)


sentence = st.builds(
    lambda subject, verb, pct, pts, level, tail: f"{subject}{verb} {pct}% {pts} {level}{tail}",
    st.sampled_from(["The Hang Seng Index ", "恒指", "恒生指数", "Tencent (0700.HK) ",
                     "騰訊（00700）", "HSTECH ", "阿里巴巴(09988)", "Southbound funds "]),
    st.sampled_from(["rose", "fell", "升", "跌", "涨", "bought a net HK$", "淨買入"]),
    st.floats(min_value=0, max_value=20).map(lambda f: f"{f:.2f}"),
    st.sampled_from(["", "points", "點", "点", "billion", "億元"]),
    st.floats(min_value=1, max_value=40000).map(lambda f: f"to {f:,.2f}"),
    st.sampled_from([".", "。", "；", ", ", "\n", ".\n\n", "，報 25,000 點。"]),
)


@FAST
@given(st.lists(sentence, min_size=1, max_size=25).map("".join))
def test_templated_reports_evidence_slices_input(text: str) -> None:
    doc = extract_text(text, options=OPTIONS)
    check_document(text, doc)


@pytest.mark.parametrize("path", sorted(p.name for p in (ROOT / "samples").iterdir()))
def test_samples_satisfy_contract(path: str) -> None:
    for src in read_bytes((ROOT / "samples" / path).read_bytes(), path):
        check_document(src.text, extract_source(src, OPTIONS))


# -- extreme inputs ---------------------------------------------------------------------------


class _Timeout(BaseException):
    """From the interval timer; a BaseException so that no ``except Exception`` keeps it."""


def _within(seconds: float, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)``, failing (not hanging) when it takes longer than ``seconds``."""

    def alarm(signum: int, frame: object) -> None:
        raise _Timeout

    timer = hasattr(signal, "setitimer")
    if timer:
        old = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.perf_counter()
    try:
        result = fn(*args, **kwargs)
    except _Timeout:
        raise AssertionError(f"stopped after {seconds} s (budget {seconds} s)") from None
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    took = time.perf_counter() - start
    assert took <= seconds, f"took {took:.1f} s (budget {seconds} s)"
    return result


HUGE = {
    "digits-pts-zh": "恒指升" + "9" * 100_000 + "點",
    "cjk-digits": "恒指跌" + "九" * 5_000 + "點",
    "bare-digits": "1" * 100_000,
    "comma-groups": ",".join(["999"] * 30_000) + " points",
    "long-decimals": "The Hang Seng Index rose 1." + "5" * 50_000 + "% to 25,000.",
}
# Figures beyond the float range (over 308 digits) would be inf, which is not JSON:
# hkwrap.numbers drops digit runs too large to be a market figure.
OVERFLOW = {
    "pct-100k-digits": "HSI rose " + "1" * 100_000 + "% to 25,000 points.",
    "level-400-digits": "HSI rose 1% to " + "9" * 400 + ".5 points.",
    "pct-400-digits": "The Hang Seng Index rose 1" + "0" * 400 + "% to 25,000.",
    "zh-320-digits": "成交" + "9" * 320 + "億元。恒指報" + "9" * 320 + ".99點，升" + "9" * 310 + "%。",
    "turnover-400-digits": "Turnover was HK$" + "9" * 400 + " billion.",
}


def _huge_params() -> list[Any]:
    params = [pytest.param(t, id=k) for k, t in HUGE.items()]
    params += [pytest.param(t, id=k) for k, t in OVERFLOW.items()]
    return params


@pytest.mark.parametrize("text", _huge_params())
def test_huge_numbers(text: str) -> None:
    doc = _within(30, extract_text, text, options=OPTIONS)
    check_document(text, doc)


def test_deeply_nested_html() -> None:
    depth = 20_000
    html = "<html><body>" + "<div>" * depth + "恒指收市升 1.2%，報 25,000 點。" + "</div>" * depth
    data = (html + "</body></html>").encode()

    def read() -> list[Source]:
        try:
            return read_bytes(data, "deep.html")
        except InputError:
            return []

    sources = _within(30, read)
    for src in sources:
        check_document(src.text, _within(30, extract_source, src, OPTIONS))


def test_unclosed_nested_html_sniffed() -> None:
    data = ("<!DOCTYPE html><html>" + "<div><span>" * 10_000 + "HSI up 1%").encode()
    try:
        sources = _within(30, read_bytes, data, "page")
    except InputError:
        return
    for src in sources:
        _within(30, extract_source, src, OPTIONS)


# 1.3 MB of text in one document must stay linear: securities are looked up per sentence by
# bisection (hkwrap/text/spans.py) and a fact keeps a bounded sample of its restatements.
def test_report_repeated_ten_thousand_times() -> None:
    report = (
        "恒指收市跌 286 點，報 26226 點。騰訊（00700）升 3.1%，收報 655 元。"
        "The Hang Seng Index fell 1.1% to 26,226. Turnover HK$248.6 billion.\n"
    )
    text = report * 10_000  # about 1.3 MB
    doc = _within(30, extract_text, text, options=OPTIONS)
    check_offsets(text, doc)
    assert doc.indices and doc.stocks
    print(f"repeated report: {len(text):,} chars", file=sys.stderr)


# Pieces of figures in every form the number pattern reads, for the scanner's own property.
FIGURE_PIECES = (
    "+", "-", "▲", "▼ ", "↑", "$", "hk$", "hkd", "rmb", "us$", "¥", "人民币", "港元", "港币",
    "1", "0", "7", "23", "456", ",", ", ", ".", ". ", " ", "\n", "%", "点", "亿", "万", "千",
    "bn", " billion", "pts", "percent", "零", "〇", "一", "两", "三", "九", "十", "百", "千",
    "半", "成", "巴仙", "个", "几", "多", "毫", "仙", "蚊", "块", "百分之", "报", "收", "和",
    "至", "dollars", " cents", "元", "年", "a", "h", "r", "u", "c", "是",
    # whole figures that start with something other than a digit
    ".5巴仙", "百分之三点四", "半成", "两个巴仙", "三毫二仙", "一成四", "收一万九千",
)


# A whole figure with everything that may lead it: a sign or an arrow, a currency, a sign after it.
whole_figure = st.tuples(
    st.sampled_from(["", "+", "-", "▲", "▲ ", "↓ "]),
    st.sampled_from(["", "$", "hk$", "hkd", "人民币", "港元 ", "us$ ", "¥"]),
    st.sampled_from(["", " ", "+", " -"]),
    st.sampled_from(["1", "23.5", ".5", "1,234", "三", "一万二", "半", "两", "八", "0. 83"]),
    st.sampled_from(["", "%", "巴仙", "个巴仙", "成", "亿", "点", " bn", "毫", "蚊"]),
).map("".join)


@FAST
@given(
    st.lists(st.one_of(whole_figure, st.sampled_from(FIGURE_PIECES), st.text(max_size=3)), max_size=60).map("".join),
    st.integers(min_value=0, max_value=8),
    st.integers(min_value=0, max_value=8),
)
@example("111▼  hk$ -1", 0, 0)  # an arrow's padding, a currency and a sign: 8 characters before the figure
def test_number_scan_tries_the_pattern_only_where_a_figure_can_start(text: str, cut_start: int, cut_end: int) -> None:
    """The number scan tries its pattern at a figure's first character and a few characters
    before it, not at every character: it must find exactly what trying everywhere finds,
    for any slice of any text."""
    from hkwrap import numbers

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    everywhere = [(m.span(), m.groupdict()) for m in numbers._pattern().finditer(text, start, end)]
    assert [(m.span(), m.groupdict()) for m in numbers._figures(text, start, end)] == everywhere


# What the matcher read with one pattern before (a run of Chinese beside a code), kept here
# as the oracle of the scan that replaced it.
_CODE_BESIDE_HAN_PATTERN = re.compile(
    r"(?<![\d.,])(?P<c1>0\d{4})[ \t]?(?P<h1>[\u3400-\u9fff]{2,8})"
    r"|(?P<h2>[\u3400-\u9fff]{2,8})[ \t]?(?P<c2>0?\d{4})(?![\d.,%])"
)
BESIDE_PIECES = ("0", "2318", "02318", "00700", "3968", "123456", "1", ".", ",", "%", " ", "\t", "  ",
                 "平安", "中國平安", "招商银行股份有限公司", "騰", "a", "x1", "\n", "٣", "二")


_HAN_RUNS = ("", "騰", "平安", "中國平安", "招商銀行股份", "中國平安保險集團股份有限公司")
# a code with what may stand before and after it
code_beside = st.tuples(
    st.sampled_from(["", ".", ",", "1", " "]),
    st.sampled_from(_HAN_RUNS),
    st.sampled_from(["", " ", "\t", "  "]),
    st.sampled_from(["2318", "02318", "00700", "0700", "123456", "12345"]),
    st.sampled_from(["", ".", ",", "%", "5", " ", "\t"]),
    st.sampled_from(_HAN_RUNS),
).map("".join)


@FAST
@given(st.lists(st.one_of(code_beside, st.sampled_from(BESIDE_PIECES), st.text(max_size=2)), max_size=30).map("".join))
@example(".02318平安")  # a figure's decimals, not a code
@example("中國平安保險集團02318平安 2318")
def test_codes_beside_chinese_are_found_as_one_pattern_found_them(text: str) -> None:
    """The matcher reads a run of Chinese beside a four- or five-digit code ("平安 02318",
    "02318平安") around each run of digits: the same finds, in the same order and never
    overlapping, as the leftmost-first pattern it replaced."""
    from hkwrap.securities.matcher import _codes_beside_han

    want = [
        (m.group("c1") or m.group("c2"), m.start("c1") if m.group("c1") else m.start("c2"),
         m.group("h1") or m.group("h2"), m.start("h1") if m.group("h1") else m.start("h2"), m.group("h2") is not None)
        for m in _CODE_BESIDE_HAN_PATTERN.finditer(text)
    ]
    assert [tuple(b) for b in _codes_beside_han(text)] == want
