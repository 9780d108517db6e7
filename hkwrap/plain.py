"""Plain record classes: slots, a written-out ``__init__``, and value equality.

A ``@dataclass`` compiles its ``__init__``, ``__repr__`` and ``__eq__`` (and a frozen one's
``__setattr__``, ``__delattr__`` and ``__hash__``) from source for every class at import: about
0.5 ms a class, 1 ms a frozen one, on every start of the command line. A frozen dataclass also
sets each field through ``object.__setattr__``, which makes one three times slower to create.
The extractors' working records (a token, a quantity, a move, what binding carries) are made
by the hundred thousand and are never public, so they are plain classes: each names its fields
in order as ``__match_args__``, makes them its ``__slots__``, and writes its ``__init__``;
:func:`record` gives it the ``__repr__``,
``__eq__`` and ``__hash__`` a dataclass would have, as shared functions that read the fields.
The public records (``hkwrap.model``) stay dataclasses, with the same shared functions.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

_T = TypeVar("_T")


def _repr(self: Any) -> str:
    fields = type(self).__match_args__
    return f"{type(self).__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in fields)})"


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is self.__class__:
        values = type(self)._values
        return bool(values(self) == values(other))
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(type(self)._values(self))


def give_value_methods(cls: type, names: tuple[str, ...], hashable: bool) -> None:
    """Set a dataclass's ``__repr__`` and ``__eq__`` (and a frozen one's ``__hash__``) on
    ``cls``, reading the fields ``names`` (at least two), in order."""
    cls._values = attrgetter(*names)  # type: ignore[attr-defined]
    cls.__repr__ = _repr  # type: ignore[method-assign]
    cls.__eq__ = _eq  # type: ignore[method-assign,assignment]
    cls.__hash__ = _hash if hashable else None  # type: ignore[method-assign,assignment]


def record(*, hashable: bool = False) -> Callable[[type[_T]], type[_T]]:
    """Give a class whose fields are its ``__match_args__`` (at least two) a dataclass's
    ``__repr__`` and ``__eq__``: fields in order, equal only to a record of the same class.
    ``hashable``: hash the fields too, as a frozen dataclass does (the record is then never
    changed after it is made; nothing enforces it, which is what keeps it cheap to make)."""

    def make(cls: type[_T]) -> type[_T]:
        give_value_methods(cls, cls.__match_args__, hashable)  # type: ignore[attr-defined]
        return cls

    return make


def replace(obj: _T, **changes: Any) -> _T:
    """A copy of the record ``obj`` with ``changes`` (as ``dataclasses.replace``)."""
    cls = type(obj)
    fields = dict(zip(cls.__match_args__, cls._values(obj), strict=True))  # type: ignore[attr-defined]
    fields.update(changes)
    return cls(**fields)
