"""One helper shared by the readers: an InputError whose one-line message names the file."""

from __future__ import annotations

from hkwrap.errors import InputError


def input_error(name: str, problem: str) -> InputError:
    """``InputError("reports/a.txt: empty input")``, kept to one line whatever the name holds."""
    line = f"{name}: {problem}"
    return InputError(line.replace("\r", " ").replace("\n", " "))
