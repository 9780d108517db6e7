"""hkwrap benchmark: time per MB of hostile input shapes against ordinary reports (issue 10 item 5).

    .venv/bin/python bench/shapes.py               # 2 MB shapes and a 10 MB single line
    .venv/bin/python bench/shapes.py --mb 1 --line-mb 2   # quicker

Each shape is one file that a broken feed or a pasted archive produces: a report with no full
stop, one clause repeated, digits and commas only, and ordinary reports run together on one
line. Each runs through the installed command line as ``bench.py`` runs it (one job, JSON Lines
written, CPU time from ``/usr/bin/time``); its CPU seconds per MB are compared with those of the
2 MB mixed corpus of ordinary reports. Target: each shape within 2x of ordinary.
Files are generated under ``bench/out/shapes/`` and reused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import bench  # bench/ is not a package: found through sys.path above

SHAPES_DIR = bench.OUT / "shapes"
MAX_FACTOR = 2.0  # a shape may cost at most twice the time per MB of ordinary reports
TIMEOUT_PER_MB = 60.0  # ordinary reports take ~2 s/MB; 30x that is a hang, not a slow run

# One unit of each shape (a shape file is its unit repeated to the size asked).
UNITS = {
    "no full stop (Chinese clauses joined by commas)":
        "恒指升1.2%報25,300點，騰訊(00700)升5%，美團跌2.1%，北水淨買入12億元，國指跌0.4%，",
    "one clause repeated (English, no line break)":
        "Tencent rose 5% to HK$400 and Alibaba fell 2% while the Hang Seng Index gained 1.1%, ",
    "digits and commas only": "1,234,567,890,123, 98,765.43, ",
}


def _shape_file(name: str, unit: str, mb: float) -> tuple[Path, int]:
    slug = "".join(c if c.isalnum() else "-" for c in name.split(" (")[0]).strip("-")
    path = SHAPES_DIR / f"{slug}-{mb:g}MB.txt"
    if not path.exists():
        SHAPES_DIR.mkdir(parents=True, exist_ok=True)
        size = int(mb * 1e6)
        reps = size // len(unit.encode()) + 1
        path.write_text((unit * reps).encode()[:size].decode(errors="ignore"), encoding="utf-8")
    return path, path.stat().st_size


def _one_line_file(mb: float) -> tuple[Path, int]:
    """Ordinary reports of the mixed corpus run together on one line, to ``mb`` MB."""
    path = SHAPES_DIR / f"one-line-{mb:g}MB.txt"
    if not path.exists():
        SHAPES_DIR.mkdir(parents=True, exist_ok=True)
        folder, _, _ = corpus.build_corpus(bench.OUT, "mixed", 2, bench.log)
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*.txt"))]
        flat = " ".join(" ".join(t.split()) for t in texts)
        size = int(mb * 1e6)
        reps = size // len(flat.encode()) + 1
        path.write_text((" ".join([flat] * reps)).encode()[:size].decode(errors="ignore"), encoding="utf-8")
    return path, path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=2.0, help="size of each shape file in MB")
    ap.add_argument("--line-mb", type=float, default=10.0, help="size of the single-line file in MB")
    args = ap.parse_args(argv)

    folder, nbytes, files = corpus.build_corpus(bench.OUT, "mixed", 2, bench.log)
    out = bench.OUT / "out-shape.jsonl"
    base = bench.extract([str(folder)], out, 1, f"ordinary reports, {nbytes / 1e6:.1f} MB in {files} files", 600)
    base_per_mb = base.cpu / (nbytes / 1e6)
    rows = [bench.Row(
        f"ordinary reports, {nbytes / 1e6:.1f} MB in {files} files",
        f"{base_per_mb:.2f} s CPU per MB, peak RSS {base.rss_mb:.0f} MB", "baseline", bench.verdict(True, base),
    )]
    shapes = [( name, *_shape_file(name, unit, args.mb)) for name, unit in UNITS.items()]
    shapes.append(("ordinary reports on one line, no line break", *_one_line_file(args.line_mb)))
    big = str(int(max(args.mb, args.line_mb) * 1e6) + 1_000_000)
    worst = 0.0
    for name, path, size in shapes:
        r = bench.extract([str(path)], out, 1, f"{name}, {size / 1e6:.1f} MB", max(120.0, size / 1e6 * TIMEOUT_PER_MB),
                          extra=("--max-bytes", big))
        per_mb = r.cpu / (size / 1e6)
        factor = per_mb / base_per_mb if base_per_mb else float("inf")
        worst = max(worst, factor)
        rows.append(bench.Row(
            f"{name}, {size / 1e6:.1f} MB", f"{per_mb:.2f} s CPU per MB = {factor:.2f}x ordinary, peak RSS {r.rss_mb:.0f} MB"
            + (f" [{r.note}]" if r.note else ""),
            f"<= {MAX_FACTOR:g}x", bench.verdict(factor <= MAX_FACTOR, r),
        ))
    out.unlink(missing_ok=True)
    print("\n" + bench.render_markdown(rows))
    return 0 if all(row.result.startswith("PASS") for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
