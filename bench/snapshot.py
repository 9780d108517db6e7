"""Output snapshots, to prove a speed change leaves every output byte-identical (issue 10 item 3).

    .venv/bin/python bench/snapshot.py write before     # at the commit before the change
    .venv/bin/python bench/snapshot.py write after      # with the change
    .venv/bin/python bench/snapshot.py compare before after

``write`` runs the command line of this checkout (``python -m hkwrap`` with the checkout first on
the path, so a second worktree can be snapshotted with the same interpreter) over every group of
reports the project holds: the seeds and the development set in ``../shared``, the samples, each
``tests/reports*/docs`` set, and the 2 MB bench corpora when they have been built. Each group's
JSON Lines go to ``bench/out/snapshots/NAME/GROUP.jsonl``, two groups at a time. The reference
date is fixed (``--date``) and user aliases are off, so two snapshots differ only where the code
does. ``compare`` names every group whose output differs, and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SNAPSHOTS = ROOT / "bench" / "out" / "snapshots"
CORPORA = ("corpus-mixed-2MB", "corpus-zh-2MB")  # built by bench.py; left out until they exist
REFERENCE_DATE = "2026-01-15"  # for reports that state no year: any fixed day will do
WORKERS = 2  # one run per core of the machines this project is measured on
SHOWN = 12  # groups named when more differ


def groups(root: Path) -> list[tuple[str, Path]]:
    """Every folder of reports to snapshot, with a file name for its output."""
    found = [("seeds", SHARED / "seeds"), ("dev", SHARED / "dev" / "docs"), ("samples", root / "samples")]
    found += [(d.parent.name, d) for d in sorted(root.glob("tests/reports*/docs"))]
    found += [(name, ROOT / "bench" / "out" / name) for name in CORPORA]
    return [(name, path) for name, path in found if path.is_dir()]


def write(name: str, root: Path) -> int:
    """Snapshot the output of the checkout at ``root`` as ``name``."""
    out = SNAPSHOTS / name
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(root)}
    command = [sys.executable, "-m", "hkwrap", "extract", "-q", "--no-user-aliases", "--format", "jsonl",
               "--date", REFERENCE_DATE]

    def one(group: tuple[str, Path]) -> int:
        label, path = group
        with open(out / f"{label}.jsonl", "wb") as sink:
            # (run from the group's parent folder with the group's name: a report's "source" is
            # then the same whichever checkout is run; the checkout comes first on the path
            # through PYTHONPATH, as no such folder holds a package named hkwrap)
            return subprocess.run([*command, path.name], stdout=sink, stderr=subprocess.DEVNULL, cwd=path.parent,
                                  env=env, check=False).returncode

    todo = groups(root)
    with ThreadPoolExecutor(WORKERS) as pool:
        codes = list(pool.map(one, todo))
    failed = [label for (label, _), code in zip(todo, codes, strict=True) if code not in (0, 1)]
    print(f"{len(todo)} groups -> {out}" + (f"; runs that failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


def compare(a: str, b: str) -> int:
    """Name the groups whose output differs between snapshots ``a`` and ``b``."""
    left, right = SNAPSHOTS / a, SNAPSHOTS / b
    names = sorted({p.name for p in left.glob("*.jsonl")} | {p.name for p in right.glob("*.jsonl")})
    differ = [n for n in names if not ((left / n).is_file() and (right / n).is_file()
                                       and filecmp.cmp(left / n, right / n, shallow=False))]
    shown = " ".join(differ[:SHOWN]) + (f" and {len(differ) - SHOWN} more" if len(differ) > SHOWN else "")
    print(f"{len(names)} groups: " + ("identical" if not differ else f"{len(differ)} differ: {shown}"))
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="snapshot this checkout's output")
    w.add_argument("name")
    w.add_argument("--root", type=Path, default=ROOT, help="the checkout to run (default: this one)")
    c = sub.add_parser("compare", help="compare two snapshots")
    c.add_argument("a")
    c.add_argument("b")
    args = ap.parse_args(argv)
    if args.command == "write":
        return write(args.name, args.root.resolve())
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
