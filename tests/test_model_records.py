"""The record classes (hkwrap.model._record) write their own __init__ for start-up speed; these
tests hold each one to its dataclass fields, so a field added, renamed or given another default
in one place and not the other fails here rather than in a report."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import subprocess
import sys

import pytest

from hkwrap import model
from hkwrap.pipeline import Options
from hkwrap.readers import Source

RECORDS = [
    cls for cls in vars(model).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == "hkwrap.model"
] + [Source, Options]


# The records that are frozen (hashable, no assignment); the others are mutable and unhashable.
FROZEN = {"Evidence", "Mention", "Source", "Options"}


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
    assert cls.__dataclass_params__.frozen is (cls.__name__ in FROZEN)  # type: ignore[attr-defined]
    assert not cls.__dataclass_params__.init and not cls.__dataclass_params__.eq  # type: ignore[attr-defined]
    if cls.__name__ in FROZEN:
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


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_records_answer_the_dataclasses_module(cls: type) -> None:
    a = _sample(cls)
    assert dataclasses.is_dataclass(cls) and dataclasses.is_dataclass(a)
    assert cls.__match_args__ == tuple(f.name for f in dataclasses.fields(cls))
    assert cls.__slots__ == cls.__match_args__  # slotted, as @dataclass(slots=True) made them
    as_dict = dataclasses.asdict(a)
    assert list(as_dict) == list(cls.__match_args__)
    assert copy.copy(a) == a and copy.deepcopy(a) == a
    assert copy.deepcopy(a) is not a


def test_a_document_converts_with_asdict_as_before() -> None:
    doc = model.Document(source="r.txt", language="en")
    doc.indices.append(model.IndexMove("HSI", "Hang Seng Index", level=25480.2, change_pct=1.3,
                                       evidence=model.Evidence("rose 1.3%", 10, 19, 1)))
    out = dataclasses.asdict(doc)
    assert out["indices"][0]["evidence"] == {"text": "rose 1.3%", "start": 10, "end": 19, "line": 1}
    assert out["market"]["turnover"] is None and out["warnings"] == []


def test_the_records_load_without_the_dataclasses_module() -> None:
    """Importing dataclasses (with inspect, ast, dis, tokenize) costs ~9 ms of a start: the
    records and the extraction never need it (asking dataclasses about a record imports it)."""
    probe = (
        "import sys\n"
        "from hkwrap.pipeline import Options, extract_text\n"
        "doc = extract_text('The Hang Seng Index rose 1.3% to 25,480.2.', options=Options())\n"
        "assert doc.indices and doc.to_dict()\n"
        "print('dataclasses' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
