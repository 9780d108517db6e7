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
The public records (``hkwrap.model``) stay dataclasses, with the same shared functions, made by
:func:`dataclass_record` without the ``dataclasses`` module: importing it (with ``inspect``,
``ast``, ``dis`` and ``tokenize``, which it imports) costs ~9 ms of every start of the command
line, and only code that asks ``dataclasses`` about a record needs it, which then imports it.
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


class Fresh:
    """A record field's default made afresh for each record, as ``dataclasses.field(
    default_factory=factory)`` (the record's own ``__init__`` makes it)."""

    __slots__ = ("factory",)

    def __init__(self, factory: Callable[[], Any]) -> None:
        self.factory = factory


def fresh(factory: Callable[[], Any]) -> Any:
    """A field's default made by ``factory`` for each record (see :class:`Fresh`)."""
    return Fresh(factory)


class _DataclassFields:
    """A record class's ``__dataclass_fields__``, the mapping of ``dataclasses.Field`` objects
    that ``dataclasses.fields()``, ``replace()``, ``asdict()`` and ``is_dataclass()`` read: made
    (importing ``dataclasses``) the first time one of them asks."""

    def __init__(self, names: tuple[str, ...], types: dict[str, Any], defaults: dict[str, Any]) -> None:
        self._spec = (names, types, defaults)
        self._fields: dict[str, Any] | None = None

    def __get__(self, obj: Any, owner: type | None = None) -> dict[str, Any]:
        if self._fields is None:
            import dataclasses

            names, types, defaults = self._spec
            fields = {}
            for name in names:
                default = defaults.get(name, dataclasses.MISSING)
                if isinstance(default, Fresh):
                    f = dataclasses.field(default_factory=default.factory)
                else:
                    f = dataclasses.field(default=default)
                # what the dataclass decorator sets on each field it collects
                f.name, f.type = name, types[name]
                f._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
                if getattr(f, "kw_only", False) is dataclasses.MISSING:
                    f.kw_only = False
                fields[name] = f
            self._fields = fields
        return self._fields


class _DataclassParams:
    """A record class's ``__dataclass_params__`` (what ``@dataclass(init=False, repr=False,
    eq=False, frozen=frozen, slots=True)`` records; some libraries read it), made on first use."""

    def __init__(self, frozen: bool) -> None:
        self._frozen = frozen
        self._params: Any = None

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if self._params is None:
            import dataclasses

            probe = type("_Probe", (), {})
            made = dataclasses.dataclass(init=False, repr=False, eq=False, frozen=self._frozen, slots=True)(probe)
            self._params = made.__dataclass_params__  # type: ignore[attr-defined]
        return self._params


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    import dataclasses

    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    import dataclasses

    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> tuple[Any, ...]:
    return type(self)._values(self)  # type: ignore[no-any-return]  (two fields or more: a tuple)


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    for name, value in zip(type(self).__match_args__, state, strict=True):
        object.__setattr__(self, name, value)


def dataclass_record(*, frozen: bool = False) -> Callable[[type[_T]], type[_T]]:
    """``@dataclass(slots=True, frozen=frozen)`` for a class that writes its own ``__init__``,
    without importing ``dataclasses``. The class's annotations (at least two) are its fields, in
    order, their values in the class body their defaults (:func:`fresh` for a default factory).
    The record gets ``__slots__``, ``__match_args__``, the value methods of :func:`record`,
    pickling by its fields, a frozen one the ``FrozenInstanceError`` of assignment, and a
    ``__dataclass_fields__`` and ``__dataclass_params__`` made on first use, so
    ``dataclasses.fields()``, ``replace()``, ``asdict()`` and ``is_dataclass()`` (and libraries
    that read a dataclass's parameters) see a dataclass. (tests/test_model_records.py holds
    each record to it.)"""

    def make(cls: type[_T]) -> type[_T]:
        names = tuple(cls.__annotations__)
        body = {k: v for k, v in vars(cls).items() if k not in names and k not in ("__dict__", "__weakref__")}
        body["__slots__"] = names
        body["__match_args__"] = names
        body["__dataclass_fields__"] = _DataclassFields(
            names, dict(cls.__annotations__), {k: vars(cls)[k] for k in names if k in vars(cls)}
        )
        body["__dataclass_params__"] = _DataclassParams(frozen)
        body["__getstate__"] = _getstate
        body["__setstate__"] = _setstate
        if frozen:
            body["__setattr__"] = _frozen_setattr
            body["__delattr__"] = _frozen_delattr
        made = type(cls)(cls.__name__, cls.__bases__, body)
        made.__qualname__ = cls.__qualname__
        give_value_methods(made, names, frozen)
        return made  # type: ignore[return-value]

    return make
