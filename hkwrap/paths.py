"""Where hkwrap's own files live: the one rule for the config and cache folders.

Both follow the XDG base-directory rule: ``$XDG_CONFIG_HOME`` / ``$XDG_CACHE_HOME`` when set to
an absolute path, else ``~/.config`` / ``~/.cache``. A relative value is ignored, as the XDG
specification requires (a relative folder would change with the working directory, so
``securities import`` and ``extract`` run from two folders would disagree).

Only the command line calls these; the library touches no user file unless asked. Paths are
strings (``os.path``): ``pathlib`` and what it imports cost ~4 ms of every start.
"""

from __future__ import annotations

import os


def _xdg(variable: str, fallback: str) -> str:
    value = os.environ.get(variable, "")
    if value and os.path.isabs(value):
        return value
    return os.path.join(os.path.expanduser("~"), fallback)


def config_dir() -> str:
    """``$XDG_CONFIG_HOME/hkwrap`` (``~/.config/hkwrap``)."""
    return os.path.join(_xdg("XDG_CONFIG_HOME", ".config"), "hkwrap")


def user_aliases_path() -> str:
    """The user alias table every CLI run reads and ``securities import`` writes by default."""
    return os.path.join(config_dir(), "aliases.yaml")


def cache_dir() -> str:
    """``$XDG_CACHE_HOME/hkwrap`` (``~/.cache/hkwrap``): parsed copies of alias files and the
    compiled patterns (hkwrap/patterns.py)."""
    return os.path.join(_xdg("XDG_CACHE_HOME", ".cache"), "hkwrap")
