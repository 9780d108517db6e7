"""Print (or, with --write, rewrite) each stand-in set's known_misses.yaml for today's extractor.

    .venv/bin/python tests/tools/known_misses.py                 # every set, to stdout
    .venv/bin/python tests/tools/known_misses.py reports6        # one set
    .venv/bin/python tests/tools/known_misses.py --write         # rewrite tests/*/known_misses.yaml
    git diff tests/*/known_misses.yaml                           # then review before committing

Lines that stay keep the reason already written; new lines read "unreviewed ...". A line that
disappears is a fact the extractor now gets right. This is for a person to run and review after
changing the extractor: CI never runs it, and tests/test_reports.py only reads the files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from report_pinning import (
    SETS,
    extract,
    format_known_misses,
    known_misses_path,
    load_gold,
    load_known_misses,
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", metavar="SET", help=f"one or more of {', '.join(SETS)}")
    ap.add_argument("--write", action="store_true", help="rewrite the files instead of printing")
    args = ap.parse_args(argv)
    unknown = [s for s in args.sets if s not in SETS]
    if unknown:
        ap.error(f"no such set: {', '.join(unknown)}")
    for name in args.sets or SETS:
        # A run in which an extractor step failed would list its lost facts as misses and drop
        # the known extras it no longer makes: never write such a list.
        failed = [(g["doc"], err) for g in load_gold(name) if (err := extract(name, g["doc"])[1])]
        if failed and args.write:
            for doc, err in failed:
                print(f"known_misses: {name}/{doc}: {err}", file=sys.stderr)
            print(f"known_misses: {name}: not written (an extraction failed)", file=sys.stderr)
            return 1
        reasons = {m.key: m.reason for m in load_known_misses(name)}
        text = format_known_misses(name, reasons)
        if args.write:
            known_misses_path(name).write_text(text, encoding="utf-8")
            print(f"{known_misses_path(name)}: {max(0, text.count(chr(10) + '- '))} lines")
        else:
            print(f"# ---- tests/{name}/known_misses.yaml")
            print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
