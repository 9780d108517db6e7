"""The Dask recipe (docs/scale_out_recipe.py) gives the command line's output, on real worker
processes; and what it ships to workers (Options, Documents) pickles."""

from __future__ import annotations

import importlib.util
import json
import pickle
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _recipe() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scale_out_recipe", ROOT / "docs" / "scale_out_recipe.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cli_jsonl(*paths: str) -> list[dict[str, Any]]:
    hkwrap = Path(sys.executable).parent / "hkwrap"
    cmd = [str(hkwrap)] if hkwrap.exists() else [sys.executable, "-m", "hkwrap"]
    out = subprocess.run(
        [*cmd, "extract", "--no-user-aliases", "--format", "jsonl", *paths],
        capture_output=True, text=True, check=True, timeout=120, cwd=ROOT,
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


def _key(doc: dict[str, Any]) -> str:
    return json.dumps(doc, sort_keys=True, ensure_ascii=False)


def test_options_and_documents_pickle() -> None:
    from hkwrap import extract_file
    from hkwrap.pipeline import Options

    opts = Options(reference_date="2026-01-15", alias_files=("a.yaml",), use_user_config=False)
    assert pickle.loads(pickle.dumps(opts)) == opts
    assert hash(pickle.loads(pickle.dumps(opts))) == hash(opts)
    for sample in sorted(SAMPLES.iterdir()):
        for doc in extract_file(str(sample), options=Options(use_user_config=False)):
            copy = pickle.loads(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
            assert copy.to_dict() == doc.to_dict()


def test_extract_one_is_picklable_and_pure() -> None:
    recipe = _recipe()
    from hkwrap.pipeline import Options

    item = (str(SAMPLES / "zh-hant_tv_close_2026-01-15.txt"),
            (SAMPLES / "zh-hant_tv_close_2026-01-15.txt").read_bytes())
    opts = Options(use_user_config=False)
    first = recipe.extract_one(item, opts)
    assert first == recipe.extract_one(item, opts)  # same answer every time
    bad = recipe.extract_one(("scan.txt", b"\x00\x01binary"), opts)
    assert json.loads(bad[0])["source"] == "scan.txt" and "error" in json.loads(bad[0])


def test_recipe_matches_cli_single_process(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="dask is not installed (pip install '.[dask]')")
    recipe = _recipe()
    out = tmp_path / "out.jsonl"
    count = recipe.run("samples", str(out), scheduler="synchronous")
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    want = _cli_jsonl("samples")
    assert count == len(want)
    assert got == want  # same documents, same order (sorted paths, relative as given)


def test_recipe_on_local_cluster_matches_cli(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="dask is not installed (pip install '.[dask]')")
    distributed = pytest.importorskip(
        "distributed", reason="dask.distributed is not installed (pip install '.[dask]')"
    )
    recipe = _recipe()
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
        silence_logs=40, worker_dashboard_address=None,
    ) as cluster, distributed.Client(cluster) as client:
        out = tmp_path / "cluster.jsonl"
        recipe.run(str(SAMPLES), str(out), scheduler=client, partition_size=2)
        parts = tmp_path / "parts"
        recipe.run(str(SAMPLES), str(parts / "part-*.jsonl"), scheduler=client, partition_size=3)
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    want = _cli_jsonl(str(SAMPLES))
    assert sorted(map(_key, got)) == sorted(map(_key, want))
    assert [d["source"] for d in got] == [d["source"] for d in want]
    part_docs = [
        json.loads(line)
        for part in sorted(parts.glob("part-*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(map(_key, part_docs)) == sorted(map(_key, want))
