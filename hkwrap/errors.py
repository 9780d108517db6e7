"""Exceptions raised by the library. Only the CLI turns them into exit codes."""

from __future__ import annotations


class HkwrapError(Exception):
    """Base class: a problem with one input or one data file, worth one line on stderr."""


class InputError(HkwrapError):
    """An input cannot be read: missing, a directory, binary, undecodable, too large, empty."""


class DataFileError(HkwrapError):
    """A user data file (aliases, config, spreadsheet) is malformed. The message names file and line."""
