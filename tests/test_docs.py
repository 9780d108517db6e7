"""README.md documents every command, every option and every environment variable of the CLI.

Options are looked for inside the README section of their command: the text under the heading
that names the command (``### `hkwrap extract` ...``) up to the next heading of that level.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from hkwrap.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"


def _walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    yield " ".join(("hkwrap", *path)), command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _walk(sub, (*path, name))


COMMANDS = list(_walk(get_command(app)))
OPTIONS = sorted(
    {
        (name, opt)
        for name, command in COMMANDS
        for param in command.params
        if param.param_type_name == "option"
        for opt in (*param.opts, *param.secondary_opts)
    }
)
ENVVARS = sorted(
    {
        var
        for _, command in COMMANDS
        for param in command.params
        for var in ([param.envvar] if isinstance(param.envvar, str) else (param.envvar or []))
    }
)


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def section(readme: str, command: str) -> str:
    """The README text under the '### `<command>`' heading (the whole README for 'hkwrap')."""
    if command == "hkwrap":
        return readme
    match = re.search(rf"^### `{re.escape(command)}[` ].*?$(.*?)(?=^#{{1,3}} |\Z)", readme,
                      re.M | re.S)
    assert match, f"README.md has no '### `{command}`' section"
    return match.group(1)


@pytest.mark.parametrize("name", [name for name, _ in COMMANDS], ids=str)
def test_every_command_is_documented(readme: str, name: str) -> None:
    assert name in readme, f"{name} is missing from README.md"
    section(readme, name)


@pytest.mark.parametrize(("command", "option"), OPTIONS, ids=lambda v: str(v))
def test_every_option_is_documented(readme: str, command: str, option: str) -> None:
    text = section(readme, command)
    assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text), (
        f"{command} {option} is missing from its README.md section"
    )


@pytest.mark.parametrize("var", ENVVARS)
def test_environment_variables_are_documented(readme: str, var: str) -> None:
    assert var in readme


@pytest.mark.parametrize("code", ["0", "1", "2", "130", "141", "143"])
def test_exit_codes_are_documented(readme: str, code: str) -> None:
    assert re.search(rf"^\|\s*`?{code}`?\s*\|", readme, re.M), f"exit status {code} not in table"


def test_readme_opens_with_the_newcomer_commands(readme: str) -> None:
    head = readme[:1200]
    assert "make demo" in head and "make test" in head


def test_csv_columns_are_documented(readme: str) -> None:
    from hkwrap.output.csvout import COLUMNS

    for column in COLUMNS:
        assert f"`{column}`" in readme, column
