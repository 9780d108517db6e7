"""Shared test settings: the Hypothesis profiles, and a CLI runner with a clean environment.

``HYPOTHESIS_PROFILE`` picks one:

- ``default`` (``make test``): each property runs the quick number of examples its test asks
  for through :func:`examples`, so the whole suite stays around a minute;
- ``thorough`` (``make fuzz``): 10,000 examples for every property, no deadline.

Tests write ``@settings(max_examples=examples(300), ...)``; the profile decides what that means.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

try:
    from hypothesis import HealthCheck, settings
except ImportError:  # hypothesis is a dev dependency; tests that need it skip themselves
    settings = None  # type: ignore[assignment]

THOROUGH_EXAMPLES = 10_000
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")

if settings is not None:
    _quiet = [HealthCheck.too_slow, HealthCheck.data_too_large]
    settings.register_profile("default", deadline=None, suppress_health_check=_quiet)
    settings.register_profile(
        "thorough",
        deadline=None,
        max_examples=THOROUGH_EXAMPLES,
        suppress_health_check=_quiet,
        print_blob=True,  # a failure prints what reproduces it
    )
    settings.load_profile(PROFILE)


def examples(quick: int) -> int:
    """How many examples a property runs: ``quick`` in ``make test``, 10,000 under the
    ``thorough`` profile."""
    return THOROUGH_EXAMPLES if PROFILE == "thorough" else quick


# Every environment variable the command line reads; a runner unsets them all, so a setting in
# the developer's shell cannot change what a test sees.
HKWRAP_VARIABLES = (
    "HKWRAP_COLOURS", "HKWRAP_DB", "HKWRAP_ENCODING", "HKWRAP_ENCODING_ERRORS", "HKWRAP_FORMAT",
    "HKWRAP_JOBS", "HKWRAP_MAX_BYTES", "HKWRAP_TICKER_STYLE",
)


@pytest.fixture
def runner(tmp_path: Path) -> CliRunner:
    """A runner whose environment cannot leak colour settings, hkwrap settings, a user alias
    table or its cache."""
    env: dict[str, str | None] = dict.fromkeys(("NO_COLOR", "FORCE_COLOR", *HKWRAP_VARIABLES))
    env |= {
        "TERM": "xterm",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    return CliRunner(env=env)
