"""Data files (vocabulary, index names, securities) and their compiled form.

The YAML files beside this module are the sources people edit. ``python -m hkwrap.data.build``
(``make data``) compiles them into ``compiled.json`` (the vocabulary, index names, the
Traditional -> Simplified map) and ``securities.json`` (the built-in securities table), which
are all the runtime reads: parsing JSON costs milliseconds where PyYAML costs seconds.
``tests/test_data.py`` fails when a compiled copy is stale.

The securities table is a file of its own because a run with an imported HKEX list reads its
own merged table (``hkwrap.securities.table``) instead, and need not parse the built-in one.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any

# Paths as strings: pathlib costs ~4 ms of every start (hkwrap/paths.py).
DATA_DIR = os.path.dirname(os.path.realpath(__file__))
COMPILED = os.path.join(DATA_DIR, "compiled.json")
SECURITIES = os.path.join(DATA_DIR, "securities.json")


@lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    """The compiled vocabulary, read once per process."""
    with open(COMPILED, "rb") as fh:
        return json.loads(fh.read().decode("utf-8"))


@lru_cache(maxsize=1)
def load_securities() -> dict[str, Any]:
    """The compiled built-in securities table, read once per process (when it is used)."""
    with open(SECURITIES, "rb") as fh:
        return json.loads(fh.read().decode("utf-8"))
