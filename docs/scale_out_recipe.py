"""Extract a folder (or bucket) of reports to JSON Lines with Dask: the recipe of scale-out.md.

    python docs/scale_out_recipe.py 'archive/**/*.txt' out.jsonl                 # this machine
    python docs/scale_out_recipe.py 'archive/*.txt' out.jsonl tcp://scheduler:8786  # a cluster

The same ``run`` works on a laptop (Dask's local processes) and on a ``dask.distributed``
cluster: pass a ``distributed.Client`` (or its address) as ``scheduler``.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterable
from typing import Any

from hkwrap.errors import HkwrapError
from hkwrap.pipeline import Options, extract_source
from hkwrap.readers import INPUT_EXTENSIONS, iter_inputs, read_bytes


def extract_one(item: tuple[str, bytes], options: Options) -> list[str]:
    """One file's bytes -> its documents as JSON lines. A file that cannot be read or
    extracted becomes one ``{"source": ..., "error": ...}`` line instead of failing the job."""
    name, data = item
    try:
        docs = [extract_source(src, options).to_dict() for src in read_bytes(data, name)]
    except HkwrapError as exc:
        docs = [{"source": name, "error": str(exc)}]
    return [json.dumps(d, ensure_ascii=False) for d in docs]


def _read_file(path: str) -> tuple[str, bytes]:
    if "://" not in path:
        with open(path, "rb") as f:
            return path, f.read()
    import fsspec  # Dask's file layer: s3://, gs://, abfs:// ... (with their fsspec plug-ins)

    with fsspec.open(path, "rb") as f:
        return path, f.read()


def expand(input_glob: str | Iterable[str]) -> list[str]:
    """The files to read: a glob (``reports/**/*.txt``, ``s3://bucket/hk/*.md``), a folder
    (walked for report extensions, as the command line walks it) or a list of paths; sorted,
    so the output order is stable. Local paths stay as given, like the CLI's ``source``."""
    if not isinstance(input_glob, str):
        return list(input_glob)
    if "://" not in input_glob:
        if os.path.isdir(input_glob):
            return list(iter_inputs([input_glob]))
        return sorted(glob.glob(input_glob, recursive=True))
    import fsspec

    fs, _, paths = fsspec.get_fs_token_paths(input_glob)
    if len(paths) == 1 and fs.isdir(paths[0]):
        paths = [p for p in fs.find(paths[0]) if p.lower().endswith(INPUT_EXTENSIONS)]
        paths = [p for p in paths if not any(part.startswith(".") for part in p.split("/"))]
    protocol = fs.protocol[0] if isinstance(fs.protocol, tuple) else fs.protocol
    return sorted(f"{protocol}://{p}" for p in paths)


def run(
    input_glob: str | Iterable[str],
    output_path: str,
    scheduler: Any = None,
    options: Options | None = None,
    partition_size: int = 64,
) -> int:
    """Extract every report matched by ``input_glob`` into ``output_path`` (JSON Lines, one
    document a line, in path order). With a ``*`` in ``output_path`` (``out/part-*.jsonl``,
    ``s3://bucket/hk/*.jsonl``) each partition is written by its worker and nothing is
    gathered on this machine. ``scheduler``: None (Dask's default), a ``distributed.Client``,
    a scheduler address, or a name such as ``"processes"``. Returns the number of lines
    written (-1 for partitioned output, which is not counted)."""
    import dask.bag as db

    options = options or Options(use_user_config=False)  # the same on every worker
    paths = expand(input_glob)
    if not paths:
        raise FileNotFoundError(f"no input matches {input_glob!r}")
    lines = (
        db.from_sequence(paths, partition_size=partition_size)
        .map(_read_file)
        .map(extract_one, options)
        .flatten()
    )
    if isinstance(scheduler, str) and "://" in scheduler:
        from distributed import Client

        with Client(scheduler) as client:
            return _write(lines, output_path, client)
    return _write(lines, output_path, scheduler)


def _write(lines: Any, output_path: str, scheduler: Any) -> int:
    kwargs: dict[str, Any] = {} if scheduler is None else {"scheduler": scheduler}
    if "*" in output_path:
        lines.to_textfiles(output_path, encoding="utf-8", last_endline=True, compute=True,
                           **({"compute_kwargs": kwargs} if kwargs else {}))
        return -1
    result = lines.compute(**kwargs)
    with open(output_path, "w", encoding="utf-8", newline="\n") as out:
        for line in result:
            out.write(line + "\n")
    return len(result)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    count = run(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else None)
    print(f"wrote {count} documents to {sys.argv[2]}", file=sys.stderr)
