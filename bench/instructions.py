"""Instructions per report, counted by valgrind: a measure of a speed change that other work on
the machine does not disturb.

    .venv/bin/python bench/instructions.py                  # this checkout, 25 reports
    .venv/bin/python bench/instructions.py --root ../wt-a   # another worktree, same reports
    .venv/bin/python bench/instructions.py --files 50 --corpus corpus-zh-2MB

Wall time on a shared machine of two cores moves by 10-40% from run to run; the count of
instructions a run executes moves by well under 0.1%, so a change of 1% shows. The count is
taken with ``valgrind --tool=cachegrind --cache-sim=no`` on an in-process extraction (the
library, as ``bench.py``'s command line runs it, without the process start): the reports
``SKIP`` .. ``SKIP + files`` of a bench corpus in name order, less a run over the first ``SKIP``
alone, so that start-up, imports and compiling the patterns on first use are not counted. The
corpus is built by ``bench.py`` (run ``make bench`` or ``bench.py --quick`` once). Instructions are
not time (a cache miss costs more than an add), but the interpreter's work is most of a run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SKIP = 10  # reports read before the counted ones: they compile the patterns that run on first use

# The in-process run valgrind watches: extract the first N reports of the corpus.
_DRIVER = """
import sys
from pathlib import Path
from hkwrap import pipeline
from hkwrap.readers import read_path
corpus, n = Path(sys.argv[1]), int(sys.argv[2])
pipeline.warm_up()
files = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))[:n]  # (not .manifest.json)
for f in files:
    for source in read_path(str(f)):
        pipeline.extract_source(source)
"""


def count(root: Path, corpus: Path, files: int) -> int:
    """Instructions valgrind counts for extracting the first ``files`` reports of ``corpus``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    run = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", _DRIVER, str(corpus), str(files)],
        capture_output=True, text=True, env=env, cwd=root, check=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if found is None:
        raise RuntimeError("valgrind printed no instruction count")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    ap.add_argument("--files", type=int, default=25, help="reports counted (default 25)")
    ap.add_argument("--corpus", default="corpus-mixed-2MB", help="a corpus under bench/out")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed; nothing measured", file=sys.stderr)
        return 2
    corpus = OUT / args.corpus
    if not corpus.is_dir():
        print(f"instructions: {corpus} is missing; run bench/bench.py --quick first", file=sys.stderr)
        return 2
    counted = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))[SKIP:SKIP + args.files]
    size = sum(p.stat().st_size for p in counted)
    total = count(args.root.resolve(), corpus, SKIP + args.files) - count(args.root.resolve(), corpus, SKIP)
    print(f"{args.root.resolve()}: {total / 1e9:.3f} G instructions for {len(counted)} reports of {args.corpus} "
          f"({size / 1e3:,.0f} KB; {total / size:,.0f} per byte)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
