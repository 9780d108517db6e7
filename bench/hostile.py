"""Peak memory on hostile and very large inputs (issue 9), measured on the command line.

    .venv/bin/python bench/hostile.py                 # every case
    .venv/bin/python bench/hostile.py --only news     # news-API JSON lists only
    .venv/bin/python bench/hostile.py --base DIR      # also run the hkwrap package in DIR
                                                      # (e.g. an older commit from git archive)
                                                      # and compare the output bytes

Each case runs ``python -m hkwrap`` as a child process under ``/usr/bin/time -v`` (or, where it
is missing, ``resource.getrusage(RUSAGE_CHILDREN)`` in a fresh helper process) and reports
wall time, peak RSS and exit status against the issue's bound. Inputs are generated under
``bench/out/hostile/`` and reused.

Cases:
- news-API JSON lists of 3.7 MB and 20 MB (bound: 150 MB RSS), written with ``-o``;
- an xlsx of 1.4 MB whose sheet inflates to about 250 MB, and one of about 10 MB of distinct
  shared strings and rows (bound: 100 MB RSS for ``securities import``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "hostile"
TIME_BIN = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
NEWS_BOUND_MB = 150
XLSX_BOUND_MB = 100
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_TITLES = (
    "Hang Seng Index {d} {p}% as {name} leads",
    "港股收市：恒指{zd}{p}%，{zh}領{zd}",
    "HK stocks {d}; turnover HK${t} billion",
)
_BODIES = (
    "The Hang Seng Index {d} {p}% to {lvl} points. {name} ({code}) {d} {q}% to HK${px}. "
    "Market turnover was HK${t} billion. Advancers outnumbered decliners by {a} to {b}.",
    "恒生指數收市{zd}{p}%，報{lvl}點。{zh}（{code}）{zd}{q}%，收{px}元。大市成交{t}億元。",
)
_STOCKS = (("Tencent", "騰訊", "00700"), ("Alibaba", "阿里巴巴", "09988"),
           ("HSBC", "滙豐控股", "00005"), ("Meituan", "美團", "03690"))


def _article(rng: random.Random, number: int) -> dict[str, object]:
    name, zh, code = rng.choice(_STOCKS)
    up = rng.random() < 0.5
    fill = {
        "d": "rose" if up else "fell", "zd": "升" if up else "跌",
        "p": f"{rng.uniform(0.1, 4):.2f}", "q": f"{rng.uniform(0.1, 9):.1f}",
        "lvl": f"{rng.uniform(15000, 27000):,.2f}", "px": f"{rng.uniform(5, 600):.1f}",
        "t": f"{rng.uniform(80, 350):.1f}", "a": rng.randint(300, 1400), "b": rng.randint(300, 1400),
        "name": name, "zh": zh, "code": code,
    }
    return {
        "id": number,
        "title": rng.choice(_TITLES).format(**fill),
        "body": rng.choice(_BODIES).format(**fill),
        "publishedAt": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T08:30:00Z",
    }


def news_json(megabytes: float) -> Path:
    path = OUT / f"news-{megabytes:g}MB.json"
    if path.exists():
        return path
    rng = random.Random(int(megabytes * 1000))
    target = int(megabytes * 1e6)
    parts: list[str] = []
    size = 2
    number = 0
    while size < target:
        number += 1
        item = json.dumps(_article(rng, number), ensure_ascii=False)
        parts.append(item)
        size += len(item.encode()) + 2
    path.write_text('{"status": "ok", "articles": [\n' + ",\n".join(parts) + "\n]}\n", encoding="utf-8")
    return path


def _xlsx(path: Path, shared: list[str], sheet_rows) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
                   '<sheet name="List" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                   "</Relationships>")
        sst = "".join(f"<si><t>{s}</t></si>" for s in shared)
        z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{NS}">{sst}</sst>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(f'<worksheet xmlns="{NS}"><sheetData>'.encode())
            for row in sheet_rows:
                fh.write(row.encode())
            fh.write(b"</sheetData></worksheet>")


def _row(r: int, cells: list[str]) -> str:
    return f'<row r="{r}">' + "".join(
        f'<c r="{chr(65 + i)}{r}" t="str"><v>{v}</v></c>' for i, v in enumerate(cells)
    ) + "</row>"


def inflating_xlsx() -> Path:
    """About 1.4 MB on disk, a sheet of about 250 MB once inflated (under the 200:1 ratio)."""
    path = OUT / "inflating.xlsx"
    if path.exists():
        return path
    rng = random.Random(7)
    header = _row(1, ["Stock Code", "Name of Securities", "Category", "Sub-Category"])
    # 90 rows of varied text repeated: compressible enough to land near 180:1
    pool = [_row(0, [f"{rng.randint(1, 99999):05d}", "".join(rng.choice("ABCDEFGHIJ") for _ in range(12)),
                     "Equity", "Equity Securities (Main Board)"]) for _ in range(90)]
    count = 250_000_000 // len(pool[0])

    def rows():
        yield header
        for i in range(count):
            yield pool[i % len(pool)].replace('r="0"', "", 1)

    _xlsx(path, [], rows())
    return path


def big_xlsx() -> Path:
    """About 10 MB on disk: 300,000 distinct shared strings and as many rows."""
    path = OUT / "big.xlsx"
    if path.exists():
        return path
    rng = random.Random(11)
    # at the reader's bounds: 300,000 strings, half of them Chinese, 7.2 million characters
    letters = ("ABCDEFGHIJKLMNOPQRSTUVWXYZ ", "騰訊控股阿里巴巴集團滙豐美團小米建設銀行中國移動平安保險")
    names = ["".join(rng.choice(letters[i % 2]) for _ in range(24)) for i in range(300_000)]

    def rows():
        yield _row(1, ["Stock Code", "Name of Securities", "Category", "Sub-Category"])
        for i in range(300_000):
            yield (f'<row r="{i + 2}"><c r="A{i + 2}" t="str"><v>{i % 99999 + 1:05d}</v></c>'
                   f'<c r="B{i + 2}" t="s"><v>{i}</v></c><c r="C{i + 2}" t="str"><v>Equity</v></c>'
                   f'<c r="D{i + 2}" t="str"><v>Equity Securities (Main Board)</v></c></row>')

    _xlsx(path, names, rows())
    return path


def run(args: list[str], pythonpath: Path | None, env_home: Path) -> dict[str, object]:
    env = {**os.environ, "HOME": str(env_home), "XDG_CONFIG_HOME": str(env_home / "config"),
           "XDG_CACHE_HOME": str(env_home / "cache")}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    command = [sys.executable, "-m", "hkwrap", *args]
    start = time.monotonic()
    if TIME_BIN:
        done = subprocess.run([TIME_BIN, "-v", *command], env=env, capture_output=True, text=True,
                              cwd=env_home)  # not the repository: -m would import its hkwrap
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
        rss_mb = int(match.group(1)) / 1024 if match else float("nan")
        stderr = done.stderr.split("\tCommand being timed")[0]
        stderr = "\n".join(x for x in stderr.splitlines() if not x.startswith("Command exited"))
    else:  # a fresh helper process, so RUSAGE_CHILDREN holds this child only
        code = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
                "sys.exit(r.returncode)")
        done = subprocess.run([sys.executable, "-c", code, *command], env=env, capture_output=True,
                              text=True, cwd=env_home)
        rss_mb = int(done.stderr.strip().splitlines()[-1]) / 1024
        stderr = "\n".join(done.stderr.strip().splitlines()[:-1])
    return {"seconds": round(time.monotonic() - start, 1), "rss_mb": round(rss_mb, 1),
            "exit": done.returncode, "stderr": stderr.strip()[:300]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=("news", "xlsx"))
    parser.add_argument("--base", type=Path, help="a folder holding an older hkwrap package")
    opts = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="hkwrap-hostile-") as tmp:
        home = Path(tmp)
        if opts.only in (None, "news"):
            for megabytes in (3.7, 20):
                src = news_json(megabytes)
                out = home / "now.jsonl"
                now = run(["extract", "-q", "-o", str(out), str(src)], None, home)
                line = f"news {megabytes:g} MB: {now['seconds']} s, {now['rss_mb']} MB RSS, exit {now['exit']}"
                ok = now["exit"] == 0 and now["rss_mb"] <= NEWS_BOUND_MB
                if opts.base:
                    old_out = home / "base.jsonl"
                    base = run(["extract", "-q", "-o", str(old_out), str(src)], opts.base, home)
                    same = old_out.read_bytes() == out.read_bytes()
                    line += f"; base {base['seconds']} s, {base['rss_mb']} MB; output identical: {same}"
                    ok = ok and same
                failures += not ok
                print(("ok   " if ok else "FAIL ") + line + f" (bound {NEWS_BOUND_MB} MB)")
        if opts.only in (None, "xlsx"):
            for name, build in (("inflating", inflating_xlsx), ("big", big_xlsx)):
                src = build()
                now = run(["securities", "import", "-q", "-o", str(home / "a.yaml"), str(src)], None, home)
                ok = now["exit"] in (0, 2) and now["rss_mb"] <= XLSX_BOUND_MB and "Traceback" not in now["stderr"]
                failures += not ok
                size = src.stat().st_size / 1e6
                print(("ok   " if ok else "FAIL ") + f"xlsx {name} ({size:.1f} MB): {now['seconds']} s, "
                      f"{now['rss_mb']} MB RSS, exit {now['exit']} (bound {XLSX_BOUND_MB} MB) "
                      f"{now['stderr']}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
