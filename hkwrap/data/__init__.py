"""Data files (vocabulary, index names, securities) and their compiled form.

The YAML files beside this module are the sources people edit. ``python -m hkwrap.data.build``
(``make data``) compiles them into ``compiled.json``, which is all the runtime reads: parsing
JSON costs milliseconds where PyYAML costs seconds. ``tests/test_data.py`` fails when the
compiled copy is stale.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent
COMPILED = DATA_DIR / "compiled.json"


@lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    """The compiled data, read once per process."""
    with open(COMPILED, "rb") as fh:
        return json.loads(fh.read().decode("utf-8"))
