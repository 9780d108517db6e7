"""hkwrap benchmark: peak memory of one long document and of one big news-API file (issue 10 item 6).

    .venv/bin/python bench/memory.py                 # 50 MB plain text, 50 MB news JSON, shapes
    .venv/bin/python bench/memory.py --mb 5 --formats jsonl   # quicker

Each input is one file run through the installed command line as a user would run it
(``hkwrap extract FILE -f FMT -o out``, one job); peak RSS and CPU time come from
``/usr/bin/time`` (see ``bench.py``). The inputs: ordinary mixed reports pasted back to back
into one plain-text file; a news-API JSON (``{"articles": [...]}``) of the same kind of reports;
and the two hostile shapes of ``shapes.py`` that used to cost the most memory (ordinary reports
on one 10 MB line, 2 MB of Chinese clauses with no full stop). Target: every run peaks at
<= ``RSS_TARGET_MB``. Files are generated under ``bench/out/`` and reused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
import shapes

import bench  # bench/ is not a package: found through sys.path above

# Issue 10 item 6: a worker with a quarter of a gigabyte can take any one input.
RSS_TARGET_MB = 250.0
SECONDS_PER_MB = 30.0  # ordinary reports take ~3 s/MB; 10x that is a stuck run, not a slow one


def inputs(mb: float, line_mb: float, stop_mb: float) -> list[tuple[str, Path, int]]:
    """(label, path, size) of each input, built on first use."""
    plain, plain_size = corpus.build_single(bench.OUT, mb, bench.log)
    news, news_size = corpus.build_news_json(bench.OUT, mb, bench.log)
    line, line_size = shapes._one_line_file(line_mb)
    name = "no full stop (Chinese clauses joined by commas)"
    stop, stop_size = shapes._shape_file(name, shapes.UNITS[name], stop_mb)
    return [
        (f"one {plain_size / 1e6:.0f} MB plain-text file of reports", plain, plain_size),
        (f"one {news_size / 1e6:.0f} MB news-API JSON", news, news_size),
        (f"ordinary reports on one {line_size / 1e6:.0f} MB line", line, line_size),
        (f"{stop_size / 1e6:.0f} MB with no full stop", stop, stop_size),
    ]


def measure(label: str, path: Path, size: int, fmt: str) -> bench.Row:
    out = bench.OUT / f"out-memory.{fmt}"
    cmd = [*bench.hkwrap_cmd(), "extract", "-q", "--no-user-aliases", "--jobs", "1",
           "--max-bytes", f"{size // 1024 + 1024}k", "-f", fmt, "-o", str(out), str(path)]
    r = bench.run(cmd, f"{label}, -f {fmt}", max(120.0, size / 1e6 * SECONDS_PER_MB))
    written = out.stat().st_size if out.exists() else 0
    out.unlink(missing_ok=True)
    figure = f"{r.rss_mb:.0f} MB ({r.wall:.1f} s wall, {r.cpu:.1f} s CPU, {written / 1e6:.1f} MB written)"
    if r.note:
        figure += f" [{r.note}]"
    return bench.Row(f"{label}, -f {fmt}: peak RSS", figure, f"<= {RSS_TARGET_MB:.0f} MB",
                     bench.verdict(r.rss_mb <= RSS_TARGET_MB, r))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=50.0, help="size of the plain and JSON files in MB")
    ap.add_argument("--line-mb", type=float, default=10.0, help="size of the one-line file in MB")
    ap.add_argument("--stop-mb", type=float, default=2.0, help="size of the no-full-stop file in MB")
    ap.add_argument("--formats", default="jsonl,json", help="output formats, comma-separated")
    ap.add_argument("--only", default="", help="run only inputs whose label contains this")
    args = ap.parse_args(argv)
    bench.OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for label, path, size in inputs(args.mb, args.line_mb, args.stop_mb):
        if args.only and args.only not in label:
            continue
        for fmt in [f.strip() for f in args.formats.split(",") if f.strip()]:
            rows.append(measure(label, path, size, fmt))
    print("\n" + bench.render_markdown(rows))
    return 0 if all(row.result.startswith("PASS") for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
