"""The record classes (hkwrap.model._record) write their own __init__ for start-up speed; these
tests hold each one to its dataclass fields, so a field added, renamed or given another default
in one place and not the other fails here rather than in a report."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from hkwrap import model
from hkwrap.readers import Source

RECORDS = [
    cls for cls in vars(model).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == "hkwrap.model"
] + [Source]


def test_every_model_record_is_covered() -> None:
    assert {c.__name__ for c in RECORDS} >= {"Evidence", "IndexMove", "StockMove", "Mention", "Document"}


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls: type) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields, strict=True):
        if f.default is not dataclasses.MISSING:
            assert p.default == f.default, f"{cls.__name__}.{f.name}"
        elif f.default_factory is not dataclasses.MISSING:
            assert p.default is model._FRESH, f"{cls.__name__}.{f.name}: a fresh default"
        else:
            assert p.default is inspect.Parameter.empty, f"{cls.__name__}.{f.name}: required"


def _sample(cls: type) -> object:
    """A record of ``cls`` with every required field given a value of its own."""
    args = {
        f.name: (f"{f.name}-value" if "str" in str(f.type) else 7)
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    return cls(**args)


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_records_behave_as_dataclasses(cls: type) -> None:
    a, b = _sample(cls), _sample(cls)
    assert a == b
    first = dataclasses.fields(cls)[0].name
    assert dataclasses.replace(a, **{first: "another"}) != a  # (__ne__ from __eq__)
    assert repr(a).startswith(f"{cls.__qualname__}(")
    assert dataclasses.replace(a) == a
    assert pickle.loads(pickle.dumps(a)) == a
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    if params.frozen:
        # a generated __hash__ hashes the tuple of the fields (and fails as it does: a dict field)
        values = tuple(getattr(a, f.name) for f in dataclasses.fields(cls))
        try:
            expected = hash(values)
        except TypeError:
            with pytest.raises(TypeError):
                hash(a)
        else:
            assert hash(a) == hash(b) == expected
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(a, dataclasses.fields(cls)[0].name, None)
    else:
        with pytest.raises(TypeError):
            hash(a)


def test_fresh_defaults_are_not_shared() -> None:
    one, two = model.IndexMove("HSI", "Hang Seng Index"), model.IndexMove("HSI", "Hang Seng Index")
    one.restated.append(model.Evidence("text", 0, 4, 1))
    assert two.restated == []
