"""Market-record benchmark: what `hkwrap load` costs over `hkwrap extract`, and how fast `day`
and `series` answer on a large database.

    .venv/bin/python bench/store_bench.py            # 10,000 reports; a 100,000-document DB
    .venv/bin/python bench/store_bench.py --quick    # 1,000 reports; a 10,000-document DB

1. Load against extract: the same folder of short closing reports (generated, seeded, kept in
   ``bench/out/store-reports-N/``) through ``hkwrap extract -q -o out.jsonl`` and through
   ``hkwrap load -q`` into a new database, as child processes, each run twice alternately and
   the faster run of each kept (the machine is shared). Target: load <= extract + 10%.
2. Query speed: a database of 100,000 documents written directly through the loader from
   generated documents (extraction would take hours and is not what is measured), spread over
   2,500 trading days (40 reports a day, about ten years); every report gives HSI, HSCEI and
   HSTECH closes, stock moves, mentions, market figures and a level, and a few per cent of them
   disagree with the day's figures. Timed in-process (``day_record`` and rendering,
   ``index_series``/``stock_series`` and rendering; median of repeated runs) because the
   command's own start-up (~150 ms, see bench.py) is not the query. The full command's wall
   time is printed too, as information. Target: < 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

LOAD_OVERHEAD = 0.10  # load may cost at most this much more than extract
# Runs of each, alternating; the best is kept. Judged on CPU time (user + system), which the
# other work on a shared machine disturbs far less than wall time (printed beside it).
LOAD_RUNS = 3
QUERY_MS = 100.0
QUERY_RUNS = 15
GENERATOR_VERSION = 4  # bump when the generated reports or documents change
DAYS = 2_500  # trading days in the synthetic database (about ten years)
DISAGREE = 0.03  # share of synthetic reports whose HSI close is mistyped
TRUNCATE = 0.15  # share stating the close to the unit only, as a headline does
CHILD_ENV = {k: v for k, v in os.environ.items()
             if k != "PYTHONDONTWRITEBYTECODE" and not k.startswith("HKWRAP_")}

STOCKS = (("00700", "Tencent Holdings", "騰訊控股", 600.0), ("09988", "Alibaba Group", "阿里巴巴", 150.0),
          ("03690", "Meituan", "美團", 100.0), ("01810", "Xiaomi", "小米集團", 40.0),
          ("00005", "HSBC Holdings", "滙豐控股", 90.0), ("00941", "China Mobile", "中國移動", 85.0),
          ("09618", "JD.com", "京東集團", 130.0), ("01211", "BYD", "比亞迪股份", 300.0))

EN = """HONG KONG, {month} {day}, {year} - Hong Kong stocks {verb} on {weekday}, with traders
weighing fresh data from the mainland against signals from Washington on the path of interest
rates. Volumes were close to their recent average and most sectors moved together.

The Hang Seng Index {verb} {pct:.2f}% or {pts:,.2f} points to close at {level:,.2f}. The Hang
Seng China Enterprises Index {verb2} {pct2:.2f}% to {level2:,.2f}, and the Hang Seng TECH Index
{verb2} {pct3:.2f}% to {level3:,.2f}.

Technology names set the tone. {name} ({code}) {sverb} {spct:.1f}% to HK${price:,.2f}, while
{name2} ({code2}) {sverb2} {spct2:.1f}% to HK${price2:,.2f}. Among financials, {name3} {sverb3}
{spct3:.1f}%, and {name4} ended {spct4:.1f}% {updown} at HK${price4:,.2f}.

Property developers were mixed after a week of heavy selling. Dealers said funds were rotating
into defensive names with steady dividends, though few expected the shift to last beyond the
month. Insurers tracked the broader market, and carmakers were the day's laggards: {name5}
({code5}) {sverb5} {spct5:.1f}% to HK${price5:,.2f} after a cautious sales update.

Chip stocks found buyers late in the session on hopes of new orders from mainland customers,
while oil producers followed crude prices. Brokers noted that short selling made up a steady
share of turnover and that margin lending had barely changed over the week.

Turnover came to HK${turnover:.1f} billion. Southbound investors {buysell} a net HK${south:.2f}
billion of Hong Kong shares through the Stock Connect links. Advancers outnumbered decliners
{adv} to {dec}.

Analysts see support for the Hang Seng Index at {support:,} points, with resistance near
{resistance:,}. "The market needs a catalyst," said one strategist at a local brokerage, who
asked not to be named. "Until then, expect ranges."
"""
ZH = """{year}年{month_n}月{day}日 港股收市評論

港股今日{zverb_t}，市場觀望內地經濟數據及美國息口前景，成交與近期平均相若。

恒指收市報{level:,.2f}點，{zverb}{pts:,.2f}點，{zverb}幅{pct:.2f}%。國指收報{level2:,.2f}點，
{zverb}{pct2:.2f}%；科指收報{level3:,.2f}點，{zverb}{pct3:.2f}%。

科技股主導大市。{zh}（{code}）收{szverb}{spct:.1f}%，報{price:,.2f}元；{zh2}（{code2}）
{szverb2}{spct2:.1f}%，報{price2:,.2f}元。金融股方面，{zh3}{szverb3}{spct3:.1f}%。

內房股個別發展，有基金轉投高息防守股份，但交易員認為資金流向未必持久。汽車股表現落後，
{zh5}（{code5}）{szverb5}{spct5:.1f}%，收報{price5:,.2f}元。{zh4}收{szverb3}{spct4:.1f}%。

晶片股尾市獲承接，石油股則跟隨油價上落。市場人士指，沽空比率大致平穩，孖展借貸亦變化不大，
投資者傾向等待下周公布的內地貿易數據，再決定是否加大持倉。大市上升股份{adv}隻，下跌股份{dec}隻。

大市成交{turnover_yi:,.0f}億元。港股通南向資金淨{zbuysell}{south_yi:,.1f}億港元。

分析員指，恒指支持位在{support:,}點，阻力位則為{resistance:,}點，短期料續橫行整固。
"""
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def trading_days(count: int) -> list:
    import datetime as dt

    day, out = dt.date(2016, 1, 4), []
    while len(out) < count:
        if day.weekday() < 5:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def build_reports(count: int) -> Path:
    """``count`` short closing reports (English and Traditional Chinese), 4 per trading day."""
    folder = OUT / f"store-reports-{count}"
    manifest = OUT / f"store-reports-{count}.json"  # beside the folder: not a report
    want = {"version": GENERATOR_VERSION, "count": count}
    if manifest.exists() and json.loads(manifest.read_text()) == want:
        return folder
    log(f"store bench: writing {count} reports to {folder} ...")
    rng = random.Random(12)
    days = trading_days(count // 4 + 1)
    for i in range(count):
        if i % 1000 == 0:
            (folder / f"{i // 1000:02d}").mkdir(parents=True, exist_ok=True)
        d = days[i // 4]
        up = rng.random() < 0.5
        pct = rng.uniform(0.05, 3.0)
        level = rng.uniform(16_000, 30_000)
        a, b, c, e, f = rng.sample(STOCKS, 5)
        word = "升" if up else "跌"
        fields = dict(
            month=MONTHS[d.month - 1], month_n=d.month, day=d.day, year=d.year,
            weekday=WEEKDAYS[d.weekday()], verb="rose" if up else "fell",
            verb2="gained" if up else "lost", pct=pct, pts=level * pct / 100, level=level,
            pct2=pct * 1.1, level2=level / 2.8, pct3=pct * 1.4, level3=level / 4.6,
            name=a[1], code=a[0], zh=a[2], sverb="climbed" if up else "dropped",
            spct=rng.uniform(0.1, 6), price=a[3], name2=b[1], code2=b[0], zh2=b[2],
            sverb2="added" if up else "shed", spct2=rng.uniform(0.1, 6), price2=b[3],
            name3=c[1], zh3=c[2], sverb3="edged up" if up else "slipped",
            spct3=rng.uniform(0.1, 3), name4=e[1], spct4=rng.uniform(0.1, 3),
            updown="higher" if up else "lower", price4=e[3],
            turnover=rng.uniform(90, 320), south=rng.uniform(0.5, 12),
            buysell="bought" if rng.random() < 0.7 else "sold", adv=rng.randint(500, 1300),
            dec=rng.randint(500, 1300), support=rng.randrange(16_000, 29_000, 100),
            resistance=rng.randrange(17_000, 30_000, 100), zverb=word, zverb_t="向上" if up
            else "回軟", szverb=word, szverb2=word, szverb3=word,
            zbuysell="買入" if rng.random() < 0.7 else "賣出", name5=f[1], code5=f[0], zh5=f[2],
            zh4=e[2], sverb5="rose" if rng.random() < 0.5 else "fell", spct5=rng.uniform(0.1, 5),
            price5=f[3], szverb5=word,
        )
        fields["turnover_yi"] = fields["turnover"] * 10
        fields["south_yi"] = fields["south"] * 10
        text = (EN if i % 2 == 0 else ZH).format(**fields)
        (folder / f"{i // 1000:02d}" / f"r{i:05d}.txt").write_text(text, encoding="utf-8")
    manifest.write_text(json.dumps(want))
    return folder


def _doc(rng: random.Random, i: int, date: str, truth: dict) -> dict:
    """One synthetic extracted document stating the day's figures (sometimes imprecisely)."""
    def ev(text: str) -> dict:
        return {"text": text, "start": 0, "end": len(text), "line": 1}

    level = truth["level"]
    if rng.random() < DISAGREE:
        level = round(level + rng.choice((-270.0, 270.0, -9.0)), 2)  # a typo in one report
    elif rng.random() < TRUNCATE:
        level = float(int(level))
    indices = [{"index": "HSI", "name": "Hang Seng Index", "level": level,
                "change_pct": truth["pct"], "change_points": truth["pts"], "qualifier": "exact",
                "session": "close", "evidence": ev(f"The Hang Seng Index closed at {level}.")}]
    for code, factor in (("HSCEI", 2.8), ("HSTECH", 4.6)):
        indices.append({"index": code, "name": code, "level": round(truth["level"] / factor, 2),
                        "change_pct": round(truth["pct"] * 1.2, 2), "change_points": None,
                        "qualifier": "exact", "session": None,
                        "evidence": ev(f"The {code} moved {truth['pct']}%.")})
    stocks, mentions = [], []
    for code, name, zh, price in rng.sample(STOCKS, 5):
        pct = truth["stocks"][code]
        stocks.append({"code": code, "name": name, "name_zh": zh, "change_pct": pct,
                       "price": round(price * (1 + pct / 100), 2), "currency": "HKD",
                       "turnover": None, "qualifier": "exact", "session": None,
                       "evidence": ev(f"{name} moved {pct}%.")})
        mentions.append({"code": code, "name": name, "text": name, "start": 0,
                         "end": len(name), "name_zh": zh})
    market = {"turnover": {"value": truth["turnover"], "currency": "HKD", "qualifier": "exact",
                           "evidence": ev("Turnover.")},
              "southbound": {"value": truth["south"], "currency": "HKD", "qualifier": "exact",
                             "evidence": ev("Southbound.")},
              "northbound": None, "advancers": truth["adv"], "decliners": truth["dec"],
              "unchanged": None, "short_selling_ratio": None, "evidence": {}}
    return {"schema_version": 1, "source": f"synthetic/{date}/r{i:06d}.txt", "language": "en",
            "date": date, "indices": indices, "stocks": stocks, "mentions": mentions,
            "market": market,
            "levels": [{"index": "HSI", "kind": "support", "value": 20_000.0,
                        "evidence": ev("Support at 20,000.")}],
            "warnings": [], "title": None, "metadata": {}}


def build_db(documents: int) -> Path:
    """A market record of ``documents`` synthetic documents over DAYS trading days."""
    from hkwrap.store.loader import Loader, hash_document
    from hkwrap.store.schema import connect, transaction

    path = OUT / f"store-{documents}.db"
    manifest = OUT / f"store-{documents}.json"
    want = {"version": GENERATOR_VERSION, "documents": documents, "days": DAYS}
    if path.exists() and manifest.exists() and json.loads(manifest.read_text()) == want:
        # a database from an older hkwrap is upgraded as `load` would (building the summary)
        started = time.perf_counter()
        connect(path).close()
        log(f"store bench: opened {path.name} for loading in {time.perf_counter() - started:.2f} s")
        return path
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    log(f"store bench: writing a {documents:,}-document database to {path} ...")
    rng = random.Random(7)
    days = [d.isoformat() for d in trading_days(DAYS)]
    per_day = max(1, documents // len(days))
    conn = connect(path)
    loader = Loader(conn)
    started = time.perf_counter()
    i = 0
    for n, date in enumerate(days):
        pct = round(rng.uniform(-3, 3), 2)
        level = round(rng.uniform(16_000, 30_000), 2)
        truth = {"level": level, "pct": pct, "pts": round(level * pct / 100, 2),
                 "stocks": {s[0]: round(rng.uniform(-6, 6), 1) for s in STOCKS},
                 "turnover": round(rng.uniform(90, 320), 1) * 1e9,
                 "south": round(rng.uniform(-5, 15), 2) * 1e9,
                 "adv": rng.randint(400, 1400), "dec": rng.randint(400, 1400)}
        with transaction(conn):  # a day at a time: building the bench, not measuring loads
            for _ in range(per_day if n < len(days) - 1 else documents - i):
                doc = _doc(rng, i, date, truth)
                key = doc["source"]
                loader._insert(conn, doc, key, hash_document(doc), None, "json", None)
                i += 1
            loader.summarize()  # as a load does before it commits
        if n % 250 == 0:
            log(f"store bench:   {i:,} documents, {time.perf_counter() - started:.0f} s")
    conn.execute("ANALYZE")
    conn.close()
    manifest.write_text(json.dumps(want))
    return path


def timed_run(cmd: list[str]) -> float:
    """Wall seconds of one child run."""
    return measured_run(cmd)[0]


def measured_run(cmd: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one child run; CPU is user + system from getrusage."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, env=CHILD_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"store bench: {' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def load_vs_extract(count: int) -> list[tuple[str, str, str, str]]:
    folder = build_reports(count)
    hkwrap = [str(Path(sys.executable).parent / "hkwrap")]
    if not Path(hkwrap[0]).exists():
        hkwrap = [sys.executable, "-m", "hkwrap"]
    out = OUT / "store-extract.jsonl"
    db = OUT / "store-load.db"
    extract_runs: list[tuple[float, float]] = []
    load_runs: list[tuple[float, float]] = []
    for attempt in range(LOAD_RUNS):
        log(f"store bench: extract {count} reports (run {attempt + 1}) ...")
        extract_runs.append(measured_run([*hkwrap, "extract", "-q", "--no-user-aliases",
                                          "--format", "jsonl", "-o", str(out), str(folder)]))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        log(f"store bench: load {count} reports into a new database (run {attempt + 1}) ...")
        load_runs.append(measured_run([*hkwrap, "load", "-q", "--no-user-aliases", str(db),
                                       str(folder)]))
    docs = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
    log("store bench: load the same reports again (all unchanged) ...")
    reload_wall = timed_run([*hkwrap, "load", "-q", "--no-user-aliases", str(db), str(folder)])
    size = sum(p.stat().st_size for p in folder.rglob("*.txt")) / count
    rows = []
    for label, i in (("CPU", 1), ("wall", 0)):
        ext = min(r[i] for r in extract_runs)
        load = min(r[i] for r in load_runs)
        ratio = load / ext
        runs = (f"extract {', '.join(f'{r[i]:.1f}' for r in extract_runs)}; "
                f"load {', '.join(f'{r[i]:.1f}' for r in load_runs)}")
        rows.append((
            f"load vs extract, {count:,} reports of {size / 1000:.1f} KB ({docs:,} loaded), {label}",
            f"load {load:.1f} s vs extract {ext:.1f} s = {ratio:.3f}x (best of {LOAD_RUNS}; {runs})",
            f"<= {1 + LOAD_OVERHEAD:.2f}x" if i == 1 else "information (shared machine)",
            ("PASS" if ratio <= 1 + LOAD_OVERHEAD else "FAIL") if i == 1 else "INFO",
        ))
    rows.append((f"re-load of the same {count:,} reports (every one skipped)",
                 f"{reload_wall:.1f} s", "less than a load",
                 "PASS" if reload_wall < min(r[0] for r in load_runs) else "FAIL"))
    return rows


def median_ms(fn, runs: int = QUERY_RUNS) -> float:
    fn()  # warm the page cache and the statement cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def queries(documents: int) -> list[tuple[str, str, str, str]]:
    from hkwrap.store import render
    from hkwrap.store.day import day_record
    from hkwrap.store.schema import connect
    from hkwrap.store.series import index_series, stock_series

    path = build_db(documents)
    conn = connect(path, create=False)
    days = [r[0] for r in conn.execute("SELECT DISTINCT date FROM documents ORDER BY date")]
    count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    facts = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
        "index_moves", "stock_moves", "mentions", "market_figures", "levels"))
    mid = days[len(days) // 2]
    month = (days[len(days) // 2 - 21], mid)
    year = (days[len(days) // 2 - 250], mid)
    rows = []
    cases = [
        (f"day {mid} ({count // len(days)} reports), json",
         lambda: render.day_json(day_record(conn, mid))),
        (f"day {mid}, table", lambda: render.day_table(day_record(conn, mid), colour=False)),
        ("series HSI, one month (--from/--to), table",
         lambda: render.series_table(index_series(conn, "HSI", date_from=month[0],
                                                  date_to=month[1]),
                                     kind="index", title="HSI", colour=False)),
        ("series HSI, one year (250 dates), csv",
         lambda: render.to_csv(render.series_plain(index_series(conn, "HSI", date_from=year[0],
                                                                date_to=year[1]), "index"),
                               render.SERIES_COLUMNS["index"])),
        (f"series HSI, all {len(days):,} dates, csv",
         lambda: render.to_csv(render.series_plain(index_series(conn, "HSI"), "index"),
                               render.SERIES_COLUMNS["index"])),
        ("series 00700, one month, table",
         lambda: render.series_table(stock_series(conn, "00700", date_from=month[0],
                                                  date_to=month[1]),
                                     kind="stock", title="00700", colour=False)),
        (f"series 00700, all {len(days):,} dates, csv",
         lambda: render.to_csv(render.series_plain(stock_series(conn, "00700"), "stock"),
                               render.SERIES_COLUMNS["stock"])),
    ]
    for label, fn in cases:
        ms = median_ms(fn)
        rows.append((f"{label} on {count:,} documents ({facts:,} facts), in-process",
                     f"{ms:.1f} ms (median of {QUERY_RUNS})", f"< {QUERY_MS:.0f} ms",
                     "PASS" if ms < QUERY_MS else "FAIL"))
    conn.close()
    hkwrap = str(Path(sys.executable).parent / "hkwrap")
    if Path(hkwrap).exists():
        for args in (["day", mid, "--db", str(path), "--format", "json"],
                     ["series", "HSI", "--db", str(path), "--from", month[0], "--to", month[1]],
                     ["--version"]):
            walls = [timed_run([hkwrap, *args]) * 1000 for _ in range(5)]
            rows.append((f"command: hkwrap {' '.join(a if '/' not in a else Path(a).name for a in args)}",
                         f"{statistics.median(walls):.0f} ms wall (median of 5, with start-up)",
                         "information", "INFO"))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1,000 reports; 10,000 documents")
    ap.add_argument("--reports", type=int, default=None, help="reports for load vs extract")
    ap.add_argument("--documents", type=int, default=None, help="documents in the query DB")
    args = ap.parse_args(argv)
    reports = args.reports or (1_000 if args.quick else 10_000)
    documents = args.documents or (10_000 if args.quick else 100_000)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = load_vs_extract(reports) + queries(documents)
    head = ("measure", "figure", "target", "result")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(3)]
    lines = ["  ".join(r[i].ljust(widths[i]) for i in range(3)) + "  " + r[3]
             for r in [head, *rows]]
    lines.insert(1, "  ".join("-" * w for w in [*widths, 6]))
    print("\n".join(lines))
    (OUT / "store-results.md").write_text(
        "| Measure | Figure | Target | Result |\n|---|---|---|---|\n"
        + "\n".join(f"| {' | '.join(r)} |" for r in rows) + "\n", encoding="utf-8")
    return 1 if any(r[3] == "FAIL" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
