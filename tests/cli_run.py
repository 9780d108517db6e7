"""Run the command line as a user would, in a clean environment under a test's own folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

RUN_TIMEOUT = 60  # seconds; a hang is a failure, not a stuck suite
# Settings from the developer's shell that would change what a test sees.
_ENV_DROPPED = ("HKWRAP_FORMAT", "HKWRAP_JOBS", "HKWRAP_ENCODING", "FORCE_COLOR")


def hkwrap(*args: str, cwd: Path, stdin: bytes | None = None, env: dict | None = None):
    """Run ``python -m hkwrap ARGS`` whose home, config and cache are under ``cwd``."""
    full_env = {
        **os.environ,
        "HOME": str(cwd / "home"),
        "XDG_CONFIG_HOME": str(cwd / "config"),
        "XDG_CACHE_HOME": str(cwd / "cache"),
        "NO_COLOR": "1",
        **(env or {}),
    }
    for key in _ENV_DROPPED:
        if key not in (env or {}):
            full_env.pop(key, None)
    return subprocess.run(
        [sys.executable, "-m", "hkwrap", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=RUN_TIMEOUT,
    )
