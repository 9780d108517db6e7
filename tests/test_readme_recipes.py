"""Every recipe of the README's "Recipes" section runs as written, on the sample reports.

The fenced ``sh``, ``cron`` and ``sql`` blocks are read from README.md itself, so a recipe
edited there is the recipe tested here. They run in a scratch folder where ``reports/``,
``archive/`` and ``inbox/`` hold copies of ``samples/``; cron lines lose their schedule and
their install paths; ``mail`` is a stand-in that keeps the message. A recipe whose tool (jq,
csvkit, datasette ...) is not installed is skipped, naming the tool.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SAMPLES = ROOT / "samples"
BIN = Path(sys.executable).parent  # the hkwrap of this checkout
# Commands the recipes may use that are not part of a POSIX shell.
TOOLS = ("jq", "csvlook", "csvsql", "datasette", "sqlite3", "xargs", "find")


def recipes_section() -> str:
    return README.split("## Recipes", 1)[1].split("\n## Commands", 1)[0]


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", recipes_section(), flags=re.DOTALL)


def commands(block: str) -> list[str]:
    """Shell commands of a block: comment lines dropped, a line continued by ``\\`` or by an
    open quote joined to the next."""
    out: list[str] = []
    current = ""
    for line in block.splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        current = f"{current}\n{line}" if current else line
        if current.endswith("\\") or current.count('"') % 2:
            continue
        out.append(current)
        current = ""
    return out


def cron_command(line: str) -> str:
    """A crontab line as a shell command run here: no schedule, no install paths, ``\\%`` is %."""
    command = line.split(None, 5)[5]
    command = command.replace("\\%", "%").replace("/opt/hkwrap/.venv/bin/hkwrap", "hkwrap")
    return command.replace("cd /srv/hk &&", "cd . &&")


RECIPES = [c for b in blocks("sh") for c in commands(b)] + [
    cron_command(line) for b in blocks("cron") for line in b.splitlines() if line.strip()
]


def test_the_recipes_are_found() -> None:
    assert len(RECIPES) >= 8 and any("csvlook" in r for r in RECIPES)
    assert blocks("sql")


@pytest.fixture
def place(tmp_path: Path) -> Path:
    for folder in ("reports", "archive", "inbox"):
        shutil.copytree(SAMPLES, tmp_path / folder)
    (tmp_path / "data").mkdir()
    (tmp_path / "logs").mkdir()
    stubs = tmp_path / ".bin"
    stubs.mkdir()
    mail = stubs / "mail"
    mail.write_text('#!/bin/sh\ncat > "$HKWRAP_TEST_MAIL"\n', encoding="utf-8")
    mail.chmod(0o755)
    return tmp_path


def run(command: str, place: Path) -> subprocess.CompletedProcess[str]:
    missing = sorted(
        tool for tool in TOOLS if re.search(rf"(^|[|;&(]\s*){tool}\b", command)
        and shutil.which(tool) is None
    )
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed")
    env = {
        **os.environ,
        "PATH": f"{place / '.bin'}{os.pathsep}{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "HKWRAP_TEST_MAIL": str(place / "mail.txt"),
        "XDG_CONFIG_HOME": str(place / "config"),
        "XDG_CACHE_HOME": str(place / "cache"),
        "NO_COLOR": "1",
    }
    for name in ("HKWRAP_FORMAT", "HKWRAP_ENCODING", "HKWRAP_DB"):
        env.pop(name, None)
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], cwd=place, env=env, capture_output=True,
        text=True, timeout=300, stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("recipe", RECIPES, ids=[r.split("|")[-1].strip()[:40] for r in RECIPES])
def test_recipe_runs_as_written(recipe: str, place: Path) -> None:
    done = run(recipe, place)
    assert done.returncode == 0, done.stderr
    wrote = [p for p in place.rglob("*") if p.is_file() and p.suffix in (".jsonl", ".csv", ".db")]
    assert done.stdout.strip() or wrote or (place / "mail.txt").exists(), "the recipe gave nothing"
    if "csvlook" in recipe:  # the code column as written, 00981, not the number 981
        assert re.search(r"\|\s*00981\s*\|", done.stdout) and not re.search(r"\|\s*981\s*\|", done.stdout)
    if "csvsql" in recipe:
        rows = list(csv.DictReader(io.StringIO(done.stdout)))
        assert rows and all(re.fullmatch(r"\d{5}", r["code"]) for r in rows), rows
    if "archive.jsonl" in recipe:  # every .txt report, none lost
        written = (place / "archive.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(written) == len(list(SAMPLES.glob("*.txt")))
    if "--bom" in recipe:
        assert (place / "facts.csv").read_bytes().startswith(b"\xef\xbb\xbfsource,")


def test_sql_recipes_answer(place: Path) -> None:
    done = run("hkwrap load -q data/hk.db reports/", place)
    assert done.returncode == 0, done.stderr
    (block,) = blocks("sql")
    statements = [s for s in re.sub(r"--[^\n]*", "", block).split(";") if s.strip()]
    assert len(statements) == 3
    with sqlite3.connect(place / "data" / "hk.db") as db:
        for statement in statements:
            assert db.execute(statement).fetchall(), statement
